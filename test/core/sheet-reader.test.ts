import type { PerformanceTable } from '../../src/core/model';
import { planTableSheet } from '../../src/core/sheet/layout';
import { readAmount, readSheet, splitDepartment } from '../../src/core/sheet/reader';
import type { CellGrid, CellValue } from '../../src/core/sheet/types';
import { parseValue } from '../../src/core/values';
import { seedTable } from '../support/seed';
import { gridFromPlan } from '../support/sheetTable';

function tableOf(number: number): PerformanceTable {
  const { number: _n, source: _s, line: _l, notes: _notes, ...table } = seedTable(number);
  return table;
}

function grid(values: CellValue[][], merges: string[] = [], top = 0, left = 0): CellGrid {
  return { sheetName: '手工表', top, left, values, merges };
}

/** The seed document's own shape (7 columns, 一级 only on the first row of its group, 资金用途 unlabelled). */
const SEED_SHAPED: CellValue[][] = [
  ['343101天津市司法局装备财务处', null, null, null, null, '单位：万元'],
  [],
  ['项目名称', '数字化运维项目'],
  ['预算规模及资金用途', '预算数', '292.00', '其中：财政    资金', 292, '其他资金', null],
  [null, '数字化运维费。'],
  ['绩效目标', '1.保障我系统数字化软件、硬件、基础网络正常运行，保障网络安全。'],
  [],
  ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值'],
  ['产出指标', '数量指标', '软件运维系统个数', '软件运维系统个数', '≥13个'],
  [null, '成本指标', '运维费用支出', '运维费用支出', '≤2912000元'],
  ['效益指标', '社会效益指标', '系统正常运行和网络安全', '系统正常运行和网络安全', '保障'],
  ['满意度指标', '服务对象满意度指标', '使用人员满意度', '使用人员满意度', '≥90%'],
  [],
  ['填报说明：本表由项目单位填写。'],
];

describe('readSheet on the layout', () => {
  const table = tableOf(1);
  const sheet = readSheet(gridFromPlan(planTableSheet(table, { sheetName: '数字化运维项目', framework: 'seed' })))!;

  test('every header value keeps its address, blank fields point at their empty cell', () => {
    expect(sheet.refs).toEqual({
      title: 'A1',
      department: 'A2',
      unit: 'D2',
      projectName: 'B3',
      budgetTotal: 'C4',
      budgetFiscal: 'C5',
      budgetOther: 'C6',
      purpose: 'C7',
      goals: 'B8',
      indicatorHeader: 'A9',
    });
    expect(sheet.table.budget.other).toBeNull();
  });

  test('rows point at their cells; a merged 一级 points at its top cell', () => {
    expect(sheet.rowRefs).toHaveLength(table.indicators.length);
    expect(sheet.rowRefs[0]).toEqual({ level1: 'A10', level2: 'B10', level3: 'C10', description: 'D10', value: 'E10', unit: null });
    expect(sheet.rowRefs[1].level1).toBe('A10');
    expect(sheet.rowRefs[1].value).toBe('E11');
    const firstBenefit = table.indicators.findIndex((row) => row.level1 === '效益指标');
    expect(sheet.rowRefs[firstBenefit].level1).toBe(`A${10 + firstBenefit}`);
    expect(sheet.sheetName).toBe('数字化运维项目');
    expect(sheet.framework).toBe('seed');
  });
});

