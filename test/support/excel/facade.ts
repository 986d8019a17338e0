// The Excel double's Office.js facade: Excel.run, the request context and the proxies the add-in calls,
// over the in-memory workbook model of ./model.ts. Each behaviour cites the page or issue it follows.
import { columnName, toA1 } from '../../../src/core/sheet/address';
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, DoubleOfficeError, EDGES, MAX_COL, MAX_ROW, MERGED_AREAS_MAX, WorkbookState, accessDenied, cellKey, cloneSheet, defaultFormat, insertSheetRows, intersects, keyPosition, moveCells, parsePoint, parseRect, quoteSheet, rectAddress, requireUnprotected, shiftSheetRows, subtractRect, syncWrites, unionRect, versionAtLeast } from './model';
import { cellAt, enterValue, pasteFormats, peekCell } from './modelCells';
import type { BorderEdge, BorderState, CellState, ChangedEvent, ConditionalFormatState, DataChangeType, DoubleCellValue, ExcelDoubleOptions, NoteState, PageLayoutState, ProtectionEvent, RealExcelBehaviours, Rect, SheetEvent, SheetState, ValidationState } from './model';

/** Each double's workbook, so a second add-in instance (ExcelDoubleOptions.sharedWith) shares it. */
const workbookOf = new WeakMap<object, WorkbookState>();

// ---------------------------------------------------------------- request context and proxies

type Op = () => void;

/** What the add-in sent Excel: round trips, and queued commands (loads, writes, proxies made at sync). */
interface RequestTraffic {
  syncs: number;
  commands: number;
}

/** Excel.RunOptions, as far as the double reads them. */
export interface DoubleRunOptions {
  delayForCellEdit?: boolean;
  /** ExcelApi 1.20: the batch's writes are one undo step. */
  mergeUndoGroup?: boolean;
}

/** What the double's context needs to know of the switched-on behaviours and the user's edit mode. */
interface Behaviour {
  real: RealExcelBehaviours;
  /** Set while the user is in cell-edit mode; resolves when the edit ends. */
  cellEdit: Promise<void> | null;
}

class DoubleRequestContext {
  readonly queue: Op[] = [];
  /** Value writes of this batch, announced as change events once the sync is done. */
  readonly editedSheets = new Map<string, Rect>();
  /** Format and note writes of this batch (announced only under eventsForOwnWrites). */
  readonly formattedSheets = new Map<string, Rect>();
  /** Rows the batch inserted, announced as RowInserted once the sync is done. */
  readonly insertedRows: { sheetId: string; rect: Rect }[] = [];
  readonly workbook: WorkbookProxy;
  delayForCellEdit = false;
  mergeUndoGroup = false;
  /** Bytes loaded in the running sync (for the response payload limit). */
  responseBytes = 0;
  constructor(
    readonly state: WorkbookState,
    readonly api: ApiGate,
    private readonly traffic: RequestTraffic,
    readonly behaviour: Behaviour,
  ) {
    this.workbook = new WorkbookProxy(this);
  }

  get real(): RealExcelBehaviours {
    return this.behaviour.real;
  }

  /** Counts what a load hands back against the response payload limit. */
  countResponse(value: unknown): void {
    if (this.real.responsePayloadLimit === undefined) return;
    this.responseBytes += new TextEncoder().encode(JSON.stringify(value) ?? '').length;
  }

  noteFormatWrite(sheetId: string, rect: Rect): void {
    const prev = this.formattedSheets.get(sheetId);
    this.formattedSheets.set(sheetId, prev ? unionRect(prev, rect) : rect);
  }

  enqueue(op: Op): void {
    this.traffic.commands++;
    this.queue.push(op);
  }

  async sync(): Promise<void> {
    this.traffic.syncs++;
    const ops = this.queue.splice(0);
    const editing = this.behaviour.cellEdit;
    if (editing && this.delayForCellEdit) await editing;
    else if (editing) throw new DoubleOfficeError('InvalidOperationInCellEditMode', 'Excel 正处于单元格编辑模式');
    this.responseBytes = 0;
    const triggerSource = this.api.supports('1.14') ? ('ThisLocalAddin' as const) : undefined;
    const announce = (sheets: Map<string, Rect>) => {
      for (const [sheetId, rect] of sheets) {
        this.state.emitChanged({ type: 'WorksheetChanged', changeType: 'RangeEdited', source: 'Local', worksheetId: sheetId, address: rectAddress(rect), ...(triggerSource ? { triggerSource } : {}) });
      }
      sheets.clear();
    };
    syncWrites.sheets = new Map();
    syncWrites.workbook = false;
    try {
      for (const op of ops) op();
      const limit = this.real.responsePayloadLimit;
      if (limit !== undefined && this.responseBytes > limit) {
        throw new DoubleOfficeError('ResponsePayloadSizeLimitExceeded', `响应 ${this.responseBytes} 字节，超过 ${limit} 字节`);
      }
    } finally {
      const written = syncWrites.sheets;
      const wroteWorkbook = syncWrites.workbook;
      syncWrites.sheets = null;
      syncWrites.workbook = false;
      if (written.size > 0 || wroteWorkbook) this.state.addinWrote(written, this.api.supports('1.20'), this.mergeUndoGroup && this.api.supports('1.20') ? this : null);
      for (const { sheetId, rect } of this.insertedRows.splice(0)) {
        this.state.emitChanged({ type: 'WorksheetChanged', changeType: 'RowInserted', source: 'Local', worksheetId: sheetId, address: `${rect.r1 + 1}:${rect.r2 + 1}`, ...(triggerSource ? { triggerSource } : {}) });
      }
      announce(this.editedSheets);
      if (this.real.eventsForOwnWrites) announce(this.formattedSheets);
      this.formattedSheets.clear();
    }
    await Promise.resolve();
  }
}

class ApiGate {
  constructor(private readonly max: string) {}
  supports(version: string): boolean {
    return versionAtLeast(this.max, version);
  }
  require(version: string, what: string): void {
    if (!this.supports(version)) throw new DoubleOfficeError('ApiNotFound', `${what} 需要 ExcelApi ${version}，本 Excel 只支持到 ${this.max}`);
  }
}

type LoadSpec = string | string[] | { select?: string | string[] } | undefined;

function loadPaths(spec: LoadSpec, all: string[]): string[] {
  if (spec === undefined) return all;
  if (typeof spec === 'string') return spec.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => loadPaths(s, all));
  return spec.select ? loadPaths(spec.select, all) : all;
}

abstract class ProxyBase {
  protected readonly loaded = new Map<string, unknown>();
  /** Set for *OrNullObject proxies once resolved at sync. */
  protected nullState: boolean | undefined;
  protected abstract readonly scalarProps: string[];

  constructor(readonly context: DoubleRequestContext) {}

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new DoubleOfficeError('PropertyNotLoaded', 'isNullObject 尚未同步（先 context.sync()）');
    return this.nullState;
  }

  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec, this.scalarProps);
    this.context.enqueue(() => {
      if (this.nullState === true) return;
      for (const path of paths) this.loadPath(path.split('/'));
    });
    return this;
  }

  /** Runs during sync: fetches the current value of the path into the proxy. */
  loadPath(parts: string[]): void {
    const [head, ...rest] = parts;
    if (rest.length === 0) {
      const value = this.fetch(head);
      this.context.countResponse(value);
      this.loaded.set(head, value);
    }
    else this.child(head).loadPath(rest);
  }

  protected read<T>(prop: string): T {
    if (this.nullState === true) throw new DoubleOfficeError('InvalidOperation', `空对象没有属性 ${prop}`);
    if (!this.loaded.has(prop)) {
      throw new DoubleOfficeError('PropertyNotLoaded', `属性 ${prop} 未加载：先 load('${prop}') 再 context.sync()`);
    }
    return this.loaded.get(prop) as T;
  }

  protected fetch(prop: string): unknown {
    throw new DoubleOfficeError('InvalidArgument', `${this.constructor.name} 没有属性 ${prop}`);
  }

  protected child(name: string): ProxyBase {
    throw new DoubleOfficeError('InvalidArgument', `${this.constructor.name} 没有子对象 ${name}`);
  }

  protected later(op: Op): void {
    this.context.enqueue(() => {
      if (this.nullState === true) throw new DoubleOfficeError('InvalidOperation', '不能操作空对象');
      op();
    });
  }
}

/** A collection: one load builds its items once and loads every requested path on each. */
abstract class CollectionProxy<T extends ProxyBase> extends ProxyBase {
  protected readonly scalarProps = ['items'];
  protected abstract currentItems(): T[];

  get items(): T[] {
    return this.read<T[]>('items');
  }

