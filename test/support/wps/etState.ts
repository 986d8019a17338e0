// The WPS double's shared state and its simpler facade objects (borders, validation, page setup, document
// properties): every property read or write and method call counts one bridge call. See etDouble.ts.
import type { EtBorder, EtDocumentProperty } from '../../../src/wps/et';
import { EtProtectedError, defaultFormat, key, position } from './etModel';
import type { BorderModel, CellModel, Rect, SheetModel } from './etModel';

export interface EtDoubleOptions {
  sheets?: string[];
  /**
   * Which border indices a conditional format's Borders.Item accepts: Microsoft documents xlLeft/xlTop/…
   * (FormatCondition.Borders), a WPS example uses xlEdgeLeft/…; the adapter must work with either.
   */
  formatBorderIndices?: 'sides' | 'edges';
  /** No Application.ApiEvent (some builds): the adapter polls instead of listening. */
  noApiEvent?: boolean;
  /** `Value2` of a one-row range as a flat array, as some builds hand it back (pi-for-excel's notes). */
  flatSingleRow?: boolean;
}

export type Listener = (...args: unknown[]) => void;

export interface Bridge {
  calls: number;
}

export class State {
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

export const writable = (sheet: SheetModel): void => {
  if (sheet.protected) throw new EtProtectedError(sheet.name);
};

export function cellOf(sheet: SheetModel, r: number, c: number): CellModel {
  let cell = sheet.cells.get(key(r, c));
  if (!cell) {
    cell = { value: null, format: defaultFormat() };
    sheet.cells.set(key(r, c), cell);
  }
  return cell;
}

export function cellsOf(sheet: SheetModel, rect: Rect): CellModel[] {
  const last = rect.c2 > 1000 ? Math.max(0, ...[...sheet.cells.keys()].map((k) => position(k).c)) : rect.c2;
  const out: CellModel[] = [];
  for (let r = rect.r1; r <= rect.r2; r++) for (let c = rect.c1; c <= last; c++) out.push(cellOf(sheet, r, c));
  return out;
}

export const intersects = (a: Rect, b: Rect): boolean => a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;

export class DBorder implements EtBorder {
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

export class DBorders {
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

export class DValidation {
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
export function cellProperty<T>(state: State, sheet: SheetModel, rect: Rect, get: (c: CellModel) => T, set: (c: CellModel, v: unknown) => void) {
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

export class DPageSetup {
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

export function documentProperties(state: State) {
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
