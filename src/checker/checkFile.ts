// The marked copy in the browser, the same as the CLI's. Loaded lazily by the page; reading and checking
// happen in the worker (worker.ts).
import type { SheetReport } from '../core/model';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A copy of the workbook with every issue marked as the add-in marks Excel (its conditional formats and
 * tagged notes), made in the package so that every other part stays as it was; the original is untouched.
 * An .xls, .et or .ods has no such package: its copy is an .xlsx built from what was read, and `note`
 * says so to the user.
 */
export async function markedCopy(data: ArrayBuffer, reports: SheetReport[], fileName: string): Promise<{ blob: Blob; note: string | null }> {
  const [{ markedCopy: mark }, { asXlsxPackage, convertedNote }, { macrosRemovedNote }] = await Promise.all([import('../xlsx/markedCopy'), import('../xlsx/gridXlsx'), import('../xlsx/macros')]);
  const source = asXlsxPackage(new Uint8Array(data));
  const copy = mark(source.bytes, reports);
  const notes = [...(source.converted ? [convertedNote(fileName, '标记副本')] : []), ...(copy.macrosRemoved ? [macrosRemovedNote('标记副本')] : [])];
  // slice(): a copy backed by a plain ArrayBuffer, which is what Blob accepts.
  return { blob: new Blob([copy.bytes.slice()], { type: XLSX_MIME }), note: notes.length > 0 ? notes.join('；') : null };
}

/** `报表.xlsx` (or `.xls`, `.et`, `.ods`) → `报表-已标记.xlsx`: the copy is always an .xlsx. */
export function markedFileName(name: string): string {
  return `${name.replace(/\.(xlsx|xls|et|ods)$/i, '')}-已标记.xlsx`;
}
