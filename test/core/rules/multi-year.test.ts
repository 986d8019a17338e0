// Rules on a multi-year sheet (real .xlsx): each grid gets its own checks, none mixes the two grids.
import { checkGrid } from '../../../src/core/check';
import { parseSettings } from '../../../src/core/model';
import {
  badValueRule,
  costOverBudgetRule,
  deadlineOutsideYearRule,
  missingDimensionRule,
  missingFieldRule,
  missingValueRule,
  templateMissingIndicatorRule,
} from '../../../src/core/rules';
import type { SheetTable } from '../../../src/core/sheet/types';
import { readSheet } from '../../../src/core/sheet/reader';
import { MULTI_YEAR_ROWS, multiYearGrid, type MultiYearOptions } from './multiYear';
import { runRule } from './support';

async function multiYearSheet(options: MultiYearOptions = {}): Promise<SheetTable & { annualFirst: number }> {
  const { grid, annualFirst } = await multiYearGrid(options);
  const sheet = readSheet(grid);
  if (!sheet) throw new Error('多年度表没有读出');
  // Object.assign keeps the sheet's derived views (a spread would drop them).
  return Object.assign(sheet, { annualFirst });
}

const BUDGET_2024 = { budgetYear: 2024 };

describe('a complete multi-year sheet', () => {
  it('raises nothing at all with budget year 2024 (the overall deadline 2026年12月底前 lies in the 项目期)', async () => {
    const { grid } = await multiYearGrid();
    const report = checkGrid(grid, { settings: parseSettings(BUDGET_2024) });
    expect(report?.issues).toEqual([]);
  });
});

describe('missing-dimension per grid', () => {
  it('a 满意度 missing from the overall grid only: one issue, naming 总体目标, at that grid', async () => {
    const sheet = await multiYearSheet({ overallWithoutSatisfaction: true });
    const issues = runRule(missingDimensionRule, sheet);
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toBe('缺少一级指标「满意度指标」：总体目标的指标中没有该维度的指标');
    expect(issues[0].cells).toEqual([`A${MULTI_YEAR_ROWS.overallHeader}`]);
    expect(issues[0].cells).toEqual([sheet.otherGrids![0].indicatorHeader]);
  });

  it('a 二级 missing from the annual grid names 年度目标 and points at its 一级 cell', async () => {
    const sheet = await multiYearSheet();
    const annualRows = sheet.table.indicators;
    const timely = annualRows.findIndex((r) => r.level2 === '时效指标');
    sheet.table.indicators = annualRows.filter((_, i) => i !== timely);
    sheet.grids[0].rows = sheet.grids[0].rows.filter((_, i) => i !== timely);
    const issues = runRule(missingDimensionRule, sheet);
    expect(issues.map((i) => i.message)).toEqual(['年度目标的一级指标「产出指标」下缺少二级指标「时效指标」']);
    expect(issues[0].cells).toEqual([`A${sheet.annualFirst}`]);
  });
});

describe('cost-over-budget per grid', () => {
  it('overall 900万元 within 项目总金额 1000, annual 280 within 预算数 300: nothing, and the two grids are not summed', async () => {
    const sheet = await multiYearSheet({ overallCost: '≤900万元' });
    expect(sheet.table.budget.total).toBe(300);
    expect(runRule(costOverBudgetRule, sheet)).toEqual([]);
  });

  it('the same 900万元 in the annual grid is over 预算数 300', async () => {
    const sheet = await multiYearSheet({ annualCost: '≤900万元' });
    const issues = runRule(costOverBudgetRule, sheet);
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toBe('年度目标的成本指标「本年建设成本」的指标值「≤900万元」即 900万元，超过预算数 300万元，超出 600万元；宜改为不超过 300万元（如「≤300万元」），或核对预算数');
    expect(issues[0].cells).toEqual([`E${sheet.annualFirst + 3}`, 'D5']);
  });

  it('an overall cost above 项目总金额 is reported against it', async () => {
    const sheet = await multiYearSheet({ overallCost: '≤1200万元' });
    const issues = runRule(costOverBudgetRule, sheet);
    expect(issues.map((i) => i.message)).toEqual(['总体目标的成本指标「项目建设总成本」的指标值「≤1200万元」即 1200万元，超过项目总金额 1000万元，超出 200万元；宜改为不超过 1000万元（如「≤1000万元」），或核对项目总金额']);
    expect(issues[0].cells).toEqual([`E${MULTI_YEAR_ROWS.overallCost}`, 'B5']);
  });

  it('without a printed project total the overall grid is not weighed against 预算数', async () => {
    const sheet = await multiYearSheet({ overallCost: '≤900万元', projectTotal: false });
    expect(sheet.projectTotal).toBeUndefined();
    expect(runRule(costOverBudgetRule, sheet)).toEqual([]);
  });
});