  override load(spec?: LoadSpec): this {
    const paths = loadPaths(spec, ['items']).map((p) => p.split('/')).map((parts) => (parts[0] === 'items' ? parts.slice(1) : parts));
    this.context.enqueue(() => {
      const items = this.currentItems();
      for (const item of items) for (const rest of paths) if (rest.length > 0) item.loadPath(rest);
      this.loaded.set('items', items);
    });
    return this;
  }
}

/** Excel trims a custom property's value to 255 characters outside the web (excel.customproperty#value). */
const CUSTOM_PROPERTY_VALUE_MAX = 255;

class CustomPropertyCollectionProxy extends CollectionProxy<CustomPropertyProxy> {
  protected currentItems(): CustomPropertyProxy[] {
    return [...this.context.state.customProperties.keys()].map((key) => new CustomPropertyProxy(this.context, key));
  }
  /** Creates or sets a property (excel.custompropertycollection#add). */
  add(key: string, value: unknown): CustomPropertyProxy {
    this.context.enqueue(() => {
      if (key.length === 0 || key.length > 255) throw new DoubleOfficeError('InvalidArgument', `属性名无效：${key}`);
      syncWrites.workbook = true;
      this.context.state.customProperties.set(key, String(value).slice(0, CUSTOM_PROPERTY_VALUE_MAX));
    });
    return new CustomPropertyProxy(this.context, key);
  }
  getItemOrNullObject(key: string): CustomPropertyProxy {
    const proxy = new CustomPropertyProxy(this.context, key);
    this.context.enqueue(() => proxy.resolveNull());
    return proxy;
  }
}

class CustomPropertyProxy extends ProxyBase {
  protected readonly scalarProps = ['key', 'value', 'type'];
  constructor(
    context: DoubleRequestContext,
    private readonly name: string,
  ) {
    super(context);
  }
  resolveNull(): void {
    this.nullState = !this.context.state.customProperties.has(this.name);
  }
  get key(): string {
    return this.read<string>('key');
  }
  get value(): string {
    return this.read<string>('value');
  }
  protected override fetch(prop: string): unknown {
    const value = this.context.state.customProperties.get(this.name);
    if (value === undefined) throw new DoubleOfficeError('ItemNotFound', `找不到属性：${this.name}`);
    if (prop === 'key') return this.name;
    if (prop === 'value') return value;
    if (prop === 'type') return 'String';
    return super.fetch(prop);
  }
  delete(): void {
    this.later(() => {
      syncWrites.workbook = true;
      this.context.state.customProperties.delete(this.name);
    });
  }
}

class DocumentPropertiesProxy extends ProxyBase {
  protected readonly scalarProps: string[] = [];
  readonly custom: CustomPropertyCollectionProxy;
  constructor(context: DoubleRequestContext) {
    super(context);
    this.custom = new CustomPropertyCollectionProxy(context);
  }
  protected override child(name: string): ProxyBase {
    if (name === 'custom') return this.custom;
    return super.child(name);
  }
}

class WorkbookProxy extends ProxyBase {
  protected readonly scalarProps: string[] = [];
  readonly worksheets: WorksheetCollectionProxy;
  private propertiesProxy: DocumentPropertiesProxy | null = null;
  /** Document properties, ExcelApi 1.7. */
  get properties(): DocumentPropertiesProxy {
    this.context.api.require('1.7', 'workbook.properties');
    this.propertiesProxy ??= new DocumentPropertiesProxy(this.context);
    return this.propertiesProxy;
  }
  private protectionProxy: WorkbookProtectionProxy | null = null;
  constructor(context: DoubleRequestContext) {
    super(context);
    this.worksheets = new WorksheetCollectionProxy(context);
  }
  /** Structure protection, ExcelApi 1.7. */
  get protection(): WorkbookProtectionProxy {
    this.context.api.require('1.7', 'workbook.protection');
    this.protectionProxy ??= new WorkbookProtectionProxy(this.context);
    return this.protectionProxy;
  }
  /** Workbook.getSelectedRange (ExcelApi 1.1): the first area of the selection, on its sheet. */
  getSelectedRange(): RangeProxy {
    const selection = () => this.context.state.selection ?? { sheetId: this.context.state.activeSheetId, address: 'A1' };
    return new RangeProxy(this.context, new WorksheetProxy(this.context, () => selection().sheetId), () => parseRect(selection().address.split(',')[0]));
  }
  protected override child(name: string): ProxyBase {
    if (name === 'worksheets') return this.worksheets;
    if (name === 'protection') return this.protection;
    return super.child(name);
  }
}

class WorkbookProtectionProxy extends ProxyBase {
  protected readonly scalarProps = ['protected'];
  get protected(): boolean {
    return this.read<boolean>('protected');
  }
  protected override fetch(prop: string): unknown {
    if (prop === 'protected') return this.context.state.structureProtected;
    return super.fetch(prop);
  }
  /** Fails when already protected, as Excel's does. */
  protect(password?: string): void {
    void password;
    this.later(() => {
      if (this.context.state.structureProtected) throw new DoubleOfficeError('InvalidOperation', '工作簿已受保护', 'WorkbookProtection.protect');
      this.context.state.structureProtected = true;
    });
  }
  unprotect(password?: string): void {
    void password;
    this.later(() => {
      this.context.state.structureProtected = false;
    });
  }
}

class WorksheetProtectionProxy extends ProxyBase {
  protected readonly scalarProps = ['protected', 'options'];
  constructor(
    context: DoubleRequestContext,
    private readonly sheet: WorksheetProxy,
  ) {
    super(context);
  }
  get protected(): boolean {
    return this.read<boolean>('protected');
  }
  protected override fetch(prop: string): unknown {
    const sheet = this.sheet.state();
    if (prop === 'protected') return sheet.protected;
    // The double models the default protection: nothing allowed but selecting cells.
    if (prop === 'options') return { allowFormatCells: false, allowFormatColumns: false, allowFormatRows: false, allowEditObjects: false };
    return super.fetch(prop);
  }
  /** Fails when already protected, as Excel's does. */
  protect(options?: unknown, password?: string): void {
    void options;
    void password;
    this.later(() => {
      const sheet = this.sheet.state();
      if (sheet.protected) throw new DoubleOfficeError('InvalidOperation', '工作表已受保护', 'WorksheetProtection.protect');
      this.context.state.setSheetProtected(sheet, true);
    });
  }
  unprotect(password?: string): void {
    void password;
    this.later(() => this.context.state.setSheetProtected(this.sheet.state(), false));
  }
}

/**
 * `onX` of an object. office.js defines every event whatever the host supports; an Excel below the
 * event's requirement set refuses the registration at sync (ApiNotFound), as it does any newer API.
 */
class EventHandlersProxy<E> {
  constructor(
    private readonly context: DoubleRequestContext,
    private readonly since: { version: string; what: string },
    /** Resolved at sync: a worksheet's set needs its id. */
    private readonly handlers: () => Set<(event: E) => unknown>,
  ) {}
  add(handler: (event: E) => unknown): { context: DoubleRequestContext; remove: () => void } {
    let registered: Set<(event: E) => unknown> | null = null;
    this.context.enqueue(() => {
      this.context.api.require(this.since.version, this.since.what);
      registered = this.handlers();
      registered.add(handler);
    });
    return {
      context: this.context,
      remove: () => {
        this.context.enqueue(() => registered?.delete(handler));
      },
    };
  }
}

class WorksheetCollectionProxy extends CollectionProxy<WorksheetProxy> {
  readonly onChanged: EventHandlersProxy<ChangedEvent>;
  readonly onAdded: EventHandlersProxy<SheetEvent>;
  readonly onDeleted: EventHandlersProxy<SheetEvent>;
  readonly onProtectionChanged: EventHandlersProxy<ProtectionEvent>;
  readonly onCalculated: EventHandlersProxy<SheetEvent>;
  readonly onActivated: EventHandlersProxy<SheetEvent>;

  constructor(context: DoubleRequestContext) {
    super(context);
    const state = context.state;
    this.onChanged = new EventHandlersProxy(context, { version: '1.9', what: 'worksheets.onChanged' }, () => state.changedHandlers);
    this.onAdded = new EventHandlersProxy(context, { version: '1.7', what: 'worksheets.onAdded' }, () => state.addedHandlers);
    this.onDeleted = new EventHandlersProxy(context, { version: '1.7', what: 'worksheets.onDeleted' }, () => state.deletedHandlers);
    this.onProtectionChanged = new EventHandlersProxy(context, { version: '1.14', what: 'worksheets.onProtectionChanged' }, () => state.protectionHandlers);
    this.onCalculated = new EventHandlersProxy(context, { version: '1.8', what: 'worksheets.onCalculated' }, () => state.calculatedHandlers);
    this.onActivated = new EventHandlersProxy(context, { version: '1.7', what: 'worksheets.onActivated' }, () => state.activatedHandlers);
  }

