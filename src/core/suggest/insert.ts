// The Fix that puts a suggested indicator into a sheet. A form not filled in yet (every printed row empty)
// takes it in its printed row of that 二级; otherwise indicatorRowsFix (src/core/fixes) fills an unused slot
// of that 二级 or inserts a row, as it does for the dimension and template rules.
import { findLevel1, findLevel2 } from '../frameworks';
import type { Framework } from '../frameworks';
import { indicatorRowsFix } from '../fixes';
import type { Fix, FixStep, Suggestion } from '../model';
import type { LocatedRow, ScopedGrid } from '../rules/helpers';
import { fromA1 } from '../sheet/address';
import type { SheetTable } from '../sheet/types';

function isEmpty({ row }: LocatedRow): boolean {
  return row.level3.trim() === '' && row.value.trim() === '';
}

function sameDimension(framework: Framework, { row }: LocatedRow, suggestion: Suggestion): boolean {
  const level1 = findLevel1(framework, row.level1);
  return level1?.name === suggestion.level1 && findLevel2(framework, level1.name, row.level2)?.name === suggestion.level2;
}

/**
 * On a blank form every printed row reads as an (empty) indicator, and indicatorRowsFix asks for the form to
 * be filled first: a suggestion is how it gets filled, so it goes into the printed row of its 二级.
 */
function printedRowFix(grid: ScopedGrid, framework: Framework, suggestion: Suggestion): Fix | null {
  if (grid.rows.length === 0 || !grid.rows.every(isEmpty)) return null;
  const printed = grid.rows.find((located) => sameDimension(framework, located, suggestion));
  if (!printed?.refs.level3) return null;
  const { level3, description, value } = printed.refs;
  const steps: FixStep[] = [{ kind: 'setCell', cell: level3, value: suggestion.level3 }];
  if (description && suggestion.description) steps.push({ kind: 'setCell', cell: description, value: suggestion.description });
  return {
    description: `在第 ${fromA1(level3).row + 1} 行（表中空着的「${suggestion.level2}」行）填写指标：${suggestion.level1}›${suggestion.level2}「${suggestion.level3}」，指标值待填`,
    steps,
    select: [value],
  };
}

/** The fix that adds `suggestion` to `grid` of `sheet`, or null when the grid shows no place for it. */
export function suggestionFix(sheet: SheetTable, grid: ScopedGrid, framework: Framework, suggestion: Suggestion): Fix | null {
  if (grid.rows.length > 0 && grid.rows.every(isEmpty)) return printedRowFix(grid, framework, suggestion);
  const { level1, level2, level3, description } = suggestion;
  return indicatorRowsFix(sheet, grid, [{ level1, level2, level3, description, value: '' }], { framework }).fix;
}
