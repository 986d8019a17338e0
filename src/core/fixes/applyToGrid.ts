/**
 * A fix applied to a cell grid, as Excel would apply it: a preview for the pane and the proof in tests that
 * a fix repairs what it says. Pure: the grid passed in is left as it was. Formats are not part of a CellGrid,
 * so `formatFrom` changes nothing here.
 */
import type { Fix, FixStep } from '../model/fix';
import { fromA1, parseRange, toRange } from '../sheet/address';
import type { CellGrid, CellValue } from '../sheet/types';

/** The integer indices present in a (possibly holey) array, ascending: a sparse grid costs what it holds. */
function present(array: readonly unknown[]): number[] {
  return Object.keys(array)
    .map(Number)
    .filter((index) => Number.isInteger(index) && index >= 0);
}

/** A copy of the rows array, each row copied too, holes kept. */
function copyValues(values: readonly CellValue[][]): CellValue[][] {
  const copy: CellValue[][] = [];
  for (const r of present(values)) {
    const line = values[r];
    if (line) copy[r] = line.slice();
  }
  copy.length = values.length;
  return copy;
}

/** Whole rows inserted above 0-based sheet row `at`: cells from `at` down move by `count`, merges shift or grow. */
function insertRows(grid: CellGrid, at: number, count: number): CellGrid {
  const values: CellValue[][] = [];
  let top = grid.top;
  if (at <= grid.top) {
    top += count;
    for (const r of present(grid.values)) values[r] = grid.values[r];
    values.length = grid.values.length;
  } else {
    const split = at - grid.top;
    for (const r of present(grid.values)) values[r < split ? r : r + count] = grid.values[r];
    values.length = grid.values.length + (split < grid.values.length ? count : 0);
  }
  // Excel: an area starting at or below the insert moves down; one spanning it grows; one above stays.
  const merges = grid.merges.map((range) => {
    let area;
    try {
      area = parseRange(range);
    } catch {
      return range;
    }
    if (area.start.row >= at) return toRange({ ...area.start, row: area.start.row + count }, { ...area.end, row: area.end.row + count });
    if (area.end.row >= at) return toRange(area.start, { ...area.end, row: area.end.row + count });
    return range;
  });
  return { ...grid, top, values, merges };
}

/** One cell written; the grid grows (or its origin moves) to hold it. */
function setCell(grid: CellGrid, address: string, value: CellValue): CellGrid {
  const { row, col } = fromA1(address);
  let { top, left, values } = grid;
  if (row < top || col < left) {
    // Re-base the rectangle so the new cell is inside it.
    const dr = Math.max(0, top - row);
    const dc = Math.max(0, left - col);
    const moved: CellValue[][] = [];
    for (const r of present(values)) {
      const line = values[r];
      const shifted: CellValue[] = [];
      for (const c of present(line)) shifted[c + dc] = line[c];
      shifted.length = line.length + dc;
      moved[r + dr] = shifted;
    }
    moved.length = values.length + dr;
    values = moved;
    top -= dr;
    left -= dc;
  }
  const r = row - top;
  const c = col - left;
  const line = values[r] ?? [];
  while (line.length < c) line.push(null);
  line[c] = value;
  values[r] = line;
  return { ...grid, top, left, values };
}

export function applyStep(grid: CellGrid, step: FixStep): CellGrid {
  if (step.kind === 'setCell') return setCell(grid, step.cell, step.value);
  return insertRows(grid, step.before - 1, step.count);
}

/** The grid after every step of the fix, in order (each step's addresses as the sheet stands when it runs). */
export function applyFixToGrid(grid: CellGrid, fix: Fix): CellGrid {
  let current: CellGrid = { ...grid, values: copyValues(grid.values), merges: [...grid.merges] };
  for (const step of fix.steps) current = applyStep(current, step);
  return current;
}
