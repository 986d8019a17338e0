// 一键修正 in the issue list: 修正 on an issue that has a fix, 全部修正 for a sheet. Nothing is changed
// without the click; the fix's own description (with its numbers) is said before it is applied.
import * as React from 'react';
import { Button, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { WrenchRegular } from '@fluentui/react-icons';
import type { Fix, Issue, SheetReport } from '../core/model';

const useStyles = makeStyles({
  fix: { marginTop: tokens.spacingVerticalXXS, marginBottom: tokens.spacingVerticalXS, maxWidth: '100%' },
  description: { overflowWrap: 'anywhere' },
  srOnly: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

/** Applies fixes of one sheet; resolves once applied and re-checked, rejects with a Chinese message. */
export type ApplyFixes = (sheet: string, fixes: Fix[]) => void;

export interface FixButtonProps {
  sheet: string;
  fix: Fix;
  onApply: ApplyFixes;
  disabled?: boolean;
}

/**
 * 修正: its accessible name is 修正 and what it will do, e.g. `修正：将「≥5万元」改为「≤5万元」`. One of several
 * ways out (fix.choice) says which: `改其他资金`.
 */
export function FixButton({ sheet, fix, onApply, disabled }: FixButtonProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <Tooltip content={<span className={styles.description}>{fix.description}</span>} relationship="inaccessible" withArrow>
      <Button
        className={styles.fix}
        size="small"
        icon={<WrenchRegular />}
        aria-label={`${fix.choice ? `改${fix.choice}` : '修正'}：${fix.description}`}
        disabled={disabled}
        onClick={() => onApply(sheet, [fix])}
        data-role="fix"
      >
        {fix.choice ? `改${fix.choice}` : '修正'}
      </Button>
    </Tooltip>
  );
}

/** The fixes, each once: two issues offering the same change are one change (全部修正 counts changes). */
export function uniqueFixes(fixes: readonly Fix[]): Fix[] {
  const seen = new Set<string>();
  return fixes.filter((fix) => {
    const key = JSON.stringify(fix.steps);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The changes fixes make: fixes that only rewrite the same cells are one change to the clerk (≥0.8万 →
 * ≤0.8万元 is one edit, though two rules each offer half of it).
 */
export function changeCount(fixes: readonly Fix[]): number {
  const changes = new Set(
    fixes.map((fix) => (fix.steps.every((step) => step.kind === 'setCell') ? fix.steps.map((step) => (step.kind === 'setCell' ? step.cell : '')).sort().join(',') : JSON.stringify(fix.steps))),
  );
  return changes.size;
}

/** The fixes a sheet's issues offer, in list order, each once. */
export function fixesOf(report: SheetReport): Fix[] {
  return uniqueFixes(report.issues.flatMap((issue: Issue) => (issue.fix ? [issue.fix] : [])));
}

export interface FixAllButtonProps {
  report: SheetReport;
  onApply: ApplyFixes;
  disabled?: boolean;
  /** Alt+this letter presses it (the task pane's shortcut to the first sheet's 全部修正). */
  shortcut?: string;
}

/** 全部修正（n）for a sheet with two fixes or more (one is its issue's own 修正); nothing otherwise. */
export function FixAllButton({ report, onApply, disabled, shortcut }: FixAllButtonProps): React.JSX.Element | null {
  const styles = useStyles();
  const id = React.useId();
  const fixes = fixesOf(report);
  const changes = changeCount(fixes);
  if (changes < 2) return null;
  // What it will do, said to screen readers after its name (a tooltip of many lines would be in the way).
  return (
    <>
      <Button size="small" appearance="secondary" icon={<WrenchRegular />} disabled={disabled} onClick={() => onApply(report.sheet, fixes)} aria-describedby={id} data-shortcut={shortcut} aria-keyshortcuts={shortcut ? `Alt+${shortcut.toUpperCase()}` : undefined} data-role="fix-all">
        全部修正（{changes}）
      </Button>
      <span id={id} className={styles.srOnly}>
        {fixes.map((f) => f.description).join('；')}
      </span>
    </>
  );
}
