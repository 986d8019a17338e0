// A row's dimension as the rules need it, on top of the framework lookups in ../frameworks.
import {
  dimensionRole,
  findLevel1,
  findLevel2,
  findLevel2Anywhere,
  type DimensionRole,
  type Framework,
  type Level1Dimension,
} from '../frameworks';
import type { IndicatorRow } from '../model';

/** Name lookups normalise text each time; a 10,000-row sheet has only a handful of distinct names. */
function cachedBy<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, compute(key));
    return cache.get(key) as T;
  };
}

export interface DimensionLookup {
  level1: (name: string) => Level1Dimension | null;
  /** Canonical 一级 name a 二级 name belongs to, anywhere in the framework. */
  level2Home: (name: string) => string | null;
  /** What a row measures (see rowRole). */
  role: (row: IndicatorRow) => DimensionRole | null;
}

const lookups = new WeakMap<Framework, DimensionLookup>();

/** Cached framework lookups, one set per framework object. */
export function dimensionLookup(framework: Framework): DimensionLookup {
  let lookup = lookups.get(framework);
  if (!lookup) {
    const roleOf = cachedBy((key) => {
      const [level1, level2] = key.split('\u0000');
      // A 二级 under the wrong 一级 keeps the role of its real home.
      if (!findLevel2(framework, level1, level2)) {
        const home = findLevel2Anywhere(framework, level2);
        if (home) return dimensionRole(framework, home, level2);
      }
      return dimensionRole(framework, level1, level2);
    });
    lookup = {
      level1: cachedBy((name) => findLevel1(framework, name)),
      level2Home: cachedBy((name) => findLevel2Anywhere(framework, name)),
      role: (row) => roleOf(`${row.level1}\u0000${row.level2}`),
    };
    lookups.set(framework, lookup);
  }
  return lookup;
}

/**
 * What a row measures. A 二级 written under the wrong 一级 keeps the role of its real home, so a
 * 成本指标 misplaced under 效益指标 is still checked as a cost (misplaced-dimension reports the place).
 */
export function rowRole(framework: Framework, row: IndicatorRow): DimensionRole | null {
  return dimensionLookup(framework).role(row);
}
