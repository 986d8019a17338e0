/** Step 1, locate: the grid header rows of a sheet and which column holds each role. */
import { maxOf, minOf } from '../bounded';
import type { FilledCell, SheetCells } from './cells';
import { isOperatorText, isUnitAlone, isValueText, profileColumns, roleScores } from './columnRoles';
import { dimensionOf } from './vocabulary';
import { GRID_COLUMN_LABELS, REQUIRED_GRID_COLUMNS, TARGET_SUBHEADER, normalizeLabel } from './labels';
import type { GridColumn } from './labels';
import type { GridScope } from './types';
import { COLUMNS_OF_LABEL, LEVEL3_FALLBACK, headerFieldOf, isAnyLabel, withoutHeadRemark } from './knownLabels';
import { periodHeader, periodValueColumns, rowNamesPeriods } from './periodColumns';
import type { HeadYear } from './periodColumns';

export interface GridHeader {
  row: number;
  /** First row of indicators (after a sub-header row, when the header spans two). */
  dataRow: number;
  columns: Partial<Record<GridColumn, number>>;
  /** Every column that may hold the operator (指标性质 正向 beside 指标方向 =): the first operator found is read. */
  operatorColumns: number[];
  /** Leftmost and rightmost column of this grid (side-by-side grids share a header row). */
  fromCol: number;
  toCol: number;
  /** Scope a side-by-side grid's own header or the label above it names; null when none. */
  scope: GridScope | null;
  /** A tree export: the level3 column holds 一级, 二级 and 三级 rows in turn. */
  tree?: boolean;
  /** No 一级 column: each row's 一级 is its 二级's home. */
  deriveLevel1?: boolean;
  /** The 一级 and 二级 columns are one column whose cells hold both (`产出指标-数量指标`). */
  pairColumn?: true;
  /** No value column: each 三级 name carries its target (`验收合格率≥95%`), read apart from the one cell. */
  namesCarryTargets?: true;
  /** The region whose value column this header reads (区域绩效目标表). */
  region?: string;
  /** Its value column is one of a grid's period columns (实施期目标 | 年度目标): kept, never moved to a neighbour. */
  periodValue?: true;
  /** The year its period value column's head names (2024年 | 2025年 …): which one is the budget year's is told in assemble. */
  year?: HeadYear;
  /** Found by content: what the reading rests on, and how sure it is (0..1). */
  evidence?: { found: string[]; confidence: number };
}

/** Longest label fragment a header typed over two rows puts on its second row (`指标`, `名称`, `描述`; a form's remark `（150字内）` aside). */
export const MAX_FRAGMENT = 6;

/** Blank rows a copy or a form (S22 spaces every block so) may put between two 一级 blocks of one grid. */
export const MAX_BLANK_RUN = 2;

/** A header row's cells with its labels joined to the fragments under them, and the row of the fragments. */
export interface StackedHeader {
  line: FilledCell[];
  fragmentRow: number;
}

/** Top cells in runs of adjacent columns (a merge spans its columns): a blank column sets a table beside apart. */
function columnRuns(cells: SheetCells, row: number, top: readonly FilledCell[]): FilledCell[][] {
  const runs: FilledCell[][] = [];
  let reach = -Infinity;
  for (const cell of top) {
    if (cell.col > reach + 1 || runs.length === 0) runs.push([]);
    runs[runs.length - 1].push(cell);
    reach = cells.merge(row, cell.col)?.end.col ?? cell.col;
  }
  return runs;
}

/**
 * A header row whose labels go on in the row under it (`一级` over `指标`, a narrow header typed on two rows;
 * under cells all merged down, the row under the merges): each label joined to the fragment below it. Only runs
 * of columns whose row below holds nothing but short text under their own cells, and where at least two joins
 * make a known label (or one, beside such a run), are joined (a table beside keeps its own cells); null when no run is.
 */
