/**
 * Reader: a CellGrid → the 绩效目标表 on it, found by its labels (never by fixed addresses), with the
 * A1 address of every value. Pure.
 */
import type { AmountUnit, Department, FrameworkName, IndicatorRow, PerformanceTable } from '../model';
import { detectFramework } from '../frameworks';
import { compactText, convertMoney, parseRowValue } from '../values';
import { parseRange, toA1 } from './address';
import type { RangePosition } from './address';
import {
  ALL_GRID_LABELS,
  ALL_HEADER_LABELS,
  DEPARTMENT_LABELS,
  EXTRA_FIELD_LABELS,
  GRID_COLUMN_LABELS,
  GRID_SCOPE_LABELS,
  GROUP_LABELS,
  HEADER_FIELD_LABELS,
  LABELS,
  PROJECT_TOTAL_LABELS,
  REQUIRED_GRID_COLUMNS,
  labelScope,
  matchUnitLabel,
  normalizeLabel,
} from './labels';
import type { GridColumn, HeaderField } from './labels';
import type { CellGrid, CellValue, GridScope, HeaderAmount, IndicatorRowRefs, OtherGrid, SheetTable, TableRefs } from './types';

export interface ReadSheetOptions {
  /** Force a framework instead of detecting it from the 一级 names. */
  framework?: FrameworkName;
}

const DEFAULT_UNIT: AmountUnit = '万元';
const INLINE_DEPARTMENT_LABEL = '单位';
/** Header fields read as a block: their value may sit below the label instead of beside it. */
const BLOCK_FIELDS: readonly HeaderField[] = ['purpose', 'goals'];
const PROJECT_NAME_LABELS: ReadonlySet<string> = new Set(HEADER_FIELD_LABELS.projectName);
/** Labels that may carry their value in the same cell (`项目名称：…`). */
const INLINE_LABELS: ReadonlySet<string> = new Set([...EXTRA_FIELD_LABELS, ...DEPARTMENT_LABELS, ...PROJECT_NAME_LABELS, INLINE_DEPARTMENT_LABEL]);

interface Found {
  text: string;
  value: CellValue;
  address: string;
}

interface FilledCell extends Found {
  row: number;
  col: number;
}

type Position = readonly [row: number, col: number];

/** Cell access in sheet coordinates, aware of merged areas. */
class SheetCells {
  readonly bottom: number;
  readonly right: number;
  private readonly mergeAt = new Map<string, RangePosition>();

  constructor(private readonly grid: CellGrid) {
    this.bottom = grid.top + grid.values.length - 1;
    this.right = grid.left + grid.values.reduce((max, row) => Math.max(max, row.length), 0) - 1;
    for (const range of grid.merges) {
      const area = parseRange(range);
      for (let r = area.start.row; r <= area.end.row; r++) {
        for (let c = area.start.col; c <= area.end.col; c++) this.mergeAt.set(`${r},${c}`, area);
      }
    }
  }

  get top(): number {
    return this.grid.top;
  }

  get left(): number {
    return this.grid.left;
  }

  raw(row: number, col: number): CellValue {
    return this.grid.values[row - this.grid.top]?.[col - this.grid.left] ?? null;
  }

  text(row: number, col: number): string {
    return cellText(this.raw(row, col));
  }

  merge(row: number, col: number): RangePosition | undefined {
    return this.mergeAt.get(`${row},${col}`);
  }

  /** A cell inside a merged area but not its top-left: it holds nothing of its own. */
  covered(row: number, col: number): boolean {
    const area = this.merge(row, col);
    return area !== undefined && (area.start.row !== row || area.start.col !== col);
  }

  /** The cell's own value and address. */
  at(row: number, col: number): Found {
    const value = this.raw(row, col);
    return { text: cellText(value), value, address: toA1(row, col) };
  }

  /** The value shown at a cell: a merged area's top-left value, with that cell's address. */
  shown(row: number, col: number): Found {
    const area = this.merge(row, col);
    return area ? this.at(area.start.row, area.start.col) : this.at(row, col);
  }

