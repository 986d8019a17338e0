/**
 * Reader: a CellGrid → the 绩效目标表 on it, found by its labels (never by fixed addresses), with the
 * A1 address of every value. Pure. A sheet may hold several tables (a flat 预算管理一体化 export lists many
 * projects); a sheet that looks like a 绩效目标表 but cannot be read fully is reported, never dropped.
 */
import type { AmountUnit, Department, FrameworkName, IndicatorRow, PerformanceTable } from '../model';
import { detectFrameworkOfRows, FRAMEWORK_LIST, findLevel1, findLevel2Anywhere } from '../frameworks';
import { compactText, convertMoney, parseRowValue } from '../values';
import { toA1 } from './address';
import { readAmount } from './amount';
import { SheetCells } from './cells';
import { shownAndStored } from './shown';
import type { FilledCell, Found } from './cells';
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
  LEVEL3_FALLBACK_LABELS,
  PROJECT_TOTAL_LABELS,
  REQUIRED_GRID_COLUMNS,
  NOTE_TEXT,
  SIGNATURE_TEXT,
  TARGET_SUBHEADER,
  TOTAL_ROW_TEXT,
  labelScope,
  matchUnitLabel,
  normalizeLabel,
  splitLabelUnit,
} from './labels';
import type { GridColumn, HeaderField } from './labels';
import type { CellGrid, CellValue, GridScope, HeaderAmount, IndicatorRowRefs, IndicatorSlot, OtherGrid, SheetRead, SheetTable, TableRefs, Unreadable } from './types';

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
const INLINE_LABELS: ReadonlySet<string> = new Set([
  ...EXTRA_FIELD_LABELS,
  ...DEPARTMENT_LABELS,
  ...PROJECT_NAME_LABELS,
  INLINE_DEPARTMENT_LABEL,
  ...HEADER_FIELD_LABELS.budgetTotal,
  ...HEADER_FIELD_LABELS.budgetFiscal,
  ...HEADER_FIELD_LABELS.budgetOther,
]);
const EXTRA_LABELS: ReadonlySet<string> = new Set(EXTRA_FIELD_LABELS);
const DEPARTMENT_LABEL_SET: ReadonlySet<string> = new Set(DEPARTMENT_LABELS);
const GROUP_LABEL_SET: ReadonlySet<string> = new Set(GROUP_LABELS);
const GRID_SCOPE_LABEL_SET: ReadonlySet<string> = new Set(GRID_SCOPE_LABELS);
const LEVEL3_FALLBACK: ReadonlySet<string> = new Set(LEVEL3_FALLBACK_LABELS);

/** Header label (normalised, unit stripped) → the field it names. */
const FIELD_OF_LABEL: ReadonlyMap<string, HeaderField> = new Map(
  (Object.entries(HEADER_FIELD_LABELS) as [HeaderField, readonly string[]][]).flatMap(([field, forms]) => forms.map((form) => [form, field] as const)).reverse(),
);
/** Grid header label → the columns it may head. */
const COLUMNS_OF_LABEL: ReadonlyMap<string, GridColumn[]> = (() => {
  const map = new Map<string, GridColumn[]>();
  for (const [column, forms] of Object.entries(GRID_COLUMN_LABELS) as [GridColumn, readonly string[]][]) {
    for (const form of forms) map.set(form, [...(map.get(form) ?? []), column]);
  }
  return map;
})();

/** A label with its unit (`资金总额（万元）`) → the bare label; the unit is read by fieldUnit. */
function bareLabel(label: string): string {
  return splitLabelUnit(label).label;
}

/** `其中：中央、省、市补助县级资金`: a 其中 line naming public money is the fiscal part. */
const FISCAL_PART = /^其中：.*(?:财政|补助|拨款)/;

function headerFieldOf(label: string): HeaderField | undefined {
  return FIELD_OF_LABEL.get(label) ?? FIELD_OF_LABEL.get(bareLabel(label)) ?? (FISCAL_PART.test(label) ? 'budgetFiscal' : undefined);
}

function isHeaderLabelText(label: string, text: string): boolean {
  return ALL_HEADER_LABELS.has(label) || ALL_HEADER_LABELS.has(bareLabel(label)) || FISCAL_PART.test(label) || matchUnitLabel(text) !== null;
}

function isAnyLabel(cell: Pick<FilledCell, 'label' | 'text'>): boolean {
  return isHeaderLabelText(cell.label, cell.text) || ALL_GRID_LABELS.has(cell.label) || LEVEL3_FALLBACK.has(cell.label);
}

interface GridHeader {
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
}

