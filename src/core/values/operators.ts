import type { Operator } from '../model';

/** Symbol spellings after normaliseText (full-width ＞＜＝ are already half-width), longest first. */
const SYMBOL_OPERATORS: ReadonlyArray<readonly [string, Operator]> = [
  ['>=', '≥'],
  ['=>', '≥'],
  ['<=', '≤'],
  ['=<', '≤'],
  ['==', '='],
  ['≥', '≥'],
  ['≧', '≥'],
  ['⩾', '≥'],
  ['≤', '≤'],
  ['≦', '≤'],
  ['⩽', '≤'],
  ['>', '>'],
  ['<', '<'],
  ['=', '='],
];

/** Leading words that state a bound, longest first so that 大于等于 wins over 大于. */
const WORD_OPERATORS: ReadonlyArray<readonly [string, Operator]> = [
  ['大于等于', '≥'],
  ['大于或等于', '≥'],
  ['高于等于', '≥'],
  ['小于等于', '≤'],
  ['小于或等于', '≤'],
  ['低于等于', '≤'],
  ['不低于', '≥'],
  ['不少于', '≥'],
  ['不小于', '≥'],
  ['不超过', '≤'],
  ['不高于', '≤'],
  ['不大于', '≤'],
  ['不多于', '≤'],
  ['控制在', '≤'],
  ['至少', '≥'],
  ['最少', '≥'],
  ['最多', '≤'],
  ['至多', '≤'],
  ['达到', '≥'],
  ['大于', '>'],
  ['高于', '>'],
  ['多于', '>'],
  ['超过', '>'],
  ['小于', '<'],
  ['低于', '<'],
  ['少于', '<'],
  ['等于', '='],
];

/** Trailing words with the same meaning (`90%以上`, `5万元以内`). */
const SUFFIX_OPERATORS: ReadonlyArray<readonly [string, Operator]> = [
  ['及以上', '≥'],
  ['以上', '≥'],
  ['及以下', '≤'],
  ['以下', '≤'],
  ['以内', '≤'],
  ['之内', '≤'],
  // `3个工作日内`: within three working days.
  ['内', '≤'],
];

export interface OperatorMatch {
  operator: Operator;
  /** The text with the operator removed. */
  rest: string;
  /** The operator as written (`>=`, `不低于`, `以上`). */
  spelling: string;
}

/** Reads an operator at the start of (normalised) text: a symbol, or a word such as 不低于. */
export function takeLeadingOperator(text: string): OperatorMatch | null {
  const trimmed = text.trimStart();
  for (const [spelling, operator] of [...SYMBOL_OPERATORS, ...WORD_OPERATORS]) {
    if (trimmed.startsWith(spelling)) return { operator, rest: trimmed.slice(spelling.length).trimStart(), spelling };
  }
  return null;
}

/** Reads an operator word at the end of text (`以上`), ignoring trailing punctuation. */
export function takeTrailingOperator(text: string): OperatorMatch | null {
  const trimmed = text.trimEnd();
  for (const [spelling, operator] of SUFFIX_OPERATORS) {
    if (trimmed.endsWith(spelling)) return { operator, rest: trimmed.slice(0, -spelling.length).trimEnd(), spelling };
  }
  return null;
}

/** ≥ and >: the target is a floor (more is better). */
export function isLowerBound(operator: Operator | null): boolean {
  return operator === '≥' || operator === '>';
}

/** ≤ and <: the target is a ceiling (less is better), as a 成本 target should be. */
export function isUpperBound(operator: Operator | null): boolean {
  return operator === '≤' || operator === '<';
}

/** A strict operator (> <) is a harder target than its inclusive form at the same number. */
export function isStrict(operator: Operator | null): boolean {
  return operator === '>' || operator === '<';
}
