/**
 * JixiaoHost over WPS 表格's object model (`window.Application`, synchronous): the only place the pane's
 * requests reach WPS. Sheets have no ids in WPS: they are keyed by name and the list is re-read at each
 * check. Live check: `ApiEvent` SheetChange with the Excel host's quiet time (src/core/marking's
 * scheduler); WPS gives no change type, so every change is taken as one that may have moved cells, and
 * WorkbookActivate re-reads every sheet and the settings.
 * Whether WPS keeps its undo history across an add-in's writes is not documented: by default the live
 * check reads and reports but writes no mark while the user types (`writeWhileTyping`); 检查, 修正 and
 * 清除标记 write, as the user asked.
 */
import { checkGrid, offeredFixes } from '../core/check';
import { combineFixesDetailed } from '../core/fixes';
import { LiveCheckScheduler } from '../core/marking';
import type { Fix, FrameworkName, LibraryTable, Settings, SheetReport, TemplateLibrary } from '../core/model';
import { parseSettings } from '../core/model';
import { planInsertedBlank, planInsertedTable } from '../core/sheet';
import type { SheetPlan } from '../core/sheet/types';
import { FixNotApplicableError, staleFixError } from '../core/fixes/planFix';
import { MarksKeptOnProtectedSheetsError } from '../core/marking/protection';
import type { ApplyFixResult, CheckAllOptions, HostCapabilities, InsertResult, JixiaoHost, ProgressHandler } from '../web/host';
import { applyFixInWps } from './applyFix';
import { checkSheet, clearSheet, quietly } from './checkSheets';
import type { WpsCheckContext } from './checkSheets';
import { asSheet, nameOf } from './et';
import type { EtApplication, EtWorkbook, EtWorksheet } from './et';
import { readSettings, writeSettings } from './settings';
import { runSelfTest } from './selfTest';
import { writeSheetPlan } from './writePlan';
import type { WpsSelfTestReport } from './selfTest';
import type { LayoutProfile } from '../core/layouts';

const DEFAULT_LIVE_DELAY_MS = 400;
/** Without ApiEvent (some builds), the active sheet is re-checked this often. */
const POLL_MS = 3000;

export interface WpsHostDeps {
  /** WPS's Application; the global one (window.Application) by default. */
  app?: EtApplication;
  library: TemplateLibrary;
  getLibrary?: () => TemplateLibrary;
  /** Where suggestions are drawn from at each check, when more than the library (公开样表 once the 建议 tab opened). */
  getSuggestLibrary?: () => TemplateLibrary | undefined;
  /** Taught layout profiles (指定表格布局), as the pane keeps them. */
  getLayouts?: () => readonly LayoutProfile[];
  liveCheckDelayMs?: number;
  /**
   * Write marks during the live check (settings.liveMarks permitting). Off until WPS's undo behaviour is
   * known. WPS's SheetChange carries no source, so with it on a co-author's change would be marked too
   * (the Excel host marks only Local changes).
   */
  writeWhileTyping?: boolean;
  /** Without ApiEvent: how often the active sheet is re-checked, in ms. */
  pollMs?: number;
}

export interface WpsHost extends JixiaoHost {
  /** What writing while the user types would cost (the shape of the Excel host's HostCapabilities). */
  capabilities(): Promise<HostCapabilities>;
  /** 自检: each assumed WPS behaviour tried on a scratch sheet. */
  selfTest(): Promise<WpsSelfTestReport>;
}

