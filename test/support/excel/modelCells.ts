/**
 * The model's cells as both facades write them (test/support/excel/facade.ts for Office.js,
 * test/support/wps for WPS 表格): what a typed or written entry becomes, and a paste of formats. Kept beside
 * model.ts so that the two doubles share one workbook and one set of behaviours.
 */
import { DoubleOfficeError, cellKey, defaultFormat, intersects, rectAddress } from './model';
import type { CellState, DoubleCellValue, Rect, SheetState, WorkbookState } from './model';

/** The cell at (r, c), made (empty, default format) when the sheet has none there yet. */
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

const TEXT_FORMAT = '@';
const MS_PER_DAY = 86_400_000;
/** Day 0 of Excel's 1900 date system (right for every date after 1900-02-28). */
const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** `2024/12/31`, `2024-12-31`, `2024年12月31日` → Excel serial, or null when not a real date. */
function typedDateSerial(text: string): number | null {
  const m = /^(\d{4})(?:[/-](\d{1,2})[/-](\d{1,2})|年(\d{1,2})月(\d{1,2})日)$/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5])];
  const utc = Date.UTC(year, month - 1, day);
  if (new Date(utc).getUTCMonth() !== month - 1 || new Date(utc).getUTCDate() !== day) return null;
  return (utc - SERIAL_EPOCH_UTC) / MS_PER_DAY;
}

/**
 * What Excel stores when a value is typed (or written through `values`, or WPS's `Value2`, which both treat alike): a
 * leading apostrophe keeps text; into a Text (`@`) cell everything typed stays text; otherwise numeric
 * text becomes a number, `95%` becomes 0.95, a date its serial, TRUE/FALSE booleans, and `=…` a formula
 * — which the double does not evaluate, so it shows as #NAME? (a planned text must never start with =).
 * A General cell takes the format the typing implies (`0%`, a date format), as Excel's does.
 */
function coerceEntry(value: unknown, format: string): { value: DoubleCellValue; numberFormat: string } {
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

/**
 * A paste of formats (Office.js `Range.copyFrom(…, "Formats")`, VBA `PasteSpecial xlPasteFormats`): the
 * source's cell formats, its merges and the conditional formats on it, tiled over `to` as Excel's paste does
 * ("Cut, copy, and paste ranges using the Excel JavaScript API", learn.microsoft.com/office/dev/add-ins/
 * excel/excel-add-ins-ranges-cut-copy-paste). Pasting over part of a merged area fails, as in Excel ("We
 * can't do that to a merged cell").
 */
export function pasteFormats(state: WorkbookState, sheet: SheetState, from: Rect, to: Rect): void {
  const partial = (rect: Rect) => sheet.merges.some((m) => intersects(m, rect) && (m.r1 < rect.r1 || m.r2 > rect.r2 || m.c1 < rect.c1 || m.c2 > rect.c2));
  if (partial(from) || partial(to)) throw new DoubleOfficeError('InvalidOperation', `不能只复制或粘贴合并单元格的一部分：${rectAddress(from)} → ${rectAddress(to)}`);
  const height = from.r2 - from.r1 + 1;
  const width = from.c2 - from.c1 + 1;
  if ((to.r2 - to.r1 + 1) * (to.c2 - to.c1 + 1) > 200000) throw new DoubleOfficeError('InvalidOperation', `区域太大：${rectAddress(to)}`);
  for (let r = to.r1; r <= to.r2; r++) {
    for (let c = to.c1; c <= to.c2; c++) {
      const format = peekCell(sheet, from.r1 + ((r - to.r1) % height), from.c1 + ((c - to.c1) % width))?.format ?? defaultFormat();
      cellAt(sheet, r, c).format = { ...format, borders: { ...format.borders } };
    }
  }
  const inside = (m: Rect, rect: Rect) => m.r1 >= rect.r1 && m.r2 <= rect.r2 && m.c1 >= rect.c1 && m.c2 <= rect.c2;
  sheet.merges = sheet.merges.filter((m) => !inside(m, to));
  const sourceMerges = sheet.merges.filter((m) => inside(m, from));
  const sourceFormats = sheet.conditionalFormats.filter((cf) => intersects(cf.rect, from));
  for (let dr = 0; dr + height <= to.r2 - to.r1 + 1; dr += height) {
    for (let dc = 0; dc + width <= to.c2 - to.c1 + 1; dc += width) {
      const offset = (rect: Rect): Rect => ({ r1: rect.r1 - from.r1 + to.r1 + dr, r2: rect.r2 - from.r1 + to.r1 + dr, c1: rect.c1 - from.c1 + to.c1 + dc, c2: rect.c2 - from.c1 + to.c1 + dc });
      for (const m of sourceMerges) sheet.merges.push(offset(m));
      // A conditional format comes along for the pasted cells, its formula as written (jixiao's marks use absolute references).
      for (const cf of sourceFormats) {
        const part = { r1: Math.max(cf.rect.r1, from.r1), c1: Math.max(cf.rect.c1, from.c1), r2: Math.min(cf.rect.r2, from.r2), c2: Math.min(cf.rect.c2, from.c2) };
        sheet.conditionalFormats.push({ ...cf, id: state.newId('cf'), rect: offset(part), borders: { ...cf.borders } });
      }
    }
  }
}
