/**
 * Excel's number-format grammar, to give the text a person sees for a number ("Review guidelines for
 * customizing a number format", support.microsoft.com; ECMA-376 §18.8.31): up to four sections
 * (positive;negative;zero;text) or two/three with [conditions]; digit placeholders 0 # ?; `.` the decimal
 * point; `,` a thousands separator between placeholders and a scaling by 1000 after the last one
 * (`0.00,,` shows millions); `%` ×100; E+/E- scientific; `"text"`, `\x` and `!x` literals (so `0!.0000`
 * shows 2000000 as 200.0000); `_x` a space, `*x` a fill (nothing in text); [Red]/[Color10] colours,
 * [$¥-804] currency and locale; `;;;` shows nothing; `@` is the text section; fractions (`# ?/?`) and
 * [DBNum1]/[DBNum2] Chinese numerals are computed in numberFormatSpecial.ts.
 * One pass over the code per call, no regular expression over it: a format code is file content.
 */

import { chineseNumerals, fractionText, type FractionPiece } from './numberFormatSpecial';

export type FormatSection = {
  tokens: Token[];
  condition: { op: string; value: number } | null;
  /** Has y/m/d/h/s, AM/PM, 上午/下午 or [h] elapsed time: a date or time, not a number. */
  date: boolean;
  /** Has [NatType…] or [DBNum3+]: shown text this engine does not compute. */
  unsupported: boolean;
  /** A fraction section (`# ?/?`, `?/4`): its placeholders as whole, numerator and denominator. */
  fraction: FractionPiece[] | null;
  /** [DBNum1] lower-case or [DBNum2] financial Chinese numerals; 0 for Arabic digits. */
  dbnum: 0 | 1 | 2;
};

type Token =
  | { kind: 'literal'; text: string }
  | { kind: 'digit'; char: '0' | '#' | '?' }
  | { kind: 'point' }
  | { kind: 'comma' }
  | { kind: 'percent' }
  | { kind: 'exponent'; sign: '+' | '-' }
  | { kind: 'general' }
  | { kind: 'text' }
  | { kind: 'slash' };

const DATE_LETTERS = new Set(['y', 'm', 'd', 'h', 's', 'Y', 'M', 'D', 'H', 'S']);

function startsWithAt(code: string, at: number, word: string): boolean {
  return code.slice(at, at + word.length).toLowerCase() === word.toLowerCase();
}

/** The bracket at `at` (`[Red]`, `[>100]`, `[$¥-804]`, `[h]`) applied to `section`; returns its end. */
function bracket(code: string, at: number, section: FormatSection): number {
  const close = code.indexOf(']', at);
  const end = close < 0 ? code.length : close;
  const inner = code.slice(at + 1, end);
  const first = inner.charAt(0);
  if (first === '$') {
    // [$¥-804]: the symbol before the dash is shown; [$-804] alone is a locale, shown as nothing.
    const dash = inner.indexOf('-');
    const symbol = dash < 0 ? inner.slice(1) : inner.slice(1, dash);
    if (symbol) section.tokens.push({ kind: 'literal', text: symbol });
  } else if (first === '<' || first === '>' || first === '=') {
    let opEnd = 1;
    while (opEnd < inner.length && (inner[opEnd] === '=' || inner[opEnd] === '>')) opEnd++;
    const value = Number(inner.slice(opEnd).trim());
    if (Number.isFinite(value)) section.condition = { op: inner.slice(0, opEnd), value };
  } else {
    const lower = inner.toLowerCase();
    if (lower === 'h' || lower === 'hh' || lower === 'm' || lower === 'mm' || lower === 's' || lower === 'ss') section.date = true;
    else if (lower === 'dbnum1' || lower === 'dbnum2') section.dbnum = lower === 'dbnum1' ? 1 : 2;
    else if (lower.startsWith('dbnum') || lower.startsWith('nattype')) section.unsupported = true;
    // Colours ([Red], [Color10]) and anything else change no text.
  }
  return close < 0 ? code.length : close + 1;
}

