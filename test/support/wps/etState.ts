// The WPS double's state over the shared workbook model (test/support/excel/model.ts) and its simpler facade
// objects (borders, validation, page setup, document properties): every property read or write and method
// call counts one bridge call. See etDouble.ts.
import type { EtBorder, EtDocumentProperty } from '../../../src/wps/et';
import { defaultFormat, intersects, parseRect, rectAddress } from '../excel/model';
import type { BorderEdge, BorderState, CellFormatState, PageLayoutState, Rect, SheetState, ValidationState, WorkbookState } from '../excel/model';
import { cellAt, peekCell } from '../excel/modelCells';
import { ALERT_STYLE, EtProtectedError, LINE_STYLE, ORIENTATION, PAPER, bgrOf, hexOf, ruleOf, zoomWith } from './etModel';

export interface EtDoubleOptions {
  sheets?: string[];
  /** A workbook an Excel double already holds (or one to share with one): the same sheets, marks and properties. */
  workbook?: WorkbookState;
  /**
   * Which border indices a conditional format's Borders.Item accepts: Microsoft documents xlLeft/xlTop/…
   * (FormatCondition.Borders), a WPS example uses xlEdgeLeft/…; the adapter must work with either.
   */
  formatBorderIndices?: 'sides' | 'edges';
  /** No Application.ApiEvent (some builds): the adapter polls instead of listening. */
  noApiEvent?: boolean;
  /** `Value2` of a one-row range as a flat array, as some builds hand it back (pi-for-excel's notes). */
  flatSingleRow?: boolean;
  /**
   * Properties exposed as methods, as some WPS builds do (research notes §2, "Some builds expose properties
   * as methods"; pi-for-excel's jsapi.ts reads either): `Range.Value2()`, `Range.Text()`, `Worksheet.Name()`
   * … The adapter must read both shapes.
   */
  propertiesAsMethods?: boolean;
}

export type Listener = (...args: unknown[]) => void;

export interface Bridge {
  calls: number;
}

export class State {
  clipboard: { sheetId: string; rect: Rect } | null = null;
  listeners = new Map<string, Set<Listener>>();
  screenUpdating = true;
  displayAlerts = true;
  constructor(
    readonly bridge: Bridge,
    readonly options: EtDoubleOptions,
    readonly workbook: WorkbookState,
  ) {}
  tick(): void {
    this.bridge.calls++;
  }
  /** The sheet as the model holds it now (an undo replaces the object; facades keep the id). */
  byId(id: string): SheetState {
    const sheet = this.workbook.sheets.find((s) => s.id === id);
    if (!sheet) throw new Error('对象已删除：工作表不存在');
    return sheet;
  }
  byName(name: string): SheetState {
    const sheet = this.workbook.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`下标越界：没有工作表“${name}”`);
    return sheet;
  }
  fire(name: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(name) ?? [])]) listener(...args);
  }
}

export const writable = (sheet: SheetState): void => {
  if (sheet.protected) throw new EtProtectedError(sheet.name);
};

/** The formats of a rectangle's cells, read without making cells (a read must not grow UsedRange). */
export function formatsOf(sheet: SheetState, rect: Rect): CellFormatState[] {
  const out: CellFormatState[] = [];
  for (let r = rect.r1; r <= rect.r2; r++) for (let c = rect.c1; c <= Math.min(rect.c2, lastColumn(sheet)); c++) out.push(peekCell(sheet, r, c)?.format ?? defaultFormat());
  return out;
}

/** The cells of a rectangle to write (whole rows stop at the last used column). */
export function cellsToWrite(sheet: SheetState, rect: Rect): CellFormatState[] {
  const out: CellFormatState[] = [];
  const last = rect.c2 > 1000 ? lastColumn(sheet) : rect.c2;
  for (let r = rect.r1; r <= rect.r2; r++) for (let c = rect.c1; c <= last; c++) out.push(cellAt(sheet, r, c).format);
  return out;
}

function lastColumn(sheet: SheetState): number {
  let last = 0;
  for (const key of sheet.cells.keys()) last = Math.max(last, Number(key.split(',')[1]));
  return last;
}

