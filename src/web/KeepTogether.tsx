// Amounts stay on one line: `≤400万元` must not break as `400万 / 元` in a narrow pane, where CJK text
// may otherwise break between any two characters.
import * as React from 'react';

/** An operator, a number, and up to four unit characters after it: `≤400万元`, `65元/小时`, `≥90%`. */
const AMOUNT = /(?:[≤≥<>＜＞=＝≦≧]\s?)?\d[\d.,]*\s?(?:[^\s\d，。；、,;:：()（）《》「」“”]{0,4})/g;

/** The text split into plain runs and amounts, for rendering and for tests. */
export function amountRuns(text: string): { text: string; amount: boolean }[] {
  const runs: { text: string; amount: boolean }[] = [];
  let at = 0;
  for (const match of text.matchAll(AMOUNT)) {
    const start = match.index ?? 0;
    if (start > at) runs.push({ text: text.slice(at, start), amount: false });
    runs.push({ text: match[0], amount: true });
    at = start + match[0].length;
  }
  if (at < text.length) runs.push({ text: text.slice(at), amount: false });
  return runs;
}

const NO_WRAP: React.CSSProperties = { whiteSpace: 'nowrap' };

/** The text, each amount in a span that does not wrap. */
export function KeepAmounts({ text }: { text: string }): React.JSX.Element {
  return (
    <>
      {amountRuns(text).map((run, index) =>
        run.amount ? (
          <span key={index} style={NO_WRAP} data-role="amount">
            {run.text}
          </span>
        ) : (
          <React.Fragment key={index}>{run.text}</React.Fragment>
        ),
      )}
    </>
  );
}
