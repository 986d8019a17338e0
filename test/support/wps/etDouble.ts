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
import type { EtApplication, EtBorder, EtComment, EtDocumentProperty, EtFormatCondition, EtRange, EtWorksheet } from '../../../src/wps/et';
import { fromA1 } from '../../../src/core/sheet/address';
import { EtProtectedError, cloneFormat, cloneSheet, defaultFormat, enterValue, inside, key, newSheet, parseRect, position, rectAddress, shiftRows } from './etModel';
import type { BorderModel, CellModel, EtCellValue, FormatConditionModel, Rect, SheetModel } from './etModel';

export interface EtDoubleOptions {
  sheets?: string[];
  /**
   * Which border indices a conditional format's Borders.Item accepts: Microsoft documents xlLeft/xlTop/…
   * (FormatCondition.Borders), a WPS example uses xlEdgeLeft/…; the adapter must work with either.
   */
  formatBorderIndices?: 'sides' | 'edges';
  /** No Application.ApiEvent (some builds): the adapter polls instead of listening. */
  noApiEvent?: boolean;
}

type Listener = (...args: unknown[]) => void;

interface Bridge {
  calls: number;
}

class State {
  sheets: SheetModel[] = [];
  active: SheetModel | null = null;
  selection: { sheet: string; address: string } | null = null;
  clipboard: { sheet: SheetModel; rect: Rect } | null = null;
  properties = new Map<string, string>();
  listeners = new Map<string, Set<Listener>>();
  screenUpdating = true;
  displayAlerts = true;
  constructor(
    readonly bridge: Bridge,
    readonly options: EtDoubleOptions,
  ) {}
  tick(): void {
    this.bridge.calls++;
  }
  sheet(name: string): SheetModel {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`下标越界：没有工作表“${name}”`);
    return sheet;
  }
  fire(name: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(name) ?? [])]) listener(...args);
  }
}

const writable = (sheet: SheetModel): void => {
  if (sheet.protected) throw new EtProtectedError(sheet.name);
};

function cellOf(sheet: SheetModel, r: number, c: number): CellModel {
  let cell = sheet.cells.get(key(r, c));
  if (!cell) {
    cell = { value: null, format: defaultFormat() };
    sheet.cells.set(key(r, c), cell);
  }
  return cell;
}

function cellsOf(sheet: SheetModel, rect: Rect): CellModel[] {
  const last = rect.c2 > 1000 ? Math.max(0, ...[...sheet.cells.keys()].map((k) => position(k).c)) : rect.c2;
  const out: CellModel[] = [];
  for (let r = rect.r1; r <= rect.r2; r++) for (let c = rect.c1; c <= last; c++) out.push(cellOf(sheet, r, c));
  return out;
}

const intersects = (a: Rect, b: Rect): boolean => a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;

class DBorder implements EtBorder {
  constructor(
    private readonly state: State,
    private readonly sheet: SheetModel,
    private readonly targets: () => Record<number, BorderModel>[],
    private readonly index: number,
  ) {}
  private edit(change: (b: BorderModel) => void): void {
    this.state.tick();
    writable(this.sheet);
    for (const borders of this.targets()) {
      const border = borders[this.index] ?? { lineStyle: 1, color: 0 };
      change(border);
      borders[this.index] = border;
    }
  }
  get LineStyle(): number {
    this.state.tick();
    return this.targets()[0]?.[this.index]?.lineStyle ?? -4142;
  }
  set LineStyle(v: number | boolean) {
    this.edit((b) => (b.lineStyle = Number(v)));
  }
  get Weight(): number {
    this.state.tick();
    return 2;
  }
  set Weight(_v: number) {
    this.edit(() => undefined);
  }
  get Color(): number {
    this.state.tick();
    return this.targets()[0]?.[this.index]?.color ?? 0;
  }
  set Color(v: number) {
    this.edit((b) => (b.color = v));
  }
}

class DBorders {
  constructor(
    private readonly state: State,
    private readonly sheet: SheetModel,
    private readonly targets: () => Record<number, BorderModel>[],
    private readonly accepts: (index: number) => boolean,
  ) {}
  Item(index: number): EtBorder {
    this.state.tick();
    if (!this.accepts(index)) throw new Error(`Borders.Item：索引 ${index} 无效`);
    return new DBorder(this.state, this.sheet, this.targets, index);
  }
}

