// The issue list shared by the task pane (live, cells selectable in Excel) and the checker page
// (read-only, one list per file): grouped by sheet, then by severity.
import * as React from 'react';
import { Badge, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { MARK_STYLES, compareSeverity } from '../core/marks';
import type { Issue, Severity, SheetReport } from '../core/model';
import { summarize } from '../core/check';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const BADGE_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

const useStyles = makeStyles({
  sheet: { marginBottom: tokens.spacingVerticalL },
  sheetHeading: {
    display: 'flex',
    alignItems: 'baseline',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    margin: `0 0 ${tokens.spacingVerticalXS} 0`,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  severityHeading: {
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS} 0`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  item: {
    display: 'block',
    width: '100%',
    boxSizing: 'border-box',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    marginBottom: tokens.spacingVerticalXXS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: '4px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    font: 'inherit',
    color: tokens.colorNeutralForeground1,
  },
  clickable: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  message: { display: 'block', lineHeight: tokens.lineHeightBase300, overflowWrap: 'anywhere' },
  meta: { display: 'flex', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground3 },
  empty: { color: tokens.colorNeutralForeground3 },
});

export interface IssueListProps {
  reports: SheetReport[];
  /** When given, every issue with a cell becomes a button that selects it (task pane). */
  onSelectCell?: (sheet: string, address: string) => void;
  /** Heading level of the sheet headings, so the list nests under the page's own headings. */
  headingLevel?: 2 | 3 | 4;
}

function cellLabel(issue: Issue): string {
  if (issue.cells.length === 0) return '整张表';
  const more = issue.cells.length > 1 ? ` 等 ${issue.cells.length} 个单元格` : '';
  return `单元格 ${issue.cells[0]}${more}`;
}

function IssueItem({ sheet, issue, onSelectCell }: { sheet: string; issue: Issue; onSelectCell?: IssueListProps['onSelectCell'] }): React.JSX.Element {
  const styles = useStyles();
  const target = issue.cells[0];
  const body = (
    <>
      <span className={styles.message}>{issue.message}</span>
      <span className={styles.meta}>
        <Caption1 data-role="cell">{cellLabel(issue)}</Caption1>
        <Caption1>{issue.code}</Caption1>
      </span>
    </>
  );
  const data = { 'data-code': issue.code, 'data-severity': issue.severity, 'data-cell': target ?? '', 'data-sheet': sheet };
  const accent = { borderLeftColor: MARK_STYLES[issue.severity].border };
  if (onSelectCell && target) {
    return (
      <li>
        <button
          type="button"
          className={`${styles.item} ${styles.clickable}`}
          style={accent}
          onClick={() => onSelectCell(sheet, target)}
          aria-label={`${MARK_STYLES[issue.severity].label}：${issue.message}（${sheet} ${cellLabel(issue)}，按 Enter 定位）`}
          {...data}
        >
          {body}
        </button>
      </li>
    );
  }
  return (
    <li className={styles.item} style={accent} {...data}>
      {body}
    </li>
  );
}

function Heading({ level, className, children }: { level: number; className: string; children: React.ReactNode }): React.JSX.Element {
  const Tag = `h${Math.min(level, 6)}` as 'h2' | 'h3' | 'h4' | 'h5';
  return <Tag className={className}>{children}</Tag>;
}

export function IssueList({ reports, onSelectCell, headingLevel = 3 }: IssueListProps): React.JSX.Element {
  const styles = useStyles();
  if (reports.length === 0) {
    return <Text className={styles.empty}>没有找到绩效目标表工作表。</Text>;
  }
  return (
    <div data-role="issue-list">
      {reports.map((report) => {
        const counts = summarize([report]);
        const bySeverity = SEVERITIES.map((severity) => ({
          severity,
          issues: report.issues.filter((issue) => issue.severity === severity),
        })).filter((group) => group.issues.length > 0);
        return (
          <section key={report.sheet} className={styles.sheet} data-sheet={report.sheet} aria-label={`工作表 ${report.sheet}`}>
            <Heading level={headingLevel} className={styles.sheetHeading}>
              <span>{report.sheet}</span>
              {counts.errors > 0 && <Badge color="danger" appearance="filled">{counts.errors} 个错误</Badge>}
              {counts.warnings > 0 && <Badge color="warning" appearance="filled">{counts.warnings} 个警告</Badge>}
              {counts.infos > 0 && <Badge color="informative" appearance="tint">{counts.infos} 个提示</Badge>}
              {report.issues.length === 0 && <Badge color="success" appearance="tint">无问题</Badge>}
            </Heading>
            {report.projectName && report.projectName !== report.sheet && <Caption1>{report.projectName}</Caption1>}
            {bySeverity
              .sort((a, b) => compareSeverity(a.severity, b.severity))
              .map((group) => (
                <div key={group.severity}>
                  <Heading level={headingLevel + 1} className={styles.severityHeading}>
                    <Badge color={BADGE_COLOR[group.severity]} appearance="outline" size="small">
                      {MARK_STYLES[group.severity].label}
                    </Badge>{' '}
                    {group.issues.length} 项
                  </Heading>
                  <ul className={styles.list} aria-label={`${report.sheet} 的${MARK_STYLES[group.severity].label}`}>
                    {group.issues.map((issue, index) => (
                      <IssueItem key={`${issue.code}-${index}`} sheet={report.sheet} issue={issue} onSelectCell={onSelectCell} />
                    ))}
                  </ul>
                </div>
              ))}
          </section>
        );
      })}
    </div>
  );
}