export class DBorder implements EtBorder {
  constructor(
    private readonly state: State,
    private readonly sheet: () => SheetState,
    private readonly targets: () => Partial<Record<BorderEdge, BorderState>>[],
    private readonly edge: BorderEdge,
  ) {}
  private edit(change: (b: BorderState) => void): void {
    this.state.tick();
    writable(this.sheet());
    for (const borders of this.targets()) {
      const border = { ...(borders[this.edge] ?? { style: 'Continuous', color: '#000000' }) };
      change(border);
      borders[this.edge] = border;
    }
  }
  get LineStyle(): number {
    this.state.tick();
    return LINE_STYLE.toVba(this.targets()[0]?.[this.edge]?.style ?? 'None') ?? -4142;
  }
  set LineStyle(v: number | boolean) {
    this.edit((b) => (b.style = LINE_STYLE.toModel(v === true ? 1 : v === false ? -4142 : v)));
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
    return bgrOf(this.targets()[0]?.[this.edge]?.color ?? '#000000') ?? 0;
  }
  set Color(v: number) {
    this.edit((b) => (b.color = hexOf(v)));
  }
}

export class DBorders {
  constructor(
    private readonly state: State,
    private readonly sheet: () => SheetState,
    private readonly targets: () => Partial<Record<BorderEdge, BorderState>>[],
    private readonly edgeOf: (index: number) => BorderEdge,
  ) {}
  Item(index: number): EtBorder {
    this.state.tick();
    return new DBorder(this.state, this.sheet, this.targets, this.edgeOf(index));
  }
}

type PromptField = 'InputTitle' | 'InputMessage' | 'ShowInput';
type AlertField = 'ErrorTitle' | 'ErrorMessage' | 'ShowError';

export class DValidation {
  constructor(
    private readonly state: State,
    private readonly sheet: () => SheetState,
    private readonly rect: Rect,
  ) {}
  private current(): ValidationState {
    const v = this.sheet().validations.find((x) => rectAddress(x.rect) === rectAddress(this.rect));
    if (!v) throw new Error('Validation：区域没有有效性设置');
    return v;
  }
  Add(type: number, alertStyle = 1, operator?: number, formula1 = '', _formula2?: string): void {
    this.state.tick();
    const sheet = this.sheet();
    writable(sheet);
    if (sheet.validations.some((v) => intersects(v.rect, this.rect))) throw new Error('Validation.Add：区域已有有效性设置，请先 Delete');
    const alert = type === 0 ? null : { showAlert: true, style: ALERT_STYLE.toModel(alertStyle), title: '', message: '' };
    sheet.validations.push({ rect: { ...this.rect }, rule: ruleOf(type, operator, formula1), prompt: { showPrompt: true, title: '', message: '' }, errorAlert: alert });
  }
  Delete(): void {
    this.state.tick();
    const sheet = this.sheet();
    writable(sheet);
    sheet.validations = sheet.validations.filter((v) => !intersects(v.rect, this.rect));
  }
  private prompt(field: PromptField, value?: string | boolean): unknown {
    this.state.tick();
    const v = this.current();
    const prompt = v.prompt ?? { showPrompt: true, title: '', message: '' };
    const key = ({ InputTitle: 'title', InputMessage: 'message', ShowInput: 'showPrompt' } as const)[field];
    if (value === undefined) return prompt[key];
    writable(this.sheet());
    v.prompt = { ...prompt, [key]: value };
    return value;
  }
  private alert(field: AlertField, value?: string | boolean): unknown {
    this.state.tick();
    const v = this.current();
    const alert = (v.errorAlert ?? { showAlert: false, style: 'Stop', title: '', message: '' }) as Record<string, unknown>;
    const key = ({ ErrorTitle: 'title', ErrorMessage: 'message', ShowError: 'showAlert' } as const)[field];
    if (value === undefined) return alert[key];
    writable(this.sheet());
    v.errorAlert = { ...alert, [key]: value };
    return value;
  }
  get InputTitle(): string { return this.prompt('InputTitle') as string; }
  set InputTitle(v: string) { this.prompt('InputTitle', v); }
  get InputMessage(): string { return this.prompt('InputMessage') as string; }
  set InputMessage(v: string) { this.prompt('InputMessage', v); }
  get ShowInput(): boolean { return this.prompt('ShowInput') as boolean; }
  set ShowInput(v: boolean) { this.prompt('ShowInput', v); }
  get ErrorTitle(): string { return this.alert('ErrorTitle') as string; }
  set ErrorTitle(v: string) { this.alert('ErrorTitle', v); }
  get ErrorMessage(): string { return this.alert('ErrorMessage') as string; }
  set ErrorMessage(v: string) { this.alert('ErrorMessage', v); }
  get ShowError(): boolean { return this.alert('ShowError') as boolean; }
  set ShowError(v: boolean) { this.alert('ShowError', v); }
  get InCellDropdown(): boolean {
    this.state.tick();
    return (this.current().rule as { list?: { inCellDropDown: boolean } } | null)?.list?.inCellDropDown ?? false;
  }
  set InCellDropdown(on: boolean) {
    this.state.tick();
    const v = this.current();
    const list = (v.rule as { list?: { inCellDropDown: boolean; source: string } } | null)?.list;
    if (list) v.rule = { list: { ...list, inCellDropDown: on } };
  }
}

