/**
 * An in-memory Excel for tests and browser tests: the parts of Office.js the jixiao adapter uses, with
 * Office's proxy semantics kept — writes are queued and applied at `context.sync()`, a property read
 * before it was loaded and synced throws, every sync is counted, APIs above the configured ExcelApi
 * version throw as they do in an older Excel. Pure browser-compatible TypeScript (no Node imports).
 */

import { columnName, fromA1, toRange } from '../../../src/core/sheet/address';
import type { ExcelDouble } from './facade';

export type DoubleCellValue = string | number | boolean;

export interface BorderState {
  style: string;
  color: string;
}

export type BorderEdge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight';
export const EDGES: BorderEdge[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];

export interface CellFormatState {
  fill: string | null;
  bold: boolean;
  fontSize: number;
  fontColor: string;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  numberFormat: string;
  borders: Partial<Record<BorderEdge, BorderState>>;
}

export interface CellState {
  value: DoubleCellValue;
  format: CellFormatState;
}

export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface ValidationState {
  rect: Rect;
  rule: unknown;
  prompt: { showPrompt: boolean; title: string; message: string } | null;
  errorAlert: unknown;
}

export interface ConditionalFormatState {
  id: string;
  type: string;
  rect: Rect;
  formula: string | null;
  fill: string | null;
  borders: Partial<Record<BorderEdge, BorderState>>;
}

export interface NoteState {
  content: string;
  authorName: string;
}

export interface PageLayoutState {
  orientation: string;
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printArea: string | null;
  printTitleRows: string | null;
}

export interface SheetState {
  id: string;
  name: string;
  cells: Map<string, CellState>;
  merges: Rect[];
  validations: ValidationState[];
  conditionalFormats: ConditionalFormatState[];
  notes: Map<string, NoteState>;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  pageLayout: PageLayoutState;
  /** worksheet.protection.protected: Excel refuses the add-in's writes to the sheet while set. */
  protected: boolean;
  /**
   * Cells with a threaded comment (by cell key). Excel keeps a cell's note and threaded comment apart: a
   * cell holds one or the other (support.microsoft.com "The difference between threaded comments and
   * notes"), so adding a note there is refused.
   */
  threadedComments?: Set<string>;
  /**
   * Excel Tables (ListObjects) on the sheet, and its AutoFilter range: a row insert through a filtered
   * range is refused (FilteredRangeConflict, Excel.ErrorCodes); rows inserted through a Table grow it.
   */
  tables?: { name: string; rect: Rect }[];
  autoFilter?: Rect | null;
}

export type DataChangeType = 'RangeEdited' | 'RowInserted' | 'RowDeleted' | 'ColumnInserted' | 'ColumnDeleted' | 'CellInserted' | 'CellDeleted';

export interface ChangedEvent {
  type: 'WorksheetChanged';
  changeType: DataChangeType;
  source: 'Local' | 'Remote';
  worksheetId: string;
  address: string;
  /** ExcelApi 1.14 (Excel.EventTriggerSource): `ThisLocalAddin` for the add-in's own writes; absent below. */
  triggerSource?: 'Unknown' | 'ThisLocalAddin';
}

export interface ProtectionEvent {
  type: 'WorksheetProtectionChanged';
  source: 'Local' | 'Remote';
  worksheetId: string;
  isProtected: boolean;
}

export interface SheetEvent {
  type: 'WorksheetAdded' | 'WorksheetDeleted' | 'WorksheetCalculated' | 'WorksheetActivated';
  source: 'Local' | 'Remote';
  worksheetId: string;
}

/**
 * Behaviours Microsoft documents for real Excel where the double's defaults are kinder. Each can be
 * switched on alone; the adapter must work under every combination (test/excel/realExcel.test.ts).
 */