export function stackedHeaderCells(cells: SheetCells, row: number): StackedHeader | null {
  const top = cells.ownCellsOf(row);
  // Under a header whose every cell is merged down (a two-row header), the fragments stand under the merges.
  const fragmentRow = minOf(top.map((c) => cells.merge(row, c.col)?.end.row ?? row), row) + 1;
  const below = cells.ownCellsOf(fragmentRow);
  if (below.length < 2) return null;
  const under = new Map(below.map((c) => [c.col, c]));
  const joinedRuns = columnRuns(cells, row, top).map((run) => {
    const from = run[0].col;
    const to = cells.merge(row, run[run.length - 1].col)?.end.col ?? run[run.length - 1].col;
    const own = new Set(run.map((c) => c.col));
    const fragments = below.filter((c) => c.col >= from && c.col <= to);
    if (fragments.some((c) => !own.has(c.col) || typeof c.value === 'number' || withoutHeadRemark(c.label).length > MAX_FRAGMENT)) return null;
    let joins = 0;
    const joined = run.map((cell) => {
      const fragment = under.get(cell.col);
      if (!fragment) return cell;
      const text = cell.text + fragment.text;
      const label = normalizeLabel(text);
      if (isAnyLabel({ label, text })) joins++;
      return { ...cell, text, label };
    });
    return { joined, joins };
  });
  // A run of two joins makes the row a split head; a run beside it with one (the head parted by a blank column) is part of it.
  if (!joinedRuns.some((run) => run !== null && run.joins >= 2)) return null;
  const runs = columnRuns(cells, row, top);
  return { line: joinedRuns.flatMap((run, i) => (run !== null && run.joins >= 1 ? run.joined : runs[i])), fragmentRow };
}

/** Cells of a header row read as grid column labels: which columns each kind of label heads. */
export function headerColumns(cells: SheetCells, row: number, line: readonly FilledCell[] = cells.rowOf(row)): Map<GridColumn | 'level3fallback', number[]> {
  const found = new Map<GridColumn | 'level3fallback', number[]>();
  const add = (kind: GridColumn | 'level3fallback', col: number) => found.set(kind, [...(found.get(kind) ?? []), col]);
  for (const cell of line) {
    if (cells.covered(row, cell.col)) continue;
    for (const column of COLUMNS_OF_LABEL.get(cell.label) ?? []) add(column, cell.col);
    if (LEVEL3_FALLBACK.has(cell.label)) add('level3fallback', cell.col);
  }
  return found;
}

/** The scope a label above a side-by-side grid names (中长期指标 / 年度指标 over its columns). */
export function scopeAbove(cells: SheetCells, row: number, fromCol: number, toCol: number): GridScope | null {
  for (let r = row - 1; r >= Math.max(cells.top, row - 2); r--) {
    for (const cell of cells.rowOf(r)) {
      const area = cells.merge(r, cell.col);
      const end = area ? area.end.col : cell.col;
      if (end < fromCol || cell.col > toCol) continue;
      const scope = /中长期|长期|中期|总体|实施期|项目期/.test(cell.text) ? 'overall' : /年度|本年/.test(cell.text) ? 'annual' : null;
      if (scope) return scope;
    }
  }
  return null;
}

/**
 * The indicator grid header rows at or below fromRow: the first row holding 一级, 二级 and 指标值 headers.
 * A row with two 一级指标 headers holds grids side by side (中长期 | 年度): one header per grid. Value columns
 * headed by two periods (实施期目标 | 年度目标) stand for 指标值: one header per period (periodColumns).
 */
