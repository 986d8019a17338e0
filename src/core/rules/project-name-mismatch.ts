import type { Finding, Rule } from './types';
import { cellsOf } from './helpers';
import { grounded, SOURCES } from './sources';
import { compactText } from '../values';

/** What a title adds around the name: the form's name, the year, brackets. */
const TITLE_WORDS = /(?:项目支出|部门预算|预算)?(?:绩效目标)?(?:申报|审批|自评|评价)?表|绩效目标|[（(]?\d{4}年度?[)）]?|[（(][^）)]*[)）]|\d+[.、]?/g;

function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) out.add(text.slice(i, i + 2));
  return out;
}

/** The project named in a title (`数字化运维项目绩效目标表` → `数字化运维项目`), or '' when it names none. */
export function titleProject(title: string): string {
  return compactText(title).replace(TITLE_WORDS, '');
}

/**
 * The title names a project close to, but not the same as, the 项目名称 cell (数字化运维项目 vs 数字化运维服务
 * 项目): one of the two is not the name in the 部门预算. Titles that name no project, or only the unit, are not
 * compared (they share no words with the name).
 */
export const projectNameMismatchRule: Rule = {
  code: 'project-name-mismatch',
  title: '标题与项目名称不一致',
  defaultSeverity: 'info',
  description: '表标题中的项目名称与「项目名称」栏相近却不相同（如标题「数字化运维服务项目绩效目标表」、项目名称「数字化运维项目」）。项目名称应与部门预算中的项目名称一致，两处宜统一。',
  ...grounded(SOURCES.complete88, [SOURCES.practice, '项目名称与部门预算一致']),
  english: 'the title names a project close to but not the same as the 项目名称 cell',
  settings: ['severities', 'disabledRules'],
  examples: {
    flagged: [{ input: [{ field: '项目名称', value: '数字化运维服务项目' }], note: '标题是「数字化运维项目绩效目标表」，项目名称多了“服务”。' }],
    accepted: [{ input: [{ field: '项目名称', value: '数字化运维项目' }], note: '与标题一致。' }],
  },
  check({ sheet }) {
    const fromTitle = titleProject(sheet.table.title);
    const name = compactText(sheet.table.projectName).replace(TITLE_WORDS, '');
    if (fromTitle.length < 4 || name.length < 2 || fromTitle.includes(name) || name.includes(fromTitle)) return [];
    const a = bigrams(fromTitle);
    const b = bigrams(name);
    const shared = [...a].filter((x) => b.has(x)).length;
    // Close: most of the shorter name's terms are in the other (not a unit name beside a project name).
    if (shared / Math.min(a.size, b.size) < 0.6) return [];
    const finding: Finding = {
      message: `标题中的项目是「${fromTitle}」，项目名称栏是「${sheet.table.projectName}」：两处宜统一为部门预算中的项目名称`,
      cells: cellsOf(sheet.refs.projectName, sheet.refs.title),
    };
    return [finding];
  },
};