/** A property that reads and writes every cell of a range: the first cell's value when they differ is VBA's null. */
export function cellProperty<T>(state: State, sheet: () => SheetState, rect: Rect, get: (f: CellFormatState) => T, set: (f: CellFormatState, v: unknown) => void) {
  return {
    get: (): T | null => {
      state.tick();
      const values = formatsOf(sheet(), rect).map(get);
      return values.every((v) => v === values[0]) ? values[0] : null;
    },
    set: (v: unknown): void => {
      state.tick();
      writable(sheet());
      for (const format of cellsToWrite(sheet(), rect)) set(format, v);
    },
  };
}

export class DPageSetup {
  constructor(
    private readonly state: State,
    private readonly sheet: () => SheetState,
  ) {}
  private patch(apply: (layout: PageLayoutState) => void): void {
    this.state.tick();
    writable(this.sheet());
    apply(this.sheet().pageLayout);
  }
  private get layout(): PageLayoutState {
    this.state.tick();
    return this.sheet().pageLayout;
  }
  get Orientation(): number { return ORIENTATION.toVba(this.layout.orientation) ?? 1; }
  set Orientation(v: number) { this.patch((l) => (l.orientation = ORIENTATION.toModel(v))); }
  get PaperSize(): number { return PAPER.toVba(this.layout.paperSize) ?? 1; }
  set PaperSize(v: number) { this.patch((l) => (l.paperSize = PAPER.toModel(v))); }
  get Zoom(): unknown { return this.layout.zoom.scale ?? false; }
  set Zoom(v: unknown) { this.patch((l) => (l.zoom = zoomWith(l.zoom, 'Zoom', v))); }
  get FitToPagesWide(): unknown { return this.layout.zoom.horizontalFitToPages ?? false; }
  set FitToPagesWide(v: unknown) { this.patch((l) => (l.zoom = zoomWith(l.zoom, 'FitToPagesWide', v))); }
  get FitToPagesTall(): unknown { return this.layout.zoom.verticalFitToPages ?? false; }
  set FitToPagesTall(v: unknown) { this.patch((l) => (l.zoom = zoomWith(l.zoom, 'FitToPagesTall', v))); }
  /** VBA hands the print area back with `$` (`$A$1:$F$20`); the model keeps it as Office.js's setPrintArea does. */
  get PrintArea(): string {
    const area = this.layout.printArea;
    return area ? area.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2') : '';
  }
  set PrintArea(v: string) { this.patch((l) => (l.printArea = v ? rectAddress(parseRect(v)) : null)); }
  get PrintTitleRows(): string { return this.layout.printTitleRows ?? ''; }
  set PrintTitleRows(v: string) { this.patch((l) => (l.printTitleRows = v || null)); }
}

/** CustomDocumentProperties over the model's custom properties (the ones Excel's workbook.properties.custom holds). */
export function documentProperties(state: State) {
  const props = state.workbook.customProperties;
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
      return props.get(name);
    },
    set Value(v: unknown) {
      state.tick();
      props.set(name, String(v));
    },
    Delete() {
      state.tick();
      props.delete(name);
    },
  });
  return {
    get Count() {
      state.tick();
      return props.size;
    },
    Item(index: number | string): EtDocumentProperty {
      state.tick();
      const name = typeof index === 'number' ? [...props.keys()][index - 1] : index;
      if (name === undefined || !props.has(name)) throw new Error(`CustomDocumentProperties.Item：没有属性 ${String(index)}`);
      return property(name);
    },
    Add(name: string, _link: boolean, type?: number, value?: string): EtDocumentProperty {
      state.tick();
      if (props.has(name)) throw new Error(`CustomDocumentProperties.Add：属性 ${name} 已存在`);
      if (type !== 4 || typeof value !== 'string') throw new Error('替身只支持文本属性（msoPropertyTypeString）');
      // Office documents a custom property's text as at most 255 characters.
      if (value.length > 255) throw new Error(`CustomDocumentProperties.Add：文本超过 255 个字符（${value.length}）`);
      props.set(name, value);
      return property(name);
    },
  };
}
