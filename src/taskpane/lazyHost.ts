// The Excel host loaded after the first paint: its check engine (reader, rules, marks) and sheet
// layout are the bulk of the pane's own code, and the 模板 tab draws without them. The import starts at
// once, so the live check and an early click only wait for what is still in flight.
import type { JixiaoHost } from '../web/host';

/** A JixiaoHost whose every call waits for `load` (started now); a failed load rejects each call. */
export function lazyHost(load: () => Promise<JixiaoHost>): JixiaoHost {
  const loaded = load();
  // A failure is reported by the calls that need the host, not as an unhandled rejection.
  loaded.catch(() => undefined);
  return {
    insertTables: async (tables, onProgress) => (await loaded).insertTables(tables, onProgress),
    insertBlank: async (framework) => (await loaded).insertBlank(framework),
    checkAll: async (onProgress) => (await loaded).checkAll(onProgress),
    startLiveCheck: async (onReports, onError) => (await loaded).startLiveCheck(onReports, onError),
    selectCell: async (sheetName, address) => (await loaded).selectCell(sheetName, address),
    clearMarks: async () => (await loaded).clearMarks(),
    activeSheetName: async () => (await loaded).activeSheetName(),
    applyFixes: async (sheetName, fixes) => (await loaded).applyFixes(sheetName, fixes),
    loadSettings: async () => (await loaded).loadSettings(),
    saveSettings: async (settings) => (await loaded).saveSettings(settings),
    readSheetGrid: async (sheetName) => {
      const host = await loaded;
      if (!host.readSheetGrid) throw new Error('此环境不能读取工作表的单元格，无法指定表格布局。');
      return host.readSheetGrid(sheetName);
    },
    selectedCell: async () => (await loaded).selectedCell?.() ?? null,
  };
}
