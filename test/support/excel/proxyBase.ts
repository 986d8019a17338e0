// The Excel double's proxy base: Office's load/sync semantics (a property read before it was loaded and
// synced throws) shared by every proxy, and the small helpers (write-only sub-objects, computed scalars).
import { DoubleOfficeError } from './model';
import { DoubleRequestContext, Op } from './context';

export type LoadSpec = string | string[] | { select?: string | string[] } | undefined;

export function loadPaths(spec: LoadSpec, all: string[]): string[] {
  if (spec === undefined) return all;
  if (typeof spec === 'string') return spec.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((s) => loadPaths(s, all));
  return spec.select ? loadPaths(spec.select, all) : all;
}

export abstract class ProxyBase {
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

  protected later(op: Op, payload?: unknown): void {
    this.context.enqueue(() => {
      if (this.nullState === true) throw new DoubleOfficeError('InvalidOperation', '不能操作空对象');
      op();
    }, payload);
  }
}

/** A collection: one load builds its items once and loads every requested path on each. */
export abstract class CollectionProxy<T extends ProxyBase> extends ProxyBase {
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

/**
 * A format sub-object (fill, font, a border) whose properties the double only lets the add-in set:
 * reading one throws PropertyNotLoaded, as Office does for a property never loaded.
 */
export function writeOnly<T extends object>(what: string, setters: { [K in keyof T]: (value: T[K]) => void }): T {
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

/** A proxy whose loadable properties are computed by a function (used for small sub-objects). */
export class ScalarHolder extends ProxyBase {
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
