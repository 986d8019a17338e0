// Shared by the fix tests: check a grid, apply one issue's fix, check again, and say what changed.
import { checkGridTables, type CheckOptions } from '../../../src/core/check';
import { applyFixToGrid } from '../../../src/core/fixes';
import type { Issue, RuleCode } from '../../../src/core/model';
import type { CellGrid } from '../../../src/core/sheet/types';

export interface Found extends Issue {
  projectName: string;
}

/** Every issue of every table on the grid, with its table's project. */
export function issuesOf(grid: CellGrid, options: CheckOptions = {}): Found[] {
  return checkGridTables(grid, options).flatMap((report) => report.issues.map((issue) => ({ ...issue, projectName: report.projectName })));
}

/** What identifies an issue across a fix that moves rows: its table, code and message (not its cells). */
export const keyOf = (issue: Found) => `${issue.projectName}|${issue.code}|${issue.message}`;

export interface RoundTrip {
  issue: Found;
  fixed: CellGrid;
  after: Found[];
  /** Issues after the fix that were not there before. */
  added: Found[];
  /**
   * Whether the fixed issue is still reported: as many issues with its table, code and message as before
   * (two grids named alike may each report the same message; the fix clears one).
   */
  stillThere: boolean;
}

/** Applies the fix of `issue` (one of `before`) to the grid and checks again. */
export function applyAndRecheck(grid: CellGrid, before: Found[], issue: Found, options: CheckOptions = {}): RoundTrip {
  if (!issue.fix) throw new Error(`${issue.code} 没有修正：${issue.message}`);
  const fixed = applyFixToGrid(grid, issue.fix);
  const after = issuesOf(fixed, options);
  const known = new Set(before.map(keyOf));
  const count = (list: Found[]) => list.filter((i) => keyOf(i) === keyOf(issue)).length;
  return { issue, fixed, after, added: after.filter((i) => !known.has(keyOf(i))), stillThere: count(after) >= count(before) };
}

/** The one issue of a code (optionally whose message contains `text`); throws unless there is exactly one. */
export function only(issues: Found[], code: RuleCode, text = ''): Found {
  const matching = issues.filter((i) => i.code === code && i.message.includes(text));
  if (matching.length !== 1) throw new Error(`应有 1 个 ${code}${text ? `（${text}）` : ''}，实有 ${matching.length} 个：${issues.map((i) => `${i.code} ${i.message}`).join('\n')}`);
  return matching[0];
}

/** A value cell's text after a fix. */
export function textAt(grid: CellGrid, address: string): string {
  const match = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const value = grid.values[Number(match[2]) - 1 - grid.top]?.[col - grid.left];
  return value === null || value === undefined ? '' : String(value);
}
