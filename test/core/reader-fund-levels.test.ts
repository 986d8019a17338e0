// Issue #19: funds split by level of government (中央 / 省级 / 市级 / 区级资金) with no 财政资金 total. Their sum is
// read as 财政资金 (and the funds message says so), so funds-mismatch checks them; beside a total they are its
// parts and are never added to it. Before, no 财政资金 was read on such a form and funds were never checked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkGrid } from '../../src/core/check';
import { readSheet } from '../../src/core/sheet/reader';
import type { CellGrid, CellValue } from '../../src/core/sheet/types';
import { loadWorkbook, readGrids } from '../../src/xlsx';

const GRID: CellValue[][] = [
  ['一级指标', '二级指标', '三级指标', '指标值'],
  ['产出指标', '数量指标', '绿化公路长度', '≥3500米'],
  [null, '质量指标', '树木成活率', '≥85%'],
  [null, '时效指标', '完成时间', '2024年12月底前'],
  [null, '成本指标', '绿化成本', '≤150万元'],
  ['效益指标', '生态效益指标', '绿化覆盖率提升', '≥2%'],
  ['满意度指标', '服务对象满意度指标', '沿线村民满意度', '≥90%'],
];

/** A 项目 of 资金总额 150 万元 whose funds rows are given as [label, amount]. */
function sheet(funds: [string, CellValue][]): CellGrid {
  const values: CellValue[][] = [
    ['项目绩效目标表'],
    ['项目名称', '乡村公路绿化美化', null, '单位：万元'],
    ['资金总额', 150],
    ...funds.map(([label, amount]) => [label, amount]),
    ['绩效目标', '完成公路沿线绿化3500米，树木成活率85%以上。'],
    ...GRID,
  ];
  return { sheetName: '表', top: 0, left: 0, values, merges: [] };
}

const funds = (grid: CellGrid) => checkGrid(grid)?.issues.filter((i) => i.code === 'funds-mismatch') ?? [];

describe('levels with no 财政资金 total', () => {
  test('their sum is the 财政资金: a sum equal to 资金总额 passes', () => {
    const grid = sheet([['其中:1.中央资金', 50], ['2.省级资金', null], ['3.市级资金', 60], ['4.区级资金', 40]]);
    expect(readSheet(grid)?.table.budget).toEqual({ total: 150, fiscal: 150, other: null });
    expect(funds(grid)).toEqual([]);
  });
  test('a sum off the total is a funds-mismatch that names the levels it added, at their cells', () => {
    const grid = sheet([['其中：中央财政资金', 50], ['市级财政资金', 60], ['县级资金', 30]]);
    const [issue] = funds(grid);
    expect(issue.message).toBe(
      '财政资金 140万元（表上没有财政资金合计，按各级资金之和计：中央财政资金 50万元 + 市级财政资金 60万元 + 县级资金 30万元） + 其他资金 0万元 = 140万元，与预算数 150万元 不符，少 10万元；若预算数无误，财政资金应为 150万元，或其他资金应为 10万元',
    );
    expect(issue.cells).toEqual(['B3', 'B4', 'B5', 'B6']);
    // 财政资金 is no one cell: only 其他资金 is offered to fill (none here: no 其他资金 cell).
    expect(issue.fix).toBeUndefined();
    expect(issue.choices ?? []).toEqual([]);
  });
  test('a numbered 其他资金 among them (4.其他资金) is read as 其他资金, not left out', () => {
    const grid = sheet([['其中:1.中央资金', 50], ['2.市级资金', 60], ['3.区级资金', null], ['4.其他资金', 40]]);
    expect(readSheet(grid)?.table.budget).toEqual({ total: 150, fiscal: 110, other: 40 });
    expect(funds(grid)).toEqual([]);
  });
  test('every level blank: no 财政资金 stated, no claim', () => {
    expect(funds(sheet([['中央资金', null], ['市级资金', null], ['区级资金', null]]))).toEqual([]);
  });
});

