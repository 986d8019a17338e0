/**
 * What a host writes for a planned validation (drop-down list, number limit, input prompt): the texts
 * clipped to Excel's limits, which WPS shares (an input prompt's title ≤32 characters, its message ≤255, an
 * inline list source ≤255: support.microsoft.com "Apply data validation to cells"), and the error alert.
 * The Excel and WPS hosts each turn this into their own calls.
 */
import type { PlannedValidation } from './types';

const PROMPT_TITLE_MAX = 32;
const PROMPT_MESSAGE_MAX = 255;
const LIST_SOURCE_MAX = 255;

export interface ValidationText {
  /** The input prompt. */
  title: string;
  message: string;
  /** The inline list source (`a,b,c`) of a drop-down list, else null. */
  listSource: string | null;
  /**
   * The alert on a value outside the rule: a warning for a list (aliases such as 环境效益指标 remain
   * possible), a stop for a number limit; null for a prompt only.
   */
  alert: { style: 'warning' | 'stop'; message: string } | null;
}

function clip(text: string, max: number): string {
  return [...text].length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`;
}

/** Throws (in Chinese) for a list longer than a validation can hold inline. */
export function validationText(planned: PlannedValidation): ValidationText {
  const prompt = { title: clip(planned.promptTitle, PROMPT_TITLE_MAX), message: clip(planned.prompt, PROMPT_MESSAGE_MAX) };
  switch (planned.kind) {
    case 'list': {
      const source = planned.values.join(',');
      if (source.length > LIST_SOURCE_MAX) throw new Error(`下拉列表过长（${source.length} 字符）：${planned.range}`);
      return { ...prompt, listSource: source, alert: { style: 'warning', message: '不在列表中，请确认指标名称。' } };
    }
    case 'decimal':
      return { ...prompt, listSource: null, alert: { style: 'stop', message: `请输入不小于 ${planned.min} 的数字。` } };
    case 'prompt':
      return { ...prompt, listSource: null, alert: null };
  }
}
