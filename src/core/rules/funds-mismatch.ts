import type { Rule } from './types';
import type { Fix } from '../model';
import type { SheetTable } from '../sheet/types';
import { convertMoney } from '../values';
import { cellsOf, formatAmount, formatNumber } from './helpers';
import { fieldAsShown } from './shownAmount';

/**
 * 其他资金 left blank: fill it with 预算数 − 财政资金, in the unit its own label names (`其他资金（元）`), when
 * that is not negative and the sheet has a cell for it.
 */
function otherFundsFix(sheet: SheetTable): Fix | undefined {
  const { budget, unit } = sheet.table;
  const cell = sheet.refs.budgetOther;
  if (!cell || budget.other !== null || sheet.amountProblems?.budgetOther || budget.total === null || budget.fiscal === null) return undefined;
  const other = budget.total - budget.fiscal;
  if (other < 0) return undefined;
  const cellUnit = sheet.amountUnits?.budgetOther ?? unit;
  const written = Number(formatNumber(convertMoney(other, unit, cellUnit) ?? other));
  return {
    description:
      `将其他资金（${cell}）填为 ${formatAmount(written, cellUnit)}：预算数 ${formatAmount(budget.total, unit)} − ` +
      `财政资金 ${formatAmount(budget.fiscal, unit)} = ${formatAmount(other, unit)}`,
    steps: [{ kind: 'setCell', cell, value: written }],
    select: [cell],
  };
}

/** 财政资金 + 其他资金 must equal 预算数; a blank 其他资金 counts as 0. */
export const fundsMismatchRule: Rule = {
  code: 'funds-mismatch',
  title: '资金来源与预算数不符',
  defaultSeverity: 'error',
  description: '财政资金与其他资金之和不等于预算数（空白按 0 计）。允许的误差由设置决定。',
  basis: '财预〔2015〕88号审核要点“完整性”；评审实践',
  english: '财政资金 + 其他资金 ≠ 预算数 (blank = 0, tolerance a setting)',
  settings: ['severities', 'disabledRules', 'fundsTolerance'],
  examples: {
    flagged: [{ input: [{ field: '财政资金', value: '200' }], note: '200 + 0（其他资金空白）= 200 万元，比预算数 292 万元少 92 万元。' }],
    accepted: [
      { input: [{ field: '财政资金', value: '200' }, { field: '其他资金', value: '92' }], note: '200 + 92 = 292 万元，与预算数相符。' },
      { input: [{ field: '财政资金', value: '2920000元' }], note: '2920000 元即 292 万元，按单位换算后相符。' },
    ],
  },
  check({ sheet, settings }) {
    const { budget, unit } = sheet.table;
    // Nothing to add up: a missing 预算数 is missing-field's business, and no split given means no claim.
    if (budget.total === null || (budget.fiscal === null && budget.other === null)) return [];
    const fiscal = budget.fiscal ?? 0;
    const other = budget.other ?? 0;
    const sum = fiscal + other;
    const difference = sum - budget.total;
    if (Math.abs(difference) <= settings.fundsTolerance) return [];
    const { refs } = sheet;
    // The way out, with 预算数 taken as right: the source that would make the sum come out (never negative).
    const fixes = [
      budget.total - other >= 0 ? `财政资金应为 ${formatAmount(budget.total - other, unit)}` : '',
      budget.total - fiscal >= 0 ? `其他资金应为 ${formatAmount(budget.total - fiscal, unit)}` : '',
    ].filter((fix) => fix !== '');
    const fixText = fixes.length > 0 ? `；若预算数无误，${fixes.join('，或')}` : '；请核对预算数';
    const fix = otherFundsFix(sheet);
    return [
      {
        ...(fix ? { fix } : {}),
        message:
          `财政资金 ${fieldAsShown(sheet, 'budgetFiscal', formatAmount(fiscal, unit))} + 其他资金 ${fieldAsShown(sheet, 'budgetOther', formatAmount(other, unit))} = ${formatAmount(sum, unit)}，` +
          `与预算数 ${fieldAsShown(sheet, 'budgetTotal', formatAmount(budget.total, unit))} 不符，${difference > 0 ? '多出' : '少'} ${formatAmount(Math.abs(difference), unit)}${fixText}`,
        cells: cellsOf(refs.budgetTotal, refs.budgetFiscal, refs.budgetOther),
      },
    ];
  },
};
