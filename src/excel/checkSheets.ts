/**
 * The Excel side of checking: reads sheets, hands the grids to the core and the marks to the host-neutral
 * diff (src/core/marking), and queues what the diff says. Round trips:
 * 1. what each sheet holds: protection, the used range's size, the types of its conditional formats, its
 *    notes (and a probe of the cells that held notes last time);
 * 2. the values in blocks of at most `maxCellsPerSync` cells per round trip (Excel on the web refuses a
 *    response above 5 MB), the merged areas, the formulas of the custom formats (jixiao's marks are found
 *    by their sentinel each time, never by a remembered id: Excel documents `ConditionalFormat.id` as its
 *    priority, a position that shifts) and, when the probes did not find every note, where the notes are;
 * 3. the writes, only when the marks changed.
 * Checking never writes a value. A protected sheet is checked but never written: Excel would refuse the
 * whole batch, and with it the other sheets' marks. Its report says so.
 */
import { checkGrid } from '../core/check';
import { deferWaiting } from '../core/untouched';
import { MARK_STYLES, marksForReport } from '../core/marks';
import { clearChanges, countChanges, diffMarks, isMarkNote, markFormula, parseMarkFormula, withoutAppendedMark } from '../core/marking';
import type { ExistingMark, MarkChanges } from '../core/marking';
import type { Settings, SheetReport, TemplateLibrary } from '../core/model';
import { toRange } from '../core/sheet/address';
import { shownValue } from '../core/sheet/shown';
import type { CellGrid, CellValue } from '../core/sheet/types';
import { queueBoxBorder } from './borders';
import type { ExcelFeatures } from './features';
import type { SyncCounter } from './syncCounter';

/**
 * Cells of values (with their number formats) read per round trip. Excel on the web limits a response to
 * 5 MB; 20 000 cells leave some 250 bytes a cell.
 */
export const DEFAULT_MAX_CELLS_PER_SYNC = 20_000;

/**
 * Where notes were at the last check, by worksheet id: only a hint that saves a round trip. Each read
 * probes these cells and counts the sheet's notes; when the two differ, every note is located.
 */
export class MarkMemory {
  private readonly noteCells = new Map<string, Set<string>>();

  notesOf(sheetId: string): Set<string> {
    return this.noteCells.get(sheetId) ?? new Set();
  }

  rememberNotes(sheetId: string, cells: Iterable<string>): void {
    this.noteCells.set(sheetId, new Set(cells));
  }

  /** Rows, columns or cells moved: the notes moved with them. */
  cellsMoved(sheetId: string): void {
    this.noteCells.delete(sheetId);
  }

