import type { Finding, Rule } from './types';
import { compactText } from '../values';
import { newRowOf } from '../fixes/dimensionRows';
import { indicatorRowsFix } from '../fixes/indicatorRows';
import { cellsOf, sheetGrids } from './helpers';
import { indicatorKey, templateFor, templateLabel } from './template';
import { grounded, SOURCES } from './sources';

/** An indicator of the project's template (by 三级 name) that the sheet no longer has. */
export const templateMissingIndicatorRule: Rule = {
  code: 'template-missing-indicator',
  title: '缺少模板中的指标',
  defaultSeverity: 'warning',
  description: '与模板库中同一项目的表相比，缺少某个三级指标。这只是提示：项目内容可能确实变了。',
  ...grounded([SOURCES.practice, '与上年或标准模板对照']),
  english: 'an indicator of the library table for the same project is absent',
  settings: ['severities', 'disabledRules'],
  examples: {
    flagged: [{ input: [{ dimension: '数量指标', indicator: '网络安全渗透测试次数', deleteRow: true }], note: '模板库中同一项目有这项指标，本表没有。' }],
    accepted: [{ input: [{ dimension: '数量指标', indicator: '网络安全渗透测试次数', column: '三级指标', value: '网络安全 渗透测试次数' }], note: '名称只差空格或标点，仍算同一指标。' }],
  },
  check({ sheet, library, framework }) {
    const template = templateFor(sheet, library);
    if (!template) return [];
    const annual = sheetGrids(sheet)[0];
    const rows = annual.rows;
    const present = new Set(rows.map(({ row }) => indicatorKey(row)));
    // The sheet's first row of each 二级, by its compact name: one pass, however many indicators are missing.
    const firstOfLevel2 = new Map<string, (typeof rows)[number]>();
    // A 二级 repeats down the rows as written: each written form is made compact once.
    const written = new Set<string>();
    for (const located of rows) {
      if (written.has(located.row.level2)) continue;
      written.add(located.row.level2);
      const name = compactText(located.row.level2);
      if (!firstOfLevel2.has(name)) firstOfLevel2.set(name, located);
    }
    const findings: Finding[] = [];
    for (const indicator of template.indicators) {
      const key = indicatorKey(indicator);
      if (!key || present.has(key)) continue;
      // Point at the sheet's rows of the same 二级, where the indicator would go; else at the grid header.
      const sameLevel2 = firstOfLevel2.get(compactText(indicator.level2));
      // The fix inserts the template's row (value and all) beside the sheet's rows of the same 一级.
      const { fix } = indicatorRowsFix(sheet, annual, [newRowOf(indicator)], { framework, note: `取自${templateLabel(template)}` });
      findings.push({
        message: `${templateLabel(template)}有${indicator.level2}「${indicator.level3}」（指标值 ${indicator.value || '空'}），本表没有`,
        cells: cellsOf(sameLevel2?.refs.level2 ?? sheet.refs.indicatorHeader),
        ...(fix ? { fix } : {}),
      });
    }
    return findings;
  },
};
