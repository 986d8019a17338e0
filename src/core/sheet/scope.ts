/** Step 4, scope: which grid of a multi-year sheet is annual, which overall, and the goals each answers. */
import { SheetCells } from './cells';
import type { Found } from './cells';
import { labelScope } from './labels';
import type { GridScope } from './types';
import { GRID_SCOPE_LABEL_SET, headerFieldOf } from './knownLabels';
import { valueOf } from './headerFields';
import { ReadGrid } from './gridRows';

/** A label saying which grid follows: a goals label (with its text) or a grid name such as 年度绩效指标. */
export interface ScopeMark {
  scope: GridScope | null;
  /** The goals text of a goals label; null for a grid name. */
  goals: Found | null;
}

/** `年度绩效目标1（40分）` beside a grid of a 自评表: the grid's name (one of several annual grids), not goals. */
export const NUMBERED_ANNUAL_GRID = /^年度绩效目标\d+(?:（[^）]*）)?$/;

/** Goals labels and grid names in rows fromRow..header row, in reading order. */
export function scopeMarks(cells: SheetCells, fromRow: number, headerRow: number): ScopeMark[] {
  const marks: ScopeMark[] = [];
  for (const cell of cells.filled(fromRow, headerRow)) {
    const label = cell.label;
    if (headerFieldOf(label) === 'goals' && cell.row < headerRow) {
      marks.push({ scope: labelScope(label), goals: valueOf(cells, cell.row, cell.col, headerRow - 1, true) });
    } else if (NUMBERED_ANNUAL_GRID.test(label)) {
      marks.push({ scope: 'annual', goals: null });
    } else if (GRID_SCOPE_LABEL_SET.has(label)) {
      marks.push({ scope: labelScope(label), goals: null });
    }
  }
  return marks;
}

/**
 * A grid's stated scope: its own name (年度绩效指标) first; else the goals labels above it when they agree
 * (goals printed side by side for both grids say nothing about the one below).
 */
export function statedScope(marks: readonly ScopeMark[]): GridScope | null {
  const named = marks.filter((m) => m.goals === null && m.scope !== null);
  if (named.length > 0) return named[named.length - 1].scope;
  const scopes = new Set(marks.filter((m) => m.goals !== null && m.scope !== null).map((m) => m.scope));
  return scopes.size === 1 ? [...scopes][0] : null;
}

export interface ScopedGrid extends ReadGrid {
  scope: GridScope;
  goals: Found | null;
}

/**
 * Scopes and goals of two or more grids. Unstated scopes: overall when another grid is the annual one, else
 * the last unstated grid is annual (forms print 总体目标 before 年度目标). Goals: the nearest goals label
 * above the grid (after the previous grid) that fits its scope, else an unclaimed one of its scope anywhere above.
 */
export function scopeGrids(cells: SheetCells, grids: readonly ReadGrid[], fromRow: number): ScopedGrid[] {
  // Grids side by side share a header row: the labels above it speak for all of them.
  const firstOnRow = (i: number) => grids.findIndex((g) => g.header.row === grids[i].header.row);
  const own = grids.map((grid, i) => {
    const first = firstOnRow(i);
    return first === i ? scopeMarks(cells, first === 0 ? fromRow : grids[first - 1].nextRow, grid.header.row) : [];
  });
  // The same marks (not copies) for every grid on a row, so a goals label one of them claims is claimed for all.
  const marks = grids.map((_, i) => own[firstOnRow(i)]);
  const stated = marks.map((own, i) => grids[i].header.scope ?? statedScope(own));
  const annualStated = stated.includes('annual');
  const lastUnstated = stated.lastIndexOf(null);
  const scopes: GridScope[] = stated.map((scope, i) => scope ?? (!annualStated && i === lastUnstated ? 'annual' : 'overall'));
  const claimed = new Set<ScopeMark>();
  // Another year's column (2025年 beside the budget year's) answers no goals label: the head's goals are this year's.
  const fits = (mark: ScopeMark, scope: GridScope) => scope !== 'otherYear' && mark.goals !== null && !claimed.has(mark) && (mark.scope ?? scope) === scope;
  // Grids on one header row share the labels above it: an unscoped 绩效目标 there is the annual grid's first.
  const order = grids.map((_, i) => i).sort((a, b) => firstOnRow(a) - firstOnRow(b) || Number(scopes[a] !== 'annual') - Number(scopes[b] !== 'annual'));
  const goals: (ScopeMark | undefined)[] = [];
  for (const i of order) {
    const mark = [...marks[i]].reverse().find((m) => fits(m, scopes[i]));
    if (mark) claimed.add(mark);
    goals[i] = mark;
  }
  order.forEach((i) => {
    const scope = scopes[i];
    if (goals[i]) return;
    const above = marks.slice(0, i + 1).flat();
    const mark = above.find((m) => fits(m, scope) && m.scope === scope) ?? above.find((m) => fits(m, scope));
    if (mark) claimed.add(mark);
    goals[i] = mark;
  });
  return grids.map((grid, i) => ({ ...grid, scope: scopes[i], goals: goals[i]?.goals ?? null }));
}