export interface RealExcelBehaviours {
  /**
   * `ConditionalFormat.id` is the format's priority, its position in the collection, and
   * `ConditionalFormatCollection.add` puts the new format first (learn.microsoft.com/javascript/api/excel/
   * excel.conditionalformat#excel-excel-conditionalformat-id: "The priority of the conditional format in
   * the current ConditionalFormatCollection"; excel.conditionalformatcollection#add: "Adds a new
   * conditional format to the collection at the first/top priority"). `getItem(id)` and a loaded item
   * address the format at that position when the command runs, so deleting one shifts the rest.
   */
  formatIdsArePositions?: boolean;
  /**
   * Formulas and note text handed back as Excel spells them, not as written: a conditional format's
   * formula with a space after each argument separator, a note's text with CRLF line endings and the
   * author's line in front (how a note is stored in the file, ECMA-376 §18.7.3 `<comment>`'s first run).
   * Neither form is documented for Office.js; the adapter must recognise its marks either way.
   */
  normalisesText?: boolean;
  /**
   * After each edit the user stays in cell-edit mode (typing in the next cell) for `cellEditMs`: a batch
   * run without `delayForCellEdit` then fails with InvalidOperationInCellEditMode, one run with it waits
   * until the edit ends (learn.microsoft.com/javascript/api/excel/excel.runoptions; Excel.ErrorCodes).
   */
  cellEditMode?: boolean;
  cellEditMs?: number;
  /**
   * The add-in's own writes of conditional formats and notes raise worksheet onChanged too, with
   * `triggerSource` ThisLocalAddin from ExcelApi 1.14 (learn.microsoft.com/javascript/api/excel/
   * excel.worksheetchangedeventargs#excel-excel-worksheetchangedeventargs-triggersource). Whether format
   * writes raise onChanged at all is not documented.
   */
  eventsForOwnWrites?: boolean;
  /**
   * Bytes one sync's response may carry: Excel on the web refuses more than 5 MB with
   * ResponsePayloadSizeLimitExceeded (learn.microsoft.com/office/dev/add-ins/concepts/
   * resource-limits-and-performance-optimization#excel-add-ins). Unlimited when unset.
   */
  responsePayloadLimit?: number;
  /**
   * Bytes one sync's request may carry (the queued commands and the data they write): Excel on the web
   * refuses a request above 5 MB whole, with RequestPayloadSizeLimitExceeded ("This error occurs in Excel
   * on the web": learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling, error table,
   * added by office-js-docs-pr #2278; "Excel on the web has a payload size limit for requests and responses
   * of 5MB": learn.microsoft.com/office/dev/add-ins/excel/performance; speckle-excel #9 quotes the error).
   * Nothing of a refused request is applied. Unlimited when unset. The 自检 check of the same name finds
   * the largest request this Excel accepts.
   */
  requestPayloadLimit?: number;
  /**
   * Rows inserted by `Range.insert` take what the row above carries, as Excel's own Insert does by default
   * ("Format Same As Above", support.microsoft.com "Insert or delete rows and columns"; VBA `Range.Insert`
   * CopyOrigin defaults to xlFormatFromLeftOrAbove): its cell formats, its one-row merges, and the data
   * validation and conditional formats that end on it (Excel extends them into the new rows, as ClosedXML
   * #1046, exceljs #2793 and EPPlus #1512 report of Excel). Off: the new rows are blank and only ranges that
   * span the insertion point grow. Office.js documents neither for `Range.insert`.
   */
  insertTakesRowAbove?: boolean;
  /**
   * Picking a value from a list-validation drop-down raises no onChanged (office-js #420, open since 2017).
   * The 自检 check of the same name tells whether this Excel does so.
   */
  pickRaisesNoEvent?: boolean;
}

export interface ExcelDoubleOptions {
  /** Real-Excel behaviours switched on (all off by default). */
  real?: RealExcelBehaviours;
  /** Highest ExcelApi requirement set this Excel supports, e.g. `1.8`; default `1.18`. */
  maxExcelApi?: string;
  /** Names of sheets the workbook starts with; default one sheet `Sheet1`. */
  sheets?: string[];
  /** Initial Office.Settings of this add-in (stored per add-in Id: learn.microsoft.com/javascript/api/office/office.settings). */
  settings?: Record<string, unknown>;
  /**
   * A second add-in (another Id, e.g. the finance bureau's deployment) in the same workbook: it shares
   * the sheets, events, undo stack and custom properties, and has Office.Settings of its own.
   */
  sharedWith?: ExcelDouble;
  /** Initial custom document properties (key → value). */
  customProperties?: Record<string, string>;
  /**
   * A workbook another double already holds (a WPS double's, test/support/wps): this Excel opens the same
   * sheets, marks and custom properties, as a file passed between an Excel user and a WPS user carries them.
   */
  workbook?: WorkbookState;
}


