/**
 * A transposed grid (福建 county tables by 镇: 扶贫开发, 应急救助): the 一级 / 二级 / 三级 names stand in a
 * header of two or three rows across the columns (产出指标 merged over 数量指标 | 质量指标 …, each over its 三级
 * name), and each row below is one 镇/村/project (its name first, maybe its 资金) holding its targets under
 * the indicator columns. Each row is read as a region grid of one table, every target at its own cell; a
 * 合计/全县 row is the whole's grid.
 */
import type { AmountUnit } from '../model';
import { readAmount } from './amount';
import { SheetCells } from './cells';
import type { Found } from './cells';
import { buildSheet } from './assemble';
import { WHOLE_HEAD } from './columnRoles';
import type { ReadGrid } from './gridRows';
import { readHeaderBlock } from './headerFields';
import { DEFAULT_UNIT, labelUnit } from './knownLabels';
import { NOTE_TEXT, SIGNATURE_TEXT, TOTAL_ROW_TEXT, normalizeLabel } from './labels';
import { splitNamedTarget } from './namedTargets';
import type { IndicatorRowRefs, ReadSheetOptions, SheetTable } from './types';
import { dimensionOf, dimensionPairOf, level1Home, soleLevel2 } from './vocabulary';

/** Fewest columns the dimension names must stand over: a vertical grid's row holds at most a 一级 and a 二级. */
const MIN_DIMENSION_COLUMNS = 3;
/** Rows from the sheet's top a transposed header may start within (a title and a 单位 line above it, never a grid). */
const MAX_HEADER_TOP = 30;
/** Rows of dimension names a header stacks (一级 over 二级), before its one row of 三级 names. */
const MAX_DIMENSION_ROWS = 2;
/** A column's head naming money (资金（万元）, 投资额, 预算数). */
const MONEY_HEAD = /资金|金额|预算|投资|经费|拨款/;
/** A row whose name is the whole's (合计, 全县): its targets are the table's own. */
const isWholeName = (name: string): boolean => TOTAL_ROW_TEXT.test(name) || WHOLE_HEAD.test(name);

/** A cell's dimension names: a 一级, a 二级, or both in one cell (`产出指标-数量指标`). */
interface Named {
  level1?: Found;
  level2?: Found;
}

function namedIn(found: Found): Named | null {
  const pair = dimensionPairOf(found.text);
  if (pair) return { level1: { ...found, text: pair.level1 }, level2: { ...found, text: pair.level2 } };
  const one = dimensionOf(found.text);
  if (!one) return null;
  return one.level === 1 ? { level1: { ...found, text: one.name } } : { level2: { ...found, text: one.name } };
}

/** One indicator column of the header: its names and where each stands. */
interface IndicatorColumn {
  col: number;
  level1: Found;
  level2: Found;
  /** The 三级 name's cell; null when the header has no 三级 row (the cells then carry name and target). */
  level3: Found | null;
}

interface TransposedHeader {
  top: number;
  /** The first row of 镇/村/project rows. */
  dataRow: number;
  columns: IndicatorColumn[];
}

/** The columns (merges spread over all theirs) where a row of the header names a dimension. */
function namedColumns(cells: SheetCells, row: number): Map<number, Named> {
  const named = new Map<number, Named>();
  for (const cell of cells.rowOf(row)) {
    if (cells.covered(row, cell.col)) continue;
    const names = namedIn(cells.at(row, cell.col));
    if (!names) continue;
    const end = cells.merge(row, cell.col)?.end.col ?? cell.col;
    for (let col = cell.col; col <= end; col++) named.set(col, names);
  }
  return named;
}

/**
 * Whether a header row names two dimensions of one level side by side (数量指标 | 质量指标, 产出指标 | 效益指标):
 * a vertical grid's row holds at most one of each level (its 一级, its 二级).
 */
function holdsSiblings(band: Map<number, Named>): boolean {
  const level1 = new Set<string>();
  const level2 = new Set<string>();
  for (const names of band.values()) {
    if (names.level2) level2.add(names.level2.text);
    else if (names.level1) level1.add(names.level1.text);
  }
  return level1.size >= 2 || level2.size >= 2;
}

