// The rule registry: every check the engine runs, in reporting order.
import type { Rule } from './types';
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

export type { Finding, Rule, RuleContext } from './types';
export { sheetGrids } from './helpers';
export type { ScopedGrid } from './helpers';

export const ALL_RULES: Rule[] = [
  unreadableLayoutRule,
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
];

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
};
