// 清除标记 without the check engine: the ribbon's commands page loads this module, not the Excel host,
// so it carries no rules, reader or settings schema (only what removing marks needs).
import { clearSheetMarks } from './checkSheets';
import type { MarkMemory, SheetRef } from './checkSheets';
import type { ExcelFeatures } from './features';
import { MarksKeptOnProtectedSheetsError } from './protection';
import type { ExcelRun, SyncCounter } from './syncCounter';

export interface ClearMarksDeps {
  run: ExcelRun;
  counter: SyncCounter;
  features: ExcelFeatures;
  memory: MarkMemory;
}

/** Every worksheet's id and name, in the workbook's order: 1 sync. */
export async function listSheets(context: Excel.RequestContext, counter: SyncCounter): Promise<SheetRef[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/id');
  await counter.sync(context);
  return worksheets.items.map((s) => ({ id: s.id, name: s.name }));
}

/** Removes jixiao's marks from every sheet; throws MarksKeptOnProtectedSheetsError naming protected sheets left marked. */
export async function clearWorkbookMarks(deps: ClearMarksDeps): Promise<void> {
  const result = await deps.run(async (context) => clearSheetMarks(context, await listSheets(context, deps.counter), deps));
  if (result.keptOnProtected.length > 0) throw new MarksKeptOnProtectedSheetsError(result.keptOnProtected, result.removed);
}
