import { findLevel2, rowDimensionRole } from '../frameworks';
import type { Framework } from '../frameworks/types';
import type { IndicatorRow } from '../model';
import type { IndicatorRowRefs, SheetTable } from '../sheet/types';
import type { Finding, Rule } from './types';
import { cellsOf, formatAmount, formatNumber, gridRowLabel, sheetGrids, type ScopedGrid } from './helpers';
import { grounded, SOURCES } from './sources';
import { compactText, isUpperBound } from '../values';
import { withStoredValue } from './shownAmount';

/** Words naming the period, left off to pair the two grids' rows (本年建成系统个数 ↔ 建成系统个数). */
const PERIOD_WORDS = /本年度|本年|年度|当年|全年|今年|中长期|中期|长期|项目期内|项目期|实施期内|实施期|计划期内|累计|共计|合计|总计|总|\d{4}年|[一二三四五]年内|[一二三四五]年|期内|期末/g;

/** Names of rates and shares, which a year's part does not add up into (人均, 单价, 完成率 …). */
const NOT_CUMULATIVE = /人均|每|单价|单位|标准|率|比例|比重|占比|平均|指数/;

/**
 * An indicator's name stripped of its period words and punctuation: the key its rows are paired by. A row
 * with no 三级 (forms whose 指标内容 is left empty, values under the 二级 alone) is paired by its 二级.
 */
function pairKey(framework: Framework, row: IndicatorRow): string {
  const name = compactText(row.level3).replace(PERIOD_WORDS, '').replace(/[（(][^）)]*[）)]|[^\p{L}\p{N}]/gu, '').replace(/^项目/, '');
  if (name || compactText(row.level3)) return name;
  const level2 = findLevel2(framework, row.level1, row.level2);
  return level2 ? `二级:${level2.name}` : '';
}

interface Amount {
  value: number;
  /** How the value is compared and said: the money unit of the table, or the count's own unit. */
  unit: string;
  money: boolean;
}

/** The cumulative quantity or money total a row's target states, or null (rates, ratios, words, dates). */
function cumulative(framework: Framework, row: IndicatorRow, tableUnit: string): Amount | null {
  const role = rowDimensionRole(framework, row);
  if ((role !== 'quantity' && role !== 'cost') || NOT_CUMULATIVE.test(compactText(row.level3))) return null;
  const { kind, number, unit, amount, operator } = row.parsed;
  if (role === 'cost') return kind === 'moneyTotal' && amount !== null ? { value: amount, unit: tableUnit, money: true } : null;
  // A 数量 ceiling (≤3次) bounds a count from above: no share of a period total.
  if (operator !== null && isUpperBound(operator)) return null;
  if ((kind !== 'count' && kind !== 'number') || number === null || (unit ?? '').includes('/')) return null;
  return { value: number, unit: unit ?? '', money: false };
}

interface Located {
  row: IndicatorRow;
  refs: IndicatorRowRefs;
  amount: Amount;
}

function located(grid: ScopedGrid, framework: Framework, tableUnit: string): Map<string, Located[]> {
  const byKey = new Map<string, Located[]>();
  for (const { row, refs } of grid.rows) {
    const amount = cumulative(framework, row, tableUnit);
    const key = pairKey(framework, row);
    if (!amount || key.length < 2) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), { row, refs, amount }]);
  }
  return byKey;
}

const said = (amount: Amount): string => `${formatNumber(amount.value)}${amount.unit}`;

/** Whether a year's amount is above the period's, both in the same unit. */
function exceeds(year: Amount, period: Amount): boolean {
  return year.money === period.money && year.unit === period.unit && year.value > period.value * (1 + 1e-9);
}

const ADVICE = '一年的目标不应多于整个实施期的目标；宜核对两处的指标值';

