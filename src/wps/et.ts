/**
 * The part of WPS 表格's object model (a synchronous, VBA-shaped bridge: `window.Application`) that jixiao
 * uses, as narrow structural types. test/wps/etConformance.ts checks that et-jsapi-declare's `Et.*`
 * declarations satisfy them, so nothing here is used that WPS does not declare.
 * Enum values are VBA's, hard-coded: `Application.Enum` is missing on older builds (docs: open.wps.cn
 * 表格 API; learn.microsoft.com/office/vba/api/excel(enumerations)).
 */

export interface EtFont {
  Bold: boolean;
  Size: number;
}

export interface EtInterior {
  /** BGR long (VBA's RGB()), not `#RRGGBB`. */
  Color: unknown;
}

export interface EtBorder {
  LineStyle: number | boolean;
  Weight: number;
  Color: number;
}

export interface EtBorders {
  Item(index: number): EtBorder;
}

export interface EtValidation {
  Add(type: number, alertStyle?: number, operator?: number, formula1?: string, formula2?: string): void;
  Delete(): void;
  InputTitle: string;
  InputMessage: string;
  ErrorTitle: string;
  ErrorMessage: string;
  ShowInput: boolean;
  ShowError: boolean;
  InCellDropdown: boolean;
}

export interface EtFormatCondition {
  readonly Type: number;
  readonly Formula1: string;
  readonly AppliesTo: EtRange;
  readonly Interior: EtInterior;
  readonly Borders: EtBorders;
  Delete(): void;
}

export interface EtFormatConditions {
  readonly Count: number;
  /** 1-based; declared `any` by et-jsapi-declare (an FormatCondition, or another kind of rule). */
  Item(index: number): unknown;
  Add(type: number, operator?: unknown, formula1?: unknown): unknown;
}

export interface EtComment {
  readonly Author: string;
  /** Reads the text with no argument, replaces it with one (VBA `Comment.Text`). */
  Text(text?: string): string;
  Delete(): void;
  /** The cell the comment is on (a Range; declared `any`). */
  readonly Parent: unknown;
}

export interface EtComments {
  readonly Count: number;
  Item(index: number): EtComment;
}

export interface EtPageSetup {
  Orientation: number;
  PaperSize: number;
  Zoom: unknown;
  FitToPagesWide: unknown;
  FitToPagesTall: unknown;
  PrintArea: string;
  PrintTitleRows: string;
}

export interface EtRange {
  Value2: unknown;
  NumberFormat: unknown;
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  MergeCells: unknown;
  readonly MergeArea: EtRange;
  Merge(across?: boolean): void;
  readonly FormatConditions: EtFormatConditions;
  /** The cell's comment (a legacy note), or null (VBA Nothing). */
  readonly Comment: EtComment | null;
  AddComment(text?: string): EtComment;
  Insert(shift?: number, copyOrigin?: number): unknown;
  Copy(destination?: unknown): unknown;
  PasteSpecial(paste?: number): unknown;
  readonly Validation: EtValidation;
  ColumnWidth: unknown;
  RowHeight: unknown;
  readonly Font: EtFont;
  readonly Interior: EtInterior;
  readonly Borders: EtBorders;
  HorizontalAlignment: unknown;
  VerticalAlignment: unknown;
  WrapText: unknown;
  Select(): unknown;
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  readonly Worksheet: EtWorksheet;
}

export interface EtWorksheet {
  Name: string;
  readonly UsedRange: EtRange;
  /** Every cell: `Cells.FormatConditions` is the sheet's whole collection. */
  readonly Cells: EtRange;
  Range(address: string): EtRange;
  readonly ProtectContents: boolean;
  readonly Comments: EtComments;
  readonly PageSetup: EtPageSetup;
  Activate(): void;
  Delete(): void;
}

export interface EtSheets {
  readonly Count: number;
  /** 1-based index or name; declared `any` by et-jsapi-declare for Worksheets. */
  Item(index: number | string): unknown;
  Add(before?: unknown, after?: unknown, count?: number, type?: number): unknown;
}

export interface EtDocumentProperty {
  Name: string;
  Value: unknown;
  Delete(): void;
}

export interface EtDocumentProperties {
  readonly Count: number;
  Item(index: number | string): EtDocumentProperty;
  Add(name: string, linkToContent: boolean, type?: number, value?: string): EtDocumentProperty;
}

