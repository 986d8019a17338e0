// "Untouched is not wrong" (issue 24): a form nobody has typed into yet — a blank form just inserted — is
// waiting to be filled in, not full of errors; so is a block of a form being filled in (the whole 效益指标
// block, its printed rows still empty) while the clerk works on the rows above it. The rules' verdicts do
// not change (the CLI and the checker still report every empty required cell); a report only says what is
// untouched, and a surface that checks as the clerk types (the task pane, its live marks) holds the
// empty-cell issues there back as 待填写 until the clerk starts filling them in or asks for 全部检查.
import type { Issue, SheetReport } from './model';
import type { SheetTable } from './sheet/types';

/** No header field and no indicator row (of any grid) has anything typed in it. */
export function isUntouched(sheet: SheetTable): boolean {
  const { table } = sheet;
  const header = [table.projectName, table.goals, table.purpose];
  const { total, fiscal, other } = table.budget;
  const grids = [table.indicators, ...(sheet.otherGrids ?? []).map((grid) => grid.indicators)];
  return (
    header.every((text) => !text.trim()) &&
    [total, fiscal, other].every((amount) => amount === null) &&
    !sheet.amountProblems &&
    (sheet.otherGrids ?? []).every((grid) => !grid.goals.trim()) &&
    grids.every((rows) => rows.every((row) => !row.level3.trim() && !row.value.trim()))
  );
}

/** Rules whose findings on an untouched form are empty cells to fill (a missing 栏目 has no cell). */
const FILL_CODES = new Set(['missing-field', 'missing-value']);

/** Whether every cell of an issue lies in one of the report's untouched blocks. */
const inUntouchedBlock = (report: SheetReport, issue: Issue): boolean =>
  issue.cells.every((cell) => (report.untouchedBlocks ?? []).some((block) => block.cells.includes(cell)));

/**
 * The issues of an untouched form, or of an untouched block of a form being filled in, that only say a cell
 * is still empty: 待填写, not 错误, while typing.
 */
export function isWaitingToFill(report: SheetReport, issue: Issue): boolean {
  return FILL_CODES.has(issue.code) && issue.cells.length > 0 && (report.untouched === true || inUntouchedBlock(report, issue));
}

/** A report as the pane shows it: an untouched form's empty cells apart, as `waiting` (待填写). */
export type PresentedReport = SheetReport & { waiting?: Issue[] };

/** The report as a live check presents it: the empty cells of an untouched form or block apart, as `waiting`. */
export function deferWaiting(report: SheetReport): PresentedReport {
  if (!report.untouched && !report.untouchedBlocks) return report;
  const waiting = report.issues.filter((issue) => isWaitingToFill(report, issue));
  if (waiting.length === 0) return report;
  return { ...report, issues: report.issues.filter((issue) => !waiting.includes(issue)), waiting };
}

/** How many cells the reports hold back as 待填写. */
export const waitingCount = (reports: readonly PresentedReport[]): number => reports.reduce((sum, report) => sum + (report.waiting?.length ?? 0), 0);