  forget(sheetId: string): void {
    this.noteCells.delete(sheetId);
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
  /** A live check: an untouched form's empty cells are 待填写, not marked as errors (core/untouched.ts). */
  holdWaiting?: boolean;
  maxCellsPerSync: number;
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

/** A sheet's notes as read: every note (by cell) once `byCell` is set, else only the probed ones. */
interface NotesRead {
  all: Excel.NoteCollection;
  probes: Map<string, Excel.Note>;
  byCell: Map<string, string> | null;
  located: { note: Excel.Note; range: Excel.Range }[];
}

interface Block {
  /** Values and number formats loaded (or to be loaded) from this range. */
  range: Excel.Range;
  /** Row of the block within the used range. */
  offset: number;
  cells: number;
}

interface SheetRead {
  ref: SheetRef;
  worksheet: Excel.Worksheet;
  protection: Excel.WorksheetProtection;
  used: Excel.Range;
  /** The used part of the top-left window read with round trip 1; all of the used range on most sheets. */
  window: Excel.Range;
  merged: Excel.RangeAreas | null;
  mergedAreas: Excel.RangeCollection | null;
  /** The merged areas, when round trip 1's address could be read area by area. */
  merges: string[] | null;
  cfs: Excel.ConditionalFormatCollection;
  formulas: Map<number, Excel.ConditionalFormatRule>;
  /** Where each custom format applies, by position (a mark must cover its own cell and nothing more). */
  ranges: Map<number, Excel.Range>;
  notes: NotesRead | null;
  blocks: Block[];
}

/** A1 part of an address Excel returns (`'My sheet'!A1:B2` → `A1:B2`); the sheet name may hold `!`. */
function localAddress(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1);
}

/** Queues a sheet's notes: how many there are, and a probe of each cell that held one last time. */
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

function finishNotes(notes: NotesRead): Map<string, string> {
  notes.byCell ??= new Map(notes.located.map(({ note, range }) => [localAddress(range.address), note.content]));
  return notes.byCell;
}

/** Columns of the window read with round trip 1 (a 绩效目标表 rarely goes past column Z). */
const WINDOW_COLUMNS = 26;

/** A sheet's used range (by values) and the used part of its top-left window, with the window's values. */
export interface WindowRead {
  used: Excel.Range;
  window: Excel.Range;
}

/** Queues a WindowRead of `windowCells` cells at most; most sheets fit whole. */
export function queueWindowRead(worksheet: Excel.Worksheet, windowCells: number): WindowRead {
  const used = worksheet.getUsedRangeOrNullObject(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  const rows = Math.max(1, Math.floor(windowCells / WINDOW_COLUMNS));
  const window = worksheet.getRange(toRange({ row: 0, col: 0 }, { row: rows - 1, col: WINDOW_COLUMNS - 1 })).getUsedRangeOrNullObject(true);
  window.load('rowIndex,columnIndex,rowCount,columnCount,values,numberFormat');
  return { used, window };
}

/** Round trip 1 of a sheet; `windowCells` of values at most. */
function queueRead(context: Excel.RequestContext, ref: SheetRef, ctx: CheckContext, withNotes: boolean, windowCells: number): SheetRead {
  const worksheet = context.workbook.worksheets.getItem(ref.id);
  const protection = worksheet.protection;
  protection.load('protected');
  const { used, window } = queueWindowRead(worksheet, windowCells);
  const merged = ctx.features.mergedAreas ? worksheet.getRange().getMergedAreasOrNullObject() : null;
  merged?.load('address,areaCount');
  const cfs = worksheet.getRange().conditionalFormats;
  cfs.load('items/type');
  const notes = withNotes && ctx.features.notes ? queueNotesRead(worksheet, ctx.memory.notesOf(ref.id)) : null;
  return { ref, worksheet, protection, used, window, merged, mergedAreas: null, merges: null, cfs, formulas: new Map(), ranges: new Map(), notes, blocks: [] };
}

/** True when round trip 1's window held the whole used range. */
function windowIsWhole(read: WindowRead): boolean {
  const { used, window } = read;
  if (used.isNullObject || window.isNullObject) return false;
  return used.rowIndex === window.rowIndex && used.columnIndex === window.columnIndex && used.rowCount === window.rowCount && used.columnCount === window.columnCount;
}

/** The used range cut into row blocks of at most `maxCells` cells (at least one row each). */
function queueBlocks(read: SheetRead, maxCells: number): Block[] {
  if (read.used.isNullObject) return [];
  const { rowIndex, columnIndex, rowCount, columnCount } = read.used;
  const rowsPerBlock = Math.max(1, Math.floor(maxCells / columnCount));
  const blocks: Block[] = [];
  for (let offset = 0; offset < rowCount; offset += rowsPerBlock) {
    const rows = Math.min(rowsPerBlock, rowCount - offset);
    const address = toRange({ row: rowIndex + offset, col: columnIndex }, { row: rowIndex + offset + rows - 1, col: columnIndex + columnCount - 1 });
    blocks.push({ range: read.worksheet.getRange(address), offset, cells: rows * columnCount });
  }
  return blocks;
}

/**
 * Loads the values the window missed, at most `maxCellsPerSync` cells per round trip; what `first` queues
 * (returning true) goes with the first trip. No round trip when there is nothing to load.
 */
async function readBlocks(context: Excel.RequestContext, reads: SheetRead[], ctx: CheckContext, first: () => boolean): Promise<void> {
  const blocks = reads.flatMap((read) => {
    if (windowIsWhole(read)) {
      read.blocks = [{ range: read.window, offset: 0, cells: 0 }];
      return [];
    }
    read.blocks = queueBlocks(read, ctx.maxCellsPerSync);
    return read.blocks;
  });
  const queued = first();
  if (!queued && blocks.length === 0) return;
  let inTrip = 0;
  for (const block of blocks) {
    if (inTrip > 0 && inTrip + block.cells > ctx.maxCellsPerSync) {
      await ctx.counter.sync(context);
      inTrip = 0;
    }
    block.range.load('values,numberFormat');
    inTrip += block.cells;
  }
  await ctx.counter.sync(context);
}

/**
 * A loaded range's values as the grid holds them: Office.js gives 0.95 for a cell showing 95% and a serial
 * for a date; the grid holds what the user sees, as the .xlsx reader's does.
 */
function shownRows(range: Excel.Range): CellValue[][] {
  const formats = range.numberFormat;
  return range.values.map((row, r) =>
    row.map((v: unknown, c) => (v === '' || v === null || v === undefined ? null : shownValue(v as CellValue, formats[r]?.[c] as string | undefined))),
  );
}

function gridOf(read: SheetRead): CellGrid {
  const merges = read.merges ?? (read.mergedAreas ? read.mergedAreas.items.map((area) => localAddress(area.address)) : []);
  if (read.used.isNullObject) return { sheetName: read.ref.name, top: 0, left: 0, values: [], merges };
  const values: CellValue[][] = read.blocks.flatMap((block) => shownRows(block.range));
  return { sheetName: read.ref.name, top: read.used.rowIndex, left: read.used.columnIndex, values, merges };
}

/** The sheet's grid from a WindowRead alone, or null when the window missed part of the used range. */
export function windowGrid(read: WindowRead, sheetName: string, merges: string[]): CellGrid | null {
  if (read.used.isNullObject) return { sheetName, top: 0, left: 0, values: [], merges };
  if (!windowIsWhole(read)) return null;
  return { sheetName, top: read.used.rowIndex, left: read.used.columnIndex, values: shownRows(read.window), merges };
}

const AREA = /^\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?$/;
const SHEET_PREFIX = /^(?:'(?:[^']|'')*'|[^',!]*)!/;

