import type { Finding, Rule } from './types';
import { cellList, formatNumber, inGrid, sheetGrids } from './helpers';
import { grounded, SOURCES } from './sources';
import { compactText } from '../values';
import { findLevel1 } from '../frameworks';

/** Whole sums: 100, or 90 where 预算执行率 carries the other 10 outside the grid (自评表). */
const SUMS = [100, 90];

/** A weight printed in a 一级 name: 产出指标（50分）, 效益指标(30分). */
const WEIGHT = /[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]/;

/**
 * Where the form prints weights in its 一级 names (产出指标（50分）), they should add up to 100: an
 * evaluation scores out of 100 (财预〔2020〕10号's 评价指标体系). Forms without weights are not judged.
 */
export const weightSumRule: Rule = {
  code: 'weight-sum',
  title: '分值合计不为100',
  defaultSeverity: 'warning',
  description: '表中的一级指标写有分值（如「产出指标（50分）」）时，各一级指标的分值合计应为 100 分（自评表另计预算执行率 10 分的，为 90 分）。未写分值或缺少一级指标的表不检查。',
  ...grounded([SOURCES.evaluation10, '评价总分 100 分'], [SOURCES.practice, '填报表上印有分值时']),
  english: 'weights printed in the 一级 names (产出指标（50分）) that do not add up to 100; forms without weights are not judged',
  settings: ['severities', 'disabledRules'],
  examples: {
    flagged: [
      {
        input: [
          { dimension: '数量指标', indicator: '软件运维系统个数', column: '一级指标', value: '产出指标（50分）' },
          { dimension: '社会效益指标', indicator: '系统正常运行和网络安全', column: '一级指标', value: '效益指标（30分）' },
          { dimension: '服务对象满意度指标', indicator: '使用人员满意度', column: '一级指标', value: '满意度指标（5分）' },
        ],
        note: '50 + 30 + 5 = 85 分，既不是 100 分，也不是自评表的 90 分。',
      },
    ],
    accepted: [
      {
        input: [
          { dimension: '数量指标', indicator: '软件运维系统个数', column: '一级指标', value: '产出指标（50分）' },
          { dimension: '社会效益指标', indicator: '系统正常运行和网络安全', column: '一级指标', value: '效益指标（30分）' },
          { dimension: '服务对象满意度指标', indicator: '使用人员满意度', column: '一级指标', value: '满意度指标（20分）' },
        ],
        note: '50 + 30 + 20 = 100 分。',
      },
    ],
  },
  check({ sheet, framework }) {
    const findings: Finding[] = [];
    for (const grid of sheetGrids(sheet)) {
      const weights = new Map<string, { weight: number; cell: string }>();
      for (const { row, refs } of grid.rows) {
        const name = compactText(row.level1);
        const match = WEIGHT.exec(name);
        if (match && !weights.has(name)) weights.set(name, { weight: Number(match[1]), cell: refs.level1 });
      }
      // Judged only where every 一级 of the grid carries a weight (a row inserted without one is not a form's).
      const level1Names = new Set(grid.rows.map(({ row }) => compactText(row.level1)));
      if (weights.size < 2 || weights.size < level1Names.size) continue;
      // A grid missing a 一级 (missing-dimension says so) cannot be weighed: its points are elsewhere or lost.
      const present = new Set(grid.rows.map(({ row }) => findLevel1(framework, row.level1)));
      if (framework.level1.some((level1) => level1.required && !present.has(level1))) continue;
      const parts = [...weights.values()];
      const sum = parts.reduce((s, p) => s + p.weight, 0);
      // 自评表 (10号) give 预算执行率 its 10 points outside the indicator grid: 90 there is whole.
      if (!SUMS.some((whole) => Math.abs(sum - whole) <= 1e-9)) {
        findings.push({
          message: `${inGrid(grid, '一级指标的分值')}合计 ${parts.map((p) => formatNumber(p.weight)).join(' + ')} = ${formatNumber(sum)} 分，应为 100 分（自评表另计预算执行率 10 分时为 90 分）`,
          cells: cellList(parts.map((p) => p.cell)),
        });
      }
    }
    return findings;
  },
};
