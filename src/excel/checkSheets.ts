/**
 * Reads sheets, runs the core checks and writes the marks — in as few syncs as Office.js allows:
 * 1 read (values, merged areas, conditional-format ids, the sheet's notes), an extra read only for what
 * is not known yet (formulas of CFs never seen, where notes are when they are not all where they were),
 * and 1 write only when the marks changed. A sheet that is no 绩效目标表 and carries no mark costs the read.
 * Checking never writes a value: marks are conditional formats and notes only.
 * A protected sheet (worksheet.protection.protected, read with the values) is checked but never written:
 * Excel would refuse the whole batch, and with it the other sheets' marks. Its report says so.
 */
import { checkGrid } from '../core/check';
import { MARK_STYLES, marksForReport } from '../core/marks';
import type { CellMark } from '../core/marks';
import type { Settings, SheetReport, TemplateLibrary } from '../core/model';
import { shownValue } from '../core/sheet/shown';
import type { CellGrid, CellValue } from '../core/sheet/types';
import { queueBoxBorder } from './borders';
import type { ExcelFeatures } from './features';
import { isMarkNote, markFormula, markKey, markNoteText, parseMarkFormula } from './marks';
import type { ExistingMark } from './marks';
import type { SyncCounter } from './syncCounter';

/** What the adapter remembers of a sheet between checks (keyed by worksheet id). */
interface SheetMemory {
  /**
   * Cells that held a note at the last check (ours or the user's). Only a hint: the next read probes
   * them and counts the sheet's notes, and locates every note when the two counts differ.
   */
  noteCells: Set<string>;
  /** Custom CFs seen: ours (with the cell they mark) or null for the user's own. */
  cfs: Map<string, ExistingMark | null>;
}

/** Per-workbook memory of the adapter; dropping it only costs an extra read next time. */
export class MarkMemory {
  private readonly sheets = new Map<string, SheetMemory>();

  get(sheetId: string): SheetMemory {
    let memory = this.sheets.get(sheetId);
    if (!memory) {
      memory = { noteCells: new Set(), cfs: new Map() };
      this.sheets.set(sheetId, memory);
    }
    return memory;
  }

  /** Rows moved: our CF formulas were adjusted by Excel, so their cells must be read again. */
  rowsMoved(sheetId: string): void {
    const memory = this.sheets.get(sheetId);
    if (!memory) return;
    memory.noteCells.clear();
    for (const [id, mark] of memory.cfs) if (mark) memory.cfs.delete(id);
  }

  forget(sheetId: string): void {
    this.sheets.delete(sheetId);
  }

  /** A sheet just drawn by insert: it holds no CF or note. */
  primeNewSheet(sheetId: string): void {
    this.sheets.set(sheetId, { noteCells: new Set(), cfs: new Map() });
  }
}

export interface CheckContext {
  counter: SyncCounter;
  features: ExcelFeatures;
  memory: MarkMemory;
  settings: Settings;
  library: TemplateLibrary | null;
  /** False for a live check with settings.liveMarks off: read and report, write nothing. */
  writeMarks: boolean;
}

export interface SheetRef {
  id: string;
  name: string;
}

export interface SheetCheck {
  sheet: SheetRef;
  /** Null when the sheet holds no 绩效目标表. */
  report: SheetReport | null;
}

/** What clearing marks did: marks removed, and the protected sheets whose marks had to stay. */
export interface ClearMarksResult {
  removed: number;
  /** Names of protected sheets that still carry jixiao's marks (Excel refuses to remove them). */
  keptOnProtected: string[];
}

/** A sheet's notes as read: every note (by cell) once `complete`, else only the probed ones. */
interface NotesRead {
  all: Excel.NoteCollection;
  probes: Map<string, Excel.Note>;
  /** Cell → content of every note on the sheet, once known. */
  byCell: Map<string, string> | null;
  /** Second read: each note's cell, when the probes did not find them all. */
  located: { note: Excel.Note; range: Excel.Range }[];
}