describe('levels beside a 财政资金 total', () => {
  test('they are its parts, never added to it', () => {
    const grid = sheet([['其中：财政资金', 150], ['中央资金', 50], ['市级资金', 60], ['区级资金', 40], ['其他资金', 0]]);
    expect(readSheet(grid)?.table.budget).toEqual({ total: 150, fiscal: 150, other: 0 });
    expect(readSheet(grid)?.fiscalLevels).toBeUndefined();
    expect(funds(grid)).toEqual([]);
  });
  test('a total off 资金总额 is still found, in the plain wording', () => {
    const [issue] = funds(sheet([['其中：财政资金', 100], ['中央资金', 50], ['市级资金', 50], ['其他资金', 0]]));
    expect(issue.message.startsWith('财政资金 100万元 + 其他资金 0万元 = 100万元')).toBe(true);
  });
});

test('one level alone is the 财政资金 itself, its cell offered to fill', () => {
  const grid = sheet([['市级资金', 100], ['其他资金', null]]);
  expect(readSheet(grid)?.table.budget).toEqual({ total: 150, fiscal: 100, other: null });
  expect(funds(grid)[0].choices?.map((c) => c.choice)).toEqual(['其他资金', '财政资金']);
});

test('S31 (荣昌区林业局 2022): 中央 / 市级 / 区级资金 read as 财政资金 153.5184 万元, equal to 年度资金总额: funds checked, no mismatch', async () => {
  const bytes = readFileSync(join(__dirname, '../fixtures/real/rongchang-2022-lvhua.xlsx'));
  const [grid] = readGrids(await loadWorkbook(bytes));
  const sheet31 = readSheet(grid)!;
  expect(sheet31.table.budget.total).toBeCloseTo(153.5184, 6);
  expect(sheet31.table.budget.fiscal).toBeCloseTo(153.5184, 6);
  expect(sheet31.fiscalLevels?.map((l) => [l.label, l.amount])).toEqual([['中央资金', null], ['市级资金', 153.5184], ['区级资金', null]]);
  expect(checkGrid(grid)?.issues.map((i) => i.code)).not.toContain('funds-mismatch');
  // The same form with 市级资金 typed wrong is now caught.
  const wrong: CellGrid = { ...grid, values: grid.values.map((row) => row.map((v) => (v === 153.5184 && row.some((c) => typeof c === 'string' && c.includes('市级')) ? 150 : v))) };
  const found = funds(wrong);
  expect(found).toHaveLength(1);
  expect(found[0].message).toContain('财政资金 150万元（表上没有财政资金合计，按各级资金之和计：中央资金 空白 + 市级资金 150万元 + 区级资金 空白）');
});

