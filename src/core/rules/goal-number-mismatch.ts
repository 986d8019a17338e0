import { rowDimensionRole } from '../frameworks';
import type { Finding, Rule } from './types';
import { cellsOf, formatNumber, gridRowLabel, sheetGrids, type ScopedGrid } from './helpers';
import { grounded, SOURCES } from './sources';
import { compactText } from '../values';
import type { ParsedValue } from '../model';
import type { Framework } from '../frameworks/types';

/** A number with a count unit in the 绩效目标 text, and the words before it (培训 800人次). */
const GOAL_NUMBER = /(\d+(?:\.\d+)?)(万?(?:人次|人|个|次|项|套|件|场|期|户|家|册|本|份|篇|条|台|辆|所|亩|公里|课时|批|班|批次|场次))/g;

/** Two-character terms of a text (CJK only): what a goal's words and an indicator's name must share. */
function terms(text: string): Set<string> {
  const chars = [...compactText(text)].filter((ch) => /[\u4e00-\u9fff]/.test(ch));
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return out;
}

interface GoalNumber {
  number: number;
  unit: string;
  /** The words before it, back to the previous punctuation. */
  context: string;
  text: string;
}

function goalNumbers(goals: string): GoalNumber[] {
  const text = compactText(goals);
  return [...text.matchAll(GOAL_NUMBER)].map((m) => {
    const before = text.slice(0, m.index).split(/[，,。；;、：:\n（）()]/).pop() ?? '';
    return { number: Number(m[1]), unit: m[2], context: before.replace(/^\d+[.、]?/, '').slice(-12), text: m[0] };
  });
}

const countOf = (parsed: ParsedValue, unit: string): number | null => (parsed.kind === 'count' && parsed.unit === unit ? parsed.number : null);

/**
 * The region grids as one: the first region's rows, each count replaced by its sum over the regions when
 * every region counts it in the same unit (else the first region's value stands).
 */
function summedOverRegions(regions: readonly ScopedGrid[]): ScopedGrid {
  const [first] = regions;
  const rows = first.rows.map((located) => {
    const parts = regions.map((grid) => grid.rows[located.index]?.row.parsed);
    const { kind, unit } = located.row.parsed;
    if (kind !== 'count' || unit === null || !parts.every((p) => p?.kind === 'count' && p.unit === unit && p.number !== null)) return located;
    const number = parts.reduce((sum, p) => sum + (p?.number ?? 0), 0);
    const value = `${formatNumber(number)}${unit}`;
    return { ...located, row: { ...located.row, value, parsed: { ...located.row.parsed, number, raw: value } } };
  });
  return { ...first, name: '各地区合计', rows };
}

function checkGrid(grid: ScopedGrid, framework: Framework): Finding[] {
  const counts = grid.rows.filter(({ row }) => rowDimensionRole(framework, row) === 'quantity');
  const findings: Finding[] = [];
  for (const goal of goalNumbers(grid.goals)) {
    const sameUnit = counts.filter(({ row }) => countOf(row.parsed, goal.unit) !== null);
    // The goal's number is some indicator's: nothing contradicts it.
    if (sameUnit.some(({ row }) => countOf(row.parsed, goal.unit) === goal.number)) continue;
    const words = terms(goal.context);
    // The indicator sharing the most terms with the goal's words, when one clearly does (else the goal may
    // sum several indicators, or name none of them: no contradiction to claim).
    const ranked = sameUnit
      .map((located) => ({ located, shared: [...terms(located.row.level3)].filter((t) => words.has(t)).length }))
      .filter((r) => r.shared > 0)
      .sort((a, b) => b.shared - a.shared);
    if (ranked.length === 0 || (ranked.length > 1 && ranked[1].shared === ranked[0].shared)) continue;
    const { row, refs } = ranked[0].located;
    findings.push({
      message: `绩效目标写「${goal.context}${goal.text}」，${gridRowLabel(grid, row)}的指标值却是「${row.value}」（${formatNumber(countOf(row.parsed, goal.unit) ?? 0)}${goal.unit}）：两处数字应一致`,
      cells: cellsOf(refs.value, grid.goalsRef),
    });
  }
  return findings;
}

/**
 * A number in the 绩效目标 text (800人次) that the indicator measuring the same thing contradicts (≥500人次):
 * the same unit, a shared term, and no indicator carrying the goal's number.
 */
export const goalNumberMismatchRule: Rule = {
  code: 'goal-number-mismatch',
  title: '绩效目标与指标数字不一致',
  defaultSeverity: 'warning',
  description:
    '绩效目标文字中的数量（如「培训800人次」）与衡量同一事项的指标值（如「≥500人次」）不一致。绩效指标是绩效目标的细化和量化，两处数字应当一致；只比较单位相同、名称有共同词语、且没有任何指标写出目标中数字的情况。',
  ...grounded([SOURCES.content88, '指标细化、量化绩效目标'], [SOURCES.relevant88, '目标与相关联的指标']),
  english: 'a count in the 绩效目标 text (800人次) contradicted by the indicator of the same thing (≥500人次): same unit, a shared term, no indicator with the goal\'s number',
  settings: ['severities', 'disabledRules'],
  examples: {
    flagged: [
      { input: [{ field: '绩效目标', value: '1.保障我系统13个软件运维系统、7个硬件运维系统正常运行，开展网络安全渗透测试3次。' }], note: '目标写渗透测试 3 次，指标写 ≥1 次。' },
    ],
    accepted: [
      { input: [{ field: '绩效目标', value: '1.保障我系统13个软件运维系统、7个硬件运维系统正常运行，开展网络安全渗透测试1次。' }], note: '目标与指标的数字一致。' },
    ],
  },
  check({ sheet, framework }) {
    const grids = sheetGrids(sheet);
    const regions = grids.filter((grid) => grid.region !== undefined);
    if (regions.length < 2) return grids.flatMap((grid) => checkGrid(grid, framework));
    // A 区域绩效目标表's goal speaks of the whole (开展7个…) and each region holds its part (1 个 each): the goal
    // is weighed once, against each row summed over the regions.
    return [...grids.filter((grid) => grid.region === undefined).flatMap((grid) => checkGrid(grid, framework)), ...checkGrid(summedOverRegions(regions), framework)];
  },
};
