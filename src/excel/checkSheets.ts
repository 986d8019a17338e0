/**
 * The Excel side of checking: reads sheets, hands the grids to the core and the marks to the host-neutral
 * diff (src/core/marking), and queues what the diff says. Round trips:
 * 1. what each sheet holds: protection, the used range's size and its top-left window's values and merged
 *    areas (in bands of under 512: src/excel/mergedAreas.ts), the types of its conditional formats, its
 *    notes (and a probe of the cells that held notes last time) and its threaded comments; a long sheet
 *    whose window holds no 绩效目标表 (a data sheet) is not read further;
 * 2. the values in blocks of at most `maxCellsPerSync` cells per round trip (Excel on the web refuses a
 *    response above 5 MB), the merged areas, the formulas of the custom formats (jixiao's marks are found
 *    by their sentinel each time, never by a remembered id: Excel documents `ConditionalFormat.id` as its
 *    priority, a position that shifts) and, when the probes did not find every note, where the notes are;
 * 3. the writes, only when the marks changed, in trips under Excel on the web's 5 MB request limit by
 *    estimate (src/excel/markWrites.ts; one trip for most workbooks); when Excel refuses a write for
 *    another reason (a note where a threaded comment is), each sheet is read again and written alone, and
 *    the refused note is remembered: one refused cell blocks no other cell or sheet.
 * A trip Excel refuses as too large (RequestPayloadSizeLimitExceeded, ResponsePayloadSizeLimitExceeded:
 * src/excel/payload.ts) is sent again in halves, reads and writes alike.
 * Checking never writes a value. A protected sheet is checked but never written: Excel would refuse the
 * whole batch, and with it the other sheets' marks. Its report says so.
 */
import { checkGrid } from '../core/check';
import { deferWaiting } from '../core/untouched';
import { marksForReport } from '../core/marks';
import { countChanges, diffMarks, parseMarkFormula } from '../core/marking';
import type { ExistingMark, MarkChanges } from '../core/marking';
import type { Settings, SheetReport, TemplateLibrary } from '../core/model';
import type { LayoutProfile } from '../core/layouts';
import { toRange } from '../core/sheet/address';
import { shownValue } from '../core/sheet/shown';
import type { CellGrid, CellValue } from '../core/sheet/types';
import { readSheetTables } from '../core/sheet';
import { markWrites, writeAlone } from './markWrites';
import { DEFAULT_MAX_REQUEST_BYTES, isPayloadError, sendInTrips } from './payload';
import { localAddress, mergesOf, queueMergeBands, settleMergeBands } from './mergedAreas';
import type { MergeBands } from './mergedAreas';
import { finishNotes, queueNotesRead, settleNotes } from './notesRead';
import type { NotesRead } from './notesRead';
import type { ExcelFeatures } from './features';
import type { SyncCounter } from './syncCounter';
import type { MarkMemory } from './markMemory';

/**
 * Cells of values (with their number formats) read per round trip. Excel on the web limits a response to
 * 5 MB; 20 000 cells leave some 250 bytes a cell.
 */
export const DEFAULT_MAX_CELLS_PER_SYNC = 20_000;

export { MarkMemory } from './markMemory';

