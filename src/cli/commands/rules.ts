// `jixiao rules [--json]`: every rule with its code, title, severity and description; --json adds the
// basis, the settings that change it and its examples. The text is the rules' own (core/rules/explain.ts),
// as the 说明 in the task pane and the docs pages show it.
import { SETTINGS_FIELD_LABELS } from '../../core/model';
import { RULE_CODES, RULES } from '../../core/rules';
import { COMMON_SETTINGS_TEXT, explainRule, type ExplainedExample, type RuleExplanation } from '../../core/rules/explain';
import { parseCommandArgs } from '../args';
import type { Command } from '../command';
import { CliError, EXIT_OK, type CommandIO } from '../io';
import { padEndDisplay, displayWidth } from './templates';
import { maxOf } from '../../core/bounded';

/** One rule as `--json` prints it. */
export interface RuleJson {
  code: string;
  title: string;
  severity: RuleExplanation['severity'];
  description: string;
  basis: string;
  /**
   * The clauses the basis rests on: document and clause, or 评审实践 with no clause; `checked` says how far
   * the wording was checked against a copy of the text, `quote` gives the words where they were read.
   */
  sources: { document: string; clause: string; says: string; checked: string; quote: string }[];
  /** Every setting that changes what the rule reports, with its name on the 设置 tab. */
  settings: { key: string; label: string }[];
  examples: { flagged: ExplainedExample[]; accepted: ExplainedExample[] };
}

export function ruleJson(info: RuleExplanation): RuleJson {
  return {
    code: info.code,
    title: info.title,
    severity: info.severity,
    description: info.description,
    basis: info.basis,
    sources: RULES[info.code].sources.map(({ document, clause, says, checked, quote }) => ({ document, clause, says, checked, quote })),
    settings: RULES[info.code].settings.map((key) => ({ key, label: SETTINGS_FIELD_LABELS[key] })),
    examples: info.examples,
  };
}

/** Code, severity and title aligned, the description indented under each. */
export function formatRules(rules: RuleExplanation[]): string {
  const width = maxOf(rules.map((r) => displayWidth(r.code)), 0);
  const lines = rules.flatMap((r) => [`${padEndDisplay(r.code, width)}  ${r.severityLabel}  ${r.title}`, `    ${r.description}`]);
  lines.push('', `共 ${rules.length} 条规则。${COMMON_SETTINGS_TEXT}`, '依据、相关设置和示例：jixiao rules --json，或 docs/rules/<规则代码>.md');
  return `${lines.join('\n')}\n`;
}

export const rulesCommand: Command = async (args: string[], io: CommandIO) => {
  const { values, positionals } = parseCommandArgs('rules', args, { json: { type: 'boolean', default: false } });
  if (positionals.length > 0) throw new CliError(`rules 不接受位置参数：${positionals.join(' ')}`);
  const rules = RULE_CODES.map(explainRule);
  io.stdout(values.json ? `${JSON.stringify(rules.map(ruleJson), null, 2)}\n` : formatRules(rules));
  return EXIT_OK;
};
