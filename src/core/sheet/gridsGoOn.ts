/**
 * Step 3, grids that go on past their header: a 续表 (the grid carried on below, or printed to its right, under a
 * `续表` mark and its header repeated) and a stacked table printed without its header row (its rows read under the
 * columns of the table above it).
 */
import type { SheetCells } from './cells';
import { normalizeLabel } from './labels';
import type { GridHeader } from './locate';
import { isLevel1Name, isLevel2Of } from './vocabulary';

/** `续表`, `（续表）`, `续上表`, `续表1`, and a title carrying on (`项目支出绩效目标表（续）`, `…（续表）`). */
const CONTINUATION_TEXT = /^（?续上?表[\d一二三四五六七八九十]*）?$|（续表?）$/;

/** Whether a cell's text says that what follows carries on the grid before it. */
export function isContinuationMark(text: string): boolean {
  return CONTINUATION_TEXT.test(normalizeLabel(text));
}

/** Rows above a header where its 续表 mark may stand (the mark, then the title or 单位 line a form repeats). */
const MARK_ROWS = 2;

/**
 * Whether a `续表` mark stands above a grid header within its columns (on the rows just above it, or from fromRow
 * when given): the grid carries on one read before it.
 */
export function continuesGrid(cells: SheetCells, header: GridHeader, fromRow = header.row - MARK_ROWS): boolean {
  for (const cell of cells.filled(Math.max(cells.top, fromRow), header.row - 1)) {
    if (cell.col >= header.fromCol && cell.col <= header.toCol && isContinuationMark(cell.text)) return true;
  }
  return false;
}

/**
 * The first row of rows fromRow..toRow that opens a grid under the columns of a header above it (a 一级 name in its
 * 一级 column, one of its 二级 in its 二级 column): a table printed without its header row. Null when none, or when
 * the header has no such columns to carry (a tree export's one column).
 */
export function headerlessGrid(cells: SheetCells, carried: GridHeader, fromRow: number, toRow: number): GridHeader | null {
  const { level1, level2 } = carried.columns;
  if (carried.tree || carried.pairColumn || level1 === undefined || level2 === undefined) return null;
  for (const row of cells.rows(fromRow, toRow)) {
    const first = cells.shown(row, level1).text.trim();
    if (!isLevel1Name(first) || !isLevel2Of(first, cells.shown(row, level2).text.trim())) continue;
    // The grid's own columns, none of the header's place: no region, period or year of the grid above.
    const { region: _region, periodValue: _period, year: _year, evidence: _evidence, ...columns } = carried;
    return { ...columns, row, dataRow: row, scope: null };
  }
  return null;
}
