// 清除标记 without the check engine: the ribbon's commands page loads this module, not the Excel host,
// so it carries no rules, reader or settings schema (only what removing marks needs).
import { clearChanges, countChanges, noteClearing, parseMarkFormula } from '../core/marking';
import type { CheckContext, SheetRef } from './checkSheets';
import type { MarkMemory } from './markMemory';
import { localAddress } from './mergedAreas';
import type { ExcelFeatures } from './features';
import { MarksKeptOnProtectedSheetsError } from './protection';
import type { ExcelRun, SyncCounter } from './syncCounter';

export interface ClearMarksDeps {
  run: ExcelRun;
  counter: SyncCounter;
  features: ExcelFeatures;
  memory: MarkMemory;
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

/**
 * Removes every mark jixiao made on the given sheets: its conditional formats and tagged notes, nothing
 * else. A protected sheet is left alone (Excel refuses the removal); the result names those still marked.
 */
export async function clearSheetMarks(context: Excel.RequestContext, sheets: SheetRef[], ctx: Pick<CheckContext, 'counter' | 'features' | 'memory'>): Promise<ClearMarksResult> {
  const reads = sheets.map((ref) => {
    const worksheet = context.workbook.worksheets.getItem(ref.id);
    const protection = worksheet.protection;
    protection.load('protected');
    const cfs = worksheet.getRange().conditionalFormats;
    cfs.load('items/type');
    const notes = ctx.features.notes ? worksheet.notes : null;
    notes?.load('items/content,items/authorName');
    return { ref, worksheet, protection, cfs, notes, formulas: new Map<number, Excel.ConditionalFormatRule>(), located: [] as { range: Excel.Range; userText: string | null }[] };
  });
  await ctx.counter.sync(context);

  let secondRead = false;
  for (const read of reads) {
    read.cfs.items.forEach((cf, index) => {
      if (cf.type !== 'Custom') return;
      const rule = cf.custom.rule;
      rule.load('formula');
      read.formulas.set(index, rule);
      secondRead = true;
    });
    for (const note of read.notes?.items ?? []) {
      const clearing = noteClearing(note.content, note.authorName);
      if (!clearing) continue;
      const userText = clearing.kind === 'restore' ? clearing.text : null;
      const range = note.getLocation();
      range.load('address');
      read.located.push({ range, userText });
      secondRead = true;
    }
  }
  if (!secondRead) return { removed: 0, keptOnProtected: [] };
  await ctx.counter.sync(context);

  let removed = 0;
  const keptOnProtected: string[] = [];
  for (const read of reads) {
    const formats = read.cfs.items.map((_cf, index) => {
      const rule = read.formulas.get(index);
      return rule ? parseMarkFormula(rule.formula) : null;
    });
    const changes = clearChanges(formats, null);
    changes.deleteNotes = read.located.filter((n) => n.userText === null).map((n) => localAddress(n.range.address));
    // A user's note with jixiao's message appended (a marked copy) gets its own text back.
    changes.updateNotes = read.located.flatMap((n) => (n.userText === null ? [] : [{ address: localAddress(n.range.address), text: n.userText }]));
    const count = countChanges(changes);
    if (count === 0) continue;
    if (read.protection.protected) {
      keptOnProtected.push(read.ref.name);
      continue;
    }
    for (const index of changes.deleteFormats) read.cfs.items[index].delete();
    for (const address of changes.deleteNotes) read.worksheet.notes.getItem(address).delete();
    for (const { address, text } of changes.updateNotes) read.worksheet.notes.getItem(address).content = text;
    ctx.memory.cellsMoved(read.ref.id);
    removed += count;
  }
  if (removed > 0) await ctx.counter.sync(context);
  return { removed, keptOnProtected };
}
