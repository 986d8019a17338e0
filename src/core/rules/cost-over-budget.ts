import type { Finding, Rule } from './types';
import type { Framework } from '../frameworks/types';
import type { SheetTable, ShownAndStored } from '../sheet/types';
import { rowDimensionRole } from '../frameworks';
import { cellList, cellsOf, formatAmount, gridRowLabel, inGrid, sheetGrids, type ScopedGrid } from './helpers';
import { withStoredValue } from './shownAmount';

/** The amount a grid's costs must stay within: 预算数 for the annual grid, the project total for the overall one. */
interface CostLimit {
  total: number;
  /** How the message names it: `预算数`, `项目总金额` … */
  label: string;
  address: string | null;
  /** Set when its cell shows another amount than it stores (the message names both). */
  stored?: ShownAndStored;
}

function limitOf(sheet: SheetTable, grid: ScopedGrid): CostLimit | null {
  if (grid.scope === 'annual') {
    const { total } = sheet.table.budget;
    return total === null ? null : { total, label: '预算数', address: sheet.refs.budgetTotal, stored: sheet.amountStored?.budgetTotal };
  }
  // An overall grid without a printed project total has nothing to be weighed against.
  const project = sheet.projectTotal;
  return project ? { total: project.amount, label: project.label, address: project.address, stored: project.stored } : null;
}

/**
 * Relative slack for adding amounts in binary floating point (291.2 + 0.8 may come out a hair above 292):
 * one part in a billion, under 0.001 元 on a 100 亿元 budget — never a user-visible tolerance.
 */
const FLOAT_EPSILON = 1e-9;

function checkGrid(sheet: SheetTable, grid: ScopedGrid, limit: CostLimit, framework: Framework): Finding[] {
  const { unit } = sheet.table;
  const { total, label } = limit;
  const limitText = `${label} ${withStoredValue(formatAmount(total, unit), limit.stored)}`;
  // fundsTolerance is funds-mismatch's; a cost is over as soon as it is over, bar floating-point noise.
  const ceiling = total + Math.abs(total) * FLOAT_EPSILON;
  const costs = grid.rows.flatMap(({ row, refs }) => {
    const { kind, amount } = row.parsed;
    return rowDimensionRole(framework, row) === 'cost' && kind === 'moneyTotal' && amount !== null ? [{ row, refs, amount }] : [];
  });
  const findings: Finding[] = [];
  for (const { row, refs, amount } of costs) {
    if (amount > ceiling) {
      findings.push({
        message:
          `${gridRowLabel(grid, row)}的指标值「${row.value}」即 ${formatAmount(amount, unit)}，超过${limitText}，` +
          `超出 ${formatAmount(amount - total, unit)}；宜改为不超过 ${formatAmount(total, unit)}（如「≤${formatAmount(total, unit)}」），或核对${label}`,
        cells: cellsOf(refs.value, limit.address),
      });
    }
  }
  if (findings.length > 0 || costs.length < 2) return findings;
  const all = costs.reduce((s, { amount }) => s + amount, 0);
  // A row that equals the sum of the others (年度预算总成本 under its parts) is their total, not one more cost.
  const totalRow = costs.length >= 3 ? costs.find(({ amount }) => Math.abs(amount - (all - amount)) <= Math.abs(amount) * FLOAT_EPSILON) : undefined;
  const sum = totalRow ? totalRow.amount : all;
  if (sum > ceiling) {
    const parts = costs.map(({ amount }) => formatAmount(amount, unit)).join(' + ');
    findings.push({
      message:
        `${inGrid(grid, `${costs.length} 项成本指标`)}合计 ${parts} = ${formatAmount(sum, unit)}，超过${limitText}，` +
        `超出 ${formatAmount(sum - total, unit)}；宜将各项成本共压减 ${formatAmount(sum - total, unit)}，或核对${label}`,
      cells: cellList([...costs.map(({ refs }) => refs.value), limit.address]),
    });
  }
  return findings;
}

/**
 * A 成本 amount, or the sum of 成本 amounts, above 预算数 — per grid: the annual grid against 预算数, a
 * multi-year sheet's overall grid against its project total (skipped when none is printed); two grids are
 * never added together. Only money totals count: the value parser has already converted them to the table's
 * unit and told unit costs (`元/人`, or `≤180元` under a 人均/每人每天… 三级 name) apart as moneyRate.
 */
export const costOverBudgetRule: Rule = {
  code: 'cost-over-budget',
  title: '成本超过预算数',
  defaultSeverity: 'error',
  description: '成本指标的金额，或各成本总额之和，按元/万元/亿元换算后超过预算数。单价类成本（元/人、每人每天等）不参与求和，以免误报。',
  basis: '财预〔2015〕88号审核要点“适当性”；评审实践',
  english: 'a 成本 amount, or the sum of 成本 amounts, above 预算数 after 元/万元/亿元 conversion; unit costs (元/人, 每人每天 …) are never summed',
  settings: ['severities', 'disabledRules'],
  examples: {
    flagged: [
      { input: [{ dimension: '成本指标', indicator: '运维费用支出', column: '指标值', value: '≤300万元' }], note: '300 万元超过预算数 292 万元。' },
      { input: [{ dimension: '成本指标', indicator: '运维费用支出', column: '指标值', value: '≤2930000元' }], note: '2930000 元即 293 万元，超过预算数 292 万元。' },
      { input: [{ field: '预算数', value: '3' }, { field: '财政资金', value: '3' }, { dimension: '成本指标', indicator: '运维费用支出', column: '指标值', value: '≤5万元' }], note: '5 万元超过预算数 3 万元。' },
    ],
    accepted: [
      { input: [{ dimension: '成本指标', indicator: '运维费用支出', column: '指标值', value: '≤2910000元' }], note: '2910000 元即 291 万元，加上评审费 0.8 万元仍在预算数 292 万元之内。' },
      { input: [{ dimension: '成本指标', indicator: '项目评审费用支出', column: '指标值', value: '≤800元/人次' }], note: '单价不是总额，不参与求和。' },
    ],
  },
  check({ sheet, framework }) {
    return sheetGrids(sheet).flatMap((grid) => {
      const limit = limitOf(sheet, grid);
      return limit ? checkGrid(sheet, grid, limit, framework) : [];
    });
  },
};