/** Cells of a header row read as grid column labels: which columns each kind of label heads. */
function headerColumns(cells: SheetCells, row: number): Map<GridColumn | 'level3fallback', number[]> {
  const found = new Map<GridColumn | 'level3fallback', number[]>();
  const add = (kind: GridColumn | 'level3fallback', col: number) => found.set(kind, [...(found.get(kind) ?? []), col]);
  for (const cell of cells.rowOf(row)) {
    if (cells.covered(row, cell.col)) continue;
    for (const column of COLUMNS_OF_LABEL.get(cell.label) ?? []) add(column, cell.col);
    if (LEVEL3_FALLBACK.has(cell.label)) add('level3fallback', cell.col);
  }
  return found;
}

/** The scope a label above a side-by-side grid names (中长期指标 / 年度指标 over its columns). */
function scopeAbove(cells: SheetCells, row: number, fromCol: number, toCol: number): GridScope | null {
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
 * A row with two 一级指标 headers holds grids side by side (中长期 | 年度): one header per grid.
 */
function findGridHeaders(cells: SheetCells, fromRow: number): GridHeader[] {
  for (const row of cells.rows(fromRow, cells.bottom)) {
    const found = headerColumns(cells, row);
    if (!REQUIRED_GRID_COLUMNS.every((column) => found.has(column))) continue;
    const starts = found.get('level1') ?? [];
    const headers: GridHeader[] = [];
    starts.forEach((start, i) => {
      const end = i + 1 < starts.length ? starts[i + 1] - 1 : cells.right;
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
      if (!REQUIRED_GRID_COLUMNS.every((column) => columns[column] !== undefined)) return;
      const ownScope = (() => {
        const texts = Object.values(columns).map((c) => (c === undefined ? '' : cells.text(row, c)));
        if (texts.some((t) => /中长期|长期|中期|总体/.test(t))) return 'overall' as const;
        return null;
      })();
      const operatorColumns = (found.get('valueType') ?? []).filter((c) => c >= start && c <= end);
      headers.push({ row, dataRow: row + 1, columns, operatorColumns, fromCol: start, toCol: end, scope: starts.length > 1 ? (ownScope ?? scopeAbove(cells, row, start, end)) : null });
    });
    if (headers.length === 0) continue;
    for (const header of headers) splitValueHeader(cells, header);
    return headers;
  }
  return [];
}

/**
 * A value column headed over two rows (指标值 above 实际值 | 目标值): the target column is read, and the
 * indicators start under the sub-header row.
 */
function splitValueHeader(cells: SheetCells, header: GridHeader): void {
  const valueCol = header.columns.value;
  if (valueCol === undefined) return;
  const area = cells.merge(header.row, valueCol);
  const sub = header.row + (area ? area.end.row - area.start.row : 0) + 1;
  const lastCol = area ? area.end.col : valueCol;
  const subCells = cells.rowOf(sub).filter((c) => c.col >= valueCol && c.col <= lastCol);
  if (subCells.length < 2 && !(area && area.end.row > header.row)) return;
  if (subCells.length >= 2) {
    const target = subCells.find((c) => TARGET_SUBHEADER.test(c.text)) ?? subCells[subCells.length - 1];
    header.columns.value = target.col;
  }
  header.dataRow = Math.max(header.dataRow, sub + (subCells.length > 0 ? 1 : 0));
}

/** `label：value` in one cell, for known labels. */
function inlineValue(text: string, labels: ReadonlySet<string>): { label: string; value: string } | null {
  const match = /^([^：:]+)[：:](.+)$/s.exec(text.trim());
  if (!match) return null;
  const label = normalizeLabel(match[1]);
  return labels.has(label) ? { label, value: match[2].trim() } : null;
}

/** The first filled cell right of startCol on a row: its value, 'label' when a label comes first, or null. */
function firstRightwards(cells: SheetCells, row: number, startCol: number, toCol: number): Found | 'label' | null {
  for (const cell of cells.rowOf(row)) {
    if (cell.col < startCol || cell.col > toCol || cells.covered(row, cell.col)) continue;
    return isAnyLabel(cell) ? 'label' : cell;
  }
  return null;
}

/** The first filled cell below a position in its column (rows fromRow..toRow), 'label', or null. */
function firstDownwards(cells: SheetCells, col: number, fromRow: number, toRow: number): Found | 'label' | null {
  for (const row of cells.rows(fromRow, toRow)) {
    const cell = cells.cell(row, col);
    if (!cell || cells.covered(row, col)) continue;
    return isAnyLabel(cell) ? 'label' : cell;
  }
  return null;
}

/** Every filled cell of the row is a label: a header laid out as columns (labels above, values below). */
function isLabelRow(cells: SheetCells, row: number): boolean {
  const own = cells.rowOf(row).filter((c) => !cells.covered(row, c.col));
  return own.length >= 2 && own.every(isAnyLabel);
}

/**
 * The value of the label at (row, col): the nearest non-blank cell to its right that is not a label
 * (a label first means the field is blank); for block fields, else the nearest below; on a row of
 * labels only (fields as columns), the cell right under the label.
 */
function valueOf(cells: SheetCells, row: number, col: number, lastRow: number, block: boolean): Found | null {
  const own = cells.merge(row, col);
  const startCol = own ? own.end.col + 1 : col + 1;
  const below = own ? own.end.row + 1 : row + 1;
  // A blank field still has a place: the cell beside its label, where rules can point.
  const expected: Found | null = startCol <= cells.right ? { ...cells.shown(row, startCol), text: '', value: null } : null;
  let found = firstRightwards(cells, row, startCol, cells.right);
  if ((found === null || found === 'label') && block) found = firstDownwards(cells, col, below, lastRow) ?? found;
  if ((found === 'label' || found === null) && below <= lastRow && isLabelRow(cells, row)) {
    const under = cells.cell(below, col);
    if (under && !isAnyLabel(under)) return under;
    if (!under) return { text: '', value: null, address: toA1(below, col) };
  }
  return found === null || found === 'label' ? expected : found;
}

const AMOUNT_FIELDS: ReadonlySet<HeaderField> = new Set(['budgetTotal', 'budgetFiscal', 'budgetOther']);
/** `/`, `-`, `—` in an amount cell: written for "none", read as blank. */
const NO_AMOUNT = /^[/\\\-—–－…]+$/;
const ERROR_VALUE = /^#(?:DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;
const DATE_VALUE = /^\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?/;

// Here as before for its callers; it lives apart so the seed parser uses it without the reader.
export { readAmount } from './amount';

/** What an amount cell holds when it is not an amount: an Excel error, a date, or text; null for an amount or a blank. */
export function amountProblem(value: CellValue): string | null {
  if (value === null || value === '' || readAmount(value, DEFAULT_UNIT) !== null) return null;
  const text = String(value).trim();
  if (!text || NO_AMOUNT.test(text)) return null;
  if (ERROR_VALUE.test(text)) return `错误值 ${text}`;
  if (DATE_VALUE.test(text)) return `日期「${text}」`;
  return `文字「${text}」`;
}

/** `343101天津市司法局装备财务处` → code and name. */
export function splitDepartment(text: string): Department {
  const trimmed = text.trim();
  // The leading digits, then the rest (one regex with both backtracks: lint regexp/no-super-linear-backtracking).
  const code = /^\d*/.exec(trimmed)![0];
  return code.length >= 3 ? { code, name: trimmed.slice(code.length).trim() } : { code: '', name: trimmed };
}

/** A header field's value, with the money unit its label names (`资金总额（元）`), if any. */
interface FieldFound extends Found {
  unit?: AmountUnit;
}

interface HeaderBlock {
  fields: Partial<Record<HeaderField, FieldFound>>;
  /** 其他资金 written as parts (二、自有资金 / 三、其他): every part after the first. */
  otherParts: FieldFound[];
  extraFields: Record<string, string>;
  /** Where each extra field's value was read. */
  extraRefs: Record<string, string>;
  unit: { unit: AmountUnit; address: string } | null;
  department: Found | null;
  title: Found | null;
}

function labelUnit(label: string): AmountUnit | undefined {
  const unit = splitLabelUnit(label).unit;
  return unit === null ? undefined : (unit as AmountUnit);
}

function readHeaderBlock(cells: SheetCells, fromRow: number, headerRow: number): HeaderBlock {
  const fields: HeaderBlock['fields'] = {};
  const otherParts: FieldFound[] = [];
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

  for (const cell of cells.filled(fromRow, lastRow)) {
    const { row, col, text, address, label } = cell;
    const tableUnit = matchUnitLabel(text);
    const inline = tableUnit ? null : inlineValue(text, INLINE_LABELS);
    const known = tableUnit !== null || inline !== null || isHeaderLabelText(label, text);
    if (!known) continue;
    firstLabelRow = Math.min(firstLabelRow, row);
    used.add(address);
    const valueBeside = (block: boolean): Found | null => take(valueOf(cells, row, col, lastRow, block));
    const bare = bareLabel(label);
    const field = headerFieldOf(label);
    if (tableUnit) {
      unit ??= { unit: tableUnit, address };
      department ??= departmentOnRow(cells, row, col);
    } else if (field) {
      // An amount field whose first label gave a column head (年初预算), not an amount, takes a later one.
      const settled = fields[field]?.text && !(AMOUNT_FIELDS.has(field) && readAmount(fields[field].value, DEFAULT_UNIT) === null);
      const found = settled ? null : valueBeside(BLOCK_FIELDS.includes(field));
      const withUnit: FieldFound | null = found ? { ...found, unit: labelUnit(label) } : null;
      if (withUnit) fields[field] = withUnit;
      else if (field === 'budgetOther' && fields.budgetOther?.text) {
        const part = valueBeside(false);
        if (part?.text) otherParts.push({ ...part, unit: labelUnit(label) });
      }
    } else if (EXTRA_LABELS.has(label) || EXTRA_LABELS.has(bare)) {
      const found = valueBeside(false);
      if (found?.text && !(bare in extraFields)) {
        extraFields[bare] = found.text;
        extraRefs[bare] = found.address;
      }
    } else if (DEPARTMENT_LABEL_SET.has(label)) {
      const found = valueBeside(false);
      if (found?.text) department = found;
    } else if (GROUP_LABEL_SET.has(label) || GROUP_LABEL_SET.has(bare)) {
      const area = cells.merge(row, col);
      if (label === LABELS.budgetBlock) budgetBlock = { row, lastRow: area ? area.end.row : row + 1 };
    } else if (inline) {
      // `单位：天津市司法局` (not a money unit, handled above) names the department.
      const found = { text: inline.value, value: inline.value, address };
      const inlineField = headerFieldOf(inline.label);
      if (DEPARTMENT_LABEL_SET.has(inline.label) || inline.label === INLINE_DEPARTMENT_LABEL) department = found;
      else if (inlineField === 'projectName') fields.projectName ??= found;
      // `财政拨款：6923.3552万元（其中…）`: an amount written in its label's cell.
      else if (inlineField === 'budgetOther' && fields.budgetOther?.text) otherParts.push(found);
      else if (inlineField) fields[inlineField] ??= found;
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
      if (used.has(cell.address) || isAnyLabel(cell) || readAmount(cell.value, DEFAULT_UNIT) !== null) continue;
      fields.purpose = cell;
      used.add(cell.address);
      break;
    }
  }

  return { fields, otherParts, extraFields, extraRefs, unit, department, title: findTitle(cells, fromRow, firstLabelRow, used) };
}

/** The department on the 单位 line: the nearest text cell left of `单位：万元`, else right of it. */
function departmentOnRow(cells: SheetCells, row: number, unitCol: number): Found | null {
  const usable = (cell: FilledCell) => !cells.covered(row, cell.col) && !isAnyLabel(cell) && !cell.text.includes(LABELS.titleSuffix);
  const line = cells.rowOf(row);
  for (let i = line.length - 1; i >= 0; i--) if (line[i].col < unitCol && usable(line[i])) return line[i];
  return line.find((cell) => cell.col > unitCol && usable(cell)) ?? null;
}

/** The title: a text above the first label, preferring one that names a 绩效目标表. */
function findTitle(cells: SheetCells, fromRow: number, firstLabelRow: number, used: Set<string>): Found | null {
  let first: Found | null = null;
  for (const cell of cells.filled(fromRow, firstLabelRow - 1)) {
    if (used.has(cell.address) || isAnyLabel(cell)) continue;
    if (cell.text.includes(LABELS.titleSuffix)) return cell;
    first ??= cell;
  }
  return first;
}

/** Longer than any 一级 name with its weight (`产出指标（50分）`): the cell holds prose, not a dimension. */
const MAX_DIMENSION_NAME = 24;

/** A row that ends the grid: another label (a second grid, a 年度目标 block) or a signature/approval line. */
function endsGrid(cells: SheetCells, row: number, header: GridHeader): boolean {
  // 合计/总分 rows and prose (评价结论, 注：…) in the 一级 column close the grid.
  const level1 = header.columns.level1 === undefined ? '' : cells.shown(row, header.columns.level1).text;
  if (level1 && (TOTAL_ROW_TEXT.test(normalizeLabel(level1)) || level1.length > MAX_DIMENSION_NAME)) return true;
  for (const cell of cells.rowOf(row)) {
    if (cells.covered(row, cell.col)) continue;
    if (SIGNATURE_TEXT.test(cell.text) || NOTE_TEXT.test(cell.label)) return true;
    if (cell.col >= header.fromCol && cell.col <= header.toCol && isAnyLabel(cell)) return true;
  }
  return false;
}

interface GridRead {
  indicators: Omit<IndicatorRow, 'parsed'>[];
  rowRefs: IndicatorRowRefs[];
  /** The first row after the grid (where a next grid or its goals may begin). */
  nextRow: number;
  /** Unused 二级 slots of a filled form, dropped from the indicators. */
  slots?: IndicatorSlot[];
}

/** An operator written in words or symbols in its own column (指标性质 of a flat export); null for 定性/定量 etc. */
const OPERATOR_WORDS: ReadonlyMap<string, string> = new Map([
  ['≥', '≥'], ['>=', '≥'], ['＞＝', '≥'], ['大于等于', '≥'], ['不低于', '≥'], ['不少于', '≥'],
  ['≤', '≤'], ['<=', '≤'], ['＜＝', '≤'], ['小于等于', '≤'], ['不高于', '≤'], ['不超过', '≤'], ['不多于', '≤'],
  ['=', '='], ['＝', '='], ['等于', '='], ['>', '>'], ['＞', '>'], ['大于', '>'], ['<', '<'], ['＜', '<'], ['小于', '<'],
]);

function operatorOf(text: string): string | null {
  return OPERATOR_WORDS.get(text.replace(/\s+/g, '')) ?? null;
}

/** The 指标值 as a reviewer reads it: the operator of an 指标性质 column put in front (`≥` + `95`). */
function valueText(value: string, valueType: string): string {
  const operator = operatorOf(valueType);
  return operator && value && !/^[≥≤<>=＞＜＝≧≦]/.test(value) ? `${operator}${value}` : value;
}

/** Whether a row of the grid is blank in every grid column (a missing row is blank unless a merge covers it). */
function blankRow(cells: SheetCells, row: number, gridColumns: readonly number[]): boolean {
  return gridColumns.every((c) => cells.shown(row, c).text === '');
}

/** Rows of the grid to visit after `row`: the next row when it has cells or merges, else the first filled row. */
function nextGridRow(cells: SheetCells, row: number): { row: number; gap: boolean } | null {
  const next = row + 1;
  if (next > cells.bottom) return null;
  if (cells.rowOf(next).length > 0 || cells.rowHasMerge(next)) return { row: next, gap: false };
  const filled = cells.nextFilledRow(row);
  return filled === null ? null : { row: filled, gap: true };
}

function readGrid(cells: SheetCells, header: GridHeader): GridRead {
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
    if (endsGrid(cells, row, header)) break;
    if (!blankRow(cells, row, gridColumns)) readGridRow(cells, header, row, state, read);
    else if (read.indicators.length > 0) break;
    const next = nextGridRow(cells, row);
    if (next === null) {
      row = cells.bottom + 1;
      break;
    }
    // Missing rows between two filled ones are blank rows: they end a grid that has begun.
    if (next.gap && read.indicators.length > 0) {
      row += 1;
      break;
    }
    row = next.row;
  }
  read.nextRow = row;
  return read;
}

