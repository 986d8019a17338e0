import type { Rule } from './types';
import type { Fix } from '../model';
import type { SheetTable } from '../sheet/types';
import { convertMoney } from '../values';
import { cellsOf, formatAmount, formatNumber } from './helpers';
import { fieldAsShown } from './shownAmount';
import { grounded, SOURCES } from './sources';

type SourceField = 'budgetFiscal' | 'budgetOther';
const SOURCE_NAMES: Record<SourceField, string> = { budgetFiscal: '财政资金', budgetOther: '其他资金' };

/**
 * One way out, 预算数 taken as right: `field` set to 预算数 − the other source, in the unit its own label names
 * (`其他资金（元）`), when that is not negative and the sheet has a readable cell for it, 其他资金 being blank.
 */
function sourceFix(sheet: SheetTable, field: SourceField): Fix | undefined {
  const { budget, unit } = sheet.table;
  const cell = sheet.refs[field];
  if (!cell || sheet.amountProblems?.[field] || budget.total === null) return undefined;
  // A filled 其他资金 may be the sum of several cells, or share a cell with its label (财政拨款：…（其中…）), as may
  // the 财政资金 beside it: only the plain case, 其他资金 left blank, is written.
  // A 财政资金 that adds 上年结转资金 to its cell is no amount to write into that cell.
  if (budget.other !== null || (field === 'budgetFiscal' && sheet.carriedOver)) return undefined;
  const otherField: SourceField = field === 'budgetFiscal' ? 'budgetOther' : 'budgetFiscal';
  const otherAmount = (otherField === 'budgetFiscal' ? budget.fiscal : budget.other) ?? 0;
  const amount = budget.total - otherAmount;
  if (amount < 0) return undefined;
  const cellUnit = sheet.amountUnits?.[field] ?? unit;
  const written = Number(formatNumber(convertMoney(amount, unit, cellUnit) ?? amount));
  const name = SOURCE_NAMES[field];
  return {
    description:
      `将${name}（${cell}）填为 ${formatAmount(written, cellUnit)}：预算数 ${formatAmount(budget.total, unit)} − ` +
      `${SOURCE_NAMES[otherField]} ${formatAmount(otherAmount, unit)} = ${formatAmount(amount, unit)}`,
    steps: [{ kind: 'setCell', cell, value: written }],
    select: [cell],
    choice: name,
  };
}

/** 财政资金 as the message says it: the cell's amount, or the sum of the levels a form gives instead (S31). */
function fiscalSaid(sheet: SheetTable, fiscal: number): string {
  const { unit } = sheet.table;
  const levels = sheet.fiscalLevels;
  const carried = (sheet.carriedOver ?? []).reduce((sum, { amount }) => sum + (amount ?? 0), 0);
  if (sheet.carriedOver) return `财政资金 ${formatAmount(fiscal, unit)}（含上年结转资金 ${formatAmount(carried, unit)}）`;
  if (!levels) return `财政资金 ${fieldAsShown(sheet, 'budgetFiscal', formatAmount(fiscal, unit))}`;
  const parts = levels.map(({ label, amount }) => `${label} ${amount === null ? '空白' : formatAmount(amount, unit)}`).join(' + ');
  return `财政资金 ${formatAmount(fiscal, unit)}（表上没有财政资金合计，按各级资金之和计：${parts}）`;
}

/** 财政资金 + 其他资金 must equal 预算数; a blank 其他资金 counts as 0. */
export const fundsMismatchRule: Rule = {
  code: 'funds-mismatch',
  title: '资金来源与预算数不符',
  defaultSeverity: 'error',
  description: '财政资金与其他资金之和不等于预算数（空白按 0 计）。表上只列中央、省、市、县（区）各级资金而没有财政资金合计时，按各级资金之和作为财政资金；列了合计时，各级资金是它的组成，不再相加。中期与年度资金两列并列时，各项金额都取年度一列，两列不混加；自评表的年初预算数与全年预算数并列时取全年一列，上年结转资金计入财政资金。允许的误差由设置决定。',
  ...grounded(SOURCES.complete88, [SOURCES.practice, '资金来源相加应等于预算数']),
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
    // Two ways out, and only the clerk knows which source is wrong: both are offered, neither applied by 全部修正.
    const choices = (['budgetOther', 'budgetFiscal'] as const).flatMap((field) => sourceFix(sheet, field) ?? []);
    return [
      {
        ...(choices.length > 0 ? { choices } : {}),
        message:
          `${fiscalSaid(sheet, fiscal)} + 其他资金 ${fieldAsShown(sheet, 'budgetOther', formatAmount(other, unit))} = ${formatAmount(sum, unit)}，` +
          `与预算数 ${fieldAsShown(sheet, 'budgetTotal', formatAmount(budget.total, unit))} 不符，${difference > 0 ? '多出' : '少'} ${formatAmount(Math.abs(difference), unit)}${fixText}`,
        cells: [...cellsOf(refs.budgetTotal, refs.budgetFiscal), ...[...(sheet.fiscalLevels ?? []), ...(sheet.carriedOver ?? [])].map((part) => part.address), ...cellsOf(refs.budgetOther)],
      },
    ];
  },
};
