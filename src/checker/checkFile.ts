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
  const [{ markedCopy: mark }, { asXlsxPackage, convertedNote }] = await Promise.all([import('../xlsx/markedCopy'), import('../xlsx/gridXlsx')]);
  const source = asXlsxPackage(new Uint8Array(data));
  // slice(): a copy backed by a plain ArrayBuffer, which is what Blob accepts.
  const bytes = mark(source.bytes, reports).bytes.slice();
  return { blob: new Blob([bytes], { type: XLSX_MIME }), note: source.converted ? convertedNote(fileName, '标记副本') : null };
}

/** `报表.xlsx` (or `.xls`, `.et`, `.ods`) → `报表-已标记.xlsx`: the copy is always an .xlsx. */
export function markedFileName(name: string): string {
  return `${name.replace(/\.(xlsx|xls|et|ods)$/i, '')}-已标记.xlsx`;
}
