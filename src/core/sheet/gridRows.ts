/** Step 3, grid rows: the indicator rows under a located header, one table's grids top to bottom. */
import type { IndicatorRow } from '../model';
import { derivedLevel1, dimensionOf, dimensionPairOf, isLevel1Name, isLevel2Of, level1Home, numberingLevel, soleLevel2 } from './vocabulary';
import { fromA1, toA1 } from './address';
import { SheetCells } from './cells';
import type { Found } from './cells';
import { LABELS, NOTE_TEXT, SIGNATURE_TEXT, TOTAL_ROW_TEXT, matchUnitLabel, normalizeLabel } from './labels';
import type { GridYear, IndicatorRowRefs, IndicatorSlot, Unreadable } from './types';
import { locateByContent } from './contentLocate';
import { DEPARTMENT_LABEL_SET, PROJECT_NAME_LABELS, inlineValue, isAnyLabel } from './knownLabels';
import { GridHeader, MAX_BLANK_RUN, findGridHeaders } from './locate';
import { splitNamedTarget } from './namedTargets';
import { normaliseText, takeLeadingOperator, takeTrailingOperator } from '../values';
import { continuesGrid, headerlessGrid, isContinuationMark } from './gridsGoOn';
import { pageBreakAt } from './pageBreaks';
import { withWrappedRowsJoined } from './wrappedRows';
import { withCentredLevel1, withLevel1OverLevel2 } from './lostMerges';

/** Longer than any 一级 name with its weight (`产出指标（50分）`): the cell holds prose, not a dimension. */
export const MAX_DIMENSION_NAME = 24;

/** A row that ends the grid: another label (a second grid, a 年度目标 block) or a signature/approval line. */
export function endsGrid(cells: SheetCells, row: number, header: GridHeader): boolean {
  // 合计/总分 rows and prose (评价结论, 注：…) in the 一级 column close the grid.
  const level1 = header.columns.level1 === undefined ? '' : cells.shown(row, header.columns.level1).text;
  if (level1 && (TOTAL_ROW_TEXT.test(normalizeLabel(level1)) || normalizeLabel(level1).length > MAX_DIMENSION_NAME)) return true;
  // The 总分 row's label at the row's start, left of the 一级 column (in a 序号 column, its merge lost).
  const first = cells.rowOf(row).find((c) => !cells.covered(row, c.col));
  if (first && header.columns.level1 !== undefined && first.col < header.columns.level1 && TOTAL_ROW_TEXT.test(first.label)) return true;
  // A tree export's one column holds the 合计 row where a form has its 一级 column.
  const treeColumn = header.tree ? cells.shown(row, header.columns.level3 ?? header.fromCol).text : '';
  if (treeColumn && TOTAL_ROW_TEXT.test(normalizeLabel(treeColumn))) return true;
  for (const cell of cells.rowOf(row)) {
    if (cells.covered(row, cell.col)) continue;
    if (SIGNATURE_TEXT.test(cell.text) || NOTE_TEXT.test(cell.label)) return true;
    if (cell.col >= header.fromCol && cell.col <= header.toCol && isAnyLabel(cell)) return true;
  }
  return false;
}

export interface GridRead {
  indicators: Omit<IndicatorRow, 'parsed'>[];
  rowRefs: IndicatorRowRefs[];
  /** The first row after the grid (where a next grid or its goals may begin). */
  nextRow: number;
  /** Unused 二级 slots of a filled form, dropped from the indicators. */
  slots?: IndicatorSlot[];
}

/** An operator written in words or symbols in its own column (指标性质 of a flat export); null for 定性/定量 etc. */
export const OPERATOR_WORDS: ReadonlyMap<string, string> = new Map([
  ['≥', '≥'], ['>=', '≥'], ['＞＝', '≥'], ['大于等于', '≥'], ['不低于', '≥'], ['不少于', '≥'],
  ['≤', '≤'], ['<=', '≤'], ['＜＝', '≤'], ['小于等于', '≤'], ['不高于', '≤'], ['不超过', '≤'], ['不多于', '≤'],
  ['=', '='], ['＝', '='], ['等于', '='], ['>', '>'], ['＞', '>'], ['大于', '>'], ['<', '<'], ['＜', '<'], ['小于', '<'],
]);

