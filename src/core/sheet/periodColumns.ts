/**
 * Value columns told apart by period: one grid whose heads name two periods (实施期目标 | 年度目标, 中期指标值 |
 * 年度指标值, 中长期目标值 | 本年度目标值) and whose columns both hold targets reads as two grids sharing the
 * name columns, the 年度 column the annual grid's value and the other the overall grid's. The head's period
 * word decides, whatever the rest of it says (目标, 目标值, 指标值, 值); a column of results (实际完成值) is
 * never a target, so a 自评表's 年度指标值 | 实际完成值 stays one grid. Heads naming single years (2024年 | 2025年,
 * 2024年度 | 2025年度 | 2026年度, 第一年 | 第二年, with or without an overall column) read as one grid per year:
 * which of them is the budget year's is decided with the table's head (yearColumns.ts).
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
/** A head naming one year, alone or before what it heads: 2024年, 2025年度, 2024年指标值, 第二年, 第3年度目标值. */
const YEAR_HEAD = /^(?:(\d{4})年度?|第([一二三四五六七八九十]|\d{1,2})年度?)(?:预期)?(?:目标值?|指标值?|值)?$/;
/** A head that is a period word alone (the sub-heads under a merged 指标值: 实施期 | 2024年 | 2025年). */
const BARE_OVERALL_HEAD = /^(?:实施期|中长期|中期|长期|总体|整体|项目期|项目周期)内?$/;
const CHINESE_DIGITS = '一二三四五六七八九十';

/** The year a value column's head names: a calendar year (2025年) or the project's Nth year (第二年). */
export interface HeadYear {
  /** The calendar year; null for 第N年 (counted from the 项目期's first year where the head block states one). */
  year: number | null;
  /** N of 第N年; null for a calendar year. */
  ordinal: number | null;
  /** The year as the head says it, for messages: `2025年`, `第二年`. */
  name: string;
}

/** The single year a head names (2024年, 2025年度目标值, 第二年), or null. */
export function headYear(text: string): HeadYear | null {
  const match = YEAR_HEAD.exec(normalizeLabel(text));
  if (!match) return null;
  if (match[1] !== undefined) return { year: Number(match[1]), ordinal: null, name: `${match[1]}年` };
  const digit = match[2];
  const ordinal = /\d/.test(digit) ? Number(digit) : CHINESE_DIGITS.indexOf(digit) + 1;
  return ordinal > 0 ? { year: null, ordinal, name: `第${digit}年` } : null;
}

/** The period a value column's head names: annual (年度, 本年, 当年, 全年, 2024年), overall (实施期, 中期, 总体 …), or null. */
export function headPeriod(text: string): GridScope | null {
  const head = normalizeLabel(text);
  if (headYear(head)) return 'annual';
  if (BARE_OVERALL_HEAD.test(head)) return 'overall';
  if (!TARGET_HEAD.test(head) || (NOT_TARGET_HEAD.test(head) && !/预期实现值/.test(head))) return null;
  if (YEAR_SPAN.test(head)) return 'overall';
  if (ANNUAL_WORDS.test(head)) return 'annual';
  return OVERALL_WORDS.test(head) ? 'overall' : null;
}

/** Whether any cell of the row heads a value column by period (a cheap test before a grid is sought). */
export function rowNamesPeriods(cells: SheetCells, row: number): boolean {
  return partsPeriods(cells.rowOf(row).map((cell) => ({ scope: headPeriod(cell.text), year: headYear(cell.text) })));
}

/**
 * Whether heads name periods a grid is parted by: an overall and an annual one, or two years or more
 * (2024年度 | 2025年度 with no overall column; each year named once).
 */
function partsPeriods(heads: readonly { scope: GridScope | null; year: HeadYear | null }[]): boolean {
  if (heads.some((h) => h.scope === 'overall') && heads.some((h) => h.scope === 'annual')) return true;
  const years = heads.flatMap((h) => (h.year ? [h.year.name] : []));
  return years.length >= 2 && new Set(years).size === years.length;
}

export interface PeriodColumn {
  col: number;
  scope: GridScope;
  /** The row of the head naming the period (a sub-header row under 指标值, when the head spans two). */
  headRow: number;
  /** The year its head names (2025年, 第二年); absent for 年度目标 and overall heads. */
  year?: HeadYear;
}

/** What a period column makes of a grid header: its scope, its year, and that its value column is kept as it is. */
export function periodHeader(column: PeriodColumn): { scope: GridScope; periodValue: true; year?: HeadYear } {
  return { scope: column.scope, periodValue: true, ...(column.year ? { year: column.year } : {}) };
}

/**
 * The value columns of one grid (columns fromCol..toCol, heads on headRows, targets from dataRow) when heads
 * name both periods (or several years) and their columns hold targets: the overall ones first, as forms print
 * them, then the annual ones left to right; null otherwise. Columns in `taken` (names, units, descriptions)
 * are never values.
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
      const text = cells.covered(headRow, col) ? '' : cells.text(headRow, col);
      const scope = headPeriod(text);
      if (scope) {
        const year = headYear(text);
        found.push({ col, scope, headRow, ...(year ? { year } : {}) });
        break;
      }
    }
  }
  const parted = (columns: readonly PeriodColumn[]) => partsPeriods(columns.map((c) => ({ scope: c.scope, year: c.year ?? null })));
  if (!parted(found)) return null;
  // Content: both periods' columns hold targets down the rows (an empty form's columns pass: nothing says otherwise).
  const last = Math.min(cells.bottom, dataRow + ROWS_LOOKED_AT);
  const targets = found.filter(({ col }) => {
    const [p] = profileColumns(cells, dataRow, last, col, col, []);
    return !p || p.filled === 0 || p.values / p.filled >= TARGET_SHARE;
  });
  if (!parted(targets)) return null;
  return [...targets.filter((f) => f.scope === 'overall'), ...targets.filter((f) => f.scope === 'annual')];
}
