// Issue #22: one fix wrote into a cell hidden inside a merged range. A fix is now offered only when every cell it
// writes shows, on the sheet as it stands at that step (inserted rows carry their model row's merges).
import { hiddenWrite, visibleFix } from '../../../src/core/fixes/mergeGuard';
import type { Fix } from '../../../src/core/model';
import type { CellGrid } from '../../../src/core/sheet/types';

const grid: CellGrid = { sheetName: 'S', top: 0, left: 0, values: [], merges: ['A5:C5', 'C10:D10'] };
const fix = (steps: Fix['steps']): Fix => ({ description: '', steps, select: [] });

test('a write into a merged range shows only at its top-left cell', () => {
  expect(hiddenWrite(grid, fix([{ kind: 'setCell', cell: 'A5', value: 1 }]))).toBeNull();
  expect(hiddenWrite(grid, fix([{ kind: 'setCell', cell: 'B5', value: 1 }]))).toEqual({ cell: 'B5', merge: 'A5:C5' });
});

test('an inserted row carries its model row\'s single-row merges; rows below move with their merges', () => {
  const inserted = fix([{ kind: 'insertRows', before: 11, count: 1, formatFrom: 10 }, { kind: 'setCell', cell: 'D11', value: 'x' }]);
  expect(hiddenWrite(grid, inserted)).toEqual({ cell: 'D11', merge: 'C11:D11' });
  expect(hiddenWrite(grid, fix([{ kind: 'insertRows', before: 1, count: 1, formatFrom: 1 }, { kind: 'setCell', cell: 'B5', value: 1 }]))).toBeNull();
  expect(hiddenWrite(grid, fix([{ kind: 'insertRows', before: 1, count: 1, formatFrom: 1 }, { kind: 'setCell', cell: 'B6', value: 1 }]))).toEqual({ cell: 'B6', merge: 'A6:C6' });
});

test('visibleFix (what the engine applies to every issue\'s fix and choices) keeps only fixes that show', () => {
  const shows = fix([{ kind: 'setCell', cell: 'A5', value: 1 }]);
  expect(visibleFix(grid, shows)).toBe(shows);
  expect(visibleFix(grid, fix([{ kind: 'setCell', cell: 'C5', value: 1 }]))).toBeUndefined();
  expect(visibleFix(grid, undefined)).toBeUndefined();
  // The grid itself is never written by the check.
  expect(grid.values).toEqual([]);
});
