/**
 * A WPS 表格 double: the in-memory workbook of etModel.ts behind a facade with the documented VBA-shaped
 * semantics of WPS's JS object model (open.wps.cn 表格 API; learn.microsoft.com/office/vba/api/excel):
 * 1-based `Item`, `Value2` a scalar for one cell and a 2-D array otherwise, writes to a protected sheet
 * throwing, `Range.Insert` moving comments, conditional formats and their `$` references, `ApiEvent`
 * listeners fired by the user actions below, and every bridge call (property read or write, method call)
 * counted. test/wps/etConformance.ts type-checks it against the narrow types of src/wps/et.ts, and those
 * against et-jsapi-declare.
 */
import type { RibbonApplication } from '../../../src/wps/ribbon';
import type { EtApplication } from '../../../src/wps/et';
import { fromA1 } from '../../../src/core/sheet/address';
import { cloneSheet, enterValue, key, newSheet, parseRect, position, rectAddress, shiftRows } from './etModel';
import type { EtCellValue, SheetModel } from './etModel';
import { DRange, DWorksheet } from './etRange';
import { State, cellOf, documentProperties } from './etState';
import type { Bridge, EtDoubleOptions, Listener } from './etState';

export type { EtDoubleOptions } from './etState';
export { DRange, DWorksheet } from './etRange';

export interface EtDouble {
  Application: EtApplication & { ActiveWorkbook: NonNullable<EtApplication['ActiveWorkbook']> } & Pick<RibbonApplication, 'CreateTaskPane' | 'GetTaskPane' | 'PluginStorage'>;
  /** Task panes the add-in created (CreateTaskPane), with their address. */
  panes(): { ID: number; Visible: boolean; url: string }[];
  /** Bridge calls since creation or the last resetCalls. */
  readonly calls: number;
  resetCalls(): void;
  sheetNames(): string[];
  model(name: string): SheetModel;
  value(sheet: string, address: string): EtCellValue | null;
  selection(): { sheet: string; address: string } | null;
  activeSheet(): string;
  /** Marks: conditional formats carrying the jixiao sentinel, as `address severity`, sorted. */
  marks(sheet: string): string[];
  notes(sheet: string): Record<string, string>;
  properties(): Map<string, string>;
  listenerCount(): number;
  /** User types a value: fires SheetChange(Sh, Target). */
  userEdit(sheet: string, address: string, value: EtCellValue): void;
  userInsertRows(sheet: string, beforeRow: number, count: number): void;
  userDeleteRows(sheet: string, firstRow: number, count: number): void;
  /** No event: WPS has none for protection. */
  userProtectSheet(sheet: string, isProtected: boolean): void;
  userAddSheet(name: string): void;
  userDeleteSheet(name: string): void;
  userSetNote(sheet: string, address: string, text: string): void;
  userAddConditionalFormat(sheet: string, range: string, formula: string, fill: number): void;
  /** Undoes the last user change, fires SheetChange. */
  undo(): void;
}