class DFormatCondition implements EtFormatCondition {
  constructor(
    private readonly state: State,
    private readonly sheet: SheetModel,
    readonly model: FormatConditionModel,
  ) {}
  get Type(): number {
    this.state.tick();
    return this.model.type;
  }
  get Formula1(): string {
    this.state.tick();
    return this.model.formula1;
  }
  get AppliesTo(): EtRange {
    this.state.tick();
    return new DRange(this.state, this.sheet, this.model.rect);
  }
  get Interior(): { Color: unknown } {
    this.state.tick();
    const model = this.model;
    const state = this.state;
    const sheet = this.sheet;
    return {
      get Color() {
        state.tick();
        return model.fill;
      },
      set Color(v: unknown) {
        state.tick();
        writable(sheet);
        model.fill = Number(v);
      },
    };
  }
  get Borders(): DBorders {
    this.state.tick();
    const sides = this.state.options.formatBorderIndices === 'edges' ? [7, 8, 9, 10] : [-4131, -4160, -4107, -4152];
    return new DBorders(this.state, this.sheet, () => [this.model.borders], (i) => sides.includes(i));
  }
  Delete(): void {
    this.state.tick();
    writable(this.sheet);
    this.sheet.formatConditions = this.sheet.formatConditions.filter((fc) => fc !== this.model);
  }
}

class DComment implements EtComment {
  constructor(
    private readonly state: State,
    private readonly sheet: SheetModel,
    private readonly cellKey: string,
  ) {}
  private model(): { text: string; author: string } {
    const model = this.sheet.comments.get(this.cellKey);
    if (!model) throw new Error('批注已删除');
    return model;
  }
  get Author(): string {
    this.state.tick();
    return this.model().author;
  }
  Text(text?: string): string {
    this.state.tick();
    if (text !== undefined) {
      writable(this.sheet);
      this.model().text = text;
    }
    return this.model().text;
  }
  Delete(): void {
    this.state.tick();
    writable(this.sheet);
    this.sheet.comments.delete(this.cellKey);
  }
  get Parent(): EtRange {
    this.state.tick();
    const { r, c } = position(this.cellKey);
    return new DRange(this.state, this.sheet, { r1: r, c1: c, r2: r, c2: c });
  }
}

class DValidation {
  constructor(
    private readonly state: State,
    private readonly sheet: SheetModel,
    private readonly rect: Rect,
  ) {}
  private current() {
    const v = this.sheet.validations.find((x) => x.rect.r1 === this.rect.r1 && x.rect.c1 === this.rect.c1 && x.rect.r2 === this.rect.r2 && x.rect.c2 === this.rect.c2);
    if (!v) throw new Error('Validation：区域没有有效性设置');
    return v;
  }
  Add(type: number, alertStyle = 1, operator?: number, formula1 = '', _formula2?: string): void {
    this.state.tick();
    writable(this.sheet);
    if (this.sheet.validations.some((v) => intersects(v.rect, this.rect))) throw new Error('Validation.Add：区域已有有效性设置，请先 Delete');
    this.sheet.validations.push({ rect: this.rect, type, alertStyle, operator: operator ?? null, formula1, inputTitle: '', inputMessage: '', errorTitle: '', errorMessage: '', showInput: true, showError: true });
  }
  Delete(): void {
    this.state.tick();
    writable(this.sheet);
    this.sheet.validations = this.sheet.validations.filter((v) => !intersects(v.rect, this.rect));
  }
  private prop<K extends 'inputTitle' | 'inputMessage' | 'errorTitle' | 'errorMessage' | 'showInput' | 'showError'>(name: K, value?: SheetModel['validations'][number][K]) {
    this.state.tick();
    if (value === undefined) return this.current()[name];
    writable(this.sheet);
    this.current()[name] = value;
    return value;
  }
  get InputTitle(): string { return this.prop('inputTitle') as string; }
  set InputTitle(v: string) { this.prop('inputTitle', v); }
  get InputMessage(): string { return this.prop('inputMessage') as string; }
  set InputMessage(v: string) { this.prop('inputMessage', v); }
  get ErrorTitle(): string { return this.prop('errorTitle') as string; }
  set ErrorTitle(v: string) { this.prop('errorTitle', v); }
  get ErrorMessage(): string { return this.prop('errorMessage') as string; }
  set ErrorMessage(v: string) { this.prop('errorMessage', v); }
  get ShowInput(): boolean { return this.prop('showInput') as boolean; }
  set ShowInput(v: boolean) { this.prop('showInput', v); }
  get ShowError(): boolean { return this.prop('showError') as boolean; }
  set ShowError(v: boolean) { this.prop('showError', v); }
  get InCellDropdown(): boolean { this.state.tick(); return true; }
  set InCellDropdown(_v: boolean) { this.state.tick(); }
}

