// Which 成本 amounts add up to the project's cost: a total row and its parts are one amount, never two.
// Told by words (其中/含/包括 parts under the row they belong to; 合计/小计/总计/总成本 rows) and by amounts
// (a row followed by rows that add up exactly to it, or one row equal to all the others together).
import type { IndicatorRow } from '../model';
import { compactText } from '../values';

export interface CostAmount<T> {
  row: IndicatorRow;
  amount: number;
  item: T;
}

/** Relative slack for sums in binary floating point (291.2 + 0.8 may come out a hair above 292). */
export const FLOAT_EPSILON = 1e-9;

const PART_WORDS = /^(?:其中|含|包含|包括|内含|[（(]?其中[)）]?)[:：、]?/;
const TOTAL_WORDS = /合计|小计|总计|总成本|总费用|总金额|总额|总支出|总经费|总投入|成本总|费用总/;

const same = (a: number, b: number): boolean => Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * FLOAT_EPSILON;

/** A part by its words: `其中：运维服务费`, `（其中）设备费`, or a 三级 cell left to a description saying 其中. */
function isPartByWords(row: IndicatorRow): boolean {
  return PART_WORDS.test(compactText(row.level3)) || PART_WORDS.test(compactText(row.description));
}

function isTotalByWords(row: IndicatorRow): boolean {
  return TOTAL_WORDS.test(compactText(row.level3));
}

/**
 * The amounts to add, in order: parts (by words or amounts) dropped in favour of the row they belong to,
 * and the sum. With a 合计/总计-type row, that row stands for everything listed with it.
 */
export function countedCosts<T>(costs: readonly CostAmount<T>[]): { counted: CostAmount<T>[]; sum: number } {
  const n = costs.length;
  const isPart = new Array<boolean>(n).fill(false);
  // By words: a 其中 row belongs to the nearest row above it that is not itself a part.
  for (let i = 1; i < n; i++) if (isPartByWords(costs[i].row)) isPart[i] = true;
  // By amounts: a row followed by two or more rows that add up exactly to it is their total.
  for (let i = 0; i < n; i++) {
    if (isPart[i]) continue;
    let sum = 0;
    for (let j = i + 1; j < n; j++) {
      sum += costs[j].amount;
      if (j - i >= 2 && same(sum, costs[i].amount)) {
        for (let k = i + 1; k <= j; k++) isPart[k] = true;
        break;
      }
      if (sum > costs[i].amount * (1 + FLOAT_EPSILON)) break;
    }
  }
  let counted = costs.filter((_, i) => !isPart[i]);
  // A total named so (合计, 项目总成本) stands for the rows listed with it.
  const named = counted.filter((c) => isTotalByWords(c.row));
  if (named.length > 0 && counted.length > named.length) {
    const largest = named.reduce((a, b) => (b.amount > a.amount ? b : a));
    const rest = counted.filter((c) => c !== largest).reduce((s, c) => s + c.amount, 0);
    if (rest <= largest.amount * (1 + FLOAT_EPSILON)) counted = [largest];
  }
  // One row equal to all the others together (年度预算总成本 under its parts, listed anywhere): their total.
  if (counted.length >= 3) {
    const all = counted.reduce((s, c) => s + c.amount, 0);
    const total = counted.find((c) => same(c.amount, all - c.amount));
    if (total) counted = [total];
  }
  return { counted, sum: counted.reduce((s, c) => s + c.amount, 0) };
}