export function operatorOf(text: string): string | null {
  return OPERATOR_WORDS.get(text.replace(/\s+/g, '')) ?? null;
}

/**
 * 指标方向 in words, as 一体化 exports print it: 正向 (more is better) is a floor, 反向 (less is better) a
 * ceiling. Weaker than a written operator (the corpus has 正向 beside 小于等于): read only where none is.
 */
const DIRECTION_WORDS: ReadonlyMap<string, string> = new Map([['正向', '≥'], ['正向指标', '≥'], ['反向', '≤'], ['反向指标', '≤']]);

export function directionOf(text: string): string | null {
  return DIRECTION_WORDS.get(text.replace(/\s+/g, '')) ?? null;
}

/** Whether a value writes its own bound (`≥95%`, `不低于95%`, `95%以上`): an operator column adds nothing to it. */
function statesOperator(value: string): boolean {
  const text = normaliseText(value).replace(/\s+/g, '');
  return takeLeadingOperator(text) !== null || takeTrailingOperator(text.replace(/[。.;；,，]+$/, '')) !== null;
}

/** A figure alone (`95`, `95%`), its unit in a 度量单位 column: what a direction word bounds. */
const BARE_FIGURE = /^\d+(?:\.\d+)?\s*[%％]?$/;

/**
 * The 指标值 as a reviewer reads it: the operator of an 指标性质 column put in front (`≥` + `95`); a direction
 * (正向 / 反向) only in front of a figure alone, never of a date or words.
 */
export function valueText(value: string, valueType: string): string {
  const operator = operatorOf(valueType);
  if (operator) return value && !statesOperator(value) ? `${operator}${value}` : value;
  const direction = directionOf(valueType);
  return direction && BARE_FIGURE.test(value.trim()) ? `${direction}${value.trim()}` : value;
}

/** Whether a row of the grid is blank in every grid column (a missing row is blank unless a merge covers it). */
export function blankRow(cells: SheetCells, row: number, gridColumns: readonly number[]): boolean {
  return gridColumns.every((c) => cells.shown(row, c).text === '');
}

/** Rows of the grid to visit after `row`: the next row when it has cells or merges, else the first filled row. */
export function nextGridRow(cells: SheetCells, row: number): { row: number; gap: boolean } | null {
  const next = row + 1;
  if (next > cells.bottom) return null;
  if (cells.rowOf(next).length > 0 || cells.rowHasMerge(next)) return { row: next, gap: false };
  const filled = cells.nextFilledRow(row);
  return filled === null ? null : { row: filled, gap: true };
}

/** Characters at the end of a 一级 name that a form repeats in each (`指标` of 投入指标 and 过程指标). */
const NAME_ENDING = 2;

/**
 * Blank rows inside a grid (a copy's spacer between 一级 blocks): the grid goes on at the next filled row
 * when it is near (MAX_BLANK_RUN) and names a dimension where the grid keeps its 一级 or 二级, or a 一级 of the
 * same kind as the one read before it (投入指标 after 过程指标 on a form no framework names); null otherwise.
 */
function resumesAfterBlank(cells: SheetCells, header: GridHeader, row: number, lastLevel1: string): number | null {
  const next = cells.nextFilledRow(row);
  if (next === null || next - row > MAX_BLANK_RUN + 1 || endsGrid(cells, next, header)) return null;
  const columns = header.tree ? [header.columns.level3 ?? header.fromCol] : [header.columns.level1, header.columns.level2];
  if (columns.some((c) => c !== undefined && !cells.covered(next, c) && dimensionOf(cells.shown(next, c).text) !== null)) return next;
  const level1Col = header.tree ? undefined : header.columns.level1;
  const level1 = level1Col === undefined || cells.covered(next, level1Col) ? '' : cells.shown(next, level1Col).text.trim();
  const sameKind = level1.length > NAME_ENDING && lastLevel1.length > NAME_ENDING && level1.slice(-NAME_ENDING) === lastLevel1.trim().slice(-NAME_ENDING);
  return sameKind ? next : null;
}

