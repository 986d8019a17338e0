/**
 * A WPS 表格 double: a facade with the documented VBA-shaped semantics of WPS's JS object model (open.wps.cn
 * 表格 API; learn.microsoft.com/office/vba/api/excel) over the same in-memory workbook model as the Excel
 * double (test/support/excel/model.ts): 1-based `Item`, `Value2` a scalar for one cell and a 2-D array
 * otherwise, writes to a protected sheet throwing, `Range.Insert` moving comments, conditional formats and
 * their `$` references, `ApiEvent` listeners fired by the user actions below, and every bridge call
 * (property read or write, method call) counted. Given an Excel double's workbook (`options.workbook`), it
 * opens the very sheets, marks and custom properties that double holds. test/wps/etConformance.ts
 * type-checks it against the narrow types of src/wps/et.ts, and those against et-jsapi-declare.
 */
import type { RibbonApplication } from '../../../src/wps/ribbon';
import type { EtApplication } from '../../../src/wps/et';
import { toA1 } from '../../../src/core/sheet/address';
import { WorkbookState, cellKey, cloneSheet, insertSheetRows, keyPosition, parsePoint, parseRect, rectAddress, shiftSheetRows } from '../excel/model';
import type { DoubleCellValue, SheetState } from '../excel/model';
import { cellAt, enterValue, peekCell } from '../excel/modelCells';
import { hexOf } from './etModel';
import { DRange, DWorksheet } from './etRange';
import { State, documentProperties } from './etState';
import type { Bridge, EtDoubleOptions, Listener } from './etState';

export type { EtDoubleOptions } from './etState';
export { DRange, DWorksheet } from './etRange';

export interface EtDouble {
  Application: EtApplication & { ActiveWorkbook: NonNullable<EtApplication['ActiveWorkbook']> } & Pick<RibbonApplication, 'CreateTaskPane' | 'GetTaskPane' | 'PluginStorage'>;
  /** The workbook model, shared with an Excel double opened over it (ExcelDoubleOptions.workbook). */
  readonly workbook: WorkbookState;
  /** Task panes the add-in created (CreateTaskPane), with their address. */
  panes(): { ID: number; Visible: boolean; url: string }[];
  /** Bridge calls since creation or the last resetCalls. */
  readonly calls: number;
  resetCalls(): void;
  sheetNames(): string[];
  model(name: string): SheetState;
  /** A cell's value; '' for a blank cell, as the Excel double has it. */
  value(sheet: string, address: string): DoubleCellValue;
  selection(): { sheet: string; address: string } | null;
  activeSheet(): string;
  /** Marks: conditional formats carrying the jixiao sentinel, as `address severity`, sorted. */
  marks(sheet: string): string[];
  notes(sheet: string): Record<string, string>;
  /** The workbook's custom document properties (the model's, shared with Excel). */
  properties(): Map<string, string>;
  listenerCount(): number;
  /** User types a value: fires SheetChange(Sh, Target). */
  userEdit(sheet: string, address: string, value: DoubleCellValue): void;
  /**
   * Another user of a shared (协作) workbook changes a cell: not on this user's undo stack. WPS's events
   * carry no source, and whether WPS raises SheetChange for a co-author's change at all is not documented:
   * `fires` picks either, and the host must be right under both.
   */
  coauthorEdit(sheet: string, address: string, value: DoubleCellValue, fires: boolean): void;
  userInsertRows(sheet: string, beforeRow: number, count: number): void;
  userDeleteRows(sheet: string, firstRow: number, count: number): void;
  /** No event: WPS has none for protection. */
  userProtectSheet(sheet: string, isProtected: boolean): void;
  userAddSheet(name: string): void;
  userDeleteSheet(name: string): void;
  /** The user switches to another open workbook and back: fires WorkbookActivate(Wb). */
  userActivateWorkbook(): void;
  userSetNote(sheet: string, address: string, text: string): void;
  /** A conditional format of the user's (an expression rule), its fill a BGR long. */
  userAddConditionalFormat(sheet: string, range: string, formula: string, fill: number): void;
  /** Undoes the last user change, fires SheetChange. */
  undo(): void;
}