export function createEtDouble(options: EtDoubleOptions = {}): EtDouble {
  const bridge: Bridge = { calls: 0 };
  const state = new State(bridge, options);
  for (const name of options.sheets ?? ['Sheet1']) state.sheets.push(newSheet(name));
  state.active = state.sheets[0] ?? null;
  const undoStack: { sheet: SheetModel; before: SheetModel; address: string }[] = [];
  const facade = (model: SheetModel) => new DWorksheet(state, model);
  const panes: { ID: number; Visible: boolean; url: string }[] = [];
  const storage = new Map<string, unknown>();

  const sheets = {
    get Count() {
      state.tick();
      return state.sheets.length;
    },
    Item(index: number | string): unknown {
      state.tick();
      const model = typeof index === 'number' ? state.sheets[index - 1] : state.sheets.find((s) => s.name === index);
      if (!model) throw new Error(`Worksheets.Item：下标越界（${String(index)}）`);
      return facade(model);
    },
    Add(before?: unknown, after?: unknown): unknown {
      state.tick();
      let n = state.sheets.length + 1;
      while (state.sheets.some((s) => s.name === `Sheet${n}`)) n++;
      const model = newSheet(`Sheet${n}`);
      const anchor = (after ?? before) as DWorksheet | undefined;
      const at = anchor ? state.sheets.indexOf(anchor.model) + (after ? 1 : 0) : state.active ? state.sheets.indexOf(state.active) : 0;
      state.sheets.splice(at, 0, model);
      state.active = model;
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
      return state.active ? facade(state.active) : null;
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

  const userChange = (name: string, address: string, change: (sheet: SheetModel) => void): void => {
    const sheet = state.sheet(name);
    if (sheet.protected) throw new Error(`工作表受保护，用户不能编辑：${name}`);
    undoStack.push({ sheet, before: cloneSheet(sheet), address });
    change(sheet);
    state.fire('SheetChange', facade(sheet), new DRange(state, sheet, parseRect(address)));
  };

  return {
    Application: application,
    get calls() {
      return bridge.calls;
    },
    resetCalls: () => {
      bridge.calls = 0;
    },
    sheetNames: () => state.sheets.map((s) => s.name),
    model: (name) => state.sheet(name),
    value: (sheet, address) => {
      const { row, col } = fromA1(address);
      return state.sheet(sheet).cells.get(key(row, col))?.value ?? null;
    },
    selection: () => state.selection,
    activeSheet: () => state.active?.name ?? '',
    marks: (sheet) =>
      state
        .sheet(sheet)
        .formatConditions.flatMap((fc) => {
          const m = /N\("jixiao:(\w+)"\)/.exec(fc.formula1);
          return m ? [`${rectAddress(fc.rect)} ${m[1]}`] : [];
        })
        .sort(),
    notes: (sheet) => Object.fromEntries([...state.sheet(sheet).comments].map(([k, v]) => [rectAddress({ r1: position(k).r, c1: position(k).c, r2: position(k).r, c2: position(k).c }), v.text])),
    properties: () => state.properties,
    panes: () => panes,
    listenerCount: () => [...state.listeners.values()].reduce((n, set) => n + set.size, 0),
    userEdit: (sheet, address, value) =>
      userChange(sheet, address, (model) => {
        const { row, col } = fromA1(address);
        enterValue(cellOf(model, row, col), value);
      }),
    userInsertRows: (sheet, beforeRow, count) => userChange(sheet, `${beforeRow}:${beforeRow + count - 1}`, (model) => shiftRows(model, beforeRow - 1, count, true)),
    userDeleteRows: (sheet, firstRow, count) => userChange(sheet, `${firstRow}:${firstRow + count - 1}`, (model) => shiftRows(model, firstRow - 1, count, false)),
    userProtectSheet: (sheet, isProtected) => {
      state.sheet(sheet).protected = isProtected;
    },
    userAddSheet: (name) => {
      const model = newSheet(name);
      state.sheets.push(model);
      state.fire('WorkbookNewSheet', workbook, facade(model));
    },
    userDeleteSheet: (name) => {
      const model = state.sheet(name);
      state.fire('SheetBeforeDelete', facade(model));
      state.sheets = state.sheets.filter((s) => s !== model);
    },
    userSetNote: (sheet, address, text) => {
      const { row, col } = fromA1(address);
      state.sheet(sheet).comments.set(key(row, col), { text, author: '用户' });
    },
    userAddConditionalFormat: (sheet, range, formula, fill) => {
      state.sheet(sheet).formatConditions.push({ type: 2, rect: parseRect(range), formula1: formula, fill, borders: {} });
    },
    undo: () => {
      const last = undoStack.pop();
      if (!last) throw new Error('没有可撤销的操作');
      Object.assign(last.sheet, cloneSheet(last.before));
      state.fire('SheetChange', facade(last.sheet), new DRange(state, last.sheet, parseRect(last.address)));
    },
  };
}

/** Puts the double's Application on a global object (window in the browser), as WPS does for a pane. */
export function installEtDouble(target: object, options: EtDoubleOptions = {}): EtDouble {
  const double = createEtDouble(options);
  Object.assign(target, { Application: double.Application, wps: double.Application });
  return double;
}
