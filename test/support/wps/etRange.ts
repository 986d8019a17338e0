// The WPS double's ranges, worksheets, conditional formats and comments (VBA semantics; see etDouble.ts),
// over the shared workbook model (test/support/excel/model.ts). Facades keep the sheet's id, not the sheet
// object: an undo (either double's) puts an earlier copy of the sheet in its place.
import type { EtComment, EtFormatCondition, EtRange, EtWorksheet } from '../../../src/wps/et';
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, MAX_COL, MAX_ROW, cellKey, insertSheetRows, intersects, keyPosition, parseRect, rectAddress } from '../excel/model';
import type { CellFormatState, ConditionalFormatState, Rect, SheetState } from '../excel/model';
import { cellAt, enterValue, pasteFormats, peekCell } from '../excel/modelCells';
import { FORMAT_SIDES, FORMAT_TYPE, H_ALIGN, RANGE_EDGES, V_ALIGN, bgrOf, charactersOf, hexOf, pointsOf } from './etModel';
import { DBorders, DPageSetup, DValidation, cellProperty, writable } from './etState';
import type { State } from './etState';

/** Where a property some builds expose as a method (EtDoubleOptions.propertiesAsMethods) is read. */
export function exposed<T>(state: State, read: () => T): T | (() => T) {
  return state.options.propertiesAsMethods ? () => read() : read();
}

const single = (rect: Rect): boolean => rect.r1 === rect.r2 && rect.c1 === rect.c2;
const inside = (rect: Rect, r: number, c: number): boolean => r >= rect.r1 && r <= rect.r2 && c >= rect.c1 && c <= rect.c2;

export class DFormatCondition implements EtFormatCondition {
  constructor(
    private readonly state: State,
    private readonly sheetId: string,
    readonly model: ConditionalFormatState,
  ) {}
  private sheet = (): SheetState => this.state.byId(this.sheetId);
  get Type(): number {
    this.state.tick();
    return FORMAT_TYPE.toVba(this.model.type) ?? 0;
  }
  get Formula1(): string {
    this.state.tick();
    return exposed(this.state, () => this.model.formula ?? '') as string;
  }
  get AppliesTo(): EtRange {
    this.state.tick();
    return new DRange(this.state, this.sheetId, this.model.rect);
  }
  get Interior(): { Color: unknown } {
    this.state.tick();
    const { model, state, sheet } = this;
    return {
      get Color() {
        state.tick();
        return bgrOf(model.fill);
      },
      set Color(v: unknown) {
        state.tick();
        writable(sheet());
        model.fill = hexOf(v);
      },
    };
  }
  get Borders(): DBorders {
    this.state.tick();
    const byEdges = this.state.options.formatBorderIndices === 'edges';
    return new DBorders(this.state, this.sheet, () => [this.model.borders], (i) => (byEdges ? RANGE_EDGES : FORMAT_SIDES).toModel(i));
  }
  Delete(): void {
    this.state.tick();
    const sheet = this.sheet();
    writable(sheet);
    sheet.conditionalFormats = sheet.conditionalFormats.filter((fc) => fc !== this.model);
  }
}

export class DComment implements EtComment {
  constructor(
    private readonly state: State,
    private readonly sheetId: string,
    private readonly key: string,
  ) {}
  private sheet = (): SheetState => this.state.byId(this.sheetId);
  private note() {
    const note = this.sheet().notes.get(this.key);
    if (!note) throw new Error('批注已删除');
    return note;
  }
  get Author(): string {
    this.state.tick();
    return this.note().authorName;
  }
  Text(text?: string): string {
    this.state.tick();
    if (text !== undefined) {
      writable(this.sheet());
      this.note().content = text;
    }
    return this.note().content;
  }
  Delete(): void {
    this.state.tick();
    writable(this.sheet());
    this.sheet().notes.delete(this.key);
  }
  get Parent(): EtRange {
    this.state.tick();
    const { r, c } = keyPosition(this.key);
    return new DRange(this.state, this.sheetId, { r1: r, c1: c, r2: r, c2: c });
  }
}

