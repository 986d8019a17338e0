import type { Finding, Rule } from './types';
import { cellsOf, sheetGrids } from './helpers';
import { grounded, SOURCES } from './sources';

/** 项目名称, 预算数 and 绩效目标 (on a multi-year sheet also the 总体目标 text) are what every reviewer reads first. */
export const missingFieldRule: Rule = {
  code: 'missing-field',
  title: '表头必填项为空',
  defaultSeverity: 'error',
  description: '项目名称、预算数或绩效目标为空。这些是绩效目标表的必填项，缺少任何一项都无法审核。',
  ...grounded(SOURCES.complete88),
  english: '项目名称, 预算数 or 绩效目标 empty',
  settings: ['severities', 'disabledRules'],
  examples: {
    flagged: [
      { input: [{ field: '项目名称', value: '' }], note: '没有项目名称，审核人不知道这张表是哪个项目的。' },
      { input: [{ field: '预算数', value: '' }], note: '预算数为空，成本和资金来源都无从核对。' },
    ],
    accepted: [{ input: [{ field: '预算数', value: '292万元' }], note: '预算数写成带单位的文字也能读出金额。' }],
  },
  check({ sheet }) {
    const { table, refs } = sheet;
    const findings: Finding[] = [];
    const problems = sheet.amountProblems ?? {};
    if (!table.projectName.trim()) {
      findings.push({ message: refs.projectName ? '项目名称为空' : '找不到「项目名称」：表上没有项目名称栏目', cells: cellsOf(refs.projectName) });
    }
    if (table.budget.total === null) {
      const message = problems.budgetTotal
        ? `预算数单元格是${problems.budgetTotal}，不是金额：无法核对成本和资金`
        : refs.budgetTotal
          ? `预算数为空（单位：${table.unit}）`
          : '找不到「预算数」（也没有资金总额、项目金额等栏目）：无法核对成本和资金';
      findings.push({ message, cells: cellsOf(refs.budgetTotal) });
    }
    for (const [field, name] of [['budgetFiscal', '财政资金'], ['budgetOther', '其他资金']] as const) {
      const problem = problems[field];
      if (problem) findings.push({ message: `${name}单元格是${problem}，不是金额：资金合计无法核对`, cells: cellsOf(refs[field]) });
    }
    // A 自评表 carries its targets in the indicator grid (年度绩效目标 as the grid's own heading); a form
    // with no goal text of its own is not asked for one. A goal label left empty is still reported.
    const selfEvaluation = /自评/.test(table.title ?? '');
    if (!table.goals.trim() && (refs.goals !== null || !selfEvaluation)) {
      const message = refs.goals ? '绩效目标为空：应写明本年度要达到的产出和效果' : '找不到「绩效目标」：表上没有绩效目标（年度目标）栏目';
      findings.push({ message, cells: cellsOf(refs.goals) });
    }
    const grids = sheetGrids(sheet);
    // A grid read from one header by its period columns (实施期目标 | 年度目标) shares the form's one 绩效目标:
    // its overall part has no goals field of its own to fill, unless the form prints one.
    const sharesHeader = (grid: (typeof grids)[number]) => grids.some((other) => other !== grid && other.header === grid.header);
    for (const grid of grids.slice(1)) {
      if (!grid.goals.trim() && grid.scope === 'overall' && (grid.goalsRef !== null || !sharesHeader(grid))) {
        findings.push({ message: `${grid.name}为空：应写明项目期内要达到的产出和效果`, cells: cellsOf(grid.goalsRef ?? grid.header) });
      }
    }
    return findings;
  },
};
