import type { Issue, Severity, SheetReport } from './model';
import { ruleTitle } from './rules';

/** How a problem cell is marked, by severity: the same look in Excel and in a marked .xlsx copy. */
export const MARK_STYLES: Record<Severity, { fill: string; border: string; label: string }> = {
  error: { fill: '#FDE7E9', border: '#C50F1F', label: '错误' },
  warning: { fill: '#FFF4CE', border: '#BC4B09', label: '警告' },
  info: { fill: '#EBF3FC', border: '#0F6CBD', label: '提示' },
};

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface CellMark {
  address: string;
  /** The most severe issue at this cell decides the look. */
  severity: Severity;
  /** Every issue at this cell as its note line (issueNoteLine), most severe first, one per line. */
  message: string;
}

/**
 * One issue as a line of its cell's note, in Excel and in a marked copy alike: severity, message, and the
 * rule's title last, so a reader of the file can look the rule up (jixiao rules, docs/rules).
 */
export function issueNoteLine(issue: Issue): string {
  return `【${MARK_STYLES[issue.severity].label}】${issue.message}（规则：${ruleTitle(issue.code)}）`;
}

/** One mark per cell of a sheet report: issues sharing a cell are merged. */
export function marksForReport(report: SheetReport): CellMark[] {
  const byCell = new Map<string, { severity: Severity; messages: { severity: Severity; text: string }[] }>();
  for (const issue of report.issues) {
    for (const address of issue.cells) {
      const entry = byCell.get(address) ?? { severity: issue.severity, messages: [] };
      if (compareSeverity(issue.severity, entry.severity) < 0) entry.severity = issue.severity;
      entry.messages.push({ severity: issue.severity, text: issueNoteLine(issue) });
      byCell.set(address, entry);
    }
  }
  return [...byCell.entries()].map(([address, entry]) => ({
    address,
    severity: entry.severity,
    message: entry.messages
      .sort((a, b) => compareSeverity(a.severity, b.severity))
      .map((m) => m.text)
      .join('\n'),
  }));
}

/** Negative when `a` is more severe than `b`: sorts error, warning, info. */
export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITY_RANK[a] - SEVERITY_RANK[b];
}
