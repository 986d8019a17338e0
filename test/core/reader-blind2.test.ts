// Second-round blind forms (test/core/blindForms2.ts): each misread found is fixed in general and pinned here;
// the forms read right from the start stay as guards.
import { checkGridTables } from '../../src/core/check';
import { readSheet, readSheetTables } from '../../src/core/sheet/reader';
import { budgetInProse, projectNameInTitle } from '../../src/core/sheet/assemble';
import { toSimplified } from '../../src/core/sheet/simplified';
import { BLIND_FORMS_2 } from './blindForms2';
import type { CellGrid, SheetTable } from '../../src/core/sheet/types';

const levels = (sheet: SheetTable | null) => sheet?.grids[0].rows.map(({ row }) => [row.level1, row.level2, row.level3, row.value]);
const codes = (g: CellGrid) => [...new Set(checkGridTables(g).flatMap((r) => r.issues.map((i) => i.code)))].sort();

describe('指标值 merged over operator | figure | unit cells', () => {
  const form = BLIND_FORMS_2.opCells;

  test('the row under the merged head is the first indicator, not a sub-header', () => {
    const sheet = readSheet(form);
    expect(levels(sheet)?.[0]).toEqual(['产出指标', '数量指标', '受益学生人数', '≥3000']);
    expect(sheet?.grids[0].rows).toHaveLength(6);
    expect(sheet?.grids[0].rows[0].refs).toMatchObject({ level1: 'A6', value: 'E6' });
  });

  test('each figure takes its operator and the unit beside it', () => {
    const parsed = readSheet(form)?.table.indicators.map((r) => [r.parsed.operator, r.parsed.number, r.parsed.unit]);
    expect(parsed?.[0]).toEqual(['≥', 3000, '人']);
    expect(parsed?.[3]).toEqual(['≤', 5, '元/天']);
    // No 产出指标 lost: nothing is reported missing.
    expect(codes(form)).not.toContain('missing-dimension');
  });
});

describe('a form typed in traditional characters', () => {
  test('產出指標, 項目名稱, 預算數 read as their simplified words', () => {
    const sheet = readSheet(BLIND_FORMS_2.trad);
    expect(sheet?.table.projectName).toBe('社区养老服务');
    expect(sheet?.table.budget).toEqual({ total: 100, fiscal: 100, other: 0 });
    expect(levels(sheet)?.map((r) => r.slice(0, 2))).toEqual([
      ['产出指标', '数量指标'],
      ['产出指标', '质量指标'],
      ['产出指标', '时效指标'],
      ['产出指标', '成本指标'],
      ['效益指标', '社会效益指标'],
      ['满意度指标', '服务对象满意度指标'],
    ]);
    expect(codes(BLIND_FORMS_2.trad)).toEqual(['vague-target']);
  });

  test('text with no traditional character is returned as it is', () => {
    expect(toSimplified('滿意度≥90%')).toBe('满意度≥90%');
    const plain = '服务对象满意度指标';
    expect(toSimplified(plain)).toBe(plain);
  });
});

describe('the project named only in the title', () => {
  test('关于…项目的绩效目标表 gives the 项目名称, at the title cell', () => {
    const sheet = readSheet(BLIND_FORMS_2.titleName);
    expect(sheet?.table.projectName).toBe('残疾人康复救助项目');
    expect(sheet?.refs.projectName).toBe('A1');
    expect(codes(BLIND_FORMS_2.titleName)).not.toContain('missing-field');
  });

  test('a generic title names no project', () => {
    expect(projectNameInTitle('项目支出绩效目标表')).toBeNull();
    expect(projectNameInTitle('2025年度项目支出绩效目标申报表')).toBeNull();
    expect(projectNameInTitle('某县2025年农村公路养护项目绩效目标表')).toBe('某县2025年农村公路养护项目');
  });
});

describe('the budget stated only in the 绩效目标 text', () => {
  test('is the total a reviewer weighs the costs against', () => {
    const sheet = readSheet(BLIND_FORMS_2.proseBudget);
    expect(sheet?.table.budget.total).toBe(150);
    expect(sheet?.refs.budgetTotal).toBe('B3');
    const found = codes(BLIND_FORMS_2.proseBudget);
    expect(found).toContain('cost-over-budget');
    expect(found).not.toContain('missing-field');
  });

  test('rates and amounts not named a budget are not read as one', () => {
    expect(budgetInProse('本项目预算资金150万元，养护公路。', '万元')).toBe(150);
    expect(budgetInProse('项目总投资1200000元。', '万元')).toBe(120);
    expect(budgetInProse('补助标准每人500元，资金用于补助500元/人。', '万元')).toBeNull();
    expect(budgetInProse('预算标准500元/人。', '万元')).toBeNull();
  });
});

