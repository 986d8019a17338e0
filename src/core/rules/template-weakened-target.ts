import type { Finding, Rule } from './types';
import type { ParsedValue } from '../model';
import { compareTargets, isLowerBound, isUpperBound } from '../values';
import { locatedRows, rowLabel } from './helpers';
import { indicatorKey, templateFor, templateLabel } from './template';
import { grounded, SOURCES } from './sources';

/** How the bar moved, in words a reviewer uses; the template's own value says which way is weaker. */
function loosening(template: ParsedValue): string {
  if (template.kind === 'deadline') return '期限更晚';
  if (isUpperBound(template.operator) || template.kind === 'moneyTotal' || template.kind === 'moneyRate') return '上限更高';
  if (isLowerBound(template.operator)) return '下限更低';
  return '目标更低';
}

/** A target lowered against the template: a lower floor (≥), a higher ceiling (≤), a later deadline. */
export const templateWeakenedTargetRule: Rule = {
  code: 'template-weakened-target',
  title: '指标目标比模板宽松',
  defaultSeverity: 'warning',
  description: '与模板库中同一项目的表相比，目标变弱了：“≥”的值更低，或“≤”的值更高。',
  ...grounded([SOURCES.practice, '目标不应无故降低']),
  english: "a target weaker than the library's (lower ≥, higher ≤)",
  settings: ['severities', 'disabledRules'],
  examples: {
    flagged: [{ input: [{ dimension: '数量指标', indicator: '软件运维系统个数', column: '指标值', value: '≥10个' }], note: '模板是“≥13个”，目标降低了。' }],
    accepted: [{ input: [{ dimension: '数量指标', indicator: '软件运维系统个数', column: '指标值', value: '≥15个' }], note: '比模板的“≥13个”更高。' }],
  },
  check({ sheet, library }) {
    const template = templateFor(sheet, library);
    if (!template) return [];
    const byKey = new Map(template.indicators.map((indicator) => [indicatorKey(indicator), indicator]));
    const findings: Finding[] = [];
    for (const { row, refs } of locatedRows(sheet)) {
      const original = byKey.get(indicatorKey(row));
      if (!original || compareTargets(original.parsed, row.parsed) !== 'weaker') continue;
      findings.push({
        message: `${rowLabel(row)}的指标值「${row.value}」比${templateLabel(template)}的「${original.value}」宽松（${loosening(original.parsed)}）；若无特别原因，宜沿用「${original.value}」`,
        cells: [refs.value],
      });
    }
    return findings;
  },
};
