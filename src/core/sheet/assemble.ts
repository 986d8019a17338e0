/** Step 5, assemble: a SheetTable from a header block and its grids (SheetTable.grids first). */
import type { AmountUnit, PerformanceTable } from '../model';
import { detectFrameworkOfRows } from '../frameworks';
import { parseRowValue } from '../values';
import { toA1 } from './address';
import { readAmount } from './amount';
import { SheetCells } from './cells';
import { shownAndStored } from './shown';
import type { Found } from './cells';
import { sheetTable } from './sheetTable';
import type { GridRow, GridScope, ReadSheetOptions, SheetGrid, SheetTable, TableRefs } from './types';
import { DEFAULT_UNIT } from './knownLabels';
import { HeaderBlock, amountProblem, fieldAmount, projectTotalOf, splitDepartment } from './headerFields';
import { GridRead, ReadGrid, withLevelsShifted, withoutUnusedSlots } from './gridRows';
import { scopeGrids } from './scope';
import { withRowUnits } from './moneyLabels';
import { scopeYearColumns } from './yearColumns';

/** Rows with their parsed values and refs. Written out, not spread: V8 gives each spread copy its own hidden class (≈ 250 bytes a row). */
export const gridRows = (read: GridRead, tableUnit: AmountUnit): GridRow[] =>
  read.indicators.map(({ level1, level2, level3, description, value, unit }, i) => ({
    row: { level1, level2, level3, description, value, unit, parsed: parseRowValue({ value, level3, unit }, tableUnit) },
    refs: read.rowRefs[i],
  }));

export function sheetGrid(read: ReadGrid, scope: GridScope, goals: Found | null, header: string, tableUnit: AmountUnit): SheetGrid {
  const grid: SheetGrid = { scope, goals: goals?.text ?? '', goalsRef: goals?.address ?? null, header, rows: gridRows(read, tableUnit) };
  if (read.slots) grid.slots = read.slots;
  if (read.header.region !== undefined) grid.region = read.header.region;
  if (read.year) grid.year = read.year;
  return grid;
}

/** A 部门整体 / 单位整体 table (`…年度整体绩效目标表`): the department (单位) is what it is about, and its name stands for a 项目名称. */
const WHOLE_UNIT_TITLE = /整体/;

/** `关于2025年度残疾人康复救助项目的绩效目标表`: a title naming its project (a name ending 项目, not 项目支出 alone). */
const TITLE_PROJECT = /^(?:关于)?(?:\d{4}年度?)?(.*?项目)的?(?:支出)?绩效/;

