// The WPS double's ranges, worksheets, conditional formats and comments (VBA semantics; see etDouble.ts).
import type { EtComment, EtFormatCondition, EtRange, EtWorksheet } from '../../../src/wps/et';
import { cloneFormat, defaultFormat, enterValue, inside, key, parseRect, position, rectAddress, shiftRows } from './etModel';
import type { FormatConditionModel, Rect, SheetModel } from './etModel';
import { DBorders, DPageSetup, DValidation, cellOf, cellProperty, cellsOf, intersects, writable } from './etState';
import type { State } from './etState';

export class DFormatCondition implements EtFormatCondition {
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

export class DComment implements EtComment {
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
    return this.state.options.flatSingleRow && rows.length === 1 ? rows[0] : rows;
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

export class DFormatConditions {
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