export function readGrid(cells: SheetCells, header: GridHeader): GridRead {
  const read: GridRead = { indicators: [], rowRefs: [], nextRow: header.dataRow };
  const gridColumns = Object.values(header.columns).filter((c): c is number => c !== undefined);
  const state: RowState = { lastLevel1: null, lastLevel2: null };
  let row = header.dataRow;
  if (row > cells.bottom) return read;
  if (cells.rowOf(row).length === 0 && !cells.rowHasMerge(row)) {
    const filled = cells.nextFilledRow(row);
    if (filled === null) return read;
    row = filled;
  }
  for (;;) {
    const pageBreak = read.indicators.length > 0 ? pageBreakAt(cells, header, row) : null;
    if (pageBreak) {
      if (pageBreak.resume === null) {
        row = cells.bottom + 1;
        break;
      }
      row = pageBreak.resume;
      continue;
    }
    if (endsGrid(cells, row, header)) break;
    if (!blankRow(cells, row, gridColumns)) readGridRow(cells, header, row, state, read);
    else if (read.indicators.length > 0) {
      const resumed = resumesAfterBlank(cells, header, row, state.lastLevel1?.text ?? '');
      if (resumed === null) break;
      row = resumed;
      continue;
    }
    const next = nextGridRow(cells, row);
    if (next === null) {
      row = cells.bottom + 1;
      break;
    }
    // Missing rows between two filled ones are blank rows: they end a grid that has begun, unless it resumes.
    if (next.gap && read.indicators.length > 0) {
      const resumed = resumesAfterBlank(cells, header, row, state.lastLevel1?.text ?? '');
      if (resumed === null) {
        row += 1;
        break;
      }
    }
    row = next.row;
  }
  read.nextRow = row;
  return header.tree ? read : withoutGroupRows(cells, header, withLevel1OverLevel2(cells, header, withCentredLevel1(cells, header, withWrappedRowsJoined(cells, header, read))));
}

/** The leading spaces of a cell as typed (full-width ones too): how far a form indents a name. */
function indentOf(cells: SheetCells, address: string, col: number | undefined): number {
  if (col === undefined || !address) return 0;
  const { row } = fromA1(address);
  const value = cells.shown(row, col).value;
  return typeof value === 'string' ? /^[\s\u3000]*/.exec(value)![0].length : 0;
}

/**
 * A 三级 with no target whose next rows, under the same 二级, are indented under it and carry the targets
 * (`★补助各类瓜果蔬菜种植面积` over `  梨树种植面积 6亩`, S43): a group of indicators, not one missing its value.
 */
function withoutGroupRows(cells: SheetCells, header: GridHeader, read: GridRead): GridRead {
  const { indicators, rowRefs } = read;
  const col = header.columns.level3;
  const group = indicators.map((row, i) => {
    const next = indicators[i + 1];
    if (!next || row.value || !row.level3 || !next.value || next.level2 !== row.level2) return false;
    return indentOf(cells, rowRefs[i + 1].level3, col) > indentOf(cells, rowRefs[i].level3, col);
  });
  if (!group.some(Boolean)) return read;
  return { ...read, indicators: indicators.filter((_, i) => !group[i]), rowRefs: rowRefs.filter((_, i) => !group[i]) };
}

export interface ReadGrid extends GridRead {
  header: GridHeader;
  /** The year of its column, on a grid of several year columns (yearColumns.ts). */
  year?: GridYear;
}

