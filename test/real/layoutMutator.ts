// A layout mutator: re-dresses a table's grid in the ways a person reads identically (columns reordered with
// their headers, synonyms, headers removed, a misprinted label, the tree form, per-region columns, two-row
// headers, spacer rows and columns, a cover block, merged ↔ filled-down cells, the header block as columns).
// Each mutation takes the grid and its reading (for where things are) and returns the re-dressed grid, or
// null when the kind does not apply to that table (said, and counted apart, never as a pass).
// A kind that takes away what tells the grid applies only where the table's own reading shows the content
// still tells it: headers are removed only where targets are filled in and the rows name their dimensions in
// a framework's vocabulary (targetsFilled, dimensionsNamed); a tree is printed only where targets or the
// vocabulary tell its level rows from its indicators (levelsAllKnown). Never decided by file.
import { parseRange, toA1 } from '../../src/core/sheet/address';
import type { CellGrid, CellValue, SheetTable } from '../../src/core/sheet/types';
import { fromA1 } from '../../src/core/sheet/address';
import { isUnitAlone } from '../../src/core/sheet/columnRoles';
import { dimensionOf } from '../../src/core/sheet/vocabulary';

export type Values = CellValue[][];

export interface Mutation {
  kind: string;
  /** Whether the kind re-dresses one table's grid (so it does not apply to a flat export of many projects). */
  oneTable?: boolean;
  /** What a person would say was done. */
  label: string;
  apply(grid: CellGrid, sheet: SheetTable): CellGrid | null;
}

const copyValues = (grid: CellGrid): Values => grid.values.map((row) => (row ? [...row] : []));
const at = (a1: string) => fromA1(a1);
const get = (values: Values, row: number, col: number): CellValue => values[row]?.[col] ?? null;
function set(values: Values, row: number, col: number, value: CellValue): void {
  while (values.length <= row) values.push([]);
  const line = values[row];
  while (line.length <= col) line.push(null);
  line[col] = value;
}
const width = (values: Values) => values.reduce((w, row) => Math.max(w, row?.length ?? 0), 0);

/** Moves every merge at or after `index` (a row or a column) by one. */
function shiftMerges(merges: readonly string[], index: number, axis: 'row' | 'col'): string[] {
  return merges.map((range) => {
    const { start, end } = parseRange(range);
    const move = (p: { row: number; col: number }) => (p[axis] >= index ? { ...p, [axis]: p[axis] + 1 } : p);
    const s = axis === 'row' ? (start.row >= index ? move(start) : start) : start.col >= index ? move(start) : start;
    const e = end[axis] >= index ? move(end) : end;
    return `${toA1(s.row, s.col)}:${toA1(e.row, e.col)}`;
  });
}

function insertRow(grid: CellGrid, index: number, row: CellValue[] = []): CellGrid {
  const values = copyValues(grid);
  values.splice(index, 0, row);
  return { ...grid, values, merges: shiftMerges(grid.merges, index, 'row') };
}

function insertColumn(grid: CellGrid, index: number): CellGrid {
  const values = copyValues(grid).map((row) => {
    const copy = [...row];
    if (copy.length > index) copy.splice(index, 0, null);
    return copy;
  });
  return { ...grid, values, merges: shiftMerges(grid.merges, index, 'col') };
}

/** Rows of the main grid (its header row to its last indicator row), 0-based. */
function gridRows(sheet: SheetTable): { header: number; first: number; last: number } {
  const rows = sheet.grids[0].rows;
  const header = at(sheet.grids[0].header).row;
  // Unused 二级 slots of a filled form belong to the grid too.
  const slots = (sheet.grids[0].slots ?? []).map((slot) => slot.refs);
  const all = [...rows.map((r) => r.refs), ...slots].flatMap((refs) => [at(refs.value).row, at(refs.level2 || refs.value).row]);
  return { header, first: Math.min(...all), last: Math.max(...all) };
}

const colOf = (a1: string | null | undefined) => (a1 ? at(a1).col : null);

/**
 * Whether the table's targets tell its value column by themselves: at least half of its indicator rows hold
 * a target (not blank, not a unit alone such as `个`). A form nobody has filled in has none.
 */