/** A property that reads and writes every cell of a range: the first cell's value when they differ is VBA's null. */
function cellProperty<T>(state: State, sheet: SheetModel, rect: Rect, get: (c: CellModel) => T, set: (c: CellModel, v: unknown) => void) {
  return {
    get: (): T | null => {
      state.tick();
      const values = cellsOf(sheet, rect).map(get);
      return values.every((v) => v === values[0]) ? values[0] : null;
    },
    set: (v: unknown): void => {
      state.tick();
      writable(sheet);
      for (const cell of cellsOf(sheet, rect)) set(cell, v);
    },
  };
}

export class DRange implements EtRange {
  constructor(
    private readonly state: State,
    private readonly sheet: SheetModel,
    readonly rect: Rect,
    private readonly areas?: string,
  ) {}
  private single(): boolean {
    return this.rect.r1 === this.rect.r2 && this.rect.c1 === this.rect.c2;
  }
  get Value2(): unknown {
    this.state.tick();
    const at = (r: number, c: number) => this.sheet.cells.get(key(r, c))?.value ?? undefined;
    if (this.single()) return at(this.rect.r1, this.rect.c1);
    const rows: unknown[][] = [];
    for (let r = this.rect.r1; r <= this.rect.r2; r++) {
      const row: unknown[] = [];
      for (let c = this.rect.c1; c <= this.rect.c2; c++) row.push(at(r, c));
      rows.push(row);
    }
    return rows;
  }
  set Value2(value: unknown) {
    this.state.tick();
    writable(this.sheet);
    const height = this.rect.r2 - this.rect.r1 + 1;
    const width = this.rect.c2 - this.rect.c1 + 1;
    if (Array.isArray(value) && (value.length !== height || value.some((row) => !Array.isArray(row) || row.length !== width))) {
      throw new Error(`Value2：数组 ${value.length} 行与区域 ${rectAddress(this.rect)} 的大小不符`);
    }
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) enterValue(cellOf(this.sheet, this.rect.r1 + r, this.rect.c1 + c), Array.isArray(value) ? (value[r] as unknown[])[c] : value);
    }
  }
  get NumberFormat(): unknown {
    return cellProperty(this.state, this.sheet, this.rect, (c) => c.format.numberFormat, () => undefined).get();
  }
  set NumberFormat(v: unknown) {
    cellProperty(this.state, this.sheet, this.rect, () => null, (c, x) => (c.format.numberFormat = String(x))).set(v);
  }
  get Row(): number {
    this.state.tick();
    return this.rect.r1 + 1;
  }
  get Column(): number {
    this.state.tick();
    return this.rect.c1 + 1;
  }
  get Rows(): { Count: number } {
    this.state.tick();
    return { Count: this.rect.r2 - this.rect.r1 + 1 };
  }
  get Columns(): { Count: number } {
    this.state.tick();
    return { Count: this.rect.c2 - this.rect.c1 + 1 };
  }
  get MergeCells(): unknown {
    this.state.tick();
    return this.sheet.merges.some((m) => inside(m, this.rect.r1, this.rect.c1));
  }
  set MergeCells(v: unknown) {
    if (v) this.Merge();
  }
  get MergeArea(): EtRange {
    this.state.tick();
    const merge = this.sheet.merges.find((m) => inside(m, this.rect.r1, this.rect.c1));
    return new DRange(this.state, this.sheet, merge ?? { r1: this.rect.r1, c1: this.rect.c1, r2: this.rect.r1, c2: this.rect.c1 });
  }
  Merge(): void {
    this.state.tick();
    writable(this.sheet);
    if (this.sheet.merges.some((m) => intersects(m, this.rect))) throw new Error(`Merge：${rectAddress(this.rect)} 与已合并的区域重叠`);
    for (const [k, cell] of this.sheet.cells) {
      const { r, c } = position(k);
      if (inside(this.rect, r, c) && (r !== this.rect.r1 || c !== this.rect.c1)) cell.value = null;
    }
    this.sheet.merges.push({ ...this.rect });
  }
  get FormatConditions(): DFormatConditions {
    this.state.tick();
    return new DFormatConditions(this.state, this.sheet, this.rect);
  }
  get Comment(): EtComment | null {
    this.state.tick();
    const k = key(this.rect.r1, this.rect.c1);
    return this.sheet.comments.has(k) ? new DComment(this.state, this.sheet, k) : null;
  }
  AddComment(text = ''): EtComment {
    this.state.tick();
    writable(this.sheet);
    const k = key(this.rect.r1, this.rect.c1);
    if (this.sheet.comments.has(k)) throw new Error('AddComment：单元格已有批注');
    this.sheet.comments.set(k, { text, author: 'WPS 用户' });
    return new DComment(this.state, this.sheet, k);
  }
  Insert(shift?: number): unknown {
    this.state.tick();
    writable(this.sheet);
    if (this.rect.c1 !== 0 || this.rect.c2 < 16383 || (shift !== undefined && shift !== -4121)) throw new Error('替身只支持整行插入（xlShiftDown）');
    shiftRows(this.sheet, this.rect.r1, this.rect.r2 - this.rect.r1 + 1, true);
    return true;
  }
  Copy(destination?: unknown): unknown {
    this.state.tick();
    if (destination !== undefined) throw new Error('替身只支持复制到剪贴板');
    this.state.clipboard = { sheet: this.sheet, rect: this.rect };
    return true;
  }
  PasteSpecial(paste?: number): unknown {
    this.state.tick();
    writable(this.sheet);
    const from = this.state.clipboard;
    if (!from || paste !== -4122) throw new Error('PasteSpecial：剪贴板为空或粘贴类型不受支持');
    if (from.rect.r2 - from.rect.r1 !== this.rect.r2 - this.rect.r1 || from.rect.c2 - from.rect.c1 !== this.rect.c2 - this.rect.c1) throw new Error('PasteSpecial：区域大小不一致');
    for (let r = 0; r <= this.rect.r2 - this.rect.r1; r++) {
      for (let c = 0; c <= this.rect.c2 - this.rect.c1; c++) {
        const source = from.sheet.cells.get(key(from.rect.r1 + r, from.rect.c1 + c));
        cellOf(this.sheet, this.rect.r1 + r, this.rect.c1 + c).format = source ? cloneFormat(source.format) : defaultFormat();
      }
    }
    const dr = this.rect.r1 - from.rect.r1;
    const dc = this.rect.c1 - from.rect.c1;
    for (const m of from.sheet.merges.filter((m) => m.r1 >= from.rect.r1 && m.r2 <= from.rect.r2 && m.c1 >= from.rect.c1 && m.c2 <= from.rect.c2)) {
      this.sheet.merges.push({ r1: m.r1 + dr, r2: m.r2 + dr, c1: m.c1 + dc, c2: m.c2 + dc });
    }
    return true;
  }
  get Validation(): DValidation {
    this.state.tick();
    return new DValidation(this.state, this.sheet, this.rect);
  }
  get ColumnWidth(): unknown {
    this.state.tick();
    return this.sheet.columnWidths.get(this.rect.c1) ?? 8.38;
  }
  set ColumnWidth(v: unknown) {
    this.state.tick();
    writable(this.sheet);
    for (let c = this.rect.c1; c <= this.rect.c2; c++) this.sheet.columnWidths.set(c, Number(v));
  }
  get RowHeight(): unknown {
    this.state.tick();
    return this.sheet.rowHeights.get(this.rect.r1) ?? 13.5;
  }
  set RowHeight(v: unknown) {
    this.state.tick();
    writable(this.sheet);
    for (let r = this.rect.r1; r <= this.rect.r2; r++) this.sheet.rowHeights.set(r, Number(v));
  }
  get Font(): { Bold: boolean; Size: number } {
    this.state.tick();
    const bold = cellProperty(this.state, this.sheet, this.rect, (c) => c.format.bold, (c, v) => (c.format.bold = Boolean(v)));
    const size = cellProperty(this.state, this.sheet, this.rect, (c) => c.format.fontSize, (c, v) => (c.format.fontSize = Number(v)));
    return {
      get Bold() { return bold.get() === true; },
      set Bold(v: boolean) { bold.set(v); },
      get Size() { return Number(size.get()); },
      set Size(v: number) { size.set(v); },
    };
  }
  get Interior(): { Color: unknown } {
    this.state.tick();
    const fill = cellProperty(this.state, this.sheet, this.rect, (c) => c.format.fill, (c, v) => (c.format.fill = Number(v)));
    return {
      get Color() { return fill.get(); },
      set Color(v: unknown) { fill.set(v); },
    };
  }
  get Borders(): DBorders {
    this.state.tick();
    return new DBorders(this.state, this.sheet, () => cellsOf(this.sheet, this.rect).map((c) => c.format.borders), (i) => i >= 5 && i <= 12);
  }
  get HorizontalAlignment(): unknown {
    return cellProperty(this.state, this.sheet, this.rect, (c) => c.format.hAlign, () => undefined).get();
  }
  set HorizontalAlignment(v: unknown) {
    cellProperty(this.state, this.sheet, this.rect, () => null, (c, x) => (c.format.hAlign = Number(x))).set(v);
  }
  get VerticalAlignment(): unknown {
    return cellProperty(this.state, this.sheet, this.rect, (c) => c.format.vAlign, () => undefined).get();
  }
  set VerticalAlignment(v: unknown) {
    cellProperty(this.state, this.sheet, this.rect, () => null, (c, x) => (c.format.vAlign = Number(x))).set(v);
  }
  get WrapText(): unknown {
    return cellProperty(this.state, this.sheet, this.rect, (c) => c.format.wrap, () => undefined).get();
  }
  set WrapText(v: unknown) {
    cellProperty(this.state, this.sheet, this.rect, () => null, (c, x) => (c.format.wrap = Boolean(x))).set(v);
  }
  Select(): unknown {
    this.state.tick();
    if (this.state.active !== this.sheet) throw new Error('Select：只能选择活动工作表上的区域');
    this.state.selection = { sheet: this.sheet.name, address: this.areas ?? rectAddress(this.rect) };
    return true;
  }
  Address(rowAbsolute = true, columnAbsolute = true): string {
    this.state.tick();
    const text = rectAddress(this.rect, false);
    if (!rowAbsolute && !columnAbsolute) return text;
    return rectAddress(this.rect, true);
  }
  get Worksheet(): EtWorksheet {
    this.state.tick();
    return new DWorksheet(this.state, this.sheet);
  }
}