function emptySection(): FormatSection {
  return { tokens: [], condition: null, date: false, unsupported: false, fraction: null, dbnum: 0 };
}

/**
 * A fraction section's pieces: the digit placeholders just before the slash are the numerator, any before
 * them (after a literal, usually a space) the whole number, those after it the denominator — or digits
 * written after it, a fixed denominator (`?/4`, `# ??/100`).
 */
function fractionPieces(tokens: Token[]): FractionPiece[] {
  const slash = tokens.findIndex((t) => t.kind === 'slash');
  let numStart = slash;
  while (numStart > 0 && tokens[numStart - 1].kind === 'digit') numStart--;
  const pieces: FractionPiece[] = [];
  const placeholders = (from: number, to: number) => tokens.slice(from, to).map((t) => (t.kind === 'digit' ? t.char : '')).join('');
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (i === numStart && numStart < slash) {
      pieces.push({ kind: 'numerator', slots: placeholders(numStart, slash) });
      i = slash;
    } else if (i === slash) {
      pieces.push({ kind: 'slash' });
      let end = i + 1;
      while (end < tokens.length && tokens[end].kind === 'digit') end++;
      const next = tokens[i + 1];
      if (end > i + 1) pieces.push({ kind: 'denominator', slots: placeholders(i + 1, end), fixed: null });
      else if (next && next.kind === 'literal' && /^[1-9]/.test(next.text)) {
        let k = 0;
        while (k < next.text.length && next.text.charCodeAt(k) >= 48 && next.text.charCodeAt(k) <= 57) k++;
        pieces.push({ kind: 'denominator', slots: next.text.slice(0, k), fixed: Number(next.text.slice(0, k)) });
        if (k < next.text.length) pieces.push({ kind: 'literal', text: next.text.slice(k) });
        end = i + 2;
      }
      i = end;
    } else if (t.kind === 'digit') {
      let end = i;
      while (end < numStart && tokens[end].kind === 'digit') end++;
      pieces.push({ kind: 'whole', slots: placeholders(i, Math.max(end, i + 1)) });
      i = Math.max(end, i + 1);
    } else {
      if (t.kind === 'literal') pieces.push({ kind: 'literal', text: t.text });
      i++;
    }
  }
  return pieces;
}

