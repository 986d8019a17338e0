// Issue #22: on a sheet with grids side by side (中长期 | 年度, or one value column per region), a row a fix
// inserts runs through every grid: it used to be named in one grid's columns only (the 中期 ones), leaving the
// other grid an empty row. Each grid now gets the row's names and its value cell to fill. And a fix (or a
// suggestion's insert) that would write into a cell a merged range hides is not offered (mergeGuard).
import type { IndicatorRow } from '../../../src/core/model';
import { readSheetTables } from '../../../src/core/sheet/reader';
import type { CellGrid, CellValue } from '../../../src/core/sheet/types';
import { loadBundledLibrary } from '../../../src/cli/seeds';
import { seedTable } from '../../support/seed';
import { applyAndRecheck, issuesOf, only, textAt } from './support';

const table = seedTable(1);
const OVERALL = ['≥39个', '≥21个', '≥6项', '≥6次', '≥3次', '≥15个', '≥95%', '3年', '≤873.6万元', '≤2.4万元', '保障', '≥90%'];

/**
 * Seed table 1 (数字化运维项目) on a multi-year form: its 三年 targets in A–D, its annual ones in F–I, row for row,
 * without the rows `drop` names (二级).
 */
function sideBySide(drop: (row: IndicatorRow) => boolean): CellGrid {
  const rows = table.indicators.flatMap((row, i) => (drop(row) ? [] : [[row.level1, row.level2, row.level3, OVERALL[i], null, row.level1, row.level2, row.level3, row.value]]));
  const values: CellValue[][] = [
    ['项目名称', table.projectName],
    ['项目总金额（万元）', 876],
    ['预算数（万元）', table.budget.total],
    ['中长期目标', '三年内保障数字化系统正常运行', null, null, null, '年度目标', table.goals],
    ['中长期指标', null, null, null, null, '年度指标'],
    ['一级指标', '二级指标', '三级指标', '指标值', null, '一级指标', '二级指标', '三级指标', '指标值'],
    ...rows,
    ['填报人：', null, null, null, null, '联系电话：'],
  ];
  return { sheetName: '数字化运维', top: 0, left: 0, values, merges: [] };
}

// No library: the dimension fix inserts the framework's standard row (三级 left for the clerk).
const options = {};

test('a missing 满意度 on both grids: one row, named in both, both value cells to fill, and nothing else raised', () => {
  const grid = sideBySide((row) => row.level1 === '满意度指标');
  const before = issuesOf(grid, options);
  expect(before.filter((i) => i.code === 'missing-dimension').map((i) => i.message)).toEqual([
    expect.stringContaining('年度目标的指标中没有'),
    expect.stringContaining('总体目标的指标中没有'),
  ]);
  const issue = only(before, 'missing-dimension', '年度目标');
  const trip = applyAndRecheck(grid, before, issue, options);
  const newRow = 6 + table.indicators.length; // 1-based: the header is row 6, 满意度 was the last row
  expect([textAt(trip.fixed, `A${newRow}`), textAt(trip.fixed, `B${newRow}`), textAt(trip.fixed, `F${newRow}`), textAt(trip.fixed, `G${newRow}`)]).toEqual([
    '满意度指标', '服务对象满意度指标', '满意度指标', '服务对象满意度指标',
  ]);
  // The 三级 is the clerk's to name, in each grid; every value column of the row is selected to fill.
  expect(issue.fix!.select).toEqual(expect.arrayContaining([`H${newRow}`, `I${newRow}`, `C${newRow}`, `D${newRow}`]));
  // Both grids' missing 满意度 are cleared by the one row; what is left is what the clerk must fill.
  expect(trip.after.filter((i) => i.code === 'missing-dimension')).toEqual([]);
  expect(new Set(trip.added.map((i) => i.code))).toEqual(new Set(['missing-value']));
  expect(trip.added.flatMap((i) => i.cells).sort()).toEqual([`C${newRow}`, `H${newRow}`]);
});

test('a library row for the annual grid: named in both grids, its annual target written, the 中期 target left to fill', () => {
  const grid = sideBySide((row) => row.level1 === '满意度指标');
  const library = loadBundledLibrary();
  const before = issuesOf(grid, { library });
  const issue = only(before, 'template-missing-indicator', '使用人员满意度');
  const trip = applyAndRecheck(grid, before, issue, { library });
  const newRow = 6 + table.indicators.length;
  expect([`C${newRow}`, `D${newRow}`, `H${newRow}`, `I${newRow}`].map((cell) => textAt(trip.fixed, cell))).toEqual(['使用人员满意度', '', '使用人员满意度', '≥90%']);
  expect(issue.fix!.select).toEqual([`D${newRow}`]);
  expect(trip.after.filter((i) => i.code === 'missing-dimension' || i.code === 'template-missing-indicator')).toEqual([]);
  expect(trip.added.map((i) => [i.code, i.cells])).toEqual([['missing-value', [`D${newRow}`]]]);
});

