/** JixiaoHost over Office.js: the only place the task pane's requests reach Excel. */
import { checkGrid, offeredFixes } from '../core/check';
import type { CellGrid } from '../core/sheet/types';
import { parseSettings } from '../core/model';
import type { Fix, FrameworkName, LibraryTable, Settings, TemplateLibrary } from '../core/model';
import { planInsertedBlank, planInsertedTable } from '../core/sheet';
import type { SheetPlan } from '../core/sheet/types';
import { DEFAULT_MAX_CELLS_PER_SYNC, MarkMemory, checkSheets } from './checkSheets';
import type { CheckContext, SheetRef } from './checkSheets';
import { clearWorkbookMarks, listSheets as listSheetsIn } from './clearMarks';
import { detectFeatures } from './features';
import type { ExcelFeatures, RequirementChecker } from './features';
import type { ApplyFixResult, HostCapabilities, InsertResult, JixiaoHost, ProgressHandler } from '../web/host';
import { startLiveCheck } from './liveCheck';
import type { LiveHandle } from './liveCheck';
import { LEGACY_SETTINGS_KEY, queueSettingsRead, queueSettingsWrite, settingsFromRead } from './settingsStore';
import type { DocumentSettings, SettingsSource } from './settingsStore';
import { runSelfTest } from './selfTest';
import { FixNotApplicableError, applyFixInExcel } from './applyFix';
import { combineFixesDetailed } from '../core/fixes';
import { SyncCounter } from './syncCounter';
import type { ExcelRun, ExcelRunIn } from './syncCounter';
import { queueSheetPlan } from './writePlan';
import { readLayoutGrid, readSelectedCell } from './layoutCells';
import type { LayoutProfile } from '../core/layouts';

/** Where versions before 0.x kept the settings (per add-in Id); read once to migrate. */
export const SETTINGS_KEY = LEGACY_SETTINGS_KEY;
export type { DocumentSettings };
/** Sheets drawn per write sync when inserting many: 16 tables → 2 writes + 1 read. */
const SHEETS_PER_WRITE = 8;
const DEFAULT_LIVE_DELAY_MS = 400;
const STALE_FIX = '工作表在上次检查后又有修改，此修正已不适用；列表已重新检查，请核对后再点“修正”。未作任何修改。';

