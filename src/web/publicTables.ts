// 公开样表 in the pane (issue #22): the published tables of test/fixtures/real (libraries/公开样表.json, written
// by scripts/public-library.ts), each naming its issuer and year. Its own chunk, imported by lazyPublicTables
// when the 建议 tab first opens: the pane's first paint does not carry it. Suggestions only: the check's
// `library` (what a sheet is compared against) never holds it, only its `suggestLibrary`.
import tables from '../../libraries/公开样表.json';
import { mergeLibraries } from '../core/library';
import { TemplateLibrarySchema } from '../core/model';
import type { TemplateLibrary } from '../core/model';

const published: TemplateLibrary = TemplateLibrarySchema.parse(tables);

// One merged library per state of the unit's libraries: the suggestion index is built once for each.
const merged = new WeakMap<TemplateLibrary, TemplateLibrary>();

/** What suggestions are drawn from: the published tables after the unit's own (seed and 模板库). */
export function withPublicTables(library: TemplateLibrary): TemplateLibrary {
  let both = merged.get(library);
  if (!both) {
    both = mergeLibraries([library, published]);
    merged.set(library, both);
  }
  return both;
}
