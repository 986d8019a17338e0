/**
 * The WPS side of checking: reads a sheet through the synchronous object model, hands the grid to the
 * core and the marks to the host-neutral diff (src/core/marking), and carries out what the diff says.
 * Marks are found each time by their sentinel (parseMarkFormula) and tag (isMarkNote), exactly as the
 * Excel host finds them, so either host clears the other's. Bridge calls, not round trips, are the cost
 * here (about 0.2 ms each): one `Value2` read for the whole used range, a number format per numeric cell,
 * a merge probe per blank cell, then the formats and comments.
 * A protected sheet is read and reported, never written (WPS throws on the first write).
 */
import { checkGrid } from '../core/check';
import { MARK_STYLES, marksForReport } from '../core/marks';
import { clearChanges, countChanges, diffMarks, markFormula, noteClearing, parseMarkFormula } from '../core/marking';
import type { ExistingMark, MarkChanges } from '../core/marking';
import type { Settings, SheetReport, TemplateLibrary } from '../core/model';
import { parseRange, toA1 } from '../core/sheet/address';
import { shownValue } from '../core/sheet/shown';
import { deferWaiting } from '../core/untouched';
import type { CellGrid, CellValue } from '../core/sheet/types';
import { XL, bgr, localAddress, read, valueRows } from './et';
import type { EtApplication, EtFormatCondition, EtWorksheet } from './et';
import type { LayoutProfile } from '../core/layouts';

export interface WpsCheckContext {
  settings: Settings;
  library: TemplateLibrary | null;
  /** Where suggestions are drawn from when not `library` (the 公开样表 added once the 建议 tab opened): never a template. */
  suggestLibrary?: TemplateLibrary;
  /** Taught layout profiles (指定表格布局); absent or empty: none. */
  layouts?: readonly LayoutProfile[];
  /** False for a live check that must not write (settings.liveMarks off, or writing while typing off). */
  writeMarks: boolean;
  /** A check the user did not ask for: an untouched form's or block's empty cells are 待填写, not marked. */
  holdWaiting?: boolean;
}

export interface WpsSheetCheck {
  name: string;
  /** Null when the sheet holds no 绩效目标表. */
  report: SheetReport | null;
}

export interface ClearResult {
  removed: number;
  keptOnProtected: string[];
}

function cellValue(raw: unknown): CellValue | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
  return String(raw);
}

/** The sheet's used cells as shown (a percentage as `95%`, a date as a date), with its merged areas. */
export function readGrid(ws: EtWorksheet, name: string): CellGrid {
  const used = ws.UsedRange;
  const top = used.Row - 1;
  const left = used.Column - 1;
  const rows = used.Rows.Count;
  const cols = used.Columns.Count;
  const raw = valueRows(read(used, 'Value2'), rows, cols);
  const values: CellValue[][] = [];
  const merges: string[] = [];
  const merged = new Set<string>();
  for (let r = 0; r < rows; r++) {
    const row: CellValue[] = [];
    for (let c = 0; c < cols; c++) {
      const value = cellValue(raw[r]?.[c]);
      const address = toA1(top + r, left + c);
      if (typeof value === 'number') {
        // Value2 is the stored number (0.95 for 95%); the grid holds what the user sees, as Excel's does.
        row.push(shownValue(value, String(read(ws.Range(address), 'NumberFormat') ?? 'General')));
      } else if (value === undefined) {
        row.push(null);
        // Only blank cells can be the covered part of a merged area.
        if (!merged.has(address) && ws.Range(address).MergeCells === true) {
          const area = localAddress(ws.Range(address).MergeArea.Address(false, false));
          merges.push(area);
          for (const cell of cellsIn(area)) merged.add(cell);
        }
      } else row.push(value);
    }
    values.push(row);
  }
  return trim({ sheetName: name, top, left, values, merges });
}

function cellsIn(area: string): string[] {
  const { start, end } = parseRange(area);
  const out: string[] = [];
  for (let r = start.row; r <= end.row; r++) for (let c = start.col; c <= end.col; c++) out.push(toA1(r, c));
  return out;
}

/** The grid without empty outer rows and columns: WPS's used range counts formatted cells, Excel's (values only) does not. */
function trim(grid: CellGrid): CellGrid {
  const filled = (v: CellValue) => v !== null;
  const rowsWith = grid.values.map((row) => row.some(filled));
  const first = rowsWith.indexOf(true);
  if (first < 0) return { ...grid, top: 0, left: 0, values: [] };
  const last = rowsWith.lastIndexOf(true);
  let c1 = Infinity;
  let c2 = -1;
  for (const row of grid.values) {
    row.forEach((v, c) => {
      if (!filled(v)) return;
      c1 = Math.min(c1, c);
      c2 = Math.max(c2, c);
    });
  }
  return { ...grid, top: grid.top + first, left: grid.left + c1, values: grid.values.slice(first, last + 1).map((row) => row.slice(c1, c2 + 1)) };
}

interface MarksRead {
  conditions: EtFormatCondition[];
  formats: (ExistingMark | null)[];
  notes: Map<string, { text: string; author: string }>;
}

