/**
 * How jixiao recognises its own marks in a workbook, without any state kept elsewhere:
 * - a mark is a custom conditional format whose formula is always true and carries a sentinel:
 *   `=AND(ISREF($E$12),N("jixiao:error")=0)`. N() of a text is 0, so the rule always applies; the
 *   absolute reference names the marked cell and moves with it when rows are inserted or deleted;
 * - the message sits in a cell note that starts with NOTE_TAG; a note without the tag is the user's.
 */
import type { Severity } from '../core/model';
import { columnName, fromA1 } from '../core/sheet/address';

const MARK_SENTINEL = 'jixiao';
const NOTE_TAG = '【绩效目标表助手】';

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

const MARK_FORMULA = new RegExp(`^=AND\\(ISREF\\(([^)]*)\\),N\\("${MARK_SENTINEL}:(error|warning|info)"\\)=0\\)$`);

/** The mark a CF formula encodes, or null when the formula is not one of ours. */
export function parseMarkFormula(formula: string): ExistingMark | null {
  const m = MARK_FORMULA.exec(formula.replace(/\s+/g, ''));
  if (!m) return null;
  const ref = m[1].replace(/\$/g, '');
  return { address: isCellAddress(ref) ? ref : null, severity: m[2] as Severity };
}

function isCellAddress(text: string): boolean {
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

export function isMarkNote(content: string): boolean {
  return content.startsWith(NOTE_TAG);
}

export function markKey(address: string, severity: Severity): string {
  return `${address}|${severity}`;
}
