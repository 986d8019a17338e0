// The live check over Office.js: re-reads only the sheets that changed, after a quiet time (the core's
// LiveCheckScheduler). Triggers: worksheet onChanged, and where onChanged is documented or known to miss
// a change, onCalculated (a recalculated 预算数 raises no onChanged: excel.worksheetcollection#onCalculated)
// and onActivated (a pick from a list drop-down raises no onChanged: office-js #420; coming back to the
// sheet re-reads it). Marks are written only for the user's own (Local) changes with liveMarks on: a
// co-author's (Remote) change is reported, and their add-in marks their own copy.
import type { SheetReport } from '../core/model';
import { LiveCheckScheduler, classifyChange } from '../core/marking';
import { checkSheets } from './checkSheets';
import type { CheckContext, SheetRef } from './checkSheets';
import type { ExcelFeatures } from './features';
import type { SyncCounter } from './syncCounter';
import type { ExcelRun, ExcelRunIn } from './syncCounter';
import type { MarkMemory } from './checkSheets';

export interface LiveDeps {
  run: ExcelRun;
  runIn: ExcelRunIn;
  counter: SyncCounter;
  memory: MarkMemory;
  features: ExcelFeatures;
  delayMs: number;
  /** The context of a live round, its settings re-read from the document in the round's first sync. */
  checkContext(): Promise<CheckContext>;
  listSheets(context: Excel.RequestContext): Promise<SheetRef[]>;
}

/** What the host asks of a running live check. */
export interface LiveHandle {
  idOf(name: string): string | undefined;
  isStale(sheetId: string): boolean;
  recheck(sheetId: string): Promise<void>;
  /** Re-checks every sheet with a report now, marking none (nothing in them changed: only what suggests). */
  recheckQuietly(): Promise<void>;
  /**
   * Takes a full check's results (全部检查, or after a layout, library or setting changed) as the live
   * check's own: else its next report would bring back what it last read of the sheets nobody edited since.
   */
  adopt(checks: readonly { sheet: SheetRef; report: SheetReport | null }[]): void;
  stop(): Promise<void>;
}

const hasErrors = (report: SheetReport) => report.issues.some((issue) => issue.severity === 'error');

export async function startLiveCheck(deps: LiveDeps, onReports: (reports: SheetReport[]) => void, onError: (error: unknown) => void): Promise<LiveHandle> {
  const { run, runIn, counter, memory, features } = deps;
  let order: SheetRef[] = [];
  const reports = new Map<string, SheetReport>();
  /** Sheets whose pending changes are all a co-author's: checked and reported, never marked. */
  const remoteOnly = new Set<string>();

  const emit = () => onReports(order.flatMap((s) => (reports.has(s.id) ? [{ ...reports.get(s.id)!, sheet: s.name }] : [])));
  const apply = (checks: readonly { sheet: SheetRef; report: SheetReport | null }[]) => {
    for (const { sheet, report } of checks) {
      if (report) reports.set(sheet.id, report);
      else reports.delete(sheet.id);
    }
  };

  const checkRound = async (ids: string[]): Promise<void> => {
    const base = await deps.checkContext();
    const local = new Set(ids.filter((id) => !remoteOnly.has(id)));
    for (const id of ids) remoteOnly.delete(id);
    const ctx: CheckContext = { ...base, writeFor: (sheetId) => local.has(sheetId) };
    await run(async (context) => {
      // Names are re-read in the same sync as the sheets, so a rename costs nothing extra.
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name,items/id');
      const wanted = ids.map((id) => order.find((s) => s.id === id) ?? { id, name: '' });
      const before = [...reports.values()].some(hasErrors);
      let checks = await checkSheets(context, wanted, ctx);
      order = worksheets.items.map((s) => ({ id: s.id, name: s.name }));
      apply(checks.map((c) => ({ sheet: c.sheet, report: c.report ? { ...c.report, sheet: order.find((s) => s.id === c.sheet.id)?.name ?? c.report.sheet } : null })));
      // Before the list says 可以发送 (no error left), the other form sheets are read afresh: an event
      // Excel did not raise (office-js #420, #3899) may have left one of them behind its cells.
      const others = order.filter((s) => reports.has(s.id) && !ids.includes(s.id));
      if (before && ![...reports.values()].some(hasErrors) && others.length > 0) {
        checks = await checkSheets(context, others, { ...ctx, writeFor: () => false });
        apply(checks);
      }
    });
    emit();
  };

  const scheduler = new LiveCheckScheduler({
    delayMs: deps.delayMs,
    timers: { set: (callback, ms) => setTimeout(callback, ms), clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) },
    onError,
    check: checkRound,
  });

  const onChanged = (event: Excel.WorksheetChangedEventArgs) => {
    // The add-in's own writes start nothing.
    const kind = classifyChange(event);
    if (kind === 'own') return;
    if (kind === 'moved') memory.cellsMoved(event.worksheetId);
    if (event.source === 'Remote' && !scheduler.isStale(event.worksheetId)) remoteOnly.add(event.worksheetId);
    else if (event.source !== 'Remote') remoteOnly.delete(event.worksheetId);
    scheduler.changed(event.worksheetId);
  };
  /** A change onChanged may have missed: the sheet is re-read, and marked only if the user's own. */
  const missedChange = (worksheetId: string) => {
    if (!reports.has(worksheetId)) return;
    if (!scheduler.isStale(worksheetId)) remoteOnly.add(worksheetId);
    scheduler.changed(worksheetId);
  };

  const ctx = await deps.checkContext();
  const handlers: { context: OfficeExtension.ClientRequestContext; remove(): void }[] = [];
  await run(async (context) => {
    order = await deps.listSheets(context);
    // Opening the pane writes only where the user chose live marks (ctx.writeMarks is their setting).
    apply(await checkSheets(context, order, ctx));
    const worksheets = context.workbook.worksheets;
    if (features.collectionEvents) {
      handlers.push(worksheets.onChanged.add(async (e) => onChanged(e)));
    } else {
      for (const s of order) handlers.push(worksheets.getItem(s.id).onChanged.add(async (e) => onChanged(e)));
    }
    handlers.push(worksheets.onCalculated.add(async (e) => missedChange(e.worksheetId)));
    handlers.push(worksheets.onActivated.add(async (e) => missedChange(e.worksheetId)));
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

  return {
    idOf: (name) => order.find((s) => s.name === name)?.id,
    isStale: (sheetId) => scheduler.isStale(sheetId),
    recheck: (sheetId) => scheduler.checkNow(sheetId),
    // As for a change the events may have missed: read and reported, marked only if the user changed it meanwhile.
    recheckQuietly: () => scheduler.recheck([...reports.keys()], (id) => remoteOnly.add(id)),
    adopt: (checks) => {
      order = checks.map((c) => c.sheet);
      reports.clear();
      apply(checks);
    },
    stop: async () => {
      await scheduler.stop();
      // A handler is removed in a batch on the context it was added with (Excel.run(context, …)).
      const contexts = new Set(handlers.map((h) => h.context as Excel.RequestContext));
      for (const context of contexts) {
        await runIn(context, async (batchContext) => {
          for (const handler of handlers) if (handler.context === context) handler.remove();
          await counter.sync(batchContext);
        });
      }
    },
  };
}