class DFormatConditions {
  constructor(
    private readonly state: State,
    private readonly sheet: SheetModel,
    private readonly rect: Rect,
  ) {}
  private list(): FormatConditionModel[] {
    return this.sheet.formatConditions.filter((fc) => intersects(fc.rect, this.rect));
  }
  get Count(): number {
    this.state.tick();
    return this.list().length;
  }
  Item(index: number): unknown {
    this.state.tick();
    const model = this.list()[index - 1];
    if (!model) throw new Error(`FormatConditions.Item：下标 ${index} 越界（从 1 开始）`);
    return new DFormatCondition(this.state, this.sheet, model);
  }
  /** A new condition goes first (priority 1), as Excel's FormatConditions.Add does. */
  Add(type: number, _operator?: unknown, formula1?: unknown): unknown {
    this.state.tick();
    writable(this.sheet);
    const model: FormatConditionModel = { type, rect: { ...this.rect }, formula1: String(formula1 ?? ''), fill: null, borders: {} };
    this.sheet.formatConditions.unshift(model);
    return new DFormatCondition(this.state, this.sheet, model);
  }
}

export class DWorksheet implements EtWorksheet {
  constructor(
    private readonly state: State,
    readonly model: SheetModel,
  ) {}
  get Name(): string {
    this.state.tick();
    return this.model.name;
  }
  set Name(name: string) {
    this.state.tick();
    if (this.state.sheets.some((s) => s !== this.model && s.name === name)) throw new Error(`工作表名称“${name}”已被占用`);
    this.model.name = name;
  }
  get UsedRange(): EtRange {
    this.state.tick();
    const ps = [...this.model.cells.keys()].map(position);
    if (ps.length === 0) return new DRange(this.state, this.model, { r1: 0, c1: 0, r2: 0, c2: 0 });
    const rect = { r1: Math.min(...ps.map((p) => p.r)), c1: Math.min(...ps.map((p) => p.c)), r2: Math.max(...ps.map((p) => p.r)), c2: Math.max(...ps.map((p) => p.c)) };
    return new DRange(this.state, this.model, rect);
  }
  get Cells(): EtRange {
    this.state.tick();
    return new DRange(this.state, this.model, { r1: 0, c1: 0, r2: 1048575, c2: 16383 });
  }
  /** `A1`, `A1:B2`, `3:5`; several areas (`A1,C3`) select together, the range being the first area. */
  Range(address: string): EtRange {
    this.state.tick();
    const areas = address.split(',');
    return new DRange(this.state, this.model, parseRect(areas[0]), areas.length > 1 ? address : undefined);
  }
  get ProtectContents(): boolean {
    this.state.tick();
    return this.model.protected;
  }
  get Comments(): { Count: number; Item(i: number): EtComment } {
    this.state.tick();
    const state = this.state;
    const model = this.model;
    const keys = () => [...model.comments.keys()].sort((a, b) => position(a).r - position(b).r || position(a).c - position(b).c);
    return {
      get Count() {
        state.tick();
        return model.comments.size;
      },
      Item(i: number) {
        state.tick();
        const k = keys()[i - 1];
        if (!k) throw new Error(`Comments.Item：下标 ${i} 越界（从 1 开始）`);
        return new DComment(state, model, k);
      },
    };
  }
  get PageSetup(): DPageSetup {
    this.state.tick();
    return new DPageSetup(this.state, this.model);
  }
  Activate(): void {
    this.state.tick();
    this.state.active = this.model;
  }
  Delete(): void {
    this.state.tick();
    // With DisplayAlerts on, WPS (as Excel) asks the user first: a script must switch it off.
    if (this.state.displayAlerts) throw new Error('Delete：DisplayAlerts 开启时删除工作表会弹出确认框');
    this.state.sheets = this.state.sheets.filter((s) => s !== this.model);
    if (this.state.active === this.model) this.state.active = this.state.sheets[0] ?? null;
  }
}

