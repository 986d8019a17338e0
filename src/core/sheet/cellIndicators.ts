/**
 * A budget list whose indicators are written inside one text cell per project (安徽's 部门项目绩效目标和指标,
 * S26): rows of units, 项目类别 and projects (the tree shown by leading spaces), each project row holding its
 * name, its money and a 绩效目标 cell of 【总体目标】 and 【一级-二级】 headings with 指标N: lines. Each project
 * row is read as a table of its own; every indicator's cell is that one text cell.
 */
import type { AmountUnit } from '../model';
import { maxOf } from '../bounded';
import { toA1 } from './address';
import { readAmount } from './amount';
import { SheetCells } from './cells';
import type { FilledCell, Found } from './cells';
import { buildSheet } from './assemble';
import { TOTAL_ROW_TEXT, matchUnitLabel, normalizeLabel } from './labels';
import { bareLabel, labelUnit } from './knownLabels';
import type { HeaderBlock } from './headerFields';
import type { ReadGrid } from './gridRows';
import type { IndicatorRowRefs, ReadSheetOptions, SheetTable } from './types';
import { readIndicatorText } from './indicatorText';
import type { IndicatorText } from './indicatorText';

/** A project row: its indicator cell and what that cell's text holds. */
interface ProjectRow {
  row: number;
  cell: FilledCell;
  read: IndicatorText;
}

/** The columns of a list, from its label row where it has one, else from what the first project row holds. */
interface ListColumns {
  name: number | null;
  money: number | null;
  purpose: number | null;
  code: number | null;
  /** The money column's label and the unit it names, when it names one. */
  moneyLabel: Found | null;
  moneyUnit: AmountUnit | undefined;
}

// The list's labels, read as evidence where the sheet prints them (content decides where it does not).
const CODE_LABEL = /编码|代码|编号/;
const NAME_LABEL = /名称|支出项目|项目$/;
const MONEY_LABEL = /预算|金额|资金|安排|拨款|合计|总额/;
const PURPOSE_LABEL = /内容|用途|概况|说明/;
/** A code (`037001`, `A01`): digits, maybe letters, no words. */
const CODE_TEXT = /^(?=.*\d)[\dA-Za-z.-]{3,}$/;
/** Longer than any project name: prose (项目内容), not a name. */
const MAX_NAME = 80;
/**
 * With no unit named on the sheet: a list whose amounts are all whole and reach this many is in 元 (read as
 * 万元, one line would be 100亿元, beyond any department's list); the reader's default 万元 otherwise.
 */
const YUAN_SCALE = 1_000_000;

/**
 * The indicator cells of a sheet, one per row (the one holding most indicators), top to bottom. A row showing
 * nothing else (no name, no money) is no project of a list: a lone text (a 填报说明, say) is not read.
 */
function projectRows(cells: SheetCells): ProjectRow[] {
  const byRow = new Map<number, ProjectRow>();
  for (const cell of cells.filled(cells.top, cells.bottom)) {
    const read = readIndicatorText(cell.text);
    if (!read) continue;
    const before = byRow.get(cell.row);
    if (!before || read.indicators.length > before.read.indicators.length) byRow.set(cell.row, { row: cell.row, cell, read });
  }
  return [...byRow.values()].filter((project) => rowCells(cells, project).length > 0);
}

/** The row of labels above the first project: the last row above it with a short text in the indicator column. */
function labelRowOf(cells: SheetCells, first: ProjectRow): number | null {
  const above = [...cells.rows(cells.top, first.row - 1)].reverse();
  for (const row of above) {
    const label = cells.cell(row, first.cell.col);
    if (!label || cells.covered(row, first.cell.col)) continue;
    return label.text.length <= 20 && !label.text.includes('【') ? row : null;
  }
  return null;
}

/** A code is typed as text (`037001` keeps its zero); a number cell is an amount. */
const isCode = (cell: Found): boolean => typeof cell.value === 'string' && CODE_TEXT.test(cell.text);
const isAmount = (cell: Found): boolean => !isCode(cell) && readAmount(cell.value, '元') !== null;
const isName = (cell: Found): boolean => !isCode(cell) && !isAmount(cell) && cell.text.length <= MAX_NAME && !/[\n。【]/.test(cell.text);

/** Columns by the list's labels; what they leave open is taken from the first project row's cells. */
function listColumns(cells: SheetCells, first: ProjectRow, labelRow: number | null): ListColumns {
  const columns: ListColumns = { name: null, money: null, purpose: null, code: null, moneyLabel: null, moneyUnit: undefined };
  for (const cell of labelRow === null ? [] : cells.rowOf(labelRow)) {
    if (cell.col === first.cell.col) continue;
    const label = normalizeLabel(cell.text);
    const bare = bareLabel(label);
    if (CODE_LABEL.test(bare)) columns.code ??= cell.col;
    else if (NAME_LABEL.test(bare)) columns.name ??= cell.col;
    else if (MONEY_LABEL.test(bare) && columns.money === null) {
      columns.money = cell.col;
      columns.moneyLabel = cell;
      columns.moneyUnit = labelUnit(label);
    } else if (PURPOSE_LABEL.test(bare)) columns.purpose ??= cell.col;
  }
  const own = rowCells(cells, first);
  columns.code ??= own.find(isCode)?.col ?? null;
  columns.name ??= own.find(isName)?.col ?? null;
  columns.money ??= own.find((c) => isAmount(c) && (columns.name === null || c.col > columns.name))?.col ?? own.find(isAmount)?.col ?? null;
  columns.purpose ??= own.find((c) => c.col !== columns.name && c.col !== columns.code && c.col !== columns.money && !isAmount(c))?.col ?? null;
  return columns;
}

