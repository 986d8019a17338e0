/**
 * The difference between the marks a sheet carries and the marks it should carry, worked out from what
 * the host read this time only. Host-neutral: Excel's adapter (and any other host's) only carries it out.
 */
import type { CellMark } from '../marks';
import { markKey, markNoteText, isMarkNote, sameMarkNote, withoutAppendedMark } from './sentinel';
import type { ExistingMark } from './sentinel';

export interface MarkChanges {
  /**
   * Positions (in the collection as read) of jixiao's conditional formats to delete, highest first: a
   * host whose formats are addressed by position (Excel documents `ConditionalFormat.id` as the
   * priority) shifts only the formats after a deleted one, which are already gone.
   */
  deleteFormats: number[];
  /** Marks to add as conditional formats. */
  addFormats: CellMark[];
  /** Cells whose jixiao note goes. */
  deleteNotes: string[];
  /** Cells whose jixiao note gets new text. */
  updateNotes: { address: string; text: string }[];
  /** Cells that get a jixiao note (never one with the user's own note). */
  addNotes: { address: string; text: string }[];
}

export function countChanges(changes: MarkChanges): number {
  return changes.deleteFormats.length + changes.addFormats.length + changes.deleteNotes.length + changes.updateNotes.length + changes.addNotes.length;
}

/**
 * `formats`: every conditional format of the sheet in collection order, as the mark it encodes or null
 * for one that is not jixiao's. `notes`: every note by cell, or null where notes cannot be read.
 * A mark present twice (two co-authors who checked at once) keeps its first copy, so both converge.
 */
export function diffMarks(desired: CellMark[], formats: (ExistingMark | null)[], notes: Map<string, string> | null): MarkChanges {
  const wanted = new Map(desired.map((m) => [markKey(m.address, m.severity), m]));
  const kept = new Set<string>();
  const deleteFormats: number[] = [];
  formats.forEach((mark, index) => {
    if (!mark) return;
    const key = mark.address ? markKey(mark.address, mark.severity) : null;
    if (key && wanted.has(key) && !kept.has(key)) kept.add(key);
    else deleteFormats.push(index);
  });
  deleteFormats.sort((a, b) => b - a);
  const addFormats = [...wanted].filter(([key]) => !kept.has(key)).map(([, mark]) => mark);

  const changes: MarkChanges = { deleteFormats, addFormats, deleteNotes: [], updateNotes: [], addNotes: [] };
  if (!notes) return changes;
  const textAt = new Map(desired.map((m) => [m.address, markNoteText(m.message)]));
  for (const [address, content] of notes) {
    if (!isMarkNote(content)) continue;
    const text = textAt.get(address);
    if (text === undefined) changes.deleteNotes.push(address);
    else if (!sameMarkNote(content, text)) changes.updateNotes.push({ address, text });
  }
  for (const [address, text] of textAt) if (!notes.has(address)) changes.addNotes.push({ address, text });
  return changes;
}

/** Everything jixiao marked, to clear: the same selection as diffMarks against no wanted mark. */
export function clearChanges(formats: (ExistingMark | null)[], notes: Map<string, string> | null): MarkChanges {
  return diffMarks([], formats, notes);
}

/** What 清除标记 does to one note: jixiao's own goes; a user's note with jixiao's message appended (a marked copy) gets its own text back. */
export type NoteClearing = { kind: 'delete' } | { kind: 'restore'; text: string };

/** The one rule every host clears notes by; null for a note that is the user's alone. */
export function noteClearing(content: string, authorName?: string): NoteClearing | null {
  if (isMarkNote(content)) return { kind: 'delete' };
  const own = withoutAppendedMark(content, authorName);
  return own === null ? null : { kind: 'restore', text: own };
}
