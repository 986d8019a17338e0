// Fourth-round blind forms (test/core/blindForms4.ts), how tables sit in sheets and workbooks: what a reviewer
// reads from each (tables, names, budgets, rows) and the verdict, written before jixiao was run on them.
import { checkGridTables, checkGrids } from '../../src/core/check';
import { readSheetTables } from '../../src/core/sheet/reader';
import { isContinuationMark } from '../../src/core/sheet/gridsGoOn';
import { headOnlyProjectName } from '../../src/core/sheet/diagnose';
import { BLIND_FORMS_4, CONTENTS_WORKBOOK, COVER_TITLED_WORKBOOK, COVER_WORKBOOK, FLYZ, NOTES_WORKBOOK, PFXC, PTYW, RMTJ, SQJZ } from './blindForms4';
import type { CellGrid, SheetTable } from '../../src/core/sheet/types';

/** A table as a reviewer sums it up: its name, total, grids, the 三级 names of its annual grid. */
const summary = (t: SheetTable) => ({ name: t.table.projectName, total: t.table.budget.total, grids: t.grids.length, names: t.grids[0].rows.map(({ row }) => row.level3) });
const codesOf = (g: CellGrid) => checkGridTables(g).map((r) => [r.projectName, [...new Set(r.issues.map((i) => i.code))].sort()]);

/** The 三级 names of a project of the forms' pool, in grid order. */
const namesOf = (p: typeof SQJZ) => [p.count[0], p.quality[0], '任务完成时间', p.cost[0], p.benefit[0], p.satisfaction];
const plain = (p: typeof SQJZ, name = p.name) => ({ name, total: p.total, grids: 1, names: namesOf(p) });

describe('project tables stacked down one sheet', () => {
  test.each([
    ['stack2gap1', [SQJZ, RMTJ]],
    ['stack3gap0', [SQJZ, RMTJ, FLYZ]],
    ['stack5mixed', [SQJZ, RMTJ, FLYZ, PFXC, PTYW]],
    ['stack2noHeadRow', [SQJZ, RMTJ]],
    ['stackSignatures', [SQJZ, RMTJ]],
  ] as const)('%s: each table read on its own, with its own head and rows, and none flagged', (form, projects) => {
    const read = readSheetTables(BLIND_FORMS_4[form]);
    expect(read.tables.map(summary)).toEqual(projects.map((p) => plain(p)));
    expect(codesOf(BLIND_FORMS_4[form])).toEqual(projects.map((p) => [p.name, []]));
  });

  test('each table keeps the money unit of its own 单位 line', () => {
    const tables = readSheetTables(BLIND_FORMS_4.stackUnits).tables;
    expect(tables.map((t) => [t.table.projectName, t.table.unit, t.table.budget.total])).toEqual([
      ['社区矫正', '万元', 20],
      ['人民调解', '元', 150000],
    ]);
    expect(codesOf(BLIND_FORMS_4.stackUnits)).toEqual([['社区矫正', []], ['人民调解', []]]);
  });

  test('tables named only in their titles are two tables, each named by its title', () => {
    const tables = readSheetTables(BLIND_FORMS_4.stackTitleNames).tables;
    expect(tables.map(summary)).toEqual([plain(SQJZ, '社区矫正项目'), plain(RMTJ, '人民调解项目')]);
    expect(codesOf(BLIND_FORMS_4.stackTitleNames)).toEqual([['社区矫正项目', []], ['人民调解项目', []]]);
  });

  test('a multi-year table keeps its 总体 and 年度 grids; the table under it is another', () => {
    const tables = readSheetTables(BLIND_FORMS_4.stackOverallAnnual).tables;
    expect(tables.map((t) => [t.table.projectName, t.table.budget.total, t.grids.map((grid) => [grid.scope, grid.rows.length])])).toEqual([
      ['智慧司法平台建设', 300, [['annual', 6], ['overall', 3]]],
      ['人民调解', 15, [['annual', 6]]],
    ]);
    expect(tables[0].table.goals).toBe('2025年建成2个业务系统。');
    // Written expecting none at first; the form's own 总体 grid does lack 效益, 时效 and 成本, and its 总体目标 names
    // nothing an indicator measures: real gaps, reported on the 总体 grid only, not misreads.
    expect(codesOf(BLIND_FORMS_4.stackOverallAnnual)).toEqual([['智慧司法平台建设', ['goal-without-indicator', 'missing-dimension']], ['人民调解', []]]);
    const messages = checkGridTables(BLIND_FORMS_4.stackOverallAnnual)[0].issues.map((i) => i.message);
    expect(messages.every((m) => m.includes('总体目标'))).toBe(true);
  });
});

