// The Excel double's entry: createExcelDouble puts together the workbook model (./model.ts), the
// Office.js request context and proxies (./context.ts, ./workbook.ts, ./range.ts, ./formats.ts,
// ./conditionalFormats.ts, ./notes.ts, ./pageLayout.ts), the user (./userActions.ts) and the Office
// namespace (settings, requirements, ribbon commands). Each behaviour cites the page or issue it follows.
import { DoubleOfficeError, WorkbookState, parsePoint } from './model';
import type { DoubleCellValue, ExcelDoubleOptions, SheetState } from './model';
import { peekCell } from './cells';
import { ApiGate, DoubleRequestContext } from './context';
import type { Behaviour, DoubleRunOptions, RequestTraffic } from './context';
import { sheetSnapshot } from './snapshot';
import type { SheetSnapshot } from './snapshot';
import { createUserActions } from './userActions';

export type { DoubleRunOptions } from './context';
export type { SheetSnapshot } from './snapshot';

/** Each double's workbook, so a second add-in instance (ExcelDoubleOptions.sharedWith) shares it. */
const workbookOf = new WeakMap<object, WorkbookState>();

export interface ExcelDouble {
  /** Stand-in for the global `Excel` namespace (run, enums). */
  Excel: {
    run: {
      <T>(batch: (context: DoubleRequestContext) => Promise<T>): Promise<T>;
      <T>(options: DoubleRunOptions, batch: (context: DoubleRequestContext) => Promise<T>): Promise<T>;
      <T>(context: DoubleRequestContext, batch: (context: DoubleRequestContext) => Promise<T>): Promise<T>;
    };
    ConditionalFormatType: { custom: 'Custom'; cellValue: 'CellValue' };
    EventSource: { local: 'Local'; remote: 'Remote' };
    DataChangeType: {
      rangeEdited: 'RangeEdited';
      rowInserted: 'RowInserted';
      rowDeleted: 'RowDeleted';
      columnInserted: 'ColumnInserted';
      columnDeleted: 'ColumnDeleted';
      cellInserted: 'CellInserted';
      cellDeleted: 'CellDeleted';
    };
    EventTriggerSource: { unknown: 'Unknown'; thisLocalAddin: 'ThisLocalAddin' };
    RequestContext: typeof DoubleRequestContext;
  };
  /** Stand-in for the global `Office` namespace. */
  Office: DoubleOffice;
  /** context.sync calls since creation (or the last resetSyncs). */
  readonly syncCount: number;
  /** Commands queued since creation (or the last resetSyncs): the request payload, one per load, write or resolved proxy. */
  readonly commandCount: number;
  /** Syncs refused as too large (request or response payload limit) since creation (or the last resetSyncs). */
  readonly refusedCount: number;
  /** Bytes of the largest request accepted since creation (or the last resetSyncs); counted only under requestPayloadLimit. */
  readonly largestRequestBytes: number;
  resetSyncs(): void;
  sheetNames(): string[];
  /** The live state of a sheet (by name); for assertions only. */
  sheet(name: string): SheetState;
  /** A deep, JSON-comparable copy of a sheet: values, formats, merges, validation, CFs, notes, sizes, print. */
  snapshot(name: string): SheetSnapshot;
  value(sheet: string, address: string): DoubleCellValue;
  selection(): { sheet: string; address: string } | null;
  /** User clicks a cell (or range) of a sheet: it becomes the active sheet and the selection. */
  userSelect(sheet: string, address: string): void;
  activeSheet(): string;
  /** User types a value into a cell: raises onChanged (RangeEdited). */
  userEdit(sheet: string, address: string, value: DoubleCellValue, source?: 'Local' | 'Remote'): void;
  /** User deletes whole rows (1-based first row): raises onChanged (RowDeleted). */
  userDeleteRows(sheet: string, firstRow: number, count: number, source?: 'Local' | 'Remote'): void;
  /** User inserts empty rows before `beforeRow` (1-based): raises onChanged (RowInserted). */
  userInsertRows(sheet: string, beforeRow: number, count: number, source?: 'Local' | 'Remote'): void;
  /** User inserts empty columns before `beforeColumn` (a letter): raises onChanged (ColumnInserted). */
  userInsertColumns(sheet: string, beforeColumn: string, count: number, source?: 'Local' | 'Remote'): void;
  /** User deletes whole columns from `firstColumn` (a letter): raises onChanged (ColumnDeleted). */
  userDeleteColumns(sheet: string, firstColumn: string, count: number, source?: 'Local' | 'Remote'): void;
  /** User inserts empty cells at `range`, shifting the cells below down or those to the right right (CellInserted). */
  userInsertCells(sheet: string, range: string, shift: 'Down' | 'Right', source?: 'Local' | 'Remote'): void;
  /** User deletes the cells of `range`, shifting the cells below up or those to the right left (CellDeleted). */
  userDeleteCells(sheet: string, range: string, shift: 'Up' | 'Left', source?: 'Local' | 'Remote'): void;
  /**
   * User picks a value from a cell's drop-down list: raises onChanged, or nothing under pickRaisesNoEvent
   * (office-js #420).
   */
  userPickFromList(sheet: string, address: string, value: DoubleCellValue): void;
  /**
   * A formula's result changes (a cell it depends on changed elsewhere): raises onCalculated and no
   * onChanged, as Excel documents (excel.worksheetcollection#onCalculated; onChanged is not raised by
   * recalculation).
   */
  recalculate(sheet: string, address: string, value: DoubleCellValue): void;
  /** User goes to another sheet: raises onActivated. */
  userActivate(sheet: string): void;
  /** User adds a threaded comment (审阅 → 新建批注) to a cell: a note can no longer be added there. */
  userAddThreadedComment(sheet: string, address: string): void;
  /** User formats `range` as an Excel Table (插入 → 表格), its first row the header. */
  userAddTable(sheet: string, range: string, name?: string): void;
  /** User turns on 筛选 (AutoFilter) over `range`. */
  userSetAutoFilter(sheet: string, range: string | null): void;
  /** The user merges `range` (开始 → 合并后居中). */
  userMerge(sheet: string, range: string): void;
  userAddSheet(name: string): void;
  userDeleteSheet(name: string): void;
  /** User protects or unprotects a sheet (审阅 → 保护工作表): raises onProtectionChanged. */
  userProtectSheet(name: string, isProtected: boolean): void;
  /** User protects or unprotects the workbook's structure (审阅 → 保护工作簿). */
  userProtectWorkbook(isProtected: boolean): void;
  /** User writes a note / fill / CF of their own (for "never touches the user's things" tests). */
  userSetNote(sheet: string, address: string, content: string): void;
  userSetFill(sheet: string, address: string, color: string): void;
  userAddConditionalFormat(sheet: string, range: string, type: string, formula: string | null, fill: string): void;
  /**
   * Ctrl+Z: undoes the top of Excel's undo stack (the user's last action, or from ExcelApi 1.20 the add-in's
   * last write), raises onChanged. Throws when the stack is empty: below 1.20 every add-in write empties it.
   */
  undo(): void;
  /** Steps Ctrl+Z can take now. */
  undoDepth(): number;
  /** Ctrl+Z until the user's last action is undone: the add-in's writes above it go first (ExcelApi 1.20). */
  undoUserAction(): void;
  /** The document's custom properties (key → value), for assertions. */
  customProperties(): Record<string, string>;
  /** Simulates a ribbon button bound to an ExecuteFunction command. */
  invokeCommand(name: string): Promise<void>;
  /** Handlers currently registered for worksheet events. */
  handlerCount(): number;
}

