// The marked copy the checker page offers (下载标记副本), built in the check worker (worker.ts) so a
// large copy never freezes the page: the same package edit as the CLI's --marked (tagged notes and
// conditional formats; every other part as it was), with the note the page shows for a converted
// (.xls, .et, .ods) or macro-free copy.
import type { SheetReport } from '../core/model';
import { asXlsxPackage, convertedNote } from '../xlsx/gridXlsx';
import { macrosRemovedNote } from '../xlsx/macros';
import { markedCopy } from '../xlsx/markedCopy';

export function buildMarkedCopy(data: Uint8Array, reports: SheetReport[], fileName: string): { bytes: Uint8Array; note: string | null } {
  const source = asXlsxPackage(data);
  const copy = markedCopy(source.bytes, reports);
  const notes = [...(source.converted ? [convertedNote(fileName, '标记副本')] : []), ...(copy.macrosRemoved ? [macrosRemovedNote('标记副本')] : [])];
  return { bytes: copy.bytes, note: notes.length > 0 ? notes.join('；') : null };
}
