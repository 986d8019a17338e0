// docs/rules and the README's rule table are written from the rules' own data by `npm run docs:rules`:
// a rule without its page, a page without its rule, or either one out of date fails here.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { README, RULES_DIR, SOURCES_PAGE, TABLE_END, TABLE_START, expectedPages, readmeWithTable, ruleFacts, rulePage } from '../../scripts/docs-rules';
import { RULE_CODES } from '../../src/core/rules';

const facts = ruleFacts();
const pages = expectedPages(facts);
const FIX = '（运行 npm run docs:rules 重新生成）';

describe('docs/rules', () => {
  it('has one page per rule, the sources page, and no page without a rule', () => {
    const onDisk = readdirSync(RULES_DIR).filter((file) => file.endsWith('.md')).sort();
    expect({ pages: onDisk, fix: FIX }).toEqual({ pages: [...RULE_CODES.map((code) => `${code}.md`), SOURCES_PAGE].sort(), fix: FIX });
  });

  it('quotes each rule\'s clauses on its page and lists every clause, with how far it was checked, on sources.md', () => {
    const page = pages.get('missing-dimension.md')!;
    expect(page).toContain('## 依据原文');
    expect(page).toContain('> 我们研究制定了《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》，现予印发，供各单位在预算绩效管理工作中参考试行。');
    const sources = pages.get(SOURCES_PAGE)!;
    expect(sources).toContain('## 财预〔2021〕101号《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》');
    expect(sources).toContain('未能核对原文');
    expect(sources).toContain('[`weight-sum`](weight-sum.md)');
  });

  it.each([...pages])('%s is up to date with its rule', (file, expected) => {
    expect(readFileSync(join(RULES_DIR, file), 'utf8')).toBe(expected);
  });

  it('quotes what the checker says about each flagged example, and names the settings the rule reads', () => {
    const page = pages.get('funds-mismatch.md')!;
    expect(page).toContain('# 资金来源与预算数不符（`funds-mismatch`）');
    expect(page).toContain('资金允许误差（`fundsTolerance`）');
    expect(page).toContain('> 【错误】财政资金 200万元 + 其他资金 0万元 = 200万元，与预算数 292万元 不符，少 92万元');
    // A rule that says nothing about its own flagged example would leave the page without a quote.
    const silent = facts.find((f) => f.rule.code === 'cost-lower-bound')!;
    expect(rulePage({ ...silent, said: silent.said.map(() => []) })).not.toContain('> 【');
  });
});

describe('README rule table', () => {
  it('is the one the rules give', () => {
    const readme = readFileSync(README, 'utf8');
    expect(readme).toContain(TABLE_START);
    expect({ readme, fix: FIX }).toEqual({ readme: readmeWithTable(readme, facts), fix: FIX });
  });

  it('would be caught when stale: a changed row or a missing row differs from the generated table', () => {
    const readme = readFileSync(README, 'utf8');
    const stale = readme.replace('| 成本超过预算数 |', '| 成本超预算 |');
    expect(readmeWithTable(stale, facts)).not.toBe(stale);
    const missing = readme.replace(/\n\| \[`goal-without-indicator`\][^\n]*/, '');
    expect(readmeWithTable(missing, facts)).not.toBe(missing);
    expect(() => readmeWithTable(readme.replace(TABLE_END, ''), facts)).toThrow('起止标记');
  });
});
