/**
 * A fix that inserts indicator rows into one grid of a sheet, written into that grid's own columns: after the
 * last row of the same 一级 when the grid has one, else after the grid's last indicator row (so never below
 * its signature or total rows). Used by the dimension and template rules and by suggestions.
 */
import { maxOf, minOf } from '../bounded';
import { dimensionKey, findLevel1, findLevel2, getFramework, type Framework } from '../frameworks';
import type { Fix, FixStep } from '../model/fix';
import type { LocatedRow, ScopedGrid } from '../rules/helpers';
import { sheetGrids } from '../rules/helpers';
import { fromA1, toA1 } from '../sheet/address';
import type { IndicatorRowRefs, SheetTable } from '../sheet/types';
import { normaliseText, takeLeadingOperator } from '../values';
import { combineFixes } from './combine';

/** An indicator row to insert: names as they should read, the 指标值 (empty: left for the clerk). */
export interface NewIndicatorRow {
  level1: string;
  level2: string;
  level3: string;
  value: string;
  /** 指标描述, written when the grid has such a column. */
  description?: string;
  /** 计量单位, written when the grid has such a column. */
  unit?: string | null;
}

export type IndicatorRowsResult = { fix: Fix; reason?: undefined } | { fix: null; reason: string };

export interface IndicatorRowsOptions {
  /** The framework the sheet is judged by (names and aliases); the sheet's detected one by default. */
  framework?: Framework;
  /** The fix's description; by default `在第 N 行后插入 …`. */
  description?: string;
  /** Said after the default description in brackets, e.g. where the rows come from. */
  note?: string;
}

const NAMES_IN_DESCRIPTION = 3;

/** 0-based sheet row of an address, or -1. */
function rowAt(address: string | null | undefined): number {
  return address ? fromA1(address).row : -1;
}

function colAt(address: string | null | undefined): number | null {
  return address ? fromA1(address).col : null;
}

/**
 * The sheet row of an indicator row: the lowest of its cells (a 一级 merged or written once points above it;
 * its own cells are on its row).
 */
export function sheetRowOf(refs: IndicatorRowRefs): number {
  return maxOf([refs.level1, refs.level2, refs.level3, refs.description, refs.value, refs.unit, refs.operator].map(rowAt), -1);
}

/** The columns of a grid, read from the refs of one of its rows; null where the grid has no such column. */
interface GridColumns {
  level1: number | null;
  level2: number | null;
  level3: number | null;
  description: number | null;
  value: number;
  unit: number | null;
  operator: number | null;
}

function columnsOf(refs: IndicatorRowRefs): GridColumns | null {
  const value = colAt(refs.value);
  if (value === null) return null;
  const level1 = colAt(refs.level1);
  const level2 = colAt(refs.level2);
  return {
    // A form without a 一级 column (its 一级指标 column holds the 二级) reads both from one column.
    level1: level1 === level2 ? null : level1,
    level2,
    level3: colAt(refs.level3),
    description: colAt(refs.description),
    value,
    unit: colAt(refs.unit),
    operator: colAt(refs.operator),
  };
}

function level1Key(framework: Framework, name: string): string {
  return findLevel1(framework, name)?.name ?? dimensionKey(name);
}

function level2Key(framework: Framework, level1: string, name: string): string {
  return findLevel2(framework, level1, name)?.name ?? dimensionKey(name);
}

/** Whether inserting whole rows above 0-based row `at` would cut another grid of the sheet in two. */
function splitsOtherGrid(sheet: SheetTable, grid: ScopedGrid, at: number): boolean {
  return sheetGrids(sheet).some((other) => {
    if (other.header === grid.header || other.rows.length === 0) return false;
    const rows = other.rows.map(({ refs }) => sheetRowOf(refs));
    return minOf(rows, -1) < at && at <= maxOf(rows, -1);
  });
}

function rowName(row: NewIndicatorRow): string {
  const path = [row.level1, row.level2].filter((name) => name.trim()).join('›');
  return row.level3.trim() ? `${path}「${row.level3.trim()}」` : path;
}

export function describeInsert(afterRow: number, rows: readonly NewIndicatorRow[]): string {
  const names = rows.slice(0, NAMES_IN_DESCRIPTION).map(rowName).join('、');
  const more = rows.length > NAMES_IN_DESCRIPTION ? ` 等 ${rows.length} 行` : '';
  const empty = rows.filter((row) => !row.value.trim()).length;
  const pending = empty === 0 ? '' : empty === rows.length ? '，指标值待填' : `，其中 ${empty} 行指标值待填`;
  return `在第 ${afterRow + 1} 行后插入 ${rows.length} 行指标：${names}${more}${pending}`;
}

