// Issue #19: a grid with one value column per year (实施期 | 2024年 | 2025年, 2024年度 | 2025年度 | 2026年度, 第一年 |
// 第二年). Before, every year column was read as an annual grid (or a bare 2024年 head was not read at all and
// the 实施期 column became the year's), so the 2025 column's 成本 ≤400万元 was held against the 2024 预算数 300
// (a false cost-over-budget). Now the budget year's column, told by the head (预算年度, the title's （2024年度）,
// else 设置's 预算年度, else the first year column), is the annual grid; the other years are `otherYear` grids.
import { checkGrid } from '../../src/core/check';
import { DEFAULT_SETTINGS } from '../../src/core/model';
import { readSheet } from '../../src/core/sheet/reader';
import { headPeriod, headYear } from '../../src/core/sheet/periodColumns';
import type { CellGrid, CellValue } from '../../src/core/sheet/types';

/** Value cells of one indicator row, one per value column (实施期, then each year). */
type Values = string[];

interface Table {
  title?: string;
  /** Header rows between 单位 and 绩效目标 (预算年度, 项目期 …). */
  head?: CellValue[][];
  budget?: number;
  heads: string[];
  /** Per row: 建成个数, 合格率, 建成时间, 建设成本, 效率提升率, 满意度. */
  values: [Values, Values, Values, Values, Values, Values];
  /** 指标值 merged over the heads, which stand on the row under it. */
  twoRowHead?: boolean;
  /** Heads over the 一级 | 二级 | 三级 columns. */
  names?: [string, string, string];
}

/**
 * A 智慧司法建设 项目 over 2024–2025 (项目总金额 700 万元) as forms print it: header block, then a grid whose
 * value columns are the ones given.
 */
function table(t: Table): CellGrid {
  const budget = t.budget ?? 300;
  const names: [string | null, string, string][] = [
    ['产出指标', '数量指标', '建成业务系统个数'],
    [null, '质量指标', '系统验收合格率'],
    [null, '时效指标', '系统建成时间'],
    [null, '成本指标', '项目建设成本'],
    ['效益指标', '社会效益指标', '业务办理效率提升率'],
    ['满意度指标', '服务对象满意度指标', '使用人员满意度'],
  ];
  const values: CellValue[][] = [
    [t.title ?? '智慧司法建设项目绩效目标表（2024年度）'],
    ['单位：万元'],
    ['项目名称', '智慧司法建设', '项目总金额', 700],
    ...(t.head ?? []),
    ['预算数', budget, '其中：财政资金', budget, '其他资金', 0],
    ['绩效目标', '1.建成业务系统并通过验收；2.业务办理效率有所提升。'],
  ];
  const headRow = values.length;
  const nameHeads = t.names ?? ['一级指标', '二级指标', '三级指标'];
  values.push(t.twoRowHead ? [...nameHeads, '指标值'] : [...nameHeads, ...t.heads]);
  if (t.twoRowHead) values.push([null, null, null, ...t.heads]);
  const first = values.length;
  names.forEach((name, i) => values.push([...name, ...t.values[i]]));
  const row = (r: number) => r + 1;
  const merges = [`A${row(first)}:A${row(first + 3)}`];
  if (t.twoRowHead) {
    const lastCol = String.fromCharCode('C'.charCodeAt(0) + t.heads.length);
    merges.push(`D${row(headRow)}:${lastCol}${row(headRow)}`, ...['A', 'B', 'C'].map((c) => `${c}${row(headRow)}:${c}${row(headRow + 1)}`));
  }
  return { sheetName: '表', top: 0, left: 0, values, merges };
}

/** 实施期 | 2024年 | 2025年: the 2025 cost (≤400万元) is above the 2024 预算数 (300) but within the period's 700. */
const THREE: Table['values'] = [
  ['≥5个', '≥2个', '≥3个'],
  ['100%', '100%', '100%'],
  ['2025年12月底前', '2024年12月底前', '2025年12月底前'],
  ['≤700万元', '≤300万元', '≤400万元'],
  ['≥30%', '≥10%', '≥20%'],
  ['≥90%', '≥90%', '≥90%'],
];

const withValue = (values: Table['values'], row: number, col: number, value: string): Table['values'] =>
  values.map((r, i) => (i === row ? r.map((v, j) => (j === col ? value : v)) : r)) as Table['values'];

const scopes = (grid: CellGrid) => readSheet(grid)?.grids.map((g) => [g.scope, g.year?.name ?? null, g.rows[0].refs.value]);
const codes = (grid: CellGrid) => checkGrid(grid)?.issues.map((i) => i.code) ?? [];
const issuesOf = (grid: CellGrid, code: string) => checkGrid(grid)?.issues.filter((i) => i.code === code) ?? [];