export class DRange implements EtRange {
  constructor(
    private readonly state: State,
    private readonly sheetId: string,
    readonly rect: Rect,
    private readonly areas?: string,
  ) {}
  private sheet = (): SheetState => this.state.byId(this.sheetId);
  private format<T>(get: (f: CellFormatState) => T, set: (f: CellFormatState, v: unknown) => void) {
    return cellProperty(this.state, this.sheet, this.rect, get, set);
  }
  /** VBA's Value2: Empty (undefined) for a blank cell, a scalar for one cell, rows × columns otherwise. */
  private readValue2(): unknown {
    const sheet = this.sheet();
    const at = (r: number, c: number) => {
      const value = peekCell(sheet, r, c)?.value;
      return value === '' ? undefined : value;
    };
    if (single(this.rect)) return at(this.rect.r1, this.rect.c1);
    const rows: unknown[][] = [];
    for (let r = this.rect.r1; r <= this.rect.r2; r++) {
      const row: unknown[] = [];
      for (let c = this.rect.c1; c <= this.rect.c2; c++) row.push(at(r, c));
      rows.push(row);
    }
    return this.state.options.flatSingleRow && rows.length === 1 ? rows[0] : rows;
  }
  get Value2(): unknown {
    this.state.tick();
    return exposed(this.state, () => this.readValue2());
  }
  set Value2(value: unknown) {
    this.state.tick();
    const sheet = this.sheet();
    writable(sheet);
    const height = this.rect.r2 - this.rect.r1 + 1;
    const width = this.rect.c2 - this.rect.c1 + 1;
    if (Array.isArray(value) && (value.length !== height || value.some((row) => !Array.isArray(row) || row.length !== width))) {
      throw new Error(`Value2：数组 ${value.length} 行与区域 ${rectAddress(this.rect)} 的大小不符`);
    }
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) enterValue(cellAt(sheet, this.rect.r1 + r, this.rect.c1 + c), Array.isArray(value) ? (value[r] as unknown[])[c] : value);
    }
  }
  get NumberFormat(): unknown {
    const format = this.format((f) => f.numberFormat, () => undefined);
    return this.state.options.propertiesAsMethods ? () => format.get() : format.get();
  }
  set NumberFormat(v: unknown) {
    this.format(() => null, (f, x) => (f.numberFormat = String(x))).set(v);
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
    return this.sheet().merges.some((m) => inside(m, this.rect.r1, this.rect.c1));
  }
  set MergeCells(v: unknown) {
    if (v) this.Merge();
  }
  get MergeArea(): EtRange {
    this.state.tick();
    const merge = this.sheet().merges.find((m) => inside(m, this.rect.r1, this.rect.c1));
    return new DRange(this.state, this.sheetId, merge ?? { r1: this.rect.r1, c1: this.rect.c1, r2: this.rect.r1, c2: this.rect.c1 });
  }
  Merge(): void {
    this.state.tick();
    const sheet = this.sheet();
    writable(sheet);
    if (sheet.merges.some((m) => intersects(m, this.rect))) throw new Error(`Merge：${rectAddress(this.rect)} 与已合并的区域重叠`);
    for (const [k, cell] of sheet.cells) {
      const { r, c } = keyPosition(k);
      if (inside(this.rect, r, c) && (r !== this.rect.r1 || c !== this.rect.c1)) cell.value = '';
    }
    sheet.merges.push({ ...this.rect });
  }
  get FormatConditions(): DFormatConditions {
    this.state.tick();
    return new DFormatConditions(this.state, this.sheetId, this.rect);
  }
  get Comment(): EtComment | null {
    this.state.tick();
    const k = cellKey(this.rect.r1, this.rect.c1);
    return this.sheet().notes.has(k) ? new DComment(this.state, this.sheetId, k) : null;
  }
  AddComment(text = ''): EtComment {
    this.state.tick();
    const sheet = this.sheet();
    writable(sheet);
    const k = cellKey(this.rect.r1, this.rect.c1);
    if (sheet.notes.has(k)) throw new Error('AddComment：单元格已有批注');
    sheet.notes.set(k, { content: text, authorName: 'WPS 用户' });
    return new DComment(this.state, this.sheetId, k);
  }
  /** Whole rows, xlShiftDown; CopyOrigin defaults to xlFormatFromLeftOrAbove (VBA Range.Insert): the row above's formats. */
  Insert(shift?: number): unknown {
    this.state.tick();
    const sheet = this.sheet();
    writable(sheet);
    if (this.rect.c1 !== 0 || this.rect.c2 < MAX_COL || (shift !== undefined && shift !== -4121)) throw new Error('替身只支持整行插入（xlShiftDown）');
    insertSheetRows(sheet, this.rect.r1, this.rect.r2 - this.rect.r1 + 1, true);
    return true;
  }
  Copy(destination?: unknown): unknown {
    this.state.tick();
    if (destination !== undefined) throw new Error('替身只支持复制到剪贴板');
    this.state.clipboard = { sheetId: this.sheetId, rect: this.rect };
    return true;
  }
  PasteSpecial(paste?: number): unknown {
    this.state.tick();
    const sheet = this.sheet();
    writable(sheet);
    const from = this.state.clipboard;
    if (!from || paste !== -4122) throw new Error('PasteSpecial：剪贴板为空或粘贴类型不受支持');
    if (from.sheetId !== this.sheetId) throw new Error('替身只支持在同一工作表内粘贴格式');
    pasteFormats(this.state.workbook, sheet, from.rect, this.rect);
    return true;
  }
  get Validation(): DValidation {
    this.state.tick();
    return new DValidation(this.state, this.sheet, this.rect);
  }
  /** In characters, as WPS (and VBA) give it; the model keeps points. */
  get ColumnWidth(): unknown {
    this.state.tick();
    return charactersOf(this.sheet().columnWidths.get(this.rect.c1) ?? DEFAULT_COLUMN_WIDTH);
  }
  set ColumnWidth(v: unknown) {
    this.state.tick();
    const sheet = this.sheet();
    writable(sheet);
    for (let c = this.rect.c1; c <= this.rect.c2; c++) sheet.columnWidths.set(c, pointsOf(Number(v)));
  }
  get RowHeight(): unknown {
    this.state.tick();
    return this.sheet().rowHeights.get(this.rect.r1) ?? DEFAULT_ROW_HEIGHT;
  }
  set RowHeight(v: unknown) {
    this.state.tick();
    const sheet = this.sheet();
    writable(sheet);
    for (let r = this.rect.r1; r <= Math.min(this.rect.r2, MAX_ROW); r++) sheet.rowHeights.set(r, Number(v));
  }
  get Font(): { Bold: boolean; Size: number } {
    this.state.tick();
    const bold = this.format((f) => f.bold, (f, v) => (f.bold = Boolean(v)));
    const size = this.format((f) => f.fontSize, (f, v) => (f.fontSize = Number(v)));
    return {
      get Bold() { return bold.get() === true; },
      set Bold(v: boolean) { bold.set(v); },
      get Size() { return Number(size.get()); },
      set Size(v: number) { size.set(v); },
    };
  }
  get Interior(): { Color: unknown } {
    this.state.tick();
    const fill = this.format((f) => bgrOf(f.fill), (f, v) => (f.fill = hexOf(v)));
    return {
      get Color() { return fill.get(); },
      set Color(v: unknown) { fill.set(v); },
    };
  }
  get Borders(): DBorders {
    this.state.tick();
    return new DBorders(this.state, this.sheet, () => {
      const sheet = this.sheet();
      const out = [];
      for (let r = this.rect.r1; r <= this.rect.r2; r++) for (let c = this.rect.c1; c <= this.rect.c2; c++) out.push(cellAt(sheet, r, c).format.borders);
      return out;
    }, (i) => RANGE_EDGES.toModel(i));
  }
  get HorizontalAlignment(): unknown {
    return this.format((f) => H_ALIGN.toVba(f.horizontalAlignment), () => undefined).get();
  }
  set HorizontalAlignment(v: unknown) {
    this.format(() => null, (f, x) => (f.horizontalAlignment = H_ALIGN.toModel(x))).set(v);
  }
  get VerticalAlignment(): unknown {
    return this.format((f) => V_ALIGN.toVba(f.verticalAlignment), () => undefined).get();
  }
  set VerticalAlignment(v: unknown) {
    this.format(() => null, (f, x) => (f.verticalAlignment = V_ALIGN.toModel(x))).set(v);
  }
  get WrapText(): unknown {
    return this.format((f) => f.wrapText, () => undefined).get();
  }
  set WrapText(v: unknown) {
    this.format(() => null, (f, x) => (f.wrapText = Boolean(x))).set(v);
  }
  Select(): unknown {
    this.state.tick();
    const workbook = this.state.workbook;
    if (workbook.activeSheetId !== this.sheetId) throw new Error('Select：只能选择活动工作表上的区域');
    workbook.selection = { sheetId: this.sheetId, address: this.areas ?? rectAddress(this.rect) };
    return true;
  }
  Address(rowAbsolute = true, columnAbsolute = true): string {
    this.state.tick();
    const text = rectAddress(this.rect);
    return !rowAbsolute && !columnAbsolute ? text : text.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
  }
  get Worksheet(): EtWorksheet {
    this.state.tick();
    return new DWorksheet(this.state, this.sheetId);
  }
}

