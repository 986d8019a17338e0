// 建议: the suggestions of the sheet the user is on (or picks), from the live check's reports.
import * as React from 'react';
import { Caption1, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { SheetReport, Suggestion } from '../core/model';
import { nothingCloseText } from '../core/suggest/nothingClose';
import { SuggestionsPanel } from './SuggestionsPanel';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  empty: { color: tokens.colorNeutralForeground3 },
});

/** Which sheet and goal clause to show, when the user came from a goal-without-indicator issue. */
export interface SuggestionFocus {
  sheet: string;
  clause: string | null;
}

export interface SuggestionsTabProps {
  /** null until the first check has reported. */
  reports: SheetReport[] | null;
  focus: SuggestionFocus | null;
  /** The sheet the user is on, asked of Excel when the tab opens; null while unknown. */
  activeSheet: string | null;
  busy: boolean;
  /** Set after an insert: what was done, read out politely. */
  outcome: string | null;
  onInsert: (sheet: string, suggestion: Suggestion) => void;
}

export function SuggestionsTab({ reports, focus, activeSheet, busy, outcome, onInsert }: SuggestionsTabProps): React.JSX.Element {
  const styles = useStyles();
  const candidates = (reports ?? []).filter((report) => report.suggestions);
  const [picked, setPicked] = React.useState<string | null>(null);
  // Coming from a goal issue shows that sheet, whatever was picked before.
  React.useEffect(() => setPicked(null), [focus]);
  const wanted = picked ?? focus?.sheet ?? activeSheet;
  const shown = candidates.find((report) => report.sheet === wanted) ?? candidates[0];
  const selectId = React.useId();
  if (reports === null) return <Caption1>正在检查…</Caption1>;
  return (
    <div className={styles.root}>
      {candidates.length > 1 && (
        <Field label="工作表">
          <Select id={selectId} value={shown?.sheet} onChange={(_, data) => setPicked(data.value)} data-role="suggestion-sheet">
            {candidates.map((report) => (
              <option key={report.sheet} value={report.sheet}>
                {report.sheet}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div aria-live="polite" data-role="suggestion-outcome">
        {outcome && <Caption1>{outcome}</Caption1>}
      </div>
      {shown?.suggestions?.nothingClose && (
        <Caption1 className={styles.empty} data-role="nothing-close">
          {nothingCloseText(shown.suggestions.projectName, 'pane')}
        </Caption1>
      )}
      {shown?.suggestions?.nothingClose && shown.suggestions.clauses.length === 0 ? null : shown?.suggestions ? (
        <SuggestionsPanel
          key={shown.sheet}
          sheet={shown.sheet}
          suggestions={shown.suggestions}
          clause={focus && focus.sheet === shown.sheet ? focus.clause : null}
          onInsert={onInsert}
          busy={busy}
          headingLevel={2}
        />
      ) : (
        <Caption1 className={styles.empty} data-role="no-suggestions">
          还没有建议指标：新项目（模板库中没有的项目）的项目名称和绩效目标两项都填好后，这里会按维度列出模板库中相近的指标，点击即可插入。
        </Caption1>
      )}
    </div>
  );
}