  /** Non-blank cells holding their own value in rows fromRow..toRow, row by row, left to right. */
  *filled(fromRow: number, toRow: number): Generator<FilledCell> {
    for (let row = fromRow; row <= toRow; row++) {
      for (let col = this.left; col <= this.right; col++) {
        if (this.covered(row, col)) continue;
        const found = this.at(row, col);
        if (found.text) yield { ...found, row, col };
      }
    }
  }
}

function* rightwards(row: number, fromCol: number, toCol: number): Generator<Position> {
  for (let col = fromCol; col <= toCol; col++) yield [row, col];
}

function* downwards(col: number, fromRow: number, toRow: number): Generator<Position> {
  for (let row = fromRow; row <= toRow; row++) yield [row, col];
}

function cellText(value: CellValue): string {
  if (value === null) return '';
  return String(value).trim();
}

function isHeaderLabel(text: string): boolean {
  const label = normalizeLabel(text);
  return ALL_HEADER_LABELS.has(label) || matchUnitLabel(text) !== null;
}

function isAnyLabel(text: string): boolean {
  return isHeaderLabel(text) || ALL_GRID_LABELS.has(normalizeLabel(text));
}

interface GridHeader {
  row: number;
  columns: Partial<Record<GridColumn, number>>;
}

/** The first indicator grid header row at or below fromRow. */
function findGridHeader(cells: SheetCells, fromRow: number): GridHeader | null {
  for (let row = fromRow; row <= cells.bottom; row++) {
    const columns: Partial<Record<GridColumn, number>> = {};
    for (let col = cells.left; col <= cells.right; col++) {
      const label = normalizeLabel(cells.text(row, col));
      if (!label) continue;
      for (const [column, forms] of Object.entries(GRID_COLUMN_LABELS) as [GridColumn, readonly string[]][]) {
        if (columns[column] === undefined && forms.includes(label)) columns[column] = col;
      }
    }
    if (REQUIRED_GRID_COLUMNS.every((column) => columns[column] !== undefined)) return { row, columns };
  }
  return null;
}

/** `label：value` in one cell, for known labels. */
function inlineValue(text: string, labels: ReadonlySet<string>): { label: string; value: string } | null {
  const match = /^([^：:]+)[：:](.+)$/s.exec(text.trim());
  if (!match) return null;
  const label = normalizeLabel(match[1]);
  return labels.has(label) ? { label, value: match[2].trim() } : null;
}

/** The first non-blank cell along the positions: its value, 'label' when a label comes first, or null. */
function firstFilled(cells: SheetCells, positions: Iterable<Position>): Found | 'label' | null {
  for (const [row, col] of positions) {
    if (cells.covered(row, col)) continue;
    const found = cells.at(row, col);
    if (found.text) return isAnyLabel(found.text) ? 'label' : found;
  }
  return null;
}

/**
 * The value of the label at (row, col): the nearest non-blank cell to its right that is not a label
 * (a label first means the field is blank); for block fields, else the nearest below.
 */
function valueOf(cells: SheetCells, row: number, col: number, lastRow: number, block: boolean): Found | null {
  const own = cells.merge(row, col);
  const startCol = own ? own.end.col + 1 : col + 1;
  // A blank field still has a place: the cell beside its label, where rules can point.
  const expected: Found | null = startCol <= cells.right ? { ...cells.shown(row, startCol), text: '', value: null } : null;
  let found = firstFilled(cells, rightwards(row, startCol, cells.right));
  if (found === null && block) found = firstFilled(cells, downwards(col, own ? own.end.row + 1 : row + 1, lastRow));
  return found === null || found === 'label' ? expected : found;
}

/** `292.00`, `292万元`, `2,920,000元`, a number cell → the amount in the table's unit; null if none. */
export function readAmount(value: CellValue, tableUnit: AmountUnit): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const match = /^([+-]?\d+(?:\.\d+)?)(\D*)$/.exec(compactText(value).replace(/,/g, ''));
  // convertMoney answers null for a unit that is not money.
  return match ? convertMoney(Number(match[1]), match[2] || tableUnit, tableUnit) : null;
}

