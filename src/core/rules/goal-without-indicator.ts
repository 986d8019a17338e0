import type { Finding, Rule } from './types';
import { cellsOf, inGrid, structureGrids } from './helpers';
import { grounded, SOURCES } from './sources';

/** One numbering token of a goal item: `1.` `2、` `（1）` `(2)` `一、`. */
const NUMBER_TOKEN = /^(?:(\d+)[.、．]|[（(](\d+)[）)]|([一二三四五六七八九十]+)、)/;
/** Shorter clauses are headings or fragments, not promises. */
const MIN_CLAUSE_LENGTH = 6;
/** An amount of money (90万元, 2026400元), never a rate (元/人). */
const MONEY_AMOUNT = /\d[\d,，.]*\s*(?:亿元|万元|千元|元)(?!\s*\/)/g;

/**
 * A clause that only states the project's money (`本项目共申请预算资金90万元`, `其中村级组织运转400000元`): what the
 * table spends, not a result an indicator measures. Any other figure in it (10公里) makes it a promise again.
 */
function statesMoneyOnly(text: string): boolean {
  const rest = text.replace(MONEY_AMOUNT, '');
  return rest !== text && /资金|预算|经费/.test(text) && !/\d/.test(rest);
}

export interface GoalClause {
  /** The item's number as the author wrote it (the last of `1.（4）`), or its line number. */
  item: string;
  text: string;
}

/**
 * The promises of a goal text: one item per line (Word numbering such as `1.（1）` stripped, the
 * innermost number kept), each split into clauses at ； and 。.
 */
export function goalClauses(goals: string): GoalClause[] {
  const clauses: GoalClause[] = [];
  goals.split('\n').forEach((line, index) => {
    let rest = line.trim();
    let item = String(index + 1);
    for (let m = NUMBER_TOKEN.exec(rest); m; m = NUMBER_TOKEN.exec(rest)) {
      item = m[1] ?? m[2] ?? m[3];
      rest = rest.slice(m[0].length).trim();
    }
    for (const clause of rest.split(/[；;。]/)) {
      const text = clause.trim();
      if (text.length >= MIN_CLAUSE_LENGTH) clauses.push({ item, text });
    }
  });
  return clauses;
}

/** `第 4 条` for an Arabic number, `第二条` for a Chinese one, as the rest of the messages space them. */
function ordinal(item: string): string {
  return /^\d+$/.test(item) ? `第 ${item} 条` : `第${item}条`;
}

const HAN_FIRST = 0x4e00;
const HAN_LAST = 0x9fff;
const HAN_SPAN = HAN_LAST - HAN_FIRST + 1;

/**
 * Calls `visit` with each two-character Chinese term of the texts read one after the other, non-Chinese
 * characters left out (`保障 网络` has the term 障网): a cheap, dictionary-free stand-in for key words. A term
 * is a number (both characters' offsets), so a 100,000-row table costs no string or set per row.
 */
function eachTerm(texts: readonly string[], visit: (term: number) => void): void {
  let previous = -1;
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < HAN_FIRST || code > HAN_LAST) continue;
      if (previous >= 0) visit((previous - HAN_FIRST) * HAN_SPAN + (code - HAN_FIRST));
      previous = code;
    }
  }
}

function terms(text: string): Set<number> {
  const out = new Set<number>();
  eachTerm([text], (term) => out.add(term));
  return out;
}

/** How many of a clause's terms an indicator's texts share (each counted once). */
function shared(clause: ReadonlySet<number>, texts: readonly string[]): number {
  const found = new Set<number>();
  eachTerm(texts, (term) => {
    if (clause.has(term)) found.add(term);
  });
  return found.size;
}

/**
 * A promise in 绩效目标 that no indicator measures (财预〔2015〕88号: 相关性). A heuristic, hence info:
 * an item is taken as measured when an indicator's 三级 name or description shares enough terms with it.
 */
export const goalWithoutIndicatorRule: Rule = {
  code: 'goal-without-indicator',
  title: '绩效目标缺少对应指标',
  defaultSeverity: 'info',
  description: '绩效目标中的某一条与所有三级指标共用的词太少，看不出用哪个指标衡量。这是一个启发式提示，评审时可能会被问到。',
  ...grounded([SOURCES.relevant88, '绩效目标应有相关联的绩效指标'], [SOURCES.practice, '启发式']),
  english: 'a 绩效目标 clause that shares too few terms with every indicator (a heuristic: a hint of what reviewers will ask)',
  settings: ['severities', 'disabledRules', 'goalMatchMinShared'],
  examples: {
    flagged: [
      {
        input: [{ field: '绩效目标', value: '1.保障我系统数字化软件、硬件、基础网络正常运行，保障网络安全。\n2.开展法治宣传进社区活动，提升群众法律意识。' }],
        note: '第 2 条“法治宣传进社区”没有哪个三级指标衡量，评审时可能会问。',
      },
    ],
    accepted: [
      {
        input: [{ field: '绩效目标', value: '1.保障我系统数字化软件、硬件、基础网络正常运行，保障网络安全。\n2.按期完成网络安全漏洞扫描和渗透测试。' }],
        note: '第 2 条有“网络安全漏洞扫描次数”“网络安全渗透测试次数”衡量。',
      },
    ],
  },
  check({ sheet, settings }) {
    const findings: Finding[] = [];
    for (const grid of structureGrids(sheet)) {
      if (grid.rows.length === 0) continue;
      for (const { item, text } of goalClauses(grid.goals)) {
        if (statesMoneyOnly(text)) continue;
        const clauseTerms = terms(text);
        // Measured as soon as one indicator shares enough: the other rows need not be looked at.
        const measured = grid.rows.some(({ row }) => shared(clauseTerms, [row.level3, row.description]) >= settings.goalMatchMinShared);
        if (measured) continue;
        findings.push({
          message: `${inGrid(grid, '绩效目标')}${ordinal(item)}中「${text}」没有看得出对应的三级指标，评审时可能会问如何衡量`,
          cells: cellsOf(grid.goalsRef),
          goalClause: text,
        });
      }
    }
    return findings;
  },
};
