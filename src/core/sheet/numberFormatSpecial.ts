/**
 * The two number-format families that do not place digits one by one: fractions (`# ?/?`, `# ??/??`,
 * `?/4`) and Chinese numerals ([DBNum1] 一百二十三, [DBNum2] 壹佰贰拾叁). Microsoft: "Display numbers as
 * fractions" and "Number format codes" (support.microsoft.com); LibreOffice maps [DBNum1]/[DBNum2] of a
 * Chinese locale to its NatNum4/NatNum5 (help.libreoffice.org, "Number Format Codes", Asian locales).
 * Linear in the code and bounded in the value: no loop runs more than the digits of a double.
 */

/** What a fraction section writes, in order: its whole, numerator and denominator placeholders and literals. */
export type FractionPiece =
  | { kind: 'whole'; slots: string }
  | { kind: 'numerator'; slots: string }
  | { kind: 'denominator'; slots: string; fixed: number | null }
  | { kind: 'slash' }
  | { kind: 'literal'; text: string };

/**
 * The closest fraction p/q to `x` (0 ≤ x < 1 after the whole part, or any x ≥ 0 without one) with
 * q ≤ maxDen: the continued-fraction convergents and the last semiconvergent (the best rational
 * approximations), a few dozen steps for any double.
 */
export function closestFraction(x: number, maxDen: number): [number, number] {
  let [p0, q0, p1, q1] = [0, 1, 1, 0];
  let rest = x;
  for (let step = 0; step < 64; step++) {
    const a = Math.floor(rest);
    const q2 = q0 + a * q1;
    if (q2 > maxDen) {
      // The semiconvergent with the largest denominator allowed, if it is closer than the last convergent.
      const k = Math.floor((maxDen - q0) / q1);
      const [ps, qs] = [p0 + k * p1, q0 + k * q1];
      return Math.abs(x - ps / qs) < Math.abs(x - p1 / q1) ? [ps, qs] : [p1, q1];
    }
    [p0, q0, p1, q1] = [p1, q1, p0 + a * p1, q2];
    const frac = rest - a;
    if (frac < 1e-12 || Math.abs(x - p1 / q1) < 1e-15 * Math.max(1, x)) break;
    rest = 1 / frac;
  }
  return [p1, q1];
}

