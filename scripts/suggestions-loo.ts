// `npx tsx scripts/suggestions-loo.ts`: leave-one-out over the published tables (libraries/公开样表.json): each
// table's 项目名称 and 绩效目标 on a blank form, the seed and the other published tables as the library. Prints
// each table's top 5 suggestions (best first, all dimensions) beside its own 三级 names, for hand-checking in
// docs/suggestions.md, and the score of each (where the floor goes); `--floor X` runs it at another floor.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundledLibrary } from '../src/cli/seeds';
import { detectFrameworkOfRows, FRAMEWORKS } from '../src/core/frameworks';
import { mergeLibraries } from '../src/core/library';
import { TemplateLibrarySchema } from '../src/core/model';
import { suggestIndicators } from '../src/core/suggest';

const published = TemplateLibrarySchema.parse(JSON.parse(readFileSync(join(__dirname, '..', 'libraries', '公开样表.json'), 'utf8')));
const seed = loadBundledLibrary();
const TOP = 5;
/** `--floor 0.05`: the same run at another floor (docs/suggestions.md shows why the default is where it is). */
const floorAt = process.argv.indexOf('--floor');
const minScore = floorAt >= 0 ? Number(process.argv[floorAt + 1]) : undefined;

for (const table of published.tables) {
  if (!table.goals.trim()) continue;
  const library = mergeLibraries([seed, { tables: published.tables.filter((t) => t !== table), notes: [] }]);
  const framework = FRAMEWORKS[detectFrameworkOfRows(table.indicators)];
  const ranked = suggestIndicators(library, table, { framework, limit: TOP, ...(minScore === undefined ? {} : { minScore }) })
    .flatMap((group) => group.suggestions)
    .sort((a, b) => b.score - a.score)
    .slice(0, TOP);
  console.log(`\n## ${table.number}. ${table.projectName} — ${table.source}`);
  console.log(`own: ${table.indicators.map((row) => row.level3).filter(Boolean).join('、')}`);
  for (const s of ranked) console.log(`- ${s.score.toFixed(3)} ${s.level2}「${s.level3}」 ${s.reason}`);
  if (ranked.length === 0) console.log('- (nothing above the floor)');
}
