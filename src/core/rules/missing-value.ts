import type { Finding, Rule } from './types';
import { findLevel1, findLevel2 } from '../frameworks';
import { inGrid, sheetGrids } from './helpers';
import { grounded, SOURCES } from './sources';
import { dimensionRowsFix } from './missing-dimension';
import { templateFor } from './template';

/** Every indicator row needs a 三级 name and a 指标值, in each grid. */
export const missingValueRule: Rule = {
  code: 'missing-value',
  title: '指标缺少名称或指标值',
  defaultSeverity: 'error',
  description: '指标行缺少指标值或三级指标名称。没有指标值的指标无法在年底评价。',
  ...grounded(SOURCES.complete88),
  english: 'an indicator row without 指标值 or 三级 name',
  settings: ['severities', 'disabledRules'],
  examples: {
    flagged: [
      { input: [{ dimension: '质量指标', indicator: '运维服务验收通过率', column: '指标值', value: '' }], note: '没有指标值，年底无法评价是否完成。' },
      { input: [{ dimension: '数量指标', indicator: '租赁网络数量', column: '三级指标', value: '' }], note: '有指标值却没有三级指标名称，不知道衡量的是什么。' },
    ],
    accepted: [{ input: [{ dimension: '质量指标', indicator: '运维服务验收通过率', column: '指标值', value: '≥95%' }], note: '名称和指标值都已填写。' }],
  },
  check({ sheet, framework, library }) {
    const findings: Finding[] = [];
    const template = templateFor(sheet, library);
    for (const grid of sheetGrids(sheet)) {
      for (const { row, refs } of grid.rows) {
        const level3 = row.level3.trim();
        const where = inGrid(grid, row.level2.trim() || row.level1.trim() || '指标');
        if (!level3) {
          findings.push({ message: `${where}下有一行没有三级指标名称`, cells: [refs.level3] });
        }
        if (!row.value.trim()) {
          const name = level3 ? `${where}「${level3}」` : `${where}下的一行`;
          findings.push({ message: `${name}没有填写指标值`, cells: [refs.value] });
        }
      }
      // A printed 二级 left empty on a form being filled in is present (missing-dimension does not count it
      // missing) but not yet filled: said when the framework needs it (a required 二级, or a 一级 short of
      // its minimum), not for an optional one beside a filled sibling (效益 with 社会效益 filled).
      const filled = grid.rows.map(({ row }) => row);
      const short = new Set<string>();
      for (const slot of grid.slots ?? []) {
        const level1 = findLevel1(framework, slot.level1);
        const level2 = level1 ? findLevel2(framework, level1.name, slot.level2) : null;
        if (!level1 || !level2 || filled.some((row) => findLevel2(framework, row.level1, row.level2) === level2)) continue;
        const siblings = new Set(filled.filter((row) => findLevel1(framework, row.level1) === level1).map((row) => findLevel2(framework, row.level1, row.level2)));
        siblings.delete(null);
        if (!level2.required) {
          // An optional 二级 only makes up a 一级's minimum: its first empty slot is said, once.
          if (!level1.required || siblings.size >= Math.max(level1.minLevel2, 1) || short.has(level1.name)) continue;
          short.add(level1.name);
        }
        const finding: Finding = { message: `${inGrid(grid, slot.level2.trim() || slot.level1.trim())}下还没有填写指标`, cells: [slot.refs.level3 || slot.refs.value] };
        // The fix fills the slot with the project's rows of that 二级 (its library table's, else standard ones).
        const fix = dimensionRowsFix(sheet, grid, framework, level1, [level2], template);
        findings.push(fix ? { ...finding, fix } : finding);
      }
    }
    return findings;
  },
};
