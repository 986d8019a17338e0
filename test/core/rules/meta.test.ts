import { RuleCodeSchema, SettingsSchema } from '../../../src/core/model';
import { ALL_RULES, RULE_CODES, RULES, ruleTitle } from '../../../src/core/rules';

const settingKeys = Object.keys(SettingsSchema.shape);

describe('every rule describes itself', () => {
  it('has one rule per code, filed under its own code', () => {
    expect(Object.keys(RULES).sort()).toEqual([...RuleCodeSchema.options].sort());
    for (const [code, rule] of Object.entries(RULES)) expect(rule.code).toBe(code);
    expect(ALL_RULES).toHaveLength(RuleCodeSchema.options.length);
    // One list: the zod enum, the map and the reporting order all come from RULE_CODES.
    expect(RuleCodeSchema.options).toEqual([...RULE_CODES]);
    expect(Object.keys(RULES)).toEqual([...RULE_CODES]);
    expect(ALL_RULES.map((rule) => rule.code)).toEqual([...RULE_CODES]);
  });

  it.each(ALL_RULES.map((rule) => [rule.code, rule] as const))('%s: Chinese title, description and basis, real settings', (_code, rule) => {
    for (const text of [rule.title, rule.description, rule.basis]) expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(rule.description.length).toBeGreaterThan(20);
    for (const key of rule.settings) expect(settingKeys).toContain(key);
    expect(rule.settings).toEqual(expect.arrayContaining(['severities', 'disabledRules']));
  });

  it('ruleTitle gives the title the marked copy ends its note with', () => {
    expect(ruleTitle('cost-lower-bound')).toBe('成本指标写成下限');
    expect(new Set(RuleCodeSchema.options.map(ruleTitle)).size).toBe(RuleCodeSchema.options.length);
  });
});
