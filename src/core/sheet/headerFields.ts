/** Step 2, header fields: 项目名称, 预算数, 财政资金, 其他资金, 绩效目标 … above a grid, with their addresses. */
import type { AmountUnit, Department } from '../model';
import { convertMoney } from '../values';
import { fromA1, toA1 } from './address';
import { readAmount } from './amount';
import { SheetCells } from './cells';
import { shownAndStored } from './shown';
import type { FilledCell, Found } from './cells';
import { LABELS, PROJECT_TOTAL_LABELS, RESULT_HEAD, labelScope, matchUnitLabel, normalizeLabel } from './labels';
import type { HeaderField } from './labels';
import type { CellValue, GridScope, HeaderAmount } from './types';
import { BLOCK_FIELDS, DEFAULT_UNIT, DEPARTMENT_LABEL_SET, EXTRA_LABELS, GROUP_LABEL_SET, INLINE_DEPARTMENT_LABEL, INLINE_LABELS, bareLabel, headerFieldOf, inlineValue, isAnyLabel, isHeaderLabelText, labelUnit, labelWithoutAside, levelFunds, similarHeaderField } from './knownLabels';
import { amountFieldsOfBlock, moneyHeadAbove } from './moneyLabels';
import { amountAfterWord, isAmountWord, isCarriedOver, isStartOfYearBudget, yearBudgetAmount } from './selfEvalMoney';

/**
 * A form's prompt waiting for its own value (`承担单位:(盖章)`, `事业收入:`, `填写日期:`): a text ending in a
 * colon, a short remark in brackets after it at most. Never the value of the label before it (S39, S41).
 */
const PROMPT_TEXT = /[:：]\s*(?:[(（][^()（）]{1,8}[)）])?$/;

/** A cell that is a label, not a value: a known label, the head of a results column, or a prompt. */
function labelNotValue(cell: FilledCell): boolean {
  return isAnyLabel(cell) || RESULT_HEAD.test(cell.label) || PROMPT_TEXT.test(cell.text);
}

/**
 * The first filled cell right of startCol on a row: its value, 'label' when a label comes first (or the head
 * of a results column, `年度总体目标完成情况综述`, or a prompt), or null.
 */
export function firstRightwards(cells: SheetCells, row: number, startCol: number, toCol: number): Found | 'label' | null {
  for (const cell of cells.rowOf(row)) {
    if (cell.col < startCol || cell.col > toCol || cells.covered(row, cell.col)) continue;
    return labelNotValue(cell) ? 'label' : cell;
  }
  return null;
}

/** The first filled cell below a position in its column (rows fromRow..toRow), 'label', or null. */
export function firstDownwards(cells: SheetCells, col: number, fromRow: number, toRow: number): Found | 'label' | null {
  for (const row of cells.rows(fromRow, toRow)) {
    const cell = cells.cell(row, col);
    if (!cell || cells.covered(row, col)) continue;
    return isAnyLabel(cell) || PROMPT_TEXT.test(cell.text) ? 'label' : cell;
  }
  return null;
}

/** One Chinese character alone: a side label written one character per row (项 / 目 / 信 / 息), never a field. */
const SIDE_LABEL_CHARACTER = /^[\u4e00-\u9fa5]$/;

/**
 * Every filled cell of the row is a label (or one misprinted, a character off; a side label's character
 * aside): a header laid out as columns (labels above, values below).
 */
export function isLabelRow(cells: SheetCells, row: number): boolean {
  const own = cells.rowOf(row).filter((c) => !cells.covered(row, c.col) && !SIDE_LABEL_CHARACTER.test(c.text));
  return own.length >= 2 && own.every((c) => isAnyLabel(c) || similarHeaderField(c.label) !== undefined);
}

/** Whether a row holds two values or more and no label: the values of a row of heads above it. */
function valuesOnly(cells: SheetCells, row: number): boolean {
  const own = cells.ownCellsOf(row);
  return own.length >= 2 && !own.some(labelNotValue);
}

/**
 * The value of the label at (row, col): the nearest non-blank cell to its right that is not a label
 * (a label first means the field is blank); for block fields, else the nearest below; on a row of
 * labels only (fields as columns), the cell right under the label.
 */
