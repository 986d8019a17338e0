// The Excel double's cells: finding, reading and entering a value as Excel would store what was typed.
import { DoubleOfficeError, cellKey, defaultFormat, keyPosition, rectAddress, unionRect } from './model';
import type { CellState, DoubleCellValue, Rect, SheetState } from './model';

export function usedRect(sheet: SheetState, valuesOnly: boolean): Rect | null {
  let rect: Rect | null = null;
  for (const [key, cell] of sheet.cells) {
    const used = cell.value !== '' || (!valuesOnly && JSON.stringify(cell.format) !== JSON.stringify(defaultFormat()));
    if (!used) continue;
    const { r, c } = keyPosition(key);
    const point = { r1: r, c1: c, r2: r, c2: c };
    rect = rect ? unionRect(rect, point) : point;
  }
  return rect;
}

export function cellAt(sheet: SheetState, r: number, c: number): CellState {
  const key = cellKey(r, c);
  let cell = sheet.cells.get(key);
  if (!cell) {
    cell = { value: '', format: defaultFormat() };
    sheet.cells.set(key, cell);
  }
  return cell;
}

export function peekCell(sheet: SheetState, r: number, c: number): CellState | undefined {
  return sheet.cells.get(cellKey(r, c));
}

/** Cells of a rectangle that exist or are about to be written; guards against whole-sheet loops. */
export function forEachCell(rect: Rect, fn: (r: number, c: number) => void): void {
  if ((rect.r2 - rect.r1 + 1) * (rect.c2 - rect.c1 + 1) > 200000) {
    throw new DoubleOfficeError('InvalidOperation', `区域太大：${rectAddress(rect)}`);
  }
  for (let r = rect.r1; r <= rect.r2; r++) for (let c = rect.c1; c <= rect.c2; c++) fn(r, c);
}

export function check2d(rect: Rect, value: unknown, what: string): unknown[][] | null {
  if (!Array.isArray(value)) return null;
  const rows = rect.r2 - rect.r1 + 1;
  const cols = rect.c2 - rect.c1 + 1;
  if (value.length !== rows || value.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new DoubleOfficeError('InvalidArgument', `${what} 的行列数与区域 ${rectAddress(rect)} 不一致`);
  }
  return value as unknown[][];
}

export const TEXT_FORMAT = '@';
export const MS_PER_DAY = 86_400_000;
/** Day 0 of Excel's 1900 date system (right for every date after 1900-02-28). */
export const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** `2024/12/31`, `2024-12-31`, `2024年12月31日` → Excel serial, or null when not a real date. */
export function typedDateSerial(text: string): number | null {
  const m = /^(\d{4})(?:[/-](\d{1,2})[/-](\d{1,2})|年(\d{1,2})月(\d{1,2})日)$/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5])];
  const utc = Date.UTC(year, month - 1, day);
  if (new Date(utc).getUTCMonth() !== month - 1 || new Date(utc).getUTCDate() !== day) return null;
  return (utc - SERIAL_EPOCH_UTC) / MS_PER_DAY;
}

/**
 * What Excel stores when a value is typed (or written through `values`, which Excel treats alike): a
 * leading apostrophe keeps text; into a Text (`@`) cell everything typed stays text; otherwise numeric
 * text becomes a number, `95%` becomes 0.95, a date its serial, TRUE/FALSE booleans, and `=…` a formula
 * — which the double does not evaluate, so it shows as #NAME? (a planned text must never start with =).
 * A General cell takes the format the typing implies (`0%`, a date format), as Excel's does.
 */
export function coerceEntry(value: unknown, format: string): { value: DoubleCellValue; numberFormat: string } {
  const general = format === 'General';
  if (typeof value === 'number' || typeof value === 'boolean') return { value, numberFormat: format };
  if (typeof value !== 'string') throw new DoubleOfficeError('InvalidArgument', `单元格值类型不支持：${typeof value}`);
  if (value.startsWith("'")) return { value: value.slice(1), numberFormat: format };
  if (format === TEXT_FORMAT) return { value, numberFormat: format };
  if (value.startsWith('=')) return { value: '#NAME?', numberFormat: format };
  const trimmed = value.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return { value: Number(trimmed), numberFormat: format };
  const percent = /^[+-]?(\d+)(\.\d+)?%$/.exec(trimmed);
  if (percent) return { value: Number(trimmed.slice(0, -1)) / 100, numberFormat: general ? (percent[2] ? '0.00%' : '0%') : format };
  const serial = typedDateSerial(trimmed);
  if (serial !== null) return { value: serial, numberFormat: general ? (trimmed.includes('年') ? 'yyyy"年"m"月"d"日"' : 'yyyy/m/d') : format };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true', numberFormat: format };
  return { value, numberFormat: format };
}

/** Stores a typed or written entry in a cell, with the number format Excel would give it. */
export function enterValue(cell: CellState, entry: unknown): void {
  const stored = coerceEntry(entry === null || entry === undefined ? '' : entry, cell.format.numberFormat);
  cell.value = stored.value;
  cell.format.numberFormat = stored.numberFormat;
}