/** The error Office.js raises; `code` and `debugInfo.errorLocation` as in OfficeExtension.Error. */
export class DoubleOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(`${code}: ${message}`);
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

/** What Excel answers a write it refuses because of protection (its English text, as Office.js gives it). */
export function accessDenied(errorLocation: string): DoubleOfficeError {
  return new DoubleOfficeError('AccessDenied', 'You cannot perform the requested operation.', errorLocation);
}

/**
 * The sheets the running sync has written, each as it was before its first write (for the undo model).
 * Ops run synchronously inside one sync, so one module-level record is enough.
 */
export const syncWrites: { sheets: Map<string, SheetState> | null; workbook: boolean } = { sheets: null, workbook: false };

/** Called at sync by every write to a sheet's cells, formats, CFs, notes or validation. */
export function requireUnprotected(sheet: SheetState, errorLocation: string): void {
  if (sheet.protected) throw accessDenied(errorLocation);
  if (syncWrites.sheets && !syncWrites.sheets.has(sheet.id)) syncWrites.sheets.set(sheet.id, cloneSheet(sheet));
}

export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

export function defaultFormat(): CellFormatState {
  return {
    fill: null,
    bold: false,
    fontSize: 11,
    fontColor: '#000000',
    horizontalAlignment: 'General',
    verticalAlignment: 'Bottom',
    wrapText: false,
    numberFormat: 'General',
    borders: {},
  };
}

// ---------------------------------------------------------------- addresses: A1 as the core writes it
// (src/core/sheet/address.ts); cells keyed `row,col` inside the double

export const MAX_ROW = 1048575;
export const MERGED_AREAS_MAX = 512;
export const MAX_COL = 16383;

export function cellKey(r: number, c: number): string {
  return `${r},${c}`;
}

export function keyPosition(key: string): { r: number; c: number } {
  const [r, c] = key.split(',').map(Number);
  return { r, c };
}

export function rectAddress(rect: Rect): string {
  return toRange({ row: rect.r1, col: rect.c1 }, { row: rect.r2, col: rect.c2 });
}

export function parsePoint(text: string): { r: number; c: number } {
  try {
    const { row, col } = fromA1(text);
    return { r: row, c: col };
  } catch {
    throw new DoubleOfficeError('InvalidArgument', `The address is not valid: ${text}`);
  }
}

export function unionRect(a: Rect, b: Rect): Rect {
  return { r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1), r2: Math.max(a.r2, b.r2), c2: Math.max(a.c2, b.c2) };
}

/** `B2`, `B2:C9`, `3:5` (whole rows), `Sheet1!B2` → rectangle. */
export function parseRect(address: string): Rect {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [a, b = a] = bare.split(':');
  const rows = /^\$?(\d+)$/;
  if (rows.test(a) && rows.test(b)) {
    const r1 = Number(rows.exec(a)![1]) - 1;
    const r2 = Number(rows.exec(b)![1]) - 1;
    return { r1: Math.min(r1, r2), c1: 0, r2: Math.max(r1, r2), c2: MAX_COL };
  }
  const p = parsePoint(a);
  const q = parsePoint(b);
  return { r1: Math.min(p.r, q.r), c1: Math.min(p.c, q.c), r2: Math.max(p.r, q.r), c2: Math.max(p.c, q.c) };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

export function quoteSheet(name: string): string {
  return /^[\p{L}\p{N}_.]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function versionAtLeast(max: string, wanted: string): boolean {
  const [a1v, a2v = 0] = max.split('.').map(Number);
  const [b1v, b2v = 0] = wanted.split('.').map(Number);
  return a1v > b1v || (a1v === b1v && a2v >= b2v);
}

// ---------------------------------------------------------------- row shifting (insert/delete rows)

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

/** Adjusts row numbers of cell references outside string literals, as Excel does in CF formulas. */
export function shiftFormula(formula: string, first: number, count: number, insert: boolean): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part) =>
      part.startsWith('"')
        ? part
        : part.replace(/(\$?)([A-Z]{1,3})(\$?)(\d+)/g, (_m, d1: string, col: string, d2: string, row: string) => {
            const next = shiftedRow(Number(row) - 1, first, count, insert);
            return next === null ? '#REF!' : `${d1}${col}${d2}${next + 1}`;
          }),
    )
    .join('');
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

