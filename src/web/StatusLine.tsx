// One plain sentence on whether the tables can be sent: `可以报送`, `N 个错误 / M 个警告`, or that there is
// no table to check (an empty workbook is not 可以报送). The words live here only; other views (the
// checker page's batch summary) take them from here.
import * as React from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Filled, ErrorCircle20Filled, Info20Filled } from '@fluentui/react-icons';
import { summarize } from '../core/summary';
import { waitingCount, type PresentedReport } from '../core/untouched';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  none: { color: tokens.colorNeutralForeground3 },
});

/** A workbook's tables: no error (可以报送, the word units use), some error, or no 绩效目标表 at all. */
export type SendState = 'ready' | 'errors' | 'no-table';
/** The pane's status besides: no error yet because a form is still untouched (待填写, not 可以报送 either). */
type PaneState = SendState | 'waiting';

export const READY_TEXT = '可以报送';
export const NO_TABLE_TEXT = '未找到绩效目标表';
export const errorCountText = (errors: number): string => `${errors} 个错误`;
export const warningCountText = (warnings: number): string => `${warnings} 个警告`;

export const waitingText = (count: number): string => `待填写 ${count} 项`;

export function sendState(reports: readonly PresentedReport[]): SendState {
  if (reports.length === 0) return 'no-table';
  return summarize(reports).errors === 0 ? 'ready' : 'errors';
}

function paneState(reports: readonly PresentedReport[]): PaneState {
  const state = sendState(reports);
  return state === 'ready' && waitingCount(reports) > 0 ? 'waiting' : state;
}

/** The status text itself, so tests and other views say exactly the same thing. */
export function statusText(reports: readonly PresentedReport[]): string {
  const state = paneState(reports);
  if (state === 'no-table') return NO_TABLE_TEXT;
  if (state === 'waiting') return waitingText(waitingCount(reports));
  if (state === 'ready') return READY_TEXT;
  const { errors, warnings } = summarize(reports);
  return `${errorCountText(errors)} / ${warningCountText(warnings)}`;
}

export function StatusLine({ reports }: { reports: PresentedReport[] }): React.JSX.Element {
  const styles = useStyles();
  const { errors, warnings } = summarize(reports);
  const state = paneState(reports);
  const icon =
    state === 'no-table' || state === 'waiting' ? (
      <Info20Filled className={styles.none} aria-hidden />
    ) : state === 'ready' ? (
      <CheckmarkCircle20Filled className={styles.ok} aria-hidden />
    ) : (
      <ErrorCircle20Filled className={styles.bad} aria-hidden />
    );
  return (
    <div className={styles.root} role="status" data-role="status" data-errors={errors} data-warnings={warnings} data-state={state}>
      {icon}
      <Text weight="semibold">{statusText(reports)}</Text>
      {state === 'ready' && warnings > 0 && <Text size={200}>（{warningCountText(warnings)}，建议处理）</Text>}
    </div>
  );
}