export function createEtDouble(options: EtDoubleOptions = {}): EtDouble {
  const bridge: Bridge = { calls: 0 };
  const shared = options.workbook;
  const workbookState = shared ?? new WorkbookState();
  if (!shared) for (const name of options.sheets ?? ['Sheet1']) workbookState.addSheet(name);
  const state = new State(bridge, options, workbookState);
  const facade = (sheet: SheetState) => new DWorksheet(state, sheet.id);
  const panes: { ID: number; Visible: boolean; url: string }[] = [];
  const storage = new Map<string, unknown>();

  const sheets = {
    get Count() {
      state.tick();
      return workbookState.sheets.length;
    },
    Item(index: number | string): unknown {
      state.tick();
      const model = typeof index === 'number' ? workbookState.sheets[index - 1] : workbookState.sheets.find((s) => s.name === index);
      if (!model) throw new Error(`Worksheets.Item：下标越界（${String(index)}）`);
      return facade(model);
    },
    Add(before?: unknown, after?: unknown): unknown {
      state.tick();
      let n = workbookState.sheets.length + 1;
      while (workbookState.findSheet(`Sheet${n}`)) n++;
      const model = workbookState.addSheet(`Sheet${n}`);
      workbookState.sheets.pop();
      const anchor = (after ?? before) as DWorksheet | undefined;
      const active = workbookState.sheets.findIndex((s) => s.id === workbookState.activeSheetId);
      const at = anchor ? workbookState.sheets.findIndex((s) => s.id === anchor.sheetId) + (after ? 1 : 0) : Math.max(active, 0);
      workbookState.sheets.splice(at, 0, model);
      workbookState.activeSheetId = model.id;
      return facade(model);
    },
  };
  const properties = documentProperties(state);
  const workbook = {
    get Worksheets() {
      state.tick();
      return sheets;
    },
    get ActiveSheet(): unknown {
      state.tick();
      const active = workbookState.sheets.find((s) => s.id === workbookState.activeSheetId);
      return active ? facade(active) : null;
    },
    get CustomDocumentProperties(): unknown {
      state.tick();
      return properties;
    },
  };
  const apiEvent = {
    AddApiEventListener(name: string, callback: Listener) {
      state.tick();
      const set = state.listeners.get(name) ?? new Set<Listener>();
      set.add(callback);
      state.listeners.set(name, set);
    },
    RemoveApiEventListener(name: string, callback?: Listener) {
      state.tick();
      if (callback) state.listeners.get(name)?.delete(callback);
      else state.listeners.delete(name);
    },
  };
  const application = {
    get ActiveWorkbook() {
      state.tick();
      return workbook;
    },
    get ScreenUpdating() {
      state.tick();
      return state.screenUpdating;
    },
    set ScreenUpdating(v: boolean) {
      state.tick();
      state.screenUpdating = v;
    },
    get DisplayAlerts() {
      state.tick();
      return state.displayAlerts;
    },
    set DisplayAlerts(v: boolean) {
      state.tick();
      state.displayAlerts = v;
    },
    get CutCopyMode(): unknown {
      state.tick();
      return state.clipboard ? 1 : false;
    },
    set CutCopyMode(_v: unknown) {
      state.tick();
      state.clipboard = null;
    },
    ...(options.noApiEvent ? {} : { ApiEvent: apiEvent }),
    // The add-in root's panes and storage (WPS.AddonRoot), for the ribbon callbacks.
    CreateTaskPane(url: string) {
      state.tick();
      const pane = { ID: panes.length + 1, Visible: false, url };
      panes.push(pane);
      return pane;
    },
    GetTaskPane(id: number) {
      state.tick();
      return panes.find((p) => p.ID === id) ?? null;
    },
    PluginStorage: {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: unknown) => void storage.set(k, v),
    },
  } as EtDouble['Application'];

  const at = (address: string) => parsePoint(address);
  const fireChange = (sheet: SheetState, address: string) => state.fire('SheetChange', facade(sheet), new DRange(state, sheet.id, parseRect(address)));
  /** A user's change: an undo step on the workbook's stack (the one Excel's double keeps), then SheetChange. */
  const userChange = (name: string, address: string, change: (sheet: SheetState) => void): void => {
    const sheet = state.byName(name);
    if (sheet.protected) throw new Error(`工作表受保护，用户不能编辑：${name}`);
    workbookState.undoStack.push({ kind: 'user', sheetId: sheet.id, before: cloneSheet(sheet), inverse: 'RangeEdited', address });
    change(sheet);
    fireChange(sheet, address);
  };

  return {
    Application: application,
    workbook: workbookState,
    get calls() {
      return bridge.calls;
    },
    resetCalls: () => {
      bridge.calls = 0;
    },
    sheetNames: () => workbookState.sheets.map((s) => s.name),
    model: (name) => state.byName(name),
    value: (sheet, address) => peekCell(state.byName(sheet), at(address).r, at(address).c)?.value ?? '',
    selection: () => {
      const sel = workbookState.selection;
      const sheet = sel && workbookState.sheets.find((s) => s.id === sel.sheetId);
      return sel && sheet ? { sheet: sheet.name, address: sel.address } : null;
    },
    activeSheet: () => workbookState.sheets.find((s) => s.id === workbookState.activeSheetId)?.name ?? '',
    marks: (sheet) =>
      state
        .byName(sheet)
        .conditionalFormats.flatMap((fc) => {
          const m = /N\("jixiao:(\w+)"\)/.exec(fc.formula ?? '');
          return m ? [`${rectAddress(fc.rect)} ${m[1]}`] : [];
        })
        .sort(),
    notes: (sheet) => Object.fromEntries([...state.byName(sheet).notes].map(([k, v]) => [toA1(keyPosition(k).r, keyPosition(k).c), v.content])),
    properties: () => workbookState.customProperties,
    panes: () => panes,
    listenerCount: () => [...state.listeners.values()].reduce((n, set) => n + set.size, 0),
    userEdit: (sheet, address, value) => userChange(sheet, address, (model) => enterValue(cellAt(model, at(address).r, at(address).c), value)),
    coauthorEdit: (sheet, address, value, fires) => {
      const model = state.byName(sheet);
      enterValue(cellAt(model, at(address).r, at(address).c), value);
      if (fires) fireChange(model, address);
    },
    // VBA Range.Insert: the new rows take the row above's formats (CopyOrigin xlFormatFromLeftOrAbove).
    userInsertRows: (sheet, beforeRow, count) => userChange(sheet, `${beforeRow}:${beforeRow + count - 1}`, (model) => insertSheetRows(model, beforeRow - 1, count, true)),
    userDeleteRows: (sheet, firstRow, count) => userChange(sheet, `${firstRow}:${firstRow + count - 1}`, (model) => shiftSheetRows(model, firstRow - 1, count, false)),
    userProtectSheet: (sheet, isProtected) => {
      state.byName(sheet).protected = isProtected;
    },
    userAddSheet: (name) => {
      const model = workbookState.addSheet(name);
      state.fire('WorkbookNewSheet', workbook, facade(model));
    },
    userDeleteSheet: (name) => {
      const model = state.byName(name);
      state.fire('SheetBeforeDelete', facade(model));
      workbookState.removeSheet(model);
    },
    userActivateWorkbook: () => state.fire('WorkbookActivate', workbook),
    userSetNote: (sheet, address, text) => {
      state.byName(sheet).notes.set(cellKey(at(address).r, at(address).c), { content: text, authorName: '用户' });
    },
    userAddConditionalFormat: (sheet, range, formula, fill) => {
      state.byName(sheet).conditionalFormats.push({ id: workbookState.newId('cf'), type: 'Custom', rect: parseRect(range), formula, fill: hexOf(fill), borders: {} });
    },
    undo: () => {
      const last = workbookState.undoStack.pop();
      if (!last || last.kind !== 'user') throw new Error('没有可撤销的操作');
      const index = workbookState.sheets.findIndex((s) => s.id === last.sheetId);
      if (index < 0) throw new Error('要撤销的工作表已删除');
      workbookState.sheets[index] = last.before;
      fireChange(last.before, last.address);
    },
  };
}

/** Puts the double's Application on a global object (window in the browser), as WPS does for a pane. */
export function installEtDouble(target: object, options: EtDoubleOptions = {}): EtDouble {
  const double = createEtDouble(options);
  Object.assign(target, { Application: double.Application, wps: double.Application });
  return double;
}
