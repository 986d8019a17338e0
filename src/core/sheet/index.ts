// Sheets: layout (table → SheetPlan), reader (CellGrid → table with addresses), labels shared by both.
export * from './types';
export * from './address';
export * from './labels';
export { planTableSheet, planBlankSheet, planInsertedTable, planInsertedBlank, blankTable, uniqueSheetName, LAYOUT_ROWS, SPARE_ROWS } from './layout';
export type { PlanTableOptions } from './layout';
export * from './shown';
export { planNativeChecks, nativeCheckOf } from './nativeChecks';
export type { NativeCheckCode, NativeCheckCells, PlannedConditionalFormat } from './nativeChecks';
export { readSheet, readSheetTables, readAmount, amountProblem, splitDepartment } from './reader';
export type { ReadSheetOptions } from './reader';
