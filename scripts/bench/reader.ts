// Reader figures, side by side in one run, each in a fresh Node process as a user runs it (start-up
// included): `jixiao check` (the bundled CLI) against SheetJS's bare read of the same file, exceljs (its
// Node build and its dist build) and jixiao's reader alone; then peak memory at 100,000 rows. Runs
// alternate between readers so machine load falls on all of them alike; medians are printed.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import type { BenchFigure } from '../bench';
import { loadBundledLibrary } from '../../src/cli/seeds';
import type { PerformanceTable } from '../../src/core/model';
import { workbookToBuffer, writeTablesWorkbook } from '../../src/xlsx';

const ROOT = join(__dirname, '..', '..');
const OUT = join(ROOT, '.tmp', 'bench-reader');
const RUNS = 5;

async function writeWorkbook(file: string, tables: PerformanceTable[]): Promise<string> {
  const path = join(OUT, file);
  writeFileSync(path, await workbookToBuffer(writeTablesWorkbook(tables, { framework: 'seed' })));
  return path;
}

function bigTable(rows: number): PerformanceTable {
  const library = loadBundledLibrary();
  const source = library.tables.flatMap((t) => t.indicators);
  const indicators = Array.from({ length: rows }, (_, i) => {
    const row = source[i % source.length];
    return { ...row, level3: `${row.level3}${i}` };
  });
  indicators.sort((a, b) => a.level1.localeCompare(b.level1));
  return { ...library.tables[0], indicators };
}

interface Run {
  ms: number;
  peakMb: number;
}

/** One fresh process: wall time from the parent, peak RSS from GNU time. */
function run(args: string[]): Run {
  const stats = join(OUT, 'time.txt');
  const start = performance.now();
  const child = spawnSync('/usr/bin/time', ['-f', '%M', '-o', stats, process.execPath, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (child.status !== 0 && child.status !== 1) throw new Error(`${args.join(' ')} failed: ${child.stderr}`);
  return { ms, peakMb: Number(readFileSync(stats, 'utf8').trim().split('\n').pop()) / 1024 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export default async (): Promise<BenchFigure[]> => {
  mkdirSync(OUT, { recursive: true });
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-cli.js')]);
  // jixiao's reader alone, bundled the way the CLI is.
  buildSync({ stdin: { contents: "module.exports = require('./src/xlsx/readWorkbook');", resolveDir: ROOT, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', minify: true, outfile: join(OUT, 'reader.js'), logLevel: 'error' });
  const seed = await writeWorkbook('seed16.xlsx', loadBundledLibrary().tables);
  const tenK = await writeWorkbook('rows10k.xlsx', [bigTable(10_000)]);
  const hundredK = await writeWorkbook('rows100k.xlsx', [bigTable(100_000)]);

  const read = (js: string) => (file: string) => ['-e', js.replace('FILE', JSON.stringify(file))];
  const readers: [string, (file: string) => string[]][] = [
    ['jixiao check (bundled CLI, rules included)', (file) => [join(ROOT, 'bin/jixiao.js'), 'check', file]],
    ['SheetJS 0.20.3 bare read', read("require('@e965/xlsx').read(require('fs').readFileSync(FILE))")],
    ["jixiao's reader alone", read(`require(${JSON.stringify(join(OUT, 'reader.js'))}).readWorkbookGrids(require('fs').readFileSync(FILE))`)],
    ['exceljs 4.4 (Node build) load', read("new (require('exceljs').Workbook)().xlsx.load(require('fs').readFileSync(FILE))")],
    ['exceljs 4.4 (dist/exceljs.min.js) load', read("new (require('exceljs/dist/exceljs.min.js').Workbook)().xlsx.load(require('fs').readFileSync(FILE))")],
    ['node -e 0 (start-up alone)', () => ['-e', '0']],
  ];
  const figures: BenchFigure[] = [];
  for (const [label, file, runs] of [
    ['16-table workbook', seed, RUNS],
    ['10,000-row table', tenK, RUNS],
    ['100,000-row table', hundredK, 1],
  ] as const) {
    const results = readers.map(() => [] as Run[]);
    for (let i = 0; i < runs; i++) readers.forEach(([, args], k) => results[k].push(run(args(file))));
    const ms = results.map((r) => median(r.map((x) => x.ms)));
    const peak = results.map((r) => median(r.map((x) => x.peakMb)));
    readers.forEach(([name], k) => {
      figures.push({ name: `${label}: ${name}`, value: ms[k], unit: 'ms' });
      if (label.startsWith('100,000')) figures.push({ name: `${label}: ${name}, peak RSS`, value: peak[k], unit: 'MB' });
    });
    const goal = label.startsWith('16') ? 1.2 : label.startsWith('10,000') ? 1.5 : null;
    figures.push({ name: `${label}: jixiao check ÷ SheetJS bare read${goal ? ` (goal ≤ ${goal})` : ''}`, value: ms[0] / ms[1], unit: '×' });
    if (label.startsWith('100,000')) figures.push({ name: `${label}: jixiao check peak RSS (goal < 300)`, value: peak[0], unit: 'MB' });
  }
  const gzip = (file: string) => Number(execFileSync('sh', ['-c', `gzip -9c < '${file}' | wc -c`], { encoding: 'utf8' })) / 1024;
  figures.push({ name: 'CLI bundle build/cli/jixiao.js, gzip', value: gzip(join(ROOT, 'build/cli/jixiao.js')), unit: 'KB' });
  figures.push({ name: "jixiao's reader bundled alone (fflate included), gzip", value: gzip(join(OUT, 'reader.js')), unit: 'KB' });
  figures.push({ name: 'SheetJS xlsx.full.min.js, gzip', value: gzip(join(ROOT, 'node_modules/@e965/xlsx/dist/xlsx.full.min.js')), unit: 'KB' });
  figures.push({ name: 'exceljs dist/exceljs.min.js, gzip', value: gzip(join(ROOT, 'node_modules/exceljs/dist/exceljs.min.js')), unit: 'KB' });
  return figures;
};
