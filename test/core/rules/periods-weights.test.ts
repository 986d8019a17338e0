// Issue #23, left from the last wave: 年度 targets against the 中长期 ones (annual-exceeds-overall) on a real
// .xlsx multi-year sheet, and weights read from a 权重/分值 column of the sheet's cells (weight-sum), on the
// seed's first table drawn as the add-in draws it with a weight column typed beside its grid.
import { checkGrid, checkGridTables } from '../../../src/core/check';
import { parseSettings } from '../../../src/core/model';
import { annualExceedsOverallRule, weightSumRule } from '../../../src/core/rules';
import type { CellGrid } from '../../../src/core/sheet/types';
import { readSheet } from '../../../src/core/sheet/reader';
import { seedTable } from '../../support/seed';
import { gridFromTable } from '../../support/sheetTable';
import { MULTI_YEAR_ROWS, multiYearGrid, type MultiYearOptions } from './multiYear';
import { runRule } from './support';

async function periodIssues(options: MultiYearOptions) {
  const { grid, annualFirst } = await multiYearGrid(options);
  const sheet = readSheet(grid);
  if (!sheet) throw new Error('多年度表没有读出');
  return { issues: runRule(annualExceedsOverallRule, sheet), annualFirst };
}

describe('annual-exceeds-overall', () => {
  it('is quiet on the sheet as typed: 本年 ≥2个 of ≥5个, ≤280万元 of ≤900万元, 预算数 300 of 项目总金额 1000', async () => {
    expect((await periodIssues({})).issues).toEqual([]);
  });

  it('a year building more systems than the whole period: the annual row paired with the overall one by name', async () => {
    const { issues, annualFirst } = await periodIssues({ annualCount: '≥6个' });
    expect(issues.map((i) => [i.severity, i.message, i.cells])).toEqual([
      [
        'warning',
        '年度目标的数量指标「本年建成业务系统个数」的指标值「≥6个」（6个）超过总体目标的数量指标「建成业务系统个数」的「≥5个」（5个）：一年的目标不应多于整个实施期的目标；宜核对两处的指标值',
        [`E${annualFirst}`, `E${MULTI_YEAR_ROWS.overallFirst}`],
      ],
    ]);
  });

  it('a year costing more than the whole period, in another money unit: 本年建设成本 9500000元 against 项目建设总成本 ≤900万元', async () => {
    const { issues } = await periodIssues({ annualCost: '≤9500000元' });
    expect(issues.map((i) => i.message)).toEqual([expect.stringContaining('（950万元）超过总体目标的成本指标「项目建设总成本」的「≤900万元」（900万元）')]);
    // 900 万元 written in 元 is the same amount: not above.
    expect((await periodIssues({ annualCost: '≤9000000元' })).issues).toEqual([]);
  });

  it('预算数 above 项目总金额, and nothing without a printed project total', async () => {
    const { issues } = await periodIssues({ projectTotalAmount: 200 });
    expect(issues.map((i) => [i.message, i.cells])).toEqual([
      ['预算数 300万元 超过项目总金额 200万元：一年的预算不应多于整个项目的资金；宜核对两处金额', [expect.stringMatching(/^[A-Z]+5$/), expect.stringMatching(/^[A-Z]+5$/)]],
    ]);
    expect((await periodIssues({ projectTotal: false })).issues).toEqual([]);
  });

  it('does not compare ceilings on counts, or counts in other units', async () => {
    // ≤6个 bounds the year from above: not a share of the period's ≥5个.
    expect((await periodIssues({ annualCount: '≤6个' })).issues).toEqual([]);
    expect((await periodIssues({ annualCount: '≥6套' })).issues).toEqual([]);
  });

  it('runs with every other rule: the whole check adds only its own warning', async () => {
    const { grid, annualFirst } = await multiYearGrid({ annualCount: '≥6个' });
    const report = checkGrid(grid, { settings: parseSettings({ budgetYear: 2024 }) });
    expect(report?.issues.filter((i) => i.code === 'annual-exceeds-overall').map((i) => i.cells[0])).toEqual([`E${annualFirst}`]);
  });
});