export class DFormatConditions {
  constructor(
    private readonly state: State,
    private readonly sheetId: string,
    private readonly rect: Rect,
  ) {}
  private list(): ConditionalFormatState[] {
    return this.state.byId(this.sheetId).conditionalFormats.filter((fc) => intersects(fc.rect, this.rect));
  }
  get Count(): number {
    this.state.tick();
    return this.list().length;
  }
  Item(index: number): unknown {
    this.state.tick();
    const model = this.list()[index - 1];
    if (!model) throw new Error(`FormatConditions.Item：下标 ${index} 越界（从 1 开始）`);
    return new DFormatCondition(this.state, this.sheetId, model);
  }
  /** A new condition goes first (priority 1), as Excel's FormatConditions.Add does. */
  Add(type: number, _operator?: unknown, formula1?: unknown): unknown {
    this.state.tick();
    const sheet = this.state.byId(this.sheetId);
    writable(sheet);
    const model: ConditionalFormatState = { id: this.state.workbook.newId('cf'), type: FORMAT_TYPE.toModel(type), rect: { ...this.rect }, formula: String(formula1 ?? ''), fill: null, borders: {} };
    sheet.conditionalFormats.unshift(model);
    return new DFormatCondition(this.state, this.sheetId, model);
  }
}

export class DWorksheet implements EtWorksheet {
  constructor(
    private readonly state: State,
    readonly sheetId: string,
  ) {}
  private sheet = (): SheetState => this.state.byId(this.sheetId);
  get Name(): string {
    this.state.tick();
    return exposed(this.state, () => this.sheet().name) as string;
  }
  set Name(name: string) {
    this.state.tick();
    if (this.state.workbook.sheets.some((s) => s.id !== this.sheetId && s.name === name)) throw new Error(`工作表名称“${name}”已被占用`);
    this.sheet().name = name;
  }
  /** Every cell the sheet holds, values or formats (VBA's UsedRange counts formatted cells); A1 when none. */
  get UsedRange(): EtRange {
    this.state.tick();
    const ps = [...this.sheet().cells.keys()].map(keyPosition);
    if (ps.length === 0) return new DRange(this.state, this.sheetId, { r1: 0, c1: 0, r2: 0, c2: 0 });
    const rect = { r1: Infinity, c1: Infinity, r2: 0, c2: 0 };
    for (const p of ps) Object.assign(rect, { r1: Math.min(rect.r1, p.r), c1: Math.min(rect.c1, p.c), r2: Math.max(rect.r2, p.r), c2: Math.max(rect.c2, p.c) });
    return new DRange(this.state, this.sheetId, rect);
  }
  get Cells(): EtRange {
    this.state.tick();
    return new DRange(this.state, this.sheetId, { r1: 0, c1: 0, r2: MAX_ROW, c2: MAX_COL });
  }
  /** `A1`, `A1:B2`, `3:5`; several areas (`A1,C3`) select together, the range being the first area. */
  Range(address: string): EtRange {
    this.state.tick();
    const areas = address.split(',');
    return new DRange(this.state, this.sheetId, parseRect(areas[0].replace(/\$/g, '')), areas.length > 1 ? address : undefined);
  }
  get ProtectContents(): boolean {
    this.state.tick();
    return this.sheet().protected;
  }
  get Comments(): { Count: number; Item(i: number): EtComment } {
    this.state.tick();
    const { state, sheetId, sheet } = this;
    const keys = () => [...sheet().notes.keys()].sort((a, b) => keyPosition(a).r - keyPosition(b).r || keyPosition(a).c - keyPosition(b).c);
    return {
      get Count() {
        state.tick();
        return sheet().notes.size;
      },
      Item(i: number) {
        state.tick();
        const k = keys()[i - 1];
        if (!k) throw new Error(`Comments.Item：下标 ${i} 越界（从 1 开始）`);
        return new DComment(state, sheetId, k);
      },
    };
  }
  get PageSetup(): DPageSetup {
    this.state.tick();
    return new DPageSetup(this.state, this.sheet);
  }
  Activate(): void {
    this.state.tick();
    this.state.workbook.activeSheetId = this.sheetId;
  }
  Delete(): void {
    this.state.tick();
    // With DisplayAlerts on, WPS (as Excel) asks the user first: a script must switch it off.
    if (this.state.displayAlerts) throw new Error('Delete：DisplayAlerts 开启时删除工作表会弹出确认框');
    this.state.workbook.removeSheet(this.sheet());
  }
}
