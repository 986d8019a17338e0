import type { ValueKind } from '../model';
import { isMoneyUnit } from './money';

/** Time units, longest first (个工作日 before 工作日 before 日). */
const DURATION_UNITS = [
  '个工作日', '工作日', '自然日', '个小时', '小时', '分钟', '个星期', '星期', '个季度', '季度', '个月',
  '周', '天', '日', '月', '年', '秒', 'h', 'min',
];

/** Words that start a count unit (量词 and physical measures), checked as prefixes: `个课题`, `人次`. */
const COUNT_UNIT_STARTS = [
  '个', '次', '项', '人', '册', '本', '套', '件', '张', '份', '辆', '条', '通', '户', '亩', '公里', '家',
  '场', '期', '篇', '台', '批', '所', '座', '处', '类', '种', '部', '间', '名', '位', '支', '只', '块',
  '根', '棵', '株', '头', '吨', '米', '厘米', '毫米', '平方米', '平方公里', '立方米', '公顷', '千米', '千瓦', '页', '字',
  '课时', '学时', '门', '节', '届', '轮', '宗', '起', '例', '床', '架', '艘', '栋', '幢', '单', '组', '群',
  '盒', '袋', '箱', '瓶', '包', '片', '幅', '对', '双', '首', '集', '段', '区', '镇', '村', '县', '校', '卷',
  '盏', '副', '把', '枚', '网点', '课', '讲', '版', '人天', '工日', '分', '岁', '倍', '级', '星', '千瓦时', '度',
];

/** Magnitude prefixes on counts (`12万人`, `43万通/年`); the number stays as written. */
const MAGNITUDE_PREFIX = /^[十百千万亿]+/;

/** One part of a unit: Han characters, Latin letters or unit symbols, nothing else. */
const UNIT_PART = /^[\u4e00-\u9fa5A-Za-z²³㎡㎞㎏]{1,8}$/;
/** A compound unit after `/` (元/人·月, 元/人*月, 元/台×次): unit parts joined by a product sign. */
const PRODUCT_SIGN = /[·*×・]/;
const isPerPart = (part: string) => part.split(PRODUCT_SIGN).every((factor) => UNIT_PART.test(factor));

export interface UnitClass {
  kind: ValueKind;
  /** Normalised unit: `百分比` → `%`, `个百分点` → `百分点`. */
  unit: string;
}

const RATIO_UNITS: Readonly<Record<string, string>> = {
  '%': '%',
  百分比: '%',
  '‰': '‰',
  千分比: '‰',
  百分点: '百分点',
  个百分点: '百分点',
};

/** A unit written after a Chinese numeral (`一年`, `两次`) must be exactly a unit, not the start of a phrase (`一人一证`). */
export function isExactUnit(unit: string): boolean {
  const unitClass = classifyUnit(unit);
  if (unitClass === null || unitClass.kind === 'number') return false;
  const [base] = unit.split('/');
  const bare = base.replace(MAGNITUDE_PREFIX, '');
  return unitClass.kind !== 'count' || COUNT_UNIT_STARTS.includes(bare);
}

function isDurationUnit(base: string): boolean {
  return DURATION_UNITS.includes(base);
}

/** Longest count unit accepted after a known start: `个课题`, `平方公里`; longer text is a sentence. */
const MAX_COUNT_UNIT_LENGTH = 5;
/** Latin unit symbols (kg, km, GB, m²). */
const LATIN_UNIT = /^[A-Za-z²³㎡㎞㎏]{1,4}$/;

function isCountUnit(base: string): boolean {
  const bare = base.replace(MAGNITUDE_PREFIX, '');
  if (LATIN_UNIT.test(bare)) return true;
  if (!bare || bare.length > MAX_COUNT_UNIT_LENGTH || !UNIT_PART.test(bare)) return false;
  return COUNT_UNIT_STARTS.some((start) => bare.startsWith(start));
}

/**
 * Classifies the unit written after a number (spaces already removed). A money unit followed by `/…`
 * is a unit cost (元/小时, 万元/年); a count or time with `/…` stays a count or a duration
 * (次/日, 小时/周). Returns null when the text is not a unit (`项工作全部完成`): the value is then text.
 */
export function classifyUnit(unit: string): UnitClass | null {
  if (unit === '') return { kind: 'number', unit: '' };
  const ratio = RATIO_UNITS[unit];
  if (ratio !== undefined) return { kind: 'ratio', unit: ratio };
  const [base, ...per] = unit.split('/');
  if (per.some((part) => !isPerPart(part))) return null;
  if (isMoneyUnit(base)) return { kind: per.length > 0 ? 'moneyRate' : 'moneyTotal', unit };
  if (isDurationUnit(base)) return { kind: 'duration', unit };
  if (isCountUnit(base)) return { kind: 'count', unit };
  return null;
}

/** A template's hint for the target (`≥**`, `≤XX`, `**`): an operator and placeholders before the unit it asks for. */
const TARGET_HINT = /^(?:[≥≤<>=＞＜＝≧≦]|>=|<=)?(?:\*+|[Xx]+)/;

/**
 * The unit a 三级 name carries at its end in brackets: `实施营造林总面积(亩)` → `亩`,
 * `经费（万元）` → `万元`, and a template's hint left in the name (`苗木成活率(≥**%)` → `%`, S32); null when none.
 */
export function unitFromName(name: string): string | null {
  const match = /[(（]([^()（）]*)[)）]\s*$/.exec(name);
  // 1–8 characters between the brackets, not counting the spaces around them.
  if (!match || match[1].trim().length < 1 || match[1].trim().length > 8) return null;
  const unit = match[1].replace(/\s+/g, '').replace(TARGET_HINT, '');
  return unit !== '' && classifyUnit(unit) !== null ? unit : null;
}