export interface EtWorkbook {
  readonly Worksheets: EtSheets;
  readonly ActiveSheet: unknown;
  /** Declared `any` (Office's DocumentProperties). */
  readonly CustomDocumentProperties: unknown;
}

/** The events the live check listens to (`Application.ApiEvent`, 表格事件; et-jsapi-declare addon.et.d.ts). */
export interface EtApiEvent {
  AddApiEventListener(name: 'SheetChange', callback: (sheet: unknown, target: unknown) => void): void;
  AddApiEventListener(name: 'WorkbookNewSheet', callback: (workbook: unknown, sheet: unknown) => void): void;
  AddApiEventListener(name: 'SheetBeforeDelete', callback: (sheet: unknown) => void): void;
  AddApiEventListener(name: 'WorkbookActivate', callback: (workbook: unknown) => void): void;
  RemoveApiEventListener(name: 'SheetChange', callback?: (sheet: unknown, target: unknown) => void): void;
  RemoveApiEventListener(name: 'WorkbookNewSheet', callback?: (workbook: unknown, sheet: unknown) => void): void;
  RemoveApiEventListener(name: 'SheetBeforeDelete', callback?: (sheet: unknown) => void): void;
  RemoveApiEventListener(name: 'WorkbookActivate', callback?: (workbook: unknown) => void): void;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  ScreenUpdating: boolean;
  /** False: no confirmation box (deleting the 自检 sheet asks otherwise). */
  DisplayAlerts: boolean;
  CutCopyMode: unknown;
  readonly ApiEvent?: EtApiEvent;
}

// VBA enumeration values (XlFormatConditionType, XlInsertShiftDirection, XlPasteType, XlDVType, …).
export const XL = {
  expression: 2,
  shiftDown: -4121,
  pasteFormats: -4122,
  validateInputOnly: 0,
  validateDecimal: 2,
  validateList: 3,
  alertStop: 1,
  alertWarning: 2,
  greaterEqual: 7,
  continuous: 1,
  thin: 2,
  hLeft: -4131,
  hCenter: -4108,
  hRight: -4152,
  vTop: -4160,
  vCenter: -4108,
  vBottom: -4107,
  portrait: 1,
  landscape: 2,
  paperA4: 9,
  propertyString: 4,
  /** Range borders (XlBordersIndex). */
  edgeLeft: 7,
  edgeTop: 8,
  edgeBottom: 9,
  edgeRight: 10,
  /** A FormatCondition's borders, as Microsoft documents them (FormatCondition.Borders: xlLeft …). */
  left: -4131,
  top: -4160,
  bottom: -4107,
  right: -4152,
} as const;

/** `#RRGGBB` → the BGR long VBA colours are. */
export function bgr(hex: string): number {
  const n = parseInt(hex.replace('#', ''), 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}

/** The worksheet behind an `Item` or `Add` result (declared `any`). */
export function asSheet(value: unknown): EtWorksheet {
  return value as EtWorksheet;
}

/**
 * `Value2` as rows × columns: a scalar for one cell, and some builds hand back a flat array for one row
 * (research notes, pi-for-excel's jsapi.ts); both are evened out to a 2-D array.
 */
export function valueRows(value: unknown, rows: number, cols: number): unknown[][] {
  if (!Array.isArray(value)) return [[value]];
  if (rows === 1 && value.length === cols && !Array.isArray(value[0])) return [value as unknown[]];
  return (value as unknown[]).map((row) => (Array.isArray(row) ? row : [row]));
}

/** An address from `Range.Address(false, false)`, without a sheet part or `$`. */
export function localAddress(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
}

/**
 * A property read that works whether this WPS build exposes the property as a property or as a method
 * (research notes §2: "Some builds expose properties as methods"; pi-for-excel's src/host/wps/jsapi.ts reads
 * either): `range.Value2` or `range.Value2()`, called on its owner. Writes stay assignments.
 */
export function read<T extends object, K extends keyof T>(owner: T, name: K): T[K] {
  const value: unknown = owner[name];
  return (typeof value === 'function' ? (value as (this: T) => unknown).call(owner) : value) as T[K];
}

/** A worksheet's name, read either way (see read). */
export function nameOf(ws: EtWorksheet): string {
  return String(read(ws, 'Name'));
}
