import type { Finding, Rule } from './types';
import type { Framework } from '../frameworks/types';
import type { IndicatorRowRefs, SheetTable, ShownAndStored } from '../sheet/types';
import type { IndicatorRow } from '../model';
import { rowDimensionRole } from '../frameworks';
import { cellList, cellsOf, formatAmount, gridRowLabel, inGrid, sheetGrids, type ScopedGrid } from './helpers';
import { countedCosts, FLOAT_EPSILON } from './costTotals';
import { grounded, SOURCES } from './sources';
import { withStoredValue } from './shownAmount';
import { convertMoney, yearlyMoneyUnit } from '../values';

/**
 * The amount a grid's costs must stay within: 预算数 for the annual grid, the project total for the overall one;
 * another year's column (2025年 on a 2024 table) has no amount of its own on the form.
 */
interface CostLimit {
  total: number;
  /** How the message names it: `预算数`, `项目总金额` … */
  label: string;
  address: string | null;
  /** Set when its cell shows another amount than it stores (the message names both). */
  stored?: ShownAndStored;
}

function limitOf(sheet: SheetTable, grid: ScopedGrid): CostLimit | null {
  // A row of a transposed table (one 镇's targets beside its 资金) answers to its own money.
  if (grid.money) return { total: grid.money.amount, label: grid.money.label, address: grid.money.address };
  if (grid.scope === 'annual') {
    const { total } = sheet.table.budget;
    // A form with no total: its 财政资金 and 其他资金 summed, named so.
    const summed = sheet.summedTotal;
    if (total === null) return null;
    return summed ? { total, label: summed.label, address: summed.cells[0] ?? null } : { total, label: '预算数', address: sheet.refs.budgetTotal, stored: sheet.amountStored?.budgetTotal };
  }
  if (grid.scope === 'otherYear') return null;
  // An overall grid without a printed project total has nothing to be weighed against.
  const project = sheet.projectTotal;
  return project ? { total: project.amount, label: project.label, address: project.address, stored: project.stored } : null;
}

/** A 三级 that names a per-unit cost (人均, 每人每天, 单价): a bare number under it is a rate, never a total. */
const PER_UNIT_NAME = /人均|每|单价|单位成本|\/|标准|率|比例/;

interface Cost {
  row: IndicatorRow;
  refs: IndicatorRowRefs;
  amount: number;
  /** Typed without a unit (`350`) on a sheet whose unit is stated: read in that unit (bad-value asks for the unit). */
  unitless: boolean;
}

/** The grid's money totals under 成本: amounts with a unit, and bare numbers where the sheet states its unit. */
function costsOf(sheet: SheetTable, grid: ScopedGrid, framework: Framework): Cost[] {
  const unitStated = sheet.refs.unit !== null;
  return grid.rows.flatMap(({ row, refs }): Cost[] => {
    if (rowDimensionRole(framework, row) !== 'cost') return [];
    const { kind, amount, number } = row.parsed;
    if (kind === 'moneyTotal' && amount !== null) return [{ row, refs, amount, unitless: false }];
    // `≤50万元/年` on the annual grid is that year's cost (a 人均/标准 name keeps it a unit cost).
    const yearly = kind === 'moneyRate' && grid.scope === 'annual' && number !== null && !PER_UNIT_NAME.test(row.level3) ? yearlyMoneyUnit(row.parsed.unit) : null;
    const perYear = yearly === null || number === null ? null : convertMoney(number, yearly, sheet.table.unit);
    if (perYear !== null) return [{ row, refs, amount: perYear, unitless: false }];
    if (kind === 'number' && number !== null && unitStated && !PER_UNIT_NAME.test(row.level3)) return [{ row, refs, amount: number, unitless: true }];
    return [];
  });
}

