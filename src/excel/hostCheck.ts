// 检查: the Excel host's methods that check the workbook — at the user's request, live as they type — and
// clear jixiao's marks.
import type { CompleteHost } from '../web/host';
import { checkSheets } from './checkSheets';
import { clearWorkbookMarks } from './clearMarks';
import type { ExcelSession } from './hostSession';
import { startLiveCheck } from './liveCheck';
import { queueSettingsRead } from './settingsStore';

export function checkMethods(session: ExcelSession): Pick<CompleteHost, 'checkAll' | 'startLiveCheck' | 'clearMarks' | 'refreshSuggestions'> {
  const { run, runIn, counter, memory, features } = session;
  return {
    async checkAll(onProgress, options) {
      const checks = await run(async (context) => {
        // The settings are re-read with the sheet list (a colleague may have changed them): no extra sync.
        const custom = queueSettingsRead(context);
        const sheets = await session.listSheets(context);
        const settings = session.settingsAfter(custom);
        const found = await checkSheets(context, sheets, await session.checkContext(false, settings, options?.holdWaiting === true));
        await session.migrateSettings(context);
        return found;
      });
      session.live?.adopt(checks);
      onProgress?.(checks.length, checks.length);
      return checks.flatMap((c) => (c.report ? [c.report] : []));
    },

    /** Re-reads only the sheets that changed, after a quiet time (src/core/marking's scheduler). */
    async startLiveCheck(onReports, onError) {
      const handle = await startLiveCheck(
        { run, runIn, counter, memory, features, delayMs: session.liveDelayMs, checkContext: () => session.checkContext(true), listSheets: session.listSheets },
        onReports,
        onError,
      );
      session.live = handle;
      return async () => {
        session.live = null;
        await handle.stop();
      };
    },

    // 公开样表 arrived (the 建议 tab opened): the reported sheets are re-read for their suggestions, marking none.
    async refreshSuggestions() {
      await session.live?.recheckQuietly();
    },

    // Clearing needs no settings: the ribbon's commands page does the same without the host.
    clearMarks: () => clearWorkbookMarks({ run, counter, features, memory, maxRequestBytes: session.deps.maxRequestBytes }),
  };
}
