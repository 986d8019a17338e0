// PLACEHOLDER until the 指标值 parser lands (being written now); keeps the shared signature compiling.
import type { AmountUnit, ParsedValue } from '../model';

export interface ParseValueOptions {
  /** The table's money unit (单位：万元); money totals are converted to it. */
  tableUnit?: AmountUnit;
}

export function parseValue(raw: string, _options: ParseValueOptions = {}): ParsedValue {
  const text = raw.trim();
  return { raw: text, kind: text ? 'qualitative' : 'empty', operator: null, number: null, unit: null, amount: null, year: null, month: null };
}