function targetsFilled(sheet: SheetTable): boolean {
  const rows = sheet.grids[0].rows;
  const filled = rows.filter(({ row }) => row.value.trim() !== '' && !isUnitAlone(row.value.trim()));
  return rows.length > 0 && filled.length * 2 >= rows.length;
}

/** Whether at least half of the indicator rows name their 一级 or 二级 in a framework's vocabulary, in their cells. */
function dimensionsNamed(grid: CellGrid, sheet: SheetTable): boolean {
  const written = (a1: string) => (a1 ? String(get(grid.values, at(a1).row, at(a1).col) ?? '') : '');
  const rows = sheet.grids[0].rows;
  return rows.filter(({ refs }) => dimensionOf(written(refs.level1)) !== null || dimensionOf(written(refs.level2)) !== null).length * 2 >= rows.length;
}

/** Whether every 一级 and 二级 the grid reads is a name of a framework's vocabulary (or left empty). */
function levelsAllKnown(sheet: SheetTable): boolean {
  return sheet.grids[0].rows.every(({ row }) => [row.level1, row.level2].every((name) => !name || dimensionOf(name) !== null));
}

/** Whether a merge touches the columns in rows from..to. */
function mergesTouch(grid: CellGrid, cols: number[], from: number, to: number): boolean {
  return grid.merges.some((range) => {
    const { start, end } = parseRange(range);
    return end.row >= from && start.row <= to && cols.some((c) => c >= start.col && c <= end.col);
  });
}

function swapColumns(grid: CellGrid, a: number, b: number, from: number, to: number): CellGrid {
  const values = copyValues(grid);
  for (let r = from; r <= to; r++) {
    const x = get(values, r, a);
    set(values, r, a, get(values, r, b));
    set(values, r, b, x);
  }
  return { ...grid, values };
}

const SYNONYMS: Record<string, string> = {
  一级指标: '一级指标名称',
  二级指标: '二级指标名称',
  三级指标: '三级指标名称',
  指标值: '目标值',
  绩效指标描述: '指标解释',
  指标描述: '指标解释',
  目标值: '指标值',
  年度指标值: '指标值（年度）',
};

const FIELD_MISPRINTS: Record<string, string> = { 项目名称: '项目名秤', '其中：财政资金': '其中：财政姿金', 预算数: '预 算 数', 资金总额: '资金总頟' };

/** A grid written inside one text cell (a budget list's 绩效目标 cell, S26): no rows or columns of its own to re-dress. */
const inCell = (sheet: SheetTable): boolean => sheet.grids[0].inCell === true;

/** The row of a grid's column labels: its header row, or for a grid inside one cell the list's label row above it. */
function labelRow(grid: CellGrid, sheet: SheetTable): number | null {
  const { header } = gridRows(sheet);
  if (!inCell(sheet)) return header;
  const col = at(sheet.grids[0].header).col;
  for (let r = header - 1; r >= 0; r--) if (String(get(grid.values, r, col) ?? '').trim()) return r;
  return null;
}

function headerCells(grid: CellGrid, sheet: SheetTable): { row: number; cols: number[] } {
  const row = labelRow(grid, sheet);
  const line = (row === null ? null : grid.values[row]) ?? [];
  return { row: row ?? -1, cols: line.flatMap((v, c) => (v === null || v === undefined || String(v).trim() === '' ? [] : [c])) };
}

/** The 一级/二级 merges of the grid, as filled-down cells. */
function fillDown(grid: CellGrid, sheet: SheetTable): CellGrid | null {
  const { first, last } = gridRows(sheet);
  const values = copyValues(grid);
  const kept: string[] = [];
  let changed = false;
  for (const range of grid.merges) {
    const { start, end } = parseRange(range);
    if (start.row < first || end.row > last || start.col !== end.col) {
      kept.push(range);
      continue;
    }
    const value = get(values, start.row, start.col);
    for (let r = start.row; r <= end.row; r++) set(values, r, start.col, value);
    changed = true;
  }
  return changed ? { ...grid, values, merges: kept } : null;
}