  protected currentItems(): WorksheetProxy[] {
    return this.context.state.sheets.map((s) => WorksheetProxy.bound(this.context, s.id));
  }

  add(name?: string): WorksheetProxy {
    const proxy = new WorksheetProxy(this.context, () => '');
    this.context.enqueue(() => {
      if (this.context.state.structureProtected) throw accessDenied('WorksheetCollection.add');
      const sheet = this.context.state.addSheet(name ?? `Sheet${this.context.state.sheets.length + 1}`);
      syncWrites.workbook = true;
      proxy.bind(sheet.id);
      this.context.state.emitSheet(this.context.state.addedHandlers, { type: 'WorksheetAdded', source: 'Local', worksheetId: sheet.id });
    });
    return proxy;
  }

  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.state.sheet(key).id);
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    const proxy = new WorksheetProxy(this.context, () => this.context.state.findSheet(key)?.id ?? '');
    proxy.resolveNull();
    return proxy;
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.state.activeSheetId);
  }
}

class WorksheetProxy extends ProxyBase {
  protected readonly scalarProps = ['name', 'id', 'position', 'visibility'];
  private boundId: string | null = null;
  private protectionProxy: WorksheetProtectionProxy | null = null;

  constructor(
    context: DoubleRequestContext,
    private readonly resolveId: () => string,
  ) {
    super(context);
  }

  /** One sheet's changes, ExcelApi 1.7 (a Worksheet has no onAdded: only its collection has). */
  get onChanged(): EventHandlersProxy<ChangedEvent> {
    return new EventHandlersProxy(this.context, { version: '1.7', what: 'worksheet.onChanged' }, () => this.context.state.handlersOfSheet(this.state().id));
  }

  static bound(context: DoubleRequestContext, id: string): WorksheetProxy {
    const proxy = new WorksheetProxy(context, () => id);
    proxy.boundId = id;
    return proxy;
  }

  bind(id: string): void {
    this.boundId = id;
  }

  resolveNull(): void {
    this.context.enqueue(() => {
      const id = this.resolveId();
      this.nullState = id === '';
      if (id) this.boundId = id;
    });
  }

  /** The sheet's state; only valid while a sync runs. */
  state(): SheetState {
    if (this.boundId === null) this.boundId = this.resolveId();
    const sheet = this.context.state.sheets.find((s) => s.id === this.boundId);
    if (!sheet) throw new DoubleOfficeError('ItemNotFound', '工作表不存在（已被删除？）');
    return sheet;
  }

  get name(): string {
    return this.read<string>('name');
  }
  get id(): string {
    return this.read<string>('id');
  }

  /** Sheet protection, ExcelApi 1.2; one object per worksheet proxy, as Office.js navigation gives. */
  get protection(): WorksheetProtectionProxy {
    this.context.api.require('1.2', 'worksheet.protection');
    this.protectionProxy ??= new WorksheetProtectionProxy(this.context, this);
    return this.protectionProxy;
  }

  protected override child(name: string): ProxyBase {
    if (name === 'protection') return this.protection;
    return super.child(name);
  }

  protected override fetch(prop: string): unknown {
    const sheet = this.state();
    if (prop === 'name') return sheet.name;
    if (prop === 'id') return sheet.id;
    if (prop === 'position') return this.context.state.sheets.indexOf(sheet);
    if (prop === 'visibility') return 'Visible';
    return super.fetch(prop);
  }

  activate(): void {
    this.later(() => {
      this.context.state.activeSheetId = this.state().id;
    });
  }

  delete(): void {
    this.later(() => {
      if (this.context.state.structureProtected) throw accessDenied('Worksheet.delete');
      this.context.state.removeSheet(this.state());
    });
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, this, () =>
      address === undefined || address === '' ? { r1: 0, c1: 0, r2: MAX_ROW, c2: MAX_COL } : parseRect(address),
    );
  }

  /** Worksheet.getRanges (ExcelApi 1.9): areas separated by commas, e.g. `E12, E14:E15`. */
  getRanges(address: string): RangeAreasProxy {
    this.context.api.require('1.9', 'worksheet.getRanges');
    const rects = address.split(',').map((part) => parseRect(part.trim()));
    const areas = new RangeAreasProxy(this.context, this, () => ({ sheet: this.state(), rects }));
    this.context.enqueue(() => areas.resolve());
    return areas;
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    let rect: Rect | null = null;
    const proxy = new RangeProxy(this.context, this, () => {
      if (!rect) throw new DoubleOfficeError('InvalidOperation', '空对象');
      return rect;
    });
    this.context.enqueue(() => {
      rect = usedRect(this.state(), valuesOnly === true);
      proxy.setNull(rect === null);
    });
    return proxy;
  }

  get pageLayout(): PageLayoutProxy {
    this.context.api.require('1.9', 'worksheet.pageLayout');
    return new PageLayoutProxy(this.context, this);
  }

  get notes(): NoteCollectionProxy {
    this.context.api.require('1.18', 'worksheet.notes');
    return new NoteCollectionProxy(this.context, this);
  }

  /** Threaded comments, ExcelApi 1.10 (excel.worksheet#comments). */
  get comments(): CommentCollectionProxy {
    this.context.api.require('1.10', 'worksheet.comments');
    return new CommentCollectionProxy(this.context, this);
  }
}

class CommentCollectionProxy extends CollectionProxy<CommentProxy> {
  constructor(
    context: DoubleRequestContext,
    private readonly sheet: WorksheetProxy,
  ) {
    super(context);
  }
  protected currentItems(): CommentProxy[] {
    return [...(this.sheet.state().threadedComments ?? [])].map((key) => new CommentProxy(this.context, this.sheet, key));
  }
}

class CommentProxy extends ProxyBase {
  protected readonly scalarProps = ['id'];
  constructor(
    context: DoubleRequestContext,
    private readonly sheet: WorksheetProxy,
    private readonly key: string,
  ) {
    super(context);
  }
  get id(): string {
    return this.read<string>('id');
  }
  protected override fetch(prop: string): unknown {
    if (prop === 'id') return `comment-${this.key}`;
    return super.fetch(prop);
  }
  /** The cell the comment is on (excel.comment#getLocation). */
  getLocation(): RangeProxy {
    const { r, c } = keyPosition(this.key);
    return new RangeProxy(this.context, this.sheet, () => ({ r1: r, c1: c, r2: r, c2: c }));
  }
}