/** `343101天津市司法局装备财务处` → code and name. */
export function splitDepartment(text: string): Department {
  const match = /^(\d{3,})\s*(.*)$/s.exec(text.trim());
  return match ? { code: match[1], name: match[2].trim() } : { code: '', name: text.trim() };
}

interface HeaderBlock {
  fields: Partial<Record<HeaderField, Found>>;
  extraFields: Record<string, string>;
  /** Where each extra field's value was read. */
  extraRefs: Record<string, string>;
  unit: { unit: AmountUnit; address: string } | null;
  department: Found | null;
  title: Found | null;
}

function readHeaderBlock(cells: SheetCells, headerRow: number): HeaderBlock {
  const fields: Partial<Record<HeaderField, Found>> = {};
  const extraFields: Record<string, string> = {};
  const extraRefs: Record<string, string> = {};
  const used = new Set<string>();
  let unit: HeaderBlock['unit'] = null;
  let department: Found | null = null;
  let firstLabelRow = headerRow;
  let budgetBlock: { row: number; lastRow: number } | null = null;
  const lastRow = headerRow - 1;
  const take = (found: Found | null): Found | null => {
    if (found) used.add(found.address);
    return found;
  };

  for (const cell of cells.filled(cells.top, lastRow)) {
    const { row, col, text, address } = cell;
    const label = normalizeLabel(text);
    const tableUnit = matchUnitLabel(text);
    const inline = tableUnit ? null : inlineValue(text, INLINE_LABELS);
    const known = tableUnit !== null || inline !== null || ALL_HEADER_LABELS.has(label);
    if (!known) continue;
    firstLabelRow = Math.min(firstLabelRow, row);
    used.add(address);
    const valueBeside = (block: boolean): Found | null => take(valueOf(cells, row, col, lastRow, block));

    const field = (Object.entries(HEADER_FIELD_LABELS) as [HeaderField, readonly string[]][]).find(([, forms]) => forms.includes(label))?.[0];
    if (tableUnit) {
      unit ??= { unit: tableUnit, address };
      department ??= departmentOnRow(cells, row, col);
    } else if (field) {
      if (!fields[field]?.text) {
        const found = valueBeside(BLOCK_FIELDS.includes(field));
        if (found) fields[field] = found;
      }
    } else if (EXTRA_FIELD_LABELS.includes(label)) {
      const found = valueBeside(false);
      if (found?.text && !(label in extraFields)) {
        extraFields[label] = found.text;
        extraRefs[label] = found.address;
      }
    } else if (DEPARTMENT_LABELS.includes(label)) {
      const found = valueBeside(false);
      if (found?.text) department = found;
    } else if (GROUP_LABELS.includes(label)) {
      const area = cells.merge(row, col);
      if (label === LABELS.budgetBlock) budgetBlock = { row, lastRow: area ? area.end.row : row + 1 };
    } else if (inline) {
      // `单位：天津市司法局` (not a money unit, handled above) names the department.
      const found = { text: inline.value, value: inline.value, address };
      if (DEPARTMENT_LABELS.includes(inline.label) || inline.label === INLINE_DEPARTMENT_LABEL) department = found;
      else if (HEADER_FIELD_LABELS.projectName.includes(inline.label)) fields.projectName ??= found;
      else if (!(inline.label in extraFields)) {
        extraFields[inline.label] = inline.value;
        extraRefs[inline.label] = address;
      }
    }
  }

  if (department) used.add(department.address);
  // 资金用途 often has no label of its own: the text cell on the budget block's last rows (amounts are taken).
  if (!fields.purpose?.text && budgetBlock) {
    for (const cell of cells.filled(budgetBlock.row, Math.min(budgetBlock.lastRow, lastRow))) {
      if (used.has(cell.address) || isAnyLabel(cell.text) || readAmount(cell.value, DEFAULT_UNIT) !== null) continue;
      fields.purpose = cell;
      used.add(cell.address);
      break;
    }
  }

  return { fields, extraFields, extraRefs, unit, department, title: findTitle(cells, firstLabelRow, used) };
}

