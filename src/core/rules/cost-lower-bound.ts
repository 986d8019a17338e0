import type { Rule } from './types';
import { rowDimensionRole } from '../frameworks';
import { gridRowLabel, sheetGrids } from './helpers';
import { isLowerBound } from '../values';

/** A cost target is a ceiling; `≥5万元` promises to spend at least that much. Each grid. */
export const costLowerBoundRule: Rule = {
  code: 'cost-lower-bound',
  title: '成本指标写成下限',
  defaultSeverity: 'warning',
  description: '成本指标写成“≥”。成本目标是支出上限，写成下限等于承诺至少花这么多钱，宜改为“≤”。',
  basis: '评审实践（成本指标应为上限）',
  english: 'a 成本 written with ≥ (a cost target is an upper bound)',
  settings: ['severities', 'disabledRules'],
  examples: {
    flagged: [{ input: [{ dimension: '成本指标', indicator: '运维费用支出', column: '指标值', value: '≥291.2万元' }], note: '“≥”承诺至少花 291.2 万元；成本应写上限。' }],
    accepted: [{ input: [{ dimension: '成本指标', indicator: '运维费用支出', column: '指标值', value: '≤291.2万元' }], note: '“≤”是支出上限。' }],
  },
  check({ sheet, framework }) {
    return sheetGrids(sheet).flatMap((grid) =>
      grid.rows
        .filter(
          ({ row }) =>
            rowDimensionRole(framework, row) === 'cost' &&
            (row.parsed.kind === 'moneyTotal' || row.parsed.kind === 'moneyRate') &&
            isLowerBound(row.parsed.operator),
        )
        .map(({ row, refs }) => ({
          message: `${gridRowLabel(grid, row)}写成「${row.value}」（${row.parsed.operator}）：成本指标应为上限，宜写成「≤」`,
          cells: [refs.value],
        })),
    );
  },
};
