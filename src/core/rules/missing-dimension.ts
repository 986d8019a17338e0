import type { Finding, Rule } from './types';
import type { Dimension, Framework, Level1Dimension } from '../frameworks/types';
import { findLevel1, findLevel2, findLevel2Anywhere, formLevel2 } from '../frameworks';
import type { Fix, LibraryTable } from '../model';
import type { SheetTable } from '../sheet/types';
import { dimensionRows } from '../fixes/dimensionRows';
import { indicatorRowsFix } from '../fixes/indicatorRows';
import { renameLevel2Fix } from '../fixes/renameLevel2';
import { cellsOf, inGrid, sheetGrids, type ScopedGrid } from './helpers';
import { templateFor, templateLabel } from './template';

/** The rows a missing dimension needs, inserted into the grid: the project's library rows, else standard ones. */
function insertFix(sheet: SheetTable, grid: ScopedGrid, framework: Framework, level1: Level1Dimension, level2s: readonly Dimension[], template: LibraryTable | null): Fix | undefined {
  // A library table is one year's: its rows fill the annual grid only.
  const { rows, fromLibrary } = dimensionRows(framework, level1, level2s, grid.scope === 'annual' ? template : null);
  const note = fromLibrary === 0 ? '框架标准指标行' : `取自${template ? templateLabel(template) : '模板库'}`;
  return indicatorRowsFix(sheet, grid, rows, { framework, note }).fix ?? undefined;
}

function checkGrid(sheet: SheetTable, grid: ScopedGrid, framework: Framework, template: LibraryTable | null): Finding[] {
  const { rows, header } = grid;
  const findings: Finding[] = [];
  const level2Names = [...new Set(rows.map(({ row }) => row.level2))];
  const withFix = (finding: Finding, fix: Fix | undefined): Finding => (fix ? { ...finding, fix } : finding);
  for (const level1 of framework.level1) {
    const first = rows.find(({ row }) => findLevel1(framework, row.level1) === level1);
    if (!first) {
      if (level1.required) {
        const where = grid.name ? `${grid.name}的指标中` : '本表';
        findings.push(
          withFix(
            { message: `缺少一级指标「${level1.name}」：${where}没有该维度的指标`, cells: cellsOf(header) },
            insertFix(sheet, grid, framework, level1, formLevel2(level1), template),
          ),
        );
      }
      continue;
    }
    const groupCell = cellsOf(first.refs.level1, header).slice(0, 1);
    const present = new Set(
      level2Names
        .filter((name) => findLevel2Anywhere(framework, name) === level1.name)
        .map((name) => findLevel2(framework, level1.name, name)),
    );
    const subject = inGrid(grid, `一级指标「${level1.name}」`);
    for (const level2 of level1.level2) {
      if (level2.required && !present.has(level2)) {
        // Its rows under an unknown 二级 name (群众满意度): renamed, never a second block beside them.
        const fix = renameLevel2Fix(grid, framework, level1, level2) ?? insertFix(sheet, grid, framework, level1, [level2], template);
        findings.push(withFix({ message: `${subject}下缺少二级指标「${level2.name}」`, cells: groupCell }, fix));
      }
    }
    const distinct = present.size;
    if (distinct < level1.minLevel2) {
      const absent = level1.level2.filter((level2) => !present.has(level2)).slice(0, level1.minLevel2 - distinct);
      findings.push(
        withFix(
          { message: `${subject}下只有 ${distinct} 个有效的二级指标，至少需要 ${level1.minLevel2} 个`, cells: groupCell },
          insertFix(sheet, grid, framework, level1, absent, template),
        ),
      );
    }
  }
  return findings;
}

/**
 * A required 一级 or 二级 of the framework with no indicator row, in each grid of the sheet. A 二级 written
 * under the wrong 一级 still counts as present here: misplaced-dimension reports it, once. The fix inserts
 * the project's rows of that dimension from its library table, else the framework's standard rows.
 */
export const missingDimensionRule: Rule = {
  code: 'missing-dimension',
  title: '缺少必需的指标维度',
  defaultSeverity: 'error',
  description: '框架要求的一级或二级指标维度（如产出指标下的数量、质量、时效、成本指标，或101号框架的成本指标一级）在表中没有任何指标行。缺少维度的表通常被财政部门退回补充。',
  basis: '财预〔2021〕101号（成本指标为必填一级维度）；财预〔2015〕88号审核要点“完整性”',
  english: 'a required 一级 or 二级 dimension of the framework has no indicator row',
  settings: ['severities', 'disabledRules', 'requiredDimensions', 'framework'],
  examples: {
    flagged: [{ input: [{ dimension: '时效指标', indicator: '运维时间', deleteRow: true }], note: '删去后产出指标下没有任何时效指标。' }],
    accepted: [{ input: [{ dimension: '时效指标', indicator: '运维时间', column: '二级指标', value: '时效' }], note: '“时效”省略了“指标”二字，仍算时效指标。' }],
  },
  check({ sheet, framework, library }) {
    const template = templateFor(sheet, library);
    return sheetGrids(sheet).flatMap((grid) => checkGrid(sheet, grid, framework, template));
  },
};
