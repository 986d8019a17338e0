import type { Operator, ParsedValue } from '../model';
import { convertMoney, withoutFloatNoise } from './money';
import { isLowerBound, isStrict, isUpperBound } from './operators';
import { compactText } from './text';

/** How an actual target relates to the template's: `weaker` means the bar was lowered. */
export type TargetComparison = 'weaker' | 'same' | 'stronger' | 'incomparable';

type Direction = 'floor' | 'ceiling' | 'exact';

function direction(operator: Operator | null): Direction {
  if (isLowerBound(operator)) return 'floor';
  if (isUpperBound(operator)) return 'ceiling';
  return 'exact';
}

/** Money values in 元 (totals and rates alike, the per-part kept as the comparison key); others as written. */
function comparable(value: ParsedValue): { key: string; number: number } | null {
  if (value.number === null) return null;
  if (value.kind === 'moneyTotal' || value.kind === 'moneyRate') {
    const [base, ...per] = (value.unit ?? '').split('/');
    const yuan = convertMoney(value.number, base, '元');
    return yuan === null ? null : { key: `${value.kind}:元/${per.join('/')}`, number: yuan };
  }
  return { key: `${value.kind}:${value.unit ?? ''}`, number: value.number };
}

/** Higher is better: +1 when `a` asks more than `b`, −1 when less, 0 when equal. */
function sign(a: number, b: number): -1 | 0 | 1 {
  return a > b ? 1 : a < b ? -1 : 0;
}

function fromSign(s: -1 | 0 | 1): TargetComparison {
  return s > 0 ? 'stronger' : s < 0 ? 'weaker' : 'same';
}

/** Deadlines: an earlier deadline is stronger. Needs the same precision on both sides. */
function compareDeadlines(template: ParsedValue, actual: ParsedValue): TargetComparison {
  if ((template.year === null) !== (actual.year === null)) return 'incomparable';
  if ((template.month === null) !== (actual.month === null)) return 'incomparable';
  const key = (v: ParsedValue): number => (v.year ?? 0) * 12 + (v.month ?? 0);
  return fromSign(sign(key(template), key(actual)));
}

/**
 * Compares an actual 指标值 with the template's, for template-weakened-target. A lower floor (≥) or a
 * higher ceiling (≤) is weaker; at equal numbers a strict operator (> <) is stronger than an inclusive
 * one. A value without operator counts as exactly that number: against a floor it is judged as a floor,
 * against a ceiling as a ceiling. Two exact values compare only for money (less is stronger) and for
 * counts, ratios and plain numbers (more is stronger). Different units are incomparable, except money
 * totals or money rates, which are converted first. Text compares equal only when identical.
 */
export function compareTargets(template: ParsedValue, actual: ParsedValue): TargetComparison {
  if (template.kind === 'deadline' && actual.kind === 'deadline') return compareDeadlines(template, actual);
  const t = comparable(template);
  const a = comparable(actual);
  if (!t || !a) {
    const textual = ['qualitative', 'placeholder', 'empty'];
    if (textual.includes(template.kind) && textual.includes(actual.kind)) {
      return compactText(template.raw) === compactText(actual.raw) ? 'same' : 'incomparable';
    }
    return 'incomparable';
  }
  if (t.key !== a.key) return 'incomparable';

  const td = direction(template.operator);
  const ad = direction(actual.operator);
  let mode: Direction;
  if (td === ad) mode = td;
  else if (td === 'exact') mode = ad;
  else if (ad === 'exact') mode = td;
  else return 'incomparable';

  if (mode === 'exact') {
    const numeric = sign(a.number, t.number);
    if (numeric === 0) return 'same';
    if (template.kind === 'moneyTotal' || template.kind === 'moneyRate') return fromSign(numeric === 1 ? -1 : 1);
    if (['count', 'ratio', 'number'].includes(template.kind)) return fromSign(numeric);
    return 'incomparable';
  }
  const numeric = mode === 'floor' ? sign(a.number, t.number) : sign(t.number, a.number);
  if (numeric !== 0) return fromSign(numeric);
  // Same number: > beats ≥ (and < beats ≤); an exact value on one side counts as inclusive.
  return fromSign(sign(Number(isStrict(actual.operator)), Number(isStrict(template.operator))));
}

/** A parsed value in normal form for messages (no float noise, no needless decimals): `≥13个`, `≤291.2万元`; deadlines and text as written. */
export function formatValue(value: ParsedValue): string {
  if (value.number === null) return value.raw;
  return `${value.operator ?? ''}${withoutFloatNoise(value.number)}${value.unit ?? ''}`;
}
