import type { AmountUnit, IndicatorRow, Operator, ParsedValue } from '../model';
import { parseDeadline } from './deadline';
import { convertMoney, withoutFloatNoise } from './money';
import { takeLeadingOperator, takeTrailingOperator } from './operators';
import { normaliseText } from './text';
import { classifyUnit, isExactUnit, unitFromName, type UnitClass } from './units';

export interface ParseValueOptions {
  /** The table's money unit (单位：万元); money totals are converted to it. Default 万元. */
  tableUnit?: AmountUnit;
  /**
   * The 三级指标 name: a bare number takes the unit it ends with in brackets (`面积(亩)`), and a money
   * amount under a per-unit name (每人每天, 人均, 单价, …标准) is a rate, not a total.
   */
  level3?: string;
  /** A separate 计量单位 cell; a bare number takes this unit (it wins over the 三级 name). */
  unitColumn?: string | null;
}

/** Where the unit of a parsed value came from: the value itself, or, for a bare number, elsewhere. */
export type UnitSource = 'value' | 'unitColumn' | 'level3';

export interface ParsedValueDetail {
  value: ParsedValue;
  /** null when the value has no unit (text, placeholder, deadline, bare number with none found). */
  unitSource: UnitSource | null;
}

const DEFAULT_TABLE_UNIT: AmountUnit = '万元';

/** Placeholders left from a template: `*`, `**`, `XX`, `×`, `—`, `/`; may carry an operator and unit (`≥XX%`). */
const PLACEHOLDER_SYMBOLS = /^(?:\*+(?!\*)|[xX×]+(?![xX×])|[—–\-－/\\…_.·]+(?![—–\-－/\\…_.·])|\?+(?!\?)|？+(?!？)|[○〇]+(?![○〇]))(.*)$/;
/** Placeholder words, only as the whole value (`无投诉` is text, `无` is not a target). */
const PLACEHOLDER_WORDS = /^(?:待定|待填|待补充|暂无|无|略|不适用|n\/a|na|null|tbd)$/i;
/** Trailing punctuation and a trailing bracketed remark: `2024年10月底前完成（以…为准）`. */
const TRAILING_PUNCTUATION = /[。.;；,，、!！:：\s]+$/;
const TRAILING_REMARK = /\([^()]*\)$/;
/** `95%（含）以上`, `10个(含本数)`: a note that the bound is inclusive, which ≥ and ≤ already are. */
const INCLUSIVE_NOTE = /[(（]含(?:本数)?[)）]/g;
/** `自收齐受理材料之日起3个工作日`: the period counts from an event; the number is still the target. */
const STARTING_FROM = /^(?:自|从)[^\d]{1,30}?起/;
/** A 三级 name that states a per-unit cost: `审计服务每人每天成本 ≤1000元` is a rate, not a total. */
const UNIT_COST_NAME = /每|[人户]均|单价|均价|单位成本|单次|标准$/;
/** `万` or `亿` with nothing after it. */
const BARE_MAGNITUDE = /^[万亿]$/;
/** A 三级 name about money, under which a bare `万` means 万元. */
const MONEY_NAME = /成本|费|资金|金额|预算|经费|投资|支出|造价|价格|投入/;
/** Number with optional sign, thousands separators (`1,500`) and decimals. */
const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?/;
const CHINESE_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** Small Chinese numerals as people write counts and periods: 一, 两, 十, 十二, 二十, 二十五. */
const CHINESE_NUMBER = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?/;
/** `每年≥2次` → `≥2次/年`: a leading period becomes the per-part of the unit. */
const PER_PERIOD_PREFIX = /^每(年|半年|季度|季|月|周|天|日|人|次)/;
/** `7*24小时`: a product of two numbers. */
const PRODUCT = /^[*×xX](\d+(?:\.\d+)?)/;

function result(raw: string, fields: Partial<Omit<ParsedValue, 'raw'>> & Pick<ParsedValue, 'kind'>): ParsedValue {
  return { raw, operator: null, number: null, unit: null, amount: null, year: null, month: null, ...fields };
}

