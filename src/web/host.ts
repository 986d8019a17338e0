import type { Fix, FrameworkName, LibraryTable, Settings, SheetReport } from '../core/model';
import type { CellGrid } from '../core/sheet/types';

/** Progress of a long operation, for the task pane's progress bar. */
export type ProgressHandler = (done: number, total: number) => void;

export interface InsertResult {
  /** Names of the sheets created, in order. */
  sheetNames: string[];
  /** context.sync calls made (budget: ≤2 per insert of one table, ≤3 for all 16). */
  syncs: number;
}

export interface ApplyFixResult {
  /** Cells selected once applied. */
  selected: string[];
  /** context.sync calls made by the fix itself (budget: ≤2), not counting the re-check after it. */
  syncs: number;
  /** Fixes left for after the re-check (they write a cell or insert a row another fix of the batch does). */
  skipped: number;
}

/** What the settings say about writing marks while the user types (the undo history at stake). */
export interface HostCapabilities {
  /** The host's writes stay in its undo history (Excel: ExcelApi 1.20); else each write clears it. */
  undoSafeWrites: boolean;
  /** A 修正 of several cells is one undo step (Excel: RunOptions.mergeUndoGroup, ExcelApi 1.20). */
  fixIsOneUndoStep: boolean;
  /** The spreadsheet program, for the pane's text; `Excel` when absent. */
  hostName?: string;
  /**
   * False where it is not known whether the host's writes keep the undo history (WPS 表格): then nothing is
   * written while the user types, whatever the live-marks setting says.
   */
  undoKnown?: boolean;
}

/** One behaviour the host relies on, tried on this PC: its name is the test double's switch of the same name. */
export interface SelfTestCheck {
  name: string;
  /** What is checked, in Chinese. */
  label: string;
  passed: boolean;
  /** What the host returned. */
  detail: string;
  /** The check could not run (it needs the user, who did not act): reported, neither passed nor failed. */
  notTried?: boolean;
}

/** What the pane offers 自检 beyond the host: someone to ask for the checks only a user can do. */
export interface SelfTestOptions {
  /** Shows the user what to do now (null: that step is over). Without it such checks are not tried. */
  prompt?: (message: string | null) => void;
  /** How long to wait for the user, in ms (default 30 s). */
  userWaitMs?: number;
}

export interface SelfTestReport {
  /** Host, platform and version as the host reports them. */
  environment: string;
  /** Requirement sets supported, e.g. `ExcelApi 1.1–1.17`. */
  requirementSets: string;
  checks: SelfTestCheck[];
  /** The whole report as plain text, for the user to copy and send. */
  text: string;
}

/**
 * What the task pane and ribbon commands ask of a spreadsheet host: src/excel (Office.js) or src/wps;
 * the UI never calls a host API itself.
 */
export interface CheckAllOptions {
  holdWaiting?: boolean;
}

export interface JixiaoHost {
  insertTables(tables: LibraryTable[], onProgress?: ProgressHandler): Promise<InsertResult>;
  insertBlank(framework: FrameworkName): Promise<InsertResult>;
  /**
   * Reads every sheet, runs the rules, writes the marks; returns one report per 绩效目标表 sheet. With
   * holdWaiting (a full check the user did not ask for: the pane opening on 检查), the empty cells of an
   * untouched form or block are not marked as errors (core/untouched.ts).
   */
  checkAll(onProgress?: ProgressHandler, options?: CheckAllOptions): Promise<SheetReport[]>;
  /** Re-checks sheets as they change; calls back with the full, current report list. Returns a stop function. */
  startLiveCheck(onReports: (reports: SheetReport[]) => void, onError: (error: unknown) => void): Promise<() => Promise<void>>;
  /**
   * 一键修正: applies the fixes (of issues of this sheet) in one batch, selects the changed cells, then
   * re-checks the sheet at once (the live check's report list follows). Rejects with a Chinese message,
   * having changed nothing, when a fix cannot be applied whole.
   */
  applyFixes(sheetName: string, fixes: Fix[]): Promise<ApplyFixResult>;
  /** Activates the sheet and selects the cell. */
  selectCell(sheetName: string, address: string): Promise<void>;
  /** The name of the sheet the user is on (one round trip), or null when Excel says none. */
  activeSheetName(): Promise<string | null>;
  /**
   * Removes every mark jixiao made, and nothing else. Protected sheets are skipped: when marks stay on
   * one, the others are cleared and it rejects with MarksKeptOnProtectedSheetsError (a Chinese message).
   */
  clearMarks(): Promise<void>;
  loadSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
  /**
   * 指定表格布局: a sheet's cells as the reader sees them (its top-left part, at most a few thousand cells),
   * for the dialog's preview. Optional: a host without it offers no teaching in the pane.
   */
  readSheetGrid?(sheetName: string): Promise<CellGrid>;
  /** The cell the user has selected (the first of a range) and its sheet; null when there is none. */
  selectedCell?(): Promise<{ sheetName: string; address: string } | null>;
  /** Optional (a host without it rejects): what writing while the user types would cost. */
  capabilities?(): Promise<HostCapabilities>;
  /**
   * Optional: re-reads the sheets the live check reports, writing nothing, so that their suggestions come from
   * the libraries as they are now (公开样表 is loaded when the 建议 tab first opens). Without a live check, nothing.
   */
  refreshSuggestions?(): Promise<void>;
  /** Optional: 自检, on a scratch sheet the host adds and removes. */
  selfTest?(options?: SelfTestOptions): Promise<SelfTestReport>;
}

/** A host with every method, the optional ones too: what the Excel host is typed as, so none is forgotten. */
export type CompleteHost = Required<JixiaoHost>;

export type HostMethod = keyof JixiaoHost;

/**
 * Every method of JixiaoHost, by name: the one list the lazy host (src/taskpane/lazyHost.ts) forwards. A
 * Record over the interface's keys, so a method added to the interface and not here is a compile error,
 * as is a name here the interface lacks.
 */
const METHOD_NAMES: Record<HostMethod, true> = {
  insertTables: true,
  insertBlank: true,
  checkAll: true,
  startLiveCheck: true,
  applyFixes: true,
  selectCell: true,
  activeSheetName: true,
  clearMarks: true,
  loadSettings: true,
  saveSettings: true,
  readSheetGrid: true,
  selectedCell: true,
  capabilities: true,
  selfTest: true,
  refreshSuggestions: true,
};

export const HOST_METHODS = Object.keys(METHOD_NAMES) as readonly HostMethod[];
