// Never write into a cell hidden inside a merged range (Excel keeps only the top-left cell's value: the
// write would vanish, or show up once the merge is undone). Checked on the sheet as it stands at each step,
// inserted rows carrying their model row's single-row merges as the written copy and Excel give them.
import { parseRange, toRange } from '../sheet/address';
import { fromA1 } from '../sheet/address';
import type { Fix } from '../model';
import type { CellGrid } from '../sheet/types';
import { applyStep } from './applyToGrid';

function hiddenIn(merges: readonly string[], address: string): string | null {
  const { row, col } = fromA1(address);
  for (const range of merges) {
    let area;
    try {
      area = parseRange(range);
    } catch {
      continue;
    }
    const inside = row >= area.start.row && row <= area.end.row && col >= area.start.col && col <= area.end.col;
    if (inside && (row !== area.start.row || col !== area.start.col)) return range;
  }
  return null;
}

/** The first cell `fix` writes that a merged range hides, with that range; null when every write shows. */
export function hiddenWrite(grid: CellGrid, fix: Fix): { cell: string; merge: string } | null {
  // Only the merges are followed: the values stay behind (an inserted row would otherwise copy every row of
  // a 10,000-row sheet, for each fix offered).
  let current: CellGrid = { ...grid, values: [], merges: [...grid.merges] };
  for (const step of fix.steps) {
    if (step.kind === 'setCell') {
      const merge = hiddenIn(current.merges, step.cell);
      if (merge) return { cell: step.cell, merge };
      // Only the merges matter here: a value written moves nothing (and the grid's values are never touched).
      continue;
    }
    const at = step.before - 1;
    const model = step.formatFrom - 1;
    const modelMerges = current.merges.filter((range) => {
      try {
        const area = parseRange(range);
        return area.start.row === model && area.end.row === model;
      } catch {
        return false;
      }
    });
    current = applyStep(current, step);
    const copies: string[] = [];
    for (const range of modelMerges) {
      const area = parseRange(range);
      for (let i = 0; i < step.count; i++) copies.push(toRange({ row: at + i, col: area.start.col }, { row: at + i, col: area.end.col }));
    }
    current = { ...current, merges: [...current.merges, ...copies] };
  }
  return null;
}

/** The fix, or undefined when it would write into a hidden cell: a fix is offered only when it shows. */
export function visibleFix(grid: CellGrid, fix: Fix | undefined): Fix | undefined {
  return fix && !hiddenWrite(grid, fix) ? fix : undefined;
}
