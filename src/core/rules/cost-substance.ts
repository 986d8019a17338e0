import { allowsNone, findLevel2, rowDimensionRole } from '../frameworks';
import type { Finding, Rule } from './types';
import { cellList, cellsOf, formatAmount, formatNumber, gridRowLabel, inGrid, sheetGrids } from './helpers';
import { countedCosts } from './costTotals';
import { grounded, SOURCES } from './sources';

/**
 * On a 101号 sheet, the 成本 一级 must say what the project costs: an 经济成本 in money (a total or a unit
 * cost), not a rate (成本控制率 ≤100%), and, summed without double-counting 其中 parts, not far below 预算数
 * (settings.minCostShare %). 社会/生态环境成本 answered in words (无) are fine but are no 经济成本.
 */
export const costSubstanceRule: Rule = {
  code: 'cost-substance',
  title: '经济成本缺失或不实',
  defaultSeverity: 'warning',
  description:
    '财预〔2021〕101号框架的成本指标应反映项目的直接经济成本：应有以金额表示的经济成本指标（总额或单价），不应写成比率（如成本控制率≤100%），各项经济成本合计也不应远低于预算数（默认低于预算数的 50% 时提示，可在设置中调整）。只有社会成本、生态环境成本“无”的表，没有说明花多少钱。',
  ...grounded([SOURCES.cost101, '经济成本反映直接经济成本'], [SOURCES.match88, '成本与预算确定的投入相匹配'], [SOURCES.practice, '成本合计不低于预算数的一半，阈值为设置']),
  english: 'on a 101号 sheet: no 经济成本 in money, an 经济成本 written as a rate (成本控制率 ≤100%), or 经济成本 totals far below 预算数 (minCostShare, default 50%)',
  settings: ['severities', 'disabledRules', 'minCostShare'],
  examples: {
    flagged: [
      {
        input: [
          { dimension: '成本指标', indicator: '运维费用支出', column: '一级指标', value: '成本指标' },
          { dimension: '成本指标', indicator: '运维费用支出', column: '二级指标', value: '经济成本指标' },
          { dimension: '成本指标', indicator: '运维费用支出', column: '三级指标', value: '成本控制率' },
          { dimension: '成本指标', indicator: '运维费用支出', column: '指标值', value: '≤100%' },
          { dimension: '成本指标', indicator: '项目评审费用支出', column: '一级指标', value: '成本指标' },
          { dimension: '成本指标', indicator: '项目评审费用支出', column: '二级指标', value: '社会成本指标' },
          { dimension: '成本指标', indicator: '项目评审费用支出', column: '指标值', value: '无' },
        ],
        note: '101号表的经济成本写成了比率，没有一项说明花多少钱。',
      },
      {
        input: [
          { dimension: '成本指标', indicator: '运维费用支出', column: '一级指标', value: '成本指标' },
          { dimension: '成本指标', indicator: '运维费用支出', column: '二级指标', value: '经济成本指标' },
          { dimension: '成本指标', indicator: '运维费用支出', column: '指标值', value: '≤50万元' },
          { dimension: '成本指标', indicator: '项目评审费用支出', column: '一级指标', value: '成本指标' },
          { dimension: '成本指标', indicator: '项目评审费用支出', column: '二级指标', value: '经济成本指标' },
        ],
        note: '经济成本合计 50.8 万元，不到预算数 292 万元的一半。',
      },
    ],
    accepted: [
      {
        input: [
          { dimension: '成本指标', indicator: '运维费用支出', column: '一级指标', value: '成本指标' },
          { dimension: '成本指标', indicator: '运维费用支出', column: '二级指标', value: '经济成本指标' },
          { dimension: '成本指标', indicator: '项目评审费用支出', column: '一级指标', value: '成本指标' },
          { dimension: '成本指标', indicator: '项目评审费用支出', column: '二级指标', value: '生态环境成本指标' },
          { dimension: '成本指标', indicator: '项目评审费用支出', column: '指标值', value: '对生态环境无负面影响' },
        ],
        note: '经济成本 291.2 万元写成金额；生态环境成本用文字回答“无负面影响”，101号允许。',
      },
    ],
  },
  check({ sheet, framework, settings }) {
    if (framework.name !== '2021') return [];
    const findings: Finding[] = [];
    const { unit, budget } = sheet.table;
    for (const grid of sheetGrids(sheet)) {
      const costRows = grid.rows.filter(({ row }) => rowDimensionRole(framework, row) === 'cost');
      if (costRows.length === 0) continue; // missing-dimension says the 成本 一级 is missing
      const economic = costRows.filter(({ row }) => !allowsNone(framework, row) || findLevel2(framework, row.level1, row.level2)?.name === '经济成本指标');
      for (const { row, refs } of economic) {
        if (row.parsed.kind === 'ratio') {
          findings.push({ message: `${gridRowLabel(grid, row)}的指标值「${row.value}」是比率：经济成本应写成金额（如「≤50万元」或「≤800元/人」），比率说明不了花多少钱`, cells: [refs.value] });
        }
      }
      const money = economic.filter(({ row }) => row.parsed.kind === 'moneyTotal' || row.parsed.kind === 'moneyRate');
      // An 经济成本 row still empty is missing-value's to report (a blank form is 待填写, issue #24), not this rule's.
      const unfilled = economic.some(({ row }) => !row.value.trim());
      if (money.length === 0 && !unfilled) {
        findings.push({ message: `${inGrid(grid, '成本指标')}没有以金额表示的经济成本：101号表应写明项目的直接经济成本（如「项目总成本 ≤${budget.total !== null ? formatAmount(budget.total, unit) : '预算数'}」）`, cells: cellsOf(costRows[0].refs.level1) });
        continue;
      }
      const totals = money.flatMap(({ row, refs }) => (row.parsed.kind === 'moneyTotal' && row.parsed.amount !== null ? [{ row, amount: row.parsed.amount, item: refs }] : []));
      // Another year's column (2025年 beside 2024年) has no budget of its own on the form to take a share of.
      const limit = grid.scope === 'annual' ? budget.total : grid.scope === 'overall' ? (sheet.projectTotal?.amount ?? null) : null;
      // Unit costs alone cannot be summed against the budget; say nothing then.
      if (totals.length === 0 || limit === null || limit <= 0 || totals.length < money.length) continue;
      const { sum } = countedCosts(totals);
      if (sum < (limit * settings.minCostShare) / 100) {
        findings.push({
          message: `${inGrid(grid, '经济成本')}合计 ${formatAmount(sum, unit)}，只占${grid.scope === 'annual' ? '预算数' : '项目总金额'} ${formatAmount(limit, unit)} 的 ${((sum / limit) * 100).toFixed(1)}%（低于 ${formatNumber(settings.minCostShare)}%）：其余资金花在哪里没有说明；宜补全经济成本，或核对预算数`,
          cells: cellList(totals.map((t) => t.item.value)),
        });
      }
    }
    return findings;
  },
};
