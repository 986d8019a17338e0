// Every rule's stable code, in reporting order: the one list the code type (model/issue.ts) and the rule
// map (rules/index.ts) are both checked against. Adding a rule adds its code here; a code never changes
// meaning once shipped.
export const RULE_CODES = [
  'unreadable-layout',
  'missing-field',
  'funds-mismatch',
  'missing-dimension',
  'misplaced-dimension',
  'missing-value',
  'bad-value',
  'cost-over-budget',
  'cost-lower-bound',
  'deadline-outside-year',
  'template-missing-indicator',
  'template-weakened-target',
  'goal-without-indicator',
  'vague-target',
  'cost-substance',
  'input-as-output',
  'goal-number-mismatch',
  'trivial-target',
  'weight-sum',
  'annual-exceeds-overall',
  'project-name-mismatch',
  'generic-indicator',
] as const;
