import type { Finding, Rule } from './types';
import type { Dimension, Framework, Level1Dimension } from '../frameworks/types';
import { findLevel1, findLevel2, findLevel2Anywhere, formLevel2 } from '../frameworks';
import type { Fix, LibraryTable } from '../model';
import type { SheetTable } from '../sheet/types';
import { dimensionRows } from '../fixes/dimensionRows';
import { indicatorRowsFix } from '../fixes/indicatorRows';
import { renameLevel2Fix } from '../fixes/renameLevel2';
import { cellsOf, inGrid, structureGrids, type ScopedGrid } from './helpers';
import { templateFor, templateLabel } from './template';
import { grounded, SOURCES } from './sources';

/** The rows a missing (or unfilled) dimension needs, put into the grid: the project's library rows, else standard ones. */
export function dimensionRowsFix(sheet: SheetTable, grid: ScopedGrid, framework: Framework, level1: Level1Dimension, level2s: readonly Dimension[], template: LibraryTable | null): Fix | undefined {
  // A library table is one year's: its rows fill the annual grid only.
  const { rows, fromLibrary } = dimensionRows(framework, level1, level2s, grid.scope === 'annual' ? template : null);
  const note = fromLibrary === 0 ? '框架标准指标行' : `取自${template ? templateLabel(template) : '模板库'}`;
  return indicatorRowsFix(sheet, grid, rows, { framework, note }).fix ?? undefined;
}

/** 运转/工资类 items: upkeep and pay, where an 效益 of their own is hard to state (the texts do not require one). */
const UPKEEP = /运转|运行经费|运行保障|工资|福利|人员经费|公用经费|离退休|社保缴费|公积金|日常办公/;

/**
 * Where the texts leave room, a missing dimension is a warning, not an error: 101号 is issued 供参考试行 and
 * leaves 时效 and 满意度 to the project; 运转/工资 items state no 效益 of their own in practice.
 */
function softened(sheet: SheetTable, framework: Framework, name: string): boolean {
  if (framework.name === '2021' && (name === '满意度指标' || name === '服务对象满意度指标' || name === '时效指标')) return true;
  return name === '效益指标' && UPKEEP.test(sheet.table.projectName);
}

function checkGrid(sheet: SheetTable, grid: ScopedGrid, framework: Framework, template: LibraryTable | null): Finding[] {
  const { rows, header } = grid;
  const found: Finding[] = [];
  const push = (finding: Finding, name?: string): void => {
    const soft = name !== undefined && softened(sheet, framework, name);
    found.push(soft ? { ...finding, severity: 'warning', message: `${finding.message}（文件未作硬性要求，按评审实践提示）` } : finding);
  };
  // An empty slot of a printed 二级 is that 二级 being present, waiting to be filled (missing-value says so),
  // never missing: a form half filled in keeps every dimension it prints.
  const printed = [...rows.map(({ row, refs }) => ({ level1: row.level1, level2: row.level2, refs })), ...(grid.slots ?? [])];
  const level2Names = [...new Set(printed.map((row) => row.level2))];
  const withFix = (finding: Finding, fix: Fix | undefined): Finding => (fix ? { ...finding, fix } : finding);
  for (const level1 of framework.level1) {
    const first = printed.find((row) => findLevel1(framework, row.level1) === level1);
    if (!first) {
      if (level1.required) {
        const where = grid.name ? `${grid.name}的指标中` : '本表';
        push(
          withFix(
            { message: `缺少一级指标「${level1.name}」：${where}没有该维度的指标`, cells: cellsOf(header) },
            dimensionRowsFix(sheet, grid, framework, level1, formLevel2(level1), template),
          ),
          level1.name,
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
        const fix = renameLevel2Fix(grid, framework, level1, level2) ?? dimensionRowsFix(sheet, grid, framework, level1, [level2], template);
        push(withFix({ message: `${subject}下缺少二级指标「${level2.name}」`, cells: groupCell }, fix), level2.name);
      }
    }
    const distinct = present.size;
    if (distinct < level1.minLevel2) {
      const absent = level1.level2.filter((level2) => !present.has(level2)).slice(0, level1.minLevel2 - distinct);
      push(
        withFix(
          { message: `${subject}下只有 ${distinct} 个有效的二级指标，至少需要 ${level1.minLevel2} 个`, cells: groupCell },
          dimensionRowsFix(sheet, grid, framework, level1, absent, template),
        ),
      );
    }
  }
  return found;
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
  description: '框架要求的一级或二级指标维度（如产出指标下的数量、质量、时效、成本指标，或101号框架的成本指标一级）在表中没有任何指标行。缺少维度的表通常被财政部门退回补充。文件留有余地之处只作警告：101号表缺时效或满意度（101号指引“供参考试行”），运转/工资类项目缺效益指标。',
  ...grounded(
    [SOURCES.complete88, '缺少维度为错误'],
    [SOURCES.framework101, '成本指标为一级'],
    [SOURCES.trial101, '101号表缺时效、满意度及运转/工资类项目缺效益只作警告'],
    [SOURCES.cover34, '满意度等是绩效目标应含的内容，但未定为退回条款'],
  ),
  english: 'a required 一级 or 二级 dimension of the framework has no indicator row',
  settings: ['severities', 'disabledRules', 'requiredDimensions', 'framework'],
  examples: {
    flagged: [{ input: [{ dimension: '时效指标', indicator: '运维时间', deleteRow: true }], note: '删去后产出指标下没有任何时效指标。' }],
    accepted: [{ input: [{ dimension: '时效指标', indicator: '运维时间', column: '二级指标', value: '时效' }], note: '“时效”省略了“指标”二字，仍算时效指标。' }],
  },
  check({ sheet, framework, library }) {
    const template = templateFor(sheet, library);
    return structureGrids(sheet).flatMap((grid) => checkGrid(sheet, grid, framework, template));
  },
};
