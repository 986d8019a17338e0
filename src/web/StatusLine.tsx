// One plain sentence on whether the tables can be sent: `可以发送`, `N 个错误 / M 个警告`, or that there is
// no table to check (an empty workbook is not 可以发送).
import * as React from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Filled, ErrorCircle20Filled, Info20Filled } from '@fluentui/react-icons';
import type { SheetReport } from '../core/model';
import { summarize } from '../core/check';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  none: { color: tokens.colorNeutralForeground3 },
});

/** The status text itself, so tests and other views say exactly the same thing. */
export function statusText(reports: SheetReport[]): string {
  if (reports.length === 0) return '未找到绩效目标表';
  const { errors, warnings } = summarize(reports);
  return errors === 0 ? '可以发送' : `${errors} 个错误 / ${warnings} 个警告`;
}

export function StatusLine({ reports }: { reports: SheetReport[] }): React.JSX.Element {
  const styles = useStyles();
  const { errors, warnings } = summarize(reports);
  const ok = errors === 0;
  const icon =
    reports.length === 0 ? (
      <Info20Filled className={styles.none} aria-hidden />
    ) : ok ? (
      <CheckmarkCircle20Filled className={styles.ok} aria-hidden />
    ) : (
      <ErrorCircle20Filled className={styles.bad} aria-hidden />
    );
  return (
    <div className={styles.root} role="status" data-role="status" data-errors={errors} data-warnings={warnings}>
      {icon}
      <Text weight="semibold">{statusText(reports)}</Text>
      {ok && warnings > 0 && <Text size={200}>（{warnings} 个警告，建议处理）</Text>}
    </div>
  );
}
