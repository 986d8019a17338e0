// Speed of indicator suggestions: ranking the library for a new project (what each check of a blank form
// pays once its name and goals are typed), over the bundled library and over ten copies of it.
import type { BenchFigure } from '../bench';
import { medianMs } from '../timing';
import { FRAMEWORKS } from '../../src/core/frameworks';
import type { TemplateLibrary } from '../../src/core/model';
import { suggestForClause, suggestIndicators } from '../../src/core/suggest';
import { loadBundledLibrary } from '../../src/cli/seeds';

/** The library's tables `times` over, each copy its own document, so nothing merges across copies by source. */
function repeated(library: TemplateLibrary, times: number): TemplateLibrary {
  return {
    tables: Array.from({ length: times }, (_, copy) => library.tables.map((table) => ({ ...table, source: `copy${copy}-${table.source}` }))).flat(),
    notes: [],
  };
}

export default async (): Promise<BenchFigure[]> => {
  const library = loadBundledLibrary();
  const big = repeated(library, 10);
  const rows = (l: TemplateLibrary) => l.tables.reduce((n, t) => n + t.indicators.length, 0);
  const project = { projectName: '公共法律服务热线运维', goals: '1.保障12348热线系统正常运行。\n2.提升群众法律咨询满意率，减少投诉。' };
  const options = { framework: FRAMEWORKS.seed };
  const clause = '加强网络舆情监测，及时处置网络舆情';
  const figures: BenchFigure[] = [];
  for (const [label, lib] of [['library', library], ['library ×10', big]] as const) {
    // A fresh library object each run: the index is built again (what the first check of a session pays).
    const cold = await medianMs(20, () => suggestIndicators({ ...lib }, project, options));
    figures.push({ name: `suggest, ${label} (${rows(lib)} rows), index built`, value: cold, unit: 'ms' });
    figures.push({ name: `suggest, ${label}, index cached`, value: await medianMs(50, () => suggestIndicators(lib, project, options)), unit: 'ms' });
    figures.push({ name: `suggest for one goal clause, ${label}, index cached`, value: await medianMs(50, () => suggestForClause(lib, clause, options)), unit: 'ms' });
  }
  return figures;
};