export interface CheckContext {
  counter: SyncCounter;
  features: ExcelFeatures;
  memory: MarkMemory;
  settings: Settings;
  library: TemplateLibrary | null;
  /** Where suggestions are drawn from when not `library` (the 公开样表 added once the 建议 tab opened): never a template. */
  suggestLibrary?: TemplateLibrary;
  /** Taught layout profiles (指定表格布局); absent or empty: none. */
  layouts?: readonly LayoutProfile[];
  /** False for a live check with settings.liveMarks off: read and report, write nothing. */
  writeMarks: boolean;
  /** With writeMarks: whether this sheet's marks may be written (a live check marks only the user's own changes). */
  writeFor?: (sheetId: string) => boolean;
  /** Set when one sheet is re-checked alone after a refused batch: its formats and each note written apart. */
  isolated?: boolean;
  /** A live check: an untouched form's empty cells are 待填写, not marked as errors (core/untouched.ts). */
  holdWaiting?: boolean;
  maxCellsPerSync: number;
  /** Request bytes per write trip by estimate (Excel on the web refuses requests above 5 MB); a default under it. */
  maxRequestBytes?: number;
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


interface Block {
  /** Values and number formats loaded (or to be loaded) from this range. */
  range: Excel.Range;
  /** Row of the block within the used range. */
  offset: number;
  cells: number;
  rows?: number;
}

/** A trip in two: its blocks split between two trips, or its one block cut in two by rows; null for one row. */
function halveTrip(reads: SheetRead[], trip: Block[]): Block[][] | null {
  if (trip.length > 1) return [trip.slice(0, Math.ceil(trip.length / 2)), trip.slice(Math.ceil(trip.length / 2))];
  const block = trip[0];
  const read = reads.find((r) => r.blocks.includes(block));
  if (!read || !block.rows || block.rows < 2 || read.used.isNullObject) return null;
  const { rowIndex, columnIndex, columnCount } = read.used;
  const cut = (offset: number, rows: number): Block => ({
    range: read.worksheet.getRange(toRange({ row: rowIndex + offset, col: columnIndex }, { row: rowIndex + offset + rows - 1, col: columnIndex + columnCount - 1 })),
    offset,
    cells: rows * columnCount,
    rows,
  });
  const top = Math.ceil(block.rows / 2);
  const halves = [cut(block.offset, top), cut(block.offset + top, block.rows - top)];
  const at = read.blocks.indexOf(block);
  read.blocks = [...read.blocks.slice(0, at), halves[0], halves[1], ...read.blocks.slice(at + 1)];
  return halves.map((half) => [half]);
}

/** What went with a refused first trip, queued again: the marks' formulas, notes and merged areas. */
function requeueFirst(reads: SheetRead[], first: () => boolean): void {
  first();
  for (const read of reads) {
    for (const items of read.merges?.byArea ?? []) items.load('items/address');
    for (const band of read.merges?.bands ?? []) band.load('address,areaCount');
  }
}

interface SheetRead {
  ref: SheetRef;
  worksheet: Excel.Worksheet;
  protection: Excel.WorksheetProtection;
  used: Excel.Range;
  /** The used part of the top-left window read with round trip 1; all of the used range on most sheets. */
  window: Excel.Range;
  /** Merged areas, read in bands (src/excel/mergedAreas.ts); null below ExcelApi 1.13. */
  merges: MergeBands | null;
  /** Round trip 1's window held no 绩效目标表 and not the whole sheet: not read further (a data sheet). */
  skipped: boolean;
  cfs: Excel.ConditionalFormatCollection;
  formulas: Map<number, Excel.ConditionalFormatRule>;
  /** Where each custom format applies, by position (a mark must cover its own cell and nothing more). */
  ranges: Map<number, Excel.Range>;
  notes: NotesRead | null;
  /** Threaded comments (ExcelApi 1.10), where a note would be refused; their cells once located. */
  comments: { all: Excel.CommentCollection; located: Excel.Range[] } | null;
  blocks: Block[];
}

/** Columns of the window read with round trip 1 (a 绩效目标表 rarely goes past column Z). */
export const WINDOW_COLUMNS = 26;

/** A sheet's used range (by values) and the used part of its top-left window, with the window's values. */
export interface WindowRead {
  used: Excel.Range;
  window: Excel.Range;
}

/** Rows of a window of `windowCells` cells. */
export function windowRows(windowCells: number): number {
  return Math.max(1, Math.floor(windowCells / WINDOW_COLUMNS));
}

/** Queues a WindowRead of `windowCells` cells at most; most sheets fit whole. */
export function queueWindowRead(worksheet: Excel.Worksheet, windowCells: number): WindowRead {
  const used = worksheet.getUsedRangeOrNullObject(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  const rows = windowRows(windowCells);
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
  // The window's merged areas go with round trip 1; the rest of a long form's with round trip 2.
  const merges = ctx.features.mergedAreas ? queueMergeBands(worksheet, 0, windowRows(windowCells), 0, WINDOW_COLUMNS) : null;
  const cfs = worksheet.getRange().conditionalFormats;
  cfs.load('items/type');
  const notes = withNotes && ctx.features.notes ? queueNotesRead(worksheet, ctx.memory.notesOf(ref.id)) : null;
  const comments = notes && ctx.features.threadedComments ? { all: worksheet.comments, located: [] } : null;
  comments?.all.load('items/id');
  return { ref, worksheet, protection, used, window, merges, skipped: false, cfs, formulas: new Map(), ranges: new Map(), notes, comments, blocks: [] };
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
    blocks.push({ range: read.worksheet.getRange(address), offset, cells: rows * columnCount, rows });
  }
  return blocks;
}

/**
 * Loads the values the window missed, at most `maxCellsPerSync` cells per round trip; what `first` queues
 * (returning true) goes with the first trip. No round trip when there is nothing to load.
 */
async function readBlocks(context: Excel.RequestContext, reads: SheetRead[], ctx: CheckContext, first: () => boolean): Promise<void> {
  // The window's merge bands, loaded with round trip 1 (areas that did not read by address: queued).
  let mergesQueued = false;
  for (const read of reads) if (read.merges && settleMergeBands(read.merges)) mergesQueued = true;
  const blocks = reads.flatMap((read) => {
    if (windowIsWhole(read)) {
      read.blocks = [{ range: read.window, offset: 0, cells: 0 }];
      return [];
    }
    if (read.used.isNullObject || !windowHoldsForm(read)) {
      read.skipped = true;
      return [];
    }
    read.blocks = queueBlocks(read, ctx.maxCellsPerSync);
    if (read.merges) {
      const { rowIndex, rowCount, columnIndex, columnCount } = read.used;
      queueMergeBands(read.worksheet, rowIndex, rowCount, columnIndex, columnCount, read.merges);
    }
    return read.blocks;
  });
  const queued = first() || mergesQueued;
  if (!queued && blocks.length === 0) return;
  const trips: Block[][] = [[]];
  let inTrip = 0;
  for (const block of blocks) {
    if (inTrip > 0 && inTrip + block.cells > ctx.maxCellsPerSync) {
      trips.push([]);
      inTrip = 0;
    }
    trips[trips.length - 1].push(block);
    inTrip += block.cells;
  }
  for (let i = 0; i < trips.length; i++) {
    for (const block of trips[i]) block.range.load('values,numberFormat');
    try {
      await ctx.counter.sync(context);
    } catch (error) {
      // Long text can pass Excel on the web's 5 MB response limit below maxCellsPerSync: the trip is sent
      // again in halves (what the first trip also carried is queued again with its first half).
      const halves = isPayloadError(error) ? halveTrip(reads, trips[i]) : null;
      if (!halves) throw error;
      trips.splice(i, 1, halves[0], halves[1]);
      if (i === 0) requeueFirst(reads, first);
      i--;
    }
  }
  // A long form's merge bands below its window went with the blocks; areas not read by address need one more.
  let more = false;
  for (const read of reads) if (read.merges && read.merges.bands.length > 0 && settleMergeBands(read.merges)) more = true;
  if (more) await ctx.counter.sync(context);
}

/**
 * A loaded range's values as the grid holds them: Office.js gives 0.95 for a cell showing 95% and a serial
 * for a date; the grid holds what the user sees, as the .xlsx reader's does.
 */
export function shownRows(range: Excel.Range): CellValue[][] {
  const formats = range.numberFormat;
  return range.values.map((row, r) =>
    row.map((v: unknown, c) => (v === '' || v === null || v === undefined ? null : shownValue(v as CellValue, formats[r]?.[c] as string | undefined))),
  );
}

/**
 * Whether the part of a long sheet read with round trip 1 holds a 绩效目标表 (its indicator header): a
 * data sheet of 100 000 rows is not read further. A form starts at its top; its header is in the window.
 */
function windowHoldsForm(read: SheetRead): boolean {
  if (read.window.isNullObject) return false;
  const grid: CellGrid = { sheetName: read.ref.name, top: read.window.rowIndex, left: read.window.columnIndex, values: shownRows(read.window), merges: [] };
  return readSheetTables(grid).tables.length > 0;
}

function gridOf(read: SheetRead): CellGrid {
  const merges = read.merges ? mergesOf(read.merges) : [];
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

  const writable = (read: SheetRead) => ctx.writeMarks && !read.protection.protected && (ctx.writeFor?.(read.ref.id) ?? true);
  await readBlocks(context, reads, ctx, () => {
    let queued = false;
    for (const read of reads) {
      // What marks a sheet carries need not be known when nothing will be written to it.
      if (!writable(read)) continue;
      if (queueFormulas(read)) queued = true;
      if (read.notes && settleNotes(read.notes)) queued = true;
      if (read.comments && queueCommentCells(read.comments)) queued = true;
    }
    return queued;
  });

  const written: { read: SheetRead; changes: MarkChanges }[] = [];
  const checks = reads.map((read): SheetCheck => {
    // suggest: the task pane offers library indicators to a sheet whose project the library lacks.
    const checked = read.skipped ? null : checkGrid(gridOf(read), { settings: ctx.settings, library: ctx.library, suggestLibrary: ctx.suggestLibrary, layouts: ctx.layouts, suggest: true });
    const report: SheetReport | null = checked && read.protection.protected ? { ...checked, marks: 'skipped-protected' } : checked;
    if (writable(read) && !read.skipped) {
      const notes = read.notes ? finishNotes(read.notes) : null;
      const refused = new Set([...ctx.memory.refusedNotes(read.ref.id), ...(read.comments?.located.map((range) => localAddress(range.address)) ?? [])]);
      const marked = report && ctx.holdWaiting ? deferWaiting(report) : report;
      const changes = withoutRefusedNotes(diffMarks(marked ? marksForReport(marked) : [], formatsOf(read), notes), refused);
      if (countChanges(changes) > 0) written.push({ read, changes });
      if (notes) ctx.memory.rememberNotes(read.ref.id, notesAfter(notes, changes));
    }
    return { sheet: read.ref, report };
  });
  if (written.length === 0) return checks;
  const sync = () => ctx.counter.sync(context);
  const maxRequestBytes = ctx.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  if (ctx.isolated) {
    const { read, changes } = written[0];
    await writeAlone(read, changes, { sync, maxRequestBytes, refuse: (address) => ctx.memory.refuseNote(read.ref.id, address) });
    // Where the notes are is read afresh next time.
    ctx.memory.rememberNotes(read.ref.id, []);
    return checks;
  }
  try {
    await sendInTrips(written.flatMap(({ read, changes }) => markWrites(read, changes)), maxRequestBytes, sync);
  } catch (error) {
    // One refused write (say a note where a threaded comment is) drops the rest of its trip, and what came
    // before it was written: each sheet is read again and written alone, so one cell blocks no other sheet.
    if (written.length === 1 && !written[0].changes.addNotes.length) throw error;
    for (const { read } of written) {
      ctx.memory.rememberNotes(read.ref.id, []);
      await checkSheets(context, [read.ref], { ...ctx, isolated: true });
    }
  }
  return checks;
}

/** Where each threaded comment is, for round trip 2 (none: nothing queued). */
function queueCommentCells(comments: { all: Excel.CommentCollection; located: Excel.Range[] }): boolean {
  comments.located = comments.all.items.map((comment) => comment.getLocation().load('address'));
  return comments.located.length > 0;
}

/** A note is not added where Excel refused one, or where a threaded comment is (a cell holds one or the other). */
function withoutRefusedNotes(changes: MarkChanges, refused: Set<string>): MarkChanges {
  if (refused.size === 0) return changes;
  return { ...changes, addNotes: changes.addNotes.filter((n) => !refused.has(n.address)) };
}
