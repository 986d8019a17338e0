// Messages between the checker page and its check worker (src/checker/worker.ts). One worker per job:
// a file that exhausts or crashes its worker takes nothing else with it.
import type { Settings, SheetReport, TemplateLibrary } from '../core/model';
import type { ReadLimits } from '../xlsx/limits';
import type { LayoutProfile } from '../core/layouts';

/**
 * Read a workbook's bytes and check it. New settings re-read the file in a new worker rather than keep
 * its grids in the page: cloning a 200k-row grid back to the page would block the page's thread.
 */
export interface WorkerJob {
  kind: 'read';
  data: ArrayBuffer;
  settings: Settings;
  limits: ReadLimits;
  /** The unit's own libraries (kept by the task pane), compared after the bundled seed; later ones win. */
  libraries?: TemplateLibrary[];
  /** The unit's taught layouts (指定表格布局): a sheet one of them recognises is read under it. */
  layouts?: LayoutProfile[];
}

/**
 * Read a file as one of the unit's template libraries (the task pane's 设置 › 模板库), off the pane's
 * thread, with the same reader and the same isolation as a checked workbook.
 */
export interface LibraryJob {
  kind: 'library';
  data: ArrayBuffer;
  /** The file name, which names the library. */
  name: string;
}

/**
 * Build the marked copy of a checked workbook (下载标记副本) off the page's thread: a large workbook's
 * copy takes seconds, and the page must answer meanwhile (issue #26).
 */
export interface MarkJob {
  kind: 'mark';
  data: ArrayBuffer;
  reports: SheetReport[];
  /** The file's name, for the note on a converted or macro-free copy. */
  fileName: string;
}

export type AnyWorkerJob = WorkerJob | LibraryJob | MarkJob;

/** Where a job is, for the per-file progress line. */
export type WorkerStage = 'reading' | 'checking';

export type WorkerReply =
  | { kind: 'progress'; stage: WorkerStage }
  | { kind: 'done'; reports: SheetReport[] }
  | { kind: 'library'; library: TemplateLibrary }
  | { kind: 'marked'; bytes: ArrayBuffer; note: string | null }
  | { kind: 'failed'; error: string };

/** The worker script, next to the page (a separate webpack entry with a fixed name: see webpack.config.js). */
export const CHECK_WORKER_URL = 'check-worker.js';

/** What the page shows for each stage. */
export const STAGE_TEXT: Record<WorkerStage, string> = {
  reading: '正在读取…',
  checking: '正在检查…',
};
