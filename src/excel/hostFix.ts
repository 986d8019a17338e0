// 修正: the Excel host's method that applies fixes, refusing any the sheet as it is now does not call for.
import { checkGrid, offeredFixes } from '../core/check';
import { combineFixesDetailed } from '../core/fixes';
import type { CellGrid } from '../core/sheet/types';
import type { ApplyFixResult, CompleteHost } from '../web/host';
import { FixNotApplicableError, applyFixInExcel } from './applyFix';
import { checkSheets } from './checkSheets';
import type { ExcelSession } from './hostSession';

const STALE_FIX = '工作表在上次检查后又有修改，此修正已不适用；列表已重新检查，请核对后再点“修正”。未作任何修改。';

export function fixMethods(session: ExcelSession): Pick<CompleteHost, 'applyFixes'> {
  const { counter, features, memory } = session;
  return {
    async applyFixes(sheetName, fixes): Promise<ApplyFixResult> {
      const combined = combineFixesDetailed(fixes);
      if (!combined.fix) return { selected: [], syncs: 0, skipped: 0 };
      const fix = combined.fix;
      const ctx = await session.checkContext();
      // The fixes must be what the sheet as it is now calls for (an issue's fix or a suggestion's insert): a
      // change the list has not caught up with (its event may still be on the way) could have moved their
      // cells. Where the sheet could not be read with the fix's first round trip, a change the live check
      // has heard of and not yet checked refuses.
      const verify = (grid: CellGrid | null, sheetId: string) => {
        if (!grid) {
          if (session.live?.isStale(sheetId)) throw new FixNotApplicableError(STALE_FIX);
          return;
        }
        const offered = new Set(offeredFixes(checkGrid(grid, { settings: ctx.settings, library: ctx.library, suggestLibrary: ctx.suggestLibrary, layouts: ctx.layouts, suggest: true })).map((f) => JSON.stringify(f)));
        if (fixes.some((f) => !offered.has(JSON.stringify(f)))) throw new FixNotApplicableError(STALE_FIX);
      };
      const before = counter.count;
      let applied: Awaited<ReturnType<typeof applyFixInExcel>>;
      try {
        // One undo step for the whole fix where Excel groups (RunOptions.mergeUndoGroup, ExcelApi 1.20).
        applied = await session.runFix((context) => applyFixInExcel(context, sheetName, fix, { counter, features, verify }));
      } catch (error) {
        const live = session.live;
        const id = live?.idOf(sheetName);
        if (error instanceof FixNotApplicableError && live && id) await live.recheck(id);
        throw error;
      }
      const syncs = counter.count - before;
      if (applied.movedCells) memory.cellsMoved(applied.sheet.id);
      // The add-in's own writes start no live check (classifyChange): the sheet is re-checked here.
      if (session.live) await session.live.recheck(applied.sheet.id);
      else {
        const fresh = await session.checkContext();
        await session.run((context) => checkSheets(context, [applied.sheet], fresh));
      }
      return { selected: applied.selected, syncs, skipped: combined.skipped.length };
    },
  };
}