/** `rect` less `hole`: up to four rectangles (above, below, left, right of the hole). */
export function subtractRect(rect: Rect, hole: Rect): Rect[] {
  if (!intersects(rect, hole)) return [rect];
  const parts: Rect[] = [];
  if (rect.r1 < hole.r1) parts.push({ ...rect, r2: hole.r1 - 1 });
  if (rect.r2 > hole.r2) parts.push({ ...rect, r1: hole.r2 + 1 });
  const r1 = Math.max(rect.r1, hole.r1);
  const r2 = Math.min(rect.r2, hole.r2);
  if (rect.c1 < hole.c1) parts.push({ r1, r2, c1: rect.c1, c2: hole.c1 - 1 });
  if (rect.c2 > hole.c2) parts.push({ r1, r2, c1: hole.c2 + 1, c2: rect.c2 });
  return parts;
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
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part) =>
      part.startsWith('"')
        ? part
        : part.replace(/(\$?)([A-Z]{1,3})(\$?)(\d+)/g, (_m, d1: string, col: string, d2: string, row: string) => {
            const at = move(Number(row) - 1, fromA1(`${col}1`).col);
            return at ? `${d1}${columnName(at.c)}${d2}${at.r + 1}` : '#REF!';
          }),
    )
    .join('');
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

export function cloneSheet(sheet: SheetState): SheetState {
  const cloneCell = (cell: CellState): CellState => ({
    value: cell.value,
    format: { ...cell.format, borders: { ...cell.format.borders } },
  });
  return {
    ...sheet,
    cells: new Map([...sheet.cells].map(([k, v]) => [k, cloneCell(v)])),
    merges: sheet.merges.map((m) => ({ ...m })),
    validations: sheet.validations.map((v) => ({ ...v, rect: { ...v.rect } })),
    conditionalFormats: sheet.conditionalFormats.map((cf) => ({ ...cf, rect: { ...cf.rect }, borders: { ...cf.borders } })),
    notes: new Map([...sheet.notes].map(([k, v]) => [k, { ...v }])),
    columnWidths: new Map(sheet.columnWidths),
    rowHeights: new Map(sheet.rowHeights),
    pageLayout: { ...sheet.pageLayout, zoom: { ...sheet.pageLayout.zoom } },
    protected: sheet.protected,
    threadedComments: new Set(sheet.threadedComments),
    tables: (sheet.tables ?? []).map((t) => ({ ...t, rect: { ...t.rect } })),
    autoFilter: sheet.autoFilter ? { ...sheet.autoFilter } : null,
  };
}

// ---------------------------------------------------------------- workbook state

export type ChangedHandler = (event: ChangedEvent) => unknown;
export type SheetHandler = (event: SheetEvent) => unknown;
export type ProtectionHandler = (event: ProtectionEvent) => unknown;

/**
 * Excel's undo stack as the double models it, per requirement set. Below ExcelApi 1.20 an add-in's write
 * clears the user's undo history (office-js #3788 and #6170, answered "by design"); from 1.20 each write is
 * an undo step of its own, or one per Excel.run with RunOptions.mergeUndoGroup (learn.microsoft.com/office/
 * dev/add-ins/excel/excel-add-ins-undo-capabilities; excel-api-1-20-requirement-set).
 */
export type UndoEntry =
  | { kind: 'user'; sheetId: string; before: SheetState; inverse: DataChangeType; address: string }
  | { kind: 'addin'; before: Map<string, SheetState>; group: object | null };

export class WorkbookState {
  sheets: SheetState[] = [];
  readonly undoStack: UndoEntry[] = [];
  /**
   * The document's custom properties (workbook.properties.custom, ExcelApi 1.7): kept in the file, shared
   * by every add-in and by WPS (excel.customproperty).
   */
  readonly customProperties = new Map<string, string>();
  activeSheetId = '';
  selection: { sheetId: string; address: string } | null = null;
  private nextId = 1;
  /** workbook.worksheets.onChanged (ExcelApi 1.9): every sheet's changes. */
  readonly changedHandlers = new Set<ChangedHandler>();
  /** worksheet.onChanged (ExcelApi 1.7): one sheet's changes, by sheet id; gone with the sheet. */
  readonly sheetChangedHandlers = new Map<string, Set<ChangedHandler>>();
  readonly addedHandlers = new Set<SheetHandler>();
  readonly deletedHandlers = new Set<SheetHandler>();
  /** workbook.worksheets.onProtectionChanged (ExcelApi 1.14). */
  readonly protectionHandlers = new Set<ProtectionHandler>();
  /** workbook.worksheets.onCalculated (ExcelApi 1.8): raised by a recalculation, which raises no onChanged. */
  readonly calculatedHandlers = new Set<SheetHandler>();
  /** workbook.worksheets.onActivated (ExcelApi 1.7). */
  readonly activatedHandlers = new Set<SheetHandler>();
  /** workbook.protection.protected (structure): no sheet can be added, deleted or renamed. */
  structureProtected = false;