/**
 * The areas of a RangeAreas address (`'预算,2024'!A1:B2,'预算,2024'!C3:D4`), each with its sheet part taken
 * off as a whole (a quoted sheet name may hold commas), or null when the address does not read as exactly
 * `count` areas (then the areas are read one by one).
 */
export function areasOfAddress(address: string, count: number): string[] | null {
  const areas: string[] = [];
  let rest = address;
  while (rest.length > 0) {
    rest = rest.replace(SHEET_PREFIX, '');
    const comma = rest.indexOf(',');
    const area = (comma < 0 ? rest : rest.slice(0, comma)).replace(/\$/g, '');
    if (!AREA.test(area)) return null;
    areas.push(area);
    rest = comma < 0 ? '' : rest.slice(comma + 1);
  }
  return areas.length === count ? areas : null;
}

/** For round trip 2, when the address of round trip 1 did not read area by area: `areas`, one by one. */
function queueMergedAreas(read: SheetRead): boolean {
  if (!read.merged || read.merged.isNullObject) return false;
  read.merges = areasOfAddress(read.merged.address, read.merged.areaCount);
  if (read.merges) return false;
  read.mergedAreas = read.merged.areas;
  read.mergedAreas.load('items/address');
  return true;
}

/** For round trip 2: the formula and the range of every custom conditional format (only those have a formula). */
function queueFormulas(read: SheetRead): boolean {
  read.cfs.items.forEach((cf, index) => {
    if (cf.type !== 'Custom') return;
    const rule = cf.custom.rule;
    rule.load('formula');
    read.formulas.set(index, rule);
    const range = cf.getRangeOrNullObject();
    range.load('address');
    read.ranges.set(index, range);
  });
  return read.formulas.size > 0;
}

