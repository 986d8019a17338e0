/**
 * Reads sheets, runs the core checks and writes the marks — in as few syncs as Office.js allows:
 * 1 read (values, merged areas, conditional-format ids, notes where the sheet was seen before), an
 * extra read only for what is not known yet (formulas of CFs never seen, notes of new cells), and
 * 1 write only when the marks changed. A sheet that is no 绩效目标表 and carries no mark costs the read.
 * Checking never writes a value: marks are conditional formats and notes only.
 */
import { checkGrid } from '../core/check';
import { MARK_STYLES, marksForReport } from '../core/marks';
import type { CellMark } from '../core/marks';
import type { Settings, SheetReport, TemplateLibrary } from '../core/model';
import { parseRange, toA1 } from '../core/sheet/address';
import type { RangePosition } from '../core/sheet/address';
import { shownValue } from '../core/sheet/shown';
import type { CellGrid, CellValue } from '../core/sheet/types';
import type { ExcelFeatures } from './features';
import { isMarkNote, markFormula, markKey, markNoteText, parseMarkFormula } from './marks';
import type { ExistingMark } from './marks';
import type { SyncCounter } from './syncCounter';

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;
/** Beyond this many cells a sheet's notes are probed only where marks go. */
const NOTE_PROBE_MAX = 4000;

/** What the adapter remembers of a sheet between checks (keyed by worksheet id). */
interface SheetMemory {
  /** Used range at the last read: notes are probed there in the first read. */
  window: RangePosition | null;
  /** Custom CFs seen: ours (with the cell they mark) or null for the user's own. */
  cfs: Map<string, ExistingMark | null>;
}

/** Per-workbook memory of the adapter; dropping it only costs an extra read next time. */
export class MarkMemory {
  private readonly sheets = new Map<string, SheetMemory>();

  get(sheetId: string): SheetMemory {
    let memory = this.sheets.get(sheetId);
    if (!memory) {
      memory = { window: null, cfs: new Map() };
      this.sheets.set(sheetId, memory);
    }
    return memory;
  }

  /** Rows moved: our CF formulas were adjusted by Excel, so their cells must be read again. */
  rowsMoved(sheetId: string): void {
    const memory = this.sheets.get(sheetId);
    if (!memory) return;
    memory.window = null;
    for (const [id, mark] of memory.cfs) if (mark) memory.cfs.delete(id);
  }

  forget(sheetId: string): void {
    this.sheets.delete(sheetId);
  }

  /** A sheet just drawn by insert: its extent is known and it holds no CF or note. */
  primeNewSheet(sheetId: string, window: RangePosition): void {
    this.sheets.set(sheetId, { window, cfs: new Map() });
  }
}

export interface CheckContext {
  counter: SyncCounter;
  features: ExcelFeatures;
  memory: MarkMemory;
  settings: Settings;
  library: TemplateLibrary | null;
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

type NoteState = { kind: 'none' } | { kind: 'user' } | { kind: 'ours'; content: string };

interface SheetRead {
  ref: SheetRef;
  worksheet: Excel.Worksheet;
  used: Excel.Range;
  merged: Excel.RangeAreas | null;
  cfs: Excel.ConditionalFormatCollection;
  notes: Map<string, Excel.Note>;
}

/** A1 part of an address Excel returns (`'My sheet'!A1:B2` → `A1:B2`). */
export function localAddress(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1);
}

function cellsOf(range: RangePosition): string[] {
  const cells: string[] = [];
  for (let r = range.start.row; r <= range.end.row; r++) for (let c = range.start.col; c <= range.end.col; c++) cells.push(toA1(r, c));
  return cells;
}

function area(range: RangePosition): number {
  return (range.end.row - range.start.row + 1) * (range.end.col - range.start.col + 1);
}

function probeNotes(worksheet: Excel.Worksheet, addresses: Iterable<string>, into: Map<string, Excel.Note>): void {
  for (const address of addresses) {
    if (into.has(address)) continue;
    const note = worksheet.notes.getItemOrNullObject(address);
    note.load('content');
    into.set(address, note);
  }
}

function noteState(note: Excel.Note | undefined): NoteState | undefined {
  if (!note) return undefined;
  if (note.isNullObject) return { kind: 'none' };
  return isMarkNote(note.content) ? { kind: 'ours', content: note.content } : { kind: 'user' };
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
  const used = worksheet.getUsedRangeOrNullObject(true);
  used.load('address,values,numberFormat,rowIndex,columnIndex');
  const merged = ctx.features.mergedAreas ? worksheet.getRange().getMergedAreasOrNullObject() : null;
  merged?.load('address');
  const cfs = worksheet.getRange().conditionalFormats;
  cfs.load('items/id,items/type');
  const notes = new Map<string, Excel.Note>();
  const window = ctx.memory.get(ref.id).window;
  if (ctx.features.notes && window && area(window) <= NOTE_PROBE_MAX) probeNotes(worksheet, cellsOf(window), notes);
  return { ref, worksheet, used, merged, cfs, notes };
}