export function valueOf(cells: SheetCells, row: number, col: number, lastRow: number, block: boolean): Found | null {
  const own = cells.merge(row, col);
  const startCol = own ? own.end.col + 1 : col + 1;
  const below = own ? own.end.row + 1 : row + 1;
  // A blank field still has a place: the cell beside its label, where rules can point.
  const expected: Found | null = startCol <= cells.right ? { ...cells.shown(row, startCol), text: '', value: null } : null;
  let found = firstRightwards(cells, row, startCol, cells.right);
  if ((found === null || found === 'label') && block) found = firstDownwards(cells, col, below, lastRow) ?? found;
  // A label alone on its row over a value alone on the next (项目名称 over the name): the value is below.
  if (found === null && below <= lastRow) {
    const under = cells.ownCellsOf(below);
    if (cells.rowOf(row).length === 1 && under.length === 1 && under[0].col === col && !isAnyLabel(under[0])) return under[0];
  }
  // Fields as columns have their labels side by side; a label with an empty cell between it and the next label
  // (a value slot, S40) is a blank field of a label | value form, and the label under it is no value of it. One
  // empty cell, not merged, between two labels over a row of values only is a blank column put among the heads
  // (a copy's spacer); a slot over several columns (S40 with its merges lost) stays a slot.
  const nextCell = cells.cell(row, startCol + 1);
  const spacer = cells.merge(row, startCol) === undefined && nextCell !== undefined && labelNotValue(nextCell) && valuesOnly(cells, below);
  const besideSlot = found === 'label' && cells.cell(row, startCol) === undefined && !spacer;
  if ((found === 'label' || found === null) && below <= lastRow && !besideSlot && isLabelRow(cells, row)) {
    const under = cells.cell(below, col);
    if (under && !isAnyLabel(under)) return under;
    if (!under) return { text: '', value: null, address: toA1(below, col) };
  }
  return found === null || found === 'label' ? expected : found;
}

export const AMOUNT_FIELDS: ReadonlySet<HeaderField> = new Set(['budgetTotal', 'budgetFiscal', 'budgetOther']);

/** `/`, `-`, `—` in an amount cell: written for "none", read as blank. */
export const NO_AMOUNT = /^[/\\\-—–－…]+$/;

export const ERROR_VALUE = /^#(?:DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

export const DATE_VALUE = /^\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?/;


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
export interface FieldFound extends Found {
  unit?: AmountUnit;
}

/** The amount of one level of government's funds (中央资金, 市级资金 …) and its label. */
export interface LevelFound extends FieldFound {
  label: string;
}

export interface HeaderBlock {
  fields: Partial<Record<HeaderField, FieldFound>>;
  /**
   * Funds by level of government with no 财政资金 total on the form (S31): their sum is the 财政资金. Empty
   * when a total is given (the levels are its parts) or one level alone stands (read as 财政资金 itself).
   */
  fiscalLevels: LevelFound[];
  /** 其他资金 written as parts (二、自有资金 / 三、其他): every part after the first. */
  otherParts: FieldFound[];
  /** Public money carried over from earlier years (上年结转资金 beside 当年财政拨款): a part of the 财政资金. */
  carriedOver?: FieldFound[];
  extraFields: Record<string, string>;
  /** Where each extra field's value was read. */
  extraRefs: Record<string, string>;
  unit: { unit: AmountUnit; address: string } | null;
  department: Found | null;
  title: Found | null;
}

/** The period the nearest money head above (row, col) in its column names (中期资金总额 | 年度资金总额 over a funds block), or null. */
function columnPeriod(cells: SheetCells, row: number, col: number, fromRow: number): GridScope | null {
  return moneyHeadAbove(cells, row, col, fromRow, (above) => {
    const head = normalizeLabel(above.text);
    return /资金|金额|预算/.test(head) ? labelScope(head) : null;
  });
}

/** The period an amount label speaks of: its own words (年度资金总额, 中期资金总额), else those of a money head above it. */
function moneyPeriod(cells: SheetCells, row: number, col: number, label: string, fromRow: number): GridScope | null {
  const own = /资金|金额|预算|拨款/.test(label) ? labelScope(label) : null;
  return own ?? columnPeriod(cells, row, col, fromRow);
}

/**
 * An amount read under money columns of two periods (中期资金总额 | 年度资金总额 over the rows 资金总额, 财政拨款,
 * 中央资金 …): the cell of the 年度 column on the amount's row (blank when the 年度 amount is), with that
 * period; the amount itself otherwise.
 */
function annualColumnAmount(cells: SheetCells, found: Found, fromRow: number): { found: Found; period: GridScope | null } {
  const { row, col } = fromA1(found.address);
  const period = columnPeriod(cells, row, col, fromRow);
  if (period !== 'overall') return { found, period };
  for (let c = col + 1; c <= cells.right; c++) {
    if (cells.covered(row, c) || columnPeriod(cells, row, c, fromRow) !== 'annual') continue;
    const cell = cells.cell(row, c);
    if (cell && isAnyLabel(cell)) break;
    return { found: cell ?? { text: '', value: null, address: toA1(row, c) }, period: 'annual' };
  }
  return { found, period };
}

