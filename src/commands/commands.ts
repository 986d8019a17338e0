// Ribbon commands without a task pane (commands.html, the manifest's FunctionFile). Built by webpack
// from this entry; it goes through the Excel host, never Office.js directly beyond registration.
import { createExcelHost } from '../excel/excelHost';

/** Handler of the 清除标记 button: removes every mark jixiao made, then tells Office it is done. */
export async function clearMarks(event: { completed: () => void }): Promise<void> {
  try {
    // Clearing needs no template library.
    await createExcelHost({ library: { tables: [], notes: [] } }).clearMarks();
  } finally {
    event.completed();
  }
}

void Office.onReady(() => {
  Office.actions.associate('clearMarks', clearMarks);
});
