// Reads and marks one workbook in the browser with the same reader and the same marked copy as the CLI.
// Loaded lazily by the page. Checking the grids is the core's checkGrids.
import type { SheetReport } from '../core/model';
import type { CellGrid } from '../core/sheet/types';
import { readWorkbookGrids as readGrids } from '../xlsx/readWorkbook';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The workbook's sheets as grids, kept by the page so new settings re-check without re-reading. */
export async function readWorkbookGrids(data: ArrayBuffer): Promise<CellGrid[]> {
  return readGrids(data);
}

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
