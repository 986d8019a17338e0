// Ribbon commands without a task pane (commands.html, the manifest's FunctionFile). Built by webpack
// from this entry; it imports only what clearing marks needs (src/excel/clearMarks.ts), never the check
// engine or the settings schema, and calls Office.js only through that module beyond registration.
import { MarkMemory } from '../excel/checkSheets';
import { clearWorkbookMarks } from '../excel/clearMarks';
import { detectFeatures } from '../excel/features';
import { SyncCounter } from '../excel/syncCounter';
import { describeError } from '../web/errors';

/**
 * Handler of the 清除标记 button: removes every mark jixiao made, then tells Office it is done.
 * A failure (marks kept on a protected sheet, Excel in cell-edit mode…) has no page to be shown on: with
 * ExcelApi 1.8 and no shared runtime a function command cannot open the task pane or a notification, so
 * it is logged, and the pane's issue list already says a protected sheet's marks are neither updated nor
 * cleared. Never rejects: a rejected command only becomes an unhandled rejection in a hidden runtime.
 */
export async function clearMarks(event: { completed: () => void }): Promise<void> {
  try {
    await clearWorkbookMarks({
      // As the task pane's host: a batch waits while the user edits a cell instead of failing.
      run: (batch) => Excel.run({ delayForCellEdit: true }, batch),
      counter: new SyncCounter(),
      features: detectFeatures(Office.context.requirements),
      memory: new MarkMemory(),
    });
  } catch (error) {
    console.error(`清除标记未完成：${describeError(error)}`);
  } finally {
    event.completed();
  }
}

void Office.onReady(() => {
  Office.actions.associate('clearMarks', clearMarks);
});
