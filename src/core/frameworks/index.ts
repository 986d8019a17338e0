import { FRAMEWORK_DATA } from './data';
import { dimensionKey, FrameworkSchema } from './schema';
import { dimensionKeys, FRAMEWORK_NAMES, type FrameworkName } from './names';
import type { Dimension, DimensionRole, Framework, Level1Dimension } from './types';

export type { Dimension, DimensionRole, Framework, Level1Dimension } from './types';
export { FRAMEWORK_NAMES, FrameworkNameSchema } from './names';
export type { FrameworkName } from './names';

/** The names of an indicator row (structural, so the frameworks need nothing from the model). */
interface RowNames {
  level1: string;
  level2: string;
}

/** Required dimensions per framework, as settings hold them. */
interface RequiredSetting {
  requiredDimensions?: Partial<Record<FrameworkName, string[]>>;
}
export { dimensionKey, FrameworkSchema, DimensionSchema, Level1DimensionSchema } from './schema';

/** Validates a framework (bundled or adjusted by a setting); throws a zod error when it is malformed. */
export function loadFramework(input: unknown): Framework {
  return FrameworkSchema.parse(input);
}

/** Every framework of the registry, validated once at load. */
export const FRAMEWORKS: Readonly<Record<FrameworkName, Framework>> = Object.fromEntries(
  FRAMEWORK_NAMES.map((name) => [name, loadFramework(FRAMEWORK_DATA[name])]),
) as Record<FrameworkName, Framework>;

/** Every framework in the order users know them (as object keys, '2021' would come first). */
export const FRAMEWORK_LIST: readonly Framework[] = FRAMEWORK_NAMES.map((name) => FRAMEWORKS[name]);

export function getFramework(name: FrameworkName): Framework {
  return FRAMEWORKS[name];
}

const adjusted = new Map<string, Framework>();

/**
 * The framework a check uses: the bundled tree, with the required flags replaced where the settings
 * list required dimensions for it. Cached per setting, so the name index is built once.
 */
export function frameworkFor(name: FrameworkName, settings: RequiredSetting): Framework {
  const required = settings.requiredDimensions?.[name];
  if (!required) return FRAMEWORKS[name];
  const cacheKey = `${name}\u0000${required.join('\u0000')}`;
  const cached = adjusted.get(cacheKey);
  if (cached) return cached;
  const base = FRAMEWORKS[name];
  // The names were checked against the framework when the settings were parsed (SettingsSchema).
  const keys = new Set(required.map(dimensionKey));
  const isRequired = (d: Dimension) => dimensionKeys(d).some((key) => keys.has(key));
  const framework = loadFramework({
    ...base,
    level1: base.level1.map((l1) => {
      // A 一级 is required when it or any of its 二级 is; only then does its minimum 二级 count stay.
      const required = isRequired(l1) || l1.level2.some(isRequired);
      return {
        ...l1,
        required,
        minLevel2: required ? l1.minLevel2 : 0,
        level2: l1.level2.map((l2) => ({ ...l2, required: isRequired(l2) })),
      };
    }),
  });
  adjusted.set(cacheKey, framework);
  return framework;
}

/**
 * A framework's names by match key, built once per framework object (frameworks are read-only data):
 * a lookup is then one key computation and a map read, which a 10,000-row check does many times.
 */
interface NameIndex {
  level1: Map<string, Level1Dimension>;
  level2: Map<Level1Dimension, Map<string, Dimension>>;
  /** A 二级 key → the first 一级 that has such a 二级. */
  level2Home: Map<string, Level1Dimension>;
}

const nameIndexes = new WeakMap<Framework, NameIndex>();

/** Keys of the names a dimension answers to (its name and aliases); the empty key answers to nothing. */
function keysOf(dimension: Dimension): string[] {
  return dimensionKeys(dimension).filter((key) => key !== '');
}

