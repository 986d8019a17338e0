// Where a library row goes in the framework of the sheet being filled: the seed's 产出/成本指标 becomes
// 成本指标/经济成本指标 on a 101号 form, 满意度 moves under 效益 on the older form.
import { findLevel1, findLevel2, findLevel2Anywhere, rowDimensionRole } from '../frameworks';
import type { DimensionRole, Framework } from '../frameworks';

/** A dimension of the target framework by canonical names. */
export interface Placement {
  level1: string;
  level2: string;
}

interface RowNames {
  level1: string;
  level2: string;
}

/** The first 二级 of `target` that measures `role` (its own role, else its 一级's). */
function firstWithRole(target: Framework, role: DimensionRole): Placement | null {
  for (const level1 of target.level1) {
    for (const level2 of level1.level2) {
      if ((level2.role ?? level1.role) === role) return { level1: level1.name, level2: level2.name };
    }
  }
  return null;
}

/**
 * The target dimension of a row written under `source`: the same names when `target` has them (aliases
 * allowed), else the 二级's home elsewhere in `target`, else the first dimension with the row's role;
 * null when `target` has nowhere to put it.
 */
export function placeRow(row: RowNames, source: Framework, target: Framework): Placement | null {
  const level1 = findLevel1(target, row.level1);
  const same = level1 ? findLevel2(target, level1.name, row.level2) : null;
  if (level1 && same) return { level1: level1.name, level2: same.name };
  const home = findLevel2Anywhere(target, row.level2);
  const moved = home ? findLevel2(target, home, row.level2) : null;
  if (home && moved) return { level1: home, level2: moved.name };
  const role = rowDimensionRole(source, row);
  return role ? firstWithRole(target, role) : null;
}

/** Every 二级 of a framework in its order, as placements: the order suggestion groups are listed in. */
export function placementsOf(framework: Framework): Placement[] {
  return framework.level1.flatMap((level1) => level1.level2.map((level2) => ({ level1: level1.name, level2: level2.name })));
}
