import type { Finding, Rule } from './types';
import { compareTargets } from '../values';
import { locatedRows, rowLabel } from './helpers';
import { indicatorKey, templateFor, templateLabel } from './template';

/** A target lowered against the template: a lower floor (≥), a higher ceiling (≤), a later deadline. */
export const templateWeakenedTargetRule: Rule = {
  code: 'template-weakened-target',
  title: '指标值低于模板',
  defaultSeverity: 'warning',
  check({ sheet, library }) {
    const template = templateFor(sheet, library);
    if (!template) return [];
    const byKey = new Map(template.indicators.map((indicator) => [indicatorKey(indicator), indicator]));
    const findings: Finding[] = [];
    for (const { row, refs } of locatedRows(sheet)) {
      const original = byKey.get(indicatorKey(row));
      if (!original || compareTargets(original.parsed, row.parsed) !== 'weaker') continue;
      findings.push({
        message: `${rowLabel(row)}的指标值「${row.value}」低于${templateLabel(template)}的「${original.value}」`,
        cells: [refs.value],
      });
    }
    return findings;
  },
};
