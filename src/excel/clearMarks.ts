// 清除标记 without the check engine: the ribbon's commands page loads this module, not the Excel host,
// so it carries no rules, reader or settings schema (only what removing marks needs).
import { clearChanges, countChanges, noteClearing, parseMarkFormula } from '../core/marking';
import type { CheckContext, SheetRef } from './checkSheets';
import type { MarkMemory } from './markMemory';
import { formatDeleteWrites, noteEditWrites } from './markRemovals';
import { localAddress } from './mergedAreas';
import type { ExcelFeatures } from './features';
import { DEFAULT_MAX_REQUEST_BYTES, requestBytes, sendInTrips } from './payload';
import type { QueuedWrite } from './payload';
import { MarksKeptOnProtectedSheetsError } from './protection';
import type { ExcelRun, SyncCounter } from './syncCounter';

export interface ClearMarksDeps {
  run: ExcelRun;
  counter: SyncCounter;
  features: ExcelFeatures;
  memory: MarkMemory;
  /** Request bytes per write trip, by estimate (src/excel/payload.ts); a default under Excel on the web's 5 MB. */
  maxRequestBytes?: number;
}

/** Every worksheet's id and name, in the workbook's order: 1 sync. */
export async function listSheets(context: Excel.RequestContext, counter: SyncCounter): Promise<SheetRef[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/id');
  await counter.sync(context);
  return worksheets.items.map((s) => ({ id: s.id, name: s.name }));
}

/** Removes jixiao's marks from every sheet; throws MarksKeptOnProtectedSheetsError naming protected sheets left marked. */
export async function clearWorkbookMarks(deps: ClearMarksDeps): Promise<void> {
  const result = await deps.run(async (context) => clearSheetMarks(context, await listSheets(context, deps.counter), deps));
  if (result.keptOnProtected.length > 0) throw new MarksKeptOnProtectedSheetsError(result.keptOnProtected, result.removed);
}

/** What clearing marks did: marks removed, and the protected sheets whose marks had to stay. */
export interface ClearMarksResult {
  removed: number;
  /** Names of protected sheets that still carry jixiao's marks (Excel refuses to remove them). */
  keptOnProtected: string[];
}

/** A note of jixiao's: where it is (loaded in round trip 2), and its user's own text when it had one. */
interface Located {
  range: Excel.Range | null;
  userText: string | null;
}

function addressOf(note: Located): string {
  if (!note.range) throw new Error('批注位置未读取');
  return localAddress(note.range.address);
}

/**
 * Removes every mark jixiao made on the given sheets: its conditional formats and tagged notes, nothing
 * else. A protected sheet is left alone (Excel refuses the removal); the result names those still marked.
 * The removals go in trips under Excel on the web's request limit, a trip refused as too large sent again
 * in halves (src/excel/payload.ts), as 全部检查's mark writes do: a workbook with very many marks clears.
 */
export async function clearSheetMarks(
  context: Excel.RequestContext,
  sheets: SheetRef[],
  ctx: Pick<CheckContext, 'counter' | 'features' | 'memory' | 'maxRequestBytes'>,
): Promise<ClearMarksResult> {
  const reads = sheets.map((ref) => {
    const worksheet = context.workbook.worksheets.getItem(ref.id);
    const protection = worksheet.protection;
    protection.load('protected');
    const cfs = worksheet.getRange().conditionalFormats;
    cfs.load('items/type');
    const notes = ctx.features.notes ? worksheet.notes : null;
    notes?.load('items/content,items/authorName');
    return { ref, worksheet, protection, cfs, notes, formulas: new Map<number, Excel.ConditionalFormatRule>(), located: [] as Located[] };
  });
  await ctx.counter.sync(context);

  // Round trip 2 (in trips under the request limit too: one load per mark): each custom format's formula,
  // and where each of jixiao's notes is. A refused trip's queue is gone, so each load makes its proxy anew.
  const loads: QueuedWrite[] = [];
  for (const read of reads) {
    read.cfs.items.forEach((cf, index) => {
      if (cf.type !== 'Custom') return;
      const queue = () => {
        const rule = cf.custom.rule;
        rule.load('formula');
        read.formulas.set(index, rule);
      };
      loads.push({ bytes: requestBytes(1), queue });
    });
    for (const note of read.notes?.items ?? []) {
      const clearing = noteClearing(note.content, note.authorName);
      if (!clearing) continue;
      const located: Located = { range: null, userText: clearing.kind === 'restore' ? clearing.text : null };
      read.located.push(located);
      loads.push({ bytes: requestBytes(2), queue: () => (located.range = note.getLocation().load('address')) });
    }
  }
  if (loads.length === 0) return { removed: 0, keptOnProtected: [] };
  const maxRequestBytes = ctx.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const sync = () => ctx.counter.sync(context);
  await sendInTrips(loads, maxRequestBytes, sync);

  let removed = 0;
  const keptOnProtected: string[] = [];
  const writes: QueuedWrite[][] = [];
  for (const read of reads) {
    const formats = read.cfs.items.map((_cf, index) => {
      const rule = read.formulas.get(index);
      return rule ? parseMarkFormula(rule.formula) : null;
    });
    const changes = clearChanges(formats, null);
    changes.deleteNotes = read.located.filter((n) => n.userText === null).map((n) => addressOf(n));
    // A user's note with jixiao's message appended (a marked copy) gets its own text back.
    changes.updateNotes = read.located.flatMap((n) => (n.userText === null ? [] : [{ address: addressOf(n), text: n.userText }]));
    const count = countChanges(changes);
    if (count === 0) continue;
    if (read.protection.protected) {
      keptOnProtected.push(read.ref.name);
      continue;
    }
    writes.push([...formatDeleteWrites(read, changes), ...noteEditWrites(read, changes)]);
    ctx.memory.cellsMoved(read.ref.id);
    removed += count;
  }
  if (writes.length > 0) await sendInTrips(writes.flat(), maxRequestBytes, sync);
  return { removed, keptOnProtected };
}
