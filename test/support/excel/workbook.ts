// The Excel double's workbook-level proxies: custom properties, protection, the worksheet collection and
// its events, a worksheet, threaded comments.
import { DoubleOfficeError, MAX_COL, MAX_ROW, accessDenied, keyPosition, parseRect, syncWrites } from './model';
import type { ChangedEvent, ProtectionEvent, Rect, SheetEvent, SheetState } from './model';
import { usedRect } from './cells';
import { DoubleRequestContext } from './context';
import { NoteCollectionProxy } from './notes';
import { PageLayoutProxy } from './pageLayout';
import { CollectionProxy, ProxyBase } from './proxyBase';
import { RangeAreasProxy, RangeProxy } from './range';

/** Excel trims a custom property's value to 255 characters outside the web (excel.customproperty#value). */
export const CUSTOM_PROPERTY_VALUE_MAX = 255;

export class CustomPropertyCollectionProxy extends CollectionProxy<CustomPropertyProxy> {
  protected currentItems(): CustomPropertyProxy[] {
    return [...this.context.state.customProperties.keys()].map((key) => new CustomPropertyProxy(this.context, key));
  }
  /** Creates or sets a property (excel.custompropertycollection#add). */
  add(key: string, value: unknown): CustomPropertyProxy {
    this.context.enqueue(() => {
      if (key.length === 0 || key.length > 255) throw new DoubleOfficeError('InvalidArgument', `属性名无效：${key}`);
      syncWrites.workbook = true;
      this.context.state.customProperties.set(key, String(value).slice(0, CUSTOM_PROPERTY_VALUE_MAX));
    }, [key, value]);
    return new CustomPropertyProxy(this.context, key);
  }
  getItemOrNullObject(key: string): CustomPropertyProxy {
    const proxy = new CustomPropertyProxy(this.context, key);
    this.context.enqueue(() => proxy.resolveNull());
    return proxy;
  }
}

export class CustomPropertyProxy extends ProxyBase {
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

export class DocumentPropertiesProxy extends ProxyBase {
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

export class WorkbookProxy extends ProxyBase {
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

export class WorkbookProtectionProxy extends ProxyBase {
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

export class WorksheetProtectionProxy extends ProxyBase {
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
export class EventHandlersProxy<E> {
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

export class WorksheetCollectionProxy extends CollectionProxy<WorksheetProxy> {
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

export class WorksheetProxy extends ProxyBase {
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

export class CommentCollectionProxy extends CollectionProxy<CommentProxy> {
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

export class CommentProxy extends ProxyBase {
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
