// "Untouched is not wrong" (issue 24): a form nobody has typed into yet — a blank form just inserted — is
// waiting to be filled in, not full of errors; so is a block of a form being filled in (the whole 效益指标
// block, its printed rows still empty) while the clerk works on the rows above it. The rules' verdicts do
// not change (the CLI and the checker still report every empty required cell); a report only says what is
// untouched (a whole form, a table of a sheet holding several, a 一级 block; found in core/untouchedBlocks.ts),
// and a surface that checks as the clerk types (the task pane, its live marks) holds the
// empty-cell issues there back as 待填写 until the clerk starts filling them in or asks for 全部检查.
import type { Issue, SheetReport } from './model';

/** Rules whose findings on an untouched form are empty cells to fill (a missing 栏目 has no cell). */
const FILL_CODES = new Set(['missing-field', 'missing-value']);

/** An issue that only says a cell is still empty (the cells an untouched form or block waits for). */
export const isFillIssue = (issue: Issue): boolean => FILL_CODES.has(issue.code) && issue.cells.length > 0;

/** Whether every cell of an issue lies in one of the report's untouched blocks. */
const inUntouchedBlock = (report: SheetReport, issue: Issue): boolean =>
  issue.cells.every((cell) => (report.untouchedBlocks ?? []).some((block) => block.cells.includes(cell)));

/**
 * The issues of an untouched form, or of an untouched block of a form being filled in, that only say a cell
 * is still empty: 待填写, not 错误, while typing.
 */
export function isWaitingToFill(report: SheetReport, issue: Issue): boolean {
  return isFillIssue(issue) && (report.untouched === true || inUntouchedBlock(report, issue));
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
