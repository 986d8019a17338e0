// 推荐指标 for one sheet: library indicators that fit a project the library does not have, by dimension,
// and those for a goal clause no indicator measures; each inserted with one click (a Fix the host applies).
import * as React from 'react';
import { Button, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import type { SheetSuggestions, Suggestion } from '../core/model';
import { KeepAmounts } from '../web/KeepTogether';
import { cardListStyles } from '../web/cardList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS} 0`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  clauseHeading: { ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' } },
  ...cardListStyles,
  meta: { color: tokens.colorNeutralForeground3 },
  action: { flexShrink: 0, marginLeft: 'auto' },
});

/** How well a suggestion fits, in words a clerk reads (a percentage of a similarity score means nothing to them). */
function fitWord(score: number): string {
  return score >= 0.5 ? '很接近' : score >= 0.25 ? '较接近' : '有些相关';
}

export interface SuggestionsPanelProps {
  sheet: string;
  suggestions: SheetSuggestions;
  /** A goal clause (from a goal-without-indicator issue) whose indicators are listed first and focused. */
  clause?: string | null;
  onInsert: (sheet: string, suggestion: Suggestion) => void;
  /** While a fix is applied and the sheet re-checked: the other fixes may be stale, so nothing is insertable. */
  busy?: boolean;
  /** Level of the panel's own headings (the dimension headings), under the page's. */
  headingLevel?: 2 | 3 | 4;
}

type HeadingProps = { level: number; children: React.ReactNode } & React.HTMLAttributes<HTMLHeadingElement>;

const Heading = React.forwardRef<HTMLHeadingElement, HeadingProps>(function Heading({ level, children, ...rest }, ref) {
  const Tag = `h${Math.min(level, 6)}` as 'h2' | 'h3' | 'h4' | 'h5';
  return (
    <Tag {...rest} ref={ref}>
      {children}
    </Tag>
  );
});

function SuggestionItem({ sheet, suggestion, onInsert, busy }: { sheet: string; suggestion: Suggestion; onInsert: SuggestionsPanelProps['onInsert']; busy: boolean }): React.JSX.Element {
  const styles = useStyles();
  return (
    <li className={styles.item} data-score={suggestion.score} data-suggestion={suggestion.level3} data-level2={suggestion.level2}>
      <span className={styles.itemText}>
        <Text weight="semibold">{suggestion.level3}</Text>
        <Caption1 className={styles.meta}>
          {suggestion.value ? (
            <>
              参考值 <KeepAmounts text={suggestion.value} />，
            </>
          ) : null}
          与本项目{fitWord(suggestion.score)}
        </Caption1>
        <Caption1 className={styles.meta} data-role="reason">
          {suggestion.reason}
        </Caption1>
      </span>
      <Button
        className={styles.action}
        size="small"
        icon={<AddRegular />}
        disabled={busy || !suggestion.fix}
        title={suggestion.fix?.description ?? '看不出在表中的插入位置，请手工添加'}
        aria-label={`插入「${suggestion.level3}」到${suggestion.level2}`}
        onClick={() => onInsert(sheet, suggestion)}
        data-role="insert-suggestion"
      >
        插入
      </Button>
    </li>
  );
}

export function SuggestionsPanel({ sheet, suggestions, clause, onInsert, busy = false, headingLevel = 3 }: SuggestionsPanelProps): React.JSX.Element {
  const styles = useStyles();
  const forClause = clause ? suggestions.clauses.find((c) => c.clause === clause) : undefined;
  const clauseHeading = React.useRef<HTMLHeadingElement>(null);
  // Opened from a goal issue: keyboard and screen-reader users land on what they asked for.
  React.useEffect(() => {
    if (forClause) clauseHeading.current?.focus();
  }, [forClause]);
  const list = (items: Suggestion[], label: string) => (
    <ul className={styles.list} aria-label={label}>
      {items.map((suggestion) => (
        <SuggestionItem key={`${suggestion.level1}|${suggestion.level2}|${suggestion.level3}`} sheet={sheet} suggestion={suggestion} onInsert={onInsert} busy={busy} />
      ))}
    </ul>
  );
  return (
    <section className={styles.root} data-role="suggestions" data-sheet={sheet} aria-label={`「${sheet}」的建议指标`}>
      {clause && (
        <div data-role="clause-suggestions">
          <Heading level={headingLevel} className={`${styles.heading} ${styles.clauseHeading}`} tabIndex={-1} ref={clauseHeading}>
            绩效目标「{clause}」的建议指标
          </Heading>
          {forClause ? list(forClause.suggestions, `衡量「${clause}」的指标`) : <Caption1>模板库中没有与这一条相近的指标，请按本项目自拟。</Caption1>}
        </div>
      )}
      {suggestions.groups.length > 0 && (
        <Caption1>
          「{suggestions.projectName}」不在模板库中。以下是模板库里与其项目名称和绩效目标相近的指标，按维度列出，相近的在前；插入后指标值留空，请按本项目填写。
        </Caption1>
      )}
      {suggestions.groups.map((group) => (
        <div key={`${group.level1}|${group.level2}`} data-role="suggestion-group" data-level2={group.level2}>
          <Heading level={headingLevel} className={styles.heading}>
            {group.level1} › {group.level2}
          </Heading>
          {list(group.suggestions, `${group.level2}的建议指标`)}
        </div>
      ))}
    </section>
  );
}
