// The Fix that puts a suggested indicator into a sheet: into an empty slot of its 二级 when a blank form has
// one, else a new row (src/core/fixes/indicatorRows.ts, the fix the dimension and template rules use too).
import { findLevel1, findLevel2 } from '../frameworks';
import type { Framework } from '../frameworks';
import type { Fix, FixStep, Suggestion } from '../model';
import type { LocatedRow, ScopedGrid } from '../rules/helpers';
import { fromA1, toA1 } from '../sheet/address';
import type { IndicatorRowRefs, SheetTable } from '../sheet/types';

function sameDimension(framework: Framework, row: { level1: string; level2: string }, suggestion: Suggestion): boolean {
  const level1 = findLevel1(framework, row.level1);
  return level1?.name === suggestion.level1 && findLevel2(framework, level1.name, row.level2)?.name === suggestion.level2;
}

function sameLevel1(framework: Framework, row: { level1: string }, suggestion: Suggestion): boolean {
  return findLevel1(framework, row.level1)?.name === suggestion.level1;
}

/** A blank form's row for this 二级 with nothing typed in it yet (三级 and 指标值 empty). */
function emptySlot(grid: ScopedGrid, framework: Framework, suggestion: Suggestion): LocatedRow | null {
  return grid.rows.find(({ row }) => row.level3.trim() === '' && row.value.trim() === '' && sameDimension(framework, row, suggestion)) ?? null;
}

function slotFix(slot: LocatedRow, suggestion: Suggestion): Fix | null {
  const { level3, description, value } = slot.refs;
  if (!level3) return null;
  const steps: FixStep[] = [{ kind: 'setCell', cell: level3, value: suggestion.level3 }];
  if (description && suggestion.description) steps.push({ kind: 'setCell', cell: description, value: suggestion.description });
  return {
    description: `在 ${level3} 填入${suggestion.level2}「${suggestion.level3}」，指标值待填`,
    steps,
    select: [value],
  };
}

// --- Until src/core/fixes/indicatorRows.ts (fixcore) is merged: the same contract, kept minimal. ---

function sheetRowOf(refs: IndicatorRowRefs): number {
  return [refs.level1, refs.level2, refs.level3, refs.description, refs.value, refs.unit].reduce((max, a) => (a ? Math.max(max, fromA1(a).row) : max), -1);
}

function newRowFix(grid: ScopedGrid, framework: Framework, suggestion: Suggestion): Fix | null {
  const last = (rows: LocatedRow[]) => rows.reduce<LocatedRow | null>((a, b) => (a && sheetRowOf(a.refs) >= sheetRowOf(b.refs) ? a : b), null);
  const anchor =
    last(grid.rows.filter(({ row }) => sameDimension(framework, row, suggestion))) ??
    last(grid.rows.filter(({ row }) => sameLevel1(framework, row, suggestion))) ??
    last(grid.rows);
  if (!anchor || !anchor.refs.level3) return null;
  const at = sheetRowOf(anchor.refs) + 1;
  const col = (address: string | null) => (address ? fromA1(address).col : null);
  const steps: FixStep[] = [{ kind: 'insertRows', before: at + 1, count: 1, formatFrom: at }];
  const put = (column: number | null, value: string) => {
    if (column !== null && value !== '') steps.push({ kind: 'setCell', cell: toA1(at, column), value });
  };
  const level1Col = col(anchor.refs.level1);
  if (level1Col !== col(anchor.refs.level2)) put(level1Col, suggestion.level1);
  put(col(anchor.refs.level2), suggestion.level2);
  put(col(anchor.refs.level3), suggestion.level3);
  put(col(anchor.refs.description), suggestion.description);
  const valueCol = col(anchor.refs.value);
  if (valueCol === null) return null;
  return {
    description: `在第 ${at} 行后插入 1 行指标：${suggestion.level1}›${suggestion.level2}「${suggestion.level3}」，指标值待填`,
    steps,
    select: [toA1(at, valueCol)],
  };
}

// ---

/** The fix that adds `suggestion` to `grid` of `sheet`, or null when the grid shows no place for it. */
export function suggestionFix(_sheet: SheetTable, grid: ScopedGrid, framework: Framework, suggestion: Suggestion): Fix | null {
  const slot = emptySlot(grid, framework, suggestion);
  return (slot ? slotFix(slot, suggestion) : null) ?? newRowFix(grid, framework, suggestion);
}
