import type { Rule } from './types';
import type { Fix, IndicatorRow } from '../model';
import type { CellGrid, IndicatorRowRefs, SheetTable } from '../sheet/types';
import { rowDimensionRole } from '../frameworks';
import { gridRowLabel, sheetGrids } from './helpers';
import { isLowerBound, isUpperBound, parseRowValue } from '../values';
import { asUpperBound, rewriteFix, valueCellText } from '../fixes/valueText';
import { grounded, SOURCES } from './sources';
import { shownAndStored } from '../sheet/shown';
import { directionOf } from '../sheet/gridRows';
import { fromA1 } from '../sheet/address';
import { cellText } from '../sheet/cells';

/** The direction word (正向) of the row's operator cell, when that is what put the `≥` in front; else null. */
function directionWord(cells: CellGrid | null | undefined, refs: IndicatorRowRefs): string | null {
  if (!cells || !refs.operator) return null;
  const { row, col } = fromA1(refs.operator);
  const text = cellText(cells.values[row - cells.top]?.[col - cells.left] ?? null);
  return directionOf(text) ? text : null;
}

/**
 * `≥5万元` → `≤5万元` (不低于 → 不高于, 以上 → 以下; an operator column gets `≤`), offered only when the value
 * then reads as a ceiling on the same amount.
 */
function upperBoundFix(sheet: SheetTable, row: IndicatorRow, refs: IndicatorRowRefs, direction: string | null): Fix | undefined {
  const own = valueCellText(row, refs);
  // 指标性质 正向 on a cost: the column takes 反向 (less is better), not a symbol its other rows do not use.
  if (direction && refs.operator) {
    return { description: `将 ${refs.operator} 的「${direction}」改为「反向」（成本指标应为上限）`, steps: [{ kind: 'setCell', cell: refs.operator, value: '反向' }], select: [refs.operator] };
  }
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
  check({ sheet, framework, cells }) {
    return sheetGrids(sheet).flatMap((grid) =>
      grid.rows
        .filter(
          ({ row }) =>
            rowDimensionRole(framework, row) === 'cost' &&
            (row.parsed.kind === 'moneyTotal' || row.parsed.kind === 'moneyRate') &&
            isLowerBound(row.parsed.operator),
        )
        .map(({ row, refs }) => {
          const direction = directionWord(cells, refs);
          const fix = upperBoundFix(sheet, row, refs, direction);
          const written = direction ? `指标性质为「${direction}」（越大越好，即「${row.value}」）` : `写成「${row.value}」（${row.parsed.operator}）`;
          return {
            message: `${gridRowLabel(grid, row)}${written}：成本指标应为上限，宜写成「${direction ? '反向' : '≤'}」`,
            cells: [refs.value],
            ...(fix ? { fix } : {}),
          };
        }),
    );
  },
};
