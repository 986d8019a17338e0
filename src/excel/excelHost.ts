/** JixiaoHost over Office.js: the only place the task pane's requests reach Excel. */
import { checkGrid } from '../core/check';
import { detectFramework } from '../core/frameworks';
import type { CellGrid } from '../core/sheet/types';
import { DEFAULT_SETTINGS, parseSettings } from '../core/model';
import type { Fix, FrameworkName, LibraryTable, Settings, SheetReport, TemplateLibrary } from '../core/model';
import { planBlankSheet, planTableSheet, uniqueSheetName } from '../core/sheet';
import type { SheetPlan } from '../core/sheet/types';
import { LiveCheckScheduler, classifyChange } from '../core/marking';
import { DEFAULT_MAX_CELLS_PER_SYNC, MarkMemory, checkSheets } from './checkSheets';
import type { CheckContext, SheetRef } from './checkSheets';
import { clearWorkbookMarks, listSheets as listSheetsIn } from './clearMarks';
import { detectFeatures } from './features';
import type { ExcelFeatures, RequirementChecker } from './features';
import type { ApplyFixResult, InsertResult, JixiaoHost, ProgressHandler } from '../web/host';
import { FixNotApplicableError, applyFixInExcel } from './applyFix';
import { combineFixesDetailed } from '../core/fixes';
import { SyncCounter } from './syncCounter';
import type { ExcelRun, ExcelRunIn } from './syncCounter';
import { queueSheetPlan } from './writePlan';

export const SETTINGS_KEY = 'jixiao.settings';
/** Sheets drawn per write sync when inserting many: 16 tables → 2 writes + 1 read. */
const SHEETS_PER_WRITE = 8;
const DEFAULT_LIVE_DELAY_MS = 400;
const STALE_FIX = '工作表在上次检查后又有修改，此修正已不适用；列表已重新检查，请核对后再点“修正”。未作任何修改。';

/** Office.context.document.settings, as far as jixiao uses it. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: string; error?: { message: string } }) => void): void;
}

export interface ExcelHostDeps {
  library: TemplateLibrary;
  /** The library as it is at each check (the unit's libraries change while the pane is open); else `library`. */
  getLibrary?: () => TemplateLibrary;
  /**
   * Excel.run; by default the global one with `delayForCellEdit`, so a batch waits while the user edits a
   * cell instead of failing (Excel.RunOptions, learn.microsoft.com/javascript/api/excel/excel.runoptions).
   */
  run?: ExcelRun;
  /** Excel.run(context, batch); the global one by default. */
  runIn?: ExcelRunIn;
  /** Office.context.requirements; the global one by default. */
  requirements?: RequirementChecker;
  /** Office.context.document.settings; the global one by default. */
  settings?: DocumentSettings;
  /** Quiet time after the last change before a live re-check, in ms (typing fast re-checks once). */
  liveCheckDelayMs?: number;
  /** Cells of values read per round trip (Excel on the web refuses responses above 5 MB). */
  maxCellsPerSync?: number;
}

export interface ExcelHost extends JixiaoHost {
  /** Every context.sync this host has made; the budgets are measured with it. */
  readonly syncCount: number;
  readonly features: ExcelFeatures;
}

/** Every fix a sheet's report offers: its issues' and its suggestions' (indicator rows to insert). */
function offeredFixes(report: SheetReport | null): Fix[] {
  if (!report) return [];
  const suggestions = [...(report.suggestions?.groups ?? []), ...(report.suggestions?.clauses ?? [])].flatMap((group) => group.suggestions);
  return [...report.issues, ...suggestions].flatMap((item) => (item.fix ? [item.fix] : []));
}

