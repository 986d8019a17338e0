/** exceljs workbook → CellGrids (one per worksheet), the same shape the Office.js adapter produces. */
import type ExcelJS from 'exceljs';
import { chineseDateText, shownValue } from '../core/sheet/shown';
import type { CellGrid, CellValue } from '../core/sheet/types';

/** Any exceljs cell value → string | number | boolean | null. */
export function plainValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return chineseDateText(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    return plainValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue | undefined);
  }
  if ('hyperlink' in value) return plainValue(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return null;
}

/** One CellGrid per worksheet, from A1 to the last used cell; merges as A1 ranges. */
export function readGrids(workbook: ExcelJS.Workbook): CellGrid[] {
  return workbook.worksheets.map((sheet) => {
    const values: CellValue[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        // exceljs hands every cell of a merged area its master's value; the grid keeps it in the top-left only.
        if (cell.isMerged && cell.master.address !== cell.address) return;
        cells[colNumber - 1] = shownValue(plainValue(cell.value), cell.numFmt);
      });
      values[rowNumber - 1] = cells;
    });
    // A rectangle, like Excel's used range.
    const rows = Array.from(values, (row) => row ?? []);
    const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
    const rectangle = rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));
    return {
      sheetName: sheet.name,
      top: 0,
      left: 0,
      values: rectangle,
      merges: [...sheet.model.merges],
    };
  });
}