/** Every conditional format (as the mark it encodes, or null) and every comment of the sheet. */
function readMarks(ws: EtWorksheet): MarksRead {
  const collection = ws.Cells.FormatConditions;
  const count = collection.Count;
  const conditions: EtFormatCondition[] = [];
  const formats: (ExistingMark | null)[] = [];
  for (let i = 1; i <= count; i++) {
    const fc = collection.Item(i) as EtFormatCondition;
    conditions.push(fc);
    formats.push(formatMark(fc));
  }
  const notes = new Map<string, { text: string; author: string }>();
  const comments = ws.Comments;
  const n = comments.Count;
  for (let i = 1; i <= n; i++) {
    const comment = comments.Item(i);
    const cell = comment.Parent as { Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string };
    notes.set(localAddress(cell.Address(false, false)), { text: comment.Text(), author: comment.Author });
  }
  return { conditions, formats, notes };
}

/**
 * The mark a format encodes. A mark covering more than its own cell (a row inserted inside it grew it)
 * counts as no cell's mark, so it is replaced, as the Excel host does.
 */
function formatMark(fc: EtFormatCondition): ExistingMark | null {
  let mark: ExistingMark | null;
  try {
    // Other kinds of rule (data bars, colour scales) have no Formula1 and may throw for it.
    mark = fc.Type === XL.expression ? parseMarkFormula(read(fc, 'Formula1')) : null;
  } catch {
    return null;
  }
  if (!mark?.address) return mark;
  return localAddress(fc.AppliesTo.Address(false, false)) === mark.address ? mark : { ...mark, address: null };
}

/** A thin box in the mark's colour; border indices as Microsoft documents them, else as WPS's example has them. */
function boxBorder(fc: EtFormatCondition, color: number): void {
  const draw = (indices: number[]) => {
    for (const index of indices) {
      const border = fc.Borders.Item(index);
      border.LineStyle = XL.continuous;
      border.Color = color;
    }
  };
  try {
    draw([XL.left, XL.top, XL.bottom, XL.right]);
  } catch {
    draw([XL.edgeLeft, XL.edgeTop, XL.edgeBottom, XL.edgeRight]);
  }
}

/** Carries out the diff: deletions first (from the highest position), then additions. */
function writeChanges(ws: EtWorksheet, read: MarksRead, changes: MarkChanges): void {
  for (const index of changes.deleteFormats) read.conditions[index].Delete();
  for (const mark of changes.addFormats) {
    const style = MARK_STYLES[mark.severity];
    const fc = ws.Range(mark.address).FormatConditions.Add(XL.expression, undefined, markFormula(mark.address, mark.severity)) as EtFormatCondition;
    fc.Interior.Color = bgr(style.fill);
    boxBorder(fc, bgr(style.border));
  }
  for (const address of changes.deleteNotes) ws.Range(address).Comment?.Delete();
  for (const { address, text } of changes.updateNotes) ws.Range(address).Comment?.Text(text);
  for (const { address, text } of changes.addNotes) ws.Range(address).AddComment(text);
}

/** Runs `work` with screen updating off (restored whatever happens): WPS redraws after every call otherwise. */
export function quietly<T>(app: EtApplication, work: () => T): T {
  const before = app.ScreenUpdating;
  app.ScreenUpdating = false;
  try {
    return work();
  } finally {
    app.ScreenUpdating = before;
  }
}

/** Checks one sheet and brings its marks up to date (unless protected or not to be written). */
export function checkSheet(ws: EtWorksheet, name: string, ctx: WpsCheckContext): WpsSheetCheck {
  const checked = checkGrid(readGrid(ws, name), { settings: ctx.settings, library: ctx.library, suggestLibrary: ctx.suggestLibrary, layouts: ctx.layouts, suggest: true });
  const isProtected = ws.ProtectContents;
  const report: SheetReport | null = checked && isProtected ? { ...checked, marks: 'skipped-protected' } : checked;
  if (ctx.writeMarks && !isProtected) {
    const read = readMarks(ws);
    const marked = report && ctx.holdWaiting ? deferWaiting(report) : report;
    const changes = diffMarks(marked ? marksForReport(marked) : [], read.formats, new Map([...read.notes].map(([a, n]) => [a, n.text])));
    if (countChanges(changes) > 0) writeChanges(ws, read, changes);
  }
  return { name, report };
}

/** Removes every mark jixiao made on the sheet, and nothing else; false when the sheet is protected and marked. */
export function clearSheet(ws: EtWorksheet): { removed: number; kept: boolean } {
  const read = readMarks(ws);
  const changes = clearChanges(read.formats, null);
  for (const [address, note] of read.notes) {
    const clearing = noteClearing(note.text, note.author);
    if (clearing?.kind === 'delete') changes.deleteNotes.push(address);
    else if (clearing) changes.updateNotes.push({ address, text: clearing.text });
  }
  const count = countChanges(changes);
  if (count === 0) return { removed: 0, kept: false };
  if (ws.ProtectContents) return { removed: 0, kept: true };
  writeChanges(ws, read, changes);
  return { removed: count, kept: false };
}
