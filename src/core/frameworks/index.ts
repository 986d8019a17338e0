import type { FrameworkName } from '../model';
import { FRAMEWORK_DATA } from './data';
import { dimensionKey, FrameworkSchema } from './schema';
import type { Dimension, DimensionRole, Framework, Level1Dimension } from './types';

export type { Dimension, DimensionRole, Framework, Level1Dimension } from './types';
export { dimensionKey, FrameworkSchema, DimensionSchema, Level1DimensionSchema } from './schema';

/** Validates a framework (bundled or adjusted by a setting); throws a zod error when it is malformed. */
export function loadFramework(input: unknown): Framework {
  return FrameworkSchema.parse(input);
}

/** Both frameworks, validated once at load. */
export const FRAMEWORKS: Readonly<Record<FrameworkName, Framework>> = {
  seed: loadFramework(FRAMEWORK_DATA.seed),
  '2021': loadFramework(FRAMEWORK_DATA['2021']),
};

export function getFramework(name: FrameworkName): Framework {
  return FRAMEWORKS[name];
}

function answersTo(dimension: Dimension, name: string): boolean {
  const key = dimensionKey(name);
  return key !== '' && [dimension.name, ...dimension.aliases].some((candidate) => dimensionKey(candidate) === key);
}

/** The 一级 dimension a name denotes (aliases, trailing 指标, spacing ignored), or null. */
export function findLevel1(framework: Framework, name: string): Level1Dimension | null {
  return framework.level1.find((dimension) => answersTo(dimension, name)) ?? null;
}

/** The 二级 dimension a name denotes under a given 一级 (canonical or not), or null. */
export function findLevel2(framework: Framework, level1Name: string, name: string): Dimension | null {
  return findLevel1(framework, level1Name)?.level2.find((dimension) => answersTo(dimension, name)) ?? null;
}

/** Canonical 一级 name (`产出` → `产出指标`), or null when the framework has no such 一级. */
export function canonicalLevel1(framework: Framework, name: string): string | null {
  return findLevel1(framework, name)?.name ?? null;
}

/** Canonical 二级 name under a 一级; null when it is not a dimension of that 一级. */
export function canonicalLevel2(framework: Framework, level1Canonical: string, name: string): string | null {
  return findLevel2(framework, level1Canonical, name)?.name ?? null;
}

/** The canonical 一级 a 二级 name belongs to, searching every 一级 (to report a 二级 under the wrong 一级). */
export function findLevel2Anywhere(framework: Framework, name: string): string | null {
  return framework.level1.find((level1) => level1.level2.some((dimension) => answersTo(dimension, name)))?.name ?? null;
}

/** 成本指标 as a 一级 marks the 101号 style; anything else reads as the seed style. */
export function detectFramework(level1Names: string[]): FrameworkName {
  const costAsLevel1 = findLevel1(FRAMEWORKS['2021'], '成本指标');
  return level1Names.some((name) => costAsLevel1 !== null && answersTo(costAsLevel1, name)) ? '2021' : 'seed';
}

/** The framework a setting selects: `auto` detects it from the sheet's 一级 names. */
export function resolveFramework(setting: FrameworkName | 'auto', level1Names: string[]): Framework {
  return getFramework(setting === 'auto' ? detectFramework(level1Names) : setting);
}

/** The role of a row's dimension: the 二级's own, else its 一级's; null when the names are unknown. */
export function dimensionRole(framework: Framework, level1: string, level2: string): DimensionRole | null {
  const first = findLevel1(framework, level1);
  if (!first) return null;
  const second = first.level2.find((dimension) => answersTo(dimension, level2));
  return second?.role ?? first.role ?? null;
}

/** Seed: 产出指标/成本指标; 2021: any 二级 of the 一级 成本指标. */
export function isCostDimension(framework: Framework, level1: string, level2: string): boolean {
  return dimensionRole(framework, level1, level2) === 'cost';
}

/** 产出指标/时效指标: where a deadline or duration is expected. */
export function isTimelinessDimension(framework: Framework, level1: string, level2: string): boolean {
  return dimensionRole(framework, level1, level2) === 'timeliness';
}

/** Any 二级 of 满意度指标. */
export function isSatisfactionDimension(framework: Framework, level1: string, level2: string): boolean {
  return dimensionRole(framework, level1, level2) === 'satisfaction';
}

const QUANTITATIVE_ROLES: ReadonlySet<DimensionRole> = new Set(['quantity', 'quality', 'timeliness', 'cost']);

/** 数量/质量/时效/成本: dimensions where a number (or a date) is expected rather than text. */
export function isQuantitativeDimension(framework: Framework, level1: string, level2: string): boolean {
  const role = dimensionRole(framework, level1, level2);
  return role !== null && QUANTITATIVE_ROLES.has(role);
}