/** The first header whose dimension names stand across columns, with the 三级 row under it when there is one. */
function findHeader(cells: SheetCells): TransposedHeader | null {
  for (const top of cells.rows(cells.top, Math.min(cells.bottom, cells.top + MAX_HEADER_TOP))) {
    const bands = [namedColumns(cells, top)];
    if (bands[0].size === 0) continue;
    while (bands.length < MAX_DIMENSION_ROWS && top + bands.length <= cells.bottom) {
      const next = namedColumns(cells, top + bands.length);
      if (next.size === 0) break;
      bands.push(next);
    }
    const cols = [...new Set(bands.flatMap((band) => [...band.keys()]))].sort((a, b) => a - b);
    if (cols.length < MIN_DIMENSION_COLUMNS || !bands.some(holdsSiblings)) continue;
    const columns = indicatorColumns(cells, top + bands.length, bands, cols);
    if (columns.length < MIN_DIMENSION_COLUMNS) continue;
    const level3Row = columns.some((c) => c.level3 !== null);
    const dataRow = top + bands.length + (level3Row ? 1 : 0);
    // A vertical grid names dimensions again down the same columns; a transposed one holds targets there.
    if (columns.some((c) => namedIn(cells.shown(dataRow, c.col)))) continue;
    return { top, dataRow, columns };
  }
  return null;
}

/**
 * Each column's 一级 and 二级 from the dimension rows, and its 三级 from the row under them when that row is
 * a row of names (its first cell blank or merged down from the header), not the first 镇's targets.
 */
function indicatorColumns(cells: SheetCells, below: number, bands: Map<number, Named>[], cols: number[]): IndicatorColumn[] {
  const labelled = namesRow(cells, below, cols[0]);
  return cols.flatMap((col): IndicatorColumn[] => {
    const names: Named = {};
    for (const band of bands) {
      const at = band.get(col);
      // Under a 一级 already named, a name some framework takes for a 一级 (成本指标 in 101号) is its 二级.
      if (names.level1 && at?.level1 && !at.level2) names.level2 ??= at.level1;
      else names.level1 ??= at?.level1;
      names.level2 ??= at?.level2;
    }
    const level1 = names.level1 ?? (names.level2 ? { ...names.level2, text: level1Home(names.level2.text) ?? '' } : undefined);
    if (!level1?.text) return [];
    const level2 = names.level2 ?? { ...level1, text: soleLevel2(level1.text) ?? '' };
    const under = labelled ? cells.shown(below, col) : null;
    const level3 = under?.text && !namedIn(under) ? under : null;
    return [{ col, level1, level2, level3 }];
  });
}

/**
 * Whether the row under the dimension rows names 三级: nothing of a 镇 in the columns before the indicators, or
 * (the 乡镇 | 资金 labels typed on it) no figure among its names while the row under it has figures.
 */
function namesRow(cells: SheetCells, row: number, firstIndicator: number): boolean {
  if (row > cells.bottom) return false;
  const indicatorCells = (at: number) => cells.rowOf(at).filter((cell) => cell.col >= firstIndicator && cell.text && !cells.covered(at, cell.col));
  const names = indicatorCells(row);
  if (names.length === 0) return false;
  const blankBefore = cells.rowOf(row).every((cell) => cell.col >= firstIndicator || !cell.text || cells.covered(row, cell.col));
  return blankBefore || (!names.some((cell) => /\d/.test(cell.text)) && indicatorCells(row + 1).some((cell) => /\d/.test(cell.text)));
}

/** The columns before the indicators: the rows' name, and their money when a head names it. */
interface RowColumns {
  name: number;
  money: { col: number; label: Found; unit?: AmountUnit } | null;
}

function rowColumns(cells: SheetCells, header: TransposedHeader): RowColumns | null {
  const first = header.columns[0].col;
  let name: number | null = null;
  let money: RowColumns['money'] = null;
  for (let col = cells.left; col < first; col++) {
    const head = [...cells.rows(header.top, header.dataRow - 1)].map((row) => cells.shown(row, col)).find((h) => h.text);
    const sample = cells.shown(header.dataRow, col);
    if (head && MONEY_HEAD.test(head.text) && money === null) {
      money = { col, label: { ...head, text: normalizeLabel(head.text) }, unit: labelUnit(normalizeLabel(head.text)) };
    } else if (name === null && sample.text && readAmount(sample.value, DEFAULT_UNIT) === null) name = col;
  }
  return name === null ? null : { name, money };
}

/** One 镇/村/project row: its name, money and the targets under each indicator column. */
interface DataRow {
  row: number;
  name: Found;
  money: Found | null;
}

