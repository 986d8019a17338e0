// Issue counts of reports, free of the check engine: pages import this without the reader and rules.
import type { SheetReport } from './model';

export interface CheckSummary {
  errors: number;
  warnings: number;
  infos: number;
  /** No error and no warning. */
  clean: boolean;
}

export function summarize(reports: readonly SheetReport[]): CheckSummary {
  const summary = { errors: 0, warnings: 0, infos: 0 };
  for (const issue of reports.flatMap((r) => r.issues)) {
    if (issue.severity === 'error') summary.errors++;
    else if (issue.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return { ...summary, clean: summary.errors === 0 && summary.warnings === 0 };
}

/** One line for people: `2 个错误，3 个警告` or `未发现问题`. */
export function summaryText(summary: CheckSummary): string {
  if (summary.errors + summary.warnings + summary.infos === 0) return '未发现问题';
  const parts = [`${summary.errors} 个错误`, `${summary.warnings} 个警告`];
  if (summary.infos > 0) parts.push(`${summary.infos} 个提示`);
  return parts.join('，');
}
