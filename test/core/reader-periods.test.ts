// Issue #19: one grid with a value column per period (实施期目标 | 年度目标 …). The 年度 column is the annual
// grid's value, the other the overall grid's; before, every head pair but 实施期/中期指标值 | 年度指标值 read the
// first (实施期) column as the annual value, and a 中期 cost ≤900万元 was held against the year's 预算数 300.
import { checkGrid } from '../../src/core/check';
import { readSheetTables } from '../../src/core/sheet/reader';
import { headPeriod } from '../../src/core/sheet/periodColumns';
import type { CellGrid, CellValue } from '../../src/core/sheet/types';

interface Options {
  /** The 年度 column's 建成业务系统个数 (≥2个 unless given). */
  annualCount?: string;
  /** Labels over the 一级 | 二级 | 三级 columns. */
  names?: [string, string, string];
}

/** A 项目 of 预算数 300 万元 whose grid gives 实施期 targets (cost ≤900万元) beside 年度 ones (≤300万元). */
function sheet(heads: [string, string | null], options: Options = {}): CellGrid {
  const values: CellValue[][] = [
    ['智慧司法建设项目绩效目标表'],
    ['项目名称', '智慧司法建设', null, null, '单位：万元'],
    ['预算数', 300, '其中：财政资金', 300, '其他资金', 0],
    ['绩效目标', '1.本年建成2个业务系统；2.业务办理效率有所提升。'],
    [...(options.names ?? ['一级指标', '二级指标', '三级指标']), ...heads],
    ['产出指标', '数量指标', '建成业务系统个数', '≥5个', options.annualCount ?? '≥2个'],
    [null, '质量指标', '系统验收合格率', '100%', '100%'],
    [null, '时效指标', '系统建成时间', '2026年12月底前', '2024年12月底前'],
    [null, '成本指标', '项目建设成本', '≤900万元', '≤300万元'],
    ['效益指标', '社会效益指标', '业务办理效率提升率', '≥30%', '≥10%'],
    ['满意度指标', '服务对象满意度指标', '使用人员满意度', '≥90%', '≥90%'],
  ];
  return { sheetName: '表', top: 0, left: 0, values, merges: ['A6:A9'] };
}

const PAIRS: [string, string][] = [
  ['实施期目标', '年度目标'],
  ['中期目标', '年度目标'],
  ['中长期目标值', '本年度目标值'],
  ['总体目标', '年度目标'],
  ['实施期指标值', '年度指标值'],
  ['中期指标值', '年度指标值'],
  ['项目期目标', '2024年目标值'],
];

const reading = (grid: CellGrid) => readSheetTables(grid).tables[0]?.grids.map((g) => [g.scope, g.rows.map((r) => `${r.refs.value} ${r.row.value}`)]);

const EXPECTED = [
  ['annual', ['E6 ≥2个', 'E7 100%', 'E8 2024年12月底前', 'E9 ≤300万元', 'E10 ≥10%', 'E11 ≥90%']],
  ['overall', ['D6 ≥5个', 'D7 100%', 'D8 2026年12月底前', 'D9 ≤900万元', 'D10 ≥30%', 'D11 ≥90%']],
];

describe.each(PAIRS)('a grid headed 三级指标 | %s | %s', (overall, annual) => {
  test('reads the 年度 column as the annual grid and the other as the overall one', () => {
    expect(reading(sheet([overall, annual]))).toEqual(EXPECTED);
  });
  test('no cost-over-budget from the 实施期 cost, nothing else raised on a sound table', () => {
    const issues = checkGrid(sheet([overall, annual]))?.issues ?? [];
    expect(issues.map((i) => i.code)).toEqual([]);
  });
  test('a 年度 count above the period\'s is flagged once, at both cells', () => {
    const issues = checkGrid(sheet([overall, annual], { annualCount: '≥6个' }))?.issues ?? [];
    const above = issues.filter((i) => i.code === 'annual-exceeds-overall');
    expect(above.map((i) => i.cells)).toEqual([['E6', 'D6']]);
  });
});

test('with no 一级/二级 labels (read by content), the heads of the two periods still part the grids', () => {
  expect(reading(sheet(['实施期目标', '年度目标'], { names: ['维度', '类别', '指标'] }))).toEqual(EXPECTED);
});

test('a 自评表\'s 年度指标值 | 实际完成值 stays one grid: the target is 年度指标值, a result is no target', () => {
  expect(reading(sheet(['年度指标值', '实际完成值']))).toEqual([
    ['annual', ['D6 ≥5个', 'D7 100%', 'D8 2026年12月底前', 'D9 ≤900万元', 'D10 ≥30%', 'D11 ≥90%']],
  ]);
});

test('a column of prose under a period head is no target: the grid stays one', () => {
  const grid = sheet(['年度指标值', '实施期目标']);
  for (const row of grid.values.slice(5)) row[4] = '按照项目实施方案逐步推进各项建设任务，确保按期完成';
  expect(reading(grid)).toEqual([['annual', ['D6 ≥5个', 'D7 100%', 'D8 2026年12月底前', 'D9 ≤900万元', 'D10 ≥30%', 'D11 ≥90%']]]);
});

test('the period of a head: its period word, whatever else it says; results, money and weights name none', () => {
  const heads = ['年度目标', '本年度目标值', '当年指标值', '全年目标', '2024年目标值', '实施期目标', '中期指标值', '中长期目标值', '长期目标', '总体目标', '整体目标值', '项目期目标', '累计目标值', '2024-2026年目标'];
  expect(heads.map(headPeriod)).toEqual([...Array(5).fill('annual'), ...Array(9).fill('overall')]);
  expect(['实际完成值', '累计完成值', '年度资金', '分值', '年度绩效目标', '三级指标', '指标值'].map(headPeriod)).toEqual(Array(7).fill(null));
});

test('a two-row head: 指标值 merged over 实施期目标 | 年度目标 reads the same two grids, from under the sub-header', () => {
  const grid = sheet(['指标值', null]);
  grid.values.splice(5, 0, [null, null, null, '实施期目标', '年度目标']);
  grid.merges = ['D5:E5', 'A5:A6', 'B5:B6', 'C5:C6', 'A7:A10'];
  const shifted = EXPECTED.map(([scope, refs]) => [scope, (refs as string[]).map((r) => r.replace(/^([DE])(\d+)/, (_, c: string, n: string) => `${c}${Number(n) + 1}`))]);
  expect(reading(grid)).toEqual(shifted);
  expect(checkGrid(grid)?.issues.map((i) => i.code)).toEqual([]);
});
