// The <option>s of a framework choice, in the order users know them: one list for every select.
import * as React from 'react';
import { FRAMEWORK_LIST } from '../core/frameworks';
import type { Framework } from '../core/frameworks/types';

/**
 * A framework's name without its explanation in brackets: `财预〔2021〕101号框架`. A closed <select>
 * cannot wrap, and the full label is wider than a 350 px pane; FRAMEWORK_HINT explains the difference.
 */
export function shortFrameworkLabel(framework: Framework): string {
  return framework.label.replace(/（[^（）]*）$/, '');
}

/** What the short names leave out, for the Field's hint: `旧版框架：成本指标在产出指标下；…`. */
export const FRAMEWORK_HINT = FRAMEWORK_LIST.map((framework) => {
  const explanation = /（([^（）]*)）$/.exec(framework.label)?.[1];
  return explanation ? `${shortFrameworkLabel(framework)}：${explanation}` : framework.label;
}).join('；');

export function FrameworkOptions(): React.JSX.Element {
  return (
    <>
      {FRAMEWORK_LIST.map((framework) => (
        <option key={framework.name} value={framework.name}>
          {shortFrameworkLabel(framework)}
        </option>
      ))}
    </>
  );
}