// The 中央部门 申报表's funds block: 中期 and 年度 money side by side. Levels are summed from the 年度 column only;
// before, the first (中期) amount beside each label was taken, or both columns' levels were added together.
describe('levels in 中期 | 年度 money columns', () => {
  /** A funds block under 项目资金（万元）, its money columns headed 中期资金总额 | 年度资金总额, rows [label, 中期, 年度]. */
  function columns(rows: [string, CellValue, CellValue][]): CellGrid {
    const values: CellValue[][] = [
      ['项目绩效目标表'],
      ['项目名称', '乡村公路绿化美化', null, '单位：万元'],
      ['项目资金（万元）', null, '中期资金总额', '年度资金总额'],
      ...rows.map(([label, overall, annual]) => [null, label, overall, annual]),
      ['绩效目标', '完成公路沿线绿化3500米，树木成活率85%以上。'],
      ...GRID,
    ];
    return { sheetName: '表', top: 0, left: 0, values, merges: [`A3:A${3 + rows.length}`] };
  }

  test('levels with no 财政拨款 total: their 年度 amounts are the 财政资金, beside the 年度 total and 其他资金', () => {
    const grid = columns([['资金总额', 450, 150], ['中央资金', 200, 50], ['省级资金', 100, 60], ['其他资金', 150, 40]]);
    const read = readSheet(grid)!;
    expect(read.table.budget).toEqual({ total: 150, fiscal: 110, other: 40 });
    expect(read.fiscalLevels?.map((l) => [l.label, l.amount, l.address])).toEqual([['中央资金', 50, 'D5'], ['省级资金', 60, 'D6']]);
    expect([read.refs.budgetTotal, read.refs.budgetOther]).toEqual(['D4', 'D7']);
    expect(funds(grid)).toEqual([]);
  });
  test('a 年度 amount left blank is blank, never the 中期 amount beside it', () => {
    const grid = columns([['资金总额', 450, 110], ['中央资金', 200, 50], ['省级资金', 100, null], ['市级资金', null, 60], ['其他资金', 150, null]]);
    const read = readSheet(grid)!;
    expect(read.table.budget).toEqual({ total: 110, fiscal: 110, other: null });
    expect(read.fiscalLevels?.map((l) => [l.label, l.amount, l.address])).toEqual([['中央资金', 50, 'D5'], ['省级资金', null, 'D6'], ['市级资金', 60, 'D7']]);
    expect(read.refs.budgetOther).toBe('D8');
    expect(funds(grid)).toEqual([]);
  });
  test('a 年度 level typed wrong is a mismatch naming the 年度 cells alone', () => {
    const [issue] = funds(columns([['资金总额', 450, 150], ['中央资金', 200, 50], ['省级资金', 100, 70], ['其他资金', 150, 40]]));
    expect(issue.message.startsWith('财政资金 120万元（表上没有财政资金合计，按各级资金之和计：中央资金 50万元 + 省级资金 70万元） + 其他资金 40万元 = 160万元')).toBe(true);
    expect(issue.cells).toEqual(['D4', 'D5', 'D6', 'D7']);
  });
  test('beside a 其中：财政拨款 total they are its parts: every amount from the 年度 column', () => {
    const grid = columns([['资金总额', 450, 150], ['其中：财政拨款', 300, 110], ['中央资金', 200, 50], ['省级资金', 100, 60], ['其他资金', 150, 40]]);
    expect(readSheet(grid)?.table.budget).toEqual({ total: 150, fiscal: 110, other: 40 });
    expect(readSheet(grid)?.fiscalLevels).toBeUndefined();
    expect(funds(grid)).toEqual([]);
  });
  test('labels beside each amount (中期资金总额 300 | 年度资金总额 150 …): only the 年度 side\'s levels are summed', () => {
    const grid: CellGrid = {
      sheetName: '表',
      top: 0,
      left: 0,
      values: [
        ['项目绩效目标表'],
        ['项目名称', '乡村公路绿化美化', null, '单位：万元'],
        ['项目资金（万元）', '中期资金总额', 450, '年度资金总额', 150],
        [null, '其中：中央资金', 200, '其中：中央资金', 50],
        [null, '省级资金', 100, '省级资金', 60],
        [null, '市级资金', null, '市级资金', null],
        [null, '区级资金', null, '区级资金', null],
        [null, '其他资金', 150, '其他资金', 40],
        ['绩效目标', '完成公路沿线绿化3500米，树木成活率85%以上。'],
        ...GRID,
      ],
      merges: ['A3:A8'],
    };
    const read = readSheet(grid)!;
    expect(read.table.budget).toEqual({ total: 150, fiscal: 110, other: 40 });
    expect(read.fiscalLevels?.map((l) => l.address)).toEqual(['E4', 'E5', 'E6', 'E7']);
    expect(funds(grid)).toEqual([]);
  });
  test('a level named twice with nothing to tell its columns apart is summed from neither: no mix, no claim', () => {
    const grid = sheet([['中央资金', 50], ['市级资金', 100]]);
    // Each level's row gets a second amount of an unnamed column beside it.
    grid.values[3].push('中央资金', 20);
    grid.values[4].push('市级资金', 60);
    expect(readSheet(grid)?.fiscalLevels).toBeUndefined();
    expect(funds(grid)).toEqual([]);
  });
});