describe.each([
  ['实施期 | 2024年 | 2025年', ['实施期', '2024年', '2025年']],
  ['实施期目标 | 2024年目标值 | 2025年目标值', ['实施期目标', '2024年目标值', '2025年目标值']],
  ['实施期指标值 | 2024年指标值 | 2025年指标值', ['实施期指标值', '2024年指标值', '2025年指标值']],
  ['总体目标 | 2024年度 | 2025年度', ['总体目标', '2024年度', '2025年度']],
])('a 2024 table headed %s', (_, heads) => {
  const grid = table({ heads, values: THREE });
  test('reads the 2024 column as the annual grid, 实施期 as overall and 2025 as another year', () => {
    expect(scopes(grid)).toEqual([
      ['annual', '2024年', 'E7'],
      ['overall', null, 'D7'],
      ['otherYear', '2025年', 'F7'],
    ]);
  });
  test('the 2025 cost above the 2024 budget raises nothing: the sound table has no issue', () => {
    expect(codes(grid)).toEqual([]);
  });
  test('a 2024 cost above the budget is flagged once, at the 2024 cell and 预算数', () => {
    const over = issuesOf(table({ heads, values: withValue(THREE, 3, 1, '≤350万元') }), 'cost-over-budget');
    expect(over.map((i) => i.cells)).toEqual([['E10', 'B4']]);
    expect(over[0].message.startsWith('2024年目标的成本指标「项目建设成本」的指标值「≤350万元」')).toBe(true);
  });
});

test('the head naming 2025 as the budget year (title （2025年度）, 预算数 400): the 2025 column is the year\'s, the 2024 one another year', () => {
  const grid = table({ title: '智慧司法建设项目绩效目标表（2025年度）', budget: 400, heads: ['实施期', '2024年', '2025年'], values: THREE });
  const sheet = readSheet(grid)!;
  expect(sheet.grids.map((g) => [g.scope, g.year?.name ?? null, g.rows[3].refs.value])).toEqual([
    ['annual', '2025年', 'F10'],
    ['overall', null, 'D10'],
    ['otherYear', '2024年', 'E10'],
  ]);
  expect(sheet.grids[0].year?.evidence).toBe('标题写明预算年度为 2025 年：按「2025年」列读作本年度目标');
  expect(sheet.table.indicators[3].value).toBe('≤400万元');
  // The 2025 cost is within its 400; one above it is flagged at F, the 2024 column never held against it.
  expect(issuesOf(grid, 'cost-over-budget')).toEqual([]);
  const over = table({ title: '智慧司法建设项目绩效目标表（2025年度）', budget: 400, heads: ['实施期', '2024年', '2025年'], values: withValue(THREE, 3, 2, '≤450万元') });
  expect(issuesOf(over, 'cost-over-budget').map((i) => i.cells)).toEqual([['F10', 'B4']]);
});

test('a 预算年度 field names the budget year where the title names none', () => {
  const grid = table({ title: '智慧司法建设项目绩效目标表', head: [['预算年度', '2025年']], budget: 400, heads: ['实施期', '2024年', '2025年'], values: THREE });
  const annual = readSheet(grid)!.grids[0];
  expect([annual.scope, annual.year]).toEqual(['annual', { name: '2025年', year: 2025, evidence: '表头「预算年度」写明预算年度为 2025 年：按「2025年」列读作本年度目标' }]);
});

test('a head naming no year: the first year column is the year\'s, and the reading says so; 设置\'s 预算年度 decides when given', () => {
  const grid = table({ title: '智慧司法建设项目绩效目标表', heads: ['实施期', '2024年', '2025年'], values: THREE });
  expect(readSheet(grid)!.grids[0].year).toEqual({ name: '2024年', year: 2024, evidence: '表头未写明预算年度：按第一个年度列「2024年」读作本年度目标' });
  const settings = { ...DEFAULT_SETTINGS, budgetYear: 2025 };
  const issues = checkGrid(grid, { settings })?.issues ?? [];
  // Read with 2025 as the year: the 2025 cost 400 is now above 预算数 300, at F11.
  expect(issues.filter((i) => i.code === 'cost-over-budget').map((i) => i.cells)).toEqual([['F10', 'B4']]);
});

