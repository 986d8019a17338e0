// Small pieces every rule needs: present cell addresses, readable numbers, row positions.
import type { AmountUnit, IndicatorRow } from '../model';
import { fromA1 } from '../sheet/address';
import type { IndicatorRowRefs, SheetTable } from '../sheet/types';

/** The addresses that exist, in order (refs are null where the sheet has no such cell). */
export function cellsOf(...addresses: (string | null | undefined)[]): string[] {
  return addresses.filter((a): a is string => typeof a === 'string' && a.length > 0);
}

/** A number as a reviewer writes it: at most 4 decimals, no trailing zeros (291.2, 0.8, 2910000). */
export function formatNumber(value: number): string {
  return String(Number.parseFloat(value.toFixed(4)));
}

export function formatAmount(value: number, unit: AmountUnit): string {
  return `${formatNumber(value)}${unit}`;
}

/** 0-based sheet row of an address, or -1 for none: the engine sorts issues by it. */
export function rowOfAddress(address: string | undefined): number {
  if (!address) return -1;
  try {
    return fromA1(address).row;
  } catch {
    return -1;
  }
}

export interface LocatedRow {
  row: IndicatorRow;
  refs: IndicatorRowRefs;
  index: number;
}

/** Indicator rows with their cell refs (the two arrays are parallel by contract). */
export function locatedRows(sheet: SheetTable): LocatedRow[] {
  return sheet.table.indicators.map((row, index) => ({ row, refs: sheet.rowRefs[index], index }));
}

/** How a row is named in a message: `成本指标「运维费用支出」`. */
export function rowLabel(row: IndicatorRow): string {
  const level3 = row.level3.trim();
  return level3 ? `${row.level2.trim() || row.level1.trim()}「${level3}」` : row.level2.trim() || row.level1.trim();
}
