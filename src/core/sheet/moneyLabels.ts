/**
 * Amount labels read by what their words mean, not by a list: `申请资金`, `年度预算`, `项目资金`, `其中：本级财政`,
 * `其他` name the whole, the public part or the other part of a project's money. A label known only by its
 * meaning is read only where an amount stands beside it, so words in a grid or in prose are never taken.
 */
import { readAmount } from './amount';
import type { Found, SheetCells } from './cells';
import type { HeaderField } from './labels';
import { DEFAULT_UNIT, GROUP_LABEL_SET, bareLabel, headerFieldOf, isHeaderLabelText } from './knownLabels';
import { fromA1, toA1 } from './address';
import type { AmountUnit } from '../model';
import { labelScope } from './labels';

/** Words of public money: a 财政资金 label says one of them. */
const FISCAL_WORDS = /财政|拨款|一般公共预算|政府性基金|补助|上级/;
/** Words of the money that is not public: 其他资金, 自有资金, 自筹, 社会资金, 单位资金. */
const OTHER_WORDS = /其他|其它|自有|自筹|社会|单位资金|事业收入|经营收入/;
/** Words of an amount of money. */
const MONEY_WORDS = /资金|金额|预算|拨款|经费|投资|总额|合计|总计|财政|款/;
/** Words that make a label something else than an amount of the project's money (a rate, a use, a source, a column of results). */
const NOT_AN_AMOUNT = /指标|目标|名称|用途|说明|来源|情况|方式|性质|类型|科目|执行|完成|实际|结转|结余|到位|支出|率|分值|得分|日期|时间|期限|编码|代码|依据|文号|内容|任务|单位$/;
/** A sum word between a label and its amount (`年度预算 | 合计 | 1200`). */
export const SUM_WORD = /^(?:合计|总计|小计|总额|计)$/;
/** `其中：`, `1.`, `（二）`, `二、` before a funds label. */
const PART_PREFIX = /^(?:其中：?)?(?:[（(][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十\d]{1,2}[.、．])?/;

/**
 * The amount field a label names by its words: the others by 其他/自有/自筹, public money by 财政/拨款, the
 * whole by any other word of money (`申请资金`, `年度预算`, `项目资金`); undefined when it names no amount.
 * `其他` alone after 其中 names the other part; a 其中 line naming neither part is undefined.
 */
export function amountFieldByMeaning(label: string): HeaderField | undefined {
  const bare = bareLabel(label);
  const words = bare.replace(PART_PREFIX, '');
  // An amount of the whole project period (中期资金总额, 项目期资金) is not the year's budget.
  if (words.length < 2 || words.length > 10 || NOT_AN_AMOUNT.test(words) || labelScope(words) === 'overall') return undefined;
  if (/^(?:其他|其它)(?:资金|来源|收入)?$/.test(words) || (OTHER_WORDS.test(words) && MONEY_WORDS.test(words))) return 'budgetOther';
  if (FISCAL_WORDS.test(words)) return 'budgetFiscal';
  if (/^其中/.test(bare)) return undefined;
  return MONEY_WORDS.test(words) ? 'budgetTotal' : undefined;
}

/** The amount right of a label cell (past a sum word such as 合计), as its cell, or null when none stands there. */
export function amountCellRightOf(cells: SheetCells, row: number, col: number): { row: number; col: number } | null {
  const own = cells.merge(row, col);
  const from = own ? own.end.col + 1 : col + 1;
  for (const cell of cells.rowOf(row)) {
    if (cell.col < from || cells.covered(row, cell.col)) continue;
    if (SUM_WORD.test(cell.label)) continue;
    return readAmount(cell.value, DEFAULT_UNIT) !== null ? { row, col: cell.col } : null;
  }
  return null;
}

/**
 * How a block's labels are read: by the lists, and by meaning where an amount stands beside a label
 * no list knows. A label the lists read as 财政资金 that says no word of public money (`预算资金`) names the
 * whole when the block also has a 财政资金 label that does and no total label of its own.
 */
/** `资金名称`, `专项名称`, `转移支付资金名称`, `政策（项目）名称`: what the money is for, named as the project. */
const PROJECT_NAME_LIKE = /^(?:项目|资金|专项|专项资金|转移支付|转移支付资金|政策|政策和项目|资金项目)(?:（[^）]*）)?名称$/;

/** The field a label no list knows names by meaning, where an amount stands beside it; never for a label known as another field (项目总金额). */
function byMeaning(cells: SheetCells, label: string, row: number, col: number): HeaderField | undefined {
  if (isHeaderLabelText(label, label) && !GROUP_LABEL_SET.has(bareLabel(label))) return undefined;
  return amountCellRightOf(cells, row, col) ? amountFieldByMeaning(label) : undefined;
}

/**
 * How a block's labels are read: by the lists, and by meaning where an amount stands beside a label
 * no list knows and no listed label of the block names that field (`财政专户管理资金` beside 其中：财政资金 is one
 * more part, not the 财政资金). A label the lists read as 财政资金 that says no word of public money
 * (`预算资金`) names the whole when the block also has a 财政资金 label that does and no total label.
 */
export function amountFieldsOfBlock(cells: SheetCells, fromRow: number, lastRow: number): (label: string, row: number, col: number) => HeaderField | undefined {
  const listed: { label: string; field: HeaderField }[] = [];
  const meant = new Map<string, HeaderField>();
  for (const cell of cells.filled(fromRow, lastRow)) {
    const field = headerFieldOf(cell.label);
    const meaning = field ? undefined : byMeaning(cells, cell.label, cell.row, cell.col);
    if (field) listed.push({ label: cell.label, field });
    else if (meaning) meant.set(cell.address, meaning);
  }
  const listedFields = new Set(listed.map((l) => l.field));
  const saysPublic = (label: string) => FISCAL_WORDS.test(bareLabel(label));
  const mayBeWhole = (label: string) => !saysPublic(label) && amountFieldByMeaning(label) === 'budgetTotal';
  const wholeAsFiscal =
    !listedFields.has('budgetTotal') &&
    listed.some((l) => l.field === 'budgetFiscal' && saysPublic(l.label)) &&
    listed.some((l) => l.field === 'budgetFiscal' && mayBeWhole(l.label));
  return (label, row, col) => {
    const field = headerFieldOf(label);
    if (field === 'budgetFiscal' && wholeAsFiscal && mayBeWhole(label)) return 'budgetTotal';
    if (field) return field;
    // A label naming the project by its money (资金名称) where no 项目名称 label stands (专项名称 beside one names a category).
    if (PROJECT_NAME_LIKE.test(label) && !listedFields.has('projectName')) return 'projectName';
    const meaning = meant.get(toA1(row, col));
    return meaning && !listedFields.has(meaning) ? meaning : undefined;
  };
}

/**
 * Amount fields with the money unit another amount label of their row names (`申报金额（元）`, 500000,
 * `其中：财政拨款`, 500000): a unit printed once for the row is every amount's on it. Fields with a unit of
 * their own, or on another row, are as read.
 */
export function withRowUnits<F extends { address: string; unit?: AmountUnit }>(fields: Partial<Record<HeaderField, F>>): Partial<Record<HeaderField, F>> {
  const amounts = (['budgetTotal', 'budgetFiscal', 'budgetOther'] as const).filter((field) => fields[field] !== undefined);
  const rowUnits = new Map<number, Set<AmountUnit>>();
  for (const field of amounts) {
    const { address, unit } = fields[field]!;
    if (unit) rowUnits.set(fromA1(address).row, new Set([...(rowUnits.get(fromA1(address).row) ?? []), unit]));
  }
  const out = { ...fields };
  for (const field of amounts) {
    const found = fields[field]!;
    const units = rowUnits.get(fromA1(found.address).row);
    if (!found.unit && units?.size === 1) out[field] = { ...found, unit: [...units][0] };
  }
  return out;
}

/** Rows looked up a column for the money head an amount stands under (a funds block: 资金总额, 财政拨款, four levels, 其他资金 …). */
const MONEY_HEAD_ROWS = 8;

/**
 * The first answer `read` gives for the cells above (row, col) in its column, nearest first, within a funds
 * block (no higher than fromRow); null when it gives none.
 */
export function moneyHeadAbove<T>(cells: SheetCells, row: number, col: number, fromRow: number, read: (above: Found) => T | null): T | null {
  for (let r = row - 1; r >= Math.max(fromRow, row - MONEY_HEAD_ROWS); r--) {
    const answer = read(cells.shown(r, col));
    if (answer !== null) return answer;
  }
  return null;
}