/** The project a title names, or null (`项目支出绩效目标表` names none). */
export function projectNameInTitle(title: string): string | null {
  const name = TITLE_PROJECT.exec(title.replace(/\s+/g, ''))?.[1];
  return name && name.length > 2 && !/^[\d（(]/.test(name) ? name : null;
}

/**
 * The 项目名称 as read; for a 部门/单位整体 table with none, its department's name; for a form whose only
 * name is its title's (关于XX项目的绩效目标表), that one.
 */
function tableName(block: HeaderBlock): Found | null {
  const named = block.fields.projectName ?? null;
  if (named) return named;
  if (block.department && WHOLE_UNIT_TITLE.test(block.title?.text ?? '')) return { ...block.department, text: splitDepartment(block.department.text).name };
  const inTitle = block.title ? projectNameInTitle(block.title.text) : null;
  return inTitle && block.title ? { ...block.title, text: inTitle } : null;
}

/** `本项目预算资金150万元`, `总投资1200万元`: a total stated in the 绩效目标 text (a rate such as `500元/人` is none). */
const PROSE_BUDGET = /(?:预算|资金总额|总投资)(?:资金|金额|数|总额|安排)?(?:资金)?(?:为|共|合计|总计|计)?：?(\d+(?:\.\d+)?(?:亿元|万元|千元|元))(?![/每])/;

/** The total a form with no money field states only in its 绩效目标 text, in the table's unit; null when none. */
export function budgetInProse(goals: string, tableUnit: AmountUnit): number | null {
  const stated = PROSE_BUDGET.exec(goals.replace(/\s+/g, ''))?.[1];
  return stated ? readAmount(stated, tableUnit) : null;
}

/** `start` plus every amount read (a blank one adds nothing); null when start is null and none is read. */
function sumOfRead(amounts: readonly (number | null)[], start: number | null): number | null {
  return amounts.reduce<number | null>((sum, amount) => (amount === null ? sum : (sum ?? 0) + amount), start);
}

/** One table from its header block and grids. */
export function buildSheet(cells: SheetCells, sheetName: string, block: HeaderBlock, readGrids: readonly ReadGrid[], fromRow: number, options: ReadSheetOptions): SheetTable {
  const read = scopeYearColumns(readGrids.map((one) => withoutUnusedSlots(withLevelsShifted(one))), block, options.budgetYear ?? null);
  const tableUnit = block.unit?.unit ?? DEFAULT_UNIT;
  const fields = withRowUnits(block.fields);
  const name = tableName(block);

  // One grid is the annual one with the header's goals; with more, the annual grid is the table's.
  // Region grids (one value column per 区县) share the header's goals and are all annual.
  const regional = read.some((g) => g.header.region !== undefined);
  const scoped = read.length > 1 && !regional ? scopeGrids(cells, read, fromRow) : null;
  const annual = scoped ? (scoped.find((g) => g.scope === 'annual') ?? scoped[scoped.length - 1]) : null;
  const main = annual ?? read[0];
  const goals = annual ? (annual.goals ?? fields.goals ?? null) : (fields.goals ?? null);
  const headerCell = (g: ReadGrid) => toA1(g.header.row, g.header.columns.level1 ?? g.header.fromCol);
  const others: SheetGrid[] = regional
    ? read.slice(1).map((g) => sheetGrid(g, 'annual', goals, headerCell(g), tableUnit))
    : (scoped ?? []).filter((g) => g !== main && (g.indicators.length > 0 || g.header.scope === null)).map((g) => sheetGrid(g, g.scope, g.goals, headerCell(g), tableUnit));

  const mainGrid = sheetGrid(main, 'annual', goals, headerCell(main), tableUnit);
  const indicators = mainGrid.rows.map((r) => r.row);
  const extraTotal = block.extraFields['年度资金总额'];
  // 年度资金总额 stands in for a total label left blank (项目金额（万元） merged over the 年度 block's labels).
  const labelledTotal = fields.budgetTotal ? fieldAmount(fields.budgetTotal, tableUnit) : null;
  const annualTotal = labelledTotal === null && extraTotal !== undefined ? readAmount(extraTotal, tableUnit) : null;
  const other = fieldAmount(fields.budgetOther, tableUnit);
  const otherTotal = sumOfRead(block.otherParts.map((part) => fieldAmount(part, tableUnit)), other);
  // Funds by level with no 财政资金 total: their sum is read as it (null when every level is blank).
  const levels = block.fiscalLevels.map((level) => ({ label: level.label, amount: fieldAmount(level, tableUnit), address: level.address }));
  const levelSum = sumOfRead(levels.map(({ amount }) => amount), null);
  const carried = (block.carriedOver ?? []).map((part) => ({ amount: fieldAmount(part, tableUnit), address: part.address }));
  // 上年结转资金 beside 当年财政拨款: the year's public money is both.
  const fiscal = sumOfRead(carried.map(({ amount }) => amount), levels.length > 0 ? levelSum : fieldAmount(fields.budgetFiscal, tableUnit));
  // No total on the form, both parts on it: a reviewer weighs the costs against their sum.
  const noTotal = !fields.budgetTotal && extraTotal === undefined;
  const summed = noTotal && fiscal !== null && otherTotal !== null && fiscal >= 0 && otherTotal >= 0 ? fiscal + otherTotal : null;
  // No money field at all: the total the goals text states is the one a reviewer weighs the costs against.
  const noMoney = noTotal && !fields.budgetFiscal && !fields.budgetOther && levels.length === 0 && block.otherParts.length === 0;
  const prose = noMoney && goals ? budgetInProse(goals.text, tableUnit) : null;
  const table: PerformanceTable = {
    title: block.title?.text ?? '',
    department: block.department ? splitDepartment(block.department.text) : { code: '', name: '' },
    unit: tableUnit,
    projectName: name?.text ?? '',
    budget: {
      // A sheet with only 年度资金总额 states its total there.
      total: labelledTotal ?? annualTotal ?? summed ?? prose,
      fiscal,
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
    projectName: name?.address ?? null,
    budgetTotal: (annualTotal !== null || !fields.budgetTotal ? (block.extraRefs['年度资金总额'] ?? null) : null) ?? fields.budgetTotal?.address ?? (prose !== null ? (goals?.address ?? null) : null),
    budgetFiscal: fields.budgetFiscal?.address ?? null,
    budgetOther: fields.budgetOther?.address ?? null,
    purpose: fields.purpose?.address ?? null,
    goals: goals?.address ?? null,
    indicatorHeader: mainGrid.header,
  };
  const grids = [mainGrid, ...others];
  // Unused slots are printed 二级 of the form: they say which framework it follows as much as filled rows do.
  const framework = options.framework ?? detectFrameworkOfRows(grids.flatMap((g) => [...g.rows.map((r) => r.row), ...(g.slots ?? [])]), options.preferredFramework);
  const sheet = sheetTable({ sheetName, table, framework, refs, grids });
  const projectTotal = projectTotalOf(block, tableUnit);
  if (projectTotal) sheet.projectTotal = projectTotal;
  if (levels.length > 0) sheet.fiscalLevels = levels;
  if (carried.some(({ amount }) => amount !== null)) sheet.carriedOver = carried;
  if (summed !== null) sheet.summedTotal = { label: '财政资金与其他资金之和', cells: [refs.budgetFiscal, refs.budgetOther].filter((c): c is string => c !== null) };
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