/** `digits` placed in placeholders `slots` right-aligned (`0` pads 0, `?` a space, `#` nothing). */
function rightAligned(digits: string, slots: string): string {
  const pad = slots.slice(0, Math.max(0, slots.length - digits.length));
  return pad.replace(/#/g, '').replace(/\?/g, ' ') + digits;
}

/** `digits` placed left-aligned: a denominator's unused `?` placeholders are spaces after it. */
function leftAligned(digits: string, slots: string): string {
  const pad = slots.slice(Math.min(slots.length, digits.length));
  return digits + pad.replace(/#/g, '').replace(/\?/g, ' ');
}

/** The text of a fraction section for `value` (signed; the section's own literals already in `pieces`). */
export function fractionText(pieces: FractionPiece[], value: number): string {
  const abs = Math.abs(value);
  const hasWhole = pieces.some((p) => p.kind === 'whole');
  const denominator = pieces.find((p): p is Extract<FractionPiece, { kind: 'denominator' }> => p.kind === 'denominator');
  const numeratorSlots = pieces.find((p) => p.kind === 'numerator');
  if (!denominator || !numeratorSlots) return String(value);
  let whole = hasWhole ? Math.floor(abs) : 0;
  const part = abs - whole;
  let num: number;
  let den: number;
  if (denominator.fixed !== null) {
    den = denominator.fixed;
    num = Math.round(part * den);
  } else {
    const maxDen = 10 ** Math.min(denominator.slots.length, 7) - 1;
    [num, den] = closestFraction(part, maxDen);
  }
  if (hasWhole && num === den && denominator.fixed === null) {
    whole += 1;
    num = 0;
  }
  // A whole number (the fraction rounds to 0) shows no fraction: its placeholders and slash are spaces.
  const noFraction = num === 0 && hasWhole;
  const wholeText = whole === 0 && hasWhole && !noFraction ? '' : String(whole);
  let out = '';
  for (const piece of pieces) {
    if (piece.kind === 'whole') out += rightAligned(whole === 0 && !noFraction ? '' : wholeText, piece.slots);
    else if (piece.kind === 'numerator') out += noFraction ? ' '.repeat(piece.slots.length) : rightAligned(String(num), piece.slots);
    else if (piece.kind === 'slash') out += noFraction ? ' ' : '/';
    else if (piece.kind === 'denominator') out += noFraction ? ' '.repeat(piece.slots.length) : leftAligned(String(den), piece.slots);
    else out += piece.text;
  }
  return (value < 0 && (whole !== 0 || num !== 0) ? '-' : '') + out;
}

/** The number a fraction's text stands for (`1 1/4` → 1.25), signed as `value`. */
export function fractionNumber(pieces: FractionPiece[], value: number): number {
  const text = fractionText(pieces, Math.abs(value)).trim();
  const m = /^(?:(\d+)\s+)?(\d+)\/(\d+)$/.exec(text);
  const n = m ? Number(m[1] ?? 0) + Number(m[2]) / Number(m[3]) : Number(text);
  return value < 0 ? -n : n;
}

const LOWER_DIGITS = '〇一二三四五六七八九';
const UPPER_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const LOWER_UNITS = ['', '十', '百', '千'];
const UPPER_UNITS = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿', '万亿'];

/** An integer's digits (a decimal string) read as a Chinese number: 一百零五, 壹仟零贰拾. */
function chineseInteger(digits: string, upper: boolean): string {
  const numerals = upper ? UPPER_DIGITS : LOWER_DIGITS;
  const zero = upper ? '零' : '〇';
  if (/^0*$/.test(digits)) return zero;
  if (digits.length > 16) return [...digits].map((d) => numerals[Number(d)]).join('');
  const units = upper ? UPPER_UNITS : LOWER_UNITS;
  let out = '';
  let pendingZero = false;
  const groups = Math.ceil(digits.length / 4);
  const padded = digits.padStart(groups * 4, '0');
  for (let g = 0; g < groups; g++) {
    const group = padded.slice(g * 4, g * 4 + 4);
    if (group === '0000') {
      pendingZero = out !== '';
      continue;
    }
    for (let k = 0; k < 4; k++) {
      const d = Number(group[k]);
      if (d === 0) {
        if (out !== '') pendingZero = true;
        continue;
      }
      if (pendingZero) out += zero;
      pendingZero = false;
      out += numerals[d] + units[3 - k];
    }
    out += GROUPS[groups - 1 - g];
  }
  // Written as the spreadsheet programs write them: 一十五 (not 十五), 一万〇一十五 (〇 in lower case).
  return out;
}

/**
 * Arabic digits of a formatted number as Chinese numerals: each run of integer digits read with its units,
 * digits after a decimal point one by one. `1,234.5` is read as 1234.5 (separators are dropped). Checked
 * against LibreOffice's rendering of the same cells (test/xlsx/numberFormat.test.ts).
 */
export function chineseNumerals(text: string, upper: boolean): string {
  const numerals = upper ? UPPER_DIGITS : LOWER_DIGITS;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      let digits = '';
      while (i < text.length && ((text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) || (text[i] === ',' && /\d/.test(text[i + 1] ?? '')))) {
        if (text[i] !== ',') digits += text[i];
        i++;
      }
      out += chineseInteger(digits, upper);
      if (text[i] === '.' && /\d/.test(text[i + 1] ?? '')) {
        // The decimal point as LibreOffice writes it among the numerals: full-width in lower case, 点 in financial.
        out += upper ? '点' : '．';
        i++;
        while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) out += numerals[Number(text[i++])];
      }
    } else out += text[i++];
  }
  return out;
}