function indexNames(framework: Framework): NameIndex {
  const index: NameIndex = { level1: new Map(), level2: new Map(), level2Home: new Map() };
  for (const level1 of framework.level1) {
    for (const key of keysOf(level1)) if (!index.level1.has(key)) index.level1.set(key, level1);
    const level2ByKey = new Map<string, Dimension>();
    for (const level2 of level1.level2) {
      for (const key of keysOf(level2)) {
        if (!level2ByKey.has(key)) level2ByKey.set(key, level2);
        if (!index.level2Home.has(key)) index.level2Home.set(key, level1);
      }
    }
    index.level2.set(level1, level2ByKey);
  }
  return index;
}

function nameIndex(framework: Framework): NameIndex {
  let index = nameIndexes.get(framework);
  if (!index) {
    index = indexNames(framework);
    nameIndexes.set(framework, index);
  }
  return index;
}

/** dimensionKey of names as written in sheets: few distinct names, asked for on every row by every rule. */
const writtenKeys = new Map<string, string>();
const MAX_WRITTEN_KEYS = 10_000;

function keyOf(name: string): string {
  let key = writtenKeys.get(name);
  if (key === undefined) {
    if (writtenKeys.size >= MAX_WRITTEN_KEYS) writtenKeys.clear();
    key = dimensionKey(name);
    writtenKeys.set(name, key);
  }
  return key;
}

export { keyOf as writtenDimensionKey };

/**
 * Whether any framework of the registry has a 一级 or 二级 answering to this dimensionKey: what findLevel1
 * or findLevel2Anywhere over FRAMEWORK_LIST would find, for a key already computed (a 10,000-row sheet's
 * distinct 三级 names would otherwise each be keyed six times and churn the written-name cache).
 */
export function isAnyDimensionKey(key: string): boolean {
  return FRAMEWORK_LIST.some((framework) => {
    const index = nameIndex(framework);
    return index.level1.has(key) || index.level2Home.has(key);
  });
}

function level2Of(framework: Framework, level1: Level1Dimension, name: string): Dimension | null {
  return nameIndex(framework).level2.get(level1)?.get(keyOf(name)) ?? null;
}

/** The 一级 dimension a name denotes (aliases, trailing 指标, spacing ignored), or null. */
export function findLevel1(framework: Framework, name: string): Level1Dimension | null {
  return nameIndex(framework).level1.get(keyOf(name)) ?? null;
}

/** The 二级 dimension a name denotes under a given 一级 (canonical or not), or null. */
export function findLevel2(framework: Framework, level1Name: string, name: string): Dimension | null {
  const level1 = findLevel1(framework, level1Name);
  return level1 ? level2Of(framework, level1, name) : null;
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
  return nameIndex(framework).level2Home.get(keyOf(name))?.name ?? null;
}

/** Whether a row carries one of a framework's marks (its 一级, and its 二级 when the mark names one). */
function hasMark(framework: Framework, rows: readonly RowNames[]): boolean {
  return framework.marks.some((mark) => {
    const level1 = findLevel1(framework, mark.level1);
    if (!level1) return false;
    const level2 = mark.level2 ? level2Of(framework, level1, mark.level2) : null;
    return rows.some((row) => findLevel1(framework, row.level1) === level1 && (!mark.level2 || (level2 !== null && level2Of(framework, level1, row.level2) === level2)));
  });
}

/** How many rows a framework knows by their names: the 一级, and the 二级 under it where one is written. */
function knownRows(framework: Framework, rows: readonly RowNames[]): number {
  return rows.filter((row) => findLevel1(framework, row.level1) !== null && (!row.level2.trim() || findLevel2(framework, row.level1, row.level2) !== null)).length;
}

/**
 * The framework a sheet follows, from its rows: the first in the registry whose marks a row carries
 * (成本指标 as a 一级 → 101号; 满意度 under 效益 → the older form); else the first with no marks. When no
 * mark decides, `preferred` (设置's default) is taken unless the rows fit the unmarked framework better
 * (a 旧版 form's 产出›成本指标 and 一级 满意度指标 are not a 101号 form's): detection is undecided only when
 * the rows fit both.
 */
