import type { FrameworkName, LibraryTable, Settings, SheetReport } from '../core/model';

/** Progress of a long operation, for the task pane's progress bar. */
export type ProgressHandler = (done: number, total: number) => void;

export interface InsertResult {
  /** Names of the sheets created, in order. */
  sheetNames: string[];
  /** context.sync calls made (budget: ≤2 per insert of one table, ≤3 for all 16). */
  syncs: number;
}

/**
 * What the task pane and ribbon commands ask of Excel. Implemented in src/excel over Office.js;
 * the UI never calls Office.js itself.
 */
export interface JixiaoHost {
  insertTables(tables: LibraryTable[], onProgress?: ProgressHandler): Promise<InsertResult>;
  insertBlank(framework: FrameworkName): Promise<InsertResult>;
  /** Reads every sheet, runs the rules, writes the marks; returns one report per 绩效目标表 sheet. */
  checkAll(onProgress?: ProgressHandler): Promise<SheetReport[]>;
  /** Re-checks sheets as they change; calls back with the full, current report list. Returns a stop function. */
  startLiveCheck(onReports: (reports: SheetReport[]) => void, onError: (error: unknown) => void): Promise<() => Promise<void>>;
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
}
