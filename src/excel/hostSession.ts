/**
 * What the Excel host's methods share: the Excel.run variants, the sync counter, the features this Excel
 * supports, what is remembered of the marks, the settings as last read, and the running live check.
 * Each group of methods (src/excel/host*.ts) takes the session; createExcelHost puts them together.
 */
import type { LayoutProfile } from '../core/layouts';
import type { Settings, TemplateLibrary } from '../core/model';
import { DEFAULT_MAX_CELLS_PER_SYNC, MarkMemory } from './checkSheets';
import type { CheckContext, SheetRef } from './checkSheets';
import { listSheets } from './clearMarks';
import { detectFeatures } from './features';
import type { ExcelFeatures, RequirementChecker } from './features';
import type { LiveHandle } from './liveCheck';
import { queueSettingsRead, queueSettingsWrite, settingsFromRead } from './settingsStore';
import type { DocumentSettings, SettingsSource } from './settingsStore';
import { SyncCounter } from './syncCounter';
import type { ExcelRun, ExcelRunIn } from './syncCounter';

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
  /** Request bytes per write trip, by estimate (Excel on the web refuses requests above 5 MB: src/excel/payload.ts). */
  maxRequestBytes?: number;
}

const DEFAULT_LIVE_DELAY_MS = 400;

export interface ExcelSession {
  readonly deps: ExcelHostDeps;
  readonly run: ExcelRun;
  readonly runIn: ExcelRunIn;
  readonly runFix: ExcelRun;
  readonly requirements: RequirementChecker;
  readonly features: ExcelFeatures;
  readonly counter: SyncCounter;
  readonly memory: MarkMemory;
  readonly liveDelayMs: number;
  /** The settings as last read or saved, and where they came from; null before the first read. */
  settings: { settings: Settings; source: SettingsSource } | null;
  /** While the live check runs: a sheet's id by name, whether its list is behind its cells, a check at once. */
  live: LiveHandle | null;
  /** Reads the custom properties queued before `sync` with it, and keeps the settings they hold. */
  settingsAfter(custom: Excel.CustomPropertyCollection): Settings;
  /** The settings as the document holds them now (one round trip of its own). */
  readSettings(context: Excel.RequestContext): Promise<Settings>;
  /** Settings still in Office.Settings go into the document with a write the user asked for. */
  migrateSettings(context: Excel.RequestContext): Promise<void>;
  /**
   * `live`: a check the user did not ask for, which writes marks only while settings.liveMarks is on.
   * `holdWaiting` (live checks, and the check as the pane opens): untouched forms and blocks are 待填写.
   */
  checkContext(live?: boolean, fresh?: Settings, holdWaiting?: boolean): Promise<CheckContext>;
  listSheets(context: Excel.RequestContext): Promise<SheetRef[]>;
}

export function createSession(deps: ExcelHostDeps): ExcelSession {
  const run: ExcelRun = deps.run ?? ((batch) => Excel.run({ delayForCellEdit: true }, batch));
  const requirements = deps.requirements ?? Office.context.requirements;
  const counter = new SyncCounter();
  const legacySettings = (): DocumentSettings | null => {
    try {
      return deps.settings ?? (Office.context.document.settings as unknown as DocumentSettings);
    } catch {
      return null;
    }
  };
  const session: ExcelSession = {
    deps,
    run,
    runIn: deps.runIn ?? ((context, batch) => Excel.run(context, batch)),
    runFix: deps.runFix ?? deps.run ?? ((batch) => Excel.run({ delayForCellEdit: true, mergeUndoGroup: true } as Excel.RunOptions, batch)),
    requirements,
    features: detectFeatures(requirements),
    counter,
    memory: new MarkMemory(),
    liveDelayMs: deps.liveCheckDelayMs ?? DEFAULT_LIVE_DELAY_MS,
    settings: null,
    live: null,

    settingsAfter(custom) {
      session.settings = settingsFromRead(custom, legacySettings());
      return session.settings.settings;
    },

    async readSettings(context) {
      const custom = queueSettingsRead(context);
      await counter.sync(context);
      return session.settingsAfter(custom);
    },

    async migrateSettings(context) {
      if (session.settings?.source !== 'legacy') return;
      const custom = queueSettingsRead(context);
      await counter.sync(context);
      queueSettingsWrite(custom, session.settings.settings);
      await counter.sync(context);
      session.settings = { ...session.settings, source: 'document' };
    },

    async checkContext(live = false, fresh, holdWaiting = live) {
      const settings = fresh ?? session.settings?.settings ?? (await run(session.readSettings));
      return {
        counter,
        features: session.features,
        memory: session.memory,
        settings,
        library: deps.getLibrary?.() ?? deps.library,
        suggestLibrary: deps.getSuggestLibrary?.(),
        layouts: deps.getLayouts?.() ?? [],
        writeMarks: !live || settings.liveMarks,
        holdWaiting,
        maxCellsPerSync: deps.maxCellsPerSync ?? DEFAULT_MAX_CELLS_PER_SYNC,
        maxRequestBytes: deps.maxRequestBytes,
      };
    },

    listSheets: (context) => listSheets(context, counter),
  };
  return session;
}