/** A title, 单位 line, department or 项目名称 between two grids: the lower grid belongs to another table. */
export function startsAnotherTable(cells: SheetCells, fromRow: number, toRow: number): boolean {
  for (const cell of cells.filled(fromRow, toRow)) {
    const { text, label } = cell;
    // `项目支出绩效目标表（续表）` carries the table above on.
    if (isContinuationMark(text)) continue;
    if (PROJECT_NAME_LABELS.has(label) || DEPARTMENT_LABEL_SET.has(label) || matchUnitLabel(text) !== null) return true;
    if (text.includes(LABELS.titleSuffix) || inlineValue(text, PROJECT_NAME_LABELS) !== null) return true;
  }
  return false;
}

/** The grids of one table, top to bottom, starting at fromRow; `next` is where another table begins (or null). */
export interface TableGrids {
  grids: ReadGrid[];
  next: number | null;
  /** Dimension names found but no grid read with confidence: what was found and what is missing. */
  unreadable?: Unreadable;
}

/**
 * The grids of one table from fromRow. `carried` is the header of the table above: a table printed without its
 * header row reads its rows under those columns. A grid under a 续表 mark carries on the grid read before it
 * (or, printed to the right above it, the first one read after it): its rows join that grid's.
 */
export function findTableGrids(cells: SheetCells, fromRow: number, carried: GridHeader | null = null): TableGrids {
  const grids: ReadGrid[] = [];
  const pending: ReadGrid[] = [];
  const goOn = (read: GridRead) => {
    const last = grids[grids.length - 1];
    grids[grids.length - 1] = { ...last, indicators: [...last.indicators, ...read.indicators], rowRefs: [...last.rowRefs, ...read.rowRefs] };
  };
  const done = (next: number | null, unreadable?: Unreadable): TableGrids => {
    // Continuations with no grid before them to carry on are grids of their own.
    if (grids.length === 0) for (const read of pending.splice(0)) grids.push(read);
    return { grids, next, ...(unreadable ? { unreadable } : {}) };
  };
  for (let from = fromRow; ; ) {
    let headers = findGridHeaders(cells, from);
    const above = grids[grids.length - 1]?.header ?? carried;
    const bare = above ? headerlessGrid(cells, above, from, (headers[0]?.row ?? cells.bottom + 1) - 1) : null;
    // Rows under a 续表 line carry the grid on; under another table's head, they are that table's.
    if (bare && grids.length > 0 && continuesGrid(cells, bare, from)) {
      const read = readGrid(cells, bare);
      goOn(read);
      // Past the row at least, even when a signature on it ends the grid at once.
      from = Math.max(read.nextRow, bare.row + 1);
      continue;
    }
    if (bare && grids.length > 0 && startsAnotherTable(cells, from, bare.row - 1)) return done(from);
    if (bare && grids.length === 0) headers = [bare];
    // No header row names the grid: find it by what the cells hold (only for a table's first grid).
    if (headers.length === 0 && grids.length === 0) {
      const byContent = locateByContent(cells, from);
      if (byContent && 'unreadable' in byContent) return done(null, byContent.unreadable);
      headers = byContent?.headers ?? [];
    }
    if (headers.length === 0) return done(null);
    if (grids.length > 0 && !continuesGrid(cells, headers[0]) && startsAnotherTable(cells, from, headers[0].row - 1)) return done(from);
    let nextRow = headers[0].row + 1;
    for (const header of headers) {
      const read = readGrid(cells, header);
      // Each header on the row for itself: a 续表 may stand beside the grid it carries on.
      const goesOn = continuesGrid(cells, header);
      if (goesOn && grids.length > 0) goOn(read);
      else if (goesOn) pending.push({ header, ...read });
      else {
        grids.push({ header, ...read });
        for (const early of pending.splice(0)) goOn(early);
      }
      nextRow = Math.max(nextRow, read.nextRow);
    }
    from = nextRow;
  }
}

