// Speed of the check engine: the 16 seed tables as a real workbook's grids, and one 10,000-row table.
import type { BenchFigure } from '../bench';
import { medianMs } from '../timing';
import { loadBundledLibrary } from '../../src/cli/seeds';
import { checkGrid, checkGrids, checkSheet } from '../../src/core/check';
import type { PerformanceTable, TemplateLibrary } from '../../src/core/model';
import type { CellGrid } from '../../src/core/sheet/types';
import { readSheet } from '../../src/core/sheet/reader';
import { loadWorkbook, readGrids, workbookToBuffer, writeTablesWorkbook } from '../../src/xlsx';

async function gridsOf(tables: PerformanceTable[]) {
  return readGrids(await loadWorkbook(await workbookToBuffer(writeTablesWorkbook(tables, { framework: 'seed' }))));
}

/** 10,000 indicator rows: the seed's rows repeated, 三级 names made unique so no row is a duplicate. */
export async function bigTableGrid(library: TemplateLibrary): Promise<CellGrid> {
  const base = library.tables[0];
  const source = library.tables.flatMap((t) => t.indicators);
  const indicators = Array.from({ length: 10_000 }, (_, i) => {
    const row = source[i % source.length];
    return { ...row, level3: `${row.level3}${i}` };
  });
  indicators.sort((a, b) => a.level1.localeCompare(b.level1));
  const [grid] = await gridsOf([{ ...base, indicators }]);
  return grid;
}

export default async (): Promise<BenchFigure[]> => {
  const library = loadBundledLibrary();
  const seedGrids = await gridsOf(library.tables);
  const seedMs = await medianMs(20, () => checkGrids(seedGrids, { library }));

  const bigGrid = await bigTableGrid(library);
  const bigSheet = readSheet(bigGrid);
  if (bigSheet?.table.indicators.length !== 10_000) throw new Error('10,000 行的表没有被完整读出');
  const bigMs = await medianMs(5, () => checkGrid(bigGrid, { library }));
  const rulesMs = await medianMs(5, () => checkSheet(bigSheet, { library }));

  return [
    { name: 'check 16 seed tables (grids → reports, with library)', value: seedMs, unit: 'ms' },
    // Issue #19: no slower than at dabc89b (383 ms idle). Absolute times wander 2–4× on a loaded machine:
    // scripts/bench-against.ts times both in one process (Dec 2026, load 12–18: 0.56–0.61× dabc89b's time).
    { name: 'check one 10,000-row table (grid → report)', value: bigMs, unit: 'ms', goal: '≤ 400 ms idle (383 at dabc89b)' },
    { name: '  of which rules only (sheet → issues)', value: rulesMs, unit: 'ms' },
  ];
};
