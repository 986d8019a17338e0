// Small pieces every rule needs: present cell addresses, readable numbers, row positions.
import type { AmountUnit, IndicatorRow } from '../model';
import { fromA1 } from '../sheet/address';
import { GRID_SCOPE_NAMES } from '../sheet/labels';
import type { GridRow, GridScope, GridYear, HeaderAmount, IndicatorRowRefs, IndicatorSlot, SheetTable } from '../sheet/types';

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

/** A grid's rows with their place in it. */
function located(rows: readonly GridRow[]): LocatedRow[] {
  return rows.map(({ row, refs }, index) => ({ row, refs, index }));
}

/** The main grid's rows (table.indicators) with their cell refs. */
export function locatedRows(sheet: SheetTable): LocatedRow[] {
  return shared?.sheet === sheet ? sharedGrids(shared)[0].rows : located(sheet.grids[0]?.rows ?? []);
}

/** The sheet being checked, and its grids once some rule has asked for them. */
interface Shared {
  sheet: SheetTable;
  grids: ScopedGrid[] | null;
}
let shared: Shared | null = null;

function sharedGrids(state: Shared): ScopedGrid[] {
  state.grids ??= Object.freeze(buildSheetGrids(state.sheet).map((grid) => Object.freeze({ ...grid, rows: Object.freeze(grid.rows) as LocatedRow[] }))) as ScopedGrid[];
  return state.grids;
}

/**
 * Runs `run` (the rules of one check) with sheetGrids(sheet) and locatedRows(sheet) built once and handed
 * to every caller, frozen: a 100,000-row table is then located once, not once per rule and per fix.
 */
export function withSharedGrids<T>(sheet: SheetTable, run: () => T): T {
  const outer = shared;
  shared = { sheet, grids: null };
  try {
    return run();
  } finally {
    shared = outer;
  }
}

/** How a row is named in a message: `成本指标「运维费用支出」`. */
export function rowLabel(row: IndicatorRow): string {
  const level3 = row.level3.trim();
  return level3 ? `${row.level2.trim() || row.level1.trim()}「${level3}」` : row.level2.trim() || row.level1.trim();
}

/** One indicator grid of a sheet, as the rules see it. */
export interface ScopedGrid {
  scope: GridScope;
  /** `年度目标` / `总体目标` (`2025年目标` for a year column) when the sheet has more than one grid; null otherwise (messages stay as for one grid). */
  name: string | null;
  goals: string;
  goalsRef: string | null;
  /** Header row of the grid (its 一级指标 cell). */
  header: string | null;
  rows: LocatedRow[];
  /** Unused 二级 slots of a filled form (not indicators; where rows of their 一级 end). */
  slots?: IndicatorSlot[];
  /** The region whose targets the grid holds (区域绩效目标表); absent otherwise. */
  region?: string;
  /** The year of its column on a grid of several year columns (2024年 | 2025年); absent otherwise. */
  year?: GridYear;
  /** The money of the row its targets are for (a transposed table's 资金 column); absent otherwise. */
  money?: HeaderAmount;
}

/**
 * The grids of a sheet with their scope, the main one (table.indicators) first: the one place rules learn
 * which rows belong together, so every grid gets the same checks and no rule mixes two grids.
 */
export function sheetGrids(sheet: SheetTable): ScopedGrid[] {
  return shared?.sheet === sheet ? sharedGrids(shared) : buildSheetGrids(sheet);
}

function buildSheetGrids(sheet: SheetTable): ScopedGrid[] {
  // Region grids are named by their region; the whole's grid beside them (全省) is the table's, named by none.
  const named = sheet.grids.filter((grid) => grid.region === undefined).length > 1;
  return sheet.grids.map((grid) => ({
    scope: grid.scope,
    name: grid.region ?? (named ? (grid.year ? `${grid.year.name}目标` : GRID_SCOPE_NAMES[grid.scope]) : null),
    goals: grid.goals,
    goalsRef: grid.goalsRef,
    header: grid.header,
    rows: located(grid.rows),
    ...(grid.slots ? { slots: grid.slots } : {}),
    ...(grid.region ? { region: grid.region } : {}),
    ...(grid.year ? { year: grid.year } : {}),
    ...(grid.money ? { money: grid.money } : {}),
  }));
}

/**
 * The grids whose structure (which 一级, 二级 and 三级 rows they hold) rules about dimensions, names and goals
 * look at: the region grids of a 区域绩效目标表 share one set of rows and differ only in their targets, so they
 * are looked at once, as the table's (named by no region); other years' columns (2025年 beside the budget
 * year's) share the budget year's rows, so they are looked at through it; other grids as they are.
 */
export function structureGrids(sheet: SheetTable): ScopedGrid[] {
  const grids = sheetGrids(sheet).filter(namesOwnRows);
  const first = grids.find((grid) => grid.region !== undefined);
  // The whole's grid (全省) on the regions' rows holds their structure: the regions are not looked at again.
  if (first && grids.some((grid) => grid.region === undefined && grid.header === first.header)) return grids.filter((grid) => grid.region === undefined);
  return first ? grids.filter((grid) => grid.region === undefined || grid === first).map((grid) => (grid === first ? { ...grid, name: null } : grid)) : grids;
}

/**
 * Whether a grid's rows are its own to name: not another year's column (2025年 beside the budget year's 2024年),
 * whose 一级/二级/三级 names are the budget year's grid's, so findings about names are made there once.
 */
export function namesOwnRows(grid: ScopedGrid): boolean {
  return grid.scope !== 'otherYear';
}

/** `总体目标的` + subject on a sheet with several grids; the subject alone otherwise. */
export function inGrid(grid: ScopedGrid, subject: string): string {
  return grid.name ? `${grid.name}的${subject}` : subject;
}

/** rowLabel, naming the grid when the sheet has several: `总体目标的成本指标「运维费用」`. */
export function gridRowLabel(grid: ScopedGrid, row: IndicatorRow): string {
  return inGrid(grid, rowLabel(row));
}
