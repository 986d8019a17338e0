/**
 * The writes that take marks away (a mark's conditional format deleted, a jixiao note deleted or given back
 * its user's text), each a QueuedWrite with its estimated request bytes (src/excel/payload.ts). 全部检查's
 * mark writes (markWrites.ts) and 清除标记 (clearMarks.ts) both send them in trips under Excel on the web's
 * request limit. Kept apart from markWrites.ts so the ribbon's commands page, which clears marks, loads no
 * rule (markWrites.ts needs the mark styles, core/marks, which import the rules).
 */
import type { MarkChanges } from '../core/marking';
import { requestBytes } from './payload';
import type { QueuedWrite } from './payload';

/** What a sheet's writes need: its worksheet and the conditional formats loaded with the check. */
export interface MarkTarget {
  worksheet: Excel.Worksheet;
  cfs: Excel.ConditionalFormatCollection;
}

/**
 * The format deletions of a sheet, by position in the loaded collection, highest first (as the diff gives
 * them), so a deletion never shifts one still to come, whatever trip it is sent in.
 */
export function formatDeleteWrites(target: MarkTarget, changes: MarkChanges): QueuedWrite[] {
  return changes.deleteFormats.map((index): QueuedWrite => ({ bytes: requestBytes(1), queue: () => target.cfs.items[index].delete() }));
}

/** The note deletions and updates of a sheet (what cannot be refused for a threaded comment). */
export function noteEditWrites(target: MarkTarget, changes: MarkChanges): QueuedWrite[] {
  const notes = () => target.worksheet.notes;
  return [
    ...changes.deleteNotes.map((address): QueuedWrite => ({ bytes: requestBytes(2, address), queue: () => notes().getItem(address).delete() })),
    ...changes.updateNotes.map(({ address, text }): QueuedWrite => ({ bytes: requestBytes(2, address, text), queue: () => (notes().getItem(address).content = text) })),
  ];
}