test('a 二级 missing mid-grid goes under its own 一级 in both grids, not below the last row', () => {
  const grid = sideBySide((row) => row.level2 === '时效指标');
  const before = issuesOf(grid, options);
  const issue = only(before, 'missing-dimension', '年度目标');
  const insert = issue.fix!.steps[0];
  // Under the last 产出 row (sheet row 15), amid both grids (效益 follows): neither is cut, the row runs through both.
  expect(insert).toMatchObject({ kind: 'insertRows', before: 16 });
  const trip = applyAndRecheck(grid, before, issue, options);
  expect([textAt(trip.fixed, 'B16'), textAt(trip.fixed, 'G16')]).toEqual(['时效指标', '时效指标']);
  expect(trip.after.filter((i) => i.code === 'missing-dimension')).toEqual([]);
  expect(new Set(trip.added.map((i) => i.code))).toEqual(new Set(['missing-value']));
  // The clerk names the indicator in each grid (an empty 三级 is what is reported until then).
  expect(trip.added.flatMap((i) => i.cells).sort()).toEqual(['C16', 'H16']);
});

test('per-region value columns: an inserted row leaves every region its value cell to fill', () => {
  const rows = table.indicators.filter((row) => row.level1 !== '满意度指标').map((row) => [row.level1, row.level2, row.level3, row.value, row.value, row.value]);
  const grid: CellGrid = {
    sheetName: '数字化运维',
    top: 0,
    left: 0,
    values: [
      ['项目名称', table.projectName],
      ['预算数（万元）', table.budget.total],
      ['绩效目标', table.goals],
      ['一级指标', '二级指标', '三级指标', '区域目标值', null, null],
      [null, null, null, '甲县', '乙县', '丙区'],
      ...rows,
    ],
    merges: ['D4:F4'],
  };
  const before = issuesOf(grid, options);
  const issue = before.find((i) => i.code === 'missing-dimension' && i.fix)!;
  const newRow = 5 + rows.length + 1;
  expect(issue.fix!.select).toEqual(expect.arrayContaining([`D${newRow}`, `E${newRow}`, `F${newRow}`]));
  const trip = applyAndRecheck(grid, before, issue, options);
  expect(trip.after.filter((i) => i.code === 'missing-dimension')).toEqual([]);
  // Each region's grid has the new row, its 三级 (shared) still to name.
  expect(trip.added.map((i) => i.message.slice(0, 2))).toEqual(['甲县', '乙县', '丙区']);
  expect(new Set(trip.added.map((i) => i.code))).toEqual(new Set(['missing-value']));
});

test('one grid with 中期指标值 | 年度指标值: each period is read and checked, and a new row leaves both targets to fill', () => {
  const rows = table.indicators.filter((row) => row.level1 !== '满意度指标').map((row, i) => [row.level1, row.level2, row.level3, OVERALL[i], row.value]);
  const grid: CellGrid = {
    sheetName: '数字化运维',
    top: 0,
    left: 0,
    values: [['项目名称', table.projectName], ['预算数（万元）', table.budget.total], ['绩效目标', table.goals], ['一级指标', '二级指标', '三级指标', '中期指标值', '年度指标值'], ...rows],
    merges: [],
  };
  // The 中期 column used to be skipped: its targets were never read, and fixes filled the 年度 one only.
  const [sheet] = readSheetTables(grid).tables;
  expect(sheet.grids.map((g) => [g.scope, g.rows[0].refs.value, g.rows[0].row.value])).toEqual([
    ['annual', 'E5', '≥13个'],
    ['overall', 'D5', '≥39个'],
  ]);
  const before = issuesOf(grid, options);
  const issue = only(before, 'missing-dimension', '年度目标');
  const newRow = 4 + rows.length + 1;
  expect(issue.fix!.select).toEqual(expect.arrayContaining([`C${newRow}`, `D${newRow}`, `E${newRow}`]));
  const trip = applyAndRecheck(grid, before, issue, options);
  expect(trip.after.filter((i) => i.code === 'missing-dimension')).toEqual([]);
  expect(new Set(trip.added.map((i) => i.code))).toEqual(new Set(['missing-value']));
});