export interface DoubleOffice {
  onReady: (callback?: (info: { host: string; platform: string }) => unknown) => Promise<{ host: string; platform: string }>;
  HostType: { Excel: 'Excel' };
  AsyncResultStatus: { Succeeded: 'succeeded'; Failed: 'failed' };
  context: {
    requirements: { isSetSupported: (name: string, minVersion?: string | number) => boolean };
    document: {
      settings: {
        get: (name: string) => unknown;
        set: (name: string, value: unknown) => void;
        remove: (name: string) => void;
        saveAsync: (callback?: (result: { status: 'succeeded' | 'failed'; error?: Error }) => void) => void;
      };
    };
  };
  actions: { associate: (name: string, handler: (event: { completed: () => void }) => unknown) => void };
}

export function createExcelDouble(options: ExcelDoubleOptions = {}): ExcelDouble {
  const maxExcelApi = options.maxExcelApi ?? '1.18';
  const api = new ApiGate(maxExcelApi);
  const shared = options.sharedWith ? workbookOf.get(options.sharedWith) : options.workbook;
  const state = shared ?? new WorkbookState();
  if (!shared) for (const name of options.sheets ?? ['Sheet1']) state.addSheet(name);
  for (const [key, value] of Object.entries(options.customProperties ?? {})) state.customProperties.set(key, value);
  const traffic: RequestTraffic = { syncs: 0, commands: 0, refused: 0, largestRequest: 0 };
  const behaviour: Behaviour = { real: { ...options.real }, cellEdit: null };
  const saved = new Map<string, unknown>(Object.entries(options.settings ?? {}));
  const pending = new Map<string, unknown>(saved);
  const commands = new Map<string, (event: { completed: () => void }) => unknown>();

  /**
   * Excel.run(batch) on a new context, Excel.run(context, batch) on one a handler was added with, or
   * Excel.run(options, batch) with Excel.RunOptions.
   */
  const run = async <T>(
    first: DoubleRequestContext | DoubleRunOptions | ((context: DoubleRequestContext) => Promise<T>),
    maybeBatch?: (context: DoubleRequestContext) => Promise<T>,
  ): Promise<T> => {
    const context = first instanceof DoubleRequestContext ? first : new DoubleRequestContext(state, api, traffic, behaviour);
    const batch = typeof first === 'function' ? first : maybeBatch;
    if (!batch) throw new DoubleOfficeError('InvalidArgument', 'Excel.run 需要一个批处理函数');
    if (typeof first === 'object' && !(first instanceof DoubleRequestContext)) {
      context.delayForCellEdit = first.delayForCellEdit === true;
      context.mergeUndoGroup = first.mergeUndoGroup === true;
    }
    const result = await batch(context);
    // Excel.run flushes whatever the batch left queued; that costs a sync too.
    if (context.queue.length > 0) await context.sync();
    return result;
  };

  const office: DoubleOffice = {
    onReady: async (callback) => {
      const info = { host: 'Excel', platform: 'PC' };
      await Promise.resolve();
      callback?.(info);
      return info;
    },
    HostType: { Excel: 'Excel' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    context: {
      requirements: {
        isSetSupported: (name, minVersion) => name === 'ExcelApi' && api.supports(String(minVersion ?? '1.1')),
      },
      document: {
        settings: {
          get: (name) => (pending.has(name) ? JSON.parse(JSON.stringify(pending.get(name))) : null) as unknown,
          set: (name, value) => {
            pending.set(name, JSON.parse(JSON.stringify(value)) as unknown);
          },
          remove: (name) => {
            pending.delete(name);
          },
          saveAsync: (callback) => {
            saved.clear();
            for (const [k, v] of pending) saved.set(k, v);
            setTimeout(() => callback?.({ status: 'succeeded' }), 0);
          },
        },
      },
    },
    actions: {
      associate: (name, handler) => {
        commands.set(name, handler);
      },
    },
  };

  const double: ExcelDouble = {
    Excel: {
      run,
      ConditionalFormatType: { custom: 'Custom', cellValue: 'CellValue' },
      EventSource: { local: 'Local', remote: 'Remote' },
      DataChangeType: {
        rangeEdited: 'RangeEdited',
        rowInserted: 'RowInserted',
        rowDeleted: 'RowDeleted',
        columnInserted: 'ColumnInserted',
        columnDeleted: 'ColumnDeleted',
        cellInserted: 'CellInserted',
        cellDeleted: 'CellDeleted',
      },
      EventTriggerSource: { unknown: 'Unknown', thisLocalAddin: 'ThisLocalAddin' },
      RequestContext: DoubleRequestContext,
    },
    Office: office,
    get syncCount() {
      return traffic.syncs;
    },
    get commandCount() {
      return traffic.commands;
    },
    get refusedCount() {
      return traffic.refused;
    },
    get largestRequestBytes() {
      return traffic.largestRequest;
    },
    resetSyncs: () => {
      traffic.syncs = 0;
      traffic.commands = 0;
      traffic.refused = 0;
      traffic.largestRequest = 0;
    },
    sheetNames: () => state.sheets.map((s) => s.name),
    sheet: (name) => state.sheet(name),
    snapshot: (name) => sheetSnapshot(state, name),
    value: (sheetName, address) => {
      const p = parsePoint(address);
      return peekCell(state.sheet(sheetName), p.r, p.c)?.value ?? '';
    },
    selection: () => {
      const sel = state.selection;
      if (!sel) return null;
      const sheet = state.sheets.find((s) => s.id === sel.sheetId);
      return sheet ? { sheet: sheet.name, address: sel.address } : null;
    },
    ...createUserActions(state, behaviour, api),
    activeSheet: () => state.sheets.find((s) => s.id === state.activeSheetId)?.name ?? '',
    customProperties: () => Object.fromEntries(state.customProperties),
    invokeCommand: async (name) => {
      const handler = commands.get(name);
      if (!handler) throw new Error(`未注册的命令：${name}`);
      await new Promise<void>((resolve) => {
        void handler({ completed: resolve });
      });
    },
    handlerCount: () =>
      [state.changedHandlers, ...state.sheetChangedHandlers.values(), state.addedHandlers, state.deletedHandlers, state.protectionHandlers, state.calculatedHandlers, state.activatedHandlers].reduce((sum, handlers) => sum + handlers.size, 0),
  };
  workbookOf.set(double, state);
  return double;
}

/** Puts the double's `Excel` and `Office` on a global object (window in the browser, globalThis in jest). */
export function installExcelDouble(target: object, options: ExcelDoubleOptions = {}): ExcelDouble {
  const double = createExcelDouble(options);
  Object.assign(target, { Excel: double.Excel, Office: double.Office });
  return double;
}
