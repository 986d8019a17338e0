// The Excel double's conditional formats: the collection, a format, and its custom rule.
import { DoubleOfficeError, intersects, requireUnprotected } from './model';
import type { ConditionalFormatState, SheetState } from './model';
import { DoubleRequestContext } from './context';
import { BorderProxy, borderItem } from './formats';
import { CollectionProxy, LoadSpec, ProxyBase, ScalarHolder, writeOnly } from './proxyBase';
import { RangeProxy } from './range';
import { WorksheetProxy } from './workbook';

export class ConditionalFormatCollectionProxy extends CollectionProxy<ConditionalFormatProxy> {
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

export class ConditionalFormatProxy extends ProxyBase {
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
export class CustomConditionalFormatProxy extends ProxyBase {
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
    const write = (apply: (cf: ConditionalFormatState) => void, payload?: unknown): void =>
      context.enqueue(() => {
        requireUnprotected(owner.sheet(), 'CustomConditionalFormat');
        const cf = customState();
        apply(cf);
        context.noteFormatWrite(owner.sheet().id, cf.rect);
      }, payload);
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
        }, formula);
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