function checkGrid(sheet: SheetTable, grid: ScopedGrid, limit: CostLimit, framework: Framework): Finding[] {
  const { unit } = sheet.table;
  const { total, label } = limit;
  const limitText = `${label} ${withStoredValue(formatAmount(total, unit), limit.stored)}`;
  // fundsTolerance is funds-mismatch's; a cost is over as soon as it is over, bar floating-point noise.
  const ceiling = total + Math.abs(total) * FLOAT_EPSILON;
  const costs = costsOf(sheet, grid, framework);
  // A total and its 其中/小计 parts are one amount: only what countedCosts keeps is added.
  const { counted, sum } = countedCosts(costs.map((cost) => ({ row: cost.row, amount: cost.amount, item: cost })));
  const isCounted = new Set(counted.map(({ item }) => item));
  /** What the other counted costs take of the limit beside `cost` (a part under a total is in its total). */
  const othersOf = (cost: Cost): number => (isCounted.has(cost) ? sum - cost.amount : 0);
  const findings: Finding[] = [];
  for (const cost of costs) {
    const { row, refs, amount, unitless } = cost;
    if (amount <= ceiling) continue;
    // The amount that clears this issue and raises no other: what the limit leaves after the other costs.
    const others = othersOf(cost);
    const room = Math.round((total - others) * 1e4) / 1e4;
    const asTyped = unitless ? `没有写单位，按本表单位（${unit}）即 ${formatAmount(amount, unit)}` : `即 ${formatAmount(amount, unit)}`;
    const advice =
      room <= 0
        ? `其余成本已合计 ${formatAmount(others, unit)}，已用完${label}；宜核对各项成本或${label}`
        : `宜改为不超过 ${formatAmount(room, unit)}（如「≤${formatAmount(room, unit)}」${others > 0 ? `，与其余成本 ${formatAmount(others, unit)} 合计不超过${label}` : ''}），或核对${label}`;
    findings.push({
      message: `${gridRowLabel(grid, row)}的指标值「${row.value}」${asTyped}，超过${limitText}，超出 ${formatAmount(amount - total, unit)}；${advice}`,
      cells: cellsOf(refs.value, limit.address),
    });
  }
  if (findings.length > 0 || counted.length < 2) return findings;
  if (sum > ceiling) {
    const parts = counted.map(({ amount }) => formatAmount(amount, unit)).join(' + ');
    findings.push({
      message:
        `${inGrid(grid, `${counted.length} 项成本指标`)}合计 ${parts} = ${formatAmount(sum, unit)}，超过${limitText}，` +
        `超出 ${formatAmount(sum - total, unit)}；宜将各项成本共压减 ${formatAmount(sum - total, unit)}，或核对${label}`,
      cells: cellList([...counted.map(({ item }) => item.refs.value), limit.address]),
    });
  }
  return findings;
}

/**
 * A 成本 amount, or the sum of 成本 amounts, above 预算数 — per grid: the annual grid against 预算数, a
 * multi-year sheet's overall grid against its project total (skipped when none is printed), another year's
 * column (2025年 beside 2024年) against nothing; two grids are never added together. Only money totals count: the value parser has already converted them to the table's
 * unit and told unit costs (`元/人`, or `≤180元` under a 人均/每人每天… 三级 name) apart as moneyRate.
 */
export const costOverBudgetRule: Rule = {
  code: 'cost-over-budget',
  title: '成本超过预算数',
  defaultSeverity: 'error',
  description: '成本指标的金额，或各成本总额之和，按元/万元/亿元换算后超过预算数。单价类成本（元/人、每人每天等）不参与求和；按年计的金额（如「≤50万元/年」）在年度目标中即当年成本，参与比较；合计/小计/总成本行与其「其中」分项（按文字或金额识别：分项列在其下且相加等于它）只算一次，以免误报。按年分列指标值的表（实施期 | 2024年 | 2025年），只有预算年度那一列与预算数比较，其他年度的成本不与本年预算比较。一行一个乡镇/村的横排表（维度名称在表头横列），各行的成本与该行的资金比较。自评表并列年初预算数与全年预算数（或调整后预算数）时，以全年预算数为预算数：它是执行率的分母，年中追加或调减后的当年资金。',
  ...grounded([SOURCES.match88, '成本与预算确定的投入相匹配'], [SOURCES.suitable88, '资金规模与绩效目标匹配']),
  english: 'a 成本 amount, or the sum of 成本 amounts, above 预算数 after 元/万元/亿元 conversion; unit costs (元/人, 每人每天 …) are never summed, while money a year (`≤50万元/年`) counts as that year\'s cost in the annual grid; where targets are given per year (实施期 | 2024年 | 2025年) only the budget year\'s column is weighed against 预算数',
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
      {
        input: [
          { dimension: '成本指标', indicator: '运维费用支出', column: '三级指标', value: '项目总成本' },
          { dimension: '成本指标', indicator: '运维费用支出', column: '指标值', value: '≤200万元' },
          { dimension: '成本指标', indicator: '项目评审费用支出', column: '三级指标', value: '其中：运维服务费' },
          { dimension: '成本指标', indicator: '项目评审费用支出', column: '指标值', value: '≤150万元' },
        ],
        note: '「其中」是总成本的一部分：200 万元与其中的 150 万元是同一笔钱，不相加。',
      },
    ],
  },
  check({ sheet, framework }) {
    return sheetGrids(sheet).flatMap((grid) => {
      const limit = limitOf(sheet, grid);
      return limit ? checkGrid(sheet, grid, limit, framework) : [];
    });
  },
};
