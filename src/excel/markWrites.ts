/**
 * Writing what the marks diff says of a sheet (src/core/marking): each change a QueuedWrite with its
 * estimated request bytes, so many sheets' marks go in trips under Excel on the web's request limit
 * (src/excel/payload.ts) and a trip refused as too large is sent again in halves.
 */
import { MARK_STYLES } from '../core/marks';
import { markFormula } from '../core/marking';
import type { MarkChanges } from '../core/marking';
import { queueBoxBorder } from './borders';
import { formatDeleteWrites, noteEditWrites } from './markRemovals';
import type { MarkTarget } from './markRemovals';
import { requestBytes, sendInTrips } from './payload';
import type { QueuedWrite } from './payload';

/** Commands of one mark's format: add, formula, fill, and a style and colour per border edge. */
const FORMAT_COMMANDS = 11;

/** The format changes of a sheet, deletions first (an added format goes first in Excel and would shift them). */
export function formatWrites(target: MarkTarget, changes: MarkChanges): QueuedWrite[] {
  const adds = changes.addFormats.map((mark): QueuedWrite => {
    const formula = markFormula(mark.address, mark.severity);
    return {
      bytes: requestBytes(FORMAT_COMMANDS, formula),
      queue: () => {
        const style = MARK_STYLES[mark.severity];
        const cf = target.worksheet.getRange(mark.address).conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
        cf.custom.rule.formula = formula;
        cf.custom.format.fill.color = style.fill;
        queueBoxBorder(cf.custom.format.borders, style.border);
      },
    };
  });
  return [...formatDeleteWrites(target, changes), ...adds];
}

/** One note added. */
export function noteAddWrite(target: MarkTarget, address: string, text: string): QueuedWrite {
  return { bytes: requestBytes(1, address, text), queue: () => target.worksheet.notes.add(address, text) };
}

/** Every write of a sheet's changes, in the order Excel needs them; without its notes when `withNotes` is false. */
export function markWrites(target: MarkTarget, changes: MarkChanges, withNotes = true): QueuedWrite[] {
  if (!withNotes) return formatWrites(target, changes);
  return [...formatWrites(target, changes), ...noteEditWrites(target, changes), ...changes.addNotes.map(({ address, text }) => noteAddWrite(target, address, text))];
}

export interface WriteAloneDeps {
  sync: () => Promise<void>;
  maxRequestBytes: number;
  /** Excel refused this note (a threaded comment is in its cell): its issue stays in the pane's list. */
  refuse: (address: string) => void;
}

/**
 * A sheet's writes on their own after a refused batch: its formats, then its note edits, in trips under
 * the request limit; then each added note alone, so a refused one (a threaded comment's cell) costs only
 * itself. The refused cell keeps its mark's colour.
 */
export async function writeAlone(target: MarkTarget, changes: MarkChanges, deps: WriteAloneDeps): Promise<void> {
  await sendInTrips([...formatWrites(target, changes), ...noteEditWrites(target, changes)], deps.maxRequestBytes, deps.sync);
  for (const { address, text } of changes.addNotes) {
    noteAddWrite(target, address, text).queue();
    try {
      await deps.sync();
    } catch {
      deps.refuse(address);
    }
  }
}
