/**
 * A fix that inserts indicator rows into one grid of a sheet, written into that grid's own columns: after the
 * last row of the same 一级 when the grid has one, else after the grid's last indicator row (so never below
 * its signature or total rows). Used by the dimension and template rules and by suggestions.
 */
import { maxOf, minOf } from '../bounded';
import { dimensionKey, findLevel1, findLevel2, getFramework, type Framework } from '../frameworks';
import type { Fix, FixStep } from '../model/fix';
import type { ScopedGrid } from '../rules/helpers';
import { sheetGrids } from '../rules/helpers';
import { fromA1, toA1 } from '../sheet/address';
import type { IndicatorRowRefs, SheetTable } from '../sheet/types';
import { normaliseText, takeLeadingOperator } from '../values';
import { combineFixes } from './combine';
import { unfixableLayoutReason } from './unfixableLayout';

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
/** What one insertRows step may hold (FixStepSchema). */
const MAX_ROWS = 1000;

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
  let row = sheetRows.get(refs);
  if (row === undefined) {
    row = Math.max(rowAt(refs.level1), rowAt(refs.level2), rowAt(refs.level3), rowAt(refs.description), rowAt(refs.value), rowAt(refs.unit), rowAt(refs.operator));
    sheetRows.set(refs, row);
  }
  return row;
}

/** A sheet's refs are read once and never change: each row is located once, however many fixes ask. */
const sheetRows = new WeakMap<IndicatorRowRefs, number>();

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

/** The sheet rows a grid's rows and slots are on, as one key: grids side by side on the same rows share it. */
/** Each grid's key, made once: every fix asks it of every grid, and a 10,000-row grid's key is long. */
const rowsKeys = new WeakMap<ScopedGrid, string>();

function rowsKey(grid: ScopedGrid): string {
  let key = rowsKeys.get(grid);
  if (key === undefined) {
    key = [...grid.rows.map(({ refs }) => sheetRowOf(refs)), ...(grid.slots ?? []).map(({ refs }) => sheetRowOf(refs))].sort((a, b) => a - b).join(',');
    rowsKeys.set(grid, key);
  }
  return key;
}

function sameGrid(a: ScopedGrid, b: ScopedGrid): boolean {
  return a.header === b.header && a.region === b.region && a.scope === b.scope && a.year?.name === b.year?.name;
}

/**
 * The grids beside `grid` on the same sheet rows (中长期 | 年度 side by side, or one value column per region):
 * a whole row inserted into one goes through all of them, so each gets the new row's names and its value
 * cell to fill, and inserting amid them cuts none.
 */
function partnersOf(sheet: SheetTable, grid: ScopedGrid): ScopedGrid[] {
  const key = rowsKey(grid);
  return sheetGrids(sheet).filter((other) => !sameGrid(other, grid) && other.rows.length > 0 && rowsKey(other) === key);
}

/** The row span of each grid of a sheet by its header, computed once per sheet. */
const gridSpans = new WeakMap<SheetTable, { grid: ScopedGrid; key: string; min: number; max: number }[]>();

/** Whether inserting whole rows above 0-based row `at` would cut another grid of the sheet (not one beside it row for row) in two. */
function splitsOtherGrid(sheet: SheetTable, grid: ScopedGrid, at: number): boolean {
  let spans = gridSpans.get(sheet);
  if (!spans) {
    spans = sheetGrids(sheet)
      .filter((other) => other.rows.length > 0)
      .map((other) => {
        const rows = other.rows.map(({ refs }) => sheetRowOf(refs));
        return { grid: other, key: rowsKey(other), min: minOf(rows, -1), max: maxOf(rows, -1) };
      });
    gridSpans.set(sheet, spans);
  }
  const key = rowsKey(grid);
  return spans.some((span) => !sameGrid(span.grid, grid) && span.key !== key && span.min < at && at <= span.max);
}