function usedRect(sheet: SheetState, valuesOnly: boolean): Rect | null {
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

/** Cells of a rectangle that exist or are about to be written; guards against whole-sheet loops. */
function forEachCell(rect: Rect, fn: (r: number, c: number) => void): void {
  if ((rect.r2 - rect.r1 + 1) * (rect.c2 - rect.c1 + 1) > 200000) {
    throw new DoubleOfficeError('InvalidOperation', `区域太大：${rectAddress(rect)}`);
  }
  for (let r = rect.r1; r <= rect.r2; r++) for (let c = rect.c1; c <= rect.c2; c++) fn(r, c);
}

function check2d(rect: Rect, value: unknown, what: string): unknown[][] | null {
  if (!Array.isArray(value)) return null;
  const rows = rect.r2 - rect.r1 + 1;
  const cols = rect.c2 - rect.c1 + 1;
  if (value.length !== rows || value.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new DoubleOfficeError('InvalidArgument', `${what} 的行列数与区域 ${rectAddress(rect)} 不一致`);
  }
  return value as unknown[][];
}

class RangeProxy extends ProxyBase {
  protected readonly scalarProps = ['address', 'values', 'numberFormat', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount'];
  readonly format: RangeFormatProxy;
  readonly dataValidation: DataValidationProxy;
  readonly conditionalFormats: ConditionalFormatCollectionProxy;

  constructor(
    context: DoubleRequestContext,
    readonly sheet: WorksheetProxy,
    readonly rect: () => Rect,
  ) {
    super(context);
    this.format = new RangeFormatProxy(context, this);
    this.dataValidation = new DataValidationProxy(context, this);
    this.conditionalFormats = new ConditionalFormatCollectionProxy(context, this);
  }

  setNull(isNull: boolean): void {
    this.nullState = isNull;
  }

  get address(): string {
    return this.read<string>('address');
  }
  get values(): DoubleCellValue[][] {
    return this.read<DoubleCellValue[][]>('values');
  }
  set values(values: DoubleCellValue[][]) {
    this.later(() => {
      const rect = this.rect();
      const sheet = this.sheet.state();
      requireUnprotected(sheet, 'Range.values');
      const grid = check2d(rect, values, 'values');
      forEachCell(rect, (r, c) => {
        enterValue(cellAt(sheet, r, c), grid ? grid[r - rect.r1][c - rect.c1] : values);
      });
      const prev = this.context.editedSheets.get(sheet.id);
      this.context.editedSheets.set(sheet.id, prev ? unionRect(prev, rect) : rect);
    });
  }
  get numberFormat(): string[][] {
    return this.read<string[][]>('numberFormat');
  }
  set numberFormat(formats: string[][]) {
    this.later(() => {
      const rect = this.rect();
      requireUnprotected(this.sheet.state(), 'Range.numberFormat');
      const grid = check2d(rect, formats, 'numberFormat');
      forEachCell(rect, (r, c) => {
        cellAt(this.sheet.state(), r, c).format.numberFormat = String(grid ? grid[r - rect.r1][c - rect.c1] : formats);
      });
    });
  }
  get rowIndex(): number {
    return this.read<number>('rowIndex');
  }
  get columnIndex(): number {
    return this.read<number>('columnIndex');
  }
  get rowCount(): number {
    return this.read<number>('rowCount');
  }
  get columnCount(): number {
    return this.read<number>('columnCount');
  }

  protected override fetch(prop: string): unknown {
    const rect = this.rect();
    const sheet = this.sheet.state();
    switch (prop) {
      case 'address':
        return `${quoteSheet(sheet.name)}!${rectAddress(rect)}`;
      case 'rowIndex':
        return rect.r1;
      case 'columnIndex':
        return rect.c1;
      case 'rowCount':
        return rect.r2 - rect.r1 + 1;
      case 'columnCount':
        return rect.c2 - rect.c1 + 1;
      case 'values':
      case 'numberFormat': {
        const rows: unknown[][] = [];
        forEachCell(rect, (r, c) => {
          const cell = peekCell(sheet, r, c);
          if (c === rect.c1) rows.push([]);
          rows[rows.length - 1].push(prop === 'values' ? (cell?.value ?? '') : (cell?.format.numberFormat ?? 'General'));
        });
        return rows;
      }
      default:
        return super.fetch(prop);
    }
  }

  protected override child(name: string): ProxyBase {
    if (name === 'format') return this.format;
    return super.child(name);
  }

  merge(across?: boolean): void {
    this.later(() => {
      const rect = this.rect();
      const sheet = this.sheet.state();
      requireUnprotected(sheet, 'Range.merge');
      const parts = across ? Array.from({ length: rect.r2 - rect.r1 + 1 }, (_, i) => ({ ...rect, r1: rect.r1 + i, r2: rect.r1 + i })) : [rect];
      for (const part of parts) {
        if (sheet.merges.some((m) => intersects(m, part))) {
          throw new DoubleOfficeError('InvalidOperation', `不能合并与已有合并区域重叠的区域：${rectAddress(part)}`);
        }
        // Excel keeps only the top-left value of a merged area.
        forEachCell(part, (r, c) => {
          if (r !== part.r1 || c !== part.c1) {
            const cell = peekCell(sheet, r, c);
            if (cell) cell.value = '';
          }
        });
        sheet.merges.push(part);
      }
    });
  }

  /** The used part of this range (Range.getUsedRangeOrNullObject, ExcelApi 1.4). */
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    let rect: Rect | null = null;
    const proxy = new RangeProxy(this.context, this.sheet, () => {
      if (!rect) throw new DoubleOfficeError('InvalidOperation', '空对象');
      return rect;
    });
    this.context.enqueue(() => {
      const used = usedRect(this.sheet.state(), valuesOnly === true);
      const mine = this.rect();
      rect = used && intersects(used, mine) ? { r1: Math.max(used.r1, mine.r1), c1: Math.max(used.c1, mine.c1), r2: Math.min(used.r2, mine.r2), c2: Math.min(used.c2, mine.c2) } : null;
      proxy.setNull(rect === null);
    });
    return proxy;
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    this.context.api.require('1.13', 'range.getMergedAreasOrNullObject');
    const areas = new RangeAreasProxy(this.context, this.sheet, () => {
      const rect = this.rect();
      const sheet = this.sheet.state();
      // Only areas whose top-left cell is in the range, whole (office-js #3611); more than 512 fails
      // (excel.range#getMergedAreasOrNullObject: "if the merged areas count in this range is more than
      // 512, then this method will fail to return the result"; the code is not documented).
      const rects = sheet.merges.filter((m) => m.r1 >= rect.r1 && m.r1 <= rect.r2 && m.c1 >= rect.c1 && m.c1 <= rect.c2);
      if (rects.length > MERGED_AREAS_MAX) throw new DoubleOfficeError('GeneralException', `合并区域 ${rects.length} 个，超过 ${MERGED_AREAS_MAX} 个`, 'Range.getMergedAreasOrNullObject');
      return { sheet, rects };
    });
    this.context.enqueue(() => areas.resolve());
    return areas;
  }

  select(): void {
    this.later(() => {
      const sheet = this.sheet.state();
      if (sheet.id !== this.context.state.activeSheetId) throw new DoubleOfficeError('InvalidSelection', '只能选择活动工作表上的区域');
      this.context.state.selection = { sheetId: sheet.id, address: rectAddress(this.rect()) };
    });
  }

  /**
   * Range.insert (ExcelApi 1.1): the double inserts whole rows only (`getRange("12:14").insert("Down")`);
   * what the new rows carry follows the `insertTakesRowAbove` switch. Returns the new blank rows.
   */
  insert(shift: string): RangeProxy {
    this.later(() => {
      const rect = this.rect();
      const sheet = this.sheet.state();
      requireUnprotected(sheet, 'Range.insert');
      if (shift !== 'Down' || rect.c1 !== 0 || rect.c2 !== MAX_COL) throw new DoubleOfficeError('ApiNotFound', `替身只实现整行向下插入：${rectAddress(rect)} ${shift}`);
      const count = rect.r2 - rect.r1 + 1;
      if (usedRect(sheet, false) && usedRect(sheet, false)!.r2 + count > MAX_ROW) throw new DoubleOfficeError('InsertDeleteConflict', '插入后内容将超出工作表末行');
      const filter = sheet.autoFilter;
      if (filter && rect.r1 > filter.r1 && rect.r1 <= filter.r2) throw new DoubleOfficeError('FilteredRangeConflict', '不能在筛选区域中插入行', 'Range.insert');
      insertSheetRows(sheet, rect.r1, count, this.context.real.insertTakesRowAbove === true);
      for (const table of sheet.tables ?? []) {
        if (rect.r1 <= table.rect.r1) table.rect = { ...table.rect, r1: table.rect.r1 + count, r2: table.rect.r2 + count };
        else if (rect.r1 <= table.rect.r2) table.rect = { ...table.rect, r2: table.rect.r2 + count };
      }
      if (filter && rect.r1 <= filter.r1) sheet.autoFilter = { ...filter, r1: filter.r1 + count, r2: filter.r2 + count };
      this.context.insertedRows.push({ sheetId: sheet.id, rect });
    });
    return new RangeProxy(this.context, this.sheet, this.rect);
  }

  /**
   * Range.copyFrom (ExcelApi 1.9), `Formats` only: the source's cell formats, its merges and the conditional
   * formats on it, tiled over this range as Excel's paste does ("Cut, copy, and paste ranges using the Excel
   * JavaScript API", learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-cut-copy-paste).
   * Pasting over part of a merged area fails, as in Excel ("We can't do that to a merged cell").
   */
  copyFrom(source: string | RangeProxy, copyType?: string): void {
    this.context.api.require('1.9', 'Range.copyFrom');
    if (copyType !== 'Formats') throw new DoubleOfficeError('ApiNotFound', `替身只实现 copyFrom(…, "Formats")，不是 ${String(copyType)}`);
    this.later(() => {
      const sheet = this.sheet.state();
      requireUnprotected(sheet, 'Range.copyFrom');
      const from = typeof source === 'string' ? parseRect(source) : source.rect();
      const to = this.rect();
      pasteFormats(this.context.state, sheet, from, to);
      this.context.noteFormatWrite(sheet.id, to);
    });
  }

  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this.context, this.sheet, () => {
      const rect = this.rect();
      return { r1: rect.r1 + row, c1: rect.c1 + column, r2: rect.r1 + row, c2: rect.c1 + column };
    });
  }
}

/** RangeAreas.areas (ExcelApi 1.9): each area as its own range. */
class RangeCollectionProxy extends CollectionProxy<RangeProxy> {
  constructor(
    context: DoubleRequestContext,
    private readonly sheet: WorksheetProxy,
    private readonly rects: () => Rect[],
  ) {
    super(context);
  }
  protected currentItems(): RangeProxy[] {
    return this.rects().map((rect) => new RangeProxy(this.context, this.sheet, () => rect));
  }
}

