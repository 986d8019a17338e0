/**
 * The live check's state machine, host-neutral: which changes start a check, the quiet time before it,
 * the sheets still to check, and retrying a check that failed. The host supplies timers and the check.
 */

/** Change types that move cells: what was known of where marks and notes sit is void afterwards. */
const MOVING = new Set(['RowInserted', 'RowDeleted', 'ColumnInserted', 'ColumnDeleted', 'CellInserted', 'CellDeleted', 'Unknown']);

export interface ChangeLike {
  changeType?: string;
  /** `ThisLocalAddin` for the add-in's own writes (ExcelApi 1.14); absent on older hosts. */
  triggerSource?: string;
}

export type ChangeKind = 'own' | 'moved' | 'edited';

/**
 * `own`: this add-in's write, which starts no check. Where the host cannot say (no triggerSource), an
 * own write is taken for an edit: the check it starts finds the marks right and writes nothing, so it
 * ends there.
 */
export function classifyChange(change: ChangeLike): ChangeKind {
  if (change.triggerSource === 'ThisLocalAddin') return 'own';
  // A change of unknown type may have moved cells; forgetting costs only a fuller read.
  if (change.changeType === undefined || MOVING.has(change.changeType)) return 'moved';
  return 'edited';
}

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface LiveCheckOptions {
  /** Quiet time after the last change before a check (typing fast checks once). */
  delayMs: number;
  timers: Timers;
  /** Checks these sheets (by id) and reports; rejects when the host's batch failed. */
  check(sheetIds: string[]): Promise<void>;
  /** Called when a check still fails after its retries; its sheets stay pending for the next change. */
  onError(error: unknown): void;
  /** Retries of a failed check before the error is shown, each after twice the wait of the last. */
  retries?: number;
}

export class LiveCheckScheduler {
  private readonly pending = new Set<string>();
  /** Sheets whose check is running: their changes are not reported yet. */
  private readonly checking = new Set<string>();
  /** Deleted sheets: a change queued just before the deletion must not read them. */
  private readonly deleted = new Set<string>();
  private timer: unknown = null;
  private running: Promise<void> = Promise.resolve();
  private failures = 0;
  private stopped = false;

  constructor(private readonly options: LiveCheckOptions) {}

  /** Sheets waiting for a check (for tests and diagnostics). */
  get pendingSheets(): string[] {
    return [...this.pending];
  }

  /** True while a change of the sheet is not yet reported (waiting for its check, or being checked). */
  isStale(sheetId: string): boolean {
    return this.pending.has(sheetId) || this.checking.has(sheetId);
  }

  changed(sheetId: string): void {
    if (this.stopped || this.deleted.has(sheetId)) return;
    this.pending.add(sheetId);
    this.failures = 0;
    this.arm(this.options.delayMs);
  }

  added(sheetId: string): void {
    this.deleted.delete(sheetId);
    this.changed(sheetId);
  }

  sheetDeleted(sheetId: string): void {
    this.deleted.add(sheetId);
    this.pending.delete(sheetId);
  }

  /**
   * Checks the sheet (with any other pending) now, without the quiet time, after a check already running;
   * resolves once done. A failure is handled as any check's (pending, retried, then onError).
   */
  checkNow(sheetId: string): Promise<void> {
    if (this.stopped || this.deleted.has(sheetId)) return this.running;
    this.pending.add(sheetId);
    this.failures = 0;
    this.disarm();
    this.running = this.running.then(() => this.flush());
    return this.running;
  }

  /**
   * Checks `sheetIds` now though nothing in them asked for it (what suggestions are drawn from changed):
   * `unchanged` is told each one with no change of its own pending first, so that its round can leave its marks
   * alone. Resolves once done.
   */
  async recheck(sheetIds: readonly string[], unchanged: (sheetId: string) => void): Promise<void> {
    for (const id of sheetIds) if (!this.isStale(id)) unchanged(id);
    await Promise.all(sheetIds.map((id) => this.checkNow(id)));
  }

  /** Resolves once no check runs; no check starts afterwards. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.disarm();
    await this.running;
  }

  private disarm(): void {
    if (this.timer !== null) this.options.timers.clear(this.timer);
    this.timer = null;
  }

  private arm(ms: number): void {
    this.disarm();
    this.timer = this.options.timers.set(() => {
      this.timer = null;
      this.running = this.running.then(() => this.flush());
    }, ms);
  }

  private async flush(): Promise<void> {
    if (this.stopped) return;
    const ids = [...this.pending].filter((id) => !this.deleted.has(id));
    this.pending.clear();
    if (ids.length === 0) return;
    for (const id of ids) this.checking.add(id);
    try {
      await this.options.check(ids);
      this.failures = 0;
    } catch (error) {
      // The sheets were not checked: they stay pending, whatever failed.
      for (const id of ids) if (!this.deleted.has(id)) this.pending.add(id);
      this.failures++;
      if (this.failures <= (this.options.retries ?? 3)) {
        if (!this.stopped) this.arm(this.options.delayMs * 2 ** this.failures);
      } else {
        this.failures = 0;
        this.options.onError(error);
      }
    } finally {
      for (const id of ids) this.checking.delete(id);
    }
  }
}
