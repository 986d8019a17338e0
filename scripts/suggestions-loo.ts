// `npx tsx scripts/suggestions-loo.ts`: leave-one-out over the published tables (libraries/公开样表.json): each
// table's 项目名称 and 绩效目标 on a blank form, the seed and the other published tables as the library. Prints
// each table's top 5 suggestions (best first, all dimensions) beside its own 三级 names, for hand-checking in
// docs/suggestions.md, and the score of each (where the floor goes); `--floor X` runs it at another floor.
// test/core/suggestLoo.test.ts runs the same and holds the hand-checked verdicts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundledLibrary } from '../src/cli/seeds';
import { detectFrameworkOfRows, FRAMEWORKS } from '../src/core/frameworks';
import { mergeLibraries } from '../src/core/library';
import { TemplateLibrarySchema } from '../src/core/model';
import type { LibraryTable, Suggestion } from '../src/core/model';
import { suggestIndicators } from '../src/core/suggest';

export const TOP = 5;

export interface LeftOut {
  table: LibraryTable;
  /** The top suggestions over all dimensions, best first. */
  shown: Suggestion[];
}

/** Each published table with 绩效目标 text, and what it is offered with the others and the seed as the library. */
export function leaveOneOut(minScore?: number): LeftOut[] {
  const published = TemplateLibrarySchema.parse(JSON.parse(readFileSync(join(__dirname, '..', 'libraries', '公开样表.json'), 'utf8')));
  const seed = loadBundledLibrary();
  return published.tables
    .filter((table) => table.goals.trim() !== '')
    .map((table) => {
      const library = mergeLibraries([seed, { tables: published.tables.filter((t) => t !== table), notes: [] }]);
      const framework = FRAMEWORKS[detectFrameworkOfRows(table.indicators)];
      const shown = suggestIndicators(library, table, { framework, limit: TOP, ...(minScore === undefined ? {} : { minScore }) })
        .flatMap((group) => group.suggestions)
        .sort((a, b) => b.score - a.score)
        .slice(0, TOP);
      return { table, shown };
    });
}

if (require.main === module) {
  /** `--floor 0.05`: the same run at another floor (docs/suggestions.md shows why the default is where it is). */
  const floorAt = process.argv.indexOf('--floor');
  for (const { table, shown } of leaveOneOut(floorAt >= 0 ? Number(process.argv[floorAt + 1]) : undefined)) {
    console.log(`\n## ${table.number}. ${table.projectName} — ${table.source}`);
    console.log(`own: ${table.indicators.map((row) => row.level3).filter(Boolean).join('、')}`);
    for (const s of shown) console.log(`- ${s.score.toFixed(3)} ${s.level2}「${s.level3}」 ${s.reason}`);
    if (shown.length === 0) console.log('- (nothing above the floor)');
  }
}
