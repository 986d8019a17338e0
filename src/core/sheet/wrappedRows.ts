/**
 * A cell too narrow for its text, on a page converted to a sheet, comes out as two rows: the second holds
 * only the rest of the text in the same column(s) (`…宫颈癌和乳腺` over `癌免费筛查人数`, `2025年11月底` over
 * `前`). Such a row is joined to the row above it, as a reader of the page reads one cell.
 */
import { maxOf } from '../bounded';
import { fromA1 } from './address';
// A piece opening with a numbering (`2.`, `（二）`) is an item of its own.
import { ITEM_START, printedWidth } from './convertedText';
import type { SheetCells } from './cells';
import type { GridRead } from './gridRows';
import type { GridHeader } from './locate';
import { dimensionOf } from './vocabulary';

/** Narrower than any cell a page wraps a name or target in (three Han characters). */
const MIN_WRAP_WIDTH = 6;

type Part = 'level2' | 'level3' | 'description' | 'value';
const PARTS: readonly Part[] = ['level2', 'level3', 'description', 'value'];

/** The texts a row holds in its own cells (a cell under a merge, or carried down, holds none). */
function ownTexts(cells: SheetCells, header: GridHeader, row: number): Record<Part | 'level1', string> {
  const own = (col: number | undefined) => (col === undefined || cells.covered(row, col) ? '' : cells.shown(row, col).text);
  const { columns } = header;
  return { level1: own(columns.level1), level2: own(columns.level2), level3: own(columns.level3), description: own(columns.description), value: own(columns.value) };
}

/**
 * Whether `below` continues `above`: no 一级 of its own, never both a name and a target (an indicator of its
 * own has both), text only where `above` has some, and in each such cell the sign of a wrap: the piece above
 * as wide as the widest of its column (the page cut it there), or a 二级 that the joined text makes a
 * dimension name.
 */
function continues(above: Record<string, string>, below: Record<string, string>, widest: Record<Part, number>): boolean {
  if (below.level1 || (below.level3 && below.value)) return false;
  const parts = PARTS.filter((p) => below[p]);
  if (parts.length === 0 || parts.some((p) => !above[p] || ITEM_START.test(below[p]))) return false;
  const joinsDimension = (p: Part) => p === 'level2' && !dimensionOf(above.level2) && dimensionOf(above.level2 + below.level2) !== null;
  return parts.every((p) => joinsDimension(p) || (p !== 'level2' && printedWidth(above[p]) >= Math.max(widest[p], MIN_WRAP_WIDTH)));
}

/** Whether the row has text of its own in the column (a cell no merge covers; no closure: asked of every row). */
function ownsText(cells: SheetCells, row: number, col: number | undefined): boolean {
  return col !== undefined && !cells.covered(row, col) && cells.text(row, col) !== '';
}

/** Whether a row's own cells could continue the row above: no 一级 of its own, not both a name and a target. */
function mayContinue(cells: SheetCells, header: GridHeader, row: number): boolean {
  const { columns } = header;
  return !ownsText(cells, row, columns.level1) && !(ownsText(cells, row, columns.level3) && ownsText(cells, row, columns.value));
}

export function withWrappedRowsJoined(cells: SheetCells, header: GridHeader, read: GridRead): GridRead {
  if (read.indicators.length < 2) return read;
  const rows = read.rowRefs.map((refs) => fromA1(refs.value || refs.level3).row);
  // Most grids have no such row: look at every cell only when one may be there (asked of every grid read).
  let candidate = false;
  for (let i = 1; i < rows.length && !candidate; i++) candidate = rows[i] === rows[i - 1] + 1 && mayContinue(cells, header, rows[i]);
  if (!candidate) return read;
  const own = rows.map((row) => ownTexts(cells, header, row));
  const widest = Object.fromEntries(PARTS.map((p) => [p, maxOf(own.map((texts) => printedWidth(texts[p])), 0)])) as Record<Part, number>;
  const indicators = [...read.indicators.map((r) => ({ ...r }))];
  const rowRefs = [...read.rowRefs.map((r) => ({ ...r }))];
  const keep = indicators.map(() => true);
  let last = 0;
  for (let i = 1; i < indicators.length; i++) {
    if (rows[i] !== rows[i - 1] + 1 || !continues(own[last], own[i], widest)) {
      last = i;
      continue;
    }
    keep[i] = false;
    const target = indicators[last];
    for (const part of PARTS) if (own[i][part]) target[part] += own[i][part];
    for (const part of PARTS) own[last][part] += own[i][part];
    // Rows below carrying the 二级 down from the cut-off piece carry the whole name.
    const piece = rowRefs[i].level2;
    for (let j = i + 1; j < indicators.length && rowRefs[j].level2 === piece; j++) {
      indicators[j].level2 = target.level2;
      rowRefs[j].level2 = rowRefs[last].level2;
    }
  }
  if (keep.every(Boolean)) return read;
  return { ...read, indicators: indicators.filter((_, i) => keep[i]), rowRefs: rowRefs.filter((_, i) => keep[i]) };
}