  /** What an add-in's write does to the undo stack (see UndoEntry). */
  addinWrote(before: Map<string, SheetState>, keepsUndo: boolean, group: object | null): void {
    if (!keepsUndo) {
      this.undoStack.length = 0;
      return;
    }
    const top = this.undoStack[this.undoStack.length - 1];
    if (group && top?.kind === 'addin' && top.group === group) {
      for (const [id, sheet] of before) if (!top.before.has(id)) top.before.set(id, sheet);
      return;
    }
    this.undoStack.push({ kind: 'addin', before, group });
  }

  newId(prefix: string): string {
    return `{${prefix}-${String(this.nextId++).padStart(8, '0')}}`;
  }

  addSheet(name: string): SheetState {
    const invalid = /[[\]:*?/\\]/.test(name) || name.length === 0 || name.length > 31 || /^'|'$/.test(name);
    if (invalid) throw new DoubleOfficeError('InvalidArgument', `工作表名称无效：${name}`);
    if (this.findSheet(name)) throw new DoubleOfficeError('ItemAlreadyExists', `工作表已存在：${name}`);
    const sheet: SheetState = {
      id: this.newId('sheet'),
      name,
      cells: new Map(),
      merges: [],
      validations: [],
      conditionalFormats: [],
      notes: new Map(),
      columnWidths: new Map(),
      rowHeights: new Map(),
      pageLayout: { orientation: 'Portrait', paperSize: 'Letter', zoom: { scale: 100 }, printArea: null, printTitleRows: null },
      protected: false,
    };
    this.sheets.push(sheet);
    if (!this.activeSheetId) this.activeSheetId = sheet.id;
    return sheet;
  }

  /** By id or by name (case-insensitive), as WorksheetCollection.getItem does. */
  findSheet(key: string): SheetState | undefined {
    return this.sheets.find((s) => s.id === key) ?? this.sheets.find((s) => s.name.toLowerCase() === key.toLowerCase());
  }

  sheet(key: string): SheetState {
    const sheet = this.findSheet(key);
    if (!sheet) throw new DoubleOfficeError('ItemNotFound', `找不到工作表：${key}`);
    return sheet;
  }

  handlersOfSheet(sheetId: string): Set<ChangedHandler> {
    let handlers = this.sheetChangedHandlers.get(sheetId);
    if (!handlers) {
      handlers = new Set();
      this.sheetChangedHandlers.set(sheetId, handlers);
    }
    return handlers;
  }

  emitChanged(event: ChangedEvent): void {
    const handlers = [...this.changedHandlers, ...(this.sheetChangedHandlers.get(event.worksheetId) ?? [])];
    for (const handler of handlers) void Promise.resolve().then(() => handler(event));
  }

  removeSheet(sheet: SheetState): void {
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.sheetChangedHandlers.delete(sheet.id);
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets[0]?.id ?? '';
    this.emitSheet(this.deletedHandlers, { type: 'WorksheetDeleted', source: 'Local', worksheetId: sheet.id });
  }

  emitSheet(handlers: Set<SheetHandler>, event: SheetEvent): void {
    for (const handler of [...handlers]) void Promise.resolve().then(() => handler(event));
  }

  setSheetProtected(sheet: SheetState, isProtected: boolean): void {
    sheet.protected = isProtected;
    const event: ProtectionEvent = { type: 'WorksheetProtectionChanged', source: 'Local', worksheetId: sheet.id, isProtected };
    for (const handler of [...this.protectionHandlers]) void Promise.resolve().then(() => handler(event));
  }
}