/** The cells of one new row, or a reason it cannot be written into this grid. */
function rowCells(
  sheet: SheetTable,
  grid: ScopedGrid,
  columns: GridColumns,
  framework: Framework,
  row: NewIndicatorRow,
  sheetRow: number,
): { cells: { col: number; value: string }[]; valueCell: string; valueEmpty: boolean } | { reason: string } {
  const key1 = level1Key(framework, row.level1);
  const sameLevel1 = grid.rows.find(({ row: r }) => level1Key(framework, r.level1) === key1);
  const key2 = level2Key(framework, row.level1, row.level2);
  const sameLevel2 = grid.rows.find(({ row: r }) => level1Key(framework, r.level1) === key1 && level2Key(framework, r.level1, r.level2) === key2);
  const cells: { col: number; value: string }[] = [];
  const put = (col: number | null, value: string) => {
    if (col !== null && value !== '') cells.push({ col, value });
  };
  // Names as this sheet writes them (一、产出指标 or 产出指标（50分）), else as given.
  put(columns.level1, sameLevel1?.row.level1 || row.level1);
  put(columns.level2, sameLevel2?.row.level2 || row.level2);
  if (row.level3.trim()) {
    if (columns.level3 === null) return { reason: `本表没有三级指标列，无法写入指标「${row.level3.trim()}」` };
    put(columns.level3, row.level3.trim());
  }
  if (row.description?.trim()) put(columns.description, row.description.trim());
  let value = row.value.trim();
  if (columns.operator !== null && value) {
    // An operator column (指标性质) holds the operator; the value cell the rest.
    const leading = takeLeadingOperator(normaliseText(value));
    if (leading) {
      put(columns.operator, leading.operator);
      value = leading.rest;
    }
  }
  if (row.unit?.trim()) put(columns.unit, row.unit.trim());
  put(columns.value, value);
  // A flat export names the project on each row: the new row says whose it is.
  const nameCol = colAt(sheet.refs.projectName);
  if (nameCol !== null && grid.header && rowAt(sheet.refs.projectName) > rowAt(grid.header)) put(nameCol, sheet.table.projectName);
  return { cells, valueCell: toA1(sheetRow, columns.value), valueEmpty: value === '' };
}

/**
 * A fix inserting `rows` into `grid` of `sheet`, or null with the reason it cannot (no row to learn the
 * columns from, no 三级 column for a named indicator, a grid beside it that whole rows would cut).
 * Formats come from the row above the inserted ones; `select` is the value cells left empty (all inserted
 * value cells when none is).
 */
export function indicatorRowsFix(
  sheet: SheetTable,
  grid: ScopedGrid,
  rows: readonly NewIndicatorRow[],
  options: IndicatorRowsOptions = {},
): IndicatorRowsResult {
  if (rows.length === 0) return { fix: null, reason: '没有要插入的指标' };
  if (grid.rows.length === 0) return { fix: null, reason: '指标表中没有指标行，看不出各列的位置' };
  // A row with neither is an unused slot of a form to the reader: it would add nothing.
  if (rows.some((row) => !row.level3.trim() && !row.value.trim())) return { fix: null, reason: '要插入的指标行既无三级指标名称也无指标值' };
  const framework = options.framework ?? getFramework(sheet.framework);
  const last = (list: readonly LocatedRow[]) => list.reduce((a, b) => (sheetRowOf(b.refs) > sheetRowOf(a.refs) ? b : a));
  const gridEnd = last(grid.rows);
  const columns = columnsOf(gridEnd.refs);
  if (!columns) return { fix: null, reason: '看不出指标值所在的列' };

  // One insert per place, in the order the rows were given.
  const groups = new Map<number, NewIndicatorRow[]>();
  for (const row of rows) {
    const key = level1Key(framework, row.level1);
    const same = grid.rows.filter(({ row: r }) => level1Key(framework, r.level1) === key);
    const candidates = [same.length > 0 ? sheetRowOf(last(same).refs) : null, sheetRowOf(gridEnd.refs)];
    const anchor = candidates.find((at) => at !== null && !splitsOtherGrid(sheet, grid, at + 1));
    if (anchor === undefined || anchor === null) {
      return { fix: null, reason: '该指标表与另一个指标表并排，插入整行会把另一个表拆开；请手工添加' };
    }
    groups.set(anchor, [...(groups.get(anchor) ?? []), row]);
  }

  const fixes: Fix[] = [];
  for (const [anchor, group] of groups) {
    const steps: FixStep[] = [{ kind: 'insertRows', before: anchor + 2, count: group.length, formatFrom: anchor + 1 }];
    const empty: string[] = [];
    const all: string[] = [];
    for (const [i, row] of group.entries()) {
      const written = rowCells(sheet, grid, columns, framework, row, anchor + 1 + i);
      if ('reason' in written) return { fix: null, reason: written.reason };
      for (const { col, value } of written.cells) steps.push({ kind: 'setCell', cell: toA1(anchor + 1 + i, col), value });
      all.push(written.valueCell);
      if (written.valueEmpty) empty.push(written.valueCell);
    }
    fixes.push({ description: describeInsert(anchor, group), steps, select: empty.length > 0 ? empty : all });
  }
  const fix = combineFixes(fixes);
  const description = options.description ?? (options.note ? `${fix.description}（${options.note}）` : fix.description);
  return { fix: { ...fix, description } };
}
