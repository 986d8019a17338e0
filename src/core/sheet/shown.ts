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

/** The format's codes without quoted literals, escapes and bracketed colours or locales. */
function formatCodes(numberFormat: string): string {
  return numberFormat.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
}

export function isPercentFormat(numberFormat: string | null | undefined): boolean {
  return !!numberFormat && formatCodes(numberFormat).includes('%');
}

export function isDateFormat(numberFormat: string | null | undefined): boolean {
  if (!numberFormat) return false;
  const codes = formatCodes(numberFormat);
  return /[yd]/i.test(codes) || /年|月|日/.test(numberFormat);
}

/** A cell value as shown under its number format: percent and date numbers become their text. */
export function shownValue(value: CellValue, numberFormat: string | null | undefined): CellValue {
  if (typeof value !== 'number' || !numberFormat) return value;
  if (isPercentFormat(numberFormat)) return `${Number((value * 100).toPrecision(12))}%`;
  if (isDateFormat(numberFormat) && value >= 1) return chineseDateText(serialToDate(value));
  return value;
}
