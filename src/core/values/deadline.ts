/** Deadlines: `2024年12月底前`, `9月底前`, `全年`, `年底前`, `第四季度`, `4月立项，5月启动，12月完成`. */

export interface Deadline {
  year: number | null;
  month: number | null;
}

/** Up to four trailing Han characters of verb (完成, 启动, 立项, 前完成) after a date. */
const TRAILING_VERB = '[\\u4e00-\\u9fa5]{0,4}';
const BEFORE = '(?:前|之前|以前|内|止|为止)?';

/** `当年12月底前`: a word for the budget year itself, so no year is named. */
const THIS_YEAR = '(?:当年|本年度?|今年|年内)?';
const DATE_SEGMENT = new RegExp(
  `^(?:(\\d{4})年度?)?${THIS_YEAR}(?:(?:\\d{1,2}月?[-~至到])?(\\d{1,2})月份?(?:(\\d{1,2})[日号])?)?(全年|年底|年末|年内|底|末|初|上旬|中旬|下旬)?${BEFORE}${TRAILING_VERB}$`,
);
const QUARTER_SEGMENT = new RegExp(`^(?:(\\d{4})年度?)?第?([一二三四1-4])季度(?:末|底)?${BEFORE}${TRAILING_VERB}$`);
const HALF_YEAR_SEGMENT = new RegExp(`^(?:(\\d{4})年度?)?(上半年|下半年)(?:末|底)?${BEFORE}${TRAILING_VERB}$`);
/** `2024-12-31`, `2024.12`, `2024/6/30前`. */
const NUMERIC_DATE = new RegExp(`^(\\d{4})[-./](\\d{1,2})(?:[-./](\\d{1,2}))?${BEFORE}${TRAILING_VERB}$`);
const WHOLE_YEAR = /^(?:全年|全年度|本年度|年度内|当年|年内|本年)(?:内)?(?:完成|有效|开展|实施)?$/;
const YEAR_END = /^(?:年底|年末|年终|本年底|本年末)(?:前|之前|以前)?(?:完成)?$/;

const QUARTER_NUMBERS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

function validYear(text: string | undefined): number | null | undefined {
  if (text === undefined) return null;
  const year = Number(text);
  return year >= MIN_YEAR && year <= MAX_YEAR ? year : undefined;
}

function parseSegment(segment: string): Deadline | null {
  if (WHOLE_YEAR.test(segment)) return { year: null, month: null };
  if (YEAR_END.test(segment)) return { year: null, month: 12 };
  const quarter = QUARTER_SEGMENT.exec(segment);
  if (quarter) {
    const year = validYear(quarter[1]);
    return year === undefined ? null : { year, month: QUARTER_NUMBERS[quarter[2]] * 3 };
  }
  const half = HALF_YEAR_SEGMENT.exec(segment);
  if (half) {
    const year = validYear(half[1]);
    return year === undefined ? null : { year, month: half[2] === '上半年' ? 6 : 12 };
  }
  // `2000.5` alone is a number, not May 2000: a dotted year-month needs a day or a word after it.
  const numeric = /^\d{4}\.\d{1,2}$/.test(segment) ? null : NUMERIC_DATE.exec(segment);
  const date = numeric ? [numeric[0], numeric[1], numeric[2], numeric[3], undefined] : DATE_SEGMENT.exec(segment);
  if (!date) return null;
  const [, yearText, monthText, dayText, period] = date;
  if (yearText === undefined && monthText === undefined) return null;
  const year = validYear(yearText);
  if (year === undefined) return null;
  if (monthText === undefined) {
    // `2024年底` names December; `2024年` or `2024年全年` names no month. 初/旬 need a month.
    if (period !== undefined && !['全年', '年底', '年末', '年内', '底', '末'].includes(period)) return null;
    const yearEnd = period === '年底' || period === '年末' || period === '底' || period === '末';
    return { year, month: yearEnd ? 12 : null };
  }
  const month = Number(monthText);
  if (month < 1 || month > 12) return null;
  if (dayText !== undefined && (Number(dayText) < 1 || Number(dayText) > 31)) return null;
  if (period === '全年' || period === '年底' || period === '年末' || period === '年内') return null;
  return { year, month };
}

/** `次年3月底前`, `下一年度6月`: a date in the year after the budget year, which the text does not name. */
const NEXT_YEAR = /^(?:次年|翌年|明年|下一?年度?|第二年)(?=\d|底|末|初|上半年|下半年|第)/;

/** Whether a (compact) deadline names a date in the year after the budget year (次年3月底前). */
export function inNextYear(compact: string): boolean {
  return NEXT_YEAR.test(compact);
}

/**
 * Reads a deadline from compact text (normalised, no spaces, no trailing remark). Several dated steps
 * separated by commas (`4月立项，5月启动，12月完成`) give the last step, whose year defaults to the
 * nearest earlier one. Null when the text is not a date.
 */
export function parseDeadline(compact: string): Deadline | null {
  // Steps are separated by commas; a period `2024年1月1日-2024年12月31日` or `1月至12月` ends at its last date.
  // The year after the budget year is no year the text names: read as a date of no year (see inNextYear).
  const segments = compact.replace(NEXT_YEAR, '').split(/[,，;；、]|(?:[~～—–-]|至|到)(?=\d{4}[年\-./])/).filter((segment) => segment !== '');
  if (segments.length === 0) return null;
  let year: number | null = null;
  let month: number | null = null;
  for (const segment of segments) {
    const parsed = parseSegment(segment);
    if (!parsed) return null;
    year = parsed.year ?? year;
    month = parsed.month;
  }
  return { year, month };
}
