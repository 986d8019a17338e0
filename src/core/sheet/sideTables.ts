/**
 * Tables printed side by side on one sheet (a 申报表 and its 批复, two projects in two column blocks): grids
 * sharing a header row, each with its own 项目名称 above it in its own columns. Unlike 中期 | 年度 grids of one
 * table (one head over both), each is read as a table of its own, from its columns only.
 */
import type { SheetCells } from './cells';
import type { ReadGrid } from './gridRows';
import { PROJECT_NAME_LABELS } from './knownLabels';
import type { CellGrid } from './types';

/** The rows fromRow..toRow and columns fromCol..toCol of a grid, at their own addresses. */
function sliceGrid(grid: CellGrid, fromRow: number, toRow: number, fromCol: number, toCol: number): CellGrid {
  const values = grid.values.slice(fromRow - grid.top, toRow - grid.top + 1).map((line) => (line ? line.slice(fromCol - grid.left, toCol - grid.left + 1) : []));
  return { ...grid, top: fromRow, left: fromCol, values };
}

/** One sheet slice per table side by side over rows fromRow..toRow; null when the grids are one table's. */
export function sideBySideTables(cells: SheetCells, grid: CellGrid, grids: readonly ReadGrid[], fromRow: number, toRow: number): CellGrid[] | null {
  const headerRow = grids[0].header.row;
  const beside = grids.filter((g) => g.header.row === headerRow);
  // Grids of one column block (中期 | 年度 value columns sharing the name columns) are one table's.
  if (beside.length < 2 || new Set(beside.map((g) => g.header.fromCol)).size < beside.length) return null;
  const namesAbove = [...cells.filled(fromRow, headerRow - 1)].filter((c) => PROJECT_NAME_LABELS.has(c.label));
  const ownName = (g: ReadGrid) => namesAbove.some((c) => c.col >= g.header.fromCol && c.col <= g.header.toCol);
  if (!beside.every(ownName)) return null;
  return beside.map((g) => sliceGrid(grid, fromRow, toRow, g.header.fromCol, g.header.toCol));
}
