// 检查: the live issue list; click or Enter on an issue selects its cell in Excel.
import * as React from 'react';
import { Button, Caption1, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular, EraserRegular } from '@fluentui/react-icons';
import type { Issue, SheetReport } from '../core/model';
import { FixAllButton, FixButton } from '../web/FixButton';
import type { ApplyFixes } from '../web/FixButton';
import { IssueList } from '../web/IssueList';
import { StatusLine } from '../web/StatusLine';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  empty: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalS },
});

export interface CheckTabProps {
  /** null until the first check has reported. */
  reports: SheetReport[] | null;
  progress: { done: number; total: number } | null;
  busy: boolean;
  onCheckAll: () => void;
  onClearMarks: () => void;
  onSelectCell: (sheet: string, address: string) => void;
  /** Opens 模板, offered when the workbook has no table to check. */
  onShowTemplates: () => void;
  /** Controls under an issue besides 修正 (IssueList's issueActions). */
  issueActions?: (sheet: string, issue: Issue) => React.ReactNode;
  /** 修正 / 全部修正. */
  onApplyFixes: ApplyFixes;
  /** What the last 修正 did or is doing, in one sentence; empty when nothing to say. */
  fixStatus: string;
}

export function CheckTab({ reports, progress, busy, onCheckAll, onClearMarks, onSelectCell, onShowTemplates, issueActions, onApplyFixes, fixStatus }: CheckTabProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <div className={styles.toolbar} role="toolbar" aria-label="检查操作">
        <Button appearance="primary" icon={<ArrowSyncRegular />} onClick={onCheckAll} disabled={busy}>
          全部检查
        </Button>
        <Button icon={<EraserRegular />} onClick={onClearMarks} disabled={busy}>
          清除标记
        </Button>
      </div>
      {progress && <ProgressBar value={progress.total ? progress.done / progress.total : 0} aria-label="检查进度" />}
      <Caption1 role="status" data-role="fix-status">
        {fixStatus}
      </Caption1>
      {reports === null ? (
        <Caption1>正在检查…</Caption1>
      ) : (
        <>
          <StatusLine reports={reports} />
          {reports.length === 0 ? (
            <div className={styles.empty} data-role="no-tables">
              <Caption1>当前工作簿中没有绩效目标表。可在“模板”中插入范例表或空白表，或打开已填好的工作簿。</Caption1>
              <Button onClick={onShowTemplates}>去插入模板</Button>
            </div>
          ) : (
            <>
              <Caption1>修改工作表后会自动重新检查。点击或按 Enter 可在 Excel 中定位到问题单元格。</Caption1>
              <IssueList
                reports={reports}
                onSelectCell={onSelectCell}
                headingLevel={2}
                issueActions={(sheet, issue) => (
                  <>
                    {issue.fix && <FixButton sheet={sheet} fix={issue.fix} onApply={onApplyFixes} disabled={busy} />}
                    {issue.choices?.map((choice) => <FixButton key={choice.choice} sheet={sheet} fix={choice} onApply={onApplyFixes} disabled={busy} />)}
                    {issueActions?.(sheet, issue)}
                  </>
                )}
                sheetActions={(report) => <FixAllButton report={report} onApply={onApplyFixes} disabled={busy} />}
              />
            </>
          )}
        </>
      )}
    </div>
  );
}
