/**
 * Indicators written as text inside one cell (a budget list's 绩效目标 column, S26): 【总体目标】 then its text,
 * 【产出指标-数量指标】 headings each followed by `指标1:机柜数量(≥77台)` lines. Read by what the text holds:
 * headings are known by the dimension vocabulary, whatever their brackets, separators or numbering; an
 * indicator's target stands in brackets after its name, after a colon, or after an operator.
 */
import { narrowWidth } from '../values';
import { dimensionOf, isLevel2Of, level1Home } from './vocabulary';

/** One indicator as written: names as the text gives them, the target (empty when none is written). */
export interface TextIndicator {
  level1: string;
  level2: string;
  level3: string;
  value: string;
}

export interface IndicatorText {
  /** The text under 【总体目标】 (or another goals heading), lines kept; empty when none. */
  goals: string;
  indicators: TextIndicator[];
}

/** A bracketed heading anywhere in the text: 【…】, […], 〔…〕 (full-width [ is narrowed before). */
const BRACKETED = /[【[〔]([^【】[\]〔〕\n]{1,40})[】\]〕]/g;
/** What separates a heading's 一级 from its 二级: 产出指标-数量指标, 产出指标—数量指标, 产出指标/数量指标. */
const HEADING_PARTS = /[-－—–~～/／|｜·・>＞\s]+/;
/** An unbracketed line that may be a heading: no digits, operators or brackets (`服务对象满意度(≥90%)` is an indicator). */
const PLAIN_HEADING_LINE = /^[^\d≥≤<>=%()（）]+$/;
/** A goals heading: 总体目标, 年度目标, 绩效目标, 年度绩效目标, 项目目标. */
const GOALS_HEADING = /^(?:年度|总体|中期|实施期|项目|年度绩效|项目绩效)?(?:绩效)?目标[:：]?$/;
/** What separates one indicator from the next inside a heading's text. */
const ENTRY_BREAK = /[\n;；]+|(?=指标\s*\d+\s*[:：])/;
/** The numbering before an indicator: 指标1:, 1., 1、, (1), ①. */
const ENTRY_NUMBER = /^(?:指标\s*\d+\s*[:：.、．]?|\d{1,2}\s*[.、．:：)）](?!\d)|[(（]\d{1,2}[)）]|[①-⑳])\s*/;
/** An operator opening a target written right after the name (`机柜数量≥77台`). */
const OPERATOR = /[≥≤><=＞＜＝≧≦]/;

type Heading = { kind: 'goals' } | { kind: 'dimension'; level1: string | null; level2: string | null } | { kind: 'other' };

/** A heading's text as the vocabulary reads it: goals, a dimension (一级, 二级 or both), or another section. */
function headingOf(inner: string): Heading {
  const text = inner.trim().replace(/[:：]$/, '');
  if (GOALS_HEADING.test(text.replace(/\s+/g, ''))) return { kind: 'goals' };
  const parts = text.split(HEADING_PARTS).filter(Boolean);
  if (parts.length === 0 || parts.length > 2) return { kind: 'other' };
  const dims = parts.map(dimensionOf);
  if (dims.some((d) => d === null)) return { kind: 'other' };
  // Two parts are 一级 then 二级 (成本指标 is a 一级 in 101号 and a 二级 under 产出 elsewhere: the place tells).
  if (parts.length === 2) return { kind: 'dimension', level1: parts[0], level2: parts[1] };
  return dims[0]!.level === 1 ? { kind: 'dimension', level1: parts[0], level2: null } : { kind: 'dimension', level1: null, level2: parts[0] };
}

/** The index of the bracket opening the group that closes the text, or -1 (`名称(≥0.97(比例))` → the outer one). */
function trailingGroupStart(text: string): number {
  if (!/[)）]$/.test(text)) return -1;
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === ')' || ch === '）') depth++;
    else if ((ch === '(' || ch === '（') && --depth === 0) return i;
  }
  return -1;
}

