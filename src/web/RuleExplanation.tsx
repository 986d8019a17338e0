// The 说明 of an issue: why the rule exists, what it rests on, the setting that changes it, and values it
// flags and accepts — the rule's own text (core/rules/explain.ts), in the bundle, so it works offline.
// A disclosure rather than a popover: it reads in a narrow task pane, needs no positioning library, and
// the keyboard gets it for free (Enter or Space opens and closes it; Escape closes it).
import * as React from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { RuleCode } from '../core/model';
import { EXAMPLE_TABLE_TEXT } from '../core/rules/examples';
import { COMMON_SETTINGS_TEXT, explainRule, type ExplainedExample } from '../core/rules/explain';

const useStyles = makeStyles({
  srOnly: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  toggle: { minWidth: 0, height: 'auto', padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightRegular, color: tokens.colorBrandForeground1 },
  panel: {
    marginTop: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    lineHeight: tokens.lineHeightBase300,
    overflowWrap: 'anywhere',
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  paragraph: { margin: `${tokens.spacingVerticalXS} 0` },
  label: { fontWeight: tokens.fontWeightSemibold },
  examples: { margin: `${tokens.spacingVerticalXXS} 0 ${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalL },
  note: { display: 'block', color: tokens.colorNeutralForeground2 },
  small: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

function Examples({ label, examples }: { label: string; examples: ExplainedExample[] }): React.JSX.Element {
  const styles = useStyles();
  return (
    <>
      <div className={styles.label}>{label}</div>
      <ul className={styles.examples}>
        {examples.map((example) => (
          <li key={example.text}>
            {example.text}
            <span className={styles.note}>{example.note}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The 说明 button of one issue, after the other controls (`children`, e.g. 修正) on one row, and,
 * once opened, the rule's explanation under them.
 */
export function RuleExplanation({ code, children }: { code: RuleCode; children?: React.ReactNode }): React.JSX.Element {
  const styles = useStyles();
  const [open, setOpen] = React.useState(false);
  const panelId = React.useId();
  const toggleRef = React.useRef<HTMLButtonElement>(null);
  const info = explainRule(code);
  const close = (event: React.KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    setOpen(false);
    toggleRef.current?.focus();
  };
  // Settings by the names 设置 shows them under: a clerk never sees a key.
  const settings = info.settings.map((s) => s.label).join('、');
  return (
    <div data-role="rule-explanation" data-rule={code} onKeyDown={open ? close : undefined}>
      <div className={styles.row}>
        {children}
        <Button
          ref={toggleRef}
          appearance="transparent"
          size="small"
          className={styles.toggle}
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((was) => !was)}
          data-role="explain"
        >
          说明
          {/* Named by the rule for screen readers, after the visible word (no aria-label, so it is no form label). */}
          <span className={styles.srOnly}>：{info.title}</span>
        </Button>
      </div>
      {open && (
        <div id={panelId} role="region" aria-label={`规则说明：${info.title}`} className={styles.panel} data-role="explanation">
          <p className={styles.title}>
            {info.title}（默认{info.severityLabel}）
          </p>
          <p className={styles.paragraph}>{info.description}</p>
          <p className={styles.paragraph}>
            <span className={styles.label}>依据：</span>
            {info.basis}
          </p>
          <p className={styles.paragraph} data-role="explanation-settings">
            <span className={styles.label}>相关设置：</span>
            {settings ? `${settings}。` : '没有专门的设置。'}
            {COMMON_SETTINGS_TEXT}
          </p>
          <Examples label="会被指出：" examples={info.examples.flagged} />
          <Examples label="不会被指出：" examples={info.examples.accepted} />
          <p className={`${styles.paragraph} ${styles.small}`}>
            {EXAMPLE_TABLE_TEXT}。
          </p>
        </div>
      )}
    </div>
  );
}
