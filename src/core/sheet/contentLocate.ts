/**
 * Step 1 by content: where no header row names 一级, 二级 and 指标值 together, the grid is found where the
 * dimension vocabulary stands, and each column's role comes from what it holds (columnRoles). Header words
 * are one more piece of evidence. Below the bar, the sheet is reported as unreadable, naming what was found.
 */
import { maxOf, minOf } from '../bounded';
import { columnName, toA1 } from './address';
import type { FilledCell, SheetCells } from './cells';
import { assignRoles, isValueText, namesTargets, profileColumns } from './columnRoles';
import { COLUMNS_OF_LABEL, headerFieldOf, isAnyLabel, isHeaderLabelText } from './knownLabels';
import { LABELS, SIGNATURE_TEXT, matchUnitLabel, normalizeLabel } from './labels';
import { MAX_BLANK_RUN, MAX_FRAGMENT } from './locate';
import type { GridHeader } from './locate';
import { headYear, periodHeader, periodValueColumns } from './periodColumns';
import { namesCarryTargets } from './namedTargets';
import { onlyDefinitions } from './diagnose';
import type { Unreadable } from './types';
import { dimensionOf, dimensionPairOf, level1Home } from './vocabulary';

/** Longer than any dimension name with its weight: prose under a dimension head, no name. */
const MAX_NAME = 24;

/** Targets a grid with a single dimension name must hold (two lines that name one 二级 and carry figures are no grid). */
const LONE_NAME_TARGETS = 3;

/** Rows without a dimension name that still belong to the grid found (the indicators under the last 二级). */
const TAIL_ROWS = 40;

interface ColumnHits {
  col: number;
  level1: Set<string>;
  level2: Set<string>;
  rows: number[];
  /** Cells holding a 一级 and its 二级 together (`产出指标-数量指标`). */
  pairs: number;
}

export type ContentLocated = { headers: GridHeader[] } | { unreadable: Unreadable } | null;

/** Dimension names by column in the first cluster of rows at or below fromRow that hold them. */
function dimensionHits(cells: SheetCells, fromRow: number): ColumnHits[] {
  const byCol = new Map<number, ColumnHits>();
  let lastHit: number | null = null;
  for (const row of cells.rows(fromRow, cells.bottom)) {
    if (lastHit !== null && row - lastHit > TAIL_ROWS) break;
    for (const cell of cells.rowOf(row)) {
      if (cells.covered(row, cell.col)) continue;
      const pair = dimensionPairOf(cell.text);
      const dimension = pair ? null : dimensionOf(cell.text);
      if (!dimension && !pair) continue;
      let hits = byCol.get(cell.col);
      if (!hits) byCol.set(cell.col, (hits = { col: cell.col, level1: new Set(), level2: new Set(), rows: [], pairs: 0 }));
      if (pair) {
        hits.level1.add(pair.level1);
        hits.level2.add(pair.level2);
        hits.pairs++;
      } else if (dimension) (dimension.level === 1 ? hits.level1 : hits.level2).add(dimension.name);
      hits.rows.push(row);
      lastHit = row;
    }
  }
  return [...byCol.values()];
}

/**
 * Whether a column's dimension rows hold their name with no indicator name beside it (the next cell blank, or
 * an amount such as a 绩效金额): a tree export's level rows. A 二级 column (no 一级 column) holds each
 * dimension beside its indicator's name instead.
 */
function levelRowsStandAlone(cells: SheetCells, hits: ColumnHits): boolean {
  const rows = [...new Set(hits.rows)];
  const alone = rows.filter((row) => {
    const beside = cells.shown(row, hits.col + 1);
    return beside.text === '' || typeof beside.value === 'number';
  });
  return alone.length * 2 >= rows.length;
}

/**
 * Where no framework names a dimension (投入指标 | 过程指标 of an evaluation-style form, S40), the columns one
 * row heads 一级指标 and 二级指标, with the names standing under them: the heads are the evidence.
 */