/** The department on the 单位 line: the nearest text cell left of `单位：万元`, else right of it. */
function departmentOnRow(cells: SheetCells, row: number, unitCol: number): Found | null {
  const candidates: number[] = [];
  for (let c = unitCol - 1; c >= cells.left; c--) candidates.push(c);
  for (let c = unitCol + 1; c <= cells.right; c++) candidates.push(c);
  for (const col of candidates) {
    if (cells.covered(row, col)) continue;
    const found = cells.at(row, col);
    if (found.text && !isAnyLabel(found.text) && !found.text.includes(LABELS.titleSuffix)) return found;
  }
  return null;
}

/** The title: a text above the first label, preferring one that names a 绩效目标表. */
function findTitle(cells: SheetCells, firstLabelRow: number, used: Set<string>): Found | null {
  let first: Found | null = null;
  for (const cell of cells.filled(cells.top, firstLabelRow - 1)) {
    if (used.has(cell.address) || isAnyLabel(cell.text)) continue;
    if (cell.text.includes(LABELS.titleSuffix)) return cell;
    first ??= cell;
  }
  return first;
}

/** Runs once per grid row, so it reads texts only (no addresses). */
function rowHasLabel(cells: SheetCells, row: number): boolean {
  for (let col = cells.left; col <= cells.right; col++) if (!cells.covered(row, col) && isAnyLabel(cells.text(row, col))) return true;
  return false;
}

interface GridRead {
  indicators: Omit<IndicatorRow, 'parsed'>[];
  rowRefs: IndicatorRowRefs[];
  /** The first row after the grid (where a next grid or its goals may begin). */
  nextRow: number;
}

function readGrid(cells: SheetCells, header: GridHeader): GridRead {
  const indicators: GridRead['indicators'] = [];
  const rowRefs: IndicatorRowRefs[] = [];
  const col = header.columns;
  const gridColumns = Object.values(col).filter((c): c is number => c !== undefined);
  let lastLevel1: Found | null = null;
  let lastLevel2: Found | null = null;
  const blank = (row: number, c: number | undefined): Found | null => (c === undefined ? null : { text: '', value: null, address: toA1(row, c) });

  let row = header.row + 1;
  for (; row <= cells.bottom; row++) {
    // Another label on the row (a second grid, a 年度目标 block) ends the grid.
    if (rowHasLabel(cells, row)) break;
    const shown = (c: number | undefined): Found | null => (c === undefined ? null : cells.shown(row, c));
    if (gridColumns.every((c) => shown(c)?.text === '')) {
      if (indicators.length > 0) break;
      continue;
    }
    let level1 = shown(col.level1);
    if (level1?.text) lastLevel1 = level1;
    else level1 = lastLevel1 ?? level1;
    const level3 = shown(col.level3);
    const value = shown(col.value);
    let level2 = shown(col.level2);
    if (level2?.text) lastLevel2 = level2;
    else if (level3?.text || value?.text) level2 = lastLevel2 ?? level2;
    if (!level2?.text && !level3?.text && !value?.text) continue;
    const description = shown(col.description);
    const unit = shown(col.unit);
    indicators.push({
      level1: level1?.text ?? '',
      level2: level2?.text ?? '',
      level3: level3?.text ?? '',
      description: description?.text ?? '',
      value: value?.text ?? '',
      unit: unit?.text ? unit.text : null,
    });
    rowRefs.push({
      level1: (level1 ?? blank(row, col.level1))?.address ?? '',
      level2: (level2 ?? blank(row, col.level2))?.address ?? '',
      level3: (level3 ?? blank(row, col.level3))?.address ?? '',
      description: description?.address ?? null,
      value: (value ?? blank(row, col.value))?.address ?? '',
      unit: unit?.address ?? null,
    });
  }
  return { indicators, rowRefs, nextRow: row };
}

interface ReadGrid extends GridRead {
  header: GridHeader;
}

/** A title, 单位 line, department or 项目名称 between two grids: the lower grid belongs to another table. */
function startsAnotherTable(cells: SheetCells, fromRow: number, toRow: number): boolean {
  for (const { text } of cells.filled(fromRow, toRow)) {
    const label = normalizeLabel(text);
    if (HEADER_FIELD_LABELS.projectName.includes(label) || DEPARTMENT_LABELS.includes(label) || matchUnitLabel(text) !== null) return true;
    if (text.includes(LABELS.titleSuffix) || inlineValue(text, PROJECT_NAME_LABELS) !== null) return true;
  }
  return false;
}

