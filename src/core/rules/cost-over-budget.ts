import type { Finding, Rule } from './types';
import { rowDimensionRole } from '../frameworks';
import { cellsOf, formatAmount, locatedRows, rowLabel } from './helpers';

/**
 * A 成本 amount, or the sum of 成本 amounts, above 预算数. Only money totals count: the value parser
 * has already converted them to the table's unit and told unit costs (`元/人`, or `≤180元` under a
 * 人均/每人每天… 三级 name) apart as moneyRate; those and text are left out.
 */
export const costOverBudgetRule: Rule = {
  code: 'cost-over-budget',
  title: '成本超过预算数',
  defaultSeverity: 'error',
  check({ sheet, settings, framework }) {
    const { budget, unit } = sheet.table;
    if (budget.total === null) return [];
    const total = budget.total;
    const limit = total + settings.fundsTolerance;
    const costs = locatedRows(sheet).filter(
      ({ row }) =>
        rowDimensionRole(framework, row) === 'cost' &&
        row.parsed.kind === 'moneyTotal' &&
        row.parsed.amount !== null,
    );
    const findings: Finding[] = [];
    for (const { row, refs } of costs) {
      const amount = row.parsed.amount as number;
      if (amount > limit) {
        findings.push({
          message: `${rowLabel(row)}的指标值「${row.value}」即 ${formatAmount(amount, unit)}，超过预算数 ${formatAmount(total, unit)}`,
          cells: cellsOf(refs.value, sheet.refs.budgetTotal),
        });
      }
    }
    if (findings.length > 0 || costs.length < 2) return findings;
    const sum = costs.reduce((s, { row }) => s + (row.parsed.amount as number), 0);
    if (sum > limit) {
      const parts = costs.map(({ row }) => formatAmount(row.parsed.amount as number, unit)).join(' + ');
      findings.push({
        message: `${costs.length} 项成本指标合计 ${parts} = ${formatAmount(sum, unit)}，超过预算数 ${formatAmount(total, unit)}`,
        cells: cellsOf(...costs.map(({ refs }) => refs.value), sheet.refs.budgetTotal),
      });
    }
    return findings;
  },
};
