// 公开样表 loaded on demand (src/web/publicTables.ts is its own chunk): until the 建议 tab opens, suggestions
// come from the unit's libraries alone and the pane's first paint stays within its budget.
import type { TemplateLibrary } from '../core/model';

type PublicTables = typeof import('./publicTables');

export interface LazyPublicTables {
  /** Loads the published tables once; true the first time they arrive (the sheets' suggestions are then stale). */
  load(): Promise<boolean>;
  /** What suggestions are drawn from for `library`: with the published tables once loaded, else undefined (the library). */
  suggestLibrary(library: TemplateLibrary): TemplateLibrary | undefined;
}

export function lazyPublicTables(importModule: () => Promise<PublicTables> = () => import(/* webpackChunkName: "public-tables" */ './publicTables')): LazyPublicTables {
  let module: PublicTables | null = null;
  let pending: Promise<PublicTables> | null = null;
  return {
    async load() {
      if (module) return false;
      pending ??= importModule();
      try {
        const loaded = await pending;
        if (module) return false;
        module = loaded;
        return true;
      } catch (error) {
        // A chunk that failed to arrive (the network) is asked for again next time.
        pending = null;
        throw error;
      }
    },
    suggestLibrary: (library) => module?.withPublicTables(library),
  };
}