class RangeAreasProxy extends ProxyBase {
  protected readonly scalarProps = ['address', 'areaCount'];
  private resolved: { sheet: SheetState; rects: Rect[] } | null = null;
  readonly areas: RangeCollectionProxy;
  constructor(
    context: DoubleRequestContext,
    sheet: WorksheetProxy,
    private readonly compute: () => { sheet: SheetState; rects: Rect[] },
  ) {
    super(context);
    this.areas = new RangeCollectionProxy(context, sheet, () => (this.resolved ?? this.compute()).rects);
  }
  protected override child(name: string): ProxyBase {
    if (name === 'areas') return this.areas;
    return super.child(name);
  }
  resolve(): void {
    this.resolved = this.compute();
    this.nullState = this.resolved.rects.length === 0;
  }
  /** Selects every area (RangeAreas.select, ExcelApi 1.9); the sheet must be active, as for a Range. */
  select(): void {
    this.later(() => {
      const { sheet, rects } = this.resolved ?? this.compute();
      if (sheet.id !== this.context.state.activeSheetId) throw new DoubleOfficeError('InvalidSelection', '只能选择活动工作表上的区域');
      this.context.state.selection = { sheetId: sheet.id, address: rects.map(rectAddress).join(',') };
    });
  }
  get address(): string {
    return this.read<string>('address');
  }
  get areaCount(): number {
    return this.read<number>('areaCount');
  }
  protected override fetch(prop: string): unknown {
    const resolved = this.resolved ?? this.compute();
    if (prop === 'address') return resolved.rects.map((r) => `${quoteSheet(resolved.sheet.name)}!${rectAddress(r)}`).join(',');
    if (prop === 'areaCount') return resolved.rects.length;
    return super.fetch(prop);
  }
}

/**
 * A format sub-object (fill, font, a border) whose properties the double only lets the add-in set:
 * reading one throws PropertyNotLoaded, as Office does for a property never loaded.
 */
function writeOnly<T extends object>(what: string, setters: { [K in keyof T]: (value: T[K]) => void }): T {
  const target = {} as T;
  for (const key of Object.keys(setters) as (keyof T & string)[]) {
    Object.defineProperty(target, key, {
      enumerable: true,
      set: setters[key],
      get: () => {
        throw new DoubleOfficeError('PropertyNotLoaded', `${what}.${key} 未加载`);
      },
    });
  }
  return target;
}

interface BorderProxy {
  style: string;
  color: string;
  /** A range's border only (a conditional format's has none); the double keeps no weight. */
  weight?: string;
}

/** `borders.getItem(edge)` of a range format or a conditional format: each write patches that edge at sync. */
function borderItem(edge: string, write: (patch: (borders: Partial<Record<BorderEdge, BorderState>>) => void) => void, withWeight = false): BorderProxy {
  if (!EDGES.includes(edge as BorderEdge)) throw new DoubleOfficeError('InvalidArgument', `边框位置不支持：${edge}`);
  const e = edge as BorderEdge;
  const setBorder = (patch: Partial<BorderState>): void =>
    write((borders) => {
      borders[e] = { style: 'Continuous', color: '#000000', ...borders[e], ...patch };
    });
  const setters = { style: (style: string) => setBorder({ style }), color: (color: string) => setBorder({ color: color.toUpperCase() }) };
  return withWeight ? writeOnly<Required<BorderProxy>>('border', { ...setters, weight: () => setBorder({}) }) : writeOnly<BorderProxy>('border', setters);
}

/** Applies a format property to every cell of the range at sync. */
function formatWriter(range: RangeProxy, apply: (cell: CellState) => void): void {
  range.context.enqueue(() => {
    const sheet = range.sheet.state();
    requireUnprotected(sheet, 'RangeFormat');
    forEachCell(range.rect(), (r, c) => apply(cellAt(sheet, r, c)));
  });
}

class RangeFormatProxy extends ProxyBase {
  protected readonly scalarProps = ['columnWidth', 'rowHeight', 'horizontalAlignment', 'verticalAlignment', 'wrapText'];
  readonly fill: { color: string; clear: () => void };
  readonly font: { bold: boolean; size: number; color: string; name: string };
  readonly borders: { getItem: (edge: string) => BorderProxy };

  constructor(
    context: DoubleRequestContext,
    private readonly range: RangeProxy,
  ) {
    super(context);
    const write = (apply: (cell: CellState) => void): void => formatWriter(range, apply);
    this.fill = Object.assign(
      writeOnly<{ color: string }>('fill', { color: (color) => write((cell) => (cell.format.fill = color.toUpperCase())) }),
      { clear: () => write((cell) => (cell.format.fill = null)) },
    );
    this.font = writeOnly<RangeFormatProxy['font']>('font', {
      bold: (bold) => write((cell) => (cell.format.bold = bold)),
      size: (size) => write((cell) => (cell.format.fontSize = size)),
      color: (color) => write((cell) => (cell.format.fontColor = color.toUpperCase())),
      name: () => write(() => undefined),
    });
    this.borders = {
      getItem: (edge: string) => borderItem(edge, (patch) => write((cell) => patch(cell.format.borders)), true),
    };
  }

  set horizontalAlignment(value: string) {
    formatWriter(this.range, (cell) => (cell.format.horizontalAlignment = value));
  }
  get horizontalAlignment(): string {
    return this.read<string>('horizontalAlignment');
  }
  set verticalAlignment(value: string) {
    formatWriter(this.range, (cell) => (cell.format.verticalAlignment = value));
  }
  get verticalAlignment(): string {
    return this.read<string>('verticalAlignment');
  }
  set wrapText(value: boolean) {
    formatWriter(this.range, (cell) => (cell.format.wrapText = value));
  }
  get wrapText(): boolean {
    return this.read<boolean>('wrapText');
  }
  /** Column widths or row heights over the range's columns or rows, at sync. */
  private setSizes(sizesOf: (sheet: SheetState) => Map<number, number>, span: (rect: Rect) => [number, number], points: number): void {
    this.context.enqueue(() => {
      const [from, to] = span(this.range.rect());
      requireUnprotected(this.range.sheet.state(), 'RangeFormat');
      const sizes = sizesOf(this.range.sheet.state());
      for (let i = from; i <= to; i++) sizes.set(i, points);
    });
  }
  set columnWidth(points: number) {
    this.setSizes((sheet) => sheet.columnWidths, (rect) => [rect.c1, rect.c2], points);
  }
  get columnWidth(): number {
    return this.read<number>('columnWidth');
  }
  set rowHeight(points: number) {
    this.setSizes((sheet) => sheet.rowHeights, (rect) => [rect.r1, rect.r2], points);
  }
  get rowHeight(): number {
    return this.read<number>('rowHeight');
  }

  protected override fetch(prop: string): unknown {
    const rect = this.range.rect();
    const sheet = this.range.sheet.state();
    const first = peekCell(sheet, rect.r1, rect.c1)?.format ?? defaultFormat();
    switch (prop) {
      case 'columnWidth':
        return sheet.columnWidths.get(rect.c1) ?? DEFAULT_COLUMN_WIDTH;
      case 'rowHeight':
        return sheet.rowHeights.get(rect.r1) ?? DEFAULT_ROW_HEIGHT;
      case 'horizontalAlignment':
        return first.horizontalAlignment;
      case 'verticalAlignment':
        return first.verticalAlignment;
      case 'wrapText':
        return first.wrapText;
      default:
        return super.fetch(prop);
    }
  }
}

const PROMPT_TITLE_MAX = 32;
const PROMPT_MESSAGE_MAX = 255;
const LIST_SOURCE_MAX = 255;

class DataValidationProxy extends ProxyBase {
  protected readonly scalarProps = ['rule', 'prompt'];
  constructor(
    context: DoubleRequestContext,
    private readonly range: RangeProxy,
  ) {
    super(context);
  }

  private upsert(patch: Partial<ValidationState>): void {
    this.context.enqueue(() => {
      const rect = this.range.rect();
      const sheet = this.range.sheet.state();
      requireUnprotected(sheet, 'DataValidation');
      const same = sheet.validations.find((v) => rectAddress(v.rect) === rectAddress(rect));
      if (!same && sheet.validations.some((v) => intersects(v.rect, rect))) {
        throw new DoubleOfficeError('InvalidOperation', `数据验证区域与已有区域部分重叠：${rectAddress(rect)}`);
      }
      const target = same ?? { rect, rule: null, prompt: null, errorAlert: null };
      Object.assign(target, patch);
      if (!same) sheet.validations.push(target);
    });
  }

