/**
 * Reader: a CellGrid → the 绩效目标表 on it, found by its labels or, where they fail, by what its cells hold
 * (the dimension vocabulary, each column's content; never by fixed addresses), with the
 * A1 address of every value. Pure. A sheet may hold several tables (a flat 预算管理一体化 export lists many
 * projects, a budget list writes each project's indicators in one cell of its row); a sheet that looks like a
 * 绩效目标表 but cannot be read fully is reported, never dropped.
 */
import { SheetCells } from './cells';
import type { CellGrid, ReadSheetOptions, SheetRead, SheetTable, Unreadable } from './types';
import { readHeaderBlock } from './headerFields';
import { withHeadBesideOrBelow } from './headBesideOrBelow';
import { sideBySideTables } from './sideTables';
import { findTableGrids } from './gridRows';
import type { GridHeader } from './locate';
import { buildSheet } from './assemble';
import { flatColumnsOf, readFlat } from './flat';
import { diagnose } from './diagnose';
import { readCellIndicatorTables } from './cellIndicators';
import { readTransposedTables } from './transposed';

// Here as before for their callers; readAmount lives apart so the seed parser uses it without the reader.
export { readAmount } from './amount';
export { amountProblem, splitDepartment } from './headerFields';
export type { ReadSheetOptions } from './types';

/**
 * Every 绩效目标表 on a sheet, top to bottom, and what could not be read: a sheet that looks like one but
 * has no readable grid yields no table and an `unreadable` diagnosis.
 */
export function readSheetTables(grid: CellGrid, options: ReadSheetOptions = {}): SheetRead {
  const cells = new SheetCells(grid);
  // Dimension names across the columns, one row per 镇 below: the row-grid steps would read the header as rows.
  const transposed = readTransposedTables(cells, grid.sheetName, options);
  if (transposed.length > 0) return { tables: transposed, unreadable: null };
  const tables: SheetTable[] = [];
  let unread: Unreadable | null = null;
  // The last grid header read: a table stacked under it without a header row of its own reads under its columns.
  let carried: GridHeader | null = null;
  for (let from: number | null = cells.top; from !== null && from <= cells.bottom; ) {
    const { grids, next, unreadable } = findTableGrids(cells, from, carried);
    unread ??= unreadable ?? null;
    if (grids.length === 0) break;
    const beside = sideBySideTables(cells, grid, grids, from, next === null ? cells.bottom : next - 1);
    if (beside) {
      for (const slice of beside) for (const table of readSheetTables(slice, options).tables) tables.push(table);
      from = next;
      continue;
    }
    const block = withHeadBesideOrBelow(cells, readHeaderBlock(cells, from, grids[0].header.row), grids[0].header.row, next !== null);
    const flat = flatColumnsOf(cells, grids[0].header);
    if (flat) {
      for (const table of readFlat(cells, grid.sheetName, grids[0].header, flat, block.unit, block.title, options)) tables.push(table);
      break;
    }
    tables.push(buildSheet(cells, grid.sheetName, block, grids, from, options));
    carried = grids[grids.length - 1].header;
    from = next;
  }
  // No grid of rows: a list may hold each project's indicators as text in one cell (S26).
  if (tables.length === 0) for (const table of readCellIndicatorTables(cells, grid.sheetName, options)) tables.push(table);
  return { tables, unreadable: tables.length === 0 ? (unread ?? diagnose(cells)) : null };
}

/** Reads the (first) 绩效目标表 on a sheet; null when the sheet has no indicator grid (一级/二级指标, 指标值). */
export function readSheet(grid: CellGrid, options: ReadSheetOptions = {}): SheetTable | null {
  return readSheetTables(grid, options).tables[0] ?? null;
}
