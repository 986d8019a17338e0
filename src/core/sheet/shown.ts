import { formatNumber, sectionFor, sectionsOf } from './numberFormat';
import { fractionNumber } from './numberFormatSpecial';
import type { CellValue } from './types';

/**
 * Excel stores a typed `95%` as 0.95 with a percent format and a typed date as a serial number with a
 * date format; exceljs hands dates over as Date. A 指标值 means what the user sees, so both adapters
 * turn such cells into their shown text here, and the reader sees the same grid from either.
 */

const MS_PER_DAY = 86_400_000;
/** Day 0 of Excel's 1900 date system (serial 60 is the fictitious 1900-02-29, ignored past it). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A UTC date as Chinese date text (`2024年12月31日`), with the time only when it has one. */
export function chineseDateText(date: Date): string {
  const day = `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
  const hasTime = date.getUTCHours() + date.getUTCMinutes() + date.getUTCSeconds() > 0;
  return hasTime ? `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}` : day;
}

/** Excel serial date → UTC Date (to the minute, as cells show it). */
export function serialToDate(serial: number): Date {
  return new Date(EXCEL_EPOCH_UTC + Math.round(serial * 24 * 60) * (MS_PER_DAY / (24 * 60)));
}

export function isPercentFormat(numberFormat: string | null | undefined): boolean {
  return !!numberFormat && sectionsOf(numberFormat).some((s) => s.tokens.some((t) => t.kind === 'percent'));
}

export function isDateFormat(numberFormat: string | null | undefined): boolean {
  if (!numberFormat) return false;
  return sectionsOf(numberFormat).some((s) => s.date || s.tokens.some((t) => t.kind === 'literal' && /[年月日]/.test(t.text)));
}

/** The number runs of a shown text (`1,234.50`, `2.92E+02`), each with its decimals. */
function numberRuns(text: string): { value: number; tolerance: number }[] {
  const runs: { value: number; tolerance: number }[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text, i) && !(text[i] === '.' && isDigit(text, i + 1))) {
      i++;
      continue;
    }
    let digits = '';
    let decimals = -1;
    while (i < text.length && (isDigit(text, i) || text[i] === ',' || (text[i] === '.' && decimals < 0 && isDigit(text, i + 1)))) {
      if (text[i] === '.') decimals = 0;
      else if (text[i] !== ',') {
        digits += text[i];
        if (decimals >= 0) decimals++;
      }
      i++;
    }
    let exponent = 0;
    if ((text[i] === 'E' || text[i] === 'e') && (text[i + 1] === '+' || text[i + 1] === '-') && isDigit(text, i + 2)) {
      const sign = text[i + 1] === '-' ? -1 : 1;
      i += 2;
      let expDigits = '';
      while (isDigit(text, i)) expDigits += text[i++];
      exponent = sign * Number(expDigits);
    }
    const places = Math.max(decimals, 0);
    const mantissa = Number(digits) / 10 ** places;
    runs.push({ value: mantissa * 10 ** exponent, tolerance: 0.5 * 10 ** (exponent - places) });
  }
  return runs;
}

function isDigit(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code >= 48 && code <= 57;
}

/** The stored number as evidence next to what is shown: 2000000, not 2E+06. */
export function storedText(value: number): string {
  return String(Number(value.toPrecision(15)));
}

/**
 * A cell value as shown under its number format: percent and date numbers become their text. A number
 * shown as itself (rounded, with a unit or a currency sign around it) stays the number; one the format
 * shows as another number (scaled by `0.00,,`, moved by `0!.0000`, replaced by a literal `"100"`) or
 * hides (`;;;`) becomes the text shown, with the stored value in brackets so a message can say both —
 * the amount parser reads the shown number and leaves the bracket as a remark.
 */
export function shownValue(value: CellValue, numberFormat: string | null | undefined): CellValue {
  if (typeof value !== 'number' || !numberFormat) return value;
  const chosen = sectionFor(sectionsOf(numberFormat), value);
  if (chosen?.section.date) return value >= 1 ? chineseDateText(serialToDate(value)) : value;
  if (chosen?.section.tokens.some((t) => t.kind === 'percent')) return `${Number((value * 100).toPrecision(12))}%`;
  const text = formatNumber(value, numberFormat);
  if (text === null || !chosen) return value;
  const { section, magnitude } = chosen;
  if (section.fraction) {
    // `1 1/4` stands for 1.25: the stored number when the fraction is exact, else both (1 1/3 of 1.3333).
    const shown = fractionNumber(section.fraction, magnitude ? Math.abs(value) : value);
    return Math.abs(shown - (magnitude ? Math.abs(value) : value)) <= 1e-12 * Math.max(1, Math.abs(value)) ? value : asShown(value, text);
  }
  // 一百二十三 stands for the digits the same format writes without [DBNum]: compared (and quoted) as digits.
  if (section.dbnum) return asShown(value, formatNumber(value, numberFormat, { arabic: true }) ?? text);
  return asShown(value, text);
}

/**
 * `value` when `text` (what the cell shows: from the format engine, or an .ods cell's own text) shows
 * that number — rounded, signed by brackets, with units or a currency sign around it; else the shown text
 * with the stored number in brackets.
 */
export function asShown(value: number, text: string): CellValue {
  const magnitude = Math.abs(value);
  if (numberRuns(text).some((run) => Math.abs(run.value - magnitude) <= run.tolerance * (1 + 1e-9) + magnitude * 1e-15)) return value;
  const shown = text.trim();
  return shown ? `${shown}${STORED_OPEN}${storedText(value)}${STORED_CLOSE}` : `（单元格不显示内容，存储值为 ${storedText(value)}）`;
}

const STORED_OPEN = '（单元格存储值为 ';
const STORED_CLOSE = '）';

/** What a cell asShown gave a bracket to shows and stores (`100.0000`, `1000000`); null for any other value. */
export function shownAndStored(value: CellValue): { shown: string; stored: string } | null {
  if (typeof value !== 'string' || !value.endsWith(STORED_CLOSE)) return null;
  const open = value.lastIndexOf(STORED_OPEN);
  if (open <= 0) return null;
  return { shown: value.slice(0, open), stored: value.slice(open + STORED_OPEN.length, -STORED_CLOSE.length) };
}
