import type { Finding, Rule } from './types';
import { cellsOf, sheetGrids } from './helpers';

/** 项目名称, 预算数 and 绩效目标 (on a multi-year sheet also the 总体目标 text) are what every reviewer reads first. */
export const missingFieldRule: Rule = {
  code: 'missing-field',
  title: '表头必填项为空',
  defaultSeverity: 'error',
  description: '项目名称、预算数或绩效目标为空。这些是绩效目标表的必填项，缺少任何一项都无法审核。',
  basis: '财预〔2015〕88号审核要点“完整性”',
  settings: ['severities', 'disabledRules'],
  check({ sheet }) {
    const { table, refs } = sheet;
    const findings: Finding[] = [];
    if (!table.projectName.trim()) {
      findings.push({ message: '项目名称为空', cells: cellsOf(refs.projectName) });
    }
    if (table.budget.total === null) {
      findings.push({ message: `预算数为空（单位：${table.unit}）`, cells: cellsOf(refs.budgetTotal) });
    }
    if (!table.goals.trim()) {
      findings.push({ message: '绩效目标为空：应写明本年度要达到的产出和效果', cells: cellsOf(refs.goals) });
    }
    for (const grid of sheetGrids(sheet).slice(1)) {
      if (!grid.goals.trim() && grid.scope === 'overall') {
        findings.push({ message: `${grid.name}为空：应写明项目期内要达到的产出和效果`, cells: cellsOf(grid.goalsRef ?? grid.header) });
      }
    }
    return findings;
  },
};