export interface ExcelHostDeps {
  library: TemplateLibrary;
  /** The library as it is at each check (the unit's libraries change while the pane is open); else `library`. */
  getLibrary?: () => TemplateLibrary;
  /** Where suggestions are drawn from at each check, when more than the library (公开样表 once the 建议 tab opened). */
  getSuggestLibrary?: () => TemplateLibrary | undefined;
  /** The unit's taught layouts as they are at each check (指定表格布局 adds them while the pane is open). */
  getLayouts?: () => readonly LayoutProfile[];
  /**
   * Excel.run; by default the global one with `delayForCellEdit`, so a batch waits while the user edits a
   * cell instead of failing (Excel.RunOptions, learn.microsoft.com/javascript/api/excel/excel.runoptions).
   */
  run?: ExcelRun;
  /** Excel.run for a 修正: with mergeUndoGroup (ExcelApi 1.20; ignored below), so it is one undo step. */
  runFix?: ExcelRun;
  /** Excel.run(context, batch); the global one by default. */
  runIn?: ExcelRunIn;
  /** Office.context.requirements; the global one by default. */
  requirements?: RequirementChecker;
  /** Office.context.document.settings (the settings before they moved to the document); the global one by default. */
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

export function createExcelHost(deps: ExcelHostDeps): ExcelHost {
  const run: ExcelRun = deps.run ?? ((batch) => Excel.run({ delayForCellEdit: true }, batch));
  const runIn: ExcelRunIn = deps.runIn ?? ((context, batch) => Excel.run(context, batch));
  const runFix: ExcelRun = deps.runFix ?? deps.run ?? ((batch) => Excel.run({ delayForCellEdit: true, mergeUndoGroup: true } as Excel.RunOptions, batch));
  const requirements = deps.requirements ?? Office.context.requirements;
  const documentSettings = (): DocumentSettings => deps.settings ?? (Office.context.document.settings as unknown as DocumentSettings);
  const features = detectFeatures(requirements);
  const counter = new SyncCounter();
  const memory = new MarkMemory();
  const delayMs = deps.liveCheckDelayMs ?? DEFAULT_LIVE_DELAY_MS;
  let settingsCache: { settings: Settings; source: SettingsSource } | null = null;
  /** While the live check runs: a sheet's id by name, whether its list is behind its cells, and a check at once. */
  let live: LiveHandle | null = null;

  const legacySettings = (): DocumentSettings | null => {
    try {
      return documentSettings();
    } catch {
      return null;
    }
  };

  /** The settings as the document holds them now; queued on `context` and read with its next sync. */
  const readSettings = async (context: Excel.RequestContext): Promise<Settings> => {
    const custom = queueSettingsRead(context);
    await counter.sync(context);
    settingsCache = settingsFromRead(custom, legacySettings());
    return settingsCache.settings;
  };

  /** `live`: a check the user did not ask for, which writes marks only while settings.liveMarks is on. */
  const checkContext = async (live = false, fresh?: Settings): Promise<CheckContext> => {
    const settings = fresh ?? settingsCache?.settings ?? (await host.loadSettings());
    return { counter, features, memory, settings, library: deps.getLibrary?.() ?? deps.library, suggestLibrary: deps.getSuggestLibrary?.(), layouts: deps.getLayouts?.() ?? [], writeMarks: !live || settings.liveMarks, holdWaiting: live, maxCellsPerSync: deps.maxCellsPerSync ?? DEFAULT_MAX_CELLS_PER_SYNC };
  };

  /** Settings still in Office.Settings go into the document with a write the user asked for. */
  const migrateSettings = async (context: Excel.RequestContext): Promise<void> => {
    if (settingsCache?.source !== 'legacy') return;
    const custom = queueSettingsRead(context);
    await counter.sync(context);
    queueSettingsWrite(custom, settingsCache.settings);
    await counter.sync(context);
    settingsCache = { ...settingsCache, source: 'document' };
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
      return insertPlans(tables.length, (i, existing) => planInsertedTable(tables[i], existing), onProgress);
    },

    insertBlank(framework: FrameworkName) {
      return insertPlans(1, (_i, existing) => planInsertedBlank(framework, existing));
    },

    async checkAll(onProgress?: ProgressHandler) {
      const checks = await run(async (context) => {
        // The settings are re-read with the sheet list (a colleague may have changed them): no extra sync.
        const custom = queueSettingsRead(context);
        const sheets = await listSheets(context);
        settingsCache = settingsFromRead(custom, legacySettings());
        const found = await checkSheets(context, sheets, await checkContext(false, settingsCache.settings));
        await migrateSettings(context);
        return found;
      });
      onProgress?.(checks.length, checks.length);
      return checks.flatMap((c) => (c.report ? [c.report] : []));
    },

    async startLiveCheck(onReports, onError) {
      const handle = await startLiveCheck(
        { run, runIn, counter, memory, features, delayMs, checkContext: () => checkContext(true), listSheets },
        onReports,
        onError,
      );
      live = handle;
      return async () => {
        live = null;
        await handle.stop();
      };
    },

    async capabilities(): Promise<HostCapabilities> {
      return { undoSafeWrites: features.undoSafeWrites, fixIsOneUndoStep: features.undoSafeWrites };
    },

    async refreshSuggestions() {
      await live?.recheckQuietly();
    },

    selfTest() {
      return runSelfTest({ run, counter, features, requirements });
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
        const offered = new Set(offeredFixes(checkGrid(grid, { settings: ctx.settings, library: ctx.library, suggestLibrary: ctx.suggestLibrary, layouts: ctx.layouts, suggest: true })).map((f) => JSON.stringify(f)));
        if (fixes.some((f) => !offered.has(JSON.stringify(f)))) throw new FixNotApplicableError(STALE_FIX);
      };
      const before = counter.count;
      let applied: Awaited<ReturnType<typeof applyFixInExcel>>;
      try {
        // One undo step for the whole fix where Excel groups (RunOptions.mergeUndoGroup, ExcelApi 1.20).
        applied = await runFix((context) => applyFixInExcel(context, sheetName, fix, { counter, features, verify }));
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

    loadSettings() {
      return run(readSettings);
    },

    async saveSettings(settings: Settings) {
      const valid = parseSettings(settings);
      await run(async (context) => {
        const custom = queueSettingsRead(context);
        await counter.sync(context);
        queueSettingsWrite(custom, valid);
        await counter.sync(context);
      });
      settingsCache = { settings: valid, source: 'document' };
    },

    readSheetGrid: (sheetName: string) => run((context) => readLayoutGrid(context, sheetName, counter, features)),
    selectedCell: () => run((context) => readSelectedCell(context, counter)),
  };

  /** Live check: re-reads only the sheets that changed, after `delayMs` of quiet (src/core/marking's scheduler). */
  return host;
}