  set rule(rule: unknown) {
    const list = (rule as { list?: { source?: unknown } } | null)?.list;
    if (list && typeof list.source === 'string' && list.source.length > LIST_SOURCE_MAX) {
      throw new DoubleOfficeError('InvalidArgument', `下拉列表来源超过 ${LIST_SOURCE_MAX} 个字符`);
    }
    this.upsert({ rule: JSON.parse(JSON.stringify(rule)) as unknown });
  }
  get rule(): unknown {
    return this.read<unknown>('rule');
  }
  set prompt(prompt: { showPrompt: boolean; title: string; message: string }) {
    if (prompt.title.length > PROMPT_TITLE_MAX || prompt.message.length > PROMPT_MESSAGE_MAX) {
      this.context.enqueue(() => {
        throw new DoubleOfficeError('InvalidArgument', `输入提示过长（标题≤${PROMPT_TITLE_MAX}，内容≤${PROMPT_MESSAGE_MAX} 字符）`);
      });
      return;
    }
    this.upsert({ prompt: { ...prompt } });
  }
  get prompt(): { showPrompt: boolean; title: string; message: string } {
    return this.read('prompt');
  }
  set errorAlert(alert: unknown) {
    this.upsert({ errorAlert: JSON.parse(JSON.stringify(alert)) as unknown });
  }
  get errorAlert(): unknown {
    return this.read('errorAlert');
  }
  clear(): void {
    this.context.enqueue(() => {
      const rect = this.range.rect();
      const sheet = this.range.sheet.state();
      requireUnprotected(sheet, 'DataValidation.clear');
      // Only this range's cells lose their validation; the rest of a larger validated area keeps it.
      sheet.validations = sheet.validations.flatMap((v) => subtractRect(v.rect, rect).map((part) => ({ ...v, rect: part })));
    });
  }
}

class ConditionalFormatCollectionProxy extends CollectionProxy<ConditionalFormatProxy> {
  constructor(
    context: DoubleRequestContext,
    private readonly range: RangeProxy,
  ) {
    super(context);
  }

  private sheetState(): SheetState {
    return this.range.sheet.state();
  }

  /** The formats of this range, in priority order (the collection's order). */
  private list(): ConditionalFormatState[] {
    const rect = this.range.rect();
    return this.sheetState().conditionalFormats.filter((cf) => intersects(cf.rect, rect));
  }

  private positional(): boolean {
    return this.context.real.formatIdsArePositions === true;
  }

  /** A format by id: a stable id, or (real Excel) the position it names when the command runs. */
  private byId(id: string): () => ConditionalFormatState | undefined {
    return this.positional() ? () => this.list()[Number(id)] : () => this.sheetState().conditionalFormats.find((cf) => cf.id === id);
  }

  protected currentItems(): ConditionalFormatProxy[] {
    return this.list().map((cf, index) => new ConditionalFormatProxy(this.context, () => this.sheetState(), this.positional() ? this.byId(String(index)) : this.byId(cf.id), () => this.list()));
  }

  add(type: string): ConditionalFormatProxy {
    const created: ConditionalFormatState = { id: this.context.state.newId('cf'), type, rect: { r1: 0, c1: 0, r2: 0, c2: 0 }, formula: null, fill: null, borders: {} };
    this.context.enqueue(() => {
      const sheet = this.sheetState();
      requireUnprotected(sheet, 'ConditionalFormatCollection.add');
      created.rect = this.range.rect();
      if (this.positional()) sheet.conditionalFormats.unshift(created);
      else sheet.conditionalFormats.push(created);
      this.context.noteFormatWrite(sheet.id, created.rect);
    });
    // The object add returns stays bound to the new format, whatever its position.
    return new ConditionalFormatProxy(this.context, () => this.sheetState(), () => this.sheetState().conditionalFormats.find((cf) => cf === created), () => this.list());
  }

  getItem(id: string): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.context, () => this.sheetState(), this.byId(id), () => this.list());
  }

  getItemOrNullObject(id: string): ConditionalFormatProxy {
    const proxy = new ConditionalFormatProxy(this.context, () => this.sheetState(), this.byId(id), () => this.list());
    this.context.enqueue(() => proxy.resolveNull());
    return proxy;
  }

  clearAll(): void {
    this.context.enqueue(() => {
      const rect = this.range.rect();
      const sheet = this.sheetState();
      requireUnprotected(sheet, 'ConditionalFormatCollection.clearAll');
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !intersects(cf.rect, rect));
    });
  }
}

class ConditionalFormatProxy extends ProxyBase {
  protected readonly scalarProps = ['id', 'type', 'priority', 'stopIfTrue'];
  readonly custom: CustomConditionalFormatProxy;

  constructor(
    context: DoubleRequestContext,
    readonly sheet: () => SheetState,
    private readonly resolve: () => ConditionalFormatState | undefined,
    /** The collection it belongs to, in priority order (its id may be its position in it). */
    private readonly collection: () => ConditionalFormatState[],
  ) {
    super(context);
    this.custom = new CustomConditionalFormatProxy(context, this);
  }

  resolveNull(): void {
    this.nullState = this.resolve() === undefined;
  }

  state(): ConditionalFormatState {
    const cf = this.resolve();
    if (!cf) throw new DoubleOfficeError('ItemNotFound', '找不到条件格式');
    return cf;
  }

  get id(): string {
    return this.read<string>('id');
  }
  get type(): string {
    return this.read<string>('type');
  }

  protected override fetch(prop: string): unknown {
    const cf = this.state();
    if (prop === 'id') return this.context.real.formatIdsArePositions ? String(this.collection().indexOf(cf)) : cf.id;
    if (prop === 'type') return cf.type;
    if (prop === 'priority') return this.sheet().conditionalFormats.indexOf(cf);
    if (prop === 'stopIfTrue') return false;
    return super.fetch(prop);
  }

  protected override child(name: string): ProxyBase {
    if (name === 'custom') return this.custom;
    return super.child(name);
  }

  delete(): void {
    this.later(() => {
      const sheet = this.sheet();
      requireUnprotected(sheet, 'ConditionalFormat.delete');
      const cf = this.state();
      sheet.conditionalFormats = sheet.conditionalFormats.filter((c) => c !== cf);
      this.context.noteFormatWrite(sheet.id, cf.rect);
    });
  }

  /** ConditionalFormat.getRangeOrNullObject (ExcelApi 1.6): the range it applies to. */
  getRangeOrNullObject(): RangeProxy {
    this.context.api.require('1.6', 'ConditionalFormat.getRangeOrNullObject');
    const sheet = this.sheet();
    const proxy = new RangeProxy(this.context, WorksheetProxy.bound(this.context, sheet.id), () => this.state().rect);
    this.context.enqueue(() => proxy.setNull(this.resolve() === undefined));
    return proxy;
  }
}

/** Type-specific parts of a CF: touching `custom` of another type fails, as office-js issue #2180 shows. */
class CustomConditionalFormatProxy extends ProxyBase {
  protected readonly scalarProps: string[] = [];
  readonly rule: { formula: string; load: (spec?: LoadSpec) => unknown };
  readonly format: {
    fill: { color: string };
    borders: { getItem: (edge: string) => BorderProxy };
  };
  private readonly ruleProxy: ScalarHolder;

  constructor(
    context: DoubleRequestContext,
    private readonly owner: ConditionalFormatProxy,
  ) {
    super(context);
    const customState = (): ConditionalFormatState => {
      const cf = owner.state();
      if (cf.type !== 'Custom') throw new DoubleOfficeError('InvalidOperation', 'This operation is not permitted for the current object.');
      return cf;
    };
    const write = (apply: (cf: ConditionalFormatState) => void): void =>
      context.enqueue(() => {
        requireUnprotected(owner.sheet(), 'CustomConditionalFormat');
        const cf = customState();
        apply(cf);
        context.noteFormatWrite(owner.sheet().id, cf.rect);
      });
    const ruleProxy = new ScalarHolder(context, ['formula'], (prop) => {
      if (prop !== 'formula') throw new DoubleOfficeError('InvalidArgument', `没有属性 ${prop}`);
      const formula = customState().formula;
      // Real Excel (normalisesText): a space after each argument separator outside string literals.
      if (formula === null || !context.real.normalisesText) return formula;
      return formula
        .split(/("(?:[^"]|"")*")/)
        .map((part) => (part.startsWith('"') ? part : part.replace(/,/g, ', ')))
        .join('');
    });
    this.ruleProxy = ruleProxy;
    this.rule = {
      set formula(formula: string) {
        write((cf) => {
          if (!formula.startsWith('=')) throw new DoubleOfficeError('InvalidArgument', '条件格式公式须以 = 开头');
          cf.formula = formula;
        });
      },
      get formula(): string {
        return ruleProxy.get<string>('formula');
      },
      load: (spec?: LoadSpec) => ruleProxy.load(spec),
    };
    this.format = {
      fill: writeOnly<{ color: string }>('fill', { color: (color) => write((cf) => (cf.fill = color.toUpperCase())) }),
      borders: { getItem: (edge: string) => borderItem(edge, (patch) => write((cf) => patch(cf.borders))) },
    };
  }

