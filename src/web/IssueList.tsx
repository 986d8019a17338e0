// The issue list shared by the task pane (live, cells selectable in Excel) and the checker page
// (read-only, one list per file): grouped by sheet, then by severity. A long list can be narrowed to
// errors only, and each sheet folds away once it has been dealt with.
import * as React from 'react';
import { Badge, Button, Caption1, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { MARK_STYLES } from '../core/marks';
import type { Issue, Severity, SheetReport } from '../core/model';
import { summarize } from '../core/summary';
import type { PresentedReport } from '../core/untouched';
import { KeepAmounts } from './KeepTogether';
import { RuleExplanation } from './RuleExplanation';

/** Most severe first: the order the groups are listed in. */
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const BADGE_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

const useStyles = makeStyles({
  sheet: { marginBottom: tokens.spacingVerticalL },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalS },
  sheetHeading: {
    display: 'flex',
    alignItems: 'baseline',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    margin: `0 0 ${tokens.spacingVerticalXS} 0`,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  // The fold button carries the sheet name: it is the heading's text, wraps when long, stays left-aligned.
  sheetToggle: { minWidth: 0, padding: 0, fontSize: 'inherit', fontWeight: 'inherit', textAlign: 'left', justifyContent: 'flex-start', overflowWrap: 'anywhere' },
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
  hidden: { color: tokens.colorNeutralForeground3, display: 'block', marginBottom: tokens.spacingVerticalS },
  protectedNote: { display: 'block', color: tokens.colorNeutralForeground2, marginBottom: tokens.spacingVerticalXS },
  // Read by screen readers, not shown: the severity the border colour shows.
  srOnly: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
  cleanToggle: { minWidth: 0, padding: 0, fontWeight: tokens.fontWeightSemibold, justifyContent: 'flex-start', textAlign: 'left' },
  cleanList: { listStyleType: 'none', margin: `${tokens.spacingVerticalXS} 0 0 0`, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  cleanItem: { overflowWrap: 'anywhere' },
  waiting: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground2 },
});

/**
 * Why a sheet's cells do not show its issues; shown under the sheet's title, folded or not. Marks made
 * before the sheet was protected stay as they were: Excel refuses to change them, 清除标记 included.
 */
const PROTECTED_NOTE = '工作表受保护：问题只在此列出，单元格中的标记不会更新，也无法清除。';

export interface IssueListProps {
  /** An untouched form's empty cells come as `waiting` (the pane's live list): one neutral line, 待填写 N 项. */
  reports: PresentedReport[];
  /** When given, every issue with a cell becomes a button that selects it (task pane). */
  onSelectCell?: (sheet: string, address: string) => void;
  /** Heading level of the sheet headings, so the list nests under the page's own headings. */
  headingLevel?: 2 | 3 | 4;
  /** Controls shown under an issue (the task pane's 修正, the link from a goal issue to its suggestions). */
  issueActions?: (sheet: string, issue: Issue) => React.ReactNode;
  /** Controls shown under a sheet's heading (the task pane's 全部修正). */
  sheetActions?: (report: SheetReport) => React.ReactNode;
  /** Said on a sheet's heading after its name (the task pane's framework of the sheet). */
  sheetNote?: (report: SheetReport) => React.ReactNode;
}

/** Sheets with errors first, then with warnings, then hints only: what needs work is at the top. */
function worstFirst<T extends SheetReport>(reports: readonly T[]): T[] {
  const rank = (report: SheetReport): number => {
    const worst = SEVERITIES.findIndex((severity) => report.issues.some((issue) => issue.severity === severity));
    return worst === -1 ? SEVERITIES.length : worst;
  };
  // Array.prototype.sort is stable: within a rank, the workbook's order stays.
  return [...reports].sort((a, b) => rank(a) - rank(b));
}

/** A sheet with hints only starts folded; the user's toggles are kept as exceptions to that. */
const foldsByDefault = (report: SheetReport): boolean => report.issues.length > 0 && report.issues.every((issue) => issue.severity === 'info');

/** Every cell the issue concerns, named (`单元格 E18、B5`): 「E18 等 2 个单元格」 left the clerk guessing the other. */
function cellLabel(issue: Issue): string {
  if (issue.cells.length === 0) return '整张表';
  return `单元格 ${issue.cells.join('、')}`;
}

function IssueItem({ sheet, issue, place, onSelectCell, actions }: { sheet: string; issue: Issue; place: number; onSelectCell?: IssueListProps['onSelectCell']; actions?: React.ReactNode }): React.JSX.Element {
  const styles = useStyles();
  const target = issue.cells[0];
  // The visible text is the accessible name (no aria-label that would differ from it), the severity
  // in front for screen readers.
  const body = (
    <>
      <span className={styles.srOnly}>{MARK_STYLES[issue.severity].label}：</span>
      <span className={styles.message} data-role="message">
        <KeepAmounts text={issue.message} />
      </span>
      <span className={styles.meta}>
        <Caption1 data-role="cell">{cellLabel(issue)}</Caption1>
      </span>
    </>
  );
  const data = { 'data-code': issue.code, 'data-severity': issue.severity, 'data-cell': target ?? '', 'data-sheet': sheet, 'data-place': place };
  const accent = { borderLeftColor: MARK_STYLES[issue.severity].border };
  if (onSelectCell && target) {
    return (
      <li>
        <button
          type="button"
          className={`${styles.item} ${styles.clickable}`}
          style={accent}
          onClick={() => onSelectCell(sheet, target)}
          {...data}
        >
          {body}
        </button>
        <RuleExplanation code={issue.code}>{actions}</RuleExplanation>
      </li>
    );
  }
  return (
    <li className={styles.item} style={accent} {...data}>
      {body}
      <RuleExplanation code={issue.code}>{actions}</RuleExplanation>
    </li>
  );
}

/** The untouched parts of a form being filled in, or of a sheet of several tables (「效益指标」, 第 2 张表、「X」的「效益指标」). */
function untouchedNames(report: SheetReport): string {
  const blocks = report.untouchedBlocks ?? [];
  const name = ({ level1, table }: (typeof blocks)[number]): string => (level1 === undefined ? (table ?? '') : `${table ? `${table}的` : ''}「${level1}」`);
  return blocks.map(name).join(blocks.some((block) => block.table) ? '、' : '');
}

/** An untouched form: what is waiting to be typed, in neutral words, and where to start. */
function WaitingNote({ report, waiting, onSelectCell }: { report: SheetReport; waiting: Issue[]; onSelectCell?: IssueListProps['onSelectCell'] }): React.JSX.Element {
  const styles = useStyles();
  const first = waiting[0]?.cells[0];
  return (
    <div className={styles.waiting} data-role="waiting">
      <Caption1>
        {report.untouched
          ? '这张表还没有填写：项目名称、预算数、绩效目标和各指标行的三级指标、指标值待填写。开始填写后，仍空着的必填项列为错误；点“全部检查”也会列出。'
          : `${untouchedNames(report)}还没有开始填写。开始填写后，其中仍空着的必填项列为错误；点“全部检查”也会列出。`}
      </Caption1>
      {onSelectCell && first && (
        <Button size="small" appearance="subtle" onClick={() => onSelectCell(report.sheet, first)} data-role="start-filling">
          从 {first} 开始填写
        </Button>
      )}
    </div>
  );
}

function Heading({ level, className, children }: { level: number; className: string; children: React.ReactNode }): React.JSX.Element {
  const Tag = `h${Math.min(level, 6)}` as 'h2' | 'h3' | 'h4' | 'h5';
  return <Tag className={className}>{children}</Tag>;
}

/** What a surface asks of the list (the task pane, after 修正). */
export interface IssueListHandle {
  /**
   * Focuses the issue at `place` in the list's order (`data-place`; the last issue when there are fewer),
   * unfolding its sheet if folded; false when the list shows no issue.
   */
  focusIssue: (place: number) => boolean;
}

export const IssueList = React.forwardRef<IssueListHandle, IssueListProps>(function IssueList({ reports, onSelectCell, headingLevel = 3, issueActions, sheetActions, sheetNote }, ref): React.JSX.Element | null {
  const styles = useStyles();
  const [onlyErrorsPicked, setOnlyErrors] = React.useState(false);
  const listRef = React.useRef<HTMLDivElement>(null);
  // Sheets the user folded (true) or unfolded (false), by name, so a live re-check keeps them; the others
  // follow their default (folded while they have hints only).
  const [folded, setFolded] = React.useState<ReadonlyMap<string, boolean>>(new Map());
  const [cleanOpen, setCleanOpen] = React.useState(false);
  const baseId = React.useId();
  // The place of the issue to focus once the list has rendered (after unfolding its sheet).
  const [focusPlace, setFocusPlace] = React.useState<number | null>(null);
  React.useEffect(() => {
    if (focusPlace === null) return;
    listRef.current?.querySelector<HTMLElement>(`[data-severity][data-place="${focusPlace}"]`)?.focus();
    setFocusPlace(null);
  }, [focusPlace]);
  const total = summarize(reports);
  // With no error left (a re-check after a fix), 只看错误 is gone and the whole list shows again.
  const onlyErrors = onlyErrorsPicked && total.errors > 0;
  // Sheets with nothing to say fold into one line; a protected one stays listed for its note.
  const isClean = (report: PresentedReport): boolean => report.issues.length === 0 && !report.waiting && report.marks !== 'skipped-protected';
  const clean = reports.filter(isClean);
  const listed = worstFirst(reports.filter((report) => !isClean(report)));
  const shown = onlyErrors ? listed.filter((report) => report.issues.some((issue) => issue.severity === 'error')) : listed;
  const isFoldedSheet = (report: SheetReport): boolean => folded.get(report.sheet) ?? foldsByDefault(report);
  const toggle = (report: SheetReport): void => setFolded((current) => new Map(current).set(report.sheet, !isFoldedSheet(report)));
  const allFolded = shown.length > 0 && shown.every(isFoldedSheet);
  const severities = onlyErrors ? SEVERITIES.filter((severity) => severity === 'error') : SEVERITIES;
  // Each sheet's issues in the order listed (by severity), and the place of its first one in the whole list,
  // folded sheets counted: a place names an issue whether its sheet is folded or not.
  const groups = shown.map((report) =>
    severities.map((severity) => ({ severity, issues: report.issues.filter((issue) => issue.severity === severity) })).filter((group) => group.issues.length > 0),
  );
  const counted = groups.map((sheet) => sheet.reduce((sum, group) => sum + group.issues.length, 0));
  const firstPlace = counted.map((_, i) => counted.slice(0, i).reduce((sum, n) => sum + n, 0));
  const places = counted.reduce((sum, n) => sum + n, 0);
  const focusIssue = (place: number): boolean => {
    if (places === 0) return false;
    const at = Math.max(0, Math.min(place, places - 1));
    const sheet = shown.findIndex((_, i) => at < firstPlace[i] + counted[i]);
    // Unfolded as the user would: kept open over later re-checks.
    if (isFoldedSheet(shown[sheet])) setFolded((current) => new Map(current).set(shown[sheet].sheet, false));
    setFocusPlace(at);
    return true;
  };
  React.useImperativeHandle(ref, () => ({ focusIssue }));
  // Nothing to list: the StatusLine shown with every list already says 未找到绩效目标表.
  if (reports.length === 0) return null;
  const firstError = shown.findIndex((report) => report.issues.some((issue) => issue.severity === 'error'));
  /** Unfolds the first sheet with an error and moves focus to its first error (errors come first in a sheet). */
  const jumpToFirstError = (): void => {
    if (firstError >= 0) focusIssue(firstPlace[firstError]);
  };
  return (
    <div data-role="issue-list" ref={listRef}>
      {total.errors + total.warnings + total.infos > 0 && (
        <div className={styles.toolbar} data-role="severity-counts">
          {total.errors > 0 ? (
            <Button appearance="transparent" size="small" className={styles.cleanToggle} onClick={jumpToFirstError} data-role="jump-first-error">
              {total.errors} 个错误（转到第一个）
            </Button>
          ) : (
            <Caption1>没有错误</Caption1>
          )}
          <Caption1>
            {total.warnings} 个警告 · {total.infos} 个提示
          </Caption1>
        </div>
      )}
      {total.errors + total.warnings + total.infos > 0 && (
        <div className={styles.toolbar}>
          {/* 只看错误（0） would show an empty list: offered only when there is an error to show. */}
          {total.errors > 0 && <Switch
            checked={onlyErrors}
            onChange={(_, data) => setOnlyErrors(data.checked)}
            label={`只看错误（${total.errors}）`}
            data-role="only-errors"
          />}
          {listed.length > 1 && (
            <Button
              appearance="subtle"
              size="small"
              onClick={() => setFolded(new Map(shown.map((report) => [report.sheet, !allFolded])))}
              data-role="fold-all"
            >
              {allFolded ? '全部展开' : '全部折叠'}
            </Button>
          )}
        </div>
      )}
      {onlyErrors && shown.length < reports.length && (
        <Caption1 className={styles.hidden} data-role="hidden-sheets">
          {shown.length === 0 ? '所有工作表都没有错误。' : `另有 ${reports.length - shown.length} 张工作表没有错误，已隐藏。`}
        </Caption1>
      )}
      {shown.map((report, reportIndex) => {
        const counts = summarize([report]);
        const bySeverity = groups[reportIndex];
        // Places run on through the sheet's groups.
        let place = firstPlace[reportIndex];
        const isFolded = isFoldedSheet(report);
        const panelId = `${baseId}-sheet-${reportIndex}`;
        const hasIssues = report.issues.length > 0;
        return (
          // No accessible name: two files with the same sheet names would repeat region names; the heading names it.
          <section key={report.sheet} className={styles.sheet} data-sheet={report.sheet} data-folded={isFolded} data-first-place={counted[reportIndex] > 0 ? place : undefined}>
            <Heading level={headingLevel} className={styles.sheetHeading}>
              {hasIssues ? (
                <Button
                  appearance="transparent"
                  className={styles.sheetToggle}
                  icon={isFolded ? <ChevronRightRegular /> : <ChevronDownRegular />}
                  aria-expanded={!isFolded}
                  aria-controls={panelId}
                  onClick={() => toggle(report)}
                  data-role="sheet-toggle"
                >
                  {report.sheet}
                </Button>
              ) : (
                <span>{report.sheet}</span>
              )}
              {counts.errors > 0 && <Badge color="danger" appearance="filled">{counts.errors} 个错误</Badge>}
              {counts.warnings > 0 && <Badge color="warning" appearance="filled">{counts.warnings} 个警告</Badge>}
              {counts.infos > 0 && <Badge color="informative" appearance="tint">{counts.infos} 个提示</Badge>}
              {report.waiting && (
                <Badge color="subtle" appearance="tint" data-role="waiting-count">
                  待填写 {report.waiting.length} 项
                </Badge>
              )}
              {!hasIssues && !report.waiting && <Badge color="success" appearance="tint">无问题</Badge>}
              {sheetNote?.(report)}
            </Heading>
            {sheetActions?.(report)}
            {report.waiting && <WaitingNote report={report} waiting={report.waiting} onSelectCell={onSelectCell} />}
            {report.marks === 'skipped-protected' && (
              <Caption1 className={styles.protectedNote} data-role="protected-note">
                {PROTECTED_NOTE}
              </Caption1>
            )}
            {!isFolded && (
              <div id={panelId}>
                {report.projectName && report.projectName !== report.sheet && <Caption1>{report.projectName}</Caption1>}
                {bySeverity.map((group) => (
                    <div key={group.severity}>
                      <Heading level={headingLevel + 1} className={styles.severityHeading}>
                        <Badge color={BADGE_COLOR[group.severity]} appearance="outline" size="small">
                          {MARK_STYLES[group.severity].label}
                        </Badge>{' '}
                        {group.issues.length} 项
                      </Heading>
                      <ul className={styles.list} aria-label={`${report.sheet} 的${MARK_STYLES[group.severity].label}`}>
                        {group.issues.map((issue, index) => (
                          <IssueItem key={`${issue.code}-${index}`} sheet={report.sheet} issue={issue} place={place++} onSelectCell={onSelectCell} actions={issueActions?.(report.sheet, issue)} />
                        ))}
                      </ul>
                    </div>
                  ))}
              </div>
            )}
          </section>
        );
      })}
      {!onlyErrors && clean.length > 0 && (
        <div className={styles.sheet} data-role="clean-sheets" data-count={clean.length}>
          <Button
            appearance="transparent"
            className={styles.cleanToggle}
            icon={cleanOpen ? <ChevronDownRegular /> : <ChevronRightRegular />}
            aria-expanded={cleanOpen}
            aria-controls={`${baseId}-clean`}
            onClick={() => setCleanOpen((open) => !open)}
            data-role="clean-toggle"
          >
            {clean.length} 张表无问题
          </Button>
          {cleanOpen && (
            <ul className={styles.cleanList} id={`${baseId}-clean`} aria-label="无问题的工作表">
              {clean.map((report) => (
                <li key={report.sheet} className={styles.cleanItem} data-clean-sheet={report.sheet}>
                  {report.sheet}
                  {report.projectName && report.projectName !== report.sheet && <Caption1>（{report.projectName}）</Caption1>}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
});