function rowName(row: NewIndicatorRow): string {
  const path = [row.level1, row.level2].filter((name) => name.trim()).join('›');
  return row.level3.trim() ? `${path}「${row.level3.trim()}」` : path;
}

function listNames(rows: readonly NewIndicatorRow[]): string {
  const names = rows.slice(0, NAMES_IN_DESCRIPTION).map(rowName).join('、');
  const more = rows.length > NAMES_IN_DESCRIPTION ? ` 等 ${rows.length} 行` : '';
  const empty = rows.filter((row) => !row.value.trim()).length;
  const unnamed = rows.filter((row) => !row.level3.trim()).length;
  const what = unnamed > 0 ? '三级指标名称和指标值' : '指标值';
  const pending = empty === 0 ? '' : empty === rows.length ? `，${what}待填` : `，其中 ${empty} 行${what}待填`;
  return `${names}${more}${pending}`;
}

/** `在第 12 行后插入 2 行指标：…`: afterRow 0-based. */
export function describeInsert(afterRow: number, rows: readonly NewIndicatorRow[]): string {
  return `在第 ${afterRow + 1} 行后插入 ${rows.length} 行指标：${listNames(rows)}`;
}

/** A row of the grid as a place: an indicator, or an unused slot of its 二级 (which a new row may fill). */
interface Place {
  level1: string;
  level2: string;
  refs: IndicatorRowRefs;
  row: number;
  slot: boolean;
}

/** The cells of one new row, or a reason it cannot be written into this grid. */
function rowCells(
  sheet: SheetTable,
  grid: ScopedGrid,
  layout: GridLayout,
  framework: Framework,
  row: NewIndicatorRow,
  names: boolean,
  withinLevel1 = false,
): { cells: { col: number; value: string }[]; valueEmpty: boolean } | { reason: string } {
  const { columns } = layout;
  const key1 = level1Key(framework, row.level1);
  const key2 = level2Key(framework, row.level1, row.level2);
  const cells: { col: number; value: string }[] = [];
  const put = (col: number | null, value: string) => {
    if (col !== null && value !== '') cells.push({ col, value });
  };
  // A grid with no 二级 column (S45's 一级 | 指标 | 值) has no place for a standard row's 二级: a row of its 一级
  // alone would read as nothing.
  if (names && columns.level2 === null && row.level2.trim() && !row.level3.trim()) return { reason: `本表没有二级指标列，无法写入「${row.level2.trim()}」` };
  if (names) {
    // Names as this sheet writes them (一、产出指标 or 产出指标（50分）), else as given.
    if (!withinLevel1) put(columns.level1, layout.level1Text.get(key1) || row.level1);
    put(columns.level2, layout.level2Text.get(`${key1}\u0000${key2}`) || row.level2);
  }
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
  if (names && nameCol !== null && grid.header && rowAt(sheet.refs.projectName) > rowAt(grid.header)) put(nameCol, sheet.table.projectName);
  return { cells, valueEmpty: value === '' };
}

/** What a fix needs to know of a grid, learnt once per grid however many fixes ask (a 10,000-row sheet). */
interface GridLayout {
  columns: GridColumns;
  /** Last sheet row of the grid, slots included. */
  end: number;
  /** By 一级 key: the last sheet row of its rows and slots, and its name as first written. */
  lastOfLevel1: Map<string, number>;
  /** By 一级 and 二级 key: the last sheet row of its rows and slots (where a new row of that 二级 goes). */
  lastOfLevel2: Map<string, number>;
  level1Text: Map<string, string>;
  /** By 一级 and 二级 key: the 二级 as first written. */
  level2Text: Map<string, string>;
  slots: Place[];
  /** Nothing typed in the form yet: rows are filled in place, never inserted (one filled row would turn the others into unused slots). */
  unfilled: boolean;
}

const layouts = new WeakMap<readonly unknown[], WeakMap<Framework, GridLayout | { reason: string }>>();