interface SheetRead {
  ref: SheetRef;
  worksheet: Excel.Worksheet;
  protection: Excel.WorksheetProtection;
  used: Excel.Range;
  merged: Excel.RangeAreas | null;
  cfs: Excel.ConditionalFormatCollection;
  notes: NotesRead | null;
}

/** A1 part of an address Excel returns (`'My sheet'!A1:B2` → `A1:B2`). */
function localAddress(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1);
}

/**
 * Queues the sheet's notes for the first read: the collection's contents (how many there are) and a probe
 * of each cell that held a note last time. When every note turns up in a probe, their cells are known
 * without another round trip; notes go where they were far more often than anywhere new.
 */
function queueNotesRead(worksheet: Excel.Worksheet, noteCells: Iterable<string>): NotesRead {
  const all = worksheet.notes;
  all.load('items/content');
  const probes = new Map<string, Excel.Note>();
  for (const address of noteCells) {
    const note = all.getItemOrNullObject(address);
    note.load('content');
    probes.set(address, note);
  }
  return { all, probes, byCell: null, located: [] };
}

/** After the first read: every note known from the probes, or each note's location queued (returns true). */
function settleNotes(notes: NotesRead): boolean {
  const found = new Map<string, string>();
  for (const [address, note] of notes.probes) if (!note.isNullObject) found.set(address, note.content);
  if (found.size === notes.all.items.length) {
    notes.byCell = found;
    return false;
  }
  for (const note of notes.all.items) {
    const range = note.getLocation();
    range.load('address');
    notes.located.push({ note, range });
  }
  return true;
}

function locatedNotes(notes: NotesRead): Map<string, string> {
  return new Map(notes.located.map(({ note, range }) => [localAddress(range.address), note.content]));
}

function gridOf(read: SheetRead): CellGrid {
  const merges = read.merged && !read.merged.isNullObject ? read.merged.address.split(',').map((a) => localAddress(a.trim())).filter(Boolean) : [];
  if (read.used.isNullObject) return { sheetName: read.ref.name, top: 0, left: 0, values: [], merges };
  // Office.js gives 0.95 for a cell showing 95% and a serial for a date; the grid holds what the user sees,
  // as the exceljs reader's does.
  const formats = read.used.numberFormat;
  const values: CellValue[][] = read.used.values.map((row, r) =>
    row.map((v: unknown, c) => (v === '' || v === null || v === undefined ? null : shownValue(v as CellValue, formats[r]?.[c] as string | undefined))),
  );
  return { sheetName: read.ref.name, top: read.used.rowIndex, left: read.used.columnIndex, values, merges };
}

/** Queues the first read of each sheet. */
function queueRead(context: Excel.RequestContext, ref: SheetRef, ctx: CheckContext): SheetRead {
  const worksheet = context.workbook.worksheets.getItem(ref.id);
  const protection = worksheet.protection;
  protection.load('protected');
  const used = worksheet.getUsedRangeOrNullObject(true);
  used.load('address,values,numberFormat,rowIndex,columnIndex');
  const merged = ctx.features.mergedAreas ? worksheet.getRange().getMergedAreasOrNullObject() : null;
  merged?.load('address');
  const cfs = worksheet.getRange().conditionalFormats;
  cfs.load('items/id,items/type');
  const notes = ctx.features.notes ? queueNotesRead(worksheet, ctx.memory.get(ref.id).noteCells) : null;
  return { ref, worksheet, protection, used, merged, cfs, notes };
}

interface SheetPlanOfMarks {
  read: SheetRead;
  report: SheetReport | null;
  /** Protected: checked, never written; its marks stay as they were. */
  writable: boolean;
  desired: CellMark[];
  /** Custom CFs present now whose formula is not known yet. */
  unknownCfs: Excel.ConditionalFormat[];
  formulaReads: Map<string, Excel.ConditionalFormatRule>;
}

/**
 * Checks the given sheets (ids and current names) and brings their marks up to date.
 * Returns one entry per sheet, in the order given.
 */