export function detectFrameworkOfRows(rows: readonly RowNames[], preferred?: FrameworkName): FrameworkName {
  const marked = FRAMEWORK_LIST.find((framework) => framework.marks.length > 0 && hasMark(framework, rows));
  if (marked) return marked.name;
  const unmarked = FRAMEWORK_LIST.find((framework) => framework.marks.length === 0) ?? FRAMEWORK_LIST[0];
  if (!preferred || preferred === unmarked.name) return unmarked.name;
  return knownRows(FRAMEWORKS[preferred], rows) >= knownRows(unmarked, rows) ? preferred : unmarked.name;
}

/** detectFrameworkOfRows for callers that know only the 一级 names. */
export function detectFramework(level1Names: readonly string[]): FrameworkName {
  return detectFrameworkOfRows(level1Names.map((level1) => ({ level1, level2: '' })));
}

/** The framework a setting selects: `auto` detects it from the sheet's 一级 names. */
export function resolveFramework(setting: FrameworkName | 'auto', level1Names: string[]): Framework {
  return getFramework(setting === 'auto' ? detectFramework(level1Names) : setting);
}

/** The role of a row's dimension: the 二级's own, else its 一级's; null when the names are unknown. */
export function dimensionRole(framework: Framework, level1: string, level2: string): DimensionRole | null {
  const first = findLevel1(framework, level1);
  if (!first) return null;
  return level2Of(framework, first, level2)?.role ?? first.role ?? null;
}

/**
 * rowDimensionRole by framework, then 一级 and 二级 as written: most rules ask it of every row, and a sheet
 * has few distinct pairs (a framework is read-only data, so an answer never changes); `count` pairs at most.
 */
const rowRoles = new WeakMap<Framework, { byLevel1: Map<string, Map<string, DimensionRole | null>>; count: number }>();
const MAX_ROW_ROLES = 10_000;

/**
 * What an indicator row measures. Like dimensionRole, except that a 二级 written under the wrong 一级
 * keeps the role of its real home, so a 成本指标 misplaced under 效益指标 is still checked as a cost.
 */
export function rowDimensionRole(framework: Framework, row: RowNames): DimensionRole | null {
  let known = rowRoles.get(framework);
  if (!known || known.count >= MAX_ROW_ROLES) {
    known = { byLevel1: new Map(), count: 0 };
    rowRoles.set(framework, known);
  }
  let byLevel2 = known.byLevel1.get(row.level1);
  if (!byLevel2) {
    byLevel2 = new Map();
    known.byLevel1.set(row.level1, byLevel2);
  }
  let role = byLevel2.get(row.level2);
  if (role === undefined) {
    role = roleOfRow(framework, row);
    byLevel2.set(row.level2, role);
    known.count += 1;
  }
  return role;
}

function roleOfRow(framework: Framework, row: RowNames): DimensionRole | null {
  const own = roleIn(framework, row);
  if (own !== null) return own;
  // Names the framework does not know keep the role another framework gives them: a 产出›成本指标 row is
  // a cost under 101号 too, so cost and funds checks never depend on which framework a sheet is judged by.
  for (const other of FRAMEWORK_LIST) {
    const role = other.name === framework.name ? null : roleIn(other, row);
    if (role !== null) return role;
  }
  return null;
}

function roleIn(framework: Framework, { level1, level2 }: RowNames): DimensionRole | null {
  const home = findLevel2(framework, level1, level2) ? level1 : (findLevel2Anywhere(framework, level2) ?? level1);
  return dimensionRole(framework, home, level2);
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

/** Whether a row's dimension lets a unit write 无 (the project has no such cost). */
export function allowsNone(framework: Framework, row: RowNames): boolean {
  const level1 = findLevel1(framework, row.level1);
  return (level1 ? level2Of(framework, level1, row.level2)?.noneAllowed : undefined) ?? false;
}

/**
 * The 二级 a blank form prints under a 一级: its required ones and, where it asks for at least n 二级 but
 * names fewer as required, its first others up to n; in the framework's order.
 */
export function formLevel2(level1: Level1Dimension): Dimension[] {
  const chosen = level1.level2.filter((d) => d.required);
  for (const extra of level1.level2.filter((d) => !d.required)) {
    if (chosen.length >= level1.minLevel2) break;
    chosen.push(extra);
  }
  return level1.level2.filter((d) => chosen.includes(d));
}