describe('deadline-outside-year per grid', () => {
  it('an overall 2026年12月底前 is fine for budget year 2024', async () => {
    const sheet = await multiYearSheet({ overallDeadline: '2026年12月底前' });
    expect(runRule(deadlineOutsideYearRule, sheet, BUDGET_2024)).toEqual([]);
  });

  it('an overall deadline after the 项目期 is reported against the 项目期', async () => {
    const sheet = await multiYearSheet({ overallDeadline: '2027年6月底前' });
    const issues = runRule(deadlineOutsideYearRule, sheet, BUDGET_2024);
    expect(issues.map((i) => i.message)).toEqual(['总体目标的时效指标「全部系统建成时间」的指标值「2027年6月底前」在 2027 年，不在项目期 2024—2026年内']);
    expect(issues[0].cells).toEqual([`E${MULTI_YEAR_ROWS.overallDeadline}`]);
  });

  it('without a budget-year setting the annual grid is held to the year it names, not the whole 项目期', async () => {
    const sheet = await multiYearSheet();
    const row = sheet.table.indicators.findIndex((r) => r.level2 === '时效指标');
    const changed = { ...sheet.table.indicators[row], value: '2025年6月底前', parsed: { ...sheet.table.indicators[row].parsed, year: 2025 } };
    sheet.table.indicators[row] = changed;
    sheet.grids[0].rows[row] = { ...sheet.grids[0].rows[row], row: changed };
    const issues = runRule(deadlineOutsideYearRule, sheet);
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toContain('年度目标的时效指标「本年系统建成时间」');
    expect(issues[0].message).toContain('2024年');
  });
});

describe('row checks run on both grids', () => {
  it('a blank 指标值 and a placeholder in the overall grid are found there', async () => {
    const sheet = await multiYearSheet({ overallCost: '**' });
    const bad = runRule(badValueRule, sheet);
    expect(bad.map((i) => [i.message, i.cells])).toEqual([
      ['总体目标的成本指标「项目建设总成本」的指标值「**」是占位符，应填写实际目标', [`E${MULTI_YEAR_ROWS.overallCost}`]],
    ]);
    const blank = await multiYearSheet({ overallDeadline: '' });
    expect(runRule(missingValueRule, blank).map((i) => i.message)).toEqual(['总体目标的时效指标「全部系统建成时间」没有填写指标值']);
  });

  it('an empty 总体目标 text is a missing field at its cell', async () => {
    const sheet = await multiYearSheet();
    sheet.grids = sheet.grids.map((g, i) => (i === 0 ? g : { ...g, goals: '' }));
    expect(runRule(missingFieldRule, sheet)).toEqual([
      expect.objectContaining({ message: '总体目标为空：应写明项目期内要达到的产出和效果', cells: [`B${MULTI_YEAR_ROWS.overallGoals}`] }),
    ]);
  });

  it('template rules see the annual grid only', async () => {
    const sheet = await multiYearSheet();
    const { department, projectName, unit, title, budget, purpose, goals, extraFields } = sheet.table;
    // A template holding the overall grid's indicators: the annual grid lacks those not in it.
    const template = { title, department, unit, projectName, budget, purpose, goals, extraFields, indicators: sheet.otherGrids![0].indicators, number: 1, source: 'test', line: 1, notes: [] };
    const issues = runRule(templateMissingIndicatorRule, sheet, {}, { tables: [template], notes: [] });
    expect(issues.map((i) => i.message)).toEqual([
      expect.stringContaining('数量指标「建成业务系统个数」'),
      expect.stringContaining('时效指标「全部系统建成时间」'),
      expect.stringContaining('成本指标「项目建设总成本」'),
    ]);
  });
});
