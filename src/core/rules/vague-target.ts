import { rowDimensionRole, type DimensionRole } from '../frameworks';
import type { Finding, Rule } from './types';
import { gridRowLabel, sheetGrids } from './helpers';
import { grounded, SOURCES } from './sources';
import { vagueTarget } from '../values';

/** Where text may stand as a target at all (数量/成本 text is bad-value's; 满意度 text too). */
const TEXT_ROLES: ReadonlySet<DimensionRole> = new Set(['quality', 'timeliness', 'benefit']);

/** What a reviewer asks for instead, by dimension. */
const ASK: Record<string, string> = {
  quality: '合格率、验收通过率等百分比，或达到的标准/等级（如「达到国家二级标准」）',
  timeliness: '完成时限（如「2024年12月底前」）或按时完成率',
  benefit: '可核验的变化（如「投诉下降率≥5%」「受益人数≥2000人」），或分级分档的定性描述（优/良/中/差）',
};

/**
 * A qualitative 指标值 under 质量, 时效 or 效益 that promises without a measure (良好, 及时, 有效提升, 保障):
 * the most common 审核意见. Qualitative text is accepted where it can be measured — a grade or 档, a named
 * standard, a deadline, a yes/no outcome (values/meaning.ts vagueTarget). 社会/生态环境成本 are not here:
 * under 101号 they are answered in words.
 */
export const vagueTargetRule: Rule = {
  code: 'vague-target',
  title: '目标表述笼统、不可衡量',
  defaultSeverity: 'warning',
  description:
    '质量、时效、效益指标的指标值只写「良好」「及时」「有效提升」「保障」等笼统词语，年底无法判断是否完成。能量化的应写成数值；确实不能量化的，可写成分级分档的定性描述（优/良/中/差、达到某标准或等级）。',
  ...grounded([SOURCES.refine88, '定性表述应具有可衡量性'], [SOURCES.refine285, '定性的分级分档形式']),
  english: 'a qualitative 指标值 under 质量/时效/效益 that cannot be measured (良好, 及时, 有效提升, 保障); graded text, a named standard, a deadline or a yes/no outcome is accepted',
  settings: ['severities', 'disabledRules'],
  examples: {
    flagged: [
      { input: [{ dimension: '质量指标', indicator: '运维服务验收通过率', column: '指标值', value: '良好' }], note: '“良好”没有标准，年底无法判断是否达到。' },
      { input: [{ dimension: '时效指标', indicator: '运维时间', column: '指标值', value: '及时' }], note: '“及时”没有时限。' },
      { input: [{ dimension: '社会效益指标', indicator: '系统正常运行和网络安全', column: '指标值', value: '有效提升' }], note: '“有效提升”没有说提升多少、以什么衡量。' },
    ],
    accepted: [
      { input: [{ dimension: '社会效益指标', indicator: '系统正常运行和网络安全', column: '指标值', value: '≥99%' }], note: '写成数值，可以核验。' },
      { input: [{ dimension: '社会效益指标', indicator: '系统正常运行和网络安全', column: '指标值', value: '达到等保三级要求' }], note: '定性但分级：达到等保三级，可以核验。' },
    ],
  },
  check({ sheet, framework }) {
    const findings: Finding[] = [];
    for (const grid of sheetGrids(sheet)) {
      for (const { row, refs } of grid.rows) {
        const role = rowDimensionRole(framework, row);
        if (!role || !TEXT_ROLES.has(role) || row.parsed.kind !== 'qualitative' || !vagueTarget(row.value)) continue;
        findings.push({
          message: `${gridRowLabel(grid, row)}的指标值「${row.value}」笼统、不可衡量，年底无法判断是否完成；宜写成${ASK[role]}`,
          cells: [refs.value],
        });
      }
    }
    return findings;
  },
};
