/**
 * Cell access for the reader, in sheet coordinates. A CellGrid may be sparse (rows and cells as holes, one
 * cell at XFD1048576): everything here costs in proportion to the cells and merges that exist, never to
 * the rectangle they span. Labels are normalised once per cell.
 */
import { parseRange, toA1 } from './address';
import type { RangePosition } from './address';
import { normalizeLabel } from './labels';
import type { CellGrid, CellValue } from './types';

/** A non-blank cell holding its own value. */
export interface FilledCell {
  row: number;
  col: number;
  value: CellValue;
  /** Trimmed text of the value. */
  text: string;
  /** normalizeLabel(text), computed once. */
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

export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  return String(value).trim();
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

export class SheetCells {
  readonly top: number;
  readonly left: number;
  /** Last row and column holding a non-blank value (top/left − 1 when none). */
  readonly bottom: number;
  readonly right: number;
  /** Rows with at least one non-blank cell, ascending, with their cells left to right. */
  private readonly rowList: number[] = [];
  private readonly rowCells = new Map<number, FilledCell[]>();
  private readonly byKey = new Map<number, FilledCell>();
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
      const row = grid.top + r;
      const cells: FilledCell[] = [];
      for (const c of presentIndices(line)) {
        const value = line[c] ?? null;
        const text = cellText(value);
        if (!text) continue;
        const col = grid.left + c;
        const cell: FilledCell = { row, col, value, text, label: normalizeLabel(text), address: toA1(row, col) };
        cells.push(cell);
        this.byKey.set(row * COLS + col, cell);
        if (col > right) right = col;
      }
      if (cells.length > 0) {
        this.rowList.push(row);
        this.rowCells.set(row, cells);
        bottom = row;
      }
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

  /** The filled cell at a position, or undefined (blank, missing or out of the grid). */
  cell(row: number, col: number): FilledCell | undefined {
    return this.byKey.get(row * COLS + col);
  }

  raw(row: number, col: number): CellValue {
    return this.cell(row, col)?.value ?? null;
  }

  text(row: number, col: number): string {
    return this.cell(row, col)?.text ?? '';
  }

  merge(row: number, col: number): RangePosition | undefined {
    const start = this.mergeStart.get(row * COLS + col);
    if (start) return start;
    const inside = (a: RangePosition) => a.start.row <= row && row <= a.end.row && a.start.col <= col && col <= a.end.col;
    return this.mergeByRow.get(row)?.find(inside) ?? this.tallMerges.find(inside);
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
    return this.rowCells.get(row) ?? [];
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