export function findGridHeaders(cells: SheetCells, fromRow: number): GridHeader[] {
  for (const row of cells.rows(fromRow, cells.bottom)) {
    let found = headerColumns(cells, row);
    // A row with some grid label may be the top of a header typed over two rows (`一级` over `指标`).
    const stacked = found.size > 0 ? stackedHeaderCells(cells, row) : null;
    if (stacked) found = headerColumns(cells, row, stacked.line);
    if (!REQUIRED_GRID_COLUMNS.every((column) => found.has(column) || column === 'value')) continue;
    // No 指标值 head: value columns headed by their periods (实施期目标 | 年度目标) stand for it.
    const periods = rowNamesPeriods(cells, row);
    if (!found.has('value') && !periods) continue;
    const starts = found.get('level1') ?? [];
    const headers: GridHeader[] = [];
    const side = sideFieldBlock(cells, row, stacked?.line ?? cells.rowOf(row), found);
    starts.forEach((start, i) => {
      const end = Math.min(i + 1 < starts.length ? starts[i + 1] - 1 : cells.right, side !== null && side > start ? side - 1 : Infinity);
      const pick = (kind: GridColumn | 'level3fallback') => (found.get(kind) ?? []).find((c) => c >= start && c <= end);
      const columns: Partial<Record<GridColumn, number>> = {};
      for (const kind of Object.keys(GRID_COLUMN_LABELS) as GridColumn[]) {
        const col = pick(kind);
        if (col !== undefined) columns[kind] = col;
      }
      // 指标内容 heads the 三级 column when no column is headed 三级指标, the description otherwise.
      if (columns.level3 === undefined) {
        const fallback = pick('level3fallback');
        if (fallback !== undefined) {
          columns.level3 = fallback;
          if (columns.description === fallback) delete columns.description;
        }
      }
      const names = new Set(Object.entries(columns).filter(([role]) => role !== 'value').map(([, col]) => col));
      // 指标值 merged over sub-heads (实施期目标 | 年度目标 on the row under it): the periods stand there.
      const valueArea = columns.value === undefined ? undefined : cells.merge(row, columns.value);
      const heads = valueArea && valueArea.end.col > valueArea.start.col ? [row, row + 1] : [row];
      const byScope = periods || heads.length > 1 ? periodValueColumns(cells, heads, heads[heads.length - 1] + 1, start, end, names) : null;
      if (!REQUIRED_GRID_COLUMNS.every((column) => columns[column] !== undefined || (column === 'value' && byScope))) return;
      const ownScope = (() => {
        const texts = Object.values(columns).map((c) => (c === undefined ? '' : cells.text(row, c)));
        if (texts.some((t) => /中长期|长期|中期|总体/.test(t))) return 'overall' as const;
        return null;
      })();
      const operatorColumns = (found.get('valueType') ?? []).filter((c) => c >= start && c <= end);
      if (byScope) {
        // 中期指标值 | 年度指标值, 实施期目标 | 年度目标 beside each other: one grid per period, sharing the name columns.
        const dataRow = maxOf(byScope.map((p) => p.headRow), row) + 1;
        for (const period of byScope) headers.push({ row, dataRow, columns: { ...columns, value: period.col }, operatorColumns, fromCol: start, toCol: end, ...periodHeader(period) });
        return;
      }
      headers.push({ row, dataRow: row + 1, columns, operatorColumns, fromCol: start, toCol: end, scope: starts.length > 1 ? (ownScope ?? scopeAbove(cells, row, start, end)) : null });
    });
    if (headers.length === 0) continue;
    for (const header of headers) {
      if (stacked) header.dataRow = Math.max(header.dataRow, stacked.fragmentRow + 1);
      belowHeaderMerges(cells, header);
      if (header.periodValue) continue;
      splitValueHeader(cells, header);
      valueColumnByContent(cells, header);
      operatorColumnsByContent(cells, header);
    }
    return headers;
  }
  return [];
}

/**
 * `项目名称 | 公共图书馆…` set apart from the grid's head by a blank column (a key/value head on the right of the
 * grid): the first column of that run, so the grid ends before it; null when no run beside is one.
 */
function sideFieldBlock(cells: SheetCells, row: number, line: readonly FilledCell[], found: ReadonlyMap<string, number[]>): number | null {
  const gridCols = new Set([...found.values()].flat());
  const runs = columnRuns(cells, row, line);
  const side = runs.slice(1).find((run) => run.every((c) => !gridCols.has(c.col)) && headerFieldOf(run[0].label) !== undefined);
  return side ? side[0].col : null;
}

/**
 * A value column headed over two rows (指标值 above 实际值 | 目标值): the target column is read, and the
 * indicators start under the sub-header row.
 */
