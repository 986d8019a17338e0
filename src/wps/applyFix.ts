/**
 * 一键修正 in WPS: the core's plan (planFix, src/core/fixes/planFix.ts: inserts, format pastes, values; refused whole before
 * anything is written) carried out through the object model. Inserted rows take the formats of the row
 * the fix names with Copy + PasteSpecial(xlPasteFormats) (VBA Range.PasteSpecial), the clipboard emptied
 * after (CutCopyMode = False).
 */
import type { Fix } from '../core/model';
import type { CellGrid } from '../core/sheet/types';
import { fixedCellValue, planFix, protectedSheetFixError } from '../core/fixes/planFix';
import { readGrid, quietly } from './checkSheets';
import { XL, nameOf, read } from './et';
import type { EtApplication, EtWorksheet } from './et';

export interface AppliedWpsFix {
  selected: string[];
  movedCells: boolean;
}

/** Applies `fix` to the sheet; `verify` sees the sheet as it is now and throws when the fix is stale. */
export function applyFixInWps(app: EtApplication, ws: EtWorksheet, fix: Fix, verify: (grid: CellGrid) => void): AppliedWpsFix {
  const name = nameOf(ws);
  if (ws.ProtectContents) {
    throw protectedSheetFixError(name);
  }
  const grid = readGrid(ws, name);
  verify(grid);
  const used = ws.UsedRange;
  const plan = planFix(fix, { merges: grid.merges, lastColumn: used.Column - 1 + used.Columns.Count - 1 });
  const formats = new Map(plan.formatCells.map((cell) => [cell, read(ws.Range(cell), 'NumberFormat')]));
  quietly(app, () => {
    let copied = false;
    for (const op of plan.operations) {
      if (op.kind === 'insert') ws.Range(op.rows).Insert(XL.shiftDown);
      else if (op.kind === 'copyFormats') {
        ws.Range(op.from).Copy();
        ws.Range(op.to).PasteSpecial(XL.pasteFormats);
        copied = true;
      } else ws.Range(op.cell).Value2 = fixedCellValue(op.value, op.formatOf ? formats.get(op.formatOf) : undefined);
    }
    if (copied) app.CutCopyMode = false;
  });
  ws.Activate();
  if (plan.select.length > 0) ws.Range(plan.select.join(',')).Select();
  return { selected: plan.select, movedCells: plan.operations.some((op) => op.kind === 'insert') };
}
