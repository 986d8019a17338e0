/**
 * A SheetTable from its grids, with the views older callers read (rowRefs, slots, otherGrids) derived from
 * them on demand: not enumerable, so they are never copied, serialised or compared as data of their own.
 */
import type { OtherGrid, SheetGrid, SheetTable } from './types';

export type SheetTableFields = Omit<SheetTable, 'rowRefs' | 'slots' | 'otherGrids'>;

function otherGridView(grid: SheetGrid): OtherGrid {
  const view: OtherGrid = {
    scope: grid.scope,
    goals: grid.goals,
    goalsRef: grid.goalsRef,
    indicatorHeader: grid.header,
    indicators: grid.rows.map((r) => r.row),
    rowRefs: grid.rows.map((r) => r.refs),
  };
  if (grid.slots) view.slots = grid.slots;
  return view;
}

/** The SheetTable of these fields; `grids` must hold the main grid first. */
export function sheetTable(fields: SheetTableFields): SheetTable {
  const sheet = fields as SheetTable;
  Object.defineProperties(sheet, {
    rowRefs: { get: () => sheet.grids[0]?.rows.map((r) => r.refs) ?? [], enumerable: false, configurable: true },
    slots: { get: () => sheet.grids[0]?.slots, enumerable: false, configurable: true },
    otherGrids: {
      get: () => (sheet.grids.length > 1 ? sheet.grids.slice(1).map(otherGridView) : undefined),
      enumerable: false,
      configurable: true,
    },
  });
  return sheet;
}