/**
 * Levels read in two money columns (中期 | 年度 side by side) are summed from one: the 年度 column's. A level
 * named twice with no period to tell its columns apart is no sum at all: a mix of columns is never added.
 */
function levelsOfOneColumn(levels: readonly (LevelFound & { period: GridScope | null })[]): LevelFound[] {
  const annual = levels.some((l) => l.period === 'annual') && levels.some((l) => l.period === 'overall');
  const kept = annual ? levels.filter((l) => l.period === 'annual') : levels;
  const labels = kept.map((l) => l.label);
  if (new Set(labels).size < labels.length) return [];
  return kept.map(({ period: _period, ...level }) => level);
}

export function readHeaderBlock(cells: SheetCells, fromRow: number, headerRow: number): HeaderBlock {
  const fields: HeaderBlock['fields'] = {};
  const otherParts: FieldFound[] = [];
  const carriedOver: FieldFound[] = [];
  const levels: (LevelFound & { period: GridScope | null })[] = [];
  const extraFields: Record<string, string> = {};
  const extraRefs: Record<string, string> = {};
  const used = new Set<string>();
  let unit: HeaderBlock['unit'] = null;
  let department: Found | null = null;
  let firstLabelRow = headerRow;
  let budgetBlock: { row: number; lastRow: number } | null = null;
  const periods: Partial<Record<HeaderField, GridScope | null>> = {};
  const lastRow = headerRow - 1;
  const take = (found: Found | null): Found | null => {
    if (found) used.add(found.address);
    return found;
  };
  const fieldAt = amountFieldsOfBlock(cells, fromRow, lastRow);

  for (const cell of cells.filled(fromRow, lastRow)) {
    const { row, col, text, address, label } = cell;
    const tableUnit = matchUnitLabel(text);
    const inline = tableUnit ? null : inlineValue(text, INLINE_LABELS);
    // A label with its value in the cell (`其中：财政资金（万元）：120`) is read by the label before the value.
    const field = tableUnit ? headerFieldOf(label) : inline ? undefined : fieldAt(label, row, col);
    const carried = !tableUnit && !inline && field === undefined && isCarriedOver(label);
    const known = tableUnit !== null || inline !== null || isHeaderLabelText(label, text) || similarHeaderField(label) !== undefined || field !== undefined || carried;
    if (!known) continue;
    firstLabelRow = Math.min(firstLabelRow, row);
    used.add(address);
    const valueBeside = (block: boolean): Found | null => take(valueOf(cells, row, col, lastRow, block));
    // An amount beside its label, from the 年度 column where money columns of two periods stand side by side, and
    // from the 全年 column where a 自评表 prints 年初 | 全年 | 执行 (or past a word naming it, 全年预算数 | 100).
    const amountBeside = (): { found: Found; period: GridScope | null } | null => {
      const beside = valueOf(cells, row, col, lastRow, false);
      if (!beside) return null;
      const past = isAmountWord(beside.text) ? amountAfterWord(cells, row, col) : isStartOfYearBudget(label) ? amountAfterWord(cells, row, col, true) : null;
      const amount = annualColumnAmount(cells, past ?? beside, fromRow);
      const found = take(yearBudgetAmount(cells, amount.found, fromRow))!;
      return { found, period: amount.period };
    };
    const bare = bareLabel(label);
    const level = tableUnit || inline ? null : levelFunds(label);
    if (tableUnit) {
      unit ??= { unit: tableUnit, address };
      department ??= departmentOnRow(cells, row, col);
    } else if (carried) {
      const amount = amountBeside();
      if (amount?.found.text) carriedOver.push({ ...amount.found, unit: labelUnit(label) });
    } else if (level) {
      const amount = amountBeside();
      const period = moneyPeriod(cells, row, col, label, fromRow) ?? amount?.period ?? null;
      if (amount) levels.push({ ...amount.found, unit: labelUnit(label), label: level, period });
    } else if (field) {
      // An amount field whose first label gave a column head (年初预算), not an amount, takes a later one.
      // 中期 and 年度 money side by side: the 年度 block's amount wins over the 中期 one beside it.
      const amountField = AMOUNT_FIELDS.has(field);
      const period = amountField ? moneyPeriod(cells, row, col, label, fromRow) : null;
      const laterAnnual = period === 'annual' && periods[field] === 'overall';
      const settled = fields[field]?.text && !laterAnnual && !(amountField && readAmount(fields[field].value, DEFAULT_UNIT) === null);
      const amount = settled || !amountField ? null : amountBeside();
      if (!settled) periods[field] = period ?? amount?.period ?? null;
      const found = settled ? null : amountField ? (amount?.found ?? null) : valueBeside(BLOCK_FIELDS.includes(field));
      const withUnit: FieldFound | null = found ? { ...found, unit: labelUnit(label) } : null;
      if (withUnit) fields[field] = withUnit;
      // A further 其他资金 of the same period is a part of it (二、自有资金 / 三、其他); one of the other period is not.
      else if (field === 'budgetOther' && fields.budgetOther?.text && period === (periods.budgetOther ?? null)) {
        const part = valueBeside(false);
        if (part?.text) otherParts.push({ ...part, unit: labelUnit(label) });
      }
    } else if (EXTRA_LABELS.has(label) || EXTRA_LABELS.has(bare)) {
      const beside = valueBeside(false);
      const found = beside ? take(yearBudgetAmount(cells, beside, fromRow)) : null;
      if (found?.text && !(bare in extraFields)) {
        extraFields[bare] = found.text;
        extraRefs[bare] = found.address;
      }
    } else if (DEPARTMENT_LABEL_SET.has(label) || DEPARTMENT_LABEL_SET.has(labelWithoutAside(label) ?? '')) {
      const found = valueBeside(false);
      if (found?.text) department = found;
    } else if (GROUP_LABEL_SET.has(label) || GROUP_LABEL_SET.has(bare)) {
      const area = cells.merge(row, col);
      if (label === LABELS.budgetBlock) budgetBlock = { row, lastRow: area ? area.end.row : row + 1 };
    } else if (inline) {
      // `单位：天津市司法局` (not a money unit, handled above) names the department.
      const found: FieldFound = { text: inline.value, value: inline.value, address, ...(inline.unit ? { unit: inline.unit } : {}) };
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

  // Levels beside a 财政资金 total are its parts; one level alone (市财政资金) is the 财政资金 itself.
  if (!fields.budgetFiscal && levels.length === 1) {
    const { period: _period, ...level } = levels[0];
    fields.budgetFiscal = level;
  }
  const fiscalLevels = !fields.budgetFiscal && levels.length > 1 ? levelsOfOneColumn(levels) : [];
  return { fields, fiscalLevels, otherParts, ...(carriedOver.length > 0 ? { carriedOver } : {}), extraFields, extraRefs, unit, department, title: findTitle(cells, fromRow, firstLabelRow, used) };
}

/** The department on the 单位 line: the nearest text cell left of `单位：万元`, else right of it. */
export function departmentOnRow(cells: SheetCells, row: number, unitCol: number): Found | null {
  const usable = (cell: FilledCell) => !cells.covered(row, cell.col) && !isAnyLabel(cell) && !cell.text.includes(LABELS.titleSuffix);
  const line = cells.rowOf(row);
  for (let i = line.length - 1; i >= 0; i--) if (line[i].col < unitCol && usable(line[i])) return line[i];
  return line.find((cell) => cell.col > unitCol && usable(cell)) ?? null;
}

/** The title: a text above the first label, preferring one that names a 绩效目标表. */
export function findTitle(cells: SheetCells, fromRow: number, firstLabelRow: number, used: Set<string>): Found | null {
  let first: Found | null = null;
  let named: Found | null = null;
  for (const cell of cells.filled(fromRow, firstLabelRow - 1)) {
    if (used.has(cell.address) || isAnyLabel(cell)) continue;
    if (cell.text.includes(LABELS.titleSuffix)) return cell;
    // `…整体支出绩效自评表` under a cover block (附件2, 2024年度部门预算): the title names a 绩效…表.
    if (/绩效.{0,8}表/.test(cell.text)) named ??= cell;
    first ??= cell;
  }
  return named ?? first;
}

/** The first project-total field of the header, as an amount in the table's unit. */
export function projectTotalOf(block: HeaderBlock, tableUnit: AmountUnit): HeaderAmount | undefined {
  for (const label of PROJECT_TOTAL_LABELS) {
    const text = block.extraFields[label];
    const amount = text === undefined ? null : readAmount(text, tableUnit);
    const stored = shownAndStored(text ?? null);
    if (amount !== null) return { amount, label, address: block.extraRefs[label] ?? null, ...(stored ? { stored } : {}) };
  }
  return undefined;
}

/** An amount field in the table's unit: a unit in its label (`资金总额（元）`) wins over the table's. */
export function fieldAmount(field: FieldFound | undefined, tableUnit: AmountUnit): number | null {
  if (!field) return null;
  const amount = readAmount(field.value, field.unit ?? tableUnit);
  return amount === null || !field.unit ? amount : convertMoney(amount, field.unit, tableUnit);
}
