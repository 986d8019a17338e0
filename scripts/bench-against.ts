// The 10,000-row check of `npm run bench` (scripts/bench/check.ts), timed against another checkout of jixiao
// in the same process: on a shared, loaded machine absolute times wander by 2–4× from run to run, but old and
// new code called in turn, under the same load, give a ratio that holds. Prints wall and CPU medians (CPU from
// process.cpuUsage, GC threads included) and the median of the per-round ratios this/other.
//
//   git worktree add --detach /tmp/old dabc89b && ln -s "$PWD/node_modules" /tmp/old/node_modules
//   npx tsx scripts/bench-against.ts /tmp/old [rounds]
//
// The other checkout must have the same entry points (src/cli/seeds, src/core/check, src/core/sheet/reader);
// the grid is built once here, by scripts/bench/check.ts, and handed to both (dabc89b builds the same grid).
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { TemplateLibrary } from '../src/core/model';
import type { CellGrid, SheetTable } from '../src/core/sheet/types';
import { loadBundledLibrary } from '../src/cli/seeds';
import { bigTableGrid } from './bench/check';

/** What the timing needs of a checkout: the same three calls the bench times. */
interface Side {
  library: TemplateLibrary;
  checkGrid(grid: CellGrid, options: { library: TemplateLibrary }): unknown;
  checkSheet(sheet: SheetTable, options: { library: TemplateLibrary }): unknown;
  readSheet(grid: CellGrid): SheetTable | null;
}

async function sideAt(root: string): Promise<Side> {
  const seeds = (await import(resolve(root, 'src/cli/seeds'))) as { loadBundledLibrary(): TemplateLibrary };
  const check = (await import(resolve(root, 'src/core/check'))) as Pick<Side, 'checkGrid' | 'checkSheet'>;
  const reader = (await import(resolve(root, 'src/core/sheet/reader'))) as Pick<Side, 'readSheet'>;
  return { library: seeds.loadBundledLibrary(), checkGrid: check.checkGrid, checkSheet: check.checkSheet, readSheet: reader.readSheet };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const [otherRoot, roundsArg] = process.argv.slice(2);
  if (!otherRoot) throw new Error('usage: npx tsx scripts/bench-against.ts OTHER_CHECKOUT [rounds]');
  const rounds = Number(roundsArg ?? 10);
  const grid = await bigTableGrid(loadBundledLibrary());
  const sides = [await sideAt(otherRoot), await sideAt(resolve(__dirname, '..'))];
  const sheets = sides.map((side) => side.readSheet(grid));
  if (sheets.some((sheet) => sheet?.table.indicators.length !== 10_000)) throw new Error('10,000 行的表没有被完整读出');
  const parts: Record<string, (side: number) => unknown> = {
    'check (grid → report)': (i) => sides[i].checkGrid(grid, { library: sides[i].library }),
    'reader (readSheet)': (i) => sides[i].readSheet(grid),
    'rules (checkSheet)': (i) => sides[i].checkSheet(sheets[i] as SheetTable, { library: sides[i].library }),
  };
  const wall = new Map(Object.keys(parts).map((name) => [name, [[], []] as number[][]]));
  const cpu = new Map(Object.keys(parts).map((name) => [name, [[], []] as number[][]]));
  for (let warm = 0; warm < 2; warm++) for (const run of Object.values(parts)) for (const i of [0, 1]) run(i);
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(parts)) {
      // Which side goes first alternates, so neither always runs right after the other's garbage.
      for (const i of round % 2 === 0 ? [0, 1] : [1, 0]) {
        const cpuStart = process.cpuUsage();
        const start = performance.now();
        run(i);
        wall.get(name)![i].push(performance.now() - start);
        const used = process.cpuUsage(cpuStart);
        cpu.get(name)![i].push((used.user + used.system) / 1000);
      }
    }
  }
  const ratio = (times: number[][]) => median(times[1].map((t, k) => t / times[0][k])).toFixed(2);
  console.log(`this checkout vs ${otherRoot}, ${rounds} rounds, load average ${loadavg()[0].toFixed(1)}`);
  for (const name of Object.keys(parts)) {
    const w = wall.get(name)!;
    const c = cpu.get(name)!;
    console.log(
      `${name.padEnd(22)} wall ${median(w[0]).toFixed(0)} → ${median(w[1]).toFixed(0)} ms (×${ratio(w)})   cpu ${median(c[0]).toFixed(0)} → ${median(c[1]).toFixed(0)} ms (×${ratio(c)})`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