function headedHits(cells: SheetCells, fromRow: number): { hits: ColumnHits[]; level3?: number } {
  for (const row of cells.rows(fromRow, cells.bottom)) {
    const headed = (level: 'level1' | 'level2' | 'level3') => cells.rowOf(row).filter((c) => (COLUMNS_OF_LABEL.get(c.label) ?? []).includes(level)).map((c) => c.col);
    const [level1Cols, level2Cols, level3Cols] = [headed('level1'), headed('level2'), headed('level3')];
    if (level1Cols.length !== 1 || level2Cols.length !== 1) continue;
    const hits = [level1Cols[0], level2Cols[0]].map((col, i) => {
      const column: ColumnHits = { col, level1: new Set(), level2: new Set(), rows: [], pairs: 0 };
      let last = row;
      for (const r of cells.rows(row + 1, cells.bottom)) {
        if (r - last > 2 || cells.rowOf(r).some((c) => SIGNATURE_TEXT.test(c.text) || headerFieldOf(c.label) !== undefined)) break;
        const name = cells.rowOf(r).find((c) => c.col === col && !cells.covered(r, col));
        if (!name || name.text.length > MAX_NAME) continue;
        (i === 0 ? column.level1 : column.level2).add(name.text);
        column.rows.push((last = r));
      }
      return column;
    }).filter((h) => h.rows.length > 0);
    return { hits, ...(level3Cols.length === 1 ? { level3: level3Cols[0] } : {}) };
  }
  return { hits: [] };
}

/** Whether a column shows nothing on rows from..to (merged cells show their value over it). */
function columnBlank(cells: SheetCells, col: number, from: number, to: number): boolean {
  for (let r = from; r <= to; r++) if (cells.shown(r, col).text !== '') return false;
  return true;
}

/**
 * A row's cells without those of a small table beside the grid: right of every column the grid fills, past a
 * column blank from this row to the grid's end (a 资金安排表's caption beside the title row, S36).
 */
function withoutTableBeside(cells: SheetCells, line: readonly FilledCell[], row: number, lastRow: number, filled: ReadonlySet<number>): readonly FilledCell[] {
  const rightmost = maxOf([...filled], cells.left);
  for (let i = 1; i < line.length; i++) {
    const reach = cells.merge(row, line[i - 1].col)?.end.col ?? line[i - 1].col;
    if (line[i].col <= rightmost + 1 || line[i].col <= reach + 1) continue;
    for (let gap = Math.max(reach, rightmost) + 1; gap < line[i].col; gap++) if (columnBlank(cells, gap, row, lastRow)) return line.slice(0, i);
  }
  return line;
}

/** Rows a head may take: its labels, their fragments typed on a second row, and sub-heads (甲县 | 乙县) under them. */
const HEADER_ROWS = 3;

/**
 * Header rows right above the first data row: label-like rows with no header field (项目名称 …) on them. A
 * figure counts against a row only in a column the grid fills (a small table beside it has its own).
 */
function headerRowsAbove(cells: SheetCells, fromRow: number, firstData: number, lastRow: number, filled: ReadonlySet<number>): number[] {
  const rows: number[] = [];
  for (let r = firstData - 1; r >= Math.max(fromRow, firstData - HEADER_ROWS); r--) {
    const line = withoutTableBeside(cells, cells.ownCellsOf(r), r, lastRow, filled);
    if (line.length === 0) {
      if (cells.rowHasMerge(r)) continue;
      break;
    }
    // A lone cell that names no grid column is a title or a caption (`…绩效评价指标表`, S36), not a header row.
    const lone = line.length === 1 && !COLUMNS_OF_LABEL.has(line[0].label);
    const fieldLike = lone || line.some((c) => headerFieldOf(c.label) !== undefined || matchUnitLabel(c.text) !== null || c.text.includes(LABELS.titleSuffix));
    const textual = line.every((c) => !filled.has(c.col) || (typeof c.value !== 'number' && c.text.length <= 24));
    // The third row up heads the grid only as its row of labels (一级 | 二级 | 区域目标值 over fragments and sub-heads).
    const labelsTop = r > firstData - HEADER_ROWS || line.some((c) => COLUMNS_OF_LABEL.has(c.label) || (namesTargets(c.label) && c.text.length <= 2 * MAX_FRAGMENT));
    if (fieldLike || !textual || !labelsTop) break;
    rows.unshift(r);
  }
  return rows;
}

/** A row of labels: a header field, a header label or a grid column's head stands in it. */
function labelsOnRow(cells: SheetCells, row: number): boolean {
  return cells.rowOf(row).some((c) => headerFieldOf(c.label) !== undefined || isHeaderLabelText(c.label, c.text) || COLUMNS_OF_LABEL.has(c.label));
}

