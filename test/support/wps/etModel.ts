/**
 * The in-memory workbook behind the WPS double (etDouble.ts): cells, merges, conditional formats,
 * comments, validation, sizes, print setup, protection. Row inserts and deletes move everything keyed by
 * cell as VBA documents for Excel (Range.Insert / Range.Delete): comments move with their rows, `$`
 * references in conditional formats shift, a reference to a deleted row becomes #REF!.
 * Pure TypeScript without Node imports, so the browser tests can bundle it.
 */
import { columnName, fromA1 } from '../../../src/core/sheet/address';

export type EtCellValue = string | number | boolean;

export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface BorderModel {
  lineStyle: number;
  color: number;
}

export interface CellFormatModel {
  numberFormat: string;
  bold: boolean;
  fontSize: number;
  /** BGR long, or null for none. */
  fill: number | null;
  hAlign: number | null;
  vAlign: number | null;
  wrap: boolean;
  borders: Record<number, BorderModel>;
}

export interface CellModel {
  value: EtCellValue | null;
  format: CellFormatModel;
}

export interface FormatConditionModel {
  type: number;
  rect: Rect;
  formula1: string;
  fill: number | null;
  borders: Record<number, BorderModel>;
}

export interface CommentModel {
  text: string;
  author: string;
}

export interface ValidationModel {
  rect: Rect;
  type: number;
  alertStyle: number;
  operator: number | null;
  formula1: string;
  inputTitle: string;
  inputMessage: string;
  errorTitle: string;
  errorMessage: string;
  showInput: boolean;
  showError: boolean;
}

export interface PageSetupModel {
  orientation: number;
  paperSize: number;
  zoom: number | boolean;
  fitToPagesWide: number | boolean;
  fitToPagesTall: number | boolean;
  printArea: string;
  printTitleRows: string;
}

export interface SheetModel {
  name: string;
  cells: Map<string, CellModel>;
  merges: Rect[];
  formatConditions: FormatConditionModel[];
  comments: Map<string, CommentModel>;
  validations: ValidationModel[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  pageSetup: PageSetupModel;
  protected: boolean;
}

export const key = (r: number, c: number): string => `${r},${c}`;
export const position = (k: string): { r: number; c: number } => {
  const [r, c] = k.split(',').map(Number);
  return { r, c };
};

export function defaultFormat(): CellFormatModel {
  return { numberFormat: 'General', bold: false, fontSize: 11, fill: null, hAlign: null, vAlign: null, wrap: false, borders: {} };
}

export function newSheet(name: string): SheetModel {
  return {
    name,
    cells: new Map(),
    merges: [],
    formatConditions: [],
    comments: new Map(),
    validations: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
    pageSetup: { orientation: 1, paperSize: 9, zoom: 100, fitToPagesWide: 1, fitToPagesTall: 1, printArea: '', printTitleRows: '' },
    protected: false,
  };
}

/** `A1`, `A1:B2`, `$A$1`, `3:5` (whole rows) → a rectangle (0-based, inclusive). */
export function parseRect(address: string): Rect {
  const text = address.replace(/\$/g, '').toUpperCase();
  const rows = /^(\d+):(\d+)$/.exec(text);
  if (rows) return { r1: Number(rows[1]) - 1, c1: 0, r2: Number(rows[2]) - 1, c2: 16383 };
  const [a, b = a] = text.split(':');
  const p = fromA1(a);
  const q = fromA1(b);
  return { r1: Math.min(p.row, q.row), c1: Math.min(p.col, q.col), r2: Math.max(p.row, q.row), c2: Math.max(p.col, q.col) };
}

export function rectAddress(rect: Rect, absolute = false): string {
  const d = absolute ? '$' : '';
  const cell = (r: number, c: number) => `${d}${columnName(c)}${d}${r + 1}`;
  return rect.r1 === rect.r2 && rect.c1 === rect.c2 ? cell(rect.r1, rect.c1) : `${cell(rect.r1, rect.c1)}:${cell(rect.r2, rect.c2)}`;
}

export const inside = (rect: Rect, r: number, c: number): boolean => r >= rect.r1 && r <= rect.r2 && c >= rect.c1 && c <= rect.c2;

/** Where row `r` goes when `count` rows are inserted (or deleted) at `first`; null for a deleted row. */
function moveRow(r: number, first: number, count: number, insert: boolean): number | null {
  if (r < first) return r;
  if (insert) return r + count;
  return r < first + count ? null : r - count;
}

/** A rectangle after a row insert (grows when the rows go inside it) or delete (shrinks; null when gone). */
function shiftRect(rect: Rect, first: number, count: number, insert: boolean): Rect | null {
  if (insert) {
    if (rect.r1 >= first) return { ...rect, r1: rect.r1 + count, r2: rect.r2 + count };
    if (rect.r2 >= first) return { ...rect, r2: rect.r2 + count };
    return rect;
  }
  const last = first + count - 1;
  if (rect.r2 < first) return rect;
  if (rect.r1 > last) return { ...rect, r1: rect.r1 - count, r2: rect.r2 - count };
  const kept = rect.r2 - rect.r1 + 1 - (Math.min(rect.r2, last) - Math.max(rect.r1, first) + 1);
  if (kept <= 0) return null;
  const r1 = rect.r1 < first ? rect.r1 : first;
  return { ...rect, r1, r2: r1 + kept - 1 };
}

/** A formula's cell references after a row insert or delete (text in quotes untouched). */
export function shiftFormula(formula: string, first: number, count: number, insert: boolean): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part) =>
      part.startsWith('"')
        ? part
        : part.replace(/(\$?)([A-Z]{1,3})(\$?)(\d+)/g, (_m, d1: string, col: string, d2: string, row: string) => {
            const r = moveRow(Number(row) - 1, first, count, insert);
            return r === null ? '#REF!' : `${d1}${col}${d2}${r + 1}`;
          }),
    )
    .join('');
}

