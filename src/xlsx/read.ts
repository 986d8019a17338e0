/** exceljs workbook → CellGrids (one per worksheet), the same shape the Office.js adapter produces. */
import type ExcelJS from 'exceljs';
import type { CellGrid, CellValue } from '../core/sheet/types';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A date as a Chinese date text (`2024年12月31日`), with the time only when it has one. */
function dateText(date: Date): string {
  const day = `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
  const hasTime = date.getUTCHours() + date.getUTCMinutes() + date.getUTCSeconds() > 0;
  return hasTime ? `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}` : day;
}

/** Any exceljs cell value → string | number | boolean | null. */
export function plainValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    return plainValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue | undefined);
  }
  if ('hyperlink' in value) return plainValue(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return null;
}

/**
 * `95%` typed into a General cell is stored as 0.95 with a percent format; the 指标值 means what is shown,
 * so a percent-formatted number is read as its `95%` text.
 */
function shownPercent(cell: ExcelJS.Cell): string | null {
  const value = plainValue(cell.value);
  if (typeof value !== 'number' || !cell.numFmt || !/%/.test(cell.numFmt.replace(/"[^"]*"/g, ''))) return null;
  return `${Number((value * 100).toPrecision(12))}%`;
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
        cells[colNumber - 1] = shownPercent(cell) ?? plainValue(cell.value);
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