interface ReadGrid extends GridRead {
  header: GridHeader;
}

/** A title, 单位 line, department or 项目名称 between two grids: the lower grid belongs to another table. */
function startsAnotherTable(cells: SheetCells, fromRow: number, toRow: number): boolean {
  for (const cell of cells.filled(fromRow, toRow)) {
    const { text, label } = cell;
    if (PROJECT_NAME_LABELS.has(label) || DEPARTMENT_LABEL_SET.has(label) || matchUnitLabel(text) !== null) return true;
    if (text.includes(LABELS.titleSuffix) || inlineValue(text, PROJECT_NAME_LABELS) !== null) return true;
  }
  return false;
}

/** The grids of one table, top to bottom, starting at fromRow; `next` is where another table begins (or null). */
interface TableGrids {
  grids: ReadGrid[];
  next: number | null;
}

function findTableGrids(cells: SheetCells, fromRow: number): TableGrids {
  const grids: ReadGrid[] = [];
  for (let from = fromRow; ; ) {
    const headers = findGridHeaders(cells, from);
    if (headers.length === 0) return { grids, next: null };
    if (grids.length > 0 && startsAnotherTable(cells, from, headers[0].row - 1)) return { grids, next: from };
    let nextRow = headers[0].row + 1;
    for (const header of headers) {
      const read = readGrid(cells, header);
      grids.push({ header, ...read });
      nextRow = Math.max(nextRow, read.nextRow);
    }
    from = nextRow;
  }
}