/**
 * A row of short labels, two or more under blank cells of the label row above it and none in a dimension column
 * (优 | 良 | 中 | 差 under 评价标准 and its blank neighbours): a head spread over columns, with its sub-heads.
 */
function underSpreadHead(cells: SheetCells, row: number, line: readonly FilledCell[], dimensionCols: readonly number[]): boolean {
  // The label row: the row above, or above the blank rows its heads are merged down over.
  let head = row - 1;
  while (head > cells.top && cells.rowOf(head).length === 0 && cells.rowHasMerge(head)) head--;
  if (head < cells.top || !labelsOnRow(cells, head)) return false;
  if (line.some((c) => dimensionCols.includes(c.col) || typeof c.value === 'number' || c.text.length > MAX_FRAGMENT)) return false;
  const headed = new Set(cells.rowOf(head).map((c) => c.col));
  return line.filter((c) => !headed.has(c.col) && !cells.covered(head, c.col)).length >= 2;
}

/**
 * Whether a row names a block of the grid: a short name, no label, in one of the dimension columns, its cell
 * covering no other column the grid fills (a goal merged on over the 三级 column, 年初设定目标's text, names none).
 */
function namesBlock(cells: SheetCells, row: number, line: readonly FilledCell[], dimensionCols: readonly number[], filled: ReadonlySet<number>): boolean {
  return line.some((c) => {
    if (!dimensionCols.includes(c.col) || c.text.length > MAX_NAME || isAnyLabel(c) || headerFieldOf(c.label) !== undefined) return false;
    const end = cells.merge(row, c.col)?.end.col ?? c.col;
    for (let col = c.col + 1; col <= end; col++) if (filled.has(col) && !dimensionCols.includes(col)) return false;
    return true;
  });
}

/**
 * The first indicator row: the first dimension name's row, or above it where a form prints its first rows
 * with no 一级/二级 cell (the rows hold targets, not labels). A row under heads merged down over it (优 | 良 |
 * 中 | 差 under 评价标准, S45) is the header's second row, not a first row of targets; so is one standing under
 * a head's blank neighbours (a copy that lost the merge).
 */
function firstDataRow(cells: SheetCells, fromRow: number, firstHit: number, dimensionCols: readonly number[], columnsRun: { filled: ReadonlySet<number>; targets: ReadonlySet<number> }): number {
  const { filled, targets } = columnsRun;
  let first = firstHit;
  for (let r = firstHit - 1; r >= fromRow; r--) {
    const line = cells.ownCellsOf(r);
    // Blank rows between two 一级 blocks (a copy's spacer): the grid goes on above them only where the row
    // above names its block in a dimension column, as readGrid resumes below them.
    if (line.length === 0) {
      if (first - r > MAX_BLANK_RUN) break;
      continue;
    }
    if (r < first - 1 && !namesBlock(cells, r, line, dimensionCols, filled)) break;
    // A row naming grid columns (一级指标 | … | 2025年目标值) is the header, however much its heads read as targets.
    if (line.some((c) => headerFieldOf(c.label) !== undefined || isHeaderLabelText(c.label, c.text) || COLUMNS_OF_LABEL.has(c.label))) break;
    const underHeads = dimensionCols.some((col) => {
      const area = cells.covered(r, col) ? cells.merge(r, col) : undefined;
      return area !== undefined && area.start.row < r && labelsOnRow(cells, area.start.row);
    });
    if (underHeads || underSpreadHead(cells, r, line, dimensionCols)) break;
    if (!line.some((c) => targets.has(c.col) && isValueText(c.text))) break;
    // Two year heads or more (实施期 | 2024年 | 2025年) make a header row: years there head columns, they are no targets.
    if (line.filter((c) => headYear(c.text) !== null).length >= 2) break;
    first = r;
  }
  return first;
}

/** Rows looked at to tell the columns that run down the grid. */
const COLUMN_SAMPLE = 60;

/** Rows above the first dimension name looked at for the grid's label row (its first rows may name none). */
const LABEL_REACH = 10;

/**
 * The first column of a small table beside the grid: right of the dimension columns, past a column blank from the
 * grid's label row to its last name, columns whose heads (on the label row and the rows under it) name no grid
 * column (序号 | 村名 | 安排资金, not 三级指标 or 区域目标值; a blank column inside the grid has the grid's heads
 * right of it). Infinity when there is none, or no label row to tell it by.
 */