export async function checkSheets(context: Excel.RequestContext, sheets: SheetRef[], ctx: CheckContext): Promise<SheetCheck[]> {
  if (sheets.length === 0) return [];
  const reads = sheets.map((ref) => queueRead(context, ref, ctx));
  await ctx.counter.sync(context);

  const plans: SheetPlanOfMarks[] = reads.map((read) => {
    const memory = ctx.memory.get(read.ref.id);
    const present = new Set(read.cfs.items.map((cf) => cf.id));
    for (const id of [...memory.cfs.keys()]) if (!present.has(id)) memory.cfs.delete(id);
    const unknownCfs = read.cfs.items.filter((cf) => cf.type === 'Custom' && !memory.cfs.has(cf.id));
    // Non-custom CFs are never ours.
    for (const cf of read.cfs.items) if (cf.type !== 'Custom') memory.cfs.set(cf.id, null);
    const checked = checkGrid(gridOf(read), { settings: ctx.settings, library: ctx.library });
    const writable = !read.protection.protected;
    const report: SheetReport | null = checked && !writable ? { ...checked, marks: 'skipped-protected' } : checked;
    return { read, report, writable, desired: report && writable ? marksForReport(report) : [], unknownCfs, formulaReads: new Map() };
  });

  // Second read, only for what the first could not know.
  let secondRead = false;
  for (const plan of plans) {
    // Nothing will be written to a protected sheet (or at all), so what its marks are need not be known.
    if (!plan.writable || !ctx.writeMarks) continue;
    for (const cf of plan.unknownCfs) {
      const rule = cf.custom.rule;
      rule.load('formula');
      plan.formulaReads.set(cf.id, rule);
      secondRead = true;
    }
    if (plan.read.notes && settleNotes(plan.read.notes)) secondRead = true;
  }
  if (secondRead) await ctx.counter.sync(context);
  for (const plan of plans) {
    const notes = plan.read.notes;
    if (plan.writable && notes && !notes.byCell) notes.byCell = locatedNotes(notes);
  }

  let writes = 0;
  const added: { sheetId: string; cf: Excel.ConditionalFormat; mark: ExistingMark }[] = [];
  for (const plan of plans) {
    if (!plan.writable || !ctx.writeMarks) continue;
    const memory = ctx.memory.get(plan.read.ref.id);
    for (const [id, rule] of plan.formulaReads) memory.cfs.set(id, parseMarkFormula(rule.formula));
    writes += queueMarkChanges(plan, memory, ctx.features, added);
  }
  if (writes > 0) {
    for (const entry of added) entry.cf.load('id');
    await ctx.counter.sync(context);
    for (const entry of added) ctx.memory.get(entry.sheetId).cfs.set(entry.cf.id, entry.mark);
  }
  return plans.map((plan) => ({ sheet: plan.read.ref, report: plan.report }));
}

/** Queues the difference between the marks on the sheet and the marks wanted; returns the number of changes. */
function queueMarkChanges(
  plan: SheetPlanOfMarks,
  memory: SheetMemory,
  features: ExcelFeatures,
  added: { sheetId: string; cf: Excel.ConditionalFormat; mark: ExistingMark }[],
): number {
  const { worksheet } = plan.read;
  let changes = 0;
  const wanted = new Map(plan.desired.map((m) => [markKey(m.address, m.severity), m]));
  const kept = new Set<string>();
  for (const [id, mark] of memory.cfs) {
    if (!mark) continue;
    const key = mark.address ? markKey(mark.address, mark.severity) : null;
    if (key && wanted.has(key) && !kept.has(key)) {
      kept.add(key);
      continue;
    }
    worksheet.getRange().conditionalFormats.getItem(id).delete();
    memory.cfs.delete(id);
    changes++;
  }
  for (const [key, mark] of wanted) {
    if (kept.has(key)) continue;
    const style = MARK_STYLES[mark.severity];
    const cf = worksheet.getRange(mark.address).conditionalFormats.add('Custom');
    cf.custom.rule.formula = markFormula(mark.address, mark.severity);
    cf.custom.format.fill.color = style.fill;
    queueBoxBorder(cf.custom.format.borders, style.border);
    added.push({ sheetId: plan.read.ref.id, cf, mark: { address: mark.address, severity: mark.severity } });
    changes++;
  }
  const present = plan.read.notes?.byCell;
  if (!features.notes || !present) return changes;

  const notes = worksheet.notes;
  const messageAt = new Map(plan.desired.map((m) => [m.address, markNoteText(m.message)]));
  const after = new Map(present);
  for (const [address, content] of present) {
    const text = messageAt.get(address);
    if (!isMarkNote(content)) continue;
    if (text === undefined) {
      notes.getItem(address).delete();
      after.delete(address);
      changes++;
    } else if (content !== text) {
      notes.getItem(address).content = text;
      changes++;
    }
  }
  for (const [address, text] of messageAt) {
    // Never on a cell with the user's own note.
    if (!present.has(address)) {
      notes.add(address, text);
      after.set(address, text);
      changes++;
    }
  }
  memory.noteCells = new Set(after.keys());
  return changes;
}