/**
 * A form with no 一级 column whose 一级指标 column holds the 二级 (数量指标, 质量指标 …) and whose 二级指标
 * column holds the indicator names: every level moves one down, the 一级 taken from the 二级's home.
 */
export function withLevelsShifted(read: ReadGrid): ReadGrid {
  const rows = read.indicators;
  // 成本指标 is a 一级 in 101号 and a 二级 elsewhere: the shift needs a 一级 column of 二级-only names.
  if (rows.length === 0 || !rows.every((row) => !row.level1 || level1Home(row.level1) !== null)) return read;
  if (!rows.some((row) => row.level1 && !isLevel1Name(row.level1))) return read;
  if (read.header.columns.level3 !== undefined && rows.some((row) => row.level3)) return read;
  return {
    ...read,
    indicators: rows.map((row) => ({ ...row, level1: level1Home(row.level1) ?? '', level2: row.level1, level3: row.level2 })),
    rowRefs: read.rowRefs.map((refs) => ({ ...refs, level2: refs.level1, level3: refs.level2 })),
  };
}

/** A 三级 that names nothing: empty, or the dots a form prints for "and so on". */
const FILLER_NAME = /^[.…。·\s]*$/;

/**
 * A 二级 printed on a filled form with neither a 三级 name nor a value is an unused slot of the form, not an
 * indicator; on a form with nothing filled in, the slots stay (and are reported as unfilled).
 */
export function withoutUnusedSlots(read: ReadGrid): ReadGrid {
  // A 三级 of dots only (`……`, the form's "and so on" row, S24) names no indicator.
  const used = (row: GridRead['indicators'][number]) => !FILLER_NAME.test(row.level3) || row.value !== '';
  if (!read.indicators.some(used)) return read;
  const keep = read.indicators.map(used);
  const slots = read.indicators.flatMap(({ level1, level2 }, i) => (keep[i] ? [] : [{ level1, level2, refs: read.rowRefs[i] }]));
  return {
    ...read,
    indicators: read.indicators.filter((_, i) => keep[i]),
    rowRefs: read.rowRefs.filter((_, i) => keep[i]),
    ...(slots.length > 0 ? { slots } : {}),
  };
}

/** A 一级 cell that kept its weight but lost its name at the source (`(50分)`, `（20分）`; S24, S43). */
const WEIGHT_ONLY = /^[（(]?\d+(?:\.\d+)?分[)）]?$/;

/** Per-row state of a grid being read: a 一级/二级 merged or written once carries down. */
export interface RowState {
  lastLevel1: Found | null;
  lastLevel2: Found | null;
  /** In a tree export, what the last row read was: where a row stands tells a name no framework knows. */
  lastTreeRow?: 'level1' | 'level2' | 'indicator';
}

/**
 * A tree export's level row: the one indented column holds 一级, 二级 and 三级 in turn; a 一级 or 二级 name
 * (by the vocabulary, or by numbering 一、/（一）) sets the level and is no indicator.
 */
function treeLevelRow(cells: SheetCells, header: GridHeader, row: number, state: RowState): boolean {
  const column = header.columns.level3 ?? header.fromCol;
  const found = cells.shown(row, column);
  // A row with a target is an indicator, whatever its name (服务对象满意度 is also a 二级's name).
  const level = !found.text || hasTarget(cells, header, row) ? null : treeLevel(cells, header, column, row, found.text, state);
  if (level === 1) {
    state.lastLevel1 = found;
    state.lastLevel2 = null;
  } else if (level === 2) {
    state.lastLevel2 = found;
    if (!state.lastLevel1) state.lastLevel1 = { ...found, text: level1Home(found.text) ?? '' };
  }
  state.lastTreeRow = level === 1 ? 'level1' : level === 2 ? 'level2' : 'indicator';
  return level !== null;
}

/** Whether a tree row holds a target in the value column. */
function hasTarget(cells: SheetCells, header: GridHeader, row: number): boolean {
  return header.columns.value !== undefined && cells.shown(row, header.columns.value).text !== '';
}

