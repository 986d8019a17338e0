// What the fourth round of published tables (test/fixtures/real S21–S27) taught the reader, each shown on the
// smallest sheet that has it: the whole tables are checked in test/real/corpus.test.ts.
import { checkGridTables } from '../../src/core/check';
import { readSheet } from '../../src/core/sheet/reader';
import type { CellGrid, CellValue } from '../../src/core/sheet/types';

function grid(values: CellValue[][], merges: string[] = []): CellGrid {
  return { sheetName: '表', top: 0, left: 0, values, merges };
}

const HEAD: CellValue[][] = [
  ['项目支出绩效自评表'],
  ['项目名称', '春节走访慰问'],
  ['年度资金总额', 30, '其中：财政拨款', 30, '其他资金', 0],
  ['年初设定目标', '走访慰问重点优抚对象 150 人。'],
];

const rowsOf = (values: CellValue[][], merges: string[] = []) =>
  readSheet(grid(values, merges))!.table.indicators.map((r) => [r.level1, r.level2, r.level3, r.value]);
const codes = (values: CellValue[][], merges: string[] = []): string[] => checkGridTables(grid(values, merges))[0].issues.map((i) => i.code);

describe('blank rows between the 一级 blocks of one grid (S22)', () => {
  const blocks: CellValue[][] = [
    ...HEAD,
    ['一级指标', '二级指标', '三级指标', '年初目标值', '实际完成值'],
    ['产出指标', '数量指标', '慰问人数', '≥150人', '150人'],
    [null, '时效指标', '春节前完成', '按时完成', '按时完成'],
    [],
    ['效益指标', '社会效益指标', '优抚对象稳定', '无群体性事件', '无'],
    [],
    ['满意度指标', '服务对象满意度指标', '优抚对象满意率', '≥95%', '100%'],
  ];

  test('the blocks after a spacer row still belong to the grid', () => {
    expect(rowsOf(blocks).map((r) => r[0])).toEqual(['产出指标', '产出指标', '效益指标', '满意度指标']);
    const missing = checkGridTables(grid(blocks))[0].issues.filter((i) => i.code === 'missing-dimension').map((i) => i.message);
    expect(missing.every((m) => m.includes('一级指标「产出指标」下缺少二级指标'))).toBe(true);
    expect(missing).toHaveLength(2);
  });

  test('blank rows followed by something else than a dimension, or by too many blank rows, still end the grid', () => {
    const note = [...blocks.slice(0, 8), [], ['其他说明', '慰问品已全部发放。']];
    expect(rowsOf(note)).toHaveLength(2);
    const far = [...blocks.slice(0, 8), [], [], [], ['效益指标', '社会效益指标', '优抚对象稳定', '无群体性事件']];
    expect(rowsOf(far)).toHaveLength(2);
  });
});

describe('a 一级 cell that lost its name at the source (S24)', () => {
  const values: CellValue[][] = [
    ...HEAD,
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值'],
    ['(50分)', '数量指标', '指标1:宣传场次', '≥1场', '1场'],
    [null, null, '指标2:检测试剂数量', '≥2400份', '3200份'],
    [null, null, '……'],
    [null, '质量指标', '指标1:经费支出合规性', '严格执行相关财经法规制度'],
  ];
  const merges = ['A6:A9', 'B6:B8'];

  test('a weight alone is the 一级 its 二级 belongs to; the …… row of the form is no indicator', () => {
    expect(rowsOf(values, merges)).toEqual([
      ['产出指标', '数量指标', '指标1:宣传场次', '≥1场'],
      ['产出指标', '数量指标', '指标2:检测试剂数量', '≥2400份'],
      ['产出指标', '质量指标', '指标1:经费支出合规性', '严格执行相关财经法规制度'],
    ]);
    const found = codes(values, merges);
    expect(found).not.toContain('misplaced-dimension');
    expect(found).not.toContain('missing-value');
  });
});