describe('annual-exceeds-overall on 中期指标值 | 年度指标值 side by side in one grid', () => {
  const n = null;
  /** A typed sheet whose grid prints both targets on each row, the whole period's headed `periodHead`. */
  function sideBySide(count: string, cost: string, periodHead = '中期指标值'): CellGrid {
    const values = [
      ['智慧司法建设项目绩效目标表'],
      ['单位名称', '某局', n, n, '单位：万元'],
      ['项目名称', '智慧司法建设'],
      ['预算数', 300],
      ['其中：财政资金', 300, '其他资金', 0],
      ['绩效目标', '三年内建成5个系统'],
      ['一级指标', '二级指标', '三级指标', periodHead, '年度指标值'],
      ['产出指标', '数量指标', '建成业务系统个数', '≥5个', count],
      [n, '质量指标', '验收合格率', '100%', '100%'],
      [n, '时效指标', '建成时间', '2026年底', '2024年底'],
      [n, '成本指标', '建设成本', '≤900万元', cost],
      ['效益指标', '社会效益指标', '办理效率', '提升20%', '提升5%'],
      ['满意度指标', '服务对象满意度指标', '满意度', '≥90%', '≥95%'],
    ];
    return { sheetName: '智慧司法', top: 0, left: 0, values, merges: [] };
  }
  const issues = (grid: CellGrid) => checkGridTables(grid, { rules: [annualExceedsOverallRule] }).flatMap((report) => report.issues);

  it('compares each row with its value under a 实施期 head as well, once', () => {
    const flagged = issues(sideBySide('≥6个', '≤280万元', '实施期目标值'));
    expect(flagged.map((i) => i.cells)).toEqual([['E8', 'D8']]);
    expect(issues(sideBySide('≥2个', '≤280万元', '实施期目标值'))).toEqual([]);
  });

  it('reads the 中期 column as the overall grid and compares each row with its 年度 value', () => {
    expect(issues(sideBySide('≥2个', '≤280万元'))).toEqual([]);
    expect(issues(sideBySide('≥6个', '≤9500000元')).map((i) => [i.message, i.cells])).toEqual([
      ['年度目标的数量指标「建成业务系统个数」的指标值「≥6个」（6个）超过总体目标的数量指标「建成业务系统个数」的「≥5个」（5个）：一年的目标不应多于整个实施期的目标；宜核对两处的指标值', ['E8', 'D8']],
      ['年度目标的成本指标「建设成本」的指标值「≤9500000元」（950万元）超过总体目标的成本指标「建设成本」的「≤900万元」（900万元）：一年的目标不应多于整个实施期的目标；宜核对两处的指标值', ['E11', 'D11']],
    ]);
  });

  it('leaves rates alone (满意度 ≥95% against ≥90% is no cumulative quantity)', () => {
    expect(issues(sideBySide('≥2个', '≤280万元')).filter((i) => i.cells[0] === 'E13')).toEqual([]);
  });
});

/** Seed table 1 (12 indicator rows, header on row 9) with a weight column F headed `header`, one weight per row. */
function weighted(weights: (number | string | null)[], header = '分值', above: string | null = null): CellGrid {
  const grid = gridFromTable(seedTable(1));
  const headerRow = grid.values.findIndex((line) => line[0] === '一级指标');
  grid.values[headerRow][5] = header;
  if (above !== null) grid.values[headerRow - 1][5] = above;
  weights.forEach((weight, i) => {
    grid.values[headerRow + 1 + i][5] = weight;
  });
  return grid;
}

/** 产出 10 rows, 效益 1, 满意度 1: weights adding to 50, 30 and `satisfaction`. */
const SEED_WEIGHTS = (satisfaction: number): number[] => [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 30, satisfaction];

function weightIssues(grid: CellGrid) {
  return checkGridTables(grid, { rules: [weightSumRule] }).flatMap((report) => report.issues);
}