function tableBesideFrom(cells: SheetCells, firstHit: number, lastHit: number, dimensionCols: readonly number[]): number {
  let labelRow: number | null = null;
  for (let r = firstHit - 1; r >= Math.max(cells.top, firstHit - LABEL_REACH) && labelRow === null; r--) if (cells.rowOf(r).some((c) => COLUMNS_OF_LABEL.has(c.label))) labelRow = r;
  if (labelRow === null) return Infinity;
  const gaps: number[] = [];
  for (let col = maxOf(dimensionCols, cells.left) + 1; col < cells.right; col++) if (columnBlank(cells, col, labelRow, lastHit)) gaps.push(col);
  const heads = [...cells.filled(labelRow, firstHit - 1)];
  for (const [i, gap] of gaps.entries()) {
    const to = gaps[i + 1] ?? cells.right + 1;
    const run = heads.filter((c) => c.col > gap && c.col < to);
    if (run.length > 0 && !run.some((c) => COLUMNS_OF_LABEL.has(c.label) || namesTargets(c.label))) return gap + 1;
  }
  return Infinity;
}

/**
 * The columns the grid fills, and those holding targets, each on more than half its rows (from the first to the
 * last dimension name): a small table beside the grid, level with its head, fills neither.
 */
function gridColumns(cells: SheetCells, firstHit: number, lastHit: number, dimensionCols: readonly number[]): { filled: Set<number>; targets: Set<number> } {
  const filled = new Map<number, number>();
  const targets = new Map<number, number>();
  const add = (counts: Map<number, number>, col: number) => counts.set(col, (counts.get(col) ?? 0) + 1);
  // A grid of a row or two cannot outnumber a small table beside it: that table's columns are left out by its heads.
  const beside = tableBesideFrom(cells, firstHit, lastHit, dimensionCols);
  let rows = 0;
  for (const row of cells.rows(firstHit, Math.min(lastHit, firstHit + COLUMN_SAMPLE))) {
    rows++;
    for (const cell of cells.rowOf(row)) {
      if (cells.covered(row, cell.col) || cell.col >= beside) continue;
      add(filled, cell.col);
      if (isValueText(cell.text)) add(targets, cell.col);
    }
  }
  const half = (counts: Map<number, number>) => new Set([...counts].filter(([, n]) => n * 2 > rows).map(([col]) => col));
  return { filled: half(filled), targets: half(targets) };
}

/** The last row of the grid: the last dimension row and the indicator rows under it, up to a stop. */
function lastGridRow(cells: SheetCells, lastHit: number): number {
  let last = lastHit;
  for (const row of cells.rows(lastHit + 1, lastHit + TAIL_ROWS)) {
    const line = cells.rowOf(row);
    if (line.some((c) => SIGNATURE_TEXT.test(c.text) || isHeaderLabelText(c.label, c.text))) break;
    if (row > last + 2) break;
    // Across a blank row the grid goes on only where a dimension is named (another table may stand below).
    if (row > last + 1 && !line.some((c) => dimensionOf(c.text) !== null)) break;
    last = row;
  }
  return last;
}

/**
 * Whether the row under a header row holds only the rest of its labels (`绩效` over `指标`, a head typed on two
 * rows): short text under the header's own cells, at least one making a known label with the cell above.
 */
function fragmentsUnder(cells: SheetCells, row: number): boolean {
  const below = cells.ownCellsOf(row + 1);
  const heads = new Map(cells.rowOf(row).map((c) => [c.col, c]));
  if (below.length === 0 || below.some((c) => !heads.has(c.col) || typeof c.value === 'number' || c.text.length > MAX_FRAGMENT)) return false;
  return below.some((c) => {
    const text = heads.get(c.col)!.text + c.text;
    return isAnyLabel({ label: normalizeLabel(text), text });
  });
}

/** A 序号 cell: a row's serial number. */
const SERIAL = /^\d{1,3}$/;

/**
 * The first row of a tree export when names stand in its column above the first known dimension: rows with a
 * name in the tree column (nothing left of it, no label among them) up to the grid's header row (the targets'
 * column named 指标值, 目标值 …) belong to the tree, as a reader sees them under its header: a 一级 no
 * framework knows stands there (制度指标, S36). With no such header right above, they may be a caption: left out.
 */
