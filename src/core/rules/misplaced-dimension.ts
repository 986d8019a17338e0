import type { Finding, Rule } from './types';
import { findLevel1, findLevel2, findLevel2Anywhere } from '../frameworks';
import type { Framework } from '../frameworks/types';
import { inGrid, structureGrids, type LocatedRow, type ScopedGrid } from './helpers';
import { compactText } from '../values';
import { grounded, SOURCES } from './sources';

/** Rows grouped by their written (一级, 二级) pair, so one misplaced group gives one finding. */
function groupByNames(rows: LocatedRow[]): LocatedRow[][] {
  const groups = new Map<string, LocatedRow[]>();
  for (const located of rows) {
    const key = `${compactText(located.row.level1)}\u0000${compactText(located.row.level2)}`;
    const group = groups.get(key);
    if (group) group.push(located);
    else groups.set(key, [located]);
  }
  return [...groups.values()];
}

function checkGrid(grid: ScopedGrid, framework: Framework): Finding[] {
  // A grid with no target filled in yet (a blank form, a 范本's 目标1–3): its dimension names are the ones the
  // form prints, not a placement anyone made (S39's 投入 › 时效目标, S7's printed … rows).
  if (grid.rows.every(({ row }) => !row.value.trim())) return [];
  const findings: Finding[] = [];
  const unknownLevel1 = new Set<string>();
  for (const group of groupByNames(grid.rows)) {
    const { row } = group[0];
    const level1Name = row.level1.trim();
    const level2Name = row.level2.trim();
    const level1 = findLevel1(framework, level1Name);
    if (!level1) {
      if (level1Name && !unknownLevel1.has(compactText(level1Name))) {
        unknownLevel1.add(compactText(level1Name));
        findings.push({
          message: `${inGrid(grid, `一级指标「${level1Name}」`)}不是${framework.label}中的维度，也不是其别名`,
          cells: [group[0].refs.level1],
          severity: 'warning',
        });
      }
      continue;
    }
    if (!level2Name || findLevel2(framework, level1.name, level2Name)) continue;
    const cells = group.map(({ refs }) => refs.level2);
    const home = findLevel2Anywhere(framework, level2Name);
    if (home) {
      findings.push({
        message: `${inGrid(grid, `二级指标「${level2Name}」`)}应在一级指标「${home}」下，本表放在「${level1Name}」下（${group.length} 行）`,
        cells,
      });
    } else {
      findings.push({
        message: `${inGrid(grid, `二级指标「${level2Name}」`)}不是${framework.label}中「${level1.name}」下的维度，也不是其别名`,
        cells,
        severity: 'warning',
      });
    }
  }
  return findings;
}

/** A 二级 under the wrong 一级 (error), or a 一级/二级 name the framework does not know (warning), in each grid. */
export const misplacedDimensionRule: Rule = {
  code: 'misplaced-dimension',
  title: '指标维度位置或名称不对',
  defaultSeverity: 'error',
  description: '二级指标挂在了错误的一级指标下，或名称既不是框架中的维度也不是公认的别名（如“环境效益指标”=“生态效益指标”）。',
  ...grounded(SOURCES.framework101, [SOURCES.practice, '旧版框架的指标体系']),
  english: 'a 二级 under the wrong 一级 (error); a name that is neither a dimension nor an alias (warning)',
  settings: ['severities', 'disabledRules', 'framework'],
  examples: {
    flagged: [
      { input: [{ dimension: '社会效益指标', indicator: '系统正常运行和网络安全', column: '二级指标', value: '质量指标' }], note: '质量指标属于产出指标，不应放在效益指标下。' },
      { input: [{ dimension: '社会效益指标', indicator: '系统正常运行和网络安全', column: '二级指标', value: '安全效益指标' }], note: '“安全效益指标”不是框架中的维度，也不是别名（警告）。' },
    ],
    accepted: [{ input: [{ dimension: '社会效益指标', indicator: '系统正常运行和网络安全', column: '二级指标', value: '环境效益指标' }], note: '“环境效益指标”是“生态效益指标”的通用别名。' }],
  },
  check({ sheet, framework }) {
    return structureGrids(sheet).flatMap((grid) => checkGrid(grid, framework));
  },
};