/**
 * The level of a name with no target that neither the vocabulary nor a numbering tells, from where it stands:
 * a tree prints each 一级, then its 二级, then the indicators under them. A name opening the tree above a
 * row with no target (another level) is a 一级 (制度指标, S36); a name right under a 一级 with indicators
 * following is that 一级's 二级. Anywhere else it is an indicator whose target was left blank.
 */
function levelByPlace(cells: SheetCells, header: GridHeader, column: number, row: number, state: RowState): 1 | 2 | null {
  const next = cells.nextFilledRow(row);
  if (next === null || endsGrid(cells, next, header)) return null;
  const nextText = cells.shown(next, column).text;
  const nextLevel = numberingLevel(nextText) ?? dimensionOf(nextText)?.level ?? null;
  if (state.lastTreeRow === undefined) return !hasTarget(cells, header, next) && nextLevel !== 1 ? 1 : null;
  if (state.lastTreeRow === 'level1') return nextLevel === null || nextLevel === 3 ? 2 : null;
  return null;
}

/**
 * The level of a tree row: numbering first (一、 / （一） / 1.); else the vocabulary; else its place. A name
 * that is a 一级 in one framework and a 二级 of the current 一级 in another (成本指标 under 产出, 满意度 under
 * 效益) is a 一级 when the next row is a level row too (a dimension name with no target), a 二级 when
 * indicators follow it (社会成本指标 | 100 is an indicator named like a 101号 二级).
 */
function treeLevel(cells: SheetCells, header: GridHeader, column: number, row: number, text: string, state: RowState): 1 | 2 | null {
  const numbered = numberingLevel(text);
  if (numbered !== null) return numbered === 3 ? null : numbered;
  const named = dimensionOf(text);
  if (!named) return levelByPlace(cells, header, column, row, state);
  const under = state.lastLevel1?.text ?? '';
  if (named.level !== 1 || !under || !isLevel2Of(under, text)) return named.level;
  const next = cells.nextFilledRow(row);
  return next !== null && !hasTarget(cells, header, next) && dimensionOf(cells.shown(next, column).text) ? 1 : 2;
}

/** Whether two columns of a row lie in one merged cell. */
function oneCellWith(cells: SheetCells, row: number, a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined || a === b) return false;
  const area = cells.merge(row, a);
  return area !== undefined && b >= area.start.col && b <= area.end.col;
}

/**
 * One level of a cell holding a 一级 and its 二级 together (`产出指标-数量指标`); a cell holding one name
 * alone gives it to its level, and a 二级 alone also gives its 一级.
 */
function pairPart(found: Found | null, level: 1 | 2): Found | null {
  if (!found?.text) return found;
  const pair = dimensionPairOf(found.text);
  if (pair) return { ...found, text: level === 1 ? pair.level1 : pair.level2 };
  const own = dimensionOf(found.text)?.level === 1 && isLevel1Name(found.text) ? 1 : 2;
  if (level === own) return found;
  return { ...found, text: level === 1 ? (derivedLevel1(found.text) ?? '') : (soleLevel2(found.text) ?? '') };
}

/**
 * The 二级 of a grid with no 一级 column: as written, except a 一级 name standing for its one 二级 (满意度指标
 * in a 二级 column of 数量指标, 质量指标 … means 服务对象满意度指标).
 */
function derivedLevel2(found: Found): Found {
  const level1 = derivedLevel1(found.text);
  const sole = level1 !== null && dimensionOf(level1)?.name === dimensionOf(found.text)?.name ? soleLevel2(level1) : null;
  return sole ? { ...found, text: sole } : found;
}