function layoutOf(grid: ScopedGrid, framework: Framework): GridLayout | { reason: string } {
  let byFramework = layouts.get(grid.rows);
  if (!byFramework) {
    byFramework = new WeakMap();
    layouts.set(grid.rows, byFramework);
  }
  let layout = byFramework.get(framework);
  if (!layout) {
    layout = computeLayout(grid, framework);
    byFramework.set(framework, layout);
  }
  return layout;
}

/**
 * level1Key and the 一级 + 二级 key of a row's names, each distinct pair keyed once: the names repeat down a
 * grid (a 10,000-row sheet has a few dozen pairs).
 */
function namesKeys(framework: Framework): (level1: string, level2: string) => { key1: string; key2: string } {
  const known = new Map<string, Map<string, { key1: string; key2: string }>>();
  return (level1, level2) => {
    let byLevel2 = known.get(level1);
    if (!byLevel2) {
      byLevel2 = new Map();
      known.set(level1, byLevel2);
    }
    let found = byLevel2.get(level2);
    if (!found) {
      const key1 = level1Key(framework, level1);
      found = { key1, key2: `${key1}\u0000${level2Key(framework, level1, level2)}` };
      byLevel2.set(level2, found);
    }
    return found;
  };
}

function computeLayout(grid: ScopedGrid, framework: Framework): GridLayout | { reason: string } {
  if (grid.rows.length === 0) return { reason: '指标表中没有指标行，看不出各列的位置' };
  const reference = grid.rows.reduce((a, b) => (sheetRowOf(b.refs) > sheetRowOf(a.refs) ? b : a));
  const columns = columnsOf(reference.refs);
  if (!columns) return { reason: '看不出指标值所在的列' };
  if (reference.refs.level1 === reference.refs.level2 && reference.row.level1 === reference.row.level2) {
    return { reason: '一级、二级指标写在同一个合并单元格里，看不出二级指标列' };
  }
  // On a form not filled in yet the reader keeps every printed row as an indicator: each is a slot to fill.
  const unfilled = grid.rows.every(({ row }) => !row.level3.trim() && !row.value.trim());
  const layout: GridLayout = { columns, end: -1, lastOfLevel1: new Map(), lastOfLevel2: new Map(), level1Text: new Map(), level2Text: new Map(), slots: [], unfilled };
  const keys = namesKeys(framework);
  const place = (level1: string, level2: string, refs: IndicatorRowRefs, slot: boolean): Place => {
    const row = sheetRowOf(refs);
    const { key1, key2 } = keys(level1, level2);
    layout.end = Math.max(layout.end, row);
    layout.lastOfLevel1.set(key1, Math.max(layout.lastOfLevel1.get(key1) ?? -1, row));
    layout.lastOfLevel2.set(key2, Math.max(layout.lastOfLevel2.get(key2) ?? -1, row));
    return { level1, level2, refs, row, slot };
  };
  for (const { row, refs } of grid.rows) {
    const placed = place(row.level1, row.level2, refs, unfilled);
    if (unfilled) layout.slots.push(placed);
    const { key1, key2 } = keys(row.level1, row.level2);
    if (!layout.level1Text.has(key1)) layout.level1Text.set(key1, row.level1);
    if (!layout.level2Text.has(key2)) layout.level2Text.set(key2, row.level2);
  }
  for (const { level1, level2, refs } of grid.slots ?? []) layout.slots.push(place(level1, level2, refs, true));
  return layout;
}

/** Cells written on one sheet row, at most one per column: a grid beside another may share its name columns. */
class RowWrites {
  readonly steps: FixStep[] = [];
  private readonly columns = new Set<number>();

  constructor(private readonly row: number) {}

  put(cells: readonly { col: number; value: string }[]): void {
    for (const { col, value } of cells) {
      if (this.columns.has(col)) continue;
      this.columns.add(col);
      this.steps.push({ kind: 'setCell', cell: toA1(this.row, col), value });
    }
  }
}

