// The core's purity is enforced at every depth: ESLint, run as `npm test` runs it, rejects an import
// that leaves src/core however many folders deep the importing file sits.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const CASES: [file: string, source: string][] = [
  ['src/core/check.ts', "import { hostFor } from '../excel/host';\n"],
  ['src/core/sheet/reader.ts', "import { readGrids } from '../../xlsx/read';\n"],
  ['src/core/rules/deep/x.ts', "export * from '../../../cli/io';\n"],
  ['src/core/check.ts', "import { readFile } from 'node:fs';\n"],
  ['src/core/check.ts', "import ExcelJS from 'exceljs';\n"],
  ['src/core/check.ts', "const fs = require('fs');\n"],
  ['src/core/check.ts', "void import('../taskpane/App');\n"],
];
const PURE = "import * as z from 'zod/mini';\nimport { readSheet } from '../sheet/reader';\nimport { parseValue } from './parse';\nexport { z, readSheet, parseValue };\n";
const OUTSIDE = "import { readFile } from 'node:fs';\nexport { readFile };\n";

/** ESLint's rule ids for each [file, source], all in one ESLint process (it loads the project's config). */
function lintAll(inputs: [string, string][]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const inputs = JSON.parse(require('fs').readFileSync(0, 'utf8'));
    (async () => {
      const eslint = new ESLint();
      const out = [];
      for (const [filePath, code] of inputs) {
        const [result] = await eslint.lintText(code, { filePath });
        out.push(result.messages.map((m) => m.ruleId ?? 'fatal: ' + m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: root, input: JSON.stringify(inputs), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as string[][];
}

const [pure, outside, ...impure] = lintAll([['src/core/values/x.ts', PURE], ['src/cli/x.ts', OUTSIDE], ...CASES]);

describe('core purity', () => {
  it.each(CASES.map(([file, source], i) => [file, source.trim(), impure[i]]))('%s may not say %s', (_file, _source, ruleIds) => {
    expect(ruleIds).toContain('jixiao/core-purity');
  });

  it('accepts imports inside the core and zod', () => {
    expect(pure).toEqual([]);
  });

  it('does not apply outside the core', () => {
    expect(outside).toEqual([]);
  });
});
