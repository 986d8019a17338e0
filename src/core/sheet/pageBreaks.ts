/**
 * Page breaks a converted document carries inside its grid: a page number (第1页 共2页, - 2 -), 续表, the
 * page head printed again (the title, the 单位 line) and the grid's header row repeated. The grid goes on
 * under them: they are the page's, not the table's.
 */
import type { FilledCell, SheetCells } from './cells';
import { matchUnitLabel, normalizeLabel } from './labels';
import type { GridHeader } from './locate';

/** A page number or a continuation line, alone in its row. */
const PAGE_LINE = /^(?:第\d+页(?:[，,、/]?共\d+页)?|共\d+页(?:[，,、/]?第\d+页)?|[-—–]\d+[-—–]|\d+\/\d+|续表\S{0,12}|[(（]续(?:表|上页)?[)）])$/;
/** Rows a page break takes: a foot, a head, the header again. */
const MAX_BREAK_ROWS = 6;

/** Each header row's own cells: asked of every row a grid reads. */
const headerCells = new WeakMap<GridHeader, FilledCell[]>();

/** Whether a row (its own cells) prints the header row again, cell for cell (a label beside one grid only, 年度绩效指标, differs). */
function repeatsHeader(cells: SheetCells, header: GridHeader, row: number, own: readonly FilledCell[]): boolean {
  if (row === header.row) return false;
  let head = headerCells.get(header);
  if (!head) headerCells.set(header, (head = cells.ownCellsOf(header.row)));
  if (own.length !== head.length) return false;
  for (let i = 0; i < own.length; i++) if (own[i].col !== head[i].col || own[i].label !== head[i].label) return false;
  return true;
}

/** A row of a page's foot or head: one text, a page number, a 续表 line, a 单位 line or a line printed above the grid. */
function pageFurniture(cells: SheetCells, header: GridHeader, own: readonly FilledCell[]): 'page' | 'head' | null {
  if (own.length !== 1) return null;
  const text = normalizeLabel(own[0].text);
  if (PAGE_LINE.test(text)) return 'page';
  if (matchUnitLabel(own[0].text) !== null) return 'head';
  for (const above of cells.filled(cells.top, header.row - 1)) if (normalizeLabel(above.text) === text) return 'head';
  return null;
}

/**
 * A page break starting at `row`: page lines and a repeated page head, then the header again or (after a page
 * number or 续表) the next indicators. `resume` is the row where the grid goes on (null: the sheet ends in the
 * page's foot); null when `row` starts no page break.
 */
export function pageBreakAt(cells: SheetCells, header: GridHeader, row: number): { resume: number | null } | null {
  let pageLine = false;
  let at: number | null = row;
  for (let seen = 0; at !== null && seen < MAX_BREAK_ROWS; at = cells.nextFilledRow(at), seen++) {
    const own = cells.ownCellsOf(at);
    if (repeatsHeader(cells, header, at, own)) return { resume: cells.nextFilledRow(at) };
    const furniture = pageFurniture(cells, header, own);
    if (furniture === 'page') pageLine = true;
    else if (furniture === null) return pageLine && at !== row ? { resume: at } : null;
  }
  return pageLine && at === null ? { resume: null } : null;
}