/**
 * The new row as each grid beside `grid` writes it on sheet row `at` (names in its columns, the value left to
 * the clerk: it is that grid's target, not this one's); returns the cells left for the clerk there (an unnamed
 * row's 三级 where that grid has its own 三级 column, and each value cell), to be selected.
 * `anchor`: the row inserted rows go under (their 一级's merged cell grows over them when it goes on below);
 * null: `at` is a slot being filled, and a grid beside it takes the row only where it has a slot there too.
 */
function besideRows(sheet: SheetTable, partners: readonly ScopedGrid[], framework: Framework, row: NewIndicatorRow, at: number, writes: RowWrites, anchor: number | null): string[] {
  const inPlace = anchor === null;
  const values: string[] = [];
  for (const partner of partners) {
    const layout = layoutOf(partner, framework);
    if ('reason' in layout) continue;
    if (inPlace && !layout.slots.some((slot) => slot.row === at && fillable(slot, layout.columns))) continue;
    const withinLevel1 = anchor !== null && (layout.lastOfLevel1.get(level1Key(framework, row.level1)) ?? -1) > anchor;
    const written = rowCells(sheet, partner, layout, framework, { ...row, value: '' }, !inPlace, withinLevel1);
    if ('reason' in written) continue;
    writes.put(written.cells);
    const { level3, value } = layout.columns;
    if (!row.level3.trim() && level3 !== null) values.push(toA1(at, level3));
    values.push(toA1(at, value));
  }
  return values;
}

/** A slot can be filled in place when its 三级 and value cells are its own (not covered by a merge above). */
function fillable(place: Place, columns: GridColumns): boolean {
  const own = (address: string | null | undefined) => !address || rowAt(address) === place.row;
  return place.slot && own(place.refs.value) && (columns.level3 === null || own(place.refs.level3));
}

/**
 * A fix inserting `rows` into `grid` of `sheet`, or null with the reason it cannot (no row to learn the
 * columns from, no 三级 column for a named indicator, a grid beside it that whole rows would cut, a form
 * not filled in yet, where rows are only filled in). A row whose 二级 has an unused slot (or, on a form not
 * filled in yet, a printed row) fills it; the others are
 * inserted after the last row (or slot) of their 一级, else after the grid's last. Inserted rows take the
 * formats of the row above them; `select` is the value cells left empty (all written value cells when
 * none is).
 */
