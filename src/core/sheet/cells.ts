/**
 * Cell access for the reader, in sheet coordinates. A CellGrid may be sparse (rows and cells as holes, one
 * cell at XFD1048576): everything here costs in proportion to the cells and merges that exist, never to
 * the rectangle they span.
 */
import { parseRange, toA1 } from './address';
import type { RangePosition } from './address';
import { normalizeLabel } from './labels';
import { toSimplified } from './simplified';
import { convertedText } from './convertedText';
import type { CellGrid, CellValue } from './types';

/** A non-blank cell holding its own value. */
export interface FilledCell {
  row: number;
  col: number;
  value: CellValue;
  /** Trimmed text of the value. */
  text: string;
  /** normalizeLabel(text), computed when the cell's row is looked at. */
  label: string;
  address: string;
}

export interface Found {
  text: string;
  value: CellValue;
  address: string;
}

/** Columns in a sheet (XFD): a cell's numeric key is row × COLS + col. */
const COLS = 16384;
/** Merges at most this many rows tall are indexed by row; taller ones (rare) are scanned. */
const INDEXED_MERGE_HEIGHT = 64;

/**
 * A cell's text, trimmed; traditional characters read as simplified (a form typed in 繁體 is the same form),
 * and what a page's conversion left in it undone (convertedText).
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  return convertedText(toSimplified(value.trim()));
}

/** The integer indices present in a (possibly holey) array, ascending: cost follows what exists. */
function presentIndices(array: readonly unknown[]): number[] {
  const indices: number[] = [];
  for (const key of Object.keys(array)) {
    const index = Number(key);
    if (Number.isInteger(index) && index >= 0) indices.push(index);
  }
  return indices;
}

/** Rows at most this long are walked index by index; longer (sparse) ones by their present keys. */
const SHORT_ROW = 1024;

/** Calls `visit` for each present element of a row, ascending, with no allocation for a short row. */
function eachPresent(line: readonly CellValue[], visit: (index: number, value: CellValue) => void): void {
  if (line.length <= SHORT_ROW) {
    for (let c = 0; c < line.length; c++) {
      const value = line[c];
      if (value !== undefined) visit(c, value);
    }
  } else for (const c of presentIndices(line)) visit(c, line[c]);
}

/** Whether a value shows nothing (cellText would be ''), without building its text. */
function isBlank(value: CellValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  return typeof value === 'string' && !/\S/.test(value);
}

function contains(area: RangePosition, row: number, col: number): boolean {
  return area.start.row <= row && row <= area.end.row && area.start.col <= col && col <= area.end.col;
}

/** Rows whose FilledCells are kept for reuse: the reader looks at a few rows around the one it reads. */
const ROW_CACHE = 256;

/**
 * The grid as the reader sees it. Nothing per cell is kept beyond the grid itself: a row's FilledCells are
 * built when the row is looked at and kept only while it is among the last rows looked at, so reading a
 * 100,000-row table holds one copy of its cells, not three.
 */
export class SheetCells {
  readonly top: number;
  readonly left: number;
  /** Last row and column holding a non-blank value (top/left − 1 when none). */
  readonly bottom: number;
  readonly right: number;
  /** Rows with at least one non-blank cell, ascending. */
  private readonly rowList: number[] = [];
  private readonly recentRows = new Map<number, FilledCell[]>();
  private readonly mergeByRow = new Map<number, RangePosition[]>();
  private readonly tallMerges: RangePosition[] = [];
  private readonly mergeStart = new Map<number, RangePosition>();

  constructor(private readonly grid: CellGrid) {
    this.top = grid.top;
    this.left = grid.left;
    let bottom = grid.top - 1;
    let right = grid.left - 1;
    for (const r of presentIndices(grid.values)) {
      const line = grid.values[r];
      if (!line) continue;
      let last = -1;
      eachPresent(line, (c, value) => {
        if (!isBlank(value)) last = c;
      });
      if (last < 0) continue;
      const row = grid.top + r;
      this.rowList.push(row);
      bottom = row;
      if (grid.left + last > right) right = grid.left + last;
    }
    this.bottom = bottom;
    this.right = right;
    for (const range of grid.merges) {
      let area: RangePosition;
      try {
        area = parseRange(range);
      } catch {
        continue;
      }
      this.mergeStart.set(area.start.row * COLS + area.start.col, area);
      const height = area.end.row - area.start.row + 1;
      if (height > INDEXED_MERGE_HEIGHT) {
        this.tallMerges.push(area);
        continue;
      }
      for (let r = area.start.row; r <= area.end.row; r++) {
        const list = this.mergeByRow.get(r);
        if (list) list.push(area);
        else this.mergeByRow.set(r, [area]);
      }
    }
  }

