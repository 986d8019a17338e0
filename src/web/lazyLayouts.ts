// The unit's layout shelf, opened on first use (its code is a lazy chunk): the pane's first paint stays
// within budget, and a check waits for it only when it starts.
import type { KeyValueStore } from './libraryStore';
import type { LayoutShelf } from './layoutShelf';

export function lazyLayoutShelf(store: KeyValueStore | null): () => Promise<LayoutShelf> {
  let opening: Promise<LayoutShelf> | null = null;
  return () => (opening ??= import(/* webpackChunkName: "layouts" */ './layoutShelf').then(({ LayoutShelf }) => LayoutShelf.open(store)));
}
