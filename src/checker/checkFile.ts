// Reads and checks one .xlsx in the browser with the same core as the add-in and the CLI. Loaded
// lazily by the page, so exceljs is only fetched once a file is chosen.
import { checkGrids } from '../core/check';
import { DEFAULT_SETTINGS, type SheetReport, type TemplateLibrary } from '../core/model';
import { loadWorkbook, readGrids, workbookToBuffer } from '../xlsx';
import { applyMarks } from '../xlsx/marks';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function checkWorkbookData(data: ArrayBuffer, library: TemplateLibrary): Promise<SheetReport[]> {
  const workbook = await loadWorkbook(data);
  return checkGrids(readGrids(workbook), { settings: DEFAULT_SETTINGS, library });
}

/** A copy of the workbook with every issue marked (fill, border, note); the original is untouched. */
export async function markedCopy(data: ArrayBuffer, reports: SheetReport[]): Promise<Blob> {
  const workbook = await loadWorkbook(data);
  applyMarks(workbook, reports);
  // slice(): a copy backed by a plain ArrayBuffer, which is what Blob accepts.
  const bytes = (await workbookToBuffer(workbook)).slice();
  return new Blob([bytes], { type: XLSX_MIME });
}

/** `报表.xlsx` → `报表-已标记.xlsx`. */
export function markedFileName(name: string): string {
  return `${name.replace(/\.xlsx$/i, '')}-已标记.xlsx`;
}
