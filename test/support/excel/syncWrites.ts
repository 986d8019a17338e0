// What one sync of the Excel double writes: the protection guard every write goes through, and the sheets as
// they were before the sync's first write to them (the undo model, workbookState.ts).
import { accessDenied } from './errors';
import { cloneSheet } from './sheetState';
import type { SheetState } from './sheetState';

/**
 * The sheets the running sync has written, each as it was before its first write (for the undo model).
 * Ops run synchronously inside one sync, so one module-level record is enough.
 */
export const syncWrites: { sheets: Map<string, SheetState> | null; workbook: boolean } = { sheets: null, workbook: false };

/** Called at sync by every write to a sheet's cells, formats, CFs, notes or validation. */
export function requireUnprotected(sheet: SheetState, errorLocation: string): void {
  if (sheet.protected) throw accessDenied(errorLocation);
  if (syncWrites.sheets && !syncWrites.sheets.has(sheet.id)) syncWrites.sheets.set(sheet.id, cloneSheet(sheet));
}
