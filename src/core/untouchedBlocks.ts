// What of a sheet nobody has typed into yet (issue 24), found where the sheet is read: apart from
// core/untouched.ts, which the pane loads at first paint and which needs neither the reader nor a framework.
import { canonicalLevel1 } from './frameworks';
import type { Framework } from './frameworks/types';
import type { SheetReport } from './model';
import { fromA1 } from './sheet/address';
import type { SheetTable } from './sheet/types';
import { isFillIssue } from './untouched';

/**
 * A part of a form nobody has typed into, with its empty cells: a 一级 block of a form being filled in
 * (`level1`), or, on a sheet holding several tables, a whole table (no `level1`). `table` names the table
 * on a sheet of several (「项目名称」, or 第 N 张表 while it has none).
 */
export type UntouchedBlock = NonNullable<SheetReport['untouchedBlocks']>[number];

/**
 * A listing (a flat 一体化 export) prints each project's name, unit and amounts on its first indicator row:
 * they come with the sheet, before anyone works on the project. A form prints them above its grid.
 */
function printedByListing(sheet: SheetTable): boolean {
  const { projectName, indicatorHeader } = sheet.refs;
  return projectName !== null && indicatorHeader !== null && fromA1(projectName).row > fromA1(indicatorHeader).row;
}

/**
 * Nothing of the table is typed: no header field and no indicator row (of any grid). For a project of a
 * listing, what the listing prints for every project (name, amounts) does not count as typed.
 */
export function isUntouched(sheet: SheetTable): boolean {
  const { table } = sheet;
  const listed = printedByListing(sheet);
  const header = listed ? [table.goals, table.purpose] : [table.projectName, table.goals, table.purpose];
  const { total, fiscal, other } = table.budget;
  const grids = [table.indicators, ...(sheet.otherGrids ?? []).map((grid) => grid.indicators)];
  return (
    header.every((text) => !text.trim()) &&
    (listed || ([total, fiscal, other].every((amount) => amount === null) && !sheet.amountProblems)) &&
    (sheet.otherGrids ?? []).every((grid) => !grid.goals.trim()) &&
    grids.every((rows) => rows.every((row) => !row.level3.trim() && !row.value.trim()))
  );
}

/**
 * The 一级 blocks of a form being filled in that nobody has typed into: every printed row of the 一级 is an
 * empty slot and no indicator row of that grid is under it. Read from what the cells hold (the grid's slots
 * and rows), whatever the framework names its blocks.
 */
export function untouchedBlocks(sheet: SheetTable, framework: Framework): UntouchedBlock[] {
  const blocks = new Map<string, UntouchedBlock & { level1: string }>();
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

/**
 * One table's untouched parts on a sheet holding several, named `table`: the whole table when nobody has
 * typed into it (every empty cell it must have filled), else its untouched 一级 blocks.
 */
export function untouchedOfTable(report: SheetReport, table: string): UntouchedBlock[] {
  if (!report.untouched) return (report.untouchedBlocks ?? []).map((block) => ({ ...block, table }));
  const cells = report.issues.filter(isFillIssue).flatMap((issue) => issue.cells);
  return cells.length > 0 ? [{ table, cells }] : [];
}
