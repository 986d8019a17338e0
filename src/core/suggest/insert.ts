// The Fix that puts a suggested indicator into a sheet: indicatorRowsFix (src/core/fixes) fills the printed
// or unused row of that 二级 (on a blank form too) or inserts a row, as it does for the dimension and template rules.
import type { Framework } from '../frameworks';
import { indicatorRowsFix } from '../fixes';
import type { Fix, Suggestion } from '../model';
import type { ScopedGrid } from '../rules/helpers';
import type { SheetTable } from '../sheet/types';

/** The fix that adds `suggestion` to `grid` of `sheet`, or null when the grid shows no place for it. */
export function suggestionFix(sheet: SheetTable, grid: ScopedGrid, framework: Framework, suggestion: Suggestion): Fix | null {
  const { level1, level2, level3, description } = suggestion;
  return indicatorRowsFix(sheet, grid, [{ level1, level2, level3, description, value: '' }], { framework }).fix;
}
