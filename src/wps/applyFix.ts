/**
 * 一键修正 in WPS: the Excel host's plan (planFix: inserts, format pastes, values; refused whole before
 * anything is written) carried out through the object model. Inserted rows take the formats of the row
 * the fix names with Copy + PasteSpecial(xlPasteFormats) (VBA Range.PasteSpecial), the clipboard emptied
 * after (CutCopyMode = False).
 */
import type { Fix } from '../core/model';
import type { CellGrid } from '../core/sheet/types';
import { FixNotApplicableError, planFix } from '../excel/applyFix';
import { protectText } from '../excel/writePlan';
import { readGrid, quietly } from './checkSheets';
import { XL } from './et';
import type { EtApplication, EtWorksheet } from './et';

export interface AppliedWpsFix {
  selected: string[];
  movedCells: boolean;
}

/** Text cells (`@`) keep whatever is written; anything else gets the quote prefix where WPS would convert. */
function written(value: string | number, format: unknown): string | number {
  if (typeof value === 'number') return value;
  return format === '@' ? value : protectText(value);
}

/** Applies `fix` to the sheet; `verify` sees the sheet as it is now and throws when the fix is stale. */
export function applyFixInWps(app: EtApplication, ws: EtWorksheet, fix: Fix, verify: (grid: CellGrid) => void): AppliedWpsFix {
  const name = ws.Name;
  if (ws.ProtectContents) {
    throw new FixNotApplicableError(`工作表“${name}”受保护，未作任何修改。请先撤销工作表保护（审阅 → 撤销工作表保护）后再修正。`);
  }
  const grid = readGrid(ws, name);
  verify(grid);
  const used = ws.UsedRange;
  const plan = planFix(fix, { merges: grid.merges, lastColumn: used.Column - 1 + used.Columns.Count - 1 });
  const formats = new Map(plan.formatCells.map((cell) => [cell, ws.Range(cell).NumberFormat]));
  quietly(app, () => {
    let copied = false;
    for (const op of plan.operations) {
      if (op.kind === 'insert') ws.Range(op.rows).Insert(XL.shiftDown);
      else if (op.kind === 'copyFormats') {
        ws.Range(op.from).Copy();
        ws.Range(op.to).PasteSpecial(XL.pasteFormats);
        copied = true;
      } else ws.Range(op.cell).Value2 = written(op.value, op.formatOf ? formats.get(op.formatOf) : undefined);
    }
    if (copied) app.CutCopyMode = false;
  });
  ws.Activate();
  if (plan.select.length > 0) ws.Range(plan.select.join(',')).Select();
  return { selected: plan.select, movedCells: plan.operations.some((op) => op.kind === 'insert') };
}
