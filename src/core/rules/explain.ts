// A rule as the people reading it see it: the 说明 popover, `jixiao rules` and the docs pages all take
// their text from here, so the three never say different things.
import { MARK_STYLES } from '../marks';
import { SETTINGS_FIELD_LABELS, type RuleCode, type Severity } from '../model';
import { exampleText } from './examples';
import { RULES } from './index';
import type { ExampleStep, RuleExample, SettingKey } from './types';

/** Settings every rule has; said once rather than listed under each rule. */
const COMMON_SETTINGS: readonly SettingKey[] = ['severities', 'disabledRules'];

export interface ExplainedSetting {
  key: SettingKey;
  /** Its name on the 设置 tab and in settings errors, e.g. `资金允许误差`. */
  label: string;
}

export interface ExplainedExample {
  /** The steps in one line, e.g. `成本指标「运维费用支出」的指标值：≤300万元`. */
  text: string;
  note: string;
  input: readonly ExampleStep[];
}

export interface RuleExplanation {
  code: RuleCode;
  title: string;
  severity: Severity;
  /** 错误 / 警告 / 提示. */
  severityLabel: string;
  description: string;
  basis: string;
  english: string;
  /** The settings particular to this rule (severities and disabledRules apply to every rule: COMMON_SETTINGS_TEXT). */
  settings: ExplainedSetting[];
  examples: { flagged: ExplainedExample[]; accepted: ExplainedExample[] };
}

/** What every rule can be changed by, in one sentence. */
/** Named by their 设置 names, as a clerk reads them; the file's key follows for whoever writes the JSON. */
export const COMMON_SETTINGS_TEXT = `每条规则都可在设置中改变严重程度（「${SETTINGS_FIELD_LABELS[COMMON_SETTINGS[0]]}」，设置文件中的 ${COMMON_SETTINGS[0]}）或停用（「${SETTINGS_FIELD_LABELS[COMMON_SETTINGS[1]]}」，${COMMON_SETTINGS[1]}）。`;

const explained = (example: RuleExample): ExplainedExample => ({ text: exampleText(example), note: example.note, input: example.input });

export function explainRule(code: RuleCode): RuleExplanation {
  const rule = RULES[code];
  return {
    code,
    title: rule.title,
    severity: rule.defaultSeverity,
    severityLabel: MARK_STYLES[rule.defaultSeverity].label,
    description: rule.description,
    basis: rule.basis,
    english: rule.english,
    settings: rule.settings.filter((key) => !COMMON_SETTINGS.includes(key)).map((key) => ({ key, label: SETTINGS_FIELD_LABELS[key] })),
    examples: { flagged: rule.examples.flagged.map(explained), accepted: rule.examples.accepted.map(explained) },
  };
}