export function splitValueHeader(cells: SheetCells, header: GridHeader): void {
  const valueCol = header.columns.value;
  if (valueCol === undefined) return;
  const area = cells.merge(header.row, valueCol);
  const sub = header.row + (area ? area.end.row - area.start.row : 0) + 1;
  const lastCol = area ? area.end.col : valueCol;
  const subCells = cells.rowOf(sub).filter((c) => c.col >= valueCol && c.col <= lastCol);
  if (subCells.length < 2 && !(area && area.end.row > header.row)) return;
  // 指标值 merged over an operator column, its figures and their unit (`≥` | 30 | 人): the row under it is the
  // first indicator, and so is a row whose other columns hold dimension names (a sub-header row has none).
  const qualifier = (c: FilledCell) => isOperatorText(c.text) || isUnitAlone(c.text);
  const dimensionsBeside = cells.rowOf(sub).some((c) => (c.col < valueCol || c.col > lastCol) && !cells.covered(sub, c.col) && dimensionOf(c.text) !== null);
  const data = dimensionsBeside || (subCells.some(qualifier) && subCells.every((c) => qualifier(c) || typeof c.value === 'number' || isValueText(c.text)));
  if (data) {
    const target = subCells.filter((c) => !qualifier(c)).pop();
    header.columns.value = target?.col ?? valueCol;
    const unit = target && subCells.find((c) => c.col > target.col && isUnitAlone(c.text));
    if (unit && header.columns.unit === undefined) header.columns.unit = unit.col;
    return;
  }
  if (subCells.length >= 2) {
    const target = subCells.find((c) => TARGET_SUBHEADER.test(c.text)) ?? subCells[subCells.length - 1];
    header.columns.value = target.col;
  }
  // Under a one-column value header merged over two rows, the next row is a sub-header only if it reads as one.
  const subIsHeader = lastCol > valueCol ? subCells.length > 0 : subCells.some((c) => isAnyLabel(c) || TARGET_SUBHEADER.test(c.text));
  header.dataRow = Math.max(header.dataRow, sub + (subIsHeader ? 1 : 0));
}

/**
 * A column of operators alone (≥, ≤, =, 不低于 …) under a head no list names (运算符, 比较符号): what it holds
 * makes it the operator column, read before its row's target.
 */
function operatorColumnsByContent(cells: SheetCells, header: GridHeader): void {
  if (header.operatorColumns.length > 0) return;
  const taken = new Set(Object.values(header.columns));
  const last = Math.min(cells.bottom, header.dataRow + 60);
  for (const p of profileColumns(cells, header.dataRow, last, header.fromCol, header.toCol, [])) {
    if (!taken.has(p.col) && p.filled > 0 && roleScores(p).valueType >= 0.6) header.operatorColumns.push(p.col);
  }
}

/** Header cells merged down over two rows (a two-row header): the indicators start under the merges. */
function belowHeaderMerges(cells: SheetCells, header: GridHeader): void {
  for (const col of Object.values(header.columns)) {
    const area = col === undefined ? undefined : cells.merge(header.row, col);
    if (area && area.start.row === header.row) header.dataRow = Math.max(header.dataRow, area.end.row + 1);
  }
}

/**
 * A 指标值 header over a column that holds units alone (`个`, `%`) while the column beside it holds the
 * targets: the content wins, the unit column is read as the unit.
 */
function valueColumnByContent(cells: SheetCells, header: GridHeader): void {
  const valueCol = header.columns.value;
  if (valueCol === undefined) return;
  const last = Math.min(cells.bottom, header.dataRow + 60);
  const taken = new Set(Object.entries(header.columns).filter(([role]) => role !== 'value' && role !== 'unit').map(([, col]) => col));
  const [own] = profileColumns(cells, header.dataRow, last, valueCol, valueCol, []);
  if (!own || own.filled === 0 || own.units / own.filled < 0.6) return;
  for (const col of [valueCol + 1, valueCol - 1]) {
    if (taken.has(col) || col < header.fromCol || col > header.toCol) continue;
    const [beside] = profileColumns(cells, header.dataRow, last, col, col, []);
    if (beside && beside.filled > 0 && beside.values / beside.filled >= 0.6) {
      header.columns.unit = valueCol;
      header.columns.value = col;
      return;
    }
  }
}
