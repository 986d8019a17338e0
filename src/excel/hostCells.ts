// The Excel host's methods about where the user is: going to a cell, the active sheet, the selected
// cell, and a sheet's cells for the 指定表格布局 dialog.
import type { CompleteHost } from '../web/host';
import type { ExcelSession } from './hostSession';
import { readLayoutGrid, readSelectedCell } from './layoutCells';

export function cellMethods(session: ExcelSession): Pick<CompleteHost, 'selectCell' | 'activeSheetName' | 'selectedCell' | 'readSheetGrid'> {
  const { run, counter, features } = session;
  return {
    async selectCell(sheetName, address) {
      await run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(sheetName);
        sheet.activate();
        sheet.getRange(address).select();
        await counter.sync(context);
      });
    },

    activeSheetName: () =>
      run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        sheet.load('name');
        await counter.sync(context);
        return sheet.name || null;
      }),

    selectedCell: () => run((context) => readSelectedCell(context, counter)),
    readSheetGrid: (sheetName) => run((context) => readLayoutGrid(context, sheetName, counter, features)),
  };
}
