// The rule registry: every check the engine runs, in reporting order.
import type { Rule } from './types';
import type { RuleCode } from '../model';
import { RULE_CODES } from './codes';
import { missingFieldRule } from './missing-field';
import { fundsMismatchRule } from './funds-mismatch';
import { missingDimensionRule } from './missing-dimension';
import { misplacedDimensionRule } from './misplaced-dimension';
import { missingValueRule } from './missing-value';
import { badValueRule } from './bad-value';
import { costOverBudgetRule } from './cost-over-budget';
import { costLowerBoundRule } from './cost-lower-bound';
import { deadlineOutsideYearRule } from './deadline-outside-year';
import { templateMissingIndicatorRule } from './template-missing-indicator';
import { templateWeakenedTargetRule } from './template-weakened-target';
import { goalWithoutIndicatorRule } from './goal-without-indicator';
import { unreadableLayoutRule, unreadableFinding } from './unreadable-layout';
import { vagueTargetRule } from './vague-target';
import { costSubstanceRule } from './cost-substance';
import { inputAsOutputRule } from './input-as-output';
import { goalNumberMismatchRule } from './goal-number-mismatch';
import { trivialTargetRule } from './trivial-target';
import { weightSumRule } from './weight-sum';
import { annualExceedsOverallRule } from './annual-exceeds-overall';
import { projectNameMismatchRule } from './project-name-mismatch';
import { genericIndicatorRule } from './generic-indicator';

export type { Finding, Rule, RuleContext, SettingKey } from './types';
export { sheetGrids } from './helpers';
export type { ScopedGrid } from './helpers';
export { RULE_CODES };

/** Every rule by its code: a code of RULE_CODES without a rule, or a key that is no code, fails to compile. */
export const RULES = {
  'unreadable-layout': unreadableLayoutRule,
  'missing-field': missingFieldRule,
  'funds-mismatch': fundsMismatchRule,
  'missing-dimension': missingDimensionRule,
  'misplaced-dimension': misplacedDimensionRule,
  'missing-value': missingValueRule,
  'bad-value': badValueRule,
  'cost-over-budget': costOverBudgetRule,
  'cost-lower-bound': costLowerBoundRule,
  'deadline-outside-year': deadlineOutsideYearRule,
  'template-missing-indicator': templateMissingIndicatorRule,
  'template-weakened-target': templateWeakenedTargetRule,
  'goal-without-indicator': goalWithoutIndicatorRule,
  'vague-target': vagueTargetRule,
  'cost-substance': costSubstanceRule,
  'input-as-output': inputAsOutputRule,
  'goal-number-mismatch': goalNumberMismatchRule,
  'trivial-target': trivialTargetRule,
  'weight-sum': weightSumRule,
  'annual-exceeds-overall': annualExceedsOverallRule,
  'project-name-mismatch': projectNameMismatchRule,
  'generic-indicator': genericIndicatorRule,
} satisfies Record<RuleCode, Rule>;

/** Every rule, in reporting order (the order of RULE_CODES). */
export const ALL_RULES: readonly Rule[] = RULE_CODES.map((code) => RULES[code]);

/** The rule's short Chinese title, e.g. for the end of a marked cell's note. */
export function ruleTitle(code: RuleCode): string {
  return RULES[code].title;
}

export {
  missingFieldRule,
  fundsMismatchRule,
  missingDimensionRule,
  misplacedDimensionRule,
  missingValueRule,
  badValueRule,
  costOverBudgetRule,
  costLowerBoundRule,
  deadlineOutsideYearRule,
  templateMissingIndicatorRule,
  templateWeakenedTargetRule,
  goalWithoutIndicatorRule,
  unreadableLayoutRule,
  unreadableFinding,
  vagueTargetRule,
  costSubstanceRule,
  inputAsOutputRule,
  goalNumberMismatchRule,
  trivialTargetRule,
  weightSumRule,
  annualExceedsOverallRule,
  projectNameMismatchRule,
  genericIndicatorRule,
};
