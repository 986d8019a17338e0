// A required 二级 reported missing while its rows are there under a name the framework does not know
// (群众满意度 under 满意度指标): the fix a reviewer makes is to rename that 二级, not to add a second, empty block.
import { dimensionRole, findLevel1, findLevel2Anywhere, type Dimension, type Framework, type Level1Dimension } from '../frameworks';
import type { Fix } from '../model';
import type { ScopedGrid } from '../rules/helpers';

/** The word a 二级 name must hold to stand for a dimension (满意 for 服务对象满意度指标, 成本 for 成本指标 …). */
function markOf(framework: Framework, level1: Level1Dimension, dimension: Dimension): string {
  if (dimensionRole(framework, level1.name, dimension.name) === 'satisfaction') return '满意';
  return dimension.name.replace(/指标$/, '').slice(0, 2);
}

/**
 * Renames the one unknown 二级 under `level1` that names `missing` by its mark, in every cell it is written
 * in (a merged 二级 is one cell); undefined when there is none, or several, or it names something else.
 */
export function renameLevel2Fix(grid: ScopedGrid, framework: Framework, level1: Level1Dimension, missing: Dimension): Fix | undefined {
  // A 二级 read from its 一级's own cell (one cell merged over both columns, S8) is no 二级 to rename: that would rename the 一级.
  const unknown = grid.rows.filter(
    ({ row, refs }) => findLevel1(framework, row.level1) === level1 && row.level2.trim() !== '' && refs.level2 !== refs.level1 && findLevel2Anywhere(framework, row.level2) === null,
  );
  const names = [...new Set(unknown.map(({ row }) => row.level2.trim()))];
  if (names.length !== 1 || !names[0].includes(markOf(framework, level1, missing))) return undefined;
  const cells = [...new Set(unknown.map(({ refs }) => refs.level2))];
  return {
    description: `将二级指标「${names[0]}」改为「${missing.name}」（${cells.join('、')}）：其下的指标即为${missing.name}，不另加一组`,
    steps: cells.map((cell) => ({ kind: 'setCell' as const, cell, value: missing.name })),
    select: cells,
  };
}