/** Reads one row of a grid into `into`; returns false when the row holds no indicator. */
export function readGridRow(cells: SheetCells, header: GridHeader, row: number, state: RowState, into: GridRead): boolean {
  const col = header.columns;
  const shown = (c: number | undefined): Found | null => (c === undefined ? null : cells.shown(row, c));
  const blank = (c: number | undefined): Found | null => (c === undefined ? null : { text: '', value: null, address: toA1(row, c) });
  if (header.tree && treeLevelRow(cells, header, row, state)) return false;
  let level1 = header.tree ? state.lastLevel1 : header.pairColumn ? pairPart(shown(col.level1), 1) : shown(col.level1);
  // A 二级 name alone in the 一级 column (a form whose 一级 column holds the 二级, withLevelsShifted) is
  // that 二级 printed with its indicator name and value still to fill: a slot, as an empty 三级 is elsewhere.
  const level2InLevel1Column = !header.tree && !!level1?.text && level1Home(level1.text) !== null && !isLevel1Name(level1.text);
  if (level1?.text) state.lastLevel1 = level1;
  else level1 = state.lastLevel1 ?? level1;
  let level3 = shown(col.level3);
  // One cell over the 三级 and 指标值 columns (an aim stated in prose, S32) is a name with no target beside it.
  let value = oneCellWith(cells, row, col.level3, col.value) ? blank(col.value) : shown(col.value);
  // Names carrying their targets: the target after the name; a cell with none states its aim as its target.
  if (header.namesCarryTargets && level3?.text) {
    const split = splitNamedTarget(level3.text);
    if (split) [level3, value] = [{ ...level3, text: split.name }, { ...level3, text: split.value }];
  }
  let level2 = header.tree ? state.lastLevel2 : header.pairColumn ? pairPart(shown(col.level2), 2) : shown(col.level2);
  if (level2?.text) state.lastLevel2 = level2;
  else if (level3?.text || value?.text) level2 = state.lastLevel2 ?? level2;
  if (!level2?.text && !level3?.text && !value?.text && !level2InLevel1Column) return false;
  // A 一级 of a weight alone is the 一级 its 二级 belongs to, pointed at by its own cell.
  if (level1 && WEIGHT_ONLY.test(level1.text.replace(/\s+/g, '')) && level2?.text) level1 = { ...level1, text: level1Home(level2.text) ?? level1.text };
  // No 一级 column: the 一级 is the 二级's home, pointed at by the 二级's cell.
  if (header.deriveLevel1 && level2?.text && !level1?.text) {
    level1 = { text: derivedLevel1(level2.text) ?? '', value: null, address: level2.address };
    level2 = derivedLevel2(level2);
  } else if (level1?.text && level2?.text && dimensionOf(level2.text)?.name === dimensionOf(level1.text)?.name) {
    // A 一级 printed again in the 二级 column (its merge over both split, each piece repeating it).
    level2 = derivedLevel2(level2);
  }
  const description = shown(col.description);
  const unit = shown(col.unit);
  const operatorCells = header.operatorColumns.map((c) => cells.shown(row, c));
  // A written operator (指标方向 大于等于) wins over a direction (指标性质 正向) on the same row.
  const operatorCell = operatorCells.find((cell) => operatorOf(cell.text) !== null) ?? operatorCells.find((cell) => directionOf(cell.text) !== null);
  const ownValue = value?.text ?? '';
  const read = valueText(ownValue, operatorCell?.text ?? '');
  into.indicators.push({
    level1: level1?.text ?? '',
    level2: level2?.text ?? '',
    level3: level3?.text ?? '',
    description: description?.text ?? '',
    value: read,
    unit: unit?.text ? unit.text : null,
  });
  into.rowRefs.push({
    level1: (level1 ?? blank(col.level1))?.address ?? '',
    level2: (level2 ?? blank(col.level2))?.address ?? '',
    level3: (level3 ?? blank(col.level3))?.address ?? '',
    description: description?.address ?? null,
    value: (value ?? blank(col.value))?.address ?? '',
    unit: unit?.address ?? null,
    ...(operatorCell && read !== ownValue ? { operator: operatorCell.address } : {}),
  });
  return true;
}