describe('header fields of other provinces\' forms', () => {
  const grid3: CellValue[][] = [
    ['一级指标', '二级指标', '三级指标', '指标目标值'],
    ['产出指标', '数量指标', '免费开放天数', '=300天'],
  ];

  test('二级项目名称 is the project, 一级项目名称 its programme; 预算申报数 the budget; 中央补助安排 and 省级财政安排 the fiscal parts (S21)', () => {
    const sheet = readSheet(
      grid([
        ['省级部门预算项目支出绩效目标表'],
        ['一级项目名称', '文化事业发展专项资金', '二级项目名称', '博物馆免费开放补助资金'],
        ['项目总投资', '20万元', '中央补助安排', 0],
        ['省级财政安排', 5, '其他资金', '15万元'],
        ['预算申报数', '20万元'],
        ['年度绩效目标', '提高免费开放服务水平'],
        ...grid3,
      ]),
    )!;
    expect([sheet.table.projectName, sheet.table.budget]).toEqual(['博物馆免费开放补助资金', { total: 20, fiscal: 5, other: 15 }]);
  });

  test('转移支付（项目）名称 is the project; 地方资金 is public money beside 中央资金 (S25)', () => {
    const values: CellValue[][] = [
      ['转移支付(项目)名称', '中央大气污染防治资金'],
      ['年度资金总额:', 2380.91],
      ['其中:中央资金', 871],
      ['省级资金', 0],
      ['地方资金', 1509.91],
      ['其他资金', 0],
      ['年初设定目标', '建设环境空气质量自动监测子站 11 个。'],
      ...grid3,
    ];
    const sheet = readSheet(grid(values))!;
    expect([sheet.table.projectName, sheet.table.budget]).toEqual(['中央大气污染防治资金', { total: 2380.91, fiscal: 2380.91, other: 0 }]);
    expect(codes(values)).not.toContain('funds-mismatch');
  });
});

describe('indicators written as text inside one cell (S26)', () => {
  // Reported unreadable until the list was read (src/core/sheet/cellIndicators.ts, test/core/reader-cell-indicators.test.ts).
  test('a budget list whose 绩效目标 cell holds 【产出指标-…】 headings is read: one table per project, its indicators at that cell', () => {
    const reports = checkGridTables(
      grid([
        ['单位编码', '单位名称（项目类别/支出项目）', '年度预算安排', '项目内容', '绩效目标'],
        ['037001', '机房租赁服务采购项目', 1681680, '机房租赁服务', ['【产出指标-数量指标】', '指标1:机柜数量(≥77台)', '【效益指标-社会效益指标】', '指标1:服务保障民生(有力保障)', '【满意度指标-服务对象满意度指标】', '指标1:群众安全感(≥90%)'].join('\n')],
      ]),
    );
    expect(reports.map((r) => r.projectName)).toEqual(['机房租赁服务采购项目']);
    expect(reports[0].issues.map((i) => i.code)).not.toContain('unreadable-layout');
    expect(new Set(reports[0].issues.flatMap((i) => i.cells))).toEqual(new Set(['E2']));
  });

  test('a goal text that names a dimension once is no such sheet', () => {
    expect(checkGridTables(grid([['项目名称', '机房租赁'], ['绩效目标', '完成产出指标的要求\n保障运转']]))).toEqual([]);
  });
});

describe('a self-evaluation read by content, its header row gone (S22–S24 re-dressed)', () => {
  test('of the target and actual columns side by side, the left one holds the targets; a remark column names no indicators', () => {
    const sheet = readSheet(
      grid([
        ...HEAD,
        [],
        ['产出指标', '数量指标', '★慰问人数(≥**人)', '≥150人', '150人', null],
        [null, null, '★慰问户数(≥**户)其中:烈士家庭', '≥6户', '6户', '烈士家庭实行动态管理'],
        [null, '时效指标', '春节前完成走访慰问工作(按期完成率)', '按时限完成', '100%', null],
        ['效益指标', '社会效益指标', '重点优抚对象总体保持稳定,无群体性事件', '小于5次', '无上访', null],
        ['满意度指标', '服务对象满意度指标', '重点优抚对象、驻地部队满意率', '≥95%', '100%', null],
      ]),
    )!;
    expect(sheet.table.indicators.map((r) => r.value)).toEqual(['≥150人', '≥6户', '按时限完成', '小于5次', '≥95%']);
    expect(sheet.table.indicators[1].level3).toBe('★慰问户数(≥**户)其中:烈士家庭');
  });
});