function treeRowsAbove(cells: SheetCells, fromRow: number, firstData: number, treeCol: number, valueCol: number): number {
  for (let r = firstData - 1; r >= fromRow; r--) {
    const line = cells.ownCellsOf(r);
    if (line.length === 0) return firstData;
    const target = line.find((c) => c.col === valueCol);
    if (target && namesTargets(target.label)) return fragmentsUnder(cells, r) ? r + 2 : r + 1;
    // Left of the tree only its targets (its columns reordered) and a 序号 column's numbers belong to its rows.
    if (line.some((c) => c.col < treeCol && c.col !== valueCol && !SERIAL.test(c.text))) return firstData;
    // Sub-heads of the targets (甲县 | 乙县 under 区域目标值): the header's second row.
    if (r > fromRow && namesTargets(normalizeLabel(cells.shown(r - 1, valueCol).text)) && !line.some((c) => c.col === treeCol)) return r + 1;
    if (!line.some((c) => c.col === treeCol)) return firstData;
    if (line.some((c) => isAnyLabel(c) || headerFieldOf(c.label) !== undefined || SIGNATURE_TEXT.test(c.text) || c.text.includes(LABELS.titleSuffix))) return firstData;
  }
  return firstData;
}

/**
 * The 一级 column a form left blank, beside the 二级 column found: headed 一级 by the header words, or an
 * empty merged block over the indicator rows (a 一级 cell never filled in). Read blank, not derived from the
 * 二级, so the blank 一级 is reported as the filler left it.
 */
function blankLevel1Column(cells: SheetCells, level2Col: number, fromCol: number, firstData: number, lastRow: number, headerRows: readonly number[]): number | undefined {
  const col = level2Col - 1;
  if (col < fromCol) return undefined;
  for (let r = firstData; r <= lastRow; r++) if (cells.shown(r, col).text) return undefined;
  const headed = headerRows.some((r) => (COLUMNS_OF_LABEL.get(normalizeLabel(cells.shown(r, col).text)) ?? []).includes('level1'));
  let mergedBlank = false;
  for (let r = firstData; r <= lastRow && !mergedBlank; r++) {
    const area = cells.merge(r, col);
    mergedBlank = area !== undefined && area.end.row > area.start.row && area.end.col < level2Col && area.start.row >= firstData;
  }
  return headed || mergedBlank ? col : undefined;
}

/** Whether a row just above `row` (fromRow at the highest) heads columns 一级指标 and 二级指标. */
function levelLabelsAbove(cells: SheetCells, fromRow: number, row: number): boolean {
  for (let r = row - 1; r >= Math.max(fromRow, row - 3); r--) {
    const kinds = new Set(cells.rowOf(r).flatMap((c) => COLUMNS_OF_LABEL.get(c.label) ?? []));
    if (kinds.has('level1') && kinds.has('level2')) return true;
  }
  return false;
}

/**
 * Whether a 一级 column, with no 二级 name anywhere, is a tree export's one column (a grid with no 二级, S45):
 * each 一级 stands alone on its row, and under it the same column goes on with a name and its target beside it
 * (right of it, or left where the columns were reordered).
 */
function level1OnlyTree(cells: SheetCells, hits: ColumnHits): boolean {
  return hits.rows.every((row) => {
    const alone = cells.rowOf(row).every((c) => c.col === hits.col || cells.covered(row, c.col));
    const under = cells.ownCellsOf(row + 1);
    const name = under.find((c) => c.col === hits.col);
    return alone && name !== undefined && dimensionOf(name.text) === null && under.some((c) => c.col !== hits.col);
  });
}

/**
 * Grids found by content at or below fromRow, or a diagnosis when dimension names stand but no grid can
 * be read with confidence; null when the rows hold no dimension vocabulary at all (nor heads naming the
 * dimension columns), or too little of it to say anything.
 */