/** The cells a project row shows, left to right, its indicator cell left out (merged cells read where they show). */
function rowCells(cells: SheetCells, project: ProjectRow): (Found & { col: number })[] {
  const found: (Found & { col: number })[] = [];
  for (let col = cells.left; col <= cells.right; col++) {
    if (col === project.cell.col) continue;
    const cell = cells.shown(project.row, col);
    if (cell.text) found.push({ ...cell, col });
  }
  return found;
}

/** The money unit of the list: its label's, a 单位 line's above the list, else told by the amounts themselves. */
function moneyUnit(cells: SheetCells, columns: ListColumns, top: number, bottom: number): HeaderBlock['unit'] & { stated: boolean } {
  if (columns.moneyUnit) return { unit: columns.moneyUnit, address: columns.moneyLabel!.address, stated: true };
  for (const cell of cells.filled(cells.top, top - 1)) {
    const unit = matchUnitLabel(cell.text);
    if (unit) return { unit, address: cell.address, stated: true };
  }
  const amounts: number[] = [];
  let first: string | null = null;
  for (const row of columns.money === null ? [] : cells.rows(top, bottom)) {
    const cell = cells.shown(row, columns.money!);
    const amount = cell.text ? readAmount(cell.value, '元') : null;
    if (amount === null) continue;
    amounts.push(amount);
    first ??= cell.address;
  }
  const yuan = first !== null && amounts.every(Number.isInteger) && maxOf(amounts, 0) >= YUAN_SCALE;
  return { unit: yuan ? '元' : '万元', address: first ?? toA1(top, cells.left), stated: false };
}

/** Leading spaces of a cell as written: how deep the list's tree puts its row. */
function depthOf(cells: SheetCells, row: number, col: number | null): number {
  const value = col === null ? null : cells.shown(row, col).value;
  return typeof value === 'string' ? (/^[\s\u3000]*/.exec(value)?.[0].length ?? 0) : 0;
}

/** A unit of the tree (a row with a code and a name, no indicators), to name the projects under it. */
interface TreeUnit {
  depth: number;
  department: Found | null;
}

/**
 * Every project of a list whose indicators stand in one text cell per row, each as a table of its own (its
 * grid marked `inCell`); [] when the sheet holds no such cell.
 */
export function readCellIndicatorTables(cells: SheetCells, sheetName: string, options: ReadSheetOptions): SheetTable[] {
  const projects = projectRows(cells);
  if (projects.length === 0) return [];
  const labelRow = labelRowOf(cells, projects[0]);
  const top = labelRow === null ? projects[0].row : labelRow + 1;
  const columns = listColumns(cells, projects[0], labelRow);
  const unit = moneyUnit(cells, columns, top, cells.bottom);
  const titleRow = [...cells.rows(cells.top, top - 1)].find((row) => cells.rowOf(row).length === 1 && row !== labelRow);
  const title = titleRow === undefined ? null : cells.rowOf(titleRow)[0];
  const byRow = new Map(projects.map((p) => [p.row, p]));
  const tables: SheetTable[] = [];
  // Units of the tree above the row being read, shallowest first.
  const tree: TreeUnit[] = [];
  for (const row of cells.rows(top, cells.bottom)) {
    const depth = depthOf(cells, row, columns.name);
    while (tree.length > 0 && tree[tree.length - 1].depth >= depth) tree.pop();
    const project = byRow.get(row);
    if (!project) {
      const name = columns.name === null ? null : cells.shown(row, columns.name);
      const code = columns.code === null ? null : cells.shown(row, columns.code);
      if (name?.text && !TOTAL_ROW_TEXT.test(name.text)) tree.push({ depth, department: code?.text ? { ...name, text: `${code.text}${name.text}` } : null });
      continue;
    }
    const department = [...tree].reverse().find((u) => u.department)?.department ?? null;
    tables.push(projectTable(cells, sheetName, project, columns, { unit: unit.unit, address: unit.address }, department, title, options, unit.stated));
  }
  return tables;
}

/** One project row as a table: its name, money, goals and the indicators of its text cell. */
function projectTable(
  cells: SheetCells,
  sheetName: string,
  project: ProjectRow,
  columns: ListColumns,
  unit: NonNullable<HeaderBlock['unit']>,
  department: Found | null,
  title: Found | null,
  options: ReadSheetOptions,
  unitStated: boolean,
): SheetTable {
  const { row, cell, read } = project;
  const shown = (col: number | null): Found | undefined => (col === null ? undefined : cells.shown(row, col));
  const block: HeaderBlock = {
    fields: { goals: { text: read.goals, value: read.goals, address: cell.address } },
    fiscalLevels: [],
    otherParts: [],
    extraFields: {},
    extraRefs: {},
    unit,
    department,
    title,
  };
  const name = shown(columns.name);
  if (name) block.fields.projectName = name;
  const money = shown(columns.money);
  if (money) block.fields.budgetTotal = money;
  const purpose = shown(columns.purpose);
  if (purpose?.text) block.fields.purpose = purpose;
  const at = cell.address;
  const grid: ReadGrid = {
    header: { row, dataRow: row, columns: { level1: cell.col, level2: cell.col, level3: cell.col, value: cell.col }, operatorColumns: [], fromCol: cell.col, toCol: cell.col, scope: null },
    indicators: read.indicators.map((r) => ({ ...r, description: '', unit: null })),
    rowRefs: read.indicators.map((): IndicatorRowRefs => ({ level1: at, level2: at, level3: at, description: null, value: at, unit: null })),
    nextRow: row + 1,
  };
  const sheet = buildSheet(cells, sheetName, block, [grid], row, options);
  sheet.grids[0].inCell = true;
  // A unit told by the amounts is not stated: a bare number under 成本 is then not read in it.
  if (!unitStated) sheet.refs.unit = null;
  return sheet;
}
