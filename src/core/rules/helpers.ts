// Small pieces every rule needs: present cell addresses, readable numbers, row positions.
import type { AmountUnit, IndicatorRow } from '../model';
import { fromA1 } from '../sheet/address';
import { GRID_SCOPE_NAMES } from '../sheet/labels';
import type { GridScope, IndicatorRowRefs, IndicatorSlot, SheetTable } from '../sheet/types';

/** The addresses that exist, in order (refs are null where the sheet has no such cell). */
export function cellsOf(...addresses: (string | null | undefined)[]): string[] {
  return cellList(addresses);
}

/** cellsOf for a list of any length (a spread argument of thousands of rows would overflow the stack). */
export function cellList(addresses: readonly (string | null | undefined)[]): string[] {
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
function located(indicators: IndicatorRow[], rowRefs: IndicatorRowRefs[]): LocatedRow[] {
  return indicators.map((row, index) => ({ row, refs: rowRefs[index], index }));
}

/** The annual grid's rows (table.indicators) with their cell refs. */
export function locatedRows(sheet: SheetTable): LocatedRow[] {
  return located(sheet.table.indicators, sheet.rowRefs);
}

/** How a row is named in a message: `成本指标「运维费用支出」`. */
export function rowLabel(row: IndicatorRow): string {
  const level3 = row.level3.trim();
  return level3 ? `${row.level2.trim() || row.level1.trim()}「${level3}」` : row.level2.trim() || row.level1.trim();
}

/** One indicator grid of a sheet, as the rules see it. */
export interface ScopedGrid {
  scope: GridScope;
  /** `年度目标` / `总体目标` when the sheet has more than one grid; null otherwise (messages stay as for one grid). */
  name: string | null;
  goals: string;
  goalsRef: string | null;
  /** Header row of the grid (its 一级指标 cell). */
  header: string | null;
  rows: LocatedRow[];
  /** Unused 二级 slots of a filled form (not indicators; where rows of their 一级 end). */
  slots?: IndicatorSlot[];
}

/**
 * The grids of a sheet with their scope, the annual one (table.indicators) first: the one place rules learn
 * which rows belong together, so every grid gets the same checks and no rule mixes two grids.
 */
export function sheetGrids(sheet: SheetTable): ScopedGrid[] {
  const others = sheet.otherGrids ?? [];
  const named = others.length > 0;
  const annual: ScopedGrid = {
    scope: 'annual',
    name: named ? GRID_SCOPE_NAMES.annual : null,
    goals: sheet.table.goals,
    goalsRef: sheet.refs.goals,
    header: sheet.refs.indicatorHeader,
    rows: locatedRows(sheet),
    ...(sheet.slots ? { slots: sheet.slots } : {}),
  };
  return [
    annual,
    ...others.map((grid) => ({
      scope: grid.scope,
      name: GRID_SCOPE_NAMES[grid.scope],
      goals: grid.goals,
      goalsRef: grid.goalsRef,
      header: grid.indicatorHeader,
      rows: located(grid.indicators, grid.rowRefs),
      ...(grid.slots ? { slots: grid.slots } : {}),
    })),
  ];
}

/** `总体目标的` + subject on a sheet with several grids; the subject alone otherwise. */
export function inGrid(grid: ScopedGrid, subject: string): string {
  return grid.name ? `${grid.name}的${subject}` : subject;
}

/** rowLabel, naming the grid when the sheet has several: `总体目标的成本指标「运维费用」`. */
export function gridRowLabel(grid: ScopedGrid, row: IndicatorRow): string {
  return inGrid(grid, rowLabel(row));
}