describe('2024年度 | 2025年度 | 2026年度 with no overall column', () => {
  const values: Table['values'] = [
    ['≥2个', '≥3个', '≥1个'],
    ['100%', '100%', '100%'],
    ['2024年12月底前', '2025年12月底前', '2026年6月底前'],
    ['≤300万元', '≤400万元', '≤350万元'],
    ['≥10%', '≥20%', '≥30%'],
    ['≥90%', '≥90%', '≥95%'],
  ];
  const heads = ['2024年度', '2025年度', '2026年度'];
  test('three grids, the 2024 one annual; no issue on the sound table (years are not compared with each other)', () => {
    const grid = table({ heads, values });
    expect(scopes(grid)).toEqual([
      ['annual', '2024年', 'D7'],
      ['otherYear', '2025年', 'E7'],
      ['otherYear', '2026年', 'F7'],
    ]);
    expect(codes(grid)).toEqual([]);
  });
  test('value rules still check every year: a placeholder in 2026, a 满意度 above 100% in 2025, each at its own cell', () => {
    const grid = table({ heads, values: withValue(withValue(values, 0, 2, '**'), 5, 1, '≥120%') });
    expect(issuesOf(grid, 'bad-value').map((i) => [i.cells, i.message.slice(0, 8)])).toEqual([
      [['F7'], '2026年目标的'],
      [['E12'], '2025年目标的'],
    ]);
  });
  test('a full-width value in 2025 is fixed in its own cell', () => {
    const grid = table({ heads, values: withValue(values, 0, 1, '≥３个') });
    const [hint] = issuesOf(grid, 'bad-value');
    expect([hint.cells, hint.fix?.steps]).toEqual([['E7'], [{ kind: 'setCell', cell: 'E7', value: '≥3个', from: '≥３个' }]]);
  });
  test('another year\'s 时效 is held to its own year', () => {
    const [late] = issuesOf(table({ heads, values: withValue(values, 2, 1, '2026年3月底前') }), 'deadline-outside-year');
    expect([late.cells, late.message]).toEqual([['E9'], '2025年目标的时效指标「系统建成时间」的指标值「2026年3月底前」在 2026 年，不在「2025年」列的年度 2025年内']);
  });
  test('names and dimensions are judged once, on the budget year\'s grid', () => {
    const noSatisfaction = table({ heads, values });
    noSatisfaction.values.pop();
    const missing = issuesOf(noSatisfaction, 'missing-dimension');
    expect(missing.map((i) => i.message)).toEqual(['缺少一级指标「满意度指标」：2024年目标的指标中没有该维度的指标']);
    // The row its fix inserts goes through every year's column: each value cell is left to fill.
    expect(missing[0].fix?.select).toEqual(['C12', 'D12', 'E12', 'F12']);
  });
});

describe('annual-exceeds-overall with year columns', () => {
  test('any year above the period is flagged at its cell and the 实施期 one; a year above another year is not', () => {
    const grid = table({ heads: ['实施期', '2024年', '2025年'], values: withValue(THREE, 0, 2, '≥6个') });
    const above = issuesOf(grid, 'annual-exceeds-overall');
    expect(above.map((i) => i.cells)).toEqual([['F7', 'D7']]);
    expect(above[0].message.startsWith('2025年目标的数量指标「建成业务系统个数」的指标值「≥6个」（6个）超过总体目标的')).toBe(true);
  });
});

test('第一年 | 第二年 counted from the 项目期 (2024-2025年): 第二年 is 2025, not the budget year', () => {
  const grid = table({ head: [['项目期', '2024-2025年']], heads: ['实施期目标', '第一年', '第二年'], values: THREE });
  const sheet = readSheet(grid)!;
  expect(sheet.grids.map((g) => [g.scope, g.year ?? null])).toEqual([
    ['annual', { name: '第一年', year: 2024, evidence: '标题写明预算年度为 2024 年：按「第一年」列读作本年度目标' }],
    ['overall', null],
    ['otherYear', { name: '第二年', year: 2025 }],
  ]);
  expect(codes(grid)).toEqual([]);
});

test('a two-row head: 指标值 merged over 实施期 | 2024年 | 2025年 reads the same grids, from under the sub-header', () => {
  const grid = table({ heads: ['实施期', '2024年', '2025年'], values: THREE, twoRowHead: true });
  expect(scopes(grid)).toEqual([
    ['annual', '2024年', 'E8'],
    ['overall', null, 'D8'],
    ['otherYear', '2025年', 'F8'],
  ]);
  expect(codes(grid)).toEqual([]);
});

test('指标值 merged over bare heads 项目期 | 2024年 (one year): an overall and an annual grid, the annual one named as before', () => {
  const grid = table({ heads: ['项目期', '2024年'], values: THREE.map((r) => r.slice(0, 2)) as Table['values'], twoRowHead: true });
  expect(scopes(grid)).toEqual([
    ['annual', null, 'E8'],
    ['overall', null, 'D8'],
  ]);
  expect(codes(grid)).toEqual([]);
});

test('with no 一级/二级 heads (维度 | 类别 | 指标, read by content), the year heads still part the grid and head it', () => {
  const grid = table({ heads: ['实施期', '2024年', '2025年'], values: THREE, names: ['维度', '类别', '指标'] });
  expect(scopes(grid)).toEqual([
    ['annual', '2024年', 'E7'],
    ['overall', null, 'D7'],
    ['otherYear', '2025年', 'F7'],
  ]);
  expect(codes(grid)).toEqual([]);
});

test('the year a head names, and the period of bare heads', () => {
  const heads = ['2024年', '2025年度', '2024年指标值', '2025年度目标值', '第二年', '第3年目标'];
  expect(heads.map((h) => headYear(h)?.name)).toEqual(['2024年', '2025年', '2024年', '2025年', '第二年', '第3年']);
  expect(heads.map(headPeriod)).toEqual(Array(6).fill('annual'));
  expect(['实施期', '项目期', '中长期'].map(headPeriod)).toEqual(['overall', 'overall', 'overall']);
  // Results, spans and goals labels name no single year.
  expect(['2024年实际完成值', '2024-2026年目标', '2024年度绩效目标', '年度'].map(headYear)).toEqual([null, null, null, null]);
});