class DPageSetup {
  constructor(
    private readonly state: State,
    private readonly sheet: SheetModel,
  ) {}
  private set<K extends keyof SheetModel['pageSetup']>(name: K, value: SheetModel['pageSetup'][K]): void {
    this.state.tick();
    writable(this.sheet);
    this.sheet.pageSetup[name] = value;
  }
  private get<K extends keyof SheetModel['pageSetup']>(name: K): SheetModel['pageSetup'][K] {
    this.state.tick();
    return this.sheet.pageSetup[name];
  }
  get Orientation(): number { return this.get('orientation'); }
  set Orientation(v: number) { this.set('orientation', v); }
  get PaperSize(): number { return this.get('paperSize'); }
  set PaperSize(v: number) { this.set('paperSize', v); }
  get Zoom(): unknown { return this.get('zoom'); }
  set Zoom(v: unknown) { this.set('zoom', v as number | boolean); }
  get FitToPagesWide(): unknown { return this.get('fitToPagesWide'); }
  set FitToPagesWide(v: unknown) { this.set('fitToPagesWide', v as number | boolean); }
  get FitToPagesTall(): unknown { return this.get('fitToPagesTall'); }
  set FitToPagesTall(v: unknown) { this.set('fitToPagesTall', v as number | boolean); }
  get PrintArea(): string { return this.get('printArea'); }
  set PrintArea(v: string) { this.set('printArea', v); }
  get PrintTitleRows(): string { return this.get('printTitleRows'); }
  set PrintTitleRows(v: string) { this.set('printTitleRows', v); }
}

