import { toA1 } from '../../../src/core/sheet/address';
import type { CellGrid, CellValue } from '../../../src/core/sheet/types';

/** Every non-empty cell of a grid by A1 address (a sparse grid and a dense one compare alike). */
export function cellsOf(grid: CellGrid): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  grid.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null && value !== undefined && value !== '') out[toA1(grid.top + r, grid.left + c)] = value;
    }),
  );
  return out;
}
