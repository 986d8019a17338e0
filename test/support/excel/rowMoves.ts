// Rows, columns and cells moving in one sheet of the Excel double, as Excel moves what is keyed by cell:
// rows inserted or deleted (and an insert taking the row above), columns or cells inserted or deleted.
import { columnName, fromA1 } from '../../../src/core/sheet/address';
import { MAX_ROW, cellKey, keyPosition } from './addresses';
import type { Rect } from './addresses';
import type { SheetState } from './sheetState';

/** Where row `r` goes when `count` rows are inserted or deleted at `first`; null when it is deleted. */
export function shiftedRow(r: number, first: number, count: number, insert: boolean): number | null {
  if (r < first) return r;
  if (insert) return Math.min(MAX_ROW, r + count);
  return r >= first + count ? r - count : null;
}

export function shiftRect(rect: Rect, first: number, count: number, insert: boolean): Rect | null {
  // Rows deleted inside the rectangle shrink it; an insert inside it grows it.
  const r1 = shiftedRow(rect.r1, first, count, insert) ?? first;
  const r2 = shiftedRow(rect.r2, first, count, insert) ?? first - 1;
  return r2 < r1 ? null : { ...rect, r1, r2 };
}

/** Rewrites each cell reference of a formula outside string literals (`$` kept), as Excel does in CF formulas. */
function replaceRefs(formula: string, replace: (d1: string, col: string, d2: string, row: number) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part) => (part.startsWith('"') ? part : part.replace(/(\$?)([A-Z]{1,3})(\$?)(\d+)/g, (_m, d1: string, col: string, d2: string, row: string) => replace(d1, col, d2, Number(row)))))
    .join('');
}

/** Adjusts row numbers of cell references outside string literals, as Excel does in CF formulas. */
export function shiftFormula(formula: string, first: number, count: number, insert: boolean): string {
  return replaceRefs(formula, (d1, col, d2, row) => {
    const next = shiftedRow(row - 1, first, count, insert);
    return next === null ? '#REF!' : `${d1}${col}${d2}${next + 1}`;
  });
}

/** A map keyed by row (or by cell) after rows moved; entries on deleted rows are dropped. */
export function shiftKeys<K, V>(map: Map<K, V>, rowOf: (key: K) => number, withRow: (key: K, row: number) => K, first: number, count: number, insert: boolean): Map<K, V> {
  const next = new Map<K, V>();
  for (const [key, value] of map) {
    const row = shiftedRow(rowOf(key), first, count, insert);
    if (row !== null) next.set(withRow(key, row), value);
  }
  return next;
}

export function shiftSheetRows(sheet: SheetState, first: number, count: number, insert: boolean): void {
  const rowOfCell = (key: string): number => keyPosition(key).r;
  const cellOnRow = (key: string, row: number): string => cellKey(row, keyPosition(key).c);
  sheet.cells = shiftKeys(sheet.cells, rowOfCell, cellOnRow, first, count, insert);
  sheet.notes = shiftKeys(sheet.notes, rowOfCell, cellOnRow, first, count, insert);
  sheet.rowHeights = shiftKeys(sheet.rowHeights, (row) => row, (_row, next) => next, first, count, insert);
  sheet.merges = sheet.merges.flatMap((m) => {
    const next = shiftRect(m, first, count, insert);
    return next && (next.r1 !== next.r2 || next.c1 !== next.c2) ? [next] : [];
  });
  sheet.validations = sheet.validations.flatMap((v) => {
    const rect = shiftRect(v.rect, first, count, insert);
    return rect ? [{ ...v, rect }] : [];
  });
  sheet.conditionalFormats = sheet.conditionalFormats.flatMap((cf) => {
    const rect = shiftRect(cf.rect, first, count, insert);
    if (!rect) return [];
    return [{ ...cf, rect, formula: cf.formula === null ? null : shiftFormula(cf.formula, first, count, insert) }];
  });
}

/**
 * Whole rows inserted at `first` (0-based): everything below moves down; with `takeRowAbove`, the new rows
 * get the row above's formats and one-row merges, and validation and conditional formats ending on it grow.
 */
export function insertSheetRows(sheet: SheetState, first: number, count: number, takeRowAbove: boolean): void {
  shiftSheetRows(sheet, first, count, true);
  if (!takeRowAbove || first === 0) return;
  const above = first - 1;
  for (const [key, cell] of [...sheet.cells]) {
    const { r, c } = keyPosition(key);
    if (r !== above) continue;
    for (let row = first; row < first + count; row++) sheet.cells.set(cellKey(row, c), { value: '', format: { ...cell.format, borders: { ...cell.format.borders } } });
  }
  const height = sheet.rowHeights.get(above);
  if (height !== undefined) for (let row = first; row < first + count; row++) sheet.rowHeights.set(row, height);
  for (const m of sheet.merges.filter((m) => m.r1 === above && m.r2 === above)) {
    for (let row = first; row < first + count; row++) sheet.merges.push({ ...m, r1: row, r2: row });
  }
  for (const v of sheet.validations) if (v.rect.r2 === above) v.rect = { ...v.rect, r2: above + count };
  for (const cf of sheet.conditionalFormats) if (cf.rect.r2 === above) cf.rect = { ...cf.rect, r2: above + count };
}

/** Where a cell goes when cells move (columns or cells inserted or deleted); null when it is deleted. */
export type CellMove = (r: number, c: number) => { r: number; c: number } | null;

/** A rectangle after a move: its corners moved; gone when either corner was deleted. */
export function moveRect(rect: Rect, move: CellMove): Rect | null {
  const a = move(rect.r1, rect.c1);
  const b = move(rect.r2, rect.c2);
  return a && b ? { r1: a.r, c1: a.c, r2: b.r, c2: b.c } : null;
}

/** Adjusts the cell references of a formula outside string literals, as Excel does in CF formulas. */
export function moveFormula(formula: string, move: CellMove): string {
  return replaceRefs(formula, (d1, col, d2, row) => {
    const at = move(row - 1, fromA1(`${col}1`).col);
    return at ? `${d1}${columnName(at.c)}${d2}${at.r + 1}` : '#REF!';
  });
}

/** Columns or cells inserted or deleted: everything keyed by cell moves, as Excel moves it. */
export function moveCells(sheet: SheetState, move: CellMove): void {
  const moveKeys = <V>(map: Map<string, V>): Map<string, V> => {
    const next = new Map<string, V>();
    for (const [key, value] of map) {
      const { r, c } = keyPosition(key);
      const at = move(r, c);
      if (at) next.set(cellKey(at.r, at.c), value);
    }
    return next;
  };
  sheet.cells = moveKeys(sheet.cells);
  sheet.notes = moveKeys(sheet.notes);
  sheet.merges = sheet.merges.flatMap((m) => {
    const next = moveRect(m, move);
    return next ? [next] : [];
  });
  sheet.validations = sheet.validations.flatMap((v) => {
    const rect = moveRect(v.rect, move);
    return rect ? [{ ...v, rect }] : [];
  });
  sheet.conditionalFormats = sheet.conditionalFormats.flatMap((cf) => {
    const rect = moveRect(cf.rect, move);
    return rect ? [{ ...cf, rect, formula: cf.formula === null ? null : moveFormula(cf.formula, move) }] : [];
  });
}