/** Equal 一级 cells written on every row, as one merged cell each. */
function mergeUp(grid: CellGrid, sheet: SheetTable): CellGrid | null {
  const col = colOf(sheet.grids[0].rows[0]?.refs.level1);
  const { first, last } = gridRows(sheet);
  if (col === null || mergesTouch(grid, [col], first, last)) return null;
  const values = copyValues(grid);
  const merges = [...grid.merges];
  let runStart = first;
  for (let r = first + 1; r <= last + 1; r++) {
    const same = r <= last && get(values, r, col) !== null && get(values, r, col) === get(values, runStart, col);
    if (same) continue;
    if (r - 1 > runStart) {
      for (let k = runStart + 1; k < r; k++) set(values, k, col, null);
      merges.push(`${toA1(runStart, col)}:${toA1(r - 1, col)}`);
    }
    runStart = r;
  }
  return merges.length > grid.merges.length ? { ...grid, values, merges } : null;
}

/** The grid as a tree export: one column holding 一级, 二级 and 三级 rows in turn, then 指标值. */
function treeForm(grid: CellGrid, sheet: SheetTable): CellGrid | null {
  const { header, last } = gridRows(sheet);
  const rows = sheet.grids[0].rows;
  // Rows with no 一级 or 三级 written have nothing to print on a tree's level rows.
  if (rows.length === 0 || inCell(sheet) || sheet.grids.length > 1 || rows.some((r) => !r.row.level3 || !r.row.level1)) return null;
  // A tree tells a level row from an indicator by the vocabulary or by the target beside it: with neither
  // (a blank form with names no framework knows), nothing tells them.
  if (!targetsFilled(sheet) && !levelsAllKnown(sheet)) return null;
  const values = copyValues(grid).slice(0, header);
  const tree: Values = [['绩效指标', '指标值']];
  let l1 = '';
  let l2 = '';
  for (const { row } of rows) {
    if (row.level1 !== l1) tree.push([(l1 = row.level1)]);
    // A grid with no 二级 (S45) has no 二级 level rows to print: a blank line would end the tree.
    if (row.level2 && (row.level2 !== l2 || tree[tree.length - 1][0] === l1)) tree.push([(l2 = row.level2)]);
    tree.push([row.level3, row.value]);
  }
  const after = copyValues(grid).slice(last + 1);
  const merges = grid.merges.filter((range) => parseRange(range).end.row < header);
  const shift = tree.length - (last + 1 - header);
  for (const range of grid.merges) {
    const { start, end } = parseRange(range);
    if (start.row > last) merges.push(`${toA1(start.row + shift, start.col)}:${toA1(end.row + shift, end.col)}`);
  }
  return { ...grid, values: [...values, ...tree, ...after], merges };
}

/** The value column doubled into two regions' columns under a two-row header (区域目标值 over 甲县 | 乙县). */
function perRegion(grid: CellGrid, sheet: SheetTable): CellGrid | null {
  const { header, first, last } = gridRows(sheet);
  const valueCol = colOf(sheet.grids[0].rows[0]?.refs.value);
  if (valueCol === null || sheet.grids.length > 1 || inCell(sheet)) return null;
  const right = width(grid.values);
  const values = copyValues(grid);
  // The regions' columns go right of everything, the original value column is blanked with its header.
  const withRow = insertRow({ ...grid, values }, header + 1);
  const v = copyValues(withRow);
  set(v, header, right, '区域目标值');
  set(v, header + 1, right, '甲县');
  set(v, header + 1, right + 1, '乙县');
  for (let r = first + 1; r <= last + 1; r++) {
    set(v, r, right, get(v, r, valueCol));
    set(v, r, right + 1, get(v, r, valueCol));
    set(v, r, valueCol, null);
  }
  set(v, header, valueCol, null);
  return { ...withRow, values: v, merges: [...withRow.merges, `${toA1(header, right)}:${toA1(header, right + 1)}`] };
}

/** The header block rewritten as columns: one row of labels, one of values. */
function headerAsColumns(grid: CellGrid, sheet: SheetTable): CellGrid | null {
  const { header } = gridRows(sheet);
  const { table } = sheet;
  if (sheet.grids.length > 1) return null;
  const block: Values = [
    [table.title || '项目支出绩效目标表'],
    ['项目名称', '预算数', '其中：财政资金', '其他资金', '绩效目标'],
    [table.projectName, table.budget.total, table.budget.fiscal, table.budget.other, table.goals],
    [`单位：${table.unit}`],
  ];
  const rest = copyValues(grid).slice(header);
  const shift = block.length - header;
  const merges = grid.merges.flatMap((range) => {
    const { start, end } = parseRange(range);
    return start.row < header ? [] : [`${toA1(start.row + shift, start.col)}:${toA1(end.row + shift, end.col)}`];
  });
  return { ...grid, values: [...block, ...rest], merges };
}