  /** The grid's value at a position, blank or not (undefined outside the grid). */
  private value(row: number, col: number): CellValue | undefined {
    return this.grid.values[row - this.top]?.[col - this.left];
  }

  /** The filled cell at a position, or undefined (blank, missing or out of the grid). */
  cell(row: number, col: number): FilledCell | undefined {
    if (row < this.top || col < this.left || isBlank(this.value(row, col))) return undefined;
    const cells = this.rowOf(row);
    let lo = 0;
    let hi = cells.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cells[mid].col < col) lo = mid + 1;
      else hi = mid;
    }
    return cells[lo]?.col === col ? cells[lo] : undefined;
  }

  raw(row: number, col: number): CellValue {
    const value = row < this.top || col < this.left ? undefined : this.value(row, col);
    return isBlank(value) ? null : (value as CellValue);
  }

  text(row: number, col: number): string {
    return row < this.top || col < this.left ? '' : cellText(this.value(row, col) ?? null);
  }

  merge(row: number, col: number): RangePosition | undefined {
    const start = this.mergeStart.get(row * COLS + col);
    if (start) return start;
    // Plain loops: asked for every cell the reader looks at, so no closure per call (tsx names each one).
    const byRow = this.mergeByRow.get(row);
    if (byRow) for (const area of byRow) if (contains(area, row, col)) return area;
    for (const area of this.tallMerges) if (contains(area, row, col)) return area;
    return undefined;
  }

  /** A cell inside a merged area but not its top-left: it holds nothing of its own. */
  covered(row: number, col: number): boolean {
    const area = this.merge(row, col);
    return area !== undefined && (area.start.row !== row || area.start.col !== col);
  }

  /** The cell's own value and address. */
  at(row: number, col: number): Found {
    const cell = this.cell(row, col);
    return cell ? { text: cell.text, value: cell.value, address: cell.address } : { text: '', value: null, address: toA1(row, col) };
  }

  /** The value shown at a cell: a merged area's top-left value, with that cell's address. */
  shown(row: number, col: number): Found {
    const area = this.merge(row, col);
    return area ? this.at(area.start.row, area.start.col) : this.at(row, col);
  }

  /** Whether any merged area covers the row (a row with no cells may still show a merged value). */
  rowHasMerge(row: number): boolean {
    return this.mergeByRow.has(row) || this.tallMerges.some((a) => a.start.row <= row && row <= a.end.row);
  }

  /** Filled cells of one row, left to right (covered cells included: the caller decides). */
  rowOf(row: number): readonly FilledCell[] {
    const recent = this.recentRows.get(row);
    if (recent) return recent;
    const cells: FilledCell[] = [];
    const line = row >= this.top ? this.grid.values[row - this.top] : undefined;
    if (line) {
      eachPresent(line, (c, value) => {
        const text = cellText(value);
        if (!text) return;
        const col = this.left + c;
        cells.push({ row, col, value, text, label: normalizeLabel(text), address: toA1(row, col) });
      });
    }
    if (this.recentRows.size >= ROW_CACHE) this.recentRows.delete(this.recentRows.keys().next().value as number);
    this.recentRows.set(row, cells);
    return cells;
  }

  /** Filled cells of one row that hold their own value (no merge covers them), left to right. */
  ownCellsOf(row: number): FilledCell[] {
    const own: FilledCell[] = [];
    for (const cell of this.rowOf(row)) if (!this.covered(row, cell.col)) own.push(cell);
    return own;
  }

  /** Index in rowList of the first row ≥ row. */
  private firstRowIndex(row: number): number {
    const list = this.rowList;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid] < row) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Rows with filled cells in fromRow..toRow, ascending. */
  *rows(fromRow: number, toRow: number): Generator<number> {
    const list = this.rowList;
    for (let i = this.firstRowIndex(fromRow); i < list.length && list[i] <= toRow; i++) yield list[i];
  }

  /** The first row with filled cells after `row`, or null. */
  nextFilledRow(row: number): number | null {
    return this.rowList[this.firstRowIndex(row + 1)] ?? null;
  }

  /** Non-blank cells holding their own value in rows fromRow..toRow, row by row, left to right. */
  *filled(fromRow: number, toRow: number): Generator<FilledCell> {
    for (const row of this.rows(fromRow, toRow)) {
      for (const cell of this.rowOf(row)) if (!this.covered(cell.row, cell.col)) yield cell;
    }
  }
}