  protected override child(name: string): ProxyBase {
    if (name === 'rule') return this.ruleProxy;
    return super.child(name);
  }

}

/** A proxy whose loadable properties are computed by a function (used for small sub-objects). */
class ScalarHolder extends ProxyBase {
  constructor(
    context: DoubleRequestContext,
    protected readonly scalarProps: string[],
    private readonly compute: (prop: string) => unknown,
  ) {
    super(context);
  }
  get<T>(prop: string): T {
    return this.read<T>(prop);
  }
  protected override fetch(prop: string): unknown {
    return this.compute(prop);
  }
}

class PageLayoutProxy extends ProxyBase {
  protected readonly scalarProps = ['orientation', 'paperSize'];
  constructor(
    context: DoubleRequestContext,
    private readonly sheet: WorksheetProxy,
  ) {
    super(context);
  }
  private patch(apply: (layout: PageLayoutState) => void): void {
    this.context.enqueue(() => apply(this.sheet.state().pageLayout));
  }
  set orientation(value: string) {
    this.patch((l) => (l.orientation = value));
  }
  get orientation(): string {
    return this.read<string>('orientation');
  }
  set paperSize(value: string) {
    this.patch((l) => (l.paperSize = value));
  }
  get paperSize(): string {
    return this.read<string>('paperSize');
  }
  set zoom(value: PageLayoutState['zoom']) {
    this.patch((l) => (l.zoom = { ...value }));
  }
  get zoom(): PageLayoutState['zoom'] {
    return this.read('zoom');
  }
  setPrintArea(area: string): void {
    this.patch((l) => (l.printArea = rectAddress(parseRect(area))));
  }
  setPrintTitleRows(rows: string): void {
    this.patch((l) => {
      parseRect(rows);
      l.printTitleRows = rows;
    });
  }
  protected override fetch(prop: string): unknown {
    const layout = this.sheet.state().pageLayout;
    if (prop === 'orientation') return layout.orientation;
    if (prop === 'paperSize') return layout.paperSize;
    return super.fetch(prop);
  }
}

class NoteCollectionProxy extends CollectionProxy<NoteProxy> {
  constructor(
    context: DoubleRequestContext,
    private readonly sheet: WorksheetProxy,
  ) {
    super(context);
  }

  private cellKeyOf(address: string): string {
    const rect = parseRect(address);
    if (rect.r1 !== rect.r2 || rect.c1 !== rect.c2) throw new DoubleOfficeError('InvalidCellAddress', `批注须在单个单元格：${address}`);
    return cellKey(rect.r1, rect.c1);
  }

  private rectOf(key: string): Rect {
    const { r, c } = keyPosition(key);
    return { r1: r, c1: c, r2: r, c2: c };
  }

  protected currentItems(): NoteProxy[] {
    return [...this.sheet.state().notes.keys()].map((key) => new NoteProxy(this.context, this.sheet, key));
  }

  add(cellAddress: string, content: string): NoteProxy {
    const key = this.cellKeyOf(cellAddress);
    this.context.enqueue(() => {
      const sheet = this.sheet.state();
      requireUnprotected(sheet, 'NoteCollection.add');
      if (sheet.notes.has(key)) throw new DoubleOfficeError('InvalidOperation', `单元格已有备注：${cellAddress}`);
      // The code Excel gives is not documented; InvalidOperation is what a refused operation gets.
      if (sheet.threadedComments?.has(key)) throw new DoubleOfficeError('InvalidOperation', `单元格已有批注（线程式批注），不能再加注释：${cellAddress}`, 'NoteCollection.add');
      sheet.notes.set(key, { content: String(content), authorName: '绩效目标表助手' });
      this.context.noteFormatWrite(sheet.id, this.rectOf(key));
    });
    return new NoteProxy(this.context, this.sheet, key);
  }

  getItem(cellAddress: string): NoteProxy {
    return new NoteProxy(this.context, this.sheet, this.cellKeyOf(cellAddress));
  }

  getItemOrNullObject(cellAddress: string): NoteProxy {
    const proxy = new NoteProxy(this.context, this.sheet, this.cellKeyOf(cellAddress));
    this.context.enqueue(() => proxy.resolveNull());
    return proxy;
  }
}

class NoteProxy extends ProxyBase {
  protected readonly scalarProps = ['content', 'authorName'];
  constructor(
    context: DoubleRequestContext,
    private readonly sheet: WorksheetProxy,
    private readonly key: string,
  ) {
    super(context);
  }
  resolveNull(): void {
    this.nullState = !this.sheet.state().notes.has(this.key);
  }
  private state(): NoteState {
    const note = this.sheet.state().notes.get(this.key);
    if (!note) throw new DoubleOfficeError('ItemNotFound', '找不到备注');
    return note;
  }
  get content(): string {
    return this.read<string>('content');
  }
  set content(content: string) {
    this.later(() => {
      requireUnprotected(this.sheet.state(), 'Note.content');
      this.state().content = String(content);
      this.announce();
    });
  }
  get authorName(): string {
    return this.read<string>('authorName');
  }
  protected override fetch(prop: string): unknown {
    const note = this.state();
    // Real Excel (normalisesText): CRLF line endings and the author's line in front, as a note is stored.
    if (prop === 'content') return this.context.real.normalisesText ? `${note.authorName}:\r\n${note.content.replace(/\r?\n/g, '\r\n')}` : note.content;
    if (prop === 'authorName') return note.authorName;
    return super.fetch(prop);
  }
  delete(): void {
    this.later(() => {
      this.state();
      requireUnprotected(this.sheet.state(), 'Note.delete');
      this.sheet.state().notes.delete(this.key);
      this.announce();
    });
  }
  private announce(): void {
    const { r, c } = keyPosition(this.key);
    this.context.noteFormatWrite(this.sheet.state().id, { r1: r, c1: c, r2: r, c2: c });
  }

  getLocation(): RangeProxy {
    const [r, c] = this.key.split(',').map(Number);
    return new RangeProxy(this.context, this.sheet, () => {
      this.state();
      return { r1: r, c1: c, r2: r, c2: c };
    });
  }
}

// ---------------------------------------------------------------- the double

