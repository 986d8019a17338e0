// `jixiao rules [--json]`: the rules as their files describe them, in reporting order.
import type { RuleJson } from '../../src/cli/commands/rules';
import type { CommandIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { RULE_CODES, RULES } from '../../src/core/rules';

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const code = await main(['rules', ...args], io);
  return { code, stdout, stderr };
}

describe('jixiao rules --json', () => {
  test('lists every rule, in reporting order, with exactly the documented keys', async () => {
    const { code, stdout, stderr } = await run('--json');
    expect([code, stderr]).toEqual([0, '']);
    const rules = JSON.parse(stdout) as RuleJson[];
    expect(rules.map((r) => r.code)).toEqual([...RULE_CODES]);
    for (const json of rules) {
      const rule = RULES[json.code as keyof typeof RULES];
      expect(Object.keys(json).sort()).toEqual(['basis', 'code', 'description', 'examples', 'settings', 'severity', 'sources', 'title']);
      expect(json).toMatchObject({ title: rule.title, severity: rule.defaultSeverity, description: rule.description, basis: rule.basis });
      expect(json.settings.map((s) => s.key)).toEqual([...rule.settings]);
      expect(json.examples.flagged.map((e) => e.input)).toEqual(rule.examples.flagged.map((e) => e.input));
      expect(json.examples.accepted.map((e) => e.note)).toEqual(rule.examples.accepted.map((e) => e.note));
    }
  });

  test('names settings as the 设置 tab does and spells the examples out as a clerk would type them', async () => {
    const rules = JSON.parse((await run('--json')).stdout) as RuleJson[];
    const funds = rules.find((r) => r.code === 'funds-mismatch')!;
    expect(funds).toMatchObject({ title: '资金来源与预算数不符', severity: 'error' });
    expect(funds.settings).toContainEqual({ key: 'fundsTolerance', label: '资金允许误差' });
    const cost = rules.find((r) => r.code === 'cost-over-budget')!;
    expect(cost.examples.flagged[0]).toEqual({
      text: '成本指标「运维费用支出」的指标值：≤300万元',
      note: '300 万元超过预算数 292 万元。',
      input: [{ dimension: '成本指标', indicator: '运维费用支出', column: '指标值', value: '≤300万元' }],
    });
  });
});

describe('jixiao rules --json: the basis of the rules of issue #23', () => {
  test('annual-exceeds-overall and weight-sum name their documents and clauses, and how far each was checked', async () => {
    const rules = JSON.parse((await run('--json')).stdout) as RuleJson[];
    const annual = rules.find((r) => r.code === 'annual-exceeds-overall')!;
    expect(annual).toMatchObject({ title: '年度目标超过中长期目标', severity: 'warning' });
    expect(annual.sources.map((s) => [s.document.replace(/《.*》/, ''), s.clause, s.checked])).toEqual([
      ['财预〔2015〕88号', '绩效目标的设定·按时效性分为中长期绩效目标和年度绩效目标', 'unchecked'],
      ['财预〔2015〕88号', '绩效目标的设定·设定要求（四）相应匹配', 'unchecked'],
      ['评审实践', '', 'practice'],
    ]);
    const weights = rules.find((r) => r.code === 'weight-sum')!;
    expect(weights.sources[0]).toMatchObject({ document: expect.stringContaining('财预〔2020〕10号'), clause: expect.stringContaining('单位自评指标权重') });
    // 101号's notice was read in a copy: its words come with it.
    const missing = rules.find((r) => r.code === 'missing-dimension')!;
    expect(missing.sources).toContainEqual(expect.objectContaining({ clause: '印发通知', checked: 'copy', quote: expect.stringContaining('供各单位在预算绩效管理工作中参考试行') }));
  });
});

describe('jixiao rules', () => {
  test('prints code, severity and title of each rule with its description under it', async () => {
    const { code, stdout } = await run();
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^unreadable-layout +错误 {2}无法读取的表格布局$/);
    expect(stdout).toMatch(/\ncost-lower-bound +警告 {2}成本指标写成下限\n {4}成本指标写成“≥”。/);
    expect(stdout).toMatch(/\ngoal-without-indicator +提示 {2}绩效目标缺少对应指标\n/);
    expect(stdout).toContain(`共 ${RULE_CODES.length} 条规则。`);
  });

  test('refuses a positional argument and an unknown option (exit 2)', async () => {
    expect(await run('cost-over-budget')).toMatchObject({ code: 2, stderr: expect.stringContaining('rules 不接受位置参数') });
    expect(await run('--all')).toMatchObject({ code: 2, stderr: expect.stringContaining('未知选项 / unknown option: --all') });
  });
});
