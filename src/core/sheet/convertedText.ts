/**
 * What converting a published page (PDF, Word, HTML) to a spreadsheet leaves in a cell's text, undone as a
 * reader of the page would: a narrow cell's line breaks, characters spaced out to fill a cell, and footnote
 * markers after a name. Everything else is kept as typed.
 */
import { maxOf, minOf } from '../bounded';

const HAN = /[\u3400-\u9fff]/;
const ALNUM = /[0-9A-Za-z%‰）)]/;
/** A line that opens a new item (`2.`, `（二）`, `①`, `—`): its break is the writer's, not the converter's. */
export const ITEM_START = /^(?:\d+[.、．)）]|[(（][\d一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|[①-⑳]|[•·\-—])/;
/** A break inside a cell with the blanks around it. */
const LINE_BREAK = /[ \t\u3000]*\r?\n[ \t\u3000]*/g;
/** A single space between two Han characters (`产 出 指 标`). */
const SPACED_GAP = /(?<=[\u3400-\u9fff])[ \u3000](?=[\u3400-\u9fff])/g;
const HAN_PAIR = /[\u3400-\u9fff](?=[\u3400-\u9fff])/g;
/** `项目名称*`, `咨询办结率①`, `预算数（万元）②`: a footnote's marker after a name (a lone `*` is a placeholder). */
const FOOTNOTE_MARK = /(?<=[\u3400-\u9fff）)])(?:[*＊※]+|[①-⑳]|[¹²³⁴-⁹]+)$/;

/** A break the page's width made: between words of one phrase (Han beside Han, or a figure beside its unit). */
function joinsWrappedLine(before: string, after: string): boolean {
  if (!after || ITEM_START.test(after)) return false;
  const last = before.at(-1) ?? '';
  const first = after[0];
  return (HAN.test(last) && (HAN.test(first) || /[0-9A-Za-z]/.test(first))) || (ALNUM.test(last) && HAN.test(first));
}

/** How wide a text prints: a Han or full-width character takes two places. */
export function printedWidth(line: string): number {
  let width = 0;
  for (const ch of line) width += /[\u1100-\uffef]/.test(ch) ? 2 : 1;
  return width;
}

/** A page's lines are as wide as the cell: a cell of several lines is wrapped when all but its last are. */
const WIDTH_SLACK = 2;

function withoutWrappedLines(text: string): string {
  if (!text.includes('\n')) return text;
  const breaks = [...text.matchAll(LINE_BREAK)];
  if (breaks.length > 1) {
    const widths = text.split(LINE_BREAK).map(printedWidth);
    const full = widths.slice(0, -1);
    const widest = maxOf(full, 0);
    if (widest - minOf(full, 0) > WIDTH_SLACK || widths.at(-1)! > widest + WIDTH_SLACK) return text;
  }
  let out = '';
  let at = 0;
  for (const match of breaks) {
    out += text.slice(at, match.index);
    at = match.index + match[0].length;
    out += joinsWrappedLine(out, text.slice(at)) ? '' : '\n';
  }
  return out + text.slice(at);
}

/** Characters spaced one by one (more gaps than characters written together) are one word. */
function withoutSpacedCharacters(text: string): string {
  if (!text.includes(' ') && !text.includes('\u3000')) return text;
  const gaps = text.match(SPACED_GAP)?.length ?? 0;
  if (gaps < 2 || gaps < (text.match(HAN_PAIR)?.length ?? 0)) return text;
  return text.replace(SPACED_GAP, '');
}

/**
 * `产出指标（续）`: a name printed again on the next page, marked as continued. A title's mark (`…目标表（续表）`)
 * stays: it says the grid under it carries on the one above (gridsGoOn).
 */
const CONTINUED_MARK = /(?<=[^\s表])[(（]续(?:表|上页)?[)）]$/;

/** Last characters that may be a footnote's marker: most cells end otherwise and are returned at once. */
const MARK_END = /[*＊※①-⑳¹²³⁴-⁹)）]$/;

export function convertedText(text: string): string {
  const joined = withoutSpacedCharacters(withoutWrappedLines(text));
  return MARK_END.test(joined) ? joined.replace(FOOTNOTE_MARK, '').replace(CONTINUED_MARK, '') : joined;
}
