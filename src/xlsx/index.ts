// exceljs adapter: SheetPlan → worksheet, worksheet → CellGrid, bytes ↔ workbook. Shared by the CLI and the checker page.
export { writePlan } from './write';
export { writeTablesWorkbook, blankSheetName, type TablesWorkbookOptions } from './tablesWorkbook';
export { readGrids, plainValue } from './read';
export { loadWorkbook, workbookToBuffer, WorkbookReadError } from './load';
export { readWorkbookGrids } from './readWorkbook';
export type { ReadGrid, SheetComment } from './sparseGrid';
export { DEFAULT_READ_LIMITS, type ReadLimits } from './limits';
