/**
 * A sheet's cells as a sparse CellGrid: rows and cells that hold nothing are holes, so a single value at
 * XFD1048576 costs one cell. Shared by the .xlsx and .ods readers; ReadLimits are checked before a row or
 * cell is added.
 */
import { parseRange } from '../core/sheet/address';
import type { CellGrid, CellValue } from '../core/sheet/types';
import { tooLarge } from './errors';
import type { ReadLimits } from './limits';
import type { SheetState } from './package';

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
/** Rows at most this wide are copied to their exact length when done. */
const COMPACT_WIDTH = 64;

/** A cell note (legacy comment), kept for the marked copy and later features. */
export interface SheetComment {
  /** A1 address. */
  address: string;
  author: string;
  text: string;
}

/** A CellGrid as the file reader produces it: sparse values, the sheet's visibility and its comments. */
export interface ReadGrid extends CellGrid {
  state: SheetState;
  comments: SheetComment[];
}

/** Cells counted over a whole workbook (maxCells is per file). */
export class CellCounter {
  cells = 0;
  constructor(readonly limits: Readonly<ReadLimits>) {}
}

export class SparseGrid {
  readonly values: CellValue[][] = [];
  readonly merges: string[] = [];
  readonly comments: SheetComment[] = [];
  private rows = 0;
  /** The row being filled: once the reader moves on, its array is cut to its length (see compact). */
  private openRow = -1;

  constructor(
    readonly sheetName: string,
    private readonly counter: CellCounter,
  ) {}

  /** Stores a value; null and '' leave a hole. */
  set(row: number, col: number, value: CellValue): void {
    if (value === null || value === '') return;
    if (row !== this.openRow) {
      this.compact(this.openRow);
      this.openRow = row;
    }
    let cells = this.values[row];
    if (!cells) {
      if (++this.rows > this.counter.limits.maxRows) {
        throw tooLarge(`工作表「${this.sheetName}」中有内容的行数`, `超过 ${this.counter.limits.maxRows}`, this.counter.limits.maxRows);
      }
      cells = this.values[row] = [];
    }
    if (cells[col] === undefined) {
      if (++this.counter.cells > this.counter.limits.maxCells) {
        throw tooLarge('有内容的单元格数', `超过 ${this.counter.limits.maxCells}`, this.counter.limits.maxCells);
      }
    }
    cells[col] = value;
  }

  /**
   * An array grown cell by cell keeps spare capacity (17 slots for 5 cells); a copy has none, which saves
   * about a hundred bytes a row. Only narrow rows: a sparse one stays as V8 stores it.
   */
  private compact(row: number): void {
    const cells = this.values[row];
    if (cells && cells.length <= COMPACT_WIDTH) this.values[row] = cells.slice();
  }

  addMerge(range: string): void {
    if (this.merges.length >= this.counter.limits.maxMerges) {
      throw tooLarge(`工作表「${this.sheetName}」的合并区域数`, `超过 ${this.counter.limits.maxMerges}`, this.counter.limits.maxMerges);
    }
    this.merges.push(range);
  }

  /**
   * Excel shows only a merged area's top-left value; LibreOffice can keep hidden values in the other cells.
   * Those are dropped, visiting only rows and cells that exist (bounded work whatever the area's size).
   */
  private clearUnderMerges(): void {
    let budget = 8 * this.counter.limits.maxCells;
    const rowKeys = (): number[] => Object.keys(this.values).map(Number);
    let existingRows: number[] | null = null;
    for (const range of this.merges) {
      const { start, end } = parseRange(range);
      const height = end.row - start.row + 1;
      let rows: Iterable<number>;
      if (height <= 256) rows = rangeOf(start.row, end.row);
      else rows = (existingRows ??= rowKeys()).filter((r) => r >= start.row && r <= end.row);
      for (const r of rows) {
        const cells = this.values[r];
        if (!cells || (budget -= 1) < 0) continue;
        const clear = (c: number) => {
          if (c >= start.col && c <= end.col && (r !== start.row || c !== start.col) && cells[c] !== undefined) {
            delete cells[c];
            this.counter.cells--;
          }
        };
        if (end.col - start.col <= 64) for (let c = start.col; c <= Math.min(end.col, cells.length - 1); c++) clear(c);
        else {
          budget -= cells.length;
          cells.forEach((_, c) => clear(c));
        }
      }
      if (budget < 0) break;
    }
  }

  finish(state: SheetState): ReadGrid {
    this.compact(this.openRow);
    if (this.merges.length > 0) this.clearUnderMerges();
    return { sheetName: this.sheetName, top: 0, left: 0, values: this.values, merges: this.merges, state, comments: this.comments };
  }
}

function* rangeOf(from: number, to: number): Generator<number> {
  for (let i = from; i <= to; i++) yield i;
}