export const MUTATIONS: readonly Mutation[] = [
  {
    kind: 'reorder-columns', oneTable: true,
    label: '列换位（连同表头）',
    apply(grid, sheet) {
      const refs = sheet.grids[0].rows[0]?.refs;
      const a = colOf(refs?.value);
      const b = colOf(refs?.level3);
      const { header, last } = gridRows(sheet);
      if (a === null || b === null || a === b || mergesTouch(grid, [a, b], header, last)) return null;
      return swapColumns(grid, a, b, header, last);
    },
  },
  {
    kind: 'synonyms',
    label: '表头换同义词',
    apply(grid, sheet) {
      const { row, cols } = headerCells(grid, sheet);
      const values = copyValues(grid);
      let changed = false;
      for (const c of cols) {
        const synonym = SYNONYMS[String(get(values, row, c)).replace(/\s+/g, '')];
        if (synonym) {
          set(values, row, c, synonym);
          changed = true;
        }
      }
      return changed ? { ...grid, values } : null;
    },
  },
  {
    kind: 'headers-removed', oneTable: true,
    label: '去掉指标表头（内容自明）',
    apply(grid, sheet) {
      const { row, cols } = headerCells(grid, sheet);
      // Without heads, only the content tells the grid: its targets and its dimension names must stand there.
      if (cols.length === 0 || sheet.grids.length > 1 || sheet.grids[0].rows.some((r) => !r.row.level2) || !targetsFilled(sheet) || !dimensionsNamed(grid, sheet)) return null;
      const values = copyValues(grid);
      for (const c of cols) set(values, row, c, null);
      return { ...grid, values };
    },
  },
  {
    kind: 'misprint',
    label: '表头字段错一个字',
    apply(grid) {
      const values = copyValues(grid);
      for (const [r, line] of values.entries()) {
        for (const [c, value] of (line ?? []).entries()) {
          const misprint = FIELD_MISPRINTS[String(value ?? '').replace(/\s+/g, '')];
          if (misprint) {
            set(values, r, c, misprint);
            return { ...grid, values };
          }
        }
      }
      return null;
    },
  },
  { kind: 'tree', oneTable: true, label: '树形导出（一列三级）', apply: treeForm },
  { kind: 'regions', oneTable: true, label: '分地区指标值列', apply: perRegion },
  {
    kind: 'two-row-header',
    label: '两行表头（合并单元格）',
    apply(grid, sheet) {
      const { row, cols } = headerCells(grid, sheet);
      if (cols.length === 0 || mergesTouch(grid, cols, row, row)) return null;
      const inserted = insertRow(grid, row + 1);
      return { ...inserted, merges: [...inserted.merges, ...cols.map((c) => `${toA1(row, c)}:${toA1(row + 1, c)}`)] };
    },
  },
  {
    kind: 'spacers',
    label: '空行空列',
    apply(grid, sheet) {
      const { header } = gridRows(sheet);
      const level3 = colOf(sheet.grids[0].rows[0]?.refs.level3);
      const withRow = insertRow(grid, header);
      return level3 === null ? withRow : insertColumn(withRow, level3);
    },
  },
  {
    kind: 'cover',
    label: '封面和标题块',
    apply(grid) {
      let g = grid;
      for (const row of [['附件2'], ['2024年度部门预算'], ['填报单位（盖章）：', null, null, '填报日期：2024年1月5日'], []].reverse()) g = insertRow(g, 0, row);
      return g;
    },
  },
  {
    kind: 'merged-filled',
    label: '合并 ↔ 逐行填写',
    apply: (grid, sheet) => fillDown(grid, sheet) ?? mergeUp(grid, sheet),
  },
  { kind: 'header-as-columns', label: '表头字段排成列', apply: headerAsColumns },
];