function shiftKeys<V>(map: Map<string, V>, first: number, count: number, insert: boolean): Map<string, V> {
  const next = new Map<string, V>();
  for (const [k, v] of map) {
    const { r, c } = position(k);
    const row = moveRow(r, first, count, insert);
    if (row !== null) next.set(key(row, c), v);
  }
  return next;
}

/**
 * Whole rows inserted at 0-based `first` (Range.Insert xlShiftDown, CopyOrigin defaulting to
 * xlFormatFromLeftOrAbove: the new rows take the formats of the row above) or deleted.
 */
export function shiftRows(sheet: SheetModel, first: number, count: number, insert: boolean): void {
  sheet.cells = shiftKeys(sheet.cells, first, count, insert);
  sheet.comments = shiftKeys(sheet.comments, first, count, insert);
  const heights = new Map<number, number>();
  for (const [r, h] of sheet.rowHeights) {
    const row = moveRow(r, first, count, insert);
    if (row !== null) heights.set(row, h);
  }
  sheet.rowHeights = heights;
  sheet.merges = sheet.merges.flatMap((m) => {
    const next = shiftRect(m, first, count, insert);
    return next && (next.r1 !== next.r2 || next.c1 !== next.c2) ? [next] : [];
  });
  sheet.validations = sheet.validations.flatMap((v) => {
    const rect = shiftRect(v.rect, first, count, insert);
    return rect ? [{ ...v, rect }] : [];
  });
  sheet.formatConditions = sheet.formatConditions.flatMap((fc) => {
    const rect = shiftRect(fc.rect, first, count, insert);
    return rect ? [{ ...fc, rect, formula1: shiftFormula(fc.formula1, first, count, insert) }] : [];
  });
  if (!insert || first === 0) return;
  for (const [k, cell] of [...sheet.cells]) {
    const { r, c } = position(k);
    if (r !== first - 1) continue;
    for (let row = first; row < first + count; row++) sheet.cells.set(key(row, c), { value: null, format: cloneFormat(cell.format) });
  }
}

export function cloneFormat(format: CellFormatModel): CellFormatModel {
  return { ...format, borders: { ...format.borders } };
}

export function cloneSheet(sheet: SheetModel): SheetModel {
  return {
    ...sheet,
    cells: new Map([...sheet.cells].map(([k, v]) => [k, { value: v.value, format: cloneFormat(v.format) }])),
    merges: sheet.merges.map((m) => ({ ...m })),
    formatConditions: sheet.formatConditions.map((fc) => ({ ...fc, rect: { ...fc.rect }, borders: { ...fc.borders } })),
    comments: new Map([...sheet.comments].map(([k, v]) => [k, { ...v }])),
    validations: sheet.validations.map((v) => ({ ...v, rect: { ...v.rect } })),
    columnWidths: new Map(sheet.columnWidths),
    rowHeights: new Map(sheet.rowHeights),
    pageSetup: { ...sheet.pageSetup },
  };
}

const TEXT_FORMAT = '@';

/** What a cell holds once a value is written to `Value2` (or typed): Excel's conversions of a string. */
export function enterValue(cell: CellModel, entry: unknown): void {
  if (entry === null || entry === undefined || entry === '') {
    cell.value = null;
    return;
  }
  if (typeof entry === 'number' || typeof entry === 'boolean') {
    cell.value = entry;
    return;
  }
  if (typeof entry !== 'string') throw new Error(`类型不匹配：${typeof entry}`);
  if (entry.startsWith("'")) {
    cell.value = entry.slice(1);
    return;
  }
  if (cell.format.numberFormat === TEXT_FORMAT) {
    cell.value = entry;
    return;
  }
  const trimmed = entry.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) {
    cell.value = Number(trimmed);
    return;
  }
  const percent = /^[+-]?(\d+)(\.\d+)?%$/.exec(trimmed);
  if (percent) {
    cell.value = Number(trimmed.slice(0, -1)) / 100;
    if (cell.format.numberFormat === 'General') cell.format.numberFormat = percent[2] ? '0.00%' : '0%';
    return;
  }
  if (/^(true|false)$/i.test(trimmed)) {
    cell.value = trimmed.toLowerCase() === 'true';
    return;
  }
  cell.value = entry;
}

/** Error WPS raises for a write to a protected sheet (the message as the object model gives it, in Chinese). */
export class EtProtectedError extends Error {
  constructor(sheet: string) {
    super(`工作表“${sheet}”受保护：无法更改（Range 类的写入失败）`);
    this.name = 'EtProtectedError';
  }
}