export function indicatorRowsFix(
  sheet: SheetTable,
  grid: ScopedGrid,
  rows: readonly NewIndicatorRow[],
  options: IndicatorRowsOptions = {},
): IndicatorRowsResult {
  if (rows.length === 0) return { fix: null, reason: '没有要插入的指标' };
  const unfixable = unfixableLayoutReason(sheet);
  if (unfixable) return { fix: null, reason: unfixable };
  if (rows.length > MAX_ROWS) return { fix: null, reason: `一次最多插入 ${MAX_ROWS} 行指标` };
  // A row with neither is an unused slot of a form to the reader: only a dimension's row (its 二级 named, for
  // the clerk to fill) may be one; a slot already there for it is that row.
  if (rows.some((row) => !row.level3.trim() && !row.value.trim() && !row.level2.trim())) return { fix: null, reason: '要插入的指标行既无三级指标名称也无指标值' };
  const framework = options.framework ?? getFramework(sheet.framework);
  const layout = layoutOf(grid, framework);
  if ('reason' in layout) return { fix: null, reason: layout.reason };
  const { columns } = layout;
  const partners = partnersOf(sheet, grid);

  const fixes: Fix[] = [];
  const taken = new Set<Place>();
  // One insert per place, in the order the rows were given.
  const groups = new Map<number, NewIndicatorRow[]>();
  for (const row of rows) {
    const key1 = level1Key(framework, row.level1);
    const key2 = level2Key(framework, row.level1, row.level2);
    const slot = layout.slots.find(
      (p) => !taken.has(p) && fillable(p, columns) && level1Key(framework, p.level1) === key1 && level2Key(framework, p.level1, p.level2) === key2,
    );
    if (slot) {
      taken.add(slot);
      const written = rowCells(sheet, grid, layout, framework, row, false);
      if ('reason' in written) return { fix: null, reason: written.reason };
      // An empty row for a 二级 that already has an empty row: that row is the one to fill, nothing to write.
      if (written.cells.length === 0) continue;
      const valueCell = toA1(slot.row, columns.value);
      const writes = new RowWrites(slot.row);
      writes.put(written.cells);
      const beside = besideRows(sheet, partners, framework, row, slot.row, writes, null);
      fixes.push({
        description: `在第 ${slot.row + 1} 行（表中空着的「${slot.level2}」行）填写指标：${listNames([row])}`,
        steps: writes.steps,
        select: [...new Set([valueCell, ...beside])],
      });
      continue;
    }
    if (layout.unfilled) return { fix: null, reason: '指标表尚未填写：请先填写表中已有的指标行' };
    // Under the last row of its own 二级, so a group is never split (数量 rows after 时效); else its 一级's.
    const candidates = [layout.lastOfLevel2.get(`${key1}\u0000${key2}`) ?? null, layout.lastOfLevel1.get(key1) ?? null, layout.end];
    const anchor = candidates.find((at) => at !== null && !splitsOtherGrid(sheet, grid, at + 1));
    if (anchor === undefined || anchor === null) {
      return { fix: null, reason: '该指标表与另一个指标表并排，插入整行会把另一个表拆开；请手工添加' };
    }
    groups.set(anchor, [...(groups.get(anchor) ?? []), row]);
  }

  for (const [anchor, group] of groups) {
    const steps: FixStep[] = [{ kind: 'insertRows', before: anchor + 2, count: group.length, formatFrom: anchor + 1 }];
    const empty: string[] = [];
    const all: string[] = [];
    // Rows going in above more rows of their 一级 land inside its merged (or written-once) cell, which grows
    // over them: that cell is not theirs to write (Excel refuses a write below a merge's top-left cell).
    const insideLevel1 = group.every((row) => (layout.lastOfLevel1.get(level1Key(framework, row.level1)) ?? -1) > anchor);
    for (const [i, row] of group.entries()) {
      const at = anchor + 1 + i;
      const written = rowCells(sheet, grid, layout, framework, row, true, insideLevel1);
      if ('reason' in written) return { fix: null, reason: written.reason };
      const writes = new RowWrites(at);
      writes.put(written.cells);
      // The grids beside this one get the row too, their value cells left for the clerk.
      const beside = besideRows(sheet, partners, framework, row, at, writes, anchor);
      for (const step of writes.steps) steps.push(step);
      const valueCell = toA1(at, columns.value);
      all.push(valueCell);
      // A row inserted without its 三级 has that cell selected first: the name is the clerk's to write.
      if (!row.level3.trim() && columns.level3 !== null) empty.push(toA1(at, columns.level3));
      if (written.valueEmpty) empty.push(valueCell);
      // Then the cells left in the grids beside (a row has as many as there are grids: a few).
      for (const cell of beside) {
        all.push(cell);
        empty.push(cell);
      }
    }
    // Grids beside this one may share its name columns (one value column per region): each cell once.
    fixes.push({ description: describeInsert(anchor, group), steps, select: [...new Set(empty.length > 0 ? empty : all)] });
  }
  if (fixes.length === 0) return { fix: null, reason: '表中已有该维度空着的行，请在其中填写三级指标和指标值' };
  const fix = combineFixes(fixes);
  const description = options.description ?? (options.note ? `${fix.description}（${options.note}）` : fix.description);
  return { fix: { ...fix, description } };
}
