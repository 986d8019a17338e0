// Time and peak memory of the hostile files of issue #26, each run by the CLI in its own child process
// (heap capped as in the hostile suite), peak RSS read from the child itself. Goal: seconds, ≤ 500 MB.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchFigure } from '../bench';
import { bracketFormatXlsx, commentedXlsx, longTextXlsx, sharedPartXlsx, whitespaceOds } from '../../test/hostile/support/cases26';
import { runInChild } from '../../test/hostile/support/child';

/** Exit codes 0–4 are jixiao's documented outcomes (3: no table, 4: unreadable); anything else is a crash. */
export function documentedExit(code: number | null): boolean {
  return code !== null && code >= 0 && code <= 4;
}

export default async (): Promise<BenchFigure[]> => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-hostile26-'));
  const cases: [string, string, () => Uint8Array, (file: string) => string[]][] = [
    ['20,000-char [ number format on 20,000 cells', 'case.xlsx', bracketFormatXlsx, (f) => ['check', '--json', f]],
    ['200 <sheet> entries on one 40 MB part', 'case.xlsx', () => sharedPartXlsx(40), (f) => ['check', '--json', f]],
    ['the same through --library', 'case.xlsx', () => sharedPartXlsx(40), (f) => ['templates', '--library', f]],
    ['comment of 150,000 <cfRule, --marked', 'case.xlsx', () => commentedXlsx('<cfRule priority="9" ', 150_000), (f) => ['check', '--json', f, '--marked', join(dir, 'marked')]],
    ['comment of 400,000 <row, fix --out', 'case.xlsx', () => commentedXlsx('<row r="9">', 400_000), (f) => ['fix', f, '--out', join(dir, 'fixed.xlsx'), '--force']],
    ['.ods of 450 MB whitespace', 'case.ods', () => whitespaceOds(450), (f) => ['check', '--json', f]],
    ['one 400 MB text node', 'case.xlsx', () => longTextXlsx(400), (f) => ['check', '--json', f]],
  ];
  const figures: BenchFigure[] = [];
  try {
    for (const [name, fileName, make, args] of cases) {
      const file = join(dir, fileName);
      writeFileSync(file, make());
      const result = runInChild(args(file));
      if (!documentedExit(result.code)) throw new Error(`${name}: jixiao 异常退出（${result.code}）：${result.stderr.slice(-500)}`);
      figures.push({ name: `${name}: peak RSS`, value: Math.round(result.peakMB), unit: 'MB', goal: '≤ 500 MB' });
      figures.push({ name: `${name}: time (process)`, value: result.seconds, unit: 's', goal: 'seconds' });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
};