/**
 * Every indicator grid of the sheet's table, top to bottom; each search starts where the previous grid
 * ended, and stops where another table begins.
 */
function findGrids(cells: SheetCells): ReadGrid[] {
  const grids: ReadGrid[] = [];
  for (let from = cells.top; ; ) {
    const header = findGridHeader(cells, from);
    if (!header || (grids.length > 0 && startsAnotherTable(cells, from, header.row - 1))) return grids;
    const read = readGrid(cells, header);
    grids.push({ header, ...read });
    from = Math.max(read.nextRow, header.row + 1);
  }
}

/** A label saying which grid follows: a goals label (with its text) or a grid name such as 年度绩效指标. */
interface ScopeMark {
  scope: GridScope | null;
  /** The goals text of a goals label; null for a grid name. */
  goals: Found | null;
}

const GOALS_LABELS: readonly string[] = HEADER_FIELD_LABELS.goals;

/** Goals labels and grid names in rows fromRow..header row, in reading order. */
function scopeMarks(cells: SheetCells, fromRow: number, headerRow: number): ScopeMark[] {
  const marks: ScopeMark[] = [];
  for (const cell of cells.filled(fromRow, headerRow)) {
    const label = normalizeLabel(cell.text);
    if (GOALS_LABELS.includes(label) && cell.row < headerRow) {
      marks.push({ scope: labelScope(label), goals: valueOf(cells, cell.row, cell.col, headerRow - 1, true) });
    } else if (GRID_SCOPE_LABELS.includes(label)) {
      marks.push({ scope: labelScope(label), goals: null });
    }
  }
  return marks;
}

/**
 * A grid's stated scope: its own name (年度绩效指标) first; else the goals labels above it when they agree
 * (goals printed side by side for both grids say nothing about the one below).
 */
function statedScope(marks: readonly ScopeMark[]): GridScope | null {
  const named = marks.filter((m) => m.goals === null && m.scope !== null);
  if (named.length > 0) return named[named.length - 1].scope;
  const scopes = new Set(marks.filter((m) => m.goals !== null && m.scope !== null).map((m) => m.scope));
  return scopes.size === 1 ? [...scopes][0] : null;
}

interface ScopedGrid extends ReadGrid {
  scope: GridScope;
  goals: Found | null;
}

/**
 * Scopes and goals of two or more grids. Unstated scopes: overall when another grid is the annual one, else
 * the last unstated grid is annual (forms print 总体目标 before 年度目标). Goals: the nearest goals label
 * above the grid (after the previous grid) that fits its scope, else an unclaimed one of its scope anywhere above.
 */
function scopeGrids(cells: SheetCells, grids: readonly ReadGrid[]): ScopedGrid[] {
  const marks = grids.map((grid, i) => scopeMarks(cells, i === 0 ? cells.top : grids[i - 1].nextRow, grid.header.row));
  const stated = marks.map(statedScope);
  const annualStated = stated.includes('annual');
  const lastUnstated = stated.lastIndexOf(null);
  const scopes: GridScope[] = stated.map((scope, i) => scope ?? (!annualStated && i === lastUnstated ? 'annual' : 'overall'));
  const claimed = new Set<ScopeMark>();
  const fits = (mark: ScopeMark, scope: GridScope) => mark.goals !== null && !claimed.has(mark) && (mark.scope ?? scope) === scope;
  const goals: (ScopeMark | undefined)[] = marks.map((own, i) => {
    const mark = [...own].reverse().find((m) => fits(m, scopes[i]));
    if (mark) claimed.add(mark);
    return mark;
  });
  scopes.forEach((scope, i) => {
    if (goals[i]) return;
    const above = marks.slice(0, i + 1).flat();
    const mark = above.find((m) => fits(m, scope) && m.scope === scope) ?? above.find((m) => fits(m, scope));
    if (mark) claimed.add(mark);
    goals[i] = mark;
  });
  return grids.map((grid, i) => ({ ...grid, scope: scopes[i], goals: goals[i]?.goals ?? null }));
}