describe('a 部门整体 table over project tables', () => {
  test('the tasks block is no indicator; the 整体 table and each project are read apart', () => {
    const tables = readSheetTables(BLIND_FORMS_4.wholeThenProjects).tables;
    expect(tables.map((t) => [t.table.projectName, t.table.budget.total, t.grids.length, t.grids[0].rows.length])).toEqual([
      ['某县农业农村局', 1500, 1, 6],
      ['高标准农田建设', 1000, 1, 6],
      ['动物疫病防控', 200, 1, 6],
    ]);
    expect(tables[0].grids[0].rows.map(({ row }) => row.level1)).toEqual(['产出指标', '产出指标', '产出指标', '产出指标', '效益指标', '满意度指标']);
    // The one hint is the goal rule's word match (建设高标准农田 vs 建设面积 share one term), its documented
    // heuristic at info level, not a misread: expected none when written.
    expect(codesOf(BLIND_FORMS_4.wholeThenProjects)).toEqual([['某县农业农村局', []], ['高标准农田建设', ['goal-without-indicator']], ['动物疫病防控', []]]);
  });
});

describe('a project list that is no 绩效目标表', () => {
  test('a 部门预算 list (项目名称 | 金额 | 绩效目标) is no table: no report, nothing flagged', () => {
    expect(checkGridTables(BLIND_FORMS_4.budgetListPlain)).toEqual([]);
  });

  test('the same list titled 绩效目标表 is reported unreadable, never clean and never flagged row by row', () => {
    expect(codesOf(BLIND_FORMS_4.budgetListTitled)).toEqual([['', ['unreadable-layout']]]);
  });
});

describe('workbooks', () => {
  test('a 目录 sheet is no table; each table sheet is read', () => {
    const reports = checkGrids(CONTENTS_WORKBOOK);
    expect(reports.map((r) => [r.sheet, r.projectName, r.issues.map((i) => i.code)])).toEqual([
      ['表1', '社区矫正', []],
      ['表2', '人民调解', []],
      ['表3', '法律援助', []],
    ]);
  });

  test('a 填报说明 sheet explaining the dimensions is no table and no unreadable one', () => {
    const reports = checkGrids(NOTES_WORKBOOK);
    expect(reports.map((r) => [r.sheet, r.projectName, r.issues.map((i) => i.code)])).toEqual([['项目表', '社区矫正', []]]);
  });
});

describe('a grid continued on a 续表', () => {
  test.each(['continuedRight', 'continuedBelow', 'continuedRightSameRow', 'continuedBelowNoHead'])('%s: one table, one annual grid of all its rows', (form) => {
    const tables = readSheetTables(BLIND_FORMS_4[form]).tables;
    expect(tables.map(summary)).toEqual([plain(SQJZ)]);
    expect(codesOf(BLIND_FORMS_4[form])).toEqual([['社区矫正', []]]);
  });
});

describe('where a table sits', () => {
  test('far down and right: read there, at its own addresses', () => {
    const tables = readSheetTables(BLIND_FORMS_4.farDownRight).tables;
    expect(tables.map(summary)).toEqual([plain(FLYZ)]);
    expect(tables[0].refs).toMatchObject({ projectName: 'I28', budgetTotal: 'I29', goals: 'I30' });
    expect(codesOf(BLIND_FORMS_4.farDownRight)).toEqual([['法律援助', []]]);
  });

  test('signature and 填报说明 blocks under the grid add no indicator', () => {
    const tables = readSheetTables(BLIND_FORMS_4.signatureAndNotes).tables;
    expect(tables.map(summary)).toEqual([plain(PFXC)]);
    expect(codesOf(BLIND_FORMS_4.signatureAndNotes)).toEqual([['普法宣传', []]]);
  });
});

