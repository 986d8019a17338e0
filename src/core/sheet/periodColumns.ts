/**
 * Value columns told apart by period: one grid whose heads name two periods (实施期目标 | 年度目标, 中期指标值 |
 * 年度指标值, 中长期目标值 | 本年度目标值) and whose columns both hold targets reads as two grids sharing the
 * name columns, the 年度 column the annual grid's value and the other the overall grid's. The head's period
 * word decides, whatever the rest of it says (目标, 目标值, 指标值, 值); a column of results (实际完成值) is
 * never a target, so a 自评表's 年度指标值 | 实际完成值 stays one grid.
 */
import type { SheetCells } from './cells';
import { profileColumns } from './columnRoles';
import { normalizeLabel } from './labels';
import type { GridScope } from './types';

/** A span of years (2024-2026年, 2024至2026年; heads are normalised, with no spaces): the whole period. */
const YEAR_SPAN = /\d{4}年?[-—–~～至到]\d{4}/;
const OVERALL_WORDS = /实施期|中长期|中期|长期|总体|整体|项目期|累计/;
const ANNUAL_WORDS = /年度|本年|当年|全年|\d{4}年/;
/** A head naming a target: 目标, 目标值, 指标值, 值. */
const TARGET_HEAD = /目标|值/;
/** Heads of what is not a target: results, deviations, money, weights (分值 ends in 值 too). */
const NOT_TARGET_HEAD = /完成|实际|实现值|偏差|原因|金额|资金|分值|权重|得分|分数|绩效目标$/;
/** Share of a column's filled cells that must read as targets. */
const TARGET_SHARE = 0.5;
/** Rows looked at under the head for the content check. */
const ROWS_LOOKED_AT = 60;

/** The period a value column's head names: annual (年度, 本年, 当年, 全年, 2024年), overall (实施期, 中期, 总体 …), or null. */
export function headPeriod(text: string): GridScope | null {
  const head = normalizeLabel(text);
  if (!TARGET_HEAD.test(head) || (NOT_TARGET_HEAD.test(head) && !/预期实现值/.test(head))) return null;
  if (YEAR_SPAN.test(head)) return 'overall';
  if (ANNUAL_WORDS.test(head)) return 'annual';
  return OVERALL_WORDS.test(head) ? 'overall' : null;
}

/** Whether any cell of the row heads a value column by period (a cheap test before a grid is sought). */
export function rowNamesPeriods(cells: SheetCells, row: number): boolean {
  const scopes = new Set(cells.rowOf(row).map((cell) => headPeriod(cell.text)));
  return scopes.has('annual') && scopes.has('overall');
}

export interface PeriodColumn {
  col: number;
  scope: GridScope;
  /** The row of the head naming the period (a sub-header row under 指标值, when the head spans two). */
  headRow: number;
}

/**
 * The value columns of one grid (columns fromCol..toCol, heads on headRows, targets from dataRow) when heads
 * name both periods and both columns hold targets: the overall ones first, as forms print them; null
 * otherwise. Columns in `taken` (names, units, descriptions) are never values.
 */
export function periodValueColumns(
  cells: SheetCells,
  headRows: readonly number[],
  dataRow: number,
  fromCol: number,
  toCol: number,
  taken: ReadonlySet<number> = new Set(),
): PeriodColumn[] | null {
  const found: PeriodColumn[] = [];
  for (let col = fromCol; col <= toCol; col++) {
    if (taken.has(col)) continue;
    for (const headRow of headRows) {
      const scope = cells.covered(headRow, col) ? null : headPeriod(cells.text(headRow, col));
      if (scope) {
        found.push({ col, scope, headRow });
        break;
      }
    }
  }
  if (!found.some((f) => f.scope === 'overall') || !found.some((f) => f.scope === 'annual')) return null;
  // Content: both periods' columns hold targets down the rows (an empty form's columns pass: nothing says otherwise).
  const last = Math.min(cells.bottom, dataRow + ROWS_LOOKED_AT);
  const targets = found.filter(({ col }) => {
    const [p] = profileColumns(cells, dataRow, last, col, col, []);
    return !p || p.filled === 0 || p.values / p.filled >= TARGET_SHARE;
  });
  if (!targets.some((f) => f.scope === 'overall') || !targets.some((f) => f.scope === 'annual')) return null;
  return [...targets.filter((f) => f.scope === 'overall'), ...targets.filter((f) => f.scope === 'annual')];
}