/** A label saying which grid follows: a goals label (with its text) or a grid name such as 年度绩效指标. */
interface ScopeMark {
  scope: GridScope | null;
  /** The goals text of a goals label; null for a grid name. */
  goals: Found | null;
}

/** `年度绩效目标1（40分）` beside a grid of a 自评表: the grid's name (one of several annual grids), not goals. */
const NUMBERED_ANNUAL_GRID = /^年度绩效目标\d+(?:（[^）]*）)?$/;

/** Goals labels and grid names in rows fromRow..header row, in reading order. */
function scopeMarks(cells: SheetCells, fromRow: number, headerRow: number): ScopeMark[] {
  const marks: ScopeMark[] = [];
  for (const cell of cells.filled(fromRow, headerRow)) {
    const label = cell.label;
    if (headerFieldOf(label) === 'goals' && cell.row < headerRow) {
      marks.push({ scope: labelScope(label), goals: valueOf(cells, cell.row, cell.col, headerRow - 1, true) });
    } else if (NUMBERED_ANNUAL_GRID.test(label)) {
      marks.push({ scope: 'annual', goals: null });
    } else if (GRID_SCOPE_LABEL_SET.has(label)) {
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
function scopeGrids(cells: SheetCells, grids: readonly ReadGrid[], fromRow: number): ScopedGrid[] {
  // Grids side by side share a header row: the labels above it speak for all of them.
  const firstOnRow = (i: number) => grids.findIndex((g) => g.header.row === grids[i].header.row);
  const marks = grids.map((grid, i) => {
    const first = firstOnRow(i);
    return scopeMarks(cells, first === 0 ? fromRow : grids[first - 1].nextRow, grid.header.row);
  });
  const stated = marks.map((own, i) => grids[i].header.scope ?? statedScope(own));
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
    const stored = shownAndStored(text ?? null);
    if (amount !== null) return { amount, label, address: block.extraRefs[label] ?? null, ...(stored ? { stored } : {}) };
  }
  return undefined;
}

/** Rows with their parsed values. Written out, not spread: V8 gives each spread copy its own hidden class (≈ 250 bytes a row). */
const parsedRows = (read: GridRead, tableUnit: AmountUnit): IndicatorRow[] =>
  read.indicators.map(({ level1, level2, level3, description, value, unit }) => ({ level1, level2, level3, description, value, unit, parsed: parseRowValue({ value, level3, unit }, tableUnit) }));

/**
 * A 二级 printed on a filled form with neither a 三级 name nor a value is an unused slot of the form, not an
 * indicator; on a form with nothing filled in, the slots stay (and are reported as unfilled).
 */
/** The 一级 a 二级 name belongs to in some framework (数量指标 → 产出指标), or null. */
function level1Home(name: string): string | null {
  for (const framework of FRAMEWORK_LIST) {
    const home = findLevel2Anywhere(framework, name);
    if (home) return home;
  }
  return null;
}

function isLevel1Name(name: string): boolean {
  return FRAMEWORK_LIST.some((framework) => findLevel1(framework, name) !== null);
}

/**
 * A form with no 一级 column whose 一级指标 column holds the 二级 (数量指标, 质量指标 …) and whose 二级指标
 * column holds the indicator names: every level moves one down, the 一级 taken from the 二级's home.
 */
function withLevelsShifted(read: ReadGrid): ReadGrid {
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

function withoutUnusedSlots(read: ReadGrid): ReadGrid {
  const used = (row: GridRead['indicators'][number]) => row.level3 !== '' || row.value !== '';
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

/** An amount field in the table's unit: a unit in its label (`资金总额（元）`) wins over the table's. */
function fieldAmount(field: FieldFound | undefined, tableUnit: AmountUnit): number | null {
  if (!field) return null;
  const amount = readAmount(field.value, field.unit ?? tableUnit);
  return amount === null || !field.unit ? amount : convertMoney(amount, field.unit, tableUnit);
}

/** One table from its header block and grids. */
function buildSheet(cells: SheetCells, sheetName: string, block: HeaderBlock, readGrids: readonly ReadGrid[], fromRow: number, options: ReadSheetOptions): SheetTable {
  const grids = readGrids.map((read) => withoutUnusedSlots(withLevelsShifted(read)));
  const tableUnit = block.unit?.unit ?? DEFAULT_UNIT;
  const { fields } = block;

  // One grid is the annual one with the header's goals; with more, the annual grid is the table's.
  const scoped = grids.length > 1 ? scopeGrids(cells, grids, fromRow) : null;
  const annual = scoped ? (scoped.find((g) => g.scope === 'annual') ?? scoped[scoped.length - 1]) : null;
  const main = annual ?? grids[0];
  const goals = annual ? (annual.goals ?? fields.goals ?? null) : (fields.goals ?? null);
  const otherGrids: OtherGrid[] | undefined = scoped
    ?.filter((g) => g !== main && (g.indicators.length > 0 || g.header.scope === null))
    .map((g) => ({
      scope: g.scope,
      goals: g.goals?.text ?? '',
      goalsRef: g.goals?.address ?? null,
      indicatorHeader: toA1(g.header.row, g.header.columns.level1 ?? cells.left),
      indicators: parsedRows(g, tableUnit),
      rowRefs: g.rowRefs,
      ...(g.slots ? { slots: g.slots } : {}),
    }));

  const indicators = parsedRows(main, tableUnit);
  const extraTotal = block.extraFields['年度资金总额'];
  const other = fieldAmount(fields.budgetOther, tableUnit);
  const otherTotal = block.otherParts.reduce<number | null>((sum, part) => {
    const amount = fieldAmount(part, tableUnit);
    return amount === null ? sum : (sum ?? 0) + amount;
  }, other);
  const table: PerformanceTable = {
    title: block.title?.text ?? '',
    department: block.department ? splitDepartment(block.department.text) : { code: '', name: '' },
    unit: tableUnit,
    projectName: fields.projectName?.text ?? '',
    budget: {
      // A sheet with only 年度资金总额 states its total there.
      total: fields.budgetTotal ? fieldAmount(fields.budgetTotal, tableUnit) : extraTotal !== undefined ? readAmount(extraTotal, tableUnit) : null,
      fiscal: fieldAmount(fields.budgetFiscal, tableUnit),
      other: otherTotal,
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
    budgetTotal: fields.budgetTotal?.address ?? (extraTotal !== undefined ? (block.extraRefs['年度资金总额'] ?? null) : null),
    budgetFiscal: fields.budgetFiscal?.address ?? null,
    budgetOther: fields.budgetOther?.address ?? null,
    purpose: fields.purpose?.address ?? null,
    goals: goals?.address ?? null,
    indicatorHeader: toA1(main.header.row, main.header.columns.level1 ?? cells.left),
  };
  const framework = options.framework ?? detectFrameworkOfRows([indicators, ...(otherGrids ?? []).map((g) => g.indicators)].flat());
  const sheet: SheetTable = { sheetName, table, framework, refs, rowRefs: main.rowRefs };
  if (main.slots) sheet.slots = main.slots;
  if (otherGrids && otherGrids.length > 0) sheet.otherGrids = otherGrids;
  const projectTotal = projectTotalOf(block, tableUnit);
  if (projectTotal) sheet.projectTotal = projectTotal;
  if (indicators.length === 0) {
    sheet.unread = { found: [`指标表头（第 ${main.header.row + 1} 行）`], missing: ['表头下的指标行'], cell: refs.indicatorHeader };
  }
  const problems: NonNullable<SheetTable['amountProblems']> = {};
  const units: NonNullable<SheetTable['amountUnits']> = {};
  const storedValues: NonNullable<SheetTable['amountStored']> = {};
  for (const field of ['budgetTotal', 'budgetFiscal', 'budgetOther'] as const) {
    const problem = fields[field] ? amountProblem(fields[field].value) : null;
    if (problem) problems[field] = problem;
    const stored = shownAndStored(fields[field]?.value ?? (field === 'budgetTotal' ? (extraTotal ?? null) : null));
    if (stored) storedValues[field] = stored;
    const unit = fields[field]?.unit;
    if (unit) units[field] = unit;
  }
  if (Object.keys(problems).length > 0) sheet.amountProblems = problems;
  if (Object.keys(units).length > 0) sheet.amountUnits = units;
  if (Object.keys(storedValues).length > 0) sheet.amountStored = storedValues;
  return sheet;
}

const COLUMN_NAMES: Record<GridColumn, string> = {
  level1: '一级指标',
  level2: '二级指标',
  level3: '三级指标',
  description: '指标描述',
  value: '指标值',
  unit: '计量单位',
  valueType: '指标性质',
};

/** Per-row state of a grid being read: a 一级/二级 merged or written once carries down. */
interface RowState {
  lastLevel1: Found | null;
  lastLevel2: Found | null;
}

/** A flat export's header fields found as columns of its grid header row. */
interface FlatColumns {
  project: number;
  fields: Partial<Record<HeaderField, { col: number; unit?: AmountUnit }>>;
  department: number | null;
  extras: { label: string; col: number }[];
}

function flatColumnsOf(cells: SheetCells, header: GridHeader): FlatColumns | null {
  const fields: FlatColumns['fields'] = {};
  let department: number | null = null;
  const extras: FlatColumns['extras'] = [];
  for (const cell of cells.rowOf(header.row)) {
    const field = headerFieldOf(cell.label);
    if (field && !fields[field]) fields[field] = { col: cell.col, unit: labelUnit(cell.label) };
    else if (DEPARTMENT_LABEL_SET.has(cell.label) || cell.label === INLINE_DEPARTMENT_LABEL) department ??= cell.col;
    else if (EXTRA_LABELS.has(bareLabel(cell.label))) extras.push({ label: bareLabel(cell.label), col: cell.col });
  }
  const project = fields.projectName?.col;
  return project === undefined ? null : { project, fields, department, extras };
}

/**
 * A flat export (one row per indicator, the project's fields in columns beside it): one table per project,
 * each under its own name. Total rows (合计) and rows of no project are skipped.
 */
function readFlat(cells: SheetCells, sheetName: string, header: GridHeader, flat: FlatColumns, unit: HeaderBlock['unit'], title: Found | null, options: ReadSheetOptions): SheetTable[] {
  interface Group {
    name: Found;
    grid: ReadGrid;
    state: RowState;
    block: HeaderBlock;
  }
  const groups = new Map<string, Group>();
  let current: Group | null = null;
  const gridCols = Object.values(header.columns).filter((c): c is number => c !== undefined);
  for (const row of cells.rows(header.dataRow, cells.bottom)) {
    const line = cells.rowOf(row);
    if (line.some((cell) => SIGNATURE_TEXT.test(cell.text))) break;
    if (line.some((cell) => TOTAL_ROW_TEXT.test(cell.label))) continue;
    if (line.every((cell) => isAnyLabel(cell))) continue;
    const name = cells.shown(row, flat.project);
    if (name.text) {
      let group = groups.get(name.text);
      if (!group) {
        const block: HeaderBlock = { fields: {}, otherParts: [], extraFields: {}, extraRefs: {}, unit, department: null, title };
        group = { name, grid: { header, indicators: [], rowRefs: [], nextRow: row }, state: { lastLevel1: null, lastLevel2: null }, block };
        groups.set(name.text, group);
      }
      current = group;
    }
    if (!current || blankRow(cells, row, gridCols)) continue;
    const { block } = current;
    for (const [field, at] of Object.entries(flat.fields) as [HeaderField, { col: number; unit?: AmountUnit }][]) {
      if (block.fields[field]?.text) continue;
      const found = cells.shown(row, at.col);
      if (found.text || !block.fields[field]) block.fields[field] = { ...found, unit: at.unit };
    }
    if (flat.department !== null && !block.department?.text) block.department = cells.shown(row, flat.department);
    for (const { label, col } of flat.extras) {
      const found = cells.shown(row, col);
      if (found.text && !(label in block.extraFields)) {
        block.extraFields[label] = found.text;
        block.extraRefs[label] = found.address;
      }
    }
    readGridRow(cells, header, row, current.state, current.grid);
  }
  return [...groups.values()].map((group) => buildSheet(cells, sheetName, group.block, [group.grid], header.row, options));
}

/** Reads one row of a grid into `into`; returns false when the row holds no indicator. */
function readGridRow(cells: SheetCells, header: GridHeader, row: number, state: RowState, into: GridRead): boolean {
  const col = header.columns;
  const shown = (c: number | undefined): Found | null => (c === undefined ? null : cells.shown(row, c));
  const blank = (c: number | undefined): Found | null => (c === undefined ? null : { text: '', value: null, address: toA1(row, c) });
  let level1 = shown(col.level1);
  if (level1?.text) state.lastLevel1 = level1;
  else level1 = state.lastLevel1 ?? level1;
  const level3 = shown(col.level3);
  const value = shown(col.value);
  let level2 = shown(col.level2);
  if (level2?.text) state.lastLevel2 = level2;
  else if (level3?.text || value?.text) level2 = state.lastLevel2 ?? level2;
  if (!level2?.text && !level3?.text && !value?.text) return false;
  const description = shown(col.description);
  const unit = shown(col.unit);
  const operatorCell = header.operatorColumns.map((c) => cells.shown(row, c)).find((cell) => operatorOf(cell.text) !== null);
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

/** 一级 names of either framework, to tell a sheet that looks like a 绩效目标表 from one that is not. */
const LOOKS_LIKE_TABLE = /^(?:[一二三四五六七八九十\d]+[、.．])?(?:产出|效益|满意度|成本)指标$/;

/**
 * A sheet with no readable grid that still looks like a 绩效目标表: grid header labels or 一级 names
 * found, but not a header row with 一级, 二级 and 指标值 together. Null for a sheet that is something else.
 */
function diagnose(cells: SheetCells): Unreadable | null {
  const labels = new Set<string>();
  let level1Names = 0;
  let firstCell: string | null = null;
  for (const cell of cells.filled(cells.top, cells.bottom)) {
    const columns = COLUMNS_OF_LABEL.get(cell.label);
    if (columns && columns.some((c) => c !== 'unit')) {
      for (const column of columns) labels.add(COLUMN_NAMES[column]);
      firstCell ??= cell.address;
    } else if (LOOKS_LIKE_TABLE.test(compactText(cell.text))) {
      level1Names++;
      firstCell ??= cell.address;
    }
  }
  const gridLabels = [...labels].filter((l) => l !== COLUMN_NAMES.unit && l !== COLUMN_NAMES.description);
  if (gridLabels.length < 2 && level1Names < 2) return null;
  const found = [...labels];
  if (level1Names > 0) found.push(`${level1Names} 个一级指标名称`);
  const missing = [COLUMN_NAMES.level1, COLUMN_NAMES.level2, COLUMN_NAMES.value].filter((name) => !labels.has(name));
  return { found, missing: missing.length > 0 ? missing : ['同一行上的一级指标、二级指标、指标值表头'], cell: firstCell };
}

/**
 * Every 绩效目标表 on a sheet, top to bottom, and what could not be read: a sheet that looks like one but
 * has no readable grid yields no table and an `unreadable` diagnosis.
 */
export function readSheetTables(grid: CellGrid, options: ReadSheetOptions = {}): SheetRead {
  const cells = new SheetCells(grid);
  const tables: SheetTable[] = [];
  for (let from: number | null = cells.top; from !== null && from <= cells.bottom; ) {
    const { grids, next } = findTableGrids(cells, from);
    if (grids.length === 0) break;
    const block = readHeaderBlock(cells, from, grids[0].header.row);
    const flat = flatColumnsOf(cells, grids[0].header);
    if (flat) {
      for (const table of readFlat(cells, grid.sheetName, grids[0].header, flat, block.unit, block.title, options)) tables.push(table);
      break;
    }
    tables.push(buildSheet(cells, grid.sheetName, block, grids, from, options));
    from = next;
  }
  return { tables, unreadable: tables.length === 0 ? diagnose(cells) : null };
}

/** Reads the (first) 绩效目标表 on a sheet; null when the sheet has no indicator grid (一级/二级指标, 指标值). */
export function readSheet(grid: CellGrid, options: ReadSheetOptions = {}): SheetTable | null {
  return readSheetTables(grid, options).tables[0] ?? null;
}