describe('second batch, written after the first fixes and before running jixiao on it', () => {
  test('four tables in a 2×2 layout: read in reading order, each from its own block', () => {
    const tables = readSheetTables(BLIND_FORMS_4.grid2x2).tables;
    expect(tables.map((t) => ({ ...summary(t), fiscal: t.table.budget.fiscal }))).toEqual([SQJZ, RMTJ, FLYZ, PFXC].map((p) => ({ ...plain(p), fiscal: p.total })));
    expect(checkGridTables(BLIND_FORMS_4.grid2x2).map((r) => r.projectName)).toEqual(['社区矫正', '人民调解', '法律援助', '普法宣传']);
  });

  test('merged 一级 cells and a second table with no header row: two tables, 一级 carried down each', () => {
    const tables = readSheetTables(BLIND_FORMS_4.stackMergedNoHead).tables;
    expect(tables.map(summary)).toEqual([plain(SQJZ), plain(RMTJ)]);
    expect(tables[1].grids[0].rows.map(({ row }) => row.level1)).toEqual(['产出指标', '产出指标', '产出指标', '产出指标', '效益指标', '满意度指标']);
    expect(codesOf(BLIND_FORMS_4.stackMergedNoHead)).toEqual([['社区矫正', []], ['人民调解', []]]);
  });

  test.each([
    ['申报表', COVER_WORKBOOK],
    ['绩效目标表', COVER_TITLED_WORKBOOK],
  ])('a 封面 titled %s naming the project of a table read on another sheet is no unreadable table', (_title, workbook) => {
    const reports = checkGrids(workbook);
    expect(reports.map((r) => [r.sheet, r.projectName, r.issues.map((i) => i.code)])).toEqual([['绩效目标表', '社区矫正', []]]);
  });
});

describe('how the fixes stay general', () => {
  test('a 封面 whose project no sheet holds is a table cut off: still unreadable', () => {
    const [cover] = COVER_TITLED_WORKBOOK;
    const other = { ...COVER_TITLED_WORKBOOK[1], values: COVER_TITLED_WORKBOOK[1].values.map((line) => (line[1] === '社区矫正' ? ['项目名称', '人民调解'] : line)) };
    expect(checkGrids([cover, other]).map((r) => [r.sheet, r.projectName, r.issues.map((i) => i.code)])).toEqual([
      ['封面', '', ['unreadable-layout']],
      ['绩效目标表', '人民调解', []],
    ]);
  });

  test('the project a head with no grid names: a name beside its label, never a list\'s first row', () => {
    expect(headOnlyProjectName(COVER_TITLED_WORKBOOK[0])).toBe('社区矫正');
    expect(headOnlyProjectName(BLIND_FORMS_4.budgetListTitled)).toBeNull();
  });

  test('a 封面 naming its project in one cell (项目名称：社区矫正) is a 封面 too', () => {
    const [cover, table] = COVER_TITLED_WORKBOOK;
    const inline = { ...cover, values: cover.values.map((line) => (line[0] === '项目名称：' ? ['项目名称：社区矫正'] : line)) };
    expect(checkGrids([inline, table]).map((r) => r.sheet)).toEqual(['绩效目标表']);
  });

  test('a 续表 mark is told by its words, not by any 续', () => {
    for (const mark of ['续表', '（续表）', '(续表)', '续上表', '续表1', '项目支出绩效目标表（续）', '项目支出绩效目标表(续表)']) expect(isContinuationMark(mark)).toBe(true);
    for (const text of ['续建项目', '继续教育培训', '项目支出绩效目标表', '持续改善']) expect(isContinuationMark(text)).toBe(false);
  });

  test('a 续表 repeating the title with （续表） is the same table, not another', () => {
    const values = BLIND_FORMS_4.continuedBelow.values.map((line) => (line[0] === '续表' ? ['项目支出绩效目标表（续表）'] : line));
    const tables = readSheetTables({ ...BLIND_FORMS_4.continuedBelow, values }).tables;
    expect(tables.map(summary)).toEqual([plain(SQJZ)]);
  });

  test('dimension names under a table with no head between are no table of their own', () => {
    const form = BLIND_FORMS_4.stack2gap1;
    const values = [...form.values.slice(0, 10), [], [], [], ['产出指标', '数量指标', '反映预期提供的公共产品和服务数量。']];
    expect(readSheetTables({ ...form, values }).tables.map((t) => t.table.projectName)).toEqual(['社区矫正']);
  });

  test('a sheet of dimension names with a target among the explanations is still reported unreadable', () => {
    const notes = NOTES_WORKBOOK[0];
    const values = notes.values.map((line) => (line[1] === '质量指标' ? [null, '质量指标', '≥95%'] : line));
    expect(readSheetTables({ ...notes, values }).unreadable).not.toBeNull();
  });
});

describe('a 续表 with no header of its own', () => {
  test('a signature beside its first row: still one table, the reading ends', () => {
    const form = BLIND_FORMS_4.continuedBelowNoHead;
    const values = form.values.map((line) => (line[2] === '社区安全感' ? [...line, null, '填报人：'] : line));
    expect(readSheetTables({ ...form, values }).tables.map((t) => t.table.projectName)).toEqual(['社区矫正']);
  });
});