/**
 * Every conditional format of the sheet, in collection order, as the mark it is or null. A mark that
 * covers more than its own cell (Excel grows a format into rows inserted below it, and pasted formats
 * bring it along) counts as no mark of a cell, so it is deleted and the cell's mark added afresh.
 */
function formatsOf(read: SheetRead): (ExistingMark | null)[] {
  return read.cfs.items.map((_cf, index) => {
    const rule = read.formulas.get(index);
    const mark = rule ? parseMarkFormula(rule.formula) : null;
    if (!mark?.address) return mark;
    const range = read.ranges.get(index);
    const where = range && !range.isNullObject ? localAddress(range.address).replace(/\$/g, '') : null;
    return where === mark.address ? mark : { ...mark, address: null };
  });
}

/** Queues what the diff says, deletions first (an added format goes first in Excel and would shift them). */
function queueChanges(read: SheetRead, changes: MarkChanges): void {
  const { worksheet } = read;
  for (const index of changes.deleteFormats) read.cfs.items[index].delete();
  for (const mark of changes.addFormats) {
    const style = MARK_STYLES[mark.severity];
    const cf = worksheet.getRange(mark.address).conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
    cf.custom.rule.formula = markFormula(mark.address, mark.severity);
    cf.custom.format.fill.color = style.fill;
    queueBoxBorder(cf.custom.format.borders, style.border);
  }
  if (changes.deleteNotes.length + changes.updateNotes.length + changes.addNotes.length === 0) return;
  const notes = worksheet.notes;
  for (const address of changes.deleteNotes) notes.getItem(address).delete();
  for (const { address, text } of changes.updateNotes) notes.getItem(address).content = text;
  for (const { address, text } of changes.addNotes) notes.add(address, text);
}

function notesAfter(before: Map<string, string>, changes: MarkChanges): string[] {
  const cells = new Set(before.keys());
  for (const address of changes.deleteNotes) cells.delete(address);
  for (const { address } of changes.addNotes) cells.add(address);
  return [...cells];
}

/**
 * Checks the given sheets (ids and current names) and brings their marks up to date.
 * Returns one entry per sheet, in the order given.
 */
export async function checkSheets(context: Excel.RequestContext, sheets: SheetRef[], ctx: CheckContext): Promise<SheetCheck[]> {
  if (sheets.length === 0) return [];
  // The windows of all sheets together stay under the response limit.
  const windowCells = Math.floor(ctx.maxCellsPerSync / sheets.length);
  const reads = sheets.map((ref) => queueRead(context, ref, ctx, ctx.writeMarks, windowCells));
  await ctx.counter.sync(context);

  const writable = (read: SheetRead) => ctx.writeMarks && !read.protection.protected;
  await readBlocks(context, reads, ctx, () => {
    let queued = false;
    for (const read of reads) {
      if (queueMergedAreas(read)) queued = true;
      // What marks a sheet carries need not be known when nothing will be written to it.
      if (!writable(read)) continue;
      if (queueFormulas(read)) queued = true;
      if (read.notes && settleNotes(read.notes)) queued = true;
    }
    return queued;
  });

  let writes = 0;
  const checks = reads.map((read): SheetCheck => {
    // suggest: the task pane offers library indicators to a sheet whose project the library lacks.
    const checked = checkGrid(gridOf(read), { settings: ctx.settings, library: ctx.library, suggest: true });
    const report: SheetReport | null = checked && read.protection.protected ? { ...checked, marks: 'skipped-protected' } : checked;
    if (writable(read)) {
      const notes = read.notes ? finishNotes(read.notes) : null;
      const marked = report && ctx.holdWaiting ? deferWaiting(report) : report;
      const changes = diffMarks(marked ? marksForReport(marked) : [], formatsOf(read), notes);
      queueChanges(read, changes);
      writes += countChanges(changes);
      if (notes) ctx.memory.rememberNotes(read.ref.id, notesAfter(notes, changes));
    }
    return { sheet: read.ref, report };
  });
  if (writes > 0) await ctx.counter.sync(context);
  return checks;
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
      const userText = withoutAppendedMark(note.content, note.authorName);
      if (!isMarkNote(note.content) && userText === null) continue;
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
