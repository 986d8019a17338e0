// A sheet's notes as a check reads them: a count and a probe of the cells that held notes last time,
// and every note located only when the two disagree (src/excel/checkSheets.ts).
import { localAddress } from './mergedAreas';

/** A sheet's notes as read: every note (by cell) once `byCell` is set, else only the probed ones. */
export interface NotesRead {
  all: Excel.NoteCollection;
  probes: Map<string, Excel.Note>;
  byCell: Map<string, string> | null;
  located: { note: Excel.Note; range: Excel.Range }[];
}

/** Queues a sheet's notes: how many there are, and a probe of each cell that held one last time. */
export function queueNotesRead(worksheet: Excel.Worksheet, noteCells: Iterable<string>): NotesRead {
  const all = worksheet.notes;
  all.load('items/content');
  const probes = new Map<string, Excel.Note>();
  for (const address of noteCells) {
    const note = all.getItemOrNullObject(address);
    note.load('content');
    probes.set(address, note);
  }
  return { all, probes, byCell: null, located: [] };
}

/** After the first read: every note known from the probes, or each note's location queued (returns true). */
export function settleNotes(notes: NotesRead): boolean {
  notes.located = [];
  const found = new Map<string, string>();
  for (const [address, note] of notes.probes) if (!note.isNullObject) found.set(address, note.content);
  if (found.size === notes.all.items.length) {
    notes.byCell = found;
    return false;
  }
  for (const note of notes.all.items) {
    const range = note.getLocation();
    range.load('address');
    notes.located.push({ note, range });
  }
  return true;
}

export function finishNotes(notes: NotesRead): Map<string, string> {
  notes.byCell ??= new Map(notes.located.map(({ note, range }) => [localAddress(range.address), note.content]));
  return notes.byCell;
}