export interface SheetSnapshot {
  name: string;
  cells: Record<string, CellState>;
  merges: string[];
  validations: { range: string; rule: unknown; prompt: ValidationState['prompt']; errorAlert: unknown }[];
  conditionalFormats: { range: string; type: string; formula: string | null; fill: string | null; borders: ConditionalFormatState['borders'] }[];
  notes: Record<string, NoteState>;
  columnWidths: Record<string, number>;
  rowHeights: Record<string, number>;
  pageLayout: PageLayoutState;
}

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
  const traffic: RequestTraffic = { syncs: 0, commands: 0 };
  const behaviour: Behaviour = { real: { ...options.real }, cellEdit: null };
  /** Under cellEditMode, the user keeps editing (the next cell) for a while after each edit. */
  const holdCellEdit = (): void => {
    if (!behaviour.real.cellEditMode) return;
    let end: () => void = () => undefined;
    const editing = new Promise<void>((resolve) => {
      end = resolve;
    });
    behaviour.cellEdit = editing;
    setTimeout(() => {
      if (behaviour.cellEdit === editing) behaviour.cellEdit = null;
      end();
    }, behaviour.real.cellEditMs ?? 150);
  };
  const undoStack = state.undoStack;
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

  /** A user's change as Excel reports it: triggerSource Unknown from ExcelApi 1.14, absent below. */
  const userEvent = (changeType: DataChangeType, source: 'Local' | 'Remote', worksheetId: string, address: string): ChangedEvent => ({
    type: 'WorksheetChanged',
    changeType,
    source,
    worksheetId,
    address,
    ...(api.supports('1.14') ? { triggerSource: 'Unknown' as const } : {}),
  });

  const userChange = (sheetName: string, inverse: DataChangeType, address: string, change: (sheet: SheetState) => DataChangeType, source: 'Local' | 'Remote'): void => {
    const sheet = state.sheet(sheetName);
    // Excel lets nobody edit a protected sheet's (locked) cells; a test doing so is wrong.
    if (sheet.protected) throw new Error(`工作表受保护，用户不能编辑：${sheetName}`);
    undoStack.push({ kind: 'user', sheetId: sheet.id, before: cloneSheet(sheet), inverse, address });
    const changeType = change(sheet);
    state.emitChanged(userEvent(changeType, source, sheet.id, address));
    if (source === 'Local') holdCellEdit();
  };

  const snapshot = (name: string): SheetSnapshot => {
    const sheet = state.sheet(name);
    const s = cloneSheet(sheet);
    const keyed = <T>(entries: Iterable<[string, T]>): Record<string, T> => {
      const out: Record<string, T> = {};
      for (const [key, v] of entries) {
        const { r, c } = keyPosition(key);
        out[toA1(r, c)] = v;
      }
      return out;
    };
    return {
      name: s.name,
      cells: keyed([...s.cells].sort()),
      merges: s.merges.map(rectAddress).sort(),
      validations: s.validations.map((v) => ({ range: rectAddress(v.rect), rule: v.rule, prompt: v.prompt, errorAlert: v.errorAlert })),
      conditionalFormats: s.conditionalFormats.map((cf) => ({ range: rectAddress(cf.rect), type: cf.type, formula: cf.formula, fill: cf.fill, borders: cf.borders })),
      notes: keyed(s.notes),
      columnWidths: Object.fromEntries([...s.columnWidths].map(([c, w]) => [columnName(c), w])),
      rowHeights: Object.fromEntries([...s.rowHeights].map(([r, h]) => [String(r + 1), h])),
      pageLayout: s.pageLayout,
    };
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
    resetSyncs: () => {
      traffic.syncs = 0;
      traffic.commands = 0;
    },
    sheetNames: () => state.sheets.map((s) => s.name),
    sheet: (name) => state.sheet(name),
    snapshot,
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
    userSelect: (sheetName, address) => {
      const sheet = state.sheet(sheetName);
      state.activeSheetId = sheet.id;
      state.selection = { sheetId: sheet.id, address: rectAddress(parseRect(address)) };
    },
    activeSheet: () => state.sheets.find((s) => s.id === state.activeSheetId)?.name ?? '',
    userEdit: (sheetName, address, value, source = 'Local') =>
      userChange(sheetName, 'RangeEdited', address, (sheet) => {
        const rect = parseRect(address);
        enterValue(cellAt(sheet, rect.r1, rect.c1), value);
        return 'RangeEdited';
      }, source),
    userDeleteRows: (sheetName, firstRow, count, source = 'Local') =>
      userChange(sheetName, 'RowInserted', `${firstRow}:${firstRow + count - 1}`, (sheet) => {
        shiftSheetRows(sheet, firstRow - 1, count, false);
        return 'RowDeleted';
      }, source),
    userInsertRows: (sheetName, beforeRow, count, source = 'Local') =>
      userChange(sheetName, 'RowDeleted', `${beforeRow}:${beforeRow + count - 1}`, (sheet) => {
        insertSheetRows(sheet, beforeRow - 1, count, behaviour.real.insertTakesRowAbove === true);
        return 'RowInserted';
      }, source),
    userInsertColumns: (sheetName, beforeColumn, count, source = 'Local') => {
      const first = parsePoint(`${beforeColumn}1`).c;
      userChange(sheetName, 'ColumnDeleted', `${beforeColumn}:${columnName(first + count - 1)}`, (sheet) => {
        moveCells(sheet, (r, c) => ({ r, c: c >= first ? c + count : c }));
        return 'ColumnInserted';
      }, source);
    },
    userDeleteColumns: (sheetName, firstColumn, count, source = 'Local') => {
      const first = parsePoint(`${firstColumn}1`).c;
      userChange(sheetName, 'ColumnInserted', `${firstColumn}:${columnName(first + count - 1)}`, (sheet) => {
        moveCells(sheet, (r, c) => (c < first ? { r, c } : c < first + count ? null : { r, c: c - count }));
        return 'ColumnDeleted';
      }, source);
    },
    userInsertCells: (sheetName, range, shift, source = 'Local') => {
      const at = parseRect(range);
      userChange(sheetName, 'CellDeleted', range, (sheet) => {
        const rows = at.r2 - at.r1 + 1;
        const cols = at.c2 - at.c1 + 1;
        moveCells(sheet, (r, c) =>
          shift === 'Down' ? (c >= at.c1 && c <= at.c2 && r >= at.r1 ? { r: r + rows, c } : { r, c }) : r >= at.r1 && r <= at.r2 && c >= at.c1 ? { r, c: c + cols } : { r, c },
        );
        return 'CellInserted';
      }, source);
    },
    userDeleteCells: (sheetName, range, shift, source = 'Local') => {
      const at = parseRect(range);
      userChange(sheetName, 'CellInserted', range, (sheet) => {
        const rows = at.r2 - at.r1 + 1;
        const cols = at.c2 - at.c1 + 1;
        moveCells(sheet, (r, c) => {
          const inside = r >= at.r1 && r <= at.r2 && c >= at.c1 && c <= at.c2;
          if (inside) return null;
          if (shift === 'Up') return c >= at.c1 && c <= at.c2 && r > at.r2 ? { r: r - rows, c } : { r, c };
          return r >= at.r1 && r <= at.r2 && c > at.c2 ? { r, c: c - cols } : { r, c };
        });
        return 'CellDeleted';
      }, source);
    },
    userPickFromList: (sheetName, address, value) => {
      if (!behaviour.real.pickRaisesNoEvent) {
        double.userEdit(sheetName, address, value);
        return;
      }
      const sheet = state.sheet(sheetName);
      undoStack.push({ kind: 'user', sheetId: sheet.id, before: cloneSheet(sheet), inverse: 'RangeEdited', address });
      const rect = parseRect(address);
      enterValue(cellAt(sheet, rect.r1, rect.c1), value);
    },
    recalculate: (sheetName, address, value) => {
      const sheet = state.sheet(sheetName);
      const rect = parseRect(address);
      cellAt(sheet, rect.r1, rect.c1).value = value;
      state.emitSheet(state.calculatedHandlers, { type: 'WorksheetCalculated', source: 'Local', worksheetId: sheet.id });
    },
    userAddThreadedComment: (sheetName, address) => {
      const sheet = state.sheet(sheetName);
      const rect = parseRect(address);
      (sheet.threadedComments ??= new Set()).add(cellKey(rect.r1, rect.c1));
    },
    userAddTable: (sheetName, range, name) => {
      const sheet = state.sheet(sheetName);
      (sheet.tables ??= []).push({ name: name ?? `表${(sheet.tables?.length ?? 0) + 1}`, rect: parseRect(range) });
    },
    userSetAutoFilter: (sheetName, range) => {
      state.sheet(sheetName).autoFilter = range ? parseRect(range) : null;
    },
    userMerge: (sheetName, range) => {
      state.sheet(sheetName).merges.push(parseRect(range));
    },
    userActivate: (sheetName) => {
      const sheet = state.sheet(sheetName);
      state.activeSheetId = sheet.id;
      state.emitSheet(state.activatedHandlers, { type: 'WorksheetActivated', source: 'Local', worksheetId: sheet.id });
    },
    userAddSheet: (name) => {
      if (state.structureProtected) throw new Error('工作簿结构受保护，用户不能添加工作表');
      const sheet = state.addSheet(name);
      state.emitSheet(state.addedHandlers, { type: 'WorksheetAdded', source: 'Local', worksheetId: sheet.id });
    },
    userDeleteSheet: (name) => {
      if (state.structureProtected) throw new Error('工作簿结构受保护，用户不能删除工作表');
      state.removeSheet(state.sheet(name));
    },
    userProtectSheet: (name, isProtected) => state.setSheetProtected(state.sheet(name), isProtected),
    userProtectWorkbook: (isProtected) => {
      state.structureProtected = isProtected;
    },
    userSetNote: (sheetName, address, content) => {
      const rect = parseRect(address);
      state.sheet(sheetName).notes.set(cellKey(rect.r1, rect.c1), { content, authorName: '用户' });
    },
    userSetFill: (sheetName, address, color) => {
      const rect = parseRect(address);
      cellAt(state.sheet(sheetName), rect.r1, rect.c1).format.fill = color.toUpperCase();
    },
    userAddConditionalFormat: (sheetName, range, type, formula, fill) => {
      state.sheet(sheetName).conditionalFormats.push({ id: state.newId('cf'), type, rect: parseRect(range), formula, fill: fill.toUpperCase(), borders: {} });
    },
    undo: () => {
      const last = undoStack.pop();
      if (!last) throw new Error('没有可撤销的操作');
      if (last.kind === 'addin') {
        // Ctrl+Z after an add-in's write (ExcelApi 1.20): its write goes first. Whether undoing formats
        // and notes raises onChanged is not documented; the double raises nothing (as for their writes).
        for (const [sheetId, before] of last.before) {
          const at = state.sheets.findIndex((s) => s.id === sheetId);
          if (at >= 0) state.sheets[at] = before;
        }
        return;
      }
      const index = state.sheets.findIndex((s) => s.id === last.sheetId);
      if (index < 0) throw new Error('要撤销的工作表已删除');
      state.sheets[index] = last.before;
      state.emitChanged(userEvent(last.inverse, 'Local', last.sheetId, last.address));
    },
    undoDepth: () => undoStack.length,
    undoUserAction: () => {
      while (undoStack[undoStack.length - 1]?.kind === 'addin') double.undo();
      double.undo();
    },
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
