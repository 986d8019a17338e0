/**
 * A 自评表's money: amounts in columns 年初预算数 | 全年预算数 | 全年执行数 (年初预算 | 调整后预算数 | 预算执行数), and a
 * 上年结转资金 row beside 当年财政拨款. The year's money is the 全年 (adjusted) budget: the A of 执行率 (B/A), the base
 * the 自评 scores, and what the year's costs are weighed against. 年初 is what stood before money was added or cut
 * during the year: 0 for money given mid-year, more than was spent after a cut.
 */
import { fromA1 } from './address';
import { readAmount } from './amount';
import type { Found, SheetCells } from './cells';
import { DEFAULT_UNIT, bareLabel } from './knownLabels';
import { normalizeLabel } from './labels';
import { SUM_WORD, amountFieldByMeaning, moneyHeadAbove } from './moneyLabels';

/** The head of the budget as the year began. */
const START_OF_YEAR = /年初/;
/** The head of the year's budget after the year's changes: 全年预算数(A), 调整后预算数, 调整预算数. */
const YEAR_BUDGET = /^(?:全年|调整后|调整|变更后)(?:的)?预算/;
/** Words of money carried over from earlier years (上年结转资金, 以前年度结转): public money of this year's spending. */
const CARRIED_OVER = /^(?:其中：?)?(?:上年|上年度|以前年度|历年)?结转(?:结余)?(?:资金|财政拨款|拨款)?$/;

/** Whether a label names the budget as the year began (年初预算数): a later word | amount pair may name the year's. */
export function isStartOfYearBudget(label: string): boolean {
  return START_OF_YEAR.test(label) && amountFieldByMeaning(label) === 'budgetTotal';
}

/** Whether a funds label names money carried over from earlier years (上年结转资金). */
export function isCarriedOver(label: string): boolean {
  return CARRIED_OVER.test(bareLabel(label));
}

/** The money head over a cell: the nearest text above it in its column that is no amount, within a funds block. */
function headOver(cells: SheetCells, row: number, col: number, fromRow: number): string | null {
  return moneyHeadAbove(cells, row, col, fromRow, (above) => (above.text === '' || readAmount(above.value, DEFAULT_UNIT) !== null ? null : normalizeLabel(above.text)));
}

/**
 * The year's amount on the row of one read under a 年初 head: the cell under the 全年/调整后 head on that row (blank
 * where both are, so a fix writes the year's column); the 年初 amount as read when the form left the year's blank.
 */
export function yearBudgetAmount(cells: SheetCells, found: Found, fromRow: number): Found {
  const { row, col } = fromA1(found.address);
  if (!START_OF_YEAR.test(headOver(cells, row, col, fromRow) ?? '')) return found;
  for (let c = col + 1; c <= cells.right; c++) {
    if (cells.covered(row, c) || !YEAR_BUDGET.test(headOver(cells, row, c, fromRow) ?? '')) continue;
    const year = cells.shown(row, c);
    const keepStart = readAmount(year.value, DEFAULT_UNIT) === null && readAmount(found.value, DEFAULT_UNIT) !== null;
    return keepStart ? found : year;
  }
  return found;
}

/** A word between a label and its amount saying which amount follows: 合计, or a money column's name (全年预算数). */
export function isAmountWord(text: string): boolean {
  const label = normalizeLabel(text);
  return SUM_WORD.test(label) || (readAmount(text, DEFAULT_UNIT) === null && amountFieldByMeaning(label) === 'budgetTotal');
}

/**
 * The amount right of a label written as word | amount pairs on its row (`全年预算数 | 100 | 全年执行数 | 95`,
 * `合计 | 1200`): the one after the year's budget word first, else the first after any word of a budget; never one
 * after a word of something else (全年执行数, 执行率). Null when no such pair stands there; with yearOnly, null unless the
 * pair names the year's budget (right of a 年初预算数 label whose own amount stands beside it).
 */
export function amountAfterWord(cells: SheetCells, row: number, col: number, yearOnly = false): Found | null {
  const own = cells.merge(row, col);
  let word: string | null = null;
  let first: Found | null = null;
  for (const cell of cells.rowOf(row)) {
    if (cell.col <= (own ? own.end.col : col) || cells.covered(row, cell.col)) continue;
    if (readAmount(cell.value, DEFAULT_UNIT) === null) {
      word = normalizeLabel(cell.text);
      continue;
    }
    if (word !== null && isAmountWord(word)) {
      if (YEAR_BUDGET.test(word)) return cell;
      first ??= cell;
    }
    word = null;
  }
  return yearOnly ? null : first;
}
