// Issue #22: one fix wrote into a cell hidden inside a merged range. A fix is now offered only when every cell it
// writes shows, on the sheet as it stands at that step (inserted rows carry their model row's merges).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundledLibrary } from '../../../src/cli/seeds';
import { checkGridTables, type CheckOptions } from '../../../src/core/check';
import { hiddenWrite, visibleFix } from '../../../src/core/fixes/mergeGuard';
import { mergeLibraries } from '../../../src/core/library';
import { TemplateLibrarySchema, type Fix } from '../../../src/core/model';
import type { CellGrid, CellValue } from '../../../src/core/sheet/types';
import { readWorkbookGrids } from '../../../src/xlsx';
import { seedTable } from '../../support/seed';

const grid: CellGrid = { sheetName: 'S', top: 0, left: 0, values: [], merges: ['A5:C5', 'C10:D10'] };
const fix = (steps: Fix['steps']): Fix => ({ description: '', steps, select: [] });

test('a write into a merged range shows only at its top-left cell', () => {
  expect(hiddenWrite(grid, fix([{ kind: 'setCell', cell: 'A5', value: 1 }]))).toBeNull();
  expect(hiddenWrite(grid, fix([{ kind: 'setCell', cell: 'B5', value: 1 }]))).toEqual({ cell: 'B5', merge: 'A5:C5' });
});

test('an inserted row carries its model row\'s single-row merges; rows below move with their merges', () => {
  const inserted = fix([{ kind: 'insertRows', before: 11, count: 1, formatFrom: 10 }, { kind: 'setCell', cell: 'D11', value: 'x' }]);
  expect(hiddenWrite(grid, inserted)).toEqual({ cell: 'D11', merge: 'C11:D11' });
  expect(hiddenWrite(grid, fix([{ kind: 'insertRows', before: 1, count: 1, formatFrom: 1 }, { kind: 'setCell', cell: 'B5', value: 1 }]))).toBeNull();
  expect(hiddenWrite(grid, fix([{ kind: 'insertRows', before: 1, count: 1, formatFrom: 1 }, { kind: 'setCell', cell: 'B6', value: 1 }]))).toEqual({ cell: 'B6', merge: 'A6:C6' });
});

test('visibleFix (what the engine applies to every issue\'s fix and choices) keeps only fixes that show', () => {
  const shows = fix([{ kind: 'setCell', cell: 'A5', value: 1 }]);
  expect(visibleFix(grid, shows)).toBe(shows);
  expect(visibleFix(grid, fix([{ kind: 'setCell', cell: 'C5', value: 1 }]))).toBeUndefined();
  expect(visibleFix(grid, undefined)).toBeUndefined();
  // The grid itself is never written by the check.
  expect(grid.values).toEqual([]);
});

// End to end, as the pane and the CLI get them: every fix an issue offers and every suggestion's insert.
describe('what the check offers never writes into a hidden cell', () => {
  const seed = loadBundledLibrary();
  const offered = (grid: CellGrid, options: CheckOptions) =>
    checkGridTables(grid, { ...options, suggest: true }).flatMap((report) => [
      ...report.issues.flatMap((issue) => [issue.fix, ...(issue.choices ?? [])]),
      ...[...(report.suggestions?.groups ?? []), ...(report.suggestions?.clauses ?? [])].flatMap((group) => group.suggestions.map((s) => s.fix)),
    ]).filter((f): f is Fix => f !== undefined);

  test('a suggestion whose 指标解释 would land in a merged column is listed without an insert', () => {
    // Seed table 1 without its 质量指标, on a form whose 指标解释 column is one cell merged down the grid: the
    // seed's 质量 row brings a description, which would vanish under the merge.
    const table = seedTable(1);
    const rows = table.indicators.filter((r) => r.level2 !== '质量指标').map((r, i) => [r.level1, r.level2, r.level3, i === 0 ? '运维情况' : null, r.value]);
    const values: CellValue[][] = [['项目名称', '数字化系统运维'], ['预算数（万元）', table.budget.total], ['绩效目标', table.goals], ['一级指标', '二级指标', '三级指标', '指标解释', '指标值'], ...rows];
    const merged: CellGrid = { sheetName: 'S', top: 0, left: 0, values, merges: [`D5:D${values.length}`] };
    // The seed suggests; nothing is its template (another project's name).
    const [report] = checkGridTables(merged, { library: { tables: [], notes: [] }, suggestLibrary: seed, suggest: true });
    const quality = report.suggestions!.groups.find((g) => g.level2 === '质量指标')!.suggestions[0];
    expect([quality.level3, quality.description !== '', quality.fix]).toEqual(['运维服务验收通过率', true, undefined]);
    // The missing 质量指标 itself is still fixed: its row writes names only, which show.
    expect(report.issues.find((i) => i.code === 'missing-dimension')?.fix).toBeDefined();
    for (const fix of offered(merged, { library: { tables: [], notes: [] }, suggestLibrary: seed })) expect(hiddenWrite(merged, fix)).toBeNull();
  });

  test('on every sheet of the published tables (defects injected included), with the seed and 公开样表 suggesting', () => {
    const dir = join(__dirname, '..', '..', 'fixtures', 'real');
    const published = TemplateLibrarySchema.parse(JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'libraries', '公开样表.json'), 'utf8')));
    let fixes = 0;
    let withMerges = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.xlsx'))) {
      for (const { sheetName, top, left, values, merges } of readWorkbookGrids(readFileSync(join(dir, file)))) {
        const grid: CellGrid = { sheetName, top, left, values, merges };
        const all = offered(grid, { library: seed, suggestLibrary: mergeLibraries([seed, published]) });
        fixes += all.length;
        if (merges.length > 0) withMerges += all.length;
        for (const fix of all) expect({ file, sheetName, fix: fix.description, hidden: hiddenWrite(grid, fix) }).toEqual({ file, sheetName, fix: fix.description, hidden: null });
      }
    }
    // Enough fixes on merged sheets for the property to mean something.
    expect(withMerges).toBeGreaterThan(20);
    expect(fixes).toBeGreaterThanOrEqual(withMerges);
  });
});
