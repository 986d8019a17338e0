// The untouched blocks of a form being filled in (issue 24), found where the sheet is read: apart from
// core/untouched.ts, which the pane loads at first paint and which needs no framework.
import { canonicalLevel1 } from './frameworks';
import type { Framework } from './frameworks/types';
import type { SheetTable } from './sheet/types';

/** A 一级 block of a grid whose printed rows are all still empty, with their 三级 and 指标值 cells. */
export interface UntouchedBlock {
  level1: string;
  cells: string[];
}

/**
 * The 一级 blocks of a form being filled in that nobody has typed into: every printed row of the 一级 is an
 * empty slot and no indicator row of that grid is under it. Read from what the cells hold (the grid's slots
 * and rows), whatever the framework names its blocks.
 */
export function untouchedBlocks(sheet: SheetTable, framework: Framework): UntouchedBlock[] {
  const blocks = new Map<string, UntouchedBlock>();
  for (const grid of sheet.grids) {
    const key = (level1: string): string => canonicalLevel1(framework, level1) ?? level1.trim();
    const filled = new Set(grid.rows.map(({ row }) => key(row.level1)));
    for (const slot of grid.slots ?? []) {
      const level1 = key(slot.level1);
      if (!level1 || filled.has(level1)) continue;
      const id = `${grid.header}\u0000${level1}`;
      const block = blocks.get(id) ?? { level1, cells: [] };
      for (const cell of [slot.refs.level3, slot.refs.value]) if (cell) block.cells.push(cell);
      blocks.set(id, block);
    }
  }
  return [...blocks.values()];
}