function stripTrailing(text: string): string {
  let current = text;
  for (;;) {
    const next = current.replace(TRAILING_PUNCTUATION, '').replace(TRAILING_REMARK, '');
    if (next === current) return current;
    current = next;
  }
}

function placeholder(raw: string, operator: Operator | null, text: string): ParsedValue | null {
  if (PLACEHOLDER_WORDS.test(text)) return result(raw, { kind: 'placeholder', operator });
  const symbols = PLACEHOLDER_SYMBOLS.exec(text);
  if (!symbols) return null;
  const unit = classifyUnit(symbols[1]);
  if (unit === null) return null;
  return result(raw, { kind: 'placeholder', operator, unit: unit.unit || null });
}

/** `一年`, `两次`, `十二个月`: a Chinese numeral up to 99, only when an exact unit follows. */
function readChineseNumber(text: string): { number: number; rest: string } | null {
  const match = CHINESE_NUMBER.exec(text);
  if (!match || match[0] === '') return null;
  const [whole, tensOrUnits, ten, units] = match;
  if (!ten && units !== undefined) return null;
  const first = tensOrUnits ? CHINESE_DIGITS[tensOrUnits] : 1;
  const number = ten ? first * 10 + (units ? CHINESE_DIGITS[units] : 0) : first;
  const rest = text.slice(whole.length);
  const unit = (takeTrailingOperator(rest)?.rest ?? rest).replace(/左右$/, '');
  return isExactUnit(unit) ? { number, rest } : null;
}

function readNumber(text: string): { number: number; rest: string } | null {
  const match = NUMBER.exec(text);
  if (!match) return readChineseNumber(text);
  let number = Number(`${match[1]}${match[2].replace(/,/g, '')}${match[3] ?? ''}`);
  let rest = text.slice(match[0].length);
  // 7*24小时 reads as 7 × 24 = 168 (hours a week of round-the-clock service), a duration of 168 小时.
  const product = PRODUCT.exec(rest);
  if (product) {
    number = withoutFloatNoise(number * Number(product[1]));
    rest = rest.slice(product[0].length);
  }
  return Number.isFinite(number) ? { number, rest } : null;
}

function withUnit(
  raw: string,
  operator: Operator | null,
  number: number,
  unitClass: UnitClass,
  tableUnit: AmountUnit,
  level3: string | undefined,
): ParsedValue {
  const unit = unitClass.unit === '' ? null : unitClass.unit;
  if (unitClass.kind === 'moneyTotal' && level3 !== undefined && UNIT_COST_NAME.test(level3)) {
    return result(raw, { kind: 'moneyRate', operator, number, unit });
  }
  const amount = unitClass.kind === 'moneyTotal' && unit !== null ? convertMoney(number, unit, tableUnit) : null;
  return result(raw, { kind: unitClass.kind, operator, number, unit, amount });
}

/** A bare number's unit from the 计量单位 column, else from the 三级 name; null when neither gives one. */
function borrowedUnit(options: ParseValueOptions): { unitClass: UnitClass; source: UnitSource } | null {
  const column = options.unitColumn ? normaliseText(options.unitColumn).replace(/ /g, '') : '';
  if (column) {
    // `%(百分比)`: a unit with its name in brackets after it (S46).
    const unitClass = classifyUnit(column) ?? classifyUnit(column.replace(/[(（][^()（）]+[)）]$/, ''));
    if (unitClass && unitClass.kind !== 'number') return { unitClass, source: 'unitColumn' };
  }
  const fromName = options.level3 ? unitFromName(normaliseText(options.level3)) : null;
  if (fromName) {
    const unitClass = classifyUnit(fromName);
    if (unitClass) return { unitClass, source: 'level3' };
  }
  return null;
}

/** A value read as words (no number, deadline or placeholder). A function, not a closure per value parsed. */
function qualitative(raw: string): ParsedValueDetail {
  return { value: result(raw, { kind: 'qualitative' }), unitSource: null };
}

/**
 * Parses a 指标值 and says where its unit came from. Total: returns a value for any string.
 * Order: blank → placeholder → deadline → [operator] number [unit] [以上/以下] → text.
 */
