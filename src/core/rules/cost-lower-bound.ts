import type { Rule } from './types';
import type { Fix, IndicatorRow } from '../model';
import type { IndicatorRowRefs, SheetTable } from '../sheet/types';
import { rowDimensionRole } from '../frameworks';
import { gridRowLabel, sheetGrids } from './helpers';
import { isLowerBound, isUpperBound, parseRowValue } from '../values';
import { asUpperBound, rewriteFix, valueCellText } from '../fixes/valueText';
import { grounded, SOURCES } from './sources';
import { shownAndStored } from '../sheet/shown';

/**
 * `≥5万元` → `≤5万元` (不低于 → 不高于, 以上 → 以下; an operator column gets `≤`), offered only when the value
 * then reads as a ceiling on the same amount.
 */
function upperBoundFix(sheet: SheetTable, row: IndicatorRow, refs: IndicatorRowRefs): Fix | undefined {
  const own = valueCellText(row, refs);
  // A number shown through its format (`"≥"0.00,,`): the text is the format's, not the cell's to rewrite.
  if (shownAndStored(own)) return undefined;
  const rewrite = refs.operator ? { text: own, from: row.value.slice(0, 1), to: '≤' } : asUpperBound(own);
  if (!rewrite) return undefined;
  const value = refs.operator ? `≤${own}` : rewrite.text;
  const after = parseRowValue({ ...row, value }, sheet.table.unit);
  const same = after.number === row.parsed.number && after.unit === row.parsed.unit && after.amount === row.parsed.amount;
  if (!isUpperBound(after.operator) || !same) return undefined;
  if (refs.operator) {
    return { description: `将 ${refs.operator} 的「${rewrite.from}」改为「≤」（成本指标应为上限）`, steps: [{ kind: 'setCell', cell: refs.operator, value: '≤' }], select: [refs.operator] };
  }
  return rewriteFix(refs.value, own, rewrite.text, '成本指标应为上限');
}

/** A cost target is a ceiling; `≥5万元` promises to spend at least that much. Each grid. */
export const costLowerBoundRule: Rule = {
  code: 'cost-lower-bound',
  title: '成本指标写成下限',
  defaultSeverity: 'warning',
  description: '成本指标写成“≥”。成本目标是支出上限，写成下限等于承诺至少花这么多钱，宜改为“≤”。',
  ...grounded([SOURCES.practice, '成本指标应为上限']),
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
        .map(({ row, refs }) => {
          const fix = upperBoundFix(sheet, row, refs);
          return {
            message: `${gridRowLabel(grid, row)}写成「${row.value}」（${row.parsed.operator}）：成本指标应为上限，宜写成「≤」`,
            cells: [refs.value],
            ...(fix ? { fix } : {}),
          };
        }),
    );
  },
};