export function locateByContent(cells: SheetCells, fromRow: number): ContentLocated {
  const named = dimensionHits(cells, fromRow);
  const headed = named.length === 0 ? headedHits(cells, fromRow) : null;
  const hits = headed ? headed.hits : named;
  const names = new Set(hits.flatMap((h) => [...h.level1, ...h.level2]));
  if (names.size === 0) return null;
  // One dimension name is too little on its own: under a row headed 一级指标 and 二级指标, or over rows of names
  // with their targets that make the reading sure (S43 with its heads gone), it is a grid; else no grid, nothing
  // to report. Dimension columns known by their heads alone are read only when sure, likewise.
  const lone = names.size < 2 && !levelLabelsAbove(cells, fromRow, minOf(hits.flatMap((h) => h.rows), cells.top));
  // The column with most names of the level; ties go to the leftmost. 成本指标 (一级 in 101号, 二级 before) counts half.
  const most = (pick: (h: ColumnHits) => number) =>
    [...hits].sort((a, b) => a.col - b.col).reduce<ColumnHits | null>((a, h) => (pick(h) > (a ? pick(a) : 0) ? h : a), null);
  const level1Score = (h: ColumnHits) => [...h.level1].reduce((n, name) => n + (level1Home(name) ? 0.5 : 1), 0);
  const level2 = most((h) => [...h.level2].filter((n) => !h.level1.has(n)).length);
  // A lone 成本指标 (一级 or 二级 by framework) makes a 一级 column only with its own 二级 beside it (经济成本指标).
  const level1Best = most(level1Score);
  const homes = new Set(level2 ? [...level2.level2].map((n) => level1Home(n)) : []);
  let level1 = level1Best && (level1Score(level1Best) >= 1 || [...level1Best.level1].some((n) => homes.has(n))) ? level1Best : null;
  const sameColumn = level1 !== null && level2 !== null && level2.col === level1.col;
  // One column naming both levels: a 指标类别 column of pairs, a tree export, or a 二级 column with no 一级 one
  // (成本指标, 满意度指标 among its names are 一级 names too).
  const pairs = sameColumn && level1!.pairs * 2 >= new Set(level1!.rows).size;
  const tree = level1 !== null && (level2 !== null ? sameColumn && !pairs && levelRowsStandAlone(cells, level1) : level1OnlyTree(cells, level1));
  if (sameColumn && !pairs && !tree) level1 = null;
  const found: string[] = [];
  if (level1) found.push(`${level1.level1.size} 个一级指标名称（${columnName(level1.col)} 列）`);
  if (level2 && !tree && !pairs) found.push(`${level2.level2.size} 个二级指标名称（${columnName(level2.col)} 列）`);
  if (tree) found.push('一级、二级、三级在同一列（树形导出）');
  if (pairs) found.push(`一级、二级写在同一格（${columnName(level1!.col)} 列）`);
  const dimensionCols = [level1?.col, tree ? undefined : level2?.col].filter((c): c is number => c !== undefined);
  const levelHits = [level1, level2].filter((h): h is ColumnHits => h !== null);
  const firstHit = minOf(levelHits.map((h) => h.rows[0]), cells.top);
  const lastHit = maxOf(levelHits.map((h) => h.rows[h.rows.length - 1]), firstHit);
  const columnsRun = gridColumns(cells, firstHit, lastHit, dimensionCols);
  let firstData = firstDataRow(cells, fromRow, firstHit, levelHits.map((h) => h.col), columnsRun);
  const lastRow = lastGridRow(cells, lastHit);
  let headerRows = headerRowsAbove(cells, fromRow, firstData, lastRow, columnsRun.filled);
  const blankLevel1 = !level1 && level2 && !tree ? blankLevel1Column(cells, level2.col, cells.left, firstData, lastRow, headerRows) : undefined;
  if (blankLevel1 !== undefined) found.push(`一级指标列（${columnName(blankLevel1)} 列，未填）`);
  const fromCol = minOf([...dimensionCols, ...(blankLevel1 !== undefined ? [blankLevel1] : [])], cells.left);
  const rightOf = maxOf(dimensionCols, cells.left) + (tree ? 0 : 1);
  // Under heads that name the dimension columns, the names stand where the heads say: no 三级 is taken by content.
  const rolesIn = (from: number, to: number) => assignRoles(profileColumns(cells, firstData, lastRow, from, to, headerRows), { namesKnown: tree || headed !== null });
  // A tree's targets may stand left of its one column (its columns reordered): looked for there when none is right.
  const readRoles = () => {
    const right = rolesIn(tree ? rightOf + 1 : rightOf, cells.right);
    const left = tree && right.value === undefined ? rolesIn(cells.left, level1!.col - 1) : undefined;
    return left?.value !== undefined ? left : right;
  };
  let roles = readRoles();
  const treeTop = tree && roles.value !== undefined ? treeRowsAbove(cells, fromRow, firstData, level1!.col, roles.value) : firstData;
  if (treeTop < firstData) {
    // The tree begins under its header: read its columns again with that header's words.
    firstData = treeTop;
    headerRows = headerRowsAbove(cells, fromRow, firstData, lastRow, columnsRun.filled);
    roles = readRoles();
  }
  for (const item of roles.evidence) found.push(item);
  const level3 = tree ? level1!.col : (headed?.level3 ?? roles.level3);
  // No value column, the names carrying their targets (`验收合格率≥95%`): the name column holds both.
  const carried = roles.value === undefined && level3 !== undefined && !tree && namesCarryTargets(cells, level3, firstData, lastRow);
  if (carried) found.push('指标名称中写明的指标值');
  const valueCol = carried ? level3 : roles.value;
  const valueScore = carried ? 0.6 : roles.valueScore;
  const missing: string[] = [];
  if (valueCol === undefined) missing.push('指标值列（数值、百分比、日期或定性目标）');
  if (level3 === undefined && !level2) missing.push('三级指标名称列');
  // Confidence: dimension names (more distinct names, surer) combined with the value column's score.
  const dimensionScore = 1 - 0.5 ** names.size;
  const confidence = valueCol === undefined ? 0 : 1 - (1 - dimensionScore) * (1 - valueScore);
  const cell = toA1(firstData, fromCol);
  const targets = roles.value === undefined ? 0 : (profileColumns(cells, firstData, lastRow, roles.value, roles.value, [])[0]?.values ?? 0);
  const unsure = missing.length > 0 || confidence < 0.8;
  if ((lone && (unsure || targets < LONE_NAME_TARGETS)) || (headed !== null && unsure)) return null;
  // A 填报说明 naming each dimension beside what it measures (反映…) is a glossary, no grid: nothing to report.
  if (unsure && onlyDefinitions([...cells.filled(firstData, lastRow)].filter((c) => c.col >= rightOf))) return null;
  if (unsure) return { unreadable: { found, missing: missing.length > 0 ? missing : ['足以确定各列含义的内容'], cell } };
  const base: Omit<GridHeader, 'columns'> = {
    row: headerRows[0] ?? firstData,
    dataRow: firstData,
    operatorColumns: roles.operatorColumns,
    fromCol,
    toCol: cells.right,
    scope: null,
    evidence: { found, confidence },
    ...(tree ? { tree: true } : {}),
    ...(pairs ? { pairColumn: true as const } : {}),
    ...(carried ? { namesCarryTargets: true as const } : {}),
    ...(!level1 && blankLevel1 === undefined ? { deriveLevel1: true } : {}),
  };
  const columns = (value: number): GridHeader['columns'] => ({
    ...(level1 && !tree ? { level1: level1.col } : blankLevel1 !== undefined ? { level1: blankLevel1 } : {}),
    ...(level2 && !tree ? { level2: level2.col } : {}),
    ...(level3 !== undefined ? { level3 } : {}),
    value,
    ...(roles.unit !== undefined ? { unit: roles.unit } : {}),
    ...(roles.description !== undefined ? { description: roles.description } : {}),
  });
  if (roles.regions.length > 0) {
    const regions = roles.regions.map((r) => ({ ...base, columns: columns(r.col), region: r.name }));
    // The whole's column (全省) first, the table's own grid; its regions after it.
    const whole = roles.regions.some((r) => r.col === valueCol) ? [] : [{ ...base, columns: columns(valueCol!) }];
    return { headers: [...whole, ...regions] };
  }
  // Heads naming two periods over target columns (实施期目标 | 年度目标, a row read as labels above): one grid each.
  const heads = [...new Set([...headerRows, firstData - 1])].filter((r) => r >= fromRow);
  const taken = new Set([level3, roles.unit, roles.description, ...roles.operatorColumns].filter((c): c is number => c !== undefined));
  const periods = periodValueColumns(cells, heads, firstData, rightOf, cells.right, taken);
  if (periods) return { headers: periods.map((p) => ({ ...base, columns: columns(p.col), ...periodHeader(p) })) };
  return { headers: [{ ...base, columns: columns(valueCol!) }] };
}