/** Each annual row whose cumulative target is above the same indicator's in the overall grid. */
function pairedRows(sheet: SheetTable, overall: ScopedGrid, annual: ScopedGrid, framework: Framework): Finding[] {
  const unit = sheet.table.unit;
  const whole = located(overall, framework, unit);
  const findings: Finding[] = [];
  for (const [key, rows] of located(annual, framework, unit)) {
    const across = whole.get(key);
    // One row each side: two rows of one name (其中 parts, regions) are not paired by guess.
    if (rows.length !== 1 || across?.length !== 1) continue;
    const [year] = rows;
    const [period] = across;
    if (!exceeds(year.amount, period.amount)) continue;
    findings.push({
      message: `${gridRowLabel(annual, year.row)}的指标值「${year.row.value}」（${said(year.amount)}）超过${gridRowLabel(overall, period.row)}的「${period.row.value}」（${said(period.amount)}）：${ADVICE}`,
      cells: cellsOf(year.refs.value, period.refs.value),
    });
  }
  return findings;
}

/** 年度 money above the whole project's (预算数 above 项目总金额). */
function moneyBlocks(sheet: SheetTable): Finding[] {
  const { total } = sheet.table.budget;
  const project = sheet.projectTotal;
  if (total === null || !project || total <= project.amount * (1 + 1e-9)) return [];
  const { unit } = sheet.table;
  return [
    {
      message: `预算数 ${withStoredValue(formatAmount(total, unit), sheet.amountStored?.budgetTotal)} 超过${project.label} ${withStoredValue(formatAmount(project.amount, unit), project.stored)}：一年的预算不应多于整个项目的资金；宜核对两处金额`,
      cells: cellsOf(sheet.refs.budgetTotal, project.address),
    },
  ];
}

/**
 * A multi-year table's 年度 targets against its 中长期/实施期 ones: a year's count or money (the budget year's,
 * or another year's printed beside it: 实施期 | 2024年 | 2025年) for an indicator the 总体目标 grid also states
 * should not exceed the whole period's (cumulative quantities and
 * money totals only; rates, shares and ceilings are free), and 预算数 should not exceed 项目总金额.
 */
export const annualExceedsOverallRule: Rule = {
  code: 'annual-exceeds-overall',
  title: '年度目标超过中长期目标',
  defaultSeverity: 'warning',
  description:
    '同一张表既有总体（中长期、实施期）目标又有年度目标时——两张指标表，或同一张表里按期间分开的列（「中期指标值」「年度指标值」「实施期目标」「年度目标」，或「实施期」「2024年」「2025年」每年一列等）——同一指标每一年的数量或金额（如建成系统个数、建设成本）不应超过整个实施期的，各年之间不相互比较；年度预算数也不应超过项目总金额。比率、单价、上限（≤）和文字目标不比较。年度目标是实施期目标在一年内的部分，多于整体多半是填错了行或单位。',
  ...grounded([SOURCES.periods88, '年度目标是中长期目标在一个预算年度内的部分'], [SOURCES.match88, '与计划期内的任务数相对应'], [SOURCES.practice, '逐项比较年度与中长期指标值']),
  english:
    'on a table with both 总体/中长期 and 年度 targets (two grids, or value columns by period side by side: 中期指标值 | 年度指标值, 实施期目标 | 年度目标, 实施期 | 2024年 | 2025年 …): any year\'s count or money total above the same indicator\'s 中长期 one (rates, unit costs, ceilings and words are not compared, nor years with each other), or 预算数 above 项目总金额',
  settings: ['severities', 'disabledRules'],
  examples: {
    flagged: [{ input: [{ field: '项目总金额', value: '200' }], note: '本年预算数 292 万元，多于整个项目的 200 万元。' }],
    accepted: [{ input: [{ field: '项目总金额', value: '900' }], note: '本年预算数 292 万元是项目总金额 900 万元的一部分。' }],
  },
  check({ sheet, framework }) {
    const grids = sheetGrids(sheet).filter((grid) => grid.region === undefined);
    const overall = grids.filter((grid) => grid.scope === 'overall');
    const findings = moneyBlocks(sheet);
    // Rows are paired only against the one overall grid; two would leave which one a year belongs to a guess.
    if (overall.length !== 1) return findings;
    // Each year (the budget year's and the others printed beside it) is a part of the period; years are not compared with each other.
    for (const year of grids.filter((grid) => grid.scope !== 'overall')) for (const finding of pairedRows(sheet, overall[0], year, framework)) findings.push(finding);
    return findings;
  },
};