/**
 * Removes every mark jixiao made on the given sheets: our CFs and our tagged notes, nothing else.
 * A protected sheet is left alone (Excel refuses the removal); the result names those still marked.
 */
export async function clearSheetMarks(context: Excel.RequestContext, sheets: SheetRef[], ctx: CheckContext): Promise<ClearMarksResult> {
  const reads = sheets.map((ref) => {
    const worksheet = context.workbook.worksheets.getItem(ref.id);
    const protection = worksheet.protection;
    protection.load('protected');
    const cfs = worksheet.getRange().conditionalFormats;
    cfs.load('items/id,items/type');
    const notes = ctx.features.notes ? worksheet.notes : null;
    notes?.load('items/content');
    return { ref, worksheet, protection, cfs, notes };
  });
  await ctx.counter.sync(context);
  const isProtected = new Set(reads.filter((read) => read.protection.protected).map((read) => read.ref.id));
  const keptOnProtected = new Set<string>();

  const located: { ref: SheetRef; worksheet: Excel.Worksheet; range: Excel.Range }[] = [];
  const formulas: { ref: SheetRef; id: string; rule: Excel.ConditionalFormatRule }[] = [];
  for (const read of reads) {
    for (const cf of read.cfs.items) {
      if (cf.type !== 'Custom') continue;
      const rule = cf.custom.rule;
      rule.load('formula');
      formulas.push({ ref: read.ref, id: cf.id, rule });
    }
    for (const note of read.notes?.items ?? []) {
      if (!isMarkNote(note.content)) continue;
      if (isProtected.has(read.ref.id)) {
        keptOnProtected.add(read.ref.name);
        continue;
      }
      const range = note.getLocation();
      range.load('address');
      located.push({ ref: read.ref, worksheet: read.worksheet, range });
    }
  }
  const result = (removed: number): ClearMarksResult => ({ removed, keptOnProtected: sheets.filter((s) => keptOnProtected.has(s.name)).map((s) => s.name) });
  if (formulas.length + located.length === 0) return result(0);
  await ctx.counter.sync(context);

  let removed = 0;
  for (const { ref, id, rule } of formulas) {
    const memory = ctx.memory.get(ref.id);
    const mark = parseMarkFormula(rule.formula);
    if (mark && isProtected.has(ref.id)) {
      keptOnProtected.add(ref.name);
      memory.cfs.set(id, mark);
    } else if (mark) {
      context.workbook.worksheets.getItem(ref.id).getRange().conditionalFormats.getItem(id).delete();
      memory.cfs.delete(id);
      removed++;
    } else {
      memory.cfs.set(id, null);
    }
  }
  for (const { ref, worksheet, range } of located) {
    const address = localAddress(range.address);
    worksheet.notes.getItem(address).delete();
    ctx.memory.get(ref.id).noteCells.delete(address);
    removed++;
  }
  if (removed > 0) await ctx.counter.sync(context);
  return result(removed);
}