/** The sections of a format code, tokenised once. */
export function parseNumberFormat(code: string): FormatSection[] {
  const sections: FormatSection[] = [emptySection()];
  let section = sections[0];
  const literal = (text: string) => {
    const last = section.tokens[section.tokens.length - 1];
    if (last && last.kind === 'literal') last.text += text;
    else section.tokens.push({ kind: 'literal', text });
  };
  let i = 0;
  while (i < code.length) {
    const ch = code[i];
    if (ch === ';') {
      // Four sections at most (positive;negative;zero;text): the rest can never be shown.
      if (sections.length === 4) break;
      section = emptySection();
      sections.push(section);
      i++;
    } else if (ch === '"') {
      const close = code.indexOf('"', i + 1);
      literal(code.slice(i + 1, close < 0 ? code.length : close));
      i = close < 0 ? code.length : close + 1;
    } else if (ch === '\\' || ch === '!') {
      literal(code.charAt(i + 1));
      i += 2;
    } else if (ch === '_') {
      literal(' ');
      i += 2;
    } else if (ch === '*') {
      i += 2;
    } else if (ch === '[') {
      i = bracket(code, i, section);
    } else if (ch >= '1' && ch <= '9' && section.tokens[section.tokens.length - 1]?.kind === 'slash') {
      // A fixed denominator (`?/4`, `# ??/100`): its digits are a number, not placeholders.
      let end = i;
      while (end < code.length && code[end] >= '0' && code[end] <= '9') end++;
      section.tokens.push({ kind: 'literal', text: code.slice(i, end) });
      i = end;
    } else if (ch === '0' || ch === '#' || ch === '?') {
      section.tokens.push({ kind: 'digit', char: ch });
      i++;
    } else if (ch === '.') {
      section.tokens.push({ kind: 'point' });
      i++;
    } else if (ch === ',') {
      section.tokens.push({ kind: 'comma' });
      i++;
    } else if (ch === '%') {
      section.tokens.push({ kind: 'percent' });
      i++;
    } else if (ch === '@') {
      section.tokens.push({ kind: 'text' });
      i++;
    } else if ((ch === 'E' || ch === 'e') && (code[i + 1] === '+' || code[i + 1] === '-')) {
      section.tokens.push({ kind: 'exponent', sign: code[i + 1] as '+' | '-' });
      i += 2;
    } else if (startsWithAt(code, i, 'General')) {
      section.tokens.push({ kind: 'general' });
      i += 'General'.length;
    } else if (startsWithAt(code, i, 'G/通用格式')) {
      section.tokens.push({ kind: 'general' });
      i += 'G/通用格式'.length;
    } else if (startsWithAt(code, i, 'AM/PM') || startsWithAt(code, i, 'A/P') || code.startsWith('上午/下午', i)) {
      section.date = true;
      i += code.startsWith('上午/下午', i) ? 5 : startsWithAt(code, i, 'AM/PM') ? 5 : 3;
    } else if (DATE_LETTERS.has(ch)) {
      section.date = true;
      i++;
    } else if (ch === '/') {
      // A slash after digit placeholders is a fraction's; elsewhere (after a date letter) a literal.
      if (!section.date && !section.tokens.some((t) => t.kind === 'slash') && section.tokens.some((t) => t.kind === 'digit')) section.tokens.push({ kind: 'slash' });
      else literal(ch);
      i++;
    } else {
      literal(ch);
      i++;
    }
  }
  for (const s of sections) {
    const slash = s.tokens.findIndex((t) => t.kind === 'slash');
    if (slash < 0) continue;
    const next = s.tokens[slash + 1];
    // A fraction has a denominator (placeholders or a number); `0/人` is a literal slash.
    if (next && (next.kind === 'digit' || (next.kind === 'literal' && /^[1-9]/.test(next.text)))) s.fraction = fractionPieces(s.tokens);
    else s.tokens[slash] = { kind: 'literal', text: '/' };
  }
  return sections;
}

const parsed = new Map<string, FormatSection[]>();
/** parseNumberFormat, once per code: formats repeat cell after cell (bounded: codes are file content). */
export function sectionsOf(code: string): FormatSection[] {
  let sections = parsed.get(code);
  if (!sections) {
    if (parsed.size >= 4096) parsed.clear();
    sections = parseNumberFormat(code);
    parsed.set(code, sections);
  }
  return sections;
}

function meets(condition: { op: string; value: number }, value: number): boolean {
  switch (condition.op) {
    case '<':
      return value < condition.value;
    case '<=':
      return value <= condition.value;
    case '>':
      return value > condition.value;
    case '>=':
      return value >= condition.value;
    case '<>':
      return value !== condition.value;
    default:
      return value === condition.value;
  }
}

/**
 * The section a number is shown by, and whether it shows the magnitude (a negative number in the
 * negative section carries no minus sign: the section writes its own, or its brackets).
 */
export function sectionFor(sections: FormatSection[], value: number): { section: FormatSection; magnitude: boolean } | null {
  // The text section (the 4th, or one holding @) never shows a number.
  const numeric = sections.filter((s, i) => i < 3 && !(s.tokens.some((t) => t.kind === 'text') && i > 0));
  if (numeric.some((s) => s.condition)) {
    const [first, second, third] = numeric;
    if (first.condition && meets(first.condition, value)) return { section: first, magnitude: false };
    if (second && (!second.condition || meets(second.condition, value))) return { section: second, magnitude: false };
    if (third) return { section: third, magnitude: false };
    // No section holds the value: Excel fills the cell with #.
    return null;
  }
  if (numeric.length >= 3 && value === 0) return { section: numeric[2], magnitude: true };
  if (numeric.length >= 2 && value < 0) return { section: numeric[1], magnitude: true };
  return { section: numeric[0], magnitude: false };
}