describe('readSheet on other layouts', () => {
  test('the seed document shape: carried 一级, spaced label, text amount, unlabelled 资金用途', () => {
    const sheet = readSheet(grid(SEED_SHAPED))!;
    expect(sheet.table.department).toEqual({ code: '343101', name: '天津市司法局装备财务处' });
    expect(sheet.table.projectName).toBe('数字化运维项目');
    expect(sheet.table.budget).toEqual({ total: 292, fiscal: 292, other: null });
    expect(sheet.table.purpose).toBe('数字化运维费。');
    expect(sheet.refs.purpose).toBe('B5');
    expect(sheet.table.goals).toContain('保障网络安全');
    expect(sheet.table.title).toBe('');
    expect(sheet.table.indicators.map((row) => row.level1)).toEqual(['产出指标', '产出指标', '效益指标', '满意度指标']);
    // The carried 一级 points at the cell that names it.
    expect(sheet.rowRefs[1].level1).toBe('A9');
    // The note below the blank row is not an indicator.
    expect(sheet.table.indicators).toHaveLength(4);
    const cost = sheet.table.indicators[1];
    expect(cost.parsed).toEqual(parseValue('≤2912000元', { tableUnit: '万元', level3: cost.level3 }));
    expect(cost.parsed.amount).toBeCloseTo(291.2, 9);
  });

  test('a sheet placed away from A1 reports true addresses', () => {
    const shifted = readSheet(grid(SEED_SHAPED, [], 4, 2))!;
    expect(shifted.refs.projectName).toBe('D7');
    expect(shifted.rowRefs[0].value).toBe('G13');
  });

  test('a label on the next row ends the grid', () => {
    const values = [...SEED_SHAPED.slice(0, 12), ['项目名称', '另一个项目'], ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值']];
    expect(readSheet(grid(values))!.table.indicators).toHaveLength(4);
  });

  test('merged 二级 cells are read for every row they cover', () => {
    const values: CellValue[][] = [
      ['项目名称', '测试项目'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '甲', '1个'],
      [null, null, '乙', '2个'],
      [null, '质量指标', '丙', '100%'],
    ];
    const sheet = readSheet(grid(values, ['A3:A5', 'B3:B4']))!;
    expect(sheet.table.indicators.map((row) => [row.level1, row.level2, row.description])).toEqual([
      ['产出指标', '数量指标', ''],
      ['产出指标', '数量指标', ''],
      ['产出指标', '质量指标', ''],
    ]);
    expect(sheet.rowRefs[1]).toMatchObject({ level2: 'B3', description: null });
  });

  test('inline labels: `单位：部门` and `项目名称：…` in one cell', () => {
    const values: CellValue[][] = [
      ['单位：343301天津市法律援助中心', null, '金额单位：万元'],
      ['项目名称：法律援助案件补贴'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '补贴案件数', '≥550件'],
    ];
    const sheet = readSheet(grid(values))!;
    expect(sheet.table.department).toEqual({ code: '343301', name: '天津市法律援助中心' });
    expect(sheet.table.projectName).toBe('法律援助案件补贴');
    expect(sheet.refs).toMatchObject({ department: 'A1', unit: 'C1', projectName: 'A2' });
  });

  test('成本指标 as a 一级 reads as the 2021 framework unless one is forced', () => {
    const values: CellValue[][] = [
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['成本指标', '经济成本指标', '运维费', '≤10万元'],
    ];
    expect(readSheet(grid(values))!.framework).toBe('2021');
    expect(readSheet(grid(values), { framework: 'seed' })!.framework).toBe('seed');
  });

  test('no indicator grid → null', () => {
    expect(readSheet(grid([['说明'], ['本工作簿由 jixiao 生成。'], [1, 2, 3]]))).toBeNull();
    expect(readSheet(grid([['一级指标', '二级指标', '三级指标', '绩效指标描述']]))).toBeNull();
    expect(readSheet(grid([]))).toBeNull();
  });
});

describe('amounts and departments', () => {
  test('readAmount takes numbers and text, converting stated units', () => {
    expect(readAmount(292, '万元')).toBe(292);
    expect(readAmount('292.00', '万元')).toBe(292);
    expect(readAmount('292万元', '万元')).toBe(292);
    expect(readAmount('2,910,000元', '万元')).toBe(291);
    expect(readAmount('１２０万元', '元')).toBe(1_200_000);
    expect(readAmount('1.5亿元', '万元')).toBe(15_000);
    expect(readAmount('约三百万', '万元')).toBeNull();
    expect(readAmount(null, '万元')).toBeNull();
  });

  test('splitDepartment separates a printed code', () => {
    expect(splitDepartment('343301天津市法律援助中心')).toEqual({ code: '343301', name: '天津市法律援助中心' });
    expect(splitDepartment('天津市司法局')).toEqual({ code: '', name: '天津市司法局' });
  });
});