export function createWpsHost(deps: WpsHostDeps): WpsHost {
  const app = (): EtApplication => {
    const found = deps.app ?? (globalThis as { Application?: EtApplication }).Application;
    if (!found) throw new Error('未找到 WPS 表格的 Application 对象：请在 WPS 表格中打开本加载项。');
    return found;
  };
  const workbook = (): EtWorkbook => {
    const wb = app().ActiveWorkbook;
    if (!wb) throw new Error('没有打开的工作簿。请先打开或新建一个工作簿。');
    return wb;
  };
  const sheetNamed = (name: string): EtWorksheet => asSheet(workbook().Worksheets.Item(name));
  const sheetNames = (): string[] => {
    const sheets = workbook().Worksheets;
    const count = sheets.Count;
    const names: string[] = [];
    for (let i = 1; i <= count; i++) names.push(nameOf(asSheet(sheets.Item(i))));
    return names;
  };
  const delayMs = deps.liveCheckDelayMs ?? DEFAULT_LIVE_DELAY_MS;
  let settingsCache: Settings | null = null;
  /** Set while jixiao writes: SheetChange events it raises start no check. */
  let ownWrite = false;
  /** The running live check: what 修正 asks of it, a full check's results to take as its own, and a quiet re-read for suggestions. */
  let live: { isStale(name: string): boolean; recheck(name: string): Promise<void>; recheckAll(): Promise<void>; adopt(checked: ReadonlyMap<string, SheetReport | null>): void } | null = null;

  const checkContext = async (isLive = false, holdWaiting = isLive): Promise<WpsCheckContext> => {
    const settings = settingsCache ?? (await host.loadSettings());
    return { settings, library: deps.getLibrary?.() ?? deps.library, suggestLibrary: deps.getSuggestLibrary?.(), layouts: deps.getLayouts?.() ?? [], writeMarks: !isLive || (settings.liveMarks && deps.writeWhileTyping === true), holdWaiting };
  };
  const writing = <T>(work: () => T): T => {
    ownWrite = true;
    try {
      return quietly(app(), work);
    } finally {
      ownWrite = false;
    }
  };

  const insertPlans = async (count: number, makePlan: (index: number, existing: string[]) => SheetPlan, onProgress?: ProgressHandler): Promise<InsertResult> => {
    onProgress?.(0, count);
    const existing = sheetNames();
    const names: string[] = [];
    let first: EtWorksheet | null = null;
    for (let i = 0; i < count; i++) {
      writing(() => {
        const sheets = workbook().Worksheets;
        const plan = makePlan(i, existing);
        existing.push(plan.name);
        names.push(plan.name);
        // At the end, as Excel's worksheets.add does.
        const ws = asSheet(sheets.Add(undefined, sheets.Item(sheets.Count)));
        ws.Name = plan.name;
        writeSheetPlan(ws, plan);
        first ??= ws;
      });
      onProgress?.(i + 1, count);
      // The bridge is synchronous: the pane's progress bar is drawn only between sheets.
      if (i + 1 < count) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    writing(() => (first as EtWorksheet | null)?.Activate());
    return { sheetNames: names, syncs: 0 };
  };

  const host: WpsHost = {
    insertTables(tables: LibraryTable[], onProgress?: ProgressHandler) {
      return insertPlans(tables.length, (i, existing) => planInsertedTable(tables[i], existing), onProgress);
    },

    insertBlank(framework: FrameworkName) {
      return insertPlans(1, (_i, existing) => planInsertedBlank(framework, existing));
    },

    async checkAll(onProgress?: ProgressHandler, options?: CheckAllOptions) {
      const ctx = await checkContext(false, options?.holdWaiting === true);
      const names = sheetNames();
      const checked = new Map<string, SheetReport | null>();
      writing(() =>
        names.forEach((name, i) => {
          checked.set(name, checkSheet(sheetNamed(name), name, ctx).report);
          onProgress?.(i + 1, names.length);
        }),
      );
      // Else the live check's next report would bring back what it last read of the sheets nobody edited.
      live?.adopt(checked);
      return [...checked.values()].filter((report): report is SheetReport => report !== null);
    },

    startLiveCheck: (onReports, onError) => startLiveCheck(onReports, onError),

    async applyFixes(sheetName: string, fixes: Fix[]): Promise<ApplyFixResult> {
      const combined = combineFixesDetailed(fixes);
      if (!combined.fix) return { selected: [], syncs: 0, skipped: 0 };
      const fix = combined.fix;
      const ctx = await checkContext();
      const verify = (grid: Parameters<typeof checkGrid>[0]) => {
        const offered = new Set(offeredFixes(checkGrid(grid, { settings: ctx.settings, library: ctx.library, suggestLibrary: ctx.suggestLibrary, layouts: ctx.layouts, suggest: true })).map((f) => JSON.stringify(f)));
        if (fixes.some((f) => !offered.has(JSON.stringify(f)))) throw staleFixError();
      };
      let applied: ReturnType<typeof applyFixInWps>;
      try {
        applied = writing(() => applyFixInWps(app(), sheetNamed(sheetName), fix, verify));
      } catch (error) {
        if (error instanceof FixNotApplicableError && live) await live.recheck(sheetName);
        throw error;
      }
      // The user asked for the change: its marks are brought up to date now, live check or not.
      writing(() => checkSheet(sheetNamed(sheetName), sheetName, ctx));
      if (live) await live.recheck(sheetName);
      return { selected: applied.selected, syncs: 0, skipped: combined.skipped.length };
    },

    async selectCell(sheetName: string, address: string) {
      const ws = sheetNamed(sheetName);
      ws.Activate();
      ws.Range(address).Select();
    },

    async activeSheetName() {
      const active = workbook().ActiveSheet as EtWorksheet | null;
      return active ? nameOf(active) || null : null;
    },

    async clearMarks() {
      let removed = 0;
      const kept: string[] = [];
      writing(() => {
        for (const name of sheetNames()) {
          const result = clearSheet(sheetNamed(name));
          removed += result.removed;
          if (result.kept) kept.push(name);
        }
      });
      if (kept.length > 0) throw new MarksKeptOnProtectedSheetsError(kept, removed);
    },

    async loadSettings() {
      settingsCache = readSettings(workbook());
      return settingsCache;
    },

    async saveSettings(settings: Settings) {
      const valid = parseSettings(settings);
      writeSettings(workbook(), valid);
      settingsCache = valid;
    },

    async refreshSuggestions() {
      await live?.recheckAll();
    },

    async capabilities() {
      // Unverified on a real WPS: taken as the unsafe case (see the top of this file).
      return { undoSafeWrites: false, fixIsOneUndoStep: false, hostName: 'WPS 表格', undoKnown: false };
    },

    async selfTest() {
      return writing(() => runSelfTest(app()));
    },
  };

  async function startLiveCheck(onReports: (reports: SheetReport[]) => void, onError: (error: unknown) => void): Promise<() => Promise<void>> {
    let order: string[] = sheetNames();
    const reports = new Map<string, SheetReport>();
    const emit = () => onReports(order.flatMap((name) => (reports.has(name) ? [{ ...reports.get(name)!, sheet: name }] : [])));
    /** Sheets re-read only for their suggestions (nothing in them changed): checked, never marked. */
    const quiet = new Set<string>();
    const checkNames = async (names: string[]) => {
      const round = await checkContext(true);
      order = sheetNames();
      // A renamed or deleted sheet's report goes; WPS has no rename event.
      for (const name of [...reports.keys()]) if (!order.includes(name)) reports.delete(name);
      writing(() => {
        for (const name of names) {
          if (!order.includes(name)) continue;
          const { report } = checkSheet(sheetNamed(name), name, quiet.has(name) ? { ...round, writeMarks: false } : round);
          quiet.delete(name);
          if (report) reports.set(name, report);
          else reports.delete(name);
        }
      });
    };
    const scheduler = new LiveCheckScheduler({
      delayMs,
      timers: { set: (callback, ms) => setTimeout(callback, ms), clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) },
      onError,
      check: async (names) => {
        await checkNames(names);
        emit();
      },
    });
    await checkNames(order);
    emit();

    const eventSheetName = (sheet: unknown): string | null => {
      try {
        return nameOf(sheet as EtWorksheet);
      } catch {
        return null;
      }
    };
    const onChange = (sheet: unknown) => {
      const name = eventSheetName(sheet);
      if (!ownWrite && name) {
        quiet.delete(name);
        scheduler.changed(name);
      }
    };
    const onNewSheet = (_workbook: unknown, sheet: unknown) => {
      const name = eventSheetName(sheet);
      if (name) scheduler.added(name);
    };
    const onBeforeDelete = (sheet: unknown) => {
      const name = eventSheetName(sheet);
      if (!name) return;
      scheduler.sheetDeleted(name);
      reports.delete(name);
      order = order.filter((n) => n !== name);
      emit();
    };
    // Back in this workbook (or, where the pane is per window and not per workbook, in another: whether it
    // is, is unverified; research notes §6): the sheets, their contents and the workbook's settings may all
    // have changed without a SheetChange here, so everything is read again.
    const onWorkbookActivate = () => {
      settingsCache = null;
      for (const name of sheetNames()) scheduler.changed(name);
    };
    const events = app().ApiEvent;
    let poll: ReturnType<typeof setInterval> | null = null;
    if (events) {
      events.AddApiEventListener('SheetChange', onChange);
      events.AddApiEventListener('WorkbookNewSheet', onNewSheet);
      events.AddApiEventListener('SheetBeforeDelete', onBeforeDelete);
      events.AddApiEventListener('WorkbookActivate', onWorkbookActivate);
    } else {
      poll = setInterval(() => {
        void host.activeSheetName().then((name) => name && scheduler.changed(name), onError);
      }, deps.pollMs ?? POLL_MS);
    }
    const adopt = (checked: ReadonlyMap<string, SheetReport | null>) => {
      order = [...checked.keys()];
      reports.clear();
      for (const [name, report] of checked) if (report) reports.set(name, report);
    };
    live = {
      isStale: (name) => scheduler.isStale(name),
      recheck: (name) => scheduler.checkNow(name),
      // Read for their suggestions, marked only where the user changed the sheet meanwhile.
      recheckAll: () => scheduler.recheck([...reports.keys()], (name) => quiet.add(name)),
      adopt,
    };
    return async () => {
      live = null;
      if (poll) clearInterval(poll);
      if (events) {
        events.RemoveApiEventListener('SheetChange', onChange);
        events.RemoveApiEventListener('WorkbookNewSheet', onNewSheet);
        events.RemoveApiEventListener('SheetBeforeDelete', onBeforeDelete);
        events.RemoveApiEventListener('WorkbookActivate', onWorkbookActivate);
      }
      await scheduler.stop();
    };
  }

  return host;
}