/** The first project-total field of the header, as an amount in the table's unit. */
function projectTotalOf(block: HeaderBlock, tableUnit: AmountUnit): HeaderAmount | undefined {
  for (const label of PROJECT_TOTAL_LABELS) {
    const text = block.extraFields[label];
    const amount = text === undefined ? null : readAmount(text, tableUnit);
    if (amount !== null) return { amount, label, address: block.extraRefs[label] ?? null };
  }
  return undefined;
}

/** Reads the 绩效目标表 on a sheet; null when the sheet has no indicator grid (一级/二级/三级指标, 指标值). */
export function readSheet(grid: CellGrid, options: ReadSheetOptions = {}): SheetTable | null {
  const cells = new SheetCells(grid);
  const grids = findGrids(cells);
  if (grids.length === 0) return null;
  const block = readHeaderBlock(cells, grids[0].header.row);
  const tableUnit = block.unit?.unit ?? DEFAULT_UNIT;
  const { fields } = block;
  const amount = (field: Found | undefined) => (field ? readAmount(field.value, tableUnit) : null);
  const parsedRows = (read: GridRead): IndicatorRow[] => read.indicators.map((row) => ({ ...row, parsed: parseRowValue(row, tableUnit) }));

  // One grid is the annual one with the header's goals; with more, the annual grid is the table's.
  const scoped = grids.length > 1 ? scopeGrids(cells, grids) : null;
  const annual = scoped ? (scoped.find((g) => g.scope === 'annual') ?? scoped[scoped.length - 1]) : null;
  const main = annual ?? grids[0];
  const goals = annual ? annual.goals : (fields.goals ?? null);
  const otherGrids: OtherGrid[] | undefined = scoped
    ?.filter((g) => g !== main)
    .map((g) => ({
      scope: g.scope,
      goals: g.goals?.text ?? '',
      goalsRef: g.goals?.address ?? null,
      indicatorHeader: toA1(g.header.row, g.header.columns.level1 ?? cells.left),
      indicators: parsedRows(g),
      rowRefs: g.rowRefs,
    }));

  const indicators = parsedRows(main);
  const extraTotal = block.extraFields['年度资金总额'];
  const table: PerformanceTable = {
    title: block.title?.text ?? '',
    department: block.department ? splitDepartment(block.department.text) : { code: '', name: '' },
    unit: tableUnit,
    projectName: fields.projectName?.text ?? '',
    budget: {
      // A sheet with only 年度资金总额 states its total there.
      total: fields.budgetTotal ? amount(fields.budgetTotal) : extraTotal !== undefined ? readAmount(extraTotal, tableUnit) : null,
      fiscal: amount(fields.budgetFiscal),
      other: amount(fields.budgetOther),
    },
    purpose: fields.purpose?.text ?? '',
    goals: goals?.text ?? '',
    indicators,
    extraFields: block.extraFields,
  };
  const refs: TableRefs = {
    title: block.title?.address ?? null,
    department: block.department?.address ?? null,
    unit: block.unit?.address ?? null,
    projectName: fields.projectName?.address ?? null,
    budgetTotal: fields.budgetTotal?.address ?? null,
    budgetFiscal: fields.budgetFiscal?.address ?? null,
    budgetOther: fields.budgetOther?.address ?? null,
    purpose: fields.purpose?.address ?? null,
    goals: goals?.address ?? null,
    indicatorHeader: toA1(main.header.row, main.header.columns.level1 ?? cells.left),
  };
  const level1Names = [indicators, ...(otherGrids ?? []).map((g) => g.indicators)].flat().map((row) => row.level1);
  const framework = options.framework ?? detectFramework(level1Names);
  const sheet: SheetTable = { sheetName: grid.sheetName, table, framework, refs, rowRefs: main.rowRefs };
  if (otherGrids) sheet.otherGrids = otherGrids;
  const projectTotal = projectTotalOf(block, tableUnit);
  if (projectTotal) sheet.projectTotal = projectTotal;
  return sheet;
}
