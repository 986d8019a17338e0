// 检查: the live issue list; click or Enter on an issue selects its cell in Excel. 修正 / 全部修正 and 清除标记
// live here (loaded when the tab first opens), each saying what it did where it was done.
import * as React from 'react';
import { Button, Caption1, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular, EraserRegular } from '@fluentui/react-icons';
import type { Fix, FrameworkName, Issue, Settings, SheetReport } from '../core/model';
import { changeCount, FixAllButton, FixButton, fixesOf, uniqueFixes } from '../web/FixButton';
import type { PresentedReport } from '../core/untouched';
import { IssueList, type IssueListHandle } from '../web/IssueList';
import { StatusLine } from '../web/StatusLine';
import { SheetFramework } from './SheetFramework';
import { usePaneServices } from './hostContext';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  empty: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalS },
  status: { ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' } },
});

/** 全部修正 re-applies what overlapped (two fixes of one cell) after the re-check, at most this many times. */
const MAX_FIX_ROUNDS = 3;

export interface CheckTabProps {
  /** null until the first check has reported. */
  reports: PresentedReport[] | null;
  progress: { done: number; total: number } | null;
  busy: boolean;
  onCheckAll: () => void;
  onSelectCell: (sheet: string, address: string) => void;
  /** Opens 模板, offered when the workbook has no table to check. */
  onShowTemplates: () => void;
  /** Controls under an issue besides 修正 (IssueList's issueActions). */
  issueActions?: (sheet: string, issue: Issue) => React.ReactNode;
  /** Runs an action with the buttons disabled; a failure goes to the pane's error bar. */
  whileBusy: (action: () => Promise<void>) => Promise<void>;
  /** A full check (re-reads every sheet), resolving with the reports. */
  checkAll: () => Promise<SheetReport[]>;
  /** The workbook's settings (null while they load) and how to change them (saved with the workbook). */
  settings: Settings | null;
  onSettingsChange: (next: Settings) => void;
}

/** Cells carrying a mark now: each cell of an issue on a sheet jixiao could mark. */
function markedCells(reports: readonly SheetReport[]): number {
  const cells = new Set<string>();
  for (const report of reports) {
    if (report.marks === 'skipped-protected') continue;
    for (const issue of report.issues) for (const cell of issue.cells) cells.add(`${report.sheet}!${cell}`);
  }
  return cells.size;
}

