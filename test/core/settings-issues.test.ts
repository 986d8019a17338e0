import { getFramework } from '../../src/core/frameworks';
import { SettingsSchema, settingsErrorText } from '../../src/core/model';

function errorOf(input: unknown): string {
  const parsed = SettingsSchema.safeParse(input, { reportInput: true });
  if (parsed.success) throw new Error('expected the settings to be refused');
  return settingsErrorText(parsed.error);
}

describe('settings errors name the field and what it accepts, in Chinese', () => {
  test.each([
    [{ budgetYear: '2024' }, '预算年度（budgetYear）应为 2000–2100 之间的整数，或 null（自动），而不是文本「2024」'],
    [{ budgetYear: 1999 }, '预算年度（budgetYear）应为 2000–2100 之间的整数，或 null（自动），而不是 1999'],
    [{ fundsTolerance: -1 }, '资金允许误差（fundsTolerance）应为 0–1 之间的数，而不是 -1'],
    [{ maxPercent: 0 }, '百分比上限（maxPercent）应为 1–1000 之间的数，而不是 0'],
    [{ minSatisfaction: 120 }, '满意度下限（minSatisfaction）应为 0–100 之间的数，而不是 120'],
    [{ goalMatchMinShared: 1.5 }, '绩效目标与指标的最少共同词数（goalMatchMinShared）应为 1–10 之间的整数，而不是 1.5'],
    [{ framework: '2019' }, '默认指标框架（framework）只能是 2021、auto、seed、older 之一，而不是文本「2019」'],
    [{ severities: { 'bad-value': 'fatal' } }, '各规则的严重程度（severities.bad-value）只能是 error、warning、info 之一，而不是文本「fatal」'],
    [{ liveMarks: 'yes' }, '输入时即时标记（liveMarks）应为 true 或 false，而不是文本「yes」'],
  ])('%j', (input, message) => {
    expect(errorOf(input)).toBe(message);
  });

  test('the ranges follow the schema: every issue of a bad file, each once', () => {
    const text = errorOf({ budgetYear: 'x', maxPercent: -5 });
    expect(text.split('；')).toHaveLength(2);
    expect(text).not.toMatch(/Invalid|expected|received/);
  });

  test('a refinement keeps its own Chinese message, under the field name', () => {
    expect(errorOf({ requiredDimensions: { seed: ['不存在的维度'] } })).toBe(
      `必填维度（requiredDimensions.seed）：${getFramework('seed').label}中没有这些指标维度：不存在的维度`,
    );
  });
});