function dataRows(cells: SheetCells, header: TransposedHeader, columns: RowColumns): DataRow[] {
  const rows: DataRow[] = [];
  for (const row of cells.rows(header.dataRow, cells.bottom)) {
    const line = cells.rowOf(row);
    if (line.some((cell) => SIGNATURE_TEXT.test(cell.text) || NOTE_TEXT.test(cell.label))) break;
    const name = cells.shown(row, columns.name);
    if (!name.text) {
      if (rows.length > 0) break;
      continue;
    }
    rows.push({ row, name, money: columns.money ? cells.shown(row, columns.money.col) : null });
  }
  return rows;
}

/** A row's targets as a grid: each column's names from the header, its target from the row's own cell. */
function rowGrid(cells: SheetCells, header: TransposedHeader, data: DataRow): ReadGrid {
  const { columns } = header;
  const first = columns[0].col;
  const indicators: ReadGrid['indicators'] = [];
  const rowRefs: IndicatorRowRefs[] = [];
  for (const column of columns) {
    const target = cells.at(data.row, column.col);
    // No 三级 row: the cell names its indicator before the target (`受益贫困户≥120户`).
    const split = column.level3 ? null : splitNamedTarget(target.text);
    indicators.push({
      level1: column.level1.text,
      level2: column.level2.text,
      level3: column.level3?.text ?? split?.name ?? '',
      description: '',
      value: split?.value ?? target.text,
      unit: null,
    });
    rowRefs.push({ level1: column.level1.address, level2: column.level2.address, level3: column.level3?.address ?? target.address, description: null, value: target.address, unit: null });
  }
  const whole = isWholeName(normalizeLabel(data.name.text));
  return {
    header: {
      row: header.top,
      dataRow: header.dataRow,
      columns: { level1: first, level2: first, level3: first, value: first },
      operatorColumns: [],
      fromCol: first,
      toCol: columns[columns.length - 1].col,
      scope: null,
      ...(whole ? {} : { region: data.name.text }),
    },
    indicators,
    rowRefs,
    nextRow: data.row + 1,
  };
}

/**
 * The table of a sheet whose dimension names stand across columns over one row per 镇/村/project, read as
 * one region grid per row (the 合计/全县 row the whole's, first); [] when the sheet holds no such header.
 */
export function readTransposedTables(cells: SheetCells, sheetName: string, options: ReadSheetOptions): SheetTable[] {
  const header = findHeader(cells);
  const columns = header && rowColumns(cells, header);
  if (!header || !columns) return [];
  const rows = dataRows(cells, header, columns);
  if (rows.length === 0) return [];
  const wholeRow = rows.find((r) => isWholeName(normalizeLabel(r.name.text)));
  const parts = rows.filter((r) => r !== wholeRow);
  const block = readHeaderBlock(cells, cells.top, header.top);
  const unit = columns.money?.unit ?? block.unit?.unit ?? DEFAULT_UNIT;
  if (columns.money?.unit) block.unit = { unit: columns.money.unit, address: columns.money.label.address };
  // The table's subject is its title where no 项目名称 is printed (德化县2020年扶贫开发项目绩效目标表).
  if (!block.fields.projectName && block.title) block.fields.projectName = block.title;
  if (columns.money && !block.fields.budgetTotal) block.fields.budgetTotal = wholeRow?.money ?? summedMoney(parts, unit, columns.money.label.address);
  const ordered = wholeRow ? [wholeRow, ...parts] : parts;
  const sheet = buildSheet(cells, sheetName, block, ordered.map((data) => rowGrid(cells, header, data)), header.top, options);
  sheet.grids.forEach((grid, i) => {
    grid.transposed = true;
    const money = ordered[i].money;
    const amount = money?.text ? readAmount(money.value, unit) : null;
    if (grid.region !== undefined && money && amount !== null) grid.money = { amount, label: `${grid.region}${columns.money!.label.text}`, address: money.address };
  });
  return [sheet];
}

/** The rows' money summed, where no 合计 row states it: the table's 预算数, read at the money column's head. */
function summedMoney(rows: readonly DataRow[], unit: AmountUnit, at: string): Found {
  const amounts = rows.map((r) => (r.money?.text ? readAmount(r.money.value, unit) : null)).filter((a): a is number => a !== null);
  const sum = Math.round(amounts.reduce((a, b) => a + b, 0) * 1e4) / 1e4;
  return { text: String(sum), value: sum, address: at };
}