export function createExcelHost(deps: ExcelHostDeps): ExcelHost {
  const run: ExcelRun = deps.run ?? ((batch) => Excel.run({ delayForCellEdit: true }, batch));
  const runIn: ExcelRunIn = deps.runIn ?? ((context, batch) => Excel.run(context, batch));
  const requirements = deps.requirements ?? Office.context.requirements;
  const documentSettings = (): DocumentSettings => deps.settings ?? (Office.context.document.settings as unknown as DocumentSettings);
  const features = detectFeatures(requirements);
  const counter = new SyncCounter();
  const memory = new MarkMemory();
  const delayMs = deps.liveCheckDelayMs ?? DEFAULT_LIVE_DELAY_MS;
  let settingsCache: Settings | null = null;
  /** While the live check runs: a sheet's id by name, whether its list is behind its cells, and a check at once. */
  let live: { idOf(name: string): string | undefined; isStale(sheetId: string): boolean; recheck(sheetId: string): Promise<void> } | null = null;

  /** `live`: a check the user did not ask for, which writes marks only while settings.liveMarks is on. */
  const checkContext = async (live = false): Promise<CheckContext> => {
    const settings = settingsCache ?? (await host.loadSettings());
    return { counter, features, memory, settings, library: deps.getLibrary?.() ?? deps.library, writeMarks: !live || settings.liveMarks, holdWaiting: live, maxCellsPerSync: deps.maxCellsPerSync ?? DEFAULT_MAX_CELLS_PER_SYNC };
  };

  /** Adds sheets for plans made once the existing names are known: 1 read + 1 write per 8 sheets. */
  const insertPlans = async (count: number, makePlan: (index: number, existing: string[]) => SheetPlan, onProgress?: ProgressHandler): Promise<InsertResult> => {
    const before = counter.count;
    onProgress?.(0, count);
    const sheetNames = await run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name');
      await counter.sync(context);
      const existing = worksheets.items.map((s) => s.name);
      const names: string[] = [];
      let first: Excel.Worksheet | null = null;
      for (let start = 0; start < count; start += SHEETS_PER_WRITE) {
        for (let i = start; i < Math.min(count, start + SHEETS_PER_WRITE); i++) {
          const plan = makePlan(i, existing);
          existing.push(plan.name);
          names.push(plan.name);
          const sheet = worksheets.add(plan.name);
          queueSheetPlan(sheet, plan, features);
          first ??= sheet;
        }
        if (start + SHEETS_PER_WRITE >= count) first?.activate();
        await counter.sync(context);
        onProgress?.(Math.min(count, start + SHEETS_PER_WRITE), count);
      }
      return names;
    });
    return { sheetNames, syncs: counter.count - before };
  };

  const listSheets = (context: Excel.RequestContext): Promise<SheetRef[]> => listSheetsIn(context, counter);

  const host: ExcelHost = {
    get syncCount() {
      return counter.count;
    },
    features,

    insertTables(tables: LibraryTable[], onProgress?: ProgressHandler) {
      return insertPlans(
        tables.length,
        (i, existing) => {
          const table = tables[i];
          const framework = detectFramework(table.indicators.map((row) => row.level1));
          return planTableSheet(table, { sheetName: uniqueSheetName(table.projectName, existing), framework });
        },
        onProgress,
      );
    },

    insertBlank(framework: FrameworkName) {
      return insertPlans(1, (_i, existing) => planBlankSheet(framework, uniqueSheetName('绩效目标表', existing)));
    },

    async checkAll(onProgress?: ProgressHandler) {
      const ctx = await checkContext();
      const checks = await run(async (context) => checkSheets(context, await listSheets(context), ctx));
      onProgress?.(checks.length, checks.length);
      return checks.flatMap((c) => (c.report ? [c.report] : []));
    },

    async startLiveCheck(onReports, onError) {
      return startLiveCheck(onReports, onError);
    },

    async applyFixes(sheetName: string, fixes: Fix[]): Promise<ApplyFixResult> {
      const combined = combineFixesDetailed(fixes);
      if (!combined.fix) return { selected: [], syncs: 0, skipped: 0 };
      const fix = combined.fix;
      const ctx = await checkContext();
      // The fixes must be what the sheet as it is now calls for (an issue's fix or a suggestion's insert): a
      // change the list has not caught up with (its event may still be on the way) could have moved their
      // cells. Where the sheet could not be read with the fix's first round trip, a change the live check
      // has heard of and not yet checked refuses.
      const verify = (grid: CellGrid | null, sheetId: string) => {
        if (!grid) {
          if (live?.isStale(sheetId)) throw new FixNotApplicableError(STALE_FIX);
          return;
        }
        const offered = new Set(offeredFixes(checkGrid(grid, { settings: ctx.settings, library: ctx.library, suggest: true })).map((f) => JSON.stringify(f)));
        if (fixes.some((f) => !offered.has(JSON.stringify(f)))) throw new FixNotApplicableError(STALE_FIX);
      };
      const before = counter.count;
      let applied: Awaited<ReturnType<typeof applyFixInExcel>>;
      try {
        applied = await run((context) => applyFixInExcel(context, sheetName, fix, { counter, features, verify }));
      } catch (error) {
        const id = live?.idOf(sheetName);
        if (error instanceof FixNotApplicableError && live && id) await live.recheck(id);
        throw error;
      }
      const syncs = counter.count - before;
      if (applied.movedCells) memory.cellsMoved(applied.sheet.id);
      // The add-in's own writes start no live check (classifyChange): the sheet is re-checked here.
      if (live) await live.recheck(applied.sheet.id);
      else {
        const ctx = await checkContext();
        await run((context) => checkSheets(context, [applied.sheet], ctx));
      }
      return { selected: applied.selected, syncs, skipped: combined.skipped.length };
    },

    async selectCell(sheetName: string, address: string) {
      await run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(sheetName);
        sheet.activate();
        sheet.getRange(address).select();
        await counter.sync(context);
      });
    },

    async activeSheetName() {
      return run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        sheet.load('name');
        await counter.sync(context);
        return sheet.name || null;
      });
    },

    clearMarks() {
      // Clearing needs no settings: the ribbon's commands page does the same without the host.
      return clearWorkbookMarks({ run, counter, features, memory });
    },

    async loadSettings() {
      const stored = documentSettings().get(SETTINGS_KEY);
      try {
        settingsCache = parseSettings(stored);
      } catch {
        // Settings written by a newer or broken version: fall back rather than refuse to check.
        settingsCache = DEFAULT_SETTINGS;
      }
      return settingsCache;
    },

    async saveSettings(settings: Settings) {
      const valid = parseSettings(settings);
      const store = documentSettings();
      store.set(SETTINGS_KEY, valid);
      await new Promise<void>((resolve, reject) => {
        store.saveAsync((result) => (result.status === 'failed' ? reject(new Error(result.error?.message ?? '保存设置失败')) : resolve()));
      });
      settingsCache = valid;
    },
  };

  /** Live check: re-reads only the sheets that changed, after `delayMs` of quiet (src/core/marking's scheduler). */
  async function startLiveCheck(onReports: (reports: SheetReport[]) => void, onError: (error: unknown) => void): Promise<() => Promise<void>> {
    let order: SheetRef[] = [];
    const reports = new Map<string, SheetReport>();

    const emit = () => onReports(order.flatMap((s) => (reports.has(s.id) ? [{ ...reports.get(s.id)!, sheet: s.name }] : [])));
    const apply = (checks: { sheet: SheetRef; report: SheetReport | null }[]) => {
      for (const { sheet, report } of checks) {
        if (report) reports.set(sheet.id, report);
        else reports.delete(sheet.id);
      }
    };

    const scheduler = new LiveCheckScheduler({
      delayMs,
      timers: { set: (callback, ms) => setTimeout(callback, ms), clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) },
      onError,
      check: async (ids) => {
        const ctx = await checkContext(true);
        await run(async (context) => {
          // Names are re-read in the same sync as the sheets, so a rename costs nothing extra.
          const worksheets = context.workbook.worksheets;
          worksheets.load('items/name,items/id');
          const wanted = ids.map((id) => order.find((s) => s.id === id) ?? { id, name: '' });
          const checks = await checkSheets(context, wanted, ctx);
          order = worksheets.items.map((s) => ({ id: s.id, name: s.name }));
          apply(checks.map((c) => ({ sheet: c.sheet, report: c.report ? { ...c.report, sheet: order.find((s) => s.id === c.sheet.id)?.name ?? c.report.sheet } : null })));
        });
        emit();
      },
    });

    const onChanged = (event: Excel.WorksheetChangedEventArgs) => {
      // Local and Remote (co-author) changes alike; the add-in's own writes start nothing.
      const kind = classifyChange(event);
      if (kind === 'own') return;
      if (kind === 'moved') memory.cellsMoved(event.worksheetId);
      scheduler.changed(event.worksheetId);
    };

    const ctx = await checkContext(true);
    const handlers: { context: OfficeExtension.ClientRequestContext; remove(): void }[] = [];
    await run(async (context) => {
      order = await listSheets(context);
      apply(await checkSheets(context, order, ctx));
      const worksheets = context.workbook.worksheets;
      if (features.collectionEvents) {
        handlers.push(worksheets.onChanged.add(async (e) => onChanged(e)));
      } else {
        for (const s of order) handlers.push(worksheets.getItem(s.id).onChanged.add(async (e) => onChanged(e)));
      }
      handlers.push(
        worksheets.onAdded.add(async (e) => {
          if (!features.collectionEvents) {
            await run(async (c) => {
              handlers.push(c.workbook.worksheets.getItem(e.worksheetId).onChanged.add(async (ev) => onChanged(ev)));
              await counter.sync(c);
            });
          }
          scheduler.added(e.worksheetId);
        }),
      );
      if (features.protectionEvents) {
        // Unprotected: its marks can be written now; protected: its report says they are not.
        handlers.push(worksheets.onProtectionChanged.add(async (e) => scheduler.changed(e.worksheetId)));
      }
      handlers.push(
        worksheets.onDeleted.add(async (e) => {
          scheduler.sheetDeleted(e.worksheetId);
          reports.delete(e.worksheetId);
          memory.forget(e.worksheetId);
          order = order.filter((s) => s.id !== e.worksheetId);
          emit();
        }),
      );
      await counter.sync(context);
    });
    emit();
    live = {
      idOf: (name) => order.find((s) => s.name === name)?.id,
      isStale: (sheetId) => scheduler.isStale(sheetId),
      recheck: (sheetId) => scheduler.checkNow(sheetId),
    };

    return async () => {
      live = null;
      await scheduler.stop();
      // A handler is removed in a batch on the context it was added with (Excel.run(context, …)).
      const contexts = new Set(handlers.map((h) => h.context as Excel.RequestContext));
      for (const context of contexts) {
        await runIn(context, async (batchContext) => {
          for (const handler of handlers) if (handler.context === context) handler.remove();
          await counter.sync(batchContext);
        });
      }
    };
  }

  return host;
}