interface SheetPlanOfMarks {
  read: SheetRead;
  report: SheetReport | null;
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
    const report = checkGrid(gridOf(read), { settings: ctx.settings, library: ctx.library });
    if (!read.used.isNullObject) memory.window = parseRange(localAddress(read.used.address));
    return { read, report, desired: report ? marksForReport(report) : [], unknownCfs, formulaReads: new Map() };
  });

  // Second read, only for what the first could not know.
  let secondRead = false;
  for (const plan of plans) {
    for (const cf of plan.unknownCfs) {
      const rule = cf.custom.rule;
      rule.load('formula');
      plan.formulaReads.set(cf.id, rule);
      secondRead = true;
    }
    if (ctx.features.notes) {
      const memory = ctx.memory.get(plan.read.ref.id);
      const wanted = new Set(plan.desired.map((m) => m.address));
      for (const mark of memory.cfs.values()) if (mark?.address) wanted.add(mark.address);
      // CFs not read yet may be ours on cells outside the window: probe the whole used range then.
      if (plan.unknownCfs.length > 0 && !plan.read.used.isNullObject) {
        const used = parseRange(localAddress(plan.read.used.address));
        if (area(used) <= NOTE_PROBE_MAX) for (const cell of cellsOf(used)) wanted.add(cell);
      }
      const missing = [...wanted].filter((a) => !plan.read.notes.has(a));
      if (missing.length > 0) {
        probeNotes(plan.read.worksheet, missing, plan.read.notes);
        secondRead = true;
      }
    }
  }
  if (secondRead) await ctx.counter.sync(context);

  let writes = 0;
  const added: { sheetId: string; cf: Excel.ConditionalFormat; mark: ExistingMark }[] = [];
  for (const plan of plans) {
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
    for (const edge of EDGES) {
      const border = cf.custom.format.borders.getItem(edge);
      border.style = 'Continuous';
      border.color = style.border;
    }
    added.push({ sheetId: plan.read.ref.id, cf, mark: { address: mark.address, severity: mark.severity } });
    changes++;
  }
  if (!features.notes) return changes;

  const notes = worksheet.notes;
  const messageAt = new Map(plan.desired.map((m) => [m.address, markNoteText(m.message)]));
  for (const [address, note] of plan.read.notes) {
    const state = noteState(note);
    const text = messageAt.get(address);
    if (state?.kind !== 'ours') continue;
    if (text === undefined) {
      notes.getItem(address).delete();
      changes++;
    } else if (state.content !== text) {
      notes.getItem(address).content = text;
      changes++;
    }
  }
  for (const [address, text] of messageAt) {
    // Never on a cell with the user's own note; probed cells only (an unprobed cell is not guessed at).
    if (noteState(plan.read.notes.get(address))?.kind === 'none') {
      notes.add(address, text);
      changes++;
    }
  }
  return changes;
}

/** Removes every mark jixiao made on the given sheets: our CFs and our tagged notes, nothing else. */
export async function clearSheetMarks(context: Excel.RequestContext, sheets: SheetRef[], ctx: CheckContext): Promise<number> {
  const reads = sheets.map((ref) => {
    const worksheet = context.workbook.worksheets.getItem(ref.id);
    const cfs = worksheet.getRange().conditionalFormats;
    cfs.load('items/id,items/type');
    const notes = ctx.features.notes ? worksheet.notes : null;
    notes?.load('items/content');
    return { ref, worksheet, cfs, notes };
  });
  await ctx.counter.sync(context);

  const located: { worksheet: Excel.Worksheet; range: Excel.Range }[] = [];
  const formulas: { ref: SheetRef; id: string; rule: Excel.ConditionalFormatRule }[] = [];
  for (const read of reads) {
    const memory = ctx.memory.get(read.ref.id);
    for (const cf of read.cfs.items) {
      if (cf.type !== 'Custom') continue;
      const rule = cf.custom.rule;
      rule.load('formula');
      formulas.push({ ref: read.ref, id: cf.id, rule });
    }
    for (const note of read.notes?.items ?? []) {
      if (!isMarkNote(note.content)) continue;
      const range = note.getLocation();
      range.load('address');
      located.push({ worksheet: read.worksheet, range });
    }
    memory.window = null;
  }
  if (formulas.length + located.length === 0) return 0;
  await ctx.counter.sync(context);

  let removed = 0;
  for (const { ref, id, rule } of formulas) {
    const memory = ctx.memory.get(ref.id);
    if (parseMarkFormula(rule.formula)) {
      context.workbook.worksheets.getItem(ref.id).getRange().conditionalFormats.getItem(id).delete();
      memory.cfs.delete(id);
      removed++;
    } else {
      memory.cfs.set(id, null);
    }
  }
  for (const { worksheet, range } of located) {
    worksheet.notes.getItem(localAddress(range.address)).delete();
    removed++;
  }
  if (removed > 0) await ctx.counter.sync(context);
  return removed;
}