/** The first colon outside brackets, or -1. */
function colonOutsideBrackets(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '（') depth++;
    else if ((ch === ')' || ch === '）') && depth > 0) depth--;
    else if ((ch === ':' || ch === '：') && depth === 0) return i;
  }
  return -1;
}

/** One indicator line → its name and target: `名称(目标)`, `名称：目标`, `名称≥目标`, or a name alone. */
export function splitEntry(line: string): { name: string; target: string } | null {
  const entry = line.trim().replace(ENTRY_NUMBER, '').trim();
  if (!entry) return null;
  const colon = colonOutsideBrackets(entry);
  if (colon > 0) return { name: entry.slice(0, colon).trim(), target: entry.slice(colon + 1).trim() };
  const open = trailingGroupStart(entry);
  if (open > 0) return { name: entry.slice(0, open).trim(), target: entry.slice(open + 1, -1).trim() };
  const operator = OPERATOR.exec(entry);
  if (operator && operator.index > 0) return { name: entry.slice(0, operator.index).trim(), target: entry.slice(operator.index).trim() };
  return { name: entry, target: '' };
}

/** A heading's section: what it is and the text up to the next heading. */
interface Section {
  heading: Heading;
  text: string;
}

/** The text cut at its headings: bracketed ones anywhere, and lines that are nothing but dimension names. */
function sectionsOf(text: string): Section[] {
  const narrowed = narrowWidth(text);
  const marks: { at: number; end: number; heading: Heading }[] = [];
  for (const match of narrowed.matchAll(BRACKETED)) marks.push({ at: match.index, end: match.index + match[0].length, heading: headingOf(text.slice(match.index + 1, match.index + match[0].length - 1)) });
  // An unbracketed heading line (`产出指标-数量指标：`) counts only as a dimension, never as prose.
  let offset = 0;
  for (const line of narrowed.split('\n')) {
    const bare = line.trim().replace(/^[(（][一二三四五六七八九十\d]{1,2}[)）]/, '');
    const heading = PLAIN_HEADING_LINE.test(bare) && !/[【[〔]/.test(line) ? headingOf(text.slice(offset, offset + line.length)) : null;
    if (heading?.kind === 'dimension') marks.push({ at: offset, end: offset + line.length, heading });
    offset += line.length + 1;
  }
  marks.sort((a, b) => a.at - b.at);
  return marks.map((mark, i) => ({ heading: mark.heading, text: text.slice(mark.end, marks[i + 1]?.at ?? text.length) }));
}

/** Headings of a dimension a cell must hold, at least, to be read as indicators (one is a label, not a list). */
const MIN_HEADINGS = 2;

/**
 * The goals and indicators a cell's text holds, or null when it is not such a text: fewer than two
 * dimension headings, or no indicator with a target under them.
 */
export function readIndicatorText(text: string): IndicatorText | null {
  if (text.length < 10 || !/[【[〔［]|指标/.test(text)) return null;
  const sections = sectionsOf(text);
  if (sections.filter((s) => s.heading.kind === 'dimension').length < MIN_HEADINGS) return null;
  const goals: string[] = [];
  const indicators: TextIndicator[] = [];
  let level1 = '';
  let level2 = '';
  for (const { heading, text: body } of sections) {
    if (heading.kind === 'goals') {
      goals.push(body.trim());
      continue;
    }
    if (heading.kind === 'other') continue;
    if (heading.level1) {
      level1 = heading.level1;
      level2 = heading.level2 ?? '';
    } else if (heading.level2) {
      // A 二级 alone goes under the 一级 above it when that one may hold it, else under its own home.
      level1 = level1 && isLevel2Of(level1, heading.level2) ? level1 : (level1Home(heading.level2) ?? level1);
      level2 = heading.level2;
    }
    for (const line of body.split(ENTRY_BREAK)) {
      const entry = splitEntry(line);
      if (entry) indicators.push({ level1, level2, level3: entry.name, value: entry.target });
    }
  }
  if (!indicators.some((row) => row.value)) return null;
  return { goals: goals.filter(Boolean).join('\n'), indicators };
}
