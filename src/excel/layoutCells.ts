// 指定表格布局 in Excel: the sheet's cells for the dialog's preview, and the cell the user selected
// (使用所选单元格). Reads only; one round trip each. Workbook.getSelectedRange is ExcelApi 1.1;
// Range.getMergedAreasOrNullObject is 1.13 (learn.microsoft.com/javascript/api/excel/excel.range).
import { fromA1, toA1 } from '../core/sheet/address';
import type { CellGrid } from '../core/sheet/types';
import { queueWindowRead, shownRows, WINDOW_COLUMNS } from './checkSheets';
import { mergesOf, queueMergeBands, settleMergeBands } from './mergedAreas';
import type { ExcelFeatures } from './features';
import type { SyncCounter } from './syncCounter';

/** The dialog shows and teaches the top-left of a form: 26 columns × 400 rows is more than any header block. */
const LAYOUT_WINDOW_CELLS = 26 * 400;

export async function readLayoutGrid(context: Excel.RequestContext, sheetName: string, counter: SyncCounter, features: ExcelFeatures): Promise<CellGrid> {
  const worksheet = context.workbook.worksheets.getItem(sheetName);
  const { window } = queueWindowRead(worksheet, LAYOUT_WINDOW_CELLS);
  // Merged areas in bands of under 512 (src/excel/mergedAreas.ts), over the window the dialog shows.
  const merged = features.mergedAreas ? queueMergeBands(worksheet, 0, Math.ceil(LAYOUT_WINDOW_CELLS / WINDOW_COLUMNS), 0, WINDOW_COLUMNS) : null;
  await counter.sync(context);
  // Bands whose address did not read area by area need one more round trip.
  if (merged && settleMergeBands(merged)) await counter.sync(context);
  const merges = merged ? mergesOf(merged) : [];
  if (window.isNullObject) return { sheetName, top: 0, left: 0, values: [], merges };
  return { sheetName, top: window.rowIndex, left: window.columnIndex, values: shownRows(window), merges };
}

/** `'预算 表'!B3:C4` → the sheet (unquoted) and its first cell. */
export function selectedCellOf(address: string): { sheetName: string; address: string } | null {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return null;
  const sheet = address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
  const first = address.slice(bang + 1).split(/[:,]/)[0].replace(/\$/g, '');
  try {
    const { row, col } = fromA1(first);
    return { sheetName: sheet, address: toA1(row, col) };
  } catch {
    return null;
  }
}

export async function readSelectedCell(context: Excel.RequestContext, counter: SyncCounter): Promise<{ sheetName: string; address: string } | null> {
  const range = context.workbook.getSelectedRange();
  range.load('address');
  await counter.sync(context);
  return selectedCellOf(range.address);
}
