// The marked copy in the browser, the same as the CLI's. Loaded lazily by the page; reading and checking
// happen in the worker (worker.ts).
import type { SheetReport } from '../core/model';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A copy of the workbook with every issue marked as the add-in marks Excel (its conditional formats and
 * tagged notes), made in the package so that every other part stays as it was; the original is untouched.
 */
export async function markedCopy(data: ArrayBuffer, reports: SheetReport[]): Promise<Blob> {
  const { markedCopy: mark } = await import('../xlsx/markedCopy');
  // slice(): a copy backed by a plain ArrayBuffer, which is what Blob accepts.
  const bytes = mark(new Uint8Array(data), reports).bytes.slice();
  return new Blob([bytes], { type: XLSX_MIME });
}

/** `报表.xlsx` → `报表-已标记.xlsx`. */
export function markedFileName(name: string): string {
  return `${name.replace(/\.xlsx$/i, '')}-已标记.xlsx`;
}