export function CheckTab({ reports, progress, busy, onCheckAll, onSelectCell, onShowTemplates, issueActions, whileBusy, checkAll, settings, onSettingsChange }: CheckTabProps): React.JSX.Element {
  const styles = useStyles();
  const { host } = usePaneServices();
  const [status, setStatus] = React.useState<{ text: string; sheet: string | null } | null>(null);
  const statusRef = React.useRef<HTMLSpanElement>(null);
  const statusText = status?.text ?? '';

  const listRef = React.useRef<IssueListHandle>(null);
  // Where focus goes once the list shows what an action did: the issue at this place in the list (the one
  // after a fixed issue takes its place; its sheet unfolded if it is a folded one), the status line when
  // there is none; never <body>.
  const [focusTo, setFocusTo] = React.useState<{ issue: number } | null>(null);
  React.useEffect(() => {
    if (!focusTo) return;
    const focused = focusTo.issue >= 0 && listRef.current?.focusIssue(focusTo.issue) === true;
    if (!focused) statusRef.current?.focus();
    setFocusTo(null);
  }, [focusTo, reports]);

  /** Says what happened; focus goes to the issue at `issue` in the list (-1: to the saying), never to <body>. */
  const say = (text: string, sheet: string | null, issue = -1): void => {
    setStatus({ text, sheet });
    setFocusTo({ issue });
  };

  /** The place in the list of the issue a control acts on (its own, or for a sheet's 全部修正 the sheet's first, folded or not). */
  const issuePlace = (control: Element | null): number => {
    const own = control?.closest('li')?.querySelector<HTMLElement>('[data-severity]')?.dataset.place ?? control?.closest<HTMLElement>('section[data-sheet]')?.dataset.firstPlace;
    return own === undefined ? -1 : Number(own);
  };

  /** 修正 / 全部修正: one batch in Excel, then the list re-checks; what overlapped goes in after that re-check. */
  const applyFixes = (sheet: string, fixes: Fix[]): void => {
    const batch = uniqueFixes(fixes);
    const changes = changeCount(batch);
    // The 修正 (or 全部修正) pressed has focus: after the fix, the issue now at its issue's place has it.
    const place = issuePlace(document.activeElement);
    setStatus({ text: batch.length > 1 ? `正在修正“${sheet}”中的 ${changes} 处问题…` : `正在修正：${batch[0].description}…`, sheet });
    void whileBusy(async () => {
      try {
        let pending = batch;
        let left = 0;
        let selected: string[] = [];
        for (let round = 0; round < MAX_FIX_ROUNDS && pending.length > 0; round++) {
          const result = await host.applyFixes(sheet, pending);
          left = result.skipped;
          selected = result.selected;
          if (result.skipped === 0 || batch.length === 1) break;
          // Fixes of one cell: the re-checked sheet offers what is still needed, computed on the cell as it is now.
          const fresh = (await checkAll()).find((report) => report.sheet === sheet);
          pending = fresh ? uniqueFixes(fresh.issues.flatMap((issue) => (issue.fix ? [issue.fix] : []))) : [];
          left = pending.length;
        }
        const where = selected.length > 0 ? `，已选中 ${selected.join('、')}` : '';
        const rest = left > 0 ? `另有 ${left} 处未能一并修正，可在列表中再点修正。` : '';
        say(`${batch.length > 1 ? `已修正“${sheet}”中的 ${changes} 处问题` : `已修正：${batch[0].description}`}${where}，并已重新检查。${rest}`, sheet, place);
      } catch (cause) {
        say('修正未完成。', sheet);
        throw cause;
      }
    });
  };

  const clearMarks = (): void => {
    const count = reports ? markedCells(reports) : 0;
    void whileBusy(async () => {
      await host.clearMarks();
      say(`已清除 ${count} 个单元格上的标记。修改表格或点击“全部检查”后，仍有问题的单元格会重新标记。`, null);
    });
  };

  const changeFramework = (sheet: string, framework: FrameworkName): void => {
    if (!settings) return;
    onSettingsChange({ ...settings, sheetFrameworks: { ...settings.sheetFrameworks, [sheet]: framework } });
  };

  // Alt+F: the 全部修正 of the first sheet with errors that offers one (the list shows it first).
  const firstToFix = reports?.find((report) => report.issues.some((issue) => issue.severity === 'error') && changeCount(fixesOf(report)) >= 2);

  return (
    <div className={styles.root}>
      <div className={styles.toolbar} role="toolbar" aria-label="检查操作">
        <Button appearance="primary" icon={<ArrowSyncRegular />} onClick={() => { setStatus(null); onCheckAll(); }} disabled={busy} data-shortcut="k" aria-keyshortcuts="Alt+K">
          全部检查
        </Button>
        <Button icon={<EraserRegular />} onClick={clearMarks} disabled={busy}>
          清除标记
        </Button>
      </div>
      {progress && <ProgressBar value={progress.total ? progress.done / progress.total : 0} aria-label="检查进度" />}
      <span role="status" data-role="fix-status" tabIndex={statusText ? -1 : undefined} ref={statusRef} className={styles.status}>
        <Caption1>{statusText}</Caption1>
      </span>
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
                ref={listRef}
                reports={reports}
                onSelectCell={(sheet, address) => {
                  if (status?.sheet && status.sheet !== sheet) setStatus(null);
                  onSelectCell(sheet, address);
                }}
                headingLevel={2}
                issueActions={(sheet, issue) => (
                  <>
                    {issue.fix && <FixButton sheet={sheet} fix={issue.fix} onApply={applyFixes} disabled={busy} />}
                    {issue.choices?.map((choice) => <FixButton key={choice.choice} sheet={sheet} fix={choice} onApply={applyFixes} disabled={busy} />)}
                    {issueActions?.(sheet, issue)}
                  </>
                )}
                sheetNote={(report) => <SheetFramework report={report} disabled={busy || !settings} onChange={changeFramework} />}
                sheetActions={(report) => <FixAllButton report={report} onApply={applyFixes} disabled={busy} shortcut={report === firstToFix ? 'f' : undefined} />}
              />
            </>
          )}
        </>
      )}
    </div>
  );
}