describe('the head written under the grid', () => {
  test('项目名称, 预算数 and 绩效目标 below the indicators are the table\'s', () => {
    const sheet = readSheet(BLIND_FORMS_2.underHead);
    expect(sheet?.table.projectName).toBe('农民工技能培训');
    expect(sheet?.table.budget).toEqual({ total: 30, fiscal: 30, other: 0 });
    expect(sheet?.table.goals).toBe('培训农民工600人次。');
    expect(levels(sheet)).toHaveLength(5);
    // The one real gap: no 时效 indicator.
    expect(codes(BLIND_FORMS_2.underHead)).toEqual(['missing-dimension']);
  });

  test('a small 资金安排表 under a grid with no head is no head: it names no project and no goals', () => {
    const values = BLIND_FORMS_2.underHead.values.slice(0, 7);
    const sheet = readSheet({ ...BLIND_FORMS_2.underHead, values: [...values, [], ['资金安排表'], ['序号', '村名', '安排资金（万元）'], [1, '东岭村', 12.5], ['合计', null, 12.5]] });
    expect(sheet?.table.budget).toEqual({ total: null, fiscal: null, other: null });
    expect(sheet?.table.projectName).toBe('');
  });

  test('a table with its own head keeps it; a note under the grid is not read as one', () => {
    const stacked = readSheetTables(BLIND_FORMS_2.stacked).tables;
    expect(stacked.map((t) => [t.table.projectName, t.table.budget.total])).toEqual([['社区矫正', 20], ['人民调解', 15]]);
  });
});

describe('a key/value head on the right of the grid', () => {
  test('is the table\'s head, not columns of a flat export', () => {
    const read = readSheetTables(BLIND_FORMS_2.rightHead);
    expect(read.tables).toHaveLength(1);
    const sheet = read.tables[0];
    expect(sheet.table.projectName).toBe('公共图书馆免费开放');
    expect(sheet.table.budget).toEqual({ total: 50, fiscal: 50, other: 0 });
    expect(sheet.table.goals).toBe('保障图书馆全年免费开放。');
    expect(sheet.refs.projectName).toBe('G2');
    // Every 一级 kept down its merged-by-blank rows: the grid is whole.
    expect(levels(sheet)?.map((r) => r[0])).toEqual(['产出指标', '产出指标', '产出指标', '产出指标', '效益指标', '满意度指标']);
    expect(codes(BLIND_FORMS_2.rightHead)).toEqual(['vague-target']);
  });
});

describe('a 申报表 and its 批复 side by side on one sheet', () => {
  test('are two tables, each read from its own columns with its own budget', () => {
    const tables = readSheetTables(BLIND_FORMS_2.sideBySide).tables;
    expect(tables.map((t) => [t.table.projectName, t.table.budget.total, t.grids.length, t.table.indicators.map((r) => r.value)])).toEqual([
      ['老年助餐', 60, 1, ['≥2万人次', '≤60万元', '≥90%']],
      ['老年助餐', 50, 1, ['≥1.8万人次', '≤50万元', '≥90%']],
    ]);
    expect(tables[1].refs).toMatchObject({ projectName: 'G2', budgetTotal: 'G3' });
    // Neither is an 总体目标 grid of the other.
    expect(checkGridTables(BLIND_FORMS_2.sideBySide).flatMap((r) => r.issues.map((i) => i.message)).some((m) => m.includes('总体目标'))).toBe(false);
  });
});

describe('targets written as a range of figures', () => {
  const withValues = (quantity: string, satisfaction: string): CellGrid => ({
    ...BLIND_FORMS_2.words,
    values: BLIND_FORMS_2.words.values.map((line) => (line[2] === '巡护队伍' ? [...line.slice(0, 3), quantity] : line[2] === '林农满意度' ? [...line.slice(0, 3), satisfaction] : line)),
  });
  const badValues = (g: CellGrid) => checkGridTables(g).flatMap((r) => r.issues.filter((i) => i.code === 'bad-value').map((i) => i.message));

  test.each([['5~8个', '90%-95%'], ['5～8个', '90%～95%'], ['5至8个', '90%至95%'], ['5-8个', '90-95%']])('%s and %s are verifiable, not flagged', (quantity, satisfaction) => {
    expect(badValues(withValues(quantity, satisfaction))).toEqual([]);
  });

  test('words that are no figures are still flagged', () => {
    expect(badValues(withValues('若干', '较高'))).toHaveLength(2);
  });
});

describe('second-round forms read as a reviewer reads them', () => {
  const expected: Record<string, { name: string; total: number | null; rows: number; codes: string[] }> = {
    selfEval2: { name: '乡镇卫生院设备购置', total: 120, rows: 6, codes: ['vague-target'] },
    cost101b: { name: '城乡环卫一体化', total: 600, rows: 11, codes: ['bad-value', 'generic-indicator', 'vague-target'] },
    words: { name: '森林防火', total: 40, rows: 6, codes: ['goal-without-indicator'] },
    fullWidth: { name: '城区绿化养护', total: 120, rows: 5, codes: ['bad-value', 'cost-over-budget', 'goal-without-indicator', 'missing-dimension'] },
    // The year's money is the 全年预算数 (90), not the 年初 80 beside it (reader-blind6.test.ts): a cost of ≥90 is no more over it.
    selfEvalFire: { name: '畜禽粪污资源化利用', total: 90, rows: 5, codes: ['cost-lower-bound', 'missing-dimension'] },
    over101: { name: '智慧校园建设', total: 200, rows: 6, codes: ['cost-over-budget', 'misplaced-dimension', 'missing-dimension'] },
    yuanCost: { name: '危房改造', total: 300, rows: 5, codes: ['cost-over-budget', 'goal-without-indicator', 'missing-dimension', 'vague-target'] },
  };
  test.each(Object.keys(expected))('%s', (name) => {
    const sheet = readSheet(BLIND_FORMS_2[name]);
    const want = expected[name];
    expect({ name: sheet?.table.projectName, total: sheet?.table.budget.total, rows: sheet?.grids[0].rows.length, codes: codes(BLIND_FORMS_2[name]) }).toEqual(want);
  });
});
