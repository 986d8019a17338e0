// A row's dimension as the rules need it, on top of the framework lookups in ../frameworks.
import { dimensionRole, findLevel2, findLevel2Anywhere, type DimensionRole, type Framework } from '../frameworks';
import type { IndicatorRow } from '../model';

/**
 * What a row measures. A 二级 written under the wrong 一级 keeps the role of its real home, so a
 * 成本指标 misplaced under 效益指标 is still checked as a cost (misplaced-dimension reports the place).
 */
export function rowRole(framework: Framework, row: IndicatorRow): DimensionRole | null {
  if (!findLevel2(framework, row.level1, row.level2)) {
    const home = findLevel2Anywhere(framework, row.level2);
    if (home) return dimensionRole(framework, home, row.level2);
  }
  return dimensionRole(framework, row.level1, row.level2);
}
