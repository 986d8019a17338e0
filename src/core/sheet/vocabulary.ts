/**
 * The dimension vocabulary: the 一级 and 二级 names of every framework in the registry, with their variants,
 * numbering and weights. The strongest sign a 绩效目标表 carries, whatever its headers say.
 */
import { FRAMEWORK_LIST, findLevel1, findLevel2, findLevel2Anywhere } from '../frameworks';
import { compactText } from '../values';

/** The 一级 a 二级 name belongs to in some framework (数量指标 → 产出指标), or null. */
export function level1Home(name: string): string | null {
  for (const framework of FRAMEWORK_LIST) {
    const home = findLevel2Anywhere(framework, name);
    if (home) return home;
  }
  return null;
}

/**
 * The 一级 a name written in a 二级 column stands for, frameworks read in registry order (seed first):
 * 数量指标 → 产出指标, 成本指标 → 产出指标, 经济成本指标 → 成本指标; a name that is a 一级 before any framework
 * lists it as a 二级 (满意度指标, only the older form's 二级) is its own 一级. Null for no dimension name.
 */
export function derivedLevel1(name: string): string | null {
  for (const framework of FRAMEWORK_LIST) {
    const home = findLevel2Anywhere(framework, name);
    if (home) return home;
    const own = findLevel1(framework, name);
    if (own) return own.name;
  }
  return null;
}

/**
 * The one 二级 a 一级 has (满意度指标 → 服务对象满意度指标), in the first framework knowing the 一级; null when it
 * has several. A form with no 一级 column that writes such a 一级 in its 二级 column means that 二级.
 */
export function soleLevel2(level1: string): string | null {
  for (const framework of FRAMEWORK_LIST) {
    const own = findLevel1(framework, level1);
    if (own) return own.level2.length === 1 ? own.level2[0].name : null;
  }
  return null;
}

export function isLevel1Name(name: string): boolean {
  return FRAMEWORK_LIST.some((framework) => findLevel1(framework, name) !== null);
}

/** Longer than any dimension name with its numbering and weight: prose, never a dimension. */
const MAX_NAME = 24;
/** `服务对象满意度指标等`, `社会效益指标（20分）`: what a form adds to a dimension name. */
const NAME_TAIL = /(?:等|[(（][^()（）]*[)）]分?|[：:])+$/;
/** A 满意度 二级 under a name no framework lists (`群众满意度指标`, `服务对象满意度指标等`). */
const SATISFACTION_LEVEL2 = /^.{1,10}满意度指标$/;

/** The level a numbering tells in a tree export: 一、 → 1, （一） → 2, 1. / 1、 → 3; null when none. */
export function numberingLevel(text: string): 1 | 2 | 3 | null {
  const t = compactText(text);
  if (/^[一二三四五六七八九十]+[、.．]/.test(t)) return 1;
  if (/^[(（][一二三四五六七八九十]+[)）]/.test(t)) return 2;
  if (/^\d{1,2}(?:[、.．](?!\d)|[)）])/.test(t)) return 3;
  return null;
}

export interface DimensionName {
  level: 1 | 2;
  /** The name as a framework knows it (numbering, weights and 等 left off). */
  name: string;
}

/** Whether a cell's text is a 一级 or 二级 name of some framework (or a 满意度 二级 variant); null otherwise. */
/** Names asked of every grid row repeat a few dozen texts: remembered, and forgotten when many (a bound on memory). */
const knownDimensions = new Map<string, DimensionName | null>();
const REMEMBERED_NAMES = 1024;

export function dimensionOf(text: string): DimensionName | null {
  // A name spaced out (`产 出 指 标` in ideographic spaces) is at most twice as long as written together.
  if (!text || text.length > 2 * MAX_NAME) return null;
  const known = knownDimensions.get(text);
  if (known !== undefined) return known;
  if (knownDimensions.size >= REMEMBERED_NAMES) knownDimensions.clear();
  const found = dimensionOfText(text);
  if (found) Object.freeze(found); // shared by every caller asking of the same text
  knownDimensions.set(text, found);
  return found;
}

function dimensionOfText(text: string): DimensionName | null {
  const compact = compactText(text);
  if (compact.length > MAX_NAME) return null;
  const name = compact.replace(NAME_TAIL, '');
  if (!name || /\d{2,}/.test(name.replace(/^\d+[、.．]/, ''))) return null;
  if (isLevel1Name(name)) return { level: 1, name };
  if (level1Home(name)) return { level: 2, name };
  const bare = name.replace(/^(?:\d+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)/, '');
  if (SATISFACTION_LEVEL2.test(bare)) return { level: 2, name: bare };
  return null;
}

/** What stands between a 一级 and its 二级 written in one cell: a dash, a slash, a colon, a dot, or an opening bracket. */
const PAIR_SEPARATORS = new Set('-－—–~～/／\\|｜:：·・>＞»、(（【['.split(''));

/**
 * `产出指标-数量指标`, `产出指标/数量指标`, `产出指标（数量指标）`, `产出指标：数量指标`: a 一级 and one of its 二级
 * in one cell (a 指标类别 column), or null when the cell holds no such pair.
 */
export function dimensionPairOf(text: string): { level1: string; level2: string } | null {
  if (!text || text.length > 2 * MAX_NAME) return null;
  const compact = compactText(text);
  const at = [...compact].findIndex((ch) => PAIR_SEPARATORS.has(ch));
  if (at <= 0) return null;
  let end = at;
  while (end < compact.length && PAIR_SEPARATORS.has(compact[end])) end++;
  const first = dimensionOf(compact.slice(0, at));
  const second = dimensionOf(compact.slice(end).replace(/[)）】\]]$/, ''));
  // A 二级 under another 一级 (效益指标-数量指标) is still a pair: misplaced-dimension reports it.
  if (first?.level !== 1 || !second || (second.level !== 2 && !isLevel2Of(first.name, second.name))) return null;
  return { level1: first.name, level2: second.name };
}

/** Whether a name is a 二级 of the given 一级 in some framework (成本指标 under 产出指标 in the older ones). */
export function isLevel2Of(level1: string, name: string): boolean {
  return FRAMEWORK_LIST.some((framework) => findLevel2(framework, level1, name) !== null);
}