export function parseValueDetailed(rawInput: string, options: ParseValueOptions = {}): ParsedValueDetail {
  const raw = rawInput.trim();
  const tableUnit = options.tableUnit ?? DEFAULT_TABLE_UNIT;
  if (raw === '') return { value: result(raw, { kind: 'empty' }), unitSource: null };

  const compact = stripTrailing(normaliseText(raw).replace(/ /g, '').replace(INCLUSIVE_NOTE, ''));
  if (compact === '') return { value: result(raw, { kind: 'placeholder' }), unitSource: null };

  const period = PER_PERIOD_PREFIX.exec(compact);
  const unitSuffix = period ? `/${period[1]}` : '';
  const afterPeriod = period ? compact.slice(period[0].length) : compact;
  const leading = takeLeadingOperator(afterPeriod);
  const afterOperator = leading?.rest ?? afterPeriod;
  const blank = placeholder(raw, leading?.operator ?? null, afterOperator === '' ? '*' : afterOperator);
  if (blank) return { value: blank, unitSource: blank.unit ? 'value' : null };

  // `≤2024年12月底前` (an operator column's ≤ put before a date): a deadline still, by that date. Only with a
  // year: after an operator `1月` is a duration (≥1月), not January.
  const deadline = !leading ? parseDeadline(compact) : /^\d{4}(?:年|[-./]\d)/.test(afterOperator) ? parseDeadline(afterOperator) : null;
  if (deadline && !period) return { value: result(raw, { kind: 'deadline', operator: leading?.operator ?? null, ...deadline }), unitSource: null };

  const body = afterOperator.replace(STARTING_FROM, '').replace(/^约/, '');
  const read = readNumber(body);
  if (!read) return qualitative(raw);

  let operator = leading?.operator ?? null;
  let unitText = read.rest;
  const trailing = takeTrailingOperator(unitText);
  if (trailing) {
    operator ??= trailing.operator;
    unitText = trailing.rest;
  }
  unitText = unitText.replace(/左右$/, '');
  if (unitSuffix && unitText && !unitText.includes('/')) unitText += unitSuffix;

  // `250万` alone is 万元 where the 三级 name speaks of money (成本, 经费, 预算 …); `2万` 人次 stays a count.
  if (BARE_MAGNITUDE.test(unitText) && (options.level3 === undefined || MONEY_NAME.test(options.level3))) unitText += '元';
  const unitClass = classifyUnit(unitText);
  if (!unitClass) return qualitative(raw);
  if (unitClass.kind === 'number') {
    const borrowed = borrowedUnit(options);
    if (borrowed) {
      return { value: withUnit(raw, operator, read.number, borrowed.unitClass, tableUnit, options.level3), unitSource: borrowed.source };
    }
    return { value: withUnit(raw, operator, read.number, unitClass, tableUnit, options.level3), unitSource: null };
  }
  return { value: withUnit(raw, operator, read.number, unitClass, tableUnit, options.level3), unitSource: 'value' };
}

/** Parses a 指标值 (see parseValueDetailed). Never throws. */
export function parseValue(raw: string, options: ParseValueOptions = {}): ParsedValue {
  // Callers in plain JavaScript (a spreadsheet cell holding a number) may pass a non-string.
  const text: unknown = raw;
  try {
    return parseValueDetailed(typeof text === 'string' ? text : text == null ? '' : String(text), options).value;
  } catch {
    // Defensive only: a parser bug must not break a whole check run; the value then reads as text.
    return result(typeof raw === 'string' ? raw.trim() : '', { kind: 'qualitative' });
  }
}

/**
 * Parses an indicator row's 指标值 in the context its row gives (三级 name, 计量单位 cell). The template
 * library and the sheet reader both parse through this, so one value reads the same from either.
 */
export function parseRowValue(row: Pick<IndicatorRow, 'value' | 'level3' | 'unit'>, tableUnit: AmountUnit): ParsedValue {
  return parseValue(row.value, { tableUnit, level3: row.level3, unitColumn: row.unit });
}
