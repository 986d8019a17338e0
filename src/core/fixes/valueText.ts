/**
 * Rewrites of a 指标值 as the clerk typed it, for the value fixes: the operator turned into an upper bound,
 * full-width digits and operators narrowed, a bare 万 made 万元. Each touches only its part of the text; the
 * rules check the result with the value parser before offering it.
 */
import type { IndicatorRow, Operator, ParsedValue } from '../model';
import type { Fix } from '../model/fix';
import type { IndicatorRowRefs } from '../sheet/types';
import { isLowerBound, narrowWidth, takeLeadingOperator, takeTrailingOperator } from '../values';

/**
 * The 指标值 cell's own text: the reader puts the operator of an operator column (指标性质) in front of
 * the value (`≥` + `95`); the cell holds the rest.
 */
export function valueCellText(row: Pick<IndicatorRow, 'value'>, refs: Pick<IndicatorRowRefs, 'operator'>): string {
  return refs.operator ? row.value.slice(1) : row.value;
}

/** Each lower-bound spelling (after narrowWidth) with its upper-bound counterpart. */
const UPPER_BOUND_OF: Readonly<Record<string, string>> = {
  '>=': '<=',
  '=>': '=<',
  '≥': '≤',
  '≧': '≦',
  '⩾': '⩽',
  // A strict floor becomes the inclusive ceiling a cost target is written with.
  '>': '≤',
  大于等于: '小于等于',
  大于或等于: '小于或等于',
  高于等于: '低于等于',
  不低于: '不高于',
  不少于: '不多于',
  不小于: '不大于',
  至少: '至多',
  最少: '最多',
  达到: '不超过',
  大于: '不超过',
  高于: '不超过',
  多于: '不超过',
  超过: '不超过',
  及以上: '及以下',
  以上: '以下',
};

export interface Rewrite {
  text: string;
  /** The part replaced, as written, and what replaced it. */
  from: string;
  to: string;
}

function replaceSpan(text: string, start: number, end: number, replacement: string): Rewrite {
  const from = text.slice(start, end);
  // A full-width `＞＝` becomes `≤` itself, not `＜＝`, which would only be flagged again as full-width.
  const to = from !== narrowWidth(from) ? '≤' : replacement;
  return { text: text.slice(0, start) + to + text.slice(end), from, to };
}

/** The text with its lower-bound operator (leading `≥`/不低于, or trailing 以上) made the matching upper bound. */
export function asUpperBound(text: string): Rewrite | null {
  const narrow = narrowWidth(text);
  const start = narrow.length - narrow.trimStart().length;
  const leading = takeLeadingOperator(narrow);
  if (leading && isLowerBound(leading.operator) && UPPER_BOUND_OF[leading.spelling]) {
    return replaceSpan(text, start, start + leading.spelling.length, UPPER_BOUND_OF[leading.spelling]);
  }
  const trailing = takeTrailingOperator(narrow);
  if (trailing && isLowerBound(trailing.operator) && UPPER_BOUND_OF[trailing.spelling]) {
    const end = narrow.trimEnd().length;
    return replaceSpan(text, end - trailing.spelling.length, end, UPPER_BOUND_OF[trailing.spelling]);
  }
  return null;
}

/** The operator an operator-column cell should hold instead of a floor. */
export function upperBoundOperator(operator: Operator | null): Operator | null {
  return isLowerBound(operator) ? '≤' : null;
}

/** Full-width digits, decimal point, percent, signs and comparison marks. */
const FULL_WIDTH_NUMERIC = /[\uff10-\uff19\uff0e\uff05\uff0b\uff0d\uff1c\uff1d\uff1e]/;
/** Full-width comparisons, in either width mix, as the symbol jixiao writes. */
const WIDE_OPERATORS: ReadonlyArray<readonly [RegExp, string]> = [
  [/[＞>][＝=]/g, '≥'],
  [/[＜<][＝=]/g, '≤'],
];
/** The slanted comparisons of East Asian fonts, as the symbol jixiao writes. */
const SLANTED_OPERATORS: ReadonlyArray<readonly [RegExp, string]> = [
  [/≧/g, '≥'],
  [/≦/g, '≤'],
];
/** `5万`, `250 亿` with no 元 after: a bare magnitude. */
const BARE_MONEY_MAGNITUDE = /(\d)(\s*)([万亿])(?!元)/;

export interface Tidied {
  text: string;
  /** What changed, in Chinese (`全角数字和符号改为半角`, `「万」改为「万元」`). */
  changes: string[];
  /** What was wrong, in Chinese (`含全角数字或符号`, `金额单位只写了「万」`). */
  problems: string[];
}

/**
 * The value with full-width digits and operators narrowed (`＜＝１２３`, `≤123`), and, when it is money,
 * a bare 万/亿 after the number made 万元/亿元; null when nothing would change.
 */
export function tidyValueText(text: string, money: boolean): Tidied | null {
  let current = text;
  const changes: string[] = [];
  const problems: string[] = [];
  if (FULL_WIDTH_NUMERIC.test(current)) {
    for (const [pattern, symbol] of WIDE_OPERATORS) current = current.replace(pattern, (spelling) => (spelling === narrowWidth(spelling) ? spelling : symbol));
    for (const [pattern, symbol] of SLANTED_OPERATORS) current = current.replace(pattern, symbol);
    // The slash of a rate (`次／周`) is narrowed with the figures.
    current = current.replace(/[\uff10-\uff19\uff0e\uff05\uff0b\uff0d\uff0f\uff1c\uff1d\uff1e]/g, (ch) => narrowWidth(ch));
    changes.push('全角数字和符号改为半角');
    problems.push('含全角数字或符号');
  }
  if (money && BARE_MONEY_MAGNITUDE.test(current)) {
    const magnitude = BARE_MONEY_MAGNITUDE.exec(current)?.[3] ?? '万';
    current = current.replace(BARE_MONEY_MAGNITUDE, '$1$2$3元');
    changes.push(`「${magnitude}」改为「${magnitude}元」`);
    problems.push(`金额单位只写了「${magnitude}」`);
  }
  return current === text ? null : { text: current, changes, problems };
}

/** Whether two readings of a value say the same target (the raw text aside). */
export function sameReading(a: ParsedValue, b: ParsedValue): boolean {
  return a.kind === b.kind && a.operator === b.operator && a.number === b.number && a.unit === b.unit && a.amount === b.amount && a.year === b.year && a.month === b.month;
}

/** A fix writing one cell, described `将「old」改为「new」` with what changed. */
export function rewriteFix(cell: string, from: string, to: string, why?: string): Fix {
  return { description: `将 ${cell} 的「${from}」改为「${to}」${why ? `（${why}）` : ''}`, steps: [{ kind: 'setCell', cell, value: to, from }], select: [cell] };
}
