/**
 * 一键修正 in Excel: a Fix (src/core/model/fix.ts) applied to one sheet in one batch of two round trips:
 * 1. what the plan needs: protection, the merged areas, the used columns, and the number format of each
 *    cell a text is written to (or of the cell its row takes its formats from);
 * 2. every insert, format copy and value, and the selection.
 * Whatever could refuse is decided after round trip 1, before anything is queued: a fix that cannot be
 * applied whole is not applied at all, and the error says why in Chinese.
 *
 * Inserted rows: `Range.insert("Down")` on whole rows, then the formats of the `formatFrom` row pasted over
 * them with `Range.copyFrom(…, "Formats")` (ExcelApi 1.9; learn.microsoft.com/javascript/api/excel/excel.range
 * #excel-excel-range-copyfrom-member(1), excel.rangecopytype), column runs clear of merged areas, since Excel
 * refuses to paste over part of one. Whether `insert` itself gives the new rows the row above's formats,
 * merges, validation and conditional formats (as Excel's Insert command does) is not documented for
 * Office.js; the pasted formats make the result the same either way (the double's `insertTakesRowAbove`).
 * Validation that spans the insertion point grows with it in both cases.
 */
import type { Fix } from '../core/model';
import { fixedCellValue, planFix, protectedSheetFixError } from '../core/fixes/planFix';
import type { SheetFacts } from '../core/fixes/planFix';
import type { CellGrid } from '../core/sheet/types';
import { DEFAULT_MAX_CELLS_PER_SYNC, WINDOW_COLUMNS, queueWindowRead, windowGrid, windowRows } from './checkSheets';
import { mergesOf, queueMergeBands, settleMergeBands } from './mergedAreas';
import type { ExcelFeatures } from './features';
import type { SyncCounter } from './syncCounter';
// The plan is the core's (shared with the WPS host); re-exported for this module's importers.
export { FixNotApplicableError, originRow, planFix } from '../core/fixes/planFix';
export type { FixOperation, FixPlan, SheetFacts } from '../core/fixes/planFix';

export interface ApplyFixDeps {
  counter: SyncCounter;
  features: ExcelFeatures;
  /**
   * Called with the sheet as it is now, before anything is written, or with null when it could not be read
   * in the same round trip (larger than one read, or merges unknown): throws FixNotApplicableError when the
   * fix is no longer the one the sheet calls for.
   */
  verify?: (grid: CellGrid | null, sheetId: string) => void;
}

export interface AppliedFix {
  sheet: { id: string; name: string };
  /** Cells selected once applied. */
  selected: string[];
  /** True when rows were inserted (cells moved: where notes were is no longer known). */
  movedCells: boolean;
}

/** Applies `fix` to the sheet (by id or name) in two round trips; see the top of this file. */
export async function applyFixInExcel(context: Excel.RequestContext, sheetKey: string, fix: Fix, deps: ApplyFixDeps): Promise<AppliedFix> {
  const { counter, features } = deps;
  const worksheet = context.workbook.worksheets.getItem(sheetKey);
  worksheet.load('id,name');
  const protection = worksheet.protection;
  protection.load('protected');
  const used = worksheet.getUsedRangeOrNullObject();
  used.load('columnIndex,columnCount');
  // Pasting formats needs Range.copyFrom (1.9) and knowing the merges (1.13): those of the window, in bands
  // (at most 512 per call), known whole only when the window holds the whole used range.
  const merged = features.mergedAreas ? queueMergeBands(worksheet, 0, windowRows(DEFAULT_MAX_CELLS_PER_SYNC), 0, WINDOW_COLUMNS) : null;
  const current = queueWindowRead(worksheet, DEFAULT_MAX_CELLS_PER_SYNC);
  const facts = (merges: string[] | null): SheetFacts => ({ merges, lastColumn: used.isNullObject ? 0 : used.columnIndex + used.columnCount - 1 });
  // The number formats are read for the cells the plan names; planning without merges names the same cells.
  const formatCells = planFix(fix, { merges: null, lastColumn: 0 }).formatCells;
  const formats = new Map(formatCells.map((cell) => [cell, worksheet.getRange(cell).load('numberFormat')]));
  await counter.sync(context);

  if (protection.protected) {
    throw protectedSheetFixError(worksheet.name);
  }
  // Areas whose address did not read one by one are not waited for (a round trip): merges stay unknown.
  const merges = merged === null || settleMergeBands(merged) ? null : mergesOf(merged);
  const grid = merges ? windowGrid(current, worksheet.name, merges) : null;
  deps.verify?.(grid, worksheet.id);
  const plan = planFix(fix, facts(features.rangeCopy && grid ? merges : null));

  for (const op of plan.operations) {
    if (op.kind === 'insert') worksheet.getRange(op.rows).insert('Down' as Excel.InsertShiftDirection);
    else if (op.kind === 'copyFormats') worksheet.getRange(op.to).copyFrom(op.from, 'Formats' as Excel.RangeCopyType);
    else worksheet.getRange(op.cell).values = [[fixedCellValue(op.value, op.formatOf ? (formats.get(op.formatOf)?.numberFormat[0]?.[0] as string | undefined) : undefined)]];
  }
  worksheet.activate();
  if (plan.select.length > 1 && features.rangeCopy) worksheet.getRanges(plan.select.join(',')).select();
  else if (plan.select.length > 0) worksheet.getRange(plan.select[0]).select();
  await counter.sync(context);

  const selected = plan.select.length > 1 && !features.rangeCopy ? plan.select.slice(0, 1) : plan.select;
  return { sheet: { id: worksheet.id, name: worksheet.name }, selected, movedCells: plan.operations.some((op) => op.kind === 'insert') };
}
