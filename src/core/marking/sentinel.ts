/**
 * How jixiao recognises its own marks from what the host hands back each time, never from a remembered
 * id or position:
 * - a mark is a custom conditional format whose formula is always true and carries a sentinel:
 *   `=AND(ISREF($E$12),N("jixiao:error")=0)`. N() of a text is 0, so the rule always applies; the
 *   absolute reference names the marked cell and moves with it when rows, columns or cells move;
 * - the message sits in a cell note carrying NOTE_TAG; a note without the tag is the user's.
 * Both are compared tolerantly: a host may hand a formula back with other spacing, case or list
 * separator, and a note's text with other line endings or an author line in front.
 */
import type { Severity } from '../model';
import { columnName, fromA1 } from '../sheet/address';

const MARK_SENTINEL = 'jixiao';
const NOTE_TAG = '【绩效目标表助手】';
/** Author of the notes and comments jixiao writes. */
export const MARK_AUTHOR = '绩效目标表助手';

export interface ExistingMark {
  /** Cell the mark is on now; null when its cell was deleted (#REF!). */
  address: string | null;
  severity: Severity;
}

function absolute(address: string): string {
  const { row, col } = fromA1(address);
  return `$${columnName(col)}$${row + 1}`;
}

export function markFormula(address: string, severity: Severity): string {
  return `=AND(ISREF(${absolute(address)}),N("${MARK_SENTINEL}:${severity}")=0)`;
}

// Spacing removed and case folded before matching; `,` or `;` between arguments; `=` optional.
const MARK_FORMULA = new RegExp(`^=?and\\(isref\\(([^)]*)\\)[,;]n\\("${MARK_SENTINEL}:(error|warning|info)"\\)=0\\)$`);

/** The mark a CF formula encodes, or null when the formula is not one of ours. */
export function parseMarkFormula(formula: string): ExistingMark | null {
  const m = MARK_FORMULA.exec(formula.replace(/\s+/g, '').toLowerCase());
  if (!m) return null;
  const ref = m[1].replace(/\$/g, '').toUpperCase();
  return { address: isCellAddress(ref) ? ref : null, severity: m[2] as Severity };
}

function isCellAddress(text: string): boolean {
  if (!/^[A-Z]{1,3}\d+$/.test(text)) return false;
  try {
    fromA1(text);
    return true;
  } catch {
    return false;
  }
}

export function markNoteText(message: string): string {
  return `${NOTE_TAG}\n${message}`;
}

/** A note's text with line endings and trailing spaces evened out, for comparing. */
export function normaliseNoteText(content: string): string {
  return content
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

/** The part of a note from jixiao's tag on, or null when the note carries no tag in its first lines. */
function fromTag(content: string): string | null {
  const text = normaliseNoteText(content);
  const at = text.indexOf(NOTE_TAG);
  // The tag opens the note, or follows one author line (`绩效目标表助手:`) that a host may put in front.
  if (at < 0 || !/^(?:[^\n]*:\n)?$/.test(text.slice(0, at))) return null;
  return text.slice(at);
}

export function isMarkNote(content: string): boolean {
  return fromTag(content) !== null;
}

/** True when a note already reads as `wanted` (a note text made by markNoteText), however the host spelt it. */
export function sameMarkNote(content: string, wanted: string): boolean {
  return fromTag(content) === normaliseNoteText(wanted);
}

/**
 * A user's note with jixiao's message appended (as a marked copy writes it on a reviewer's comment):
 * the user's own text, without the message; null when the note carries no appended message.
 */
export function withoutAppendedMark(content: string, authorName?: string): string | null {
  const text = normaliseNoteText(content);
  const at = text.indexOf(`\n${NOTE_TAG}`);
  if (at < 0 || isMarkNote(content)) return null;
  const own = text.slice(0, at).trimEnd();
  // A host that hands the author's line back in front of the text would store it twice if written back.
  const authorLine = authorName ? `${authorName}:\n` : null;
  return authorLine && own.startsWith(authorLine) ? own.slice(authorLine.length) : own;
}

export function markKey(address: string, severity: Severity): string {
  return `${address}|${severity}`;
}
