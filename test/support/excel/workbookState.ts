// The Excel double's workbook: its sheets, ids, undo stack, custom properties, selection and event handlers,
// shared by every add-in instance and facade (the WPS double's too) that opens it.
import { DoubleOfficeError } from './errors';
import type { SheetState } from './sheetState';

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