/** General: up to 11 significant characters as Excel shows a number in a standard-width cell. */
export function generalText(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mantissa, exponent] = value.toExponential(5).split('e');
    const trimmed = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
    const exp = Number(exponent);
    return `${trimmed}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return String(Number(value.toPrecision(10)));
}

/** `abs` rounded half away from zero to `decimals` places, at Excel's 15 significant digits: [int, frac]. */
function roundedDigits(abs: number, decimals: number): [string, string] {
  if (abs === 0) return ['', '0'.repeat(decimals)];
  // Excel holds 15 significant digits: 1.005 is 1.00500000000000 there and rounds to 1.01.
  const [mantissa, exponentText] = abs.toExponential(14).split('e');
  const digits = mantissa.replace('.', '');
  const exponent = Number(exponentText);
  const intPart = exponent >= 0 ? digits.slice(0, exponent + 1).padEnd(exponent + 1, '0') : '';
  const fracPart = exponent >= 0 ? digits.slice(exponent + 1) : '0'.repeat(-exponent - 1) + digits;
  const all = intPart + fracPart.padEnd(decimals + 1, '0');
  const keep = intPart.length + decimals;
  let kept = all.slice(0, keep);
  if (all.charCodeAt(keep) >= 53 /* '5' */) kept = (BigInt(kept || '0') + 1n).toString().padStart(keep, '0');
  return [kept.slice(0, kept.length - decimals).replace(/^0+/, ''), kept.slice(kept.length - decimals)];
}

function charAt(tokens: Token[], index: number): string {
  const t = tokens[index];
  return t.kind === 'digit' ? t.char : '';
}

function groupThousands(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return out;
}

/** A number section's text for `value` (already signed or made a magnitude). */
function sectionText(section: FormatSection, value: number): string {
  const tokens = section.tokens;
  if (tokens.some((t) => t.kind === 'general')) {
    return tokens.map((t) => (t.kind === 'literal' ? t.text : t.kind === 'general' ? generalText(value) : '')).join('');
  }
  const digitIndexes: number[] = [];
  tokens.forEach((t, i) => t.kind === 'digit' && digitIndexes.push(i));
  if (digitIndexes.length === 0) {
    // Only literals: `"100"`, or nothing at all (the hidden `;;;`). A lone minus sign stays with the value.
    return (value < 0 ? '-' : '') + tokens.map((t) => (t.kind === 'literal' ? t.text : t.kind === 'percent' ? '%' : '')).join('');
  }
  const pointAt = tokens.findIndex((t) => t.kind === 'point');
  const exponentAt = tokens.findIndex((t) => t.kind === 'exponent');
  const numberEnd = exponentAt >= 0 ? exponentAt : tokens.length;
  let scaled = Math.abs(value);
  let grouping = false;
  for (let i = 0; i < numberEnd; i++) {
    const t = tokens[i];
    if (t.kind === 'percent') scaled *= 100;
    else if (t.kind === 'comma') {
      // Between digit placeholders of the integer part: thousands separator; after them: ÷1000.
      const before = digitIndexes.some((d) => d < i);
      const after = digitIndexes.some((d) => d > i && (pointAt < 0 || d < pointAt) && d < numberEnd);
      if (before && after) grouping = true;
      else if (before) scaled /= 1000;
    }
  }
  const intSlots = digitIndexes.filter((d) => (pointAt < 0 || d < pointAt) && d < numberEnd);
  const fracSlots = digitIndexes.filter((d) => pointAt >= 0 && d > pointAt && d < numberEnd);
  const expSlots = digitIndexes.filter((d) => exponentAt >= 0 && d > exponentAt);
  let exponent = 0;
  if (exponentAt >= 0 && scaled !== 0) {
    // `##0.0E+0`: a mantissa of up to three digits, the exponent a multiple of 3 (engineering).
    const step = intSlots.length > 1 && charAt(tokens, intSlots[0]) === '#' ? intSlots.length : 1;
    exponent = Math.floor(Math.log10(scaled) / step) * step;
    scaled /= 10 ** exponent;
  }
  const [intDigits, fracDigits] = roundedDigits(scaled, fracSlots.length);
  const fill = new Map<number, string>();
  // Integer placeholders from the right; digits beyond them all go to the first one.
  let rest = intDigits;
  for (let k = intSlots.length - 1; k >= 0; k--) {
    const char = charAt(tokens, intSlots[k]);
    if (k === 0) fill.set(intSlots[k], rest || (char === '0' ? '0' : char === '?' ? ' ' : ''));
    else if (rest) {
      fill.set(intSlots[k], rest.slice(-1));
      rest = rest.slice(0, -1);
    } else fill.set(intSlots[k], char === '0' ? '0' : char === '?' ? ' ' : '');
  }
  // Fraction placeholders left to right; trailing zeros drop under # and become spaces under ?.
  let significant = fracDigits.length;
  while (significant > 0 && fracDigits[significant - 1] === '0' && charAt(tokens, fracSlots[significant - 1]) !== '0') significant--;
  fracSlots.forEach((slot, k) => {
    const char = charAt(tokens, slot);
    fill.set(slot, k < significant ? fracDigits[k] : char === '?' ? ' ' : '');
  });
  const expText = String(Math.abs(exponent)).padStart(expSlots.length, '0');
  expSlots.forEach((slot, k) => fill.set(slot, k === 0 ? expText.slice(0, expText.length - expSlots.length + 1) : expText[expText.length - expSlots.length + k]));

  let integer = '';
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'digit') {
      const text = fill.get(i) ?? '';
      if (intSlots.includes(i)) integer += text;
      out += text;
    } else if (t.kind === 'literal') out += t.text;
    else if (t.kind === 'point') out += '.';
    else if (t.kind === 'percent') out += '%';
    else if (t.kind === 'exponent') out += exponent < 0 ? 'E-' : t.sign === '+' ? 'E+' : 'E';
  }
  if (grouping && /^\d+$/.test(integer)) {
    // Thousands separators in the integer digits, wherever literals sit between the placeholders.
    const grouped = groupThousands(integer);
    let g = 0;
    let rebuilt = '';
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.kind === 'digit' && intSlots.includes(i)) {
        const text = fill.get(i) ?? '';
        let piece = '';
        for (let k = 0; k < text.length; k++) {
          while (grouped[g] === ',') piece += grouped[g++];
          piece += grouped[g++];
        }
        rebuilt += piece;
      } else if (t.kind === 'digit') rebuilt += fill.get(i) ?? '';
      else if (t.kind === 'literal') rebuilt += t.text;
      else if (t.kind === 'point') rebuilt += '.';
      else if (t.kind === 'percent') rebuilt += '%';
      else if (t.kind === 'exponent') rebuilt += exponent < 0 ? 'E-' : t.sign === '+' ? 'E+' : 'E';
    }
    out = rebuilt;
  }
  return (value < 0 ? '-' : '') + out;
}

/**
 * The text `value` shows under `code`, as Excel and LibreOffice print it; null where the section is a
 * date or time, or something this engine does not compute ([NatType], [DBNum3]) — the caller keeps its
 * own reading there. `'#'` stands for a number no section holds (Excel fills the cell with #).
 * `arabic` leaves [DBNum] numerals as digits (the number a Chinese-numeral cell shows, to compare).
 */
export function formatNumber(value: number, code: string, options: { arabic?: boolean } = {}): string | null {
  if (!Number.isFinite(value)) return null;
  const sections = sectionsOf(code);
  const chosen = sectionFor(sections, value);
  if (!chosen) return '#';
  const { section, magnitude } = chosen;
  if (section.date || section.unsupported) return null;
  const signed = magnitude ? Math.abs(value) : value;
  let text: string;
  if (section.fraction) text = fractionText(section.fraction, signed);
  else if (section.tokens.length === 0 && sections.length === 1) text = generalText(value);
  else if (section.tokens.every((t) => t.kind === 'text' || t.kind === 'literal') && section.tokens.some((t) => t.kind === 'text')) text = generalText(value);
  else text = sectionText(section, signed);
  return section.dbnum && !options.arabic ? chineseNumerals(text, section.dbnum === 2) : text;
}