function documentProperties(state: State) {
  const property = (name: string): EtDocumentProperty => ({
    get Name() {
      state.tick();
      return name;
    },
    set Name(_v: string) {
      throw new Error('替身不支持改名');
    },
    get Value() {
      state.tick();
      return state.properties.get(name);
    },
    set Value(v: unknown) {
      state.tick();
      state.properties.set(name, String(v));
    },
    Delete() {
      state.tick();
      state.properties.delete(name);
    },
  });
  return {
    get Count() {
      state.tick();
      return state.properties.size;
    },
    Item(index: number | string): EtDocumentProperty {
      state.tick();
      const name = typeof index === 'number' ? [...state.properties.keys()][index - 1] : index;
      if (name === undefined || !state.properties.has(name)) throw new Error(`CustomDocumentProperties.Item：没有属性 ${String(index)}`);
      return property(name);
    },
    Add(name: string, _link: boolean, type?: number, value?: string): EtDocumentProperty {
      state.tick();
      if (state.properties.has(name)) throw new Error(`CustomDocumentProperties.Add：属性 ${name} 已存在`);
      if (type !== 4 || typeof value !== 'string') throw new Error('替身只支持文本属性（msoPropertyTypeString）');
      // Office documents a custom property's text as at most 255 characters.
      if (value.length > 255) throw new Error(`CustomDocumentProperties.Add：文本超过 255 个字符（${value.length}）`);
      state.properties.set(name, value);
      return property(name);
    },
  };
}

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