describe('weight-sum on a 权重/分值 column', () => {
  it('reads one weight per row: 50 + 30 + 20 = 100 passes, 50 + 30 + 5 = 85 is flagged at the weight cells', () => {
    expect(weightIssues(weighted(SEED_WEIGHTS(20)))).toEqual([]);
    const issues = weightIssues(weighted(SEED_WEIGHTS(5)));
    expect(issues.map((i) => [i.severity, i.message])).toEqual([['warning', '12 项指标的分值（权重列）合计 85 分，应为 100 分（自评表另计预算执行率 10 分时为 90 分）']]);
    expect(issues[0].cells).toEqual(Array.from({ length: 12 }, (_, i) => `F${10 + i}`));
  });

  it('accepts 90 on a form printing no total (自评表), and reads 权重 and weights written 10分', () => {
    expect(weightIssues(weighted(SEED_WEIGHTS(10)))).toEqual([]);
    expect(weightIssues(weighted([...SEED_WEIGHTS(10).slice(0, 11), '10分'], '权重'))).toEqual([]);
  });

  it('reads weights stored as shares of 1 (a 权重 column formatted 0%) in points', () => {
    expect(weightIssues(weighted(SEED_WEIGHTS(20).map((w) => w / 100), '权重'))).toEqual([]);
    expect(weightIssues(weighted(SEED_WEIGHTS(5).map((w) => w / 100), '权重')).map((i) => i.message)).toEqual([expect.stringContaining('合计 85 分')]);
  });

  it('holds the weights to the total the form prints, and each 一级 to the share printed for it', () => {
    const printed = '绩效指标（权重分值90分，其中产出指标权重分值50分，效益指标权重分值30分，满意度指标权重分值10分）';
    expect(weightIssues(weighted(SEED_WEIGHTS(10), '分值', printed))).toEqual([]);
    const issues = weightIssues(weighted([4, ...SEED_WEIGHTS(10).slice(1, 11), 15], '分值', printed));
    expect(issues.map((i) => i.message)).toEqual([
      '12 项指标的分值（权重列）合计 94 分，应为 90 分（表上印出的总分）',
      '一级指标「产出指标」下各指标的分值合计 49 分，与表上印出的 50 分不符',
      '一级指标「满意度指标」下各指标的分值合计 15 分，与表上印出的 10 分不符',
    ]);
  });

  it('judges nothing where a weight is left blank, where the column is 得分 (the score), or without the cells', () => {
    expect(weightIssues(weighted([...SEED_WEIGHTS(5).slice(0, 11), null]))).toEqual([]);
    expect(weightIssues(weighted(SEED_WEIGHTS(5), '得分'))).toEqual([]);
    const sheet = readSheet(weighted(SEED_WEIGHTS(5)));
    expect(runRule(weightSumRule, sheet!)).toEqual([]);
  });

  it('counts a printed row still to fill: blank points are a value left to type, typed points are summed', () => {
    // The 满意度 row emptied to a slot (no 三级, no description, no value), as a fix inserts it or a form prints it unused.
    const emptied = (satisfaction: number | null) => {
      const grid = weighted([...SEED_WEIGHTS(0).slice(0, 11), satisfaction]);
      const last = grid.values.findIndex((line) => line[0] === '一级指标') + 12;
      for (const col of [2, 3, 4]) grid.values[last][col] = null; // 三级, 描述, 指标值
      return grid;
    };
    expect(readSheet(emptied(null))!.table.indicators.some((row) => row.level1.startsWith('满意度'))).toBe(false);
    expect(weightIssues(emptied(null))).toEqual([]);
    expect(weightIssues(emptied(20))).toEqual([]);
    expect(weightIssues(emptied(5)).map((i) => i.message)).toEqual([expect.stringContaining('12 项指标的分值（权重列）合计 85 分')]);
  });

  it('judges nothing on a grid missing a required dimension (its points are elsewhere)', () => {
    const table = seedTable(1);
    table.indicators = table.indicators.filter((row) => row.level2 !== '时效指标');
    const grid = gridFromTable(table);
    const headerRow = grid.values.findIndex((line) => line[0] === '一级指标');
    grid.values[headerRow][5] = '分值';
    [5, 5, 5, 5, 5, 5, 5, 5, 5, 30, 5].forEach((w, i) => {
      grid.values[headerRow + 1 + i][5] = w;
    });
    expect(weightIssues(grid)).toEqual([]);
  });
});
