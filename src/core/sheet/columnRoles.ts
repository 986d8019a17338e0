/**
 * Column roles by content: small named evidence rules, each scoring how well what a column holds down its
 * rows fits a role, combined noisy-OR (after Pytheas' line classifier) with the header words as one more
 * rule, never a gate. Pure; testable one rule at a time.
 */
import { maxOf } from '../bounded';
import type { SheetCells } from './cells';
import { COLUMNS_OF_LABEL, LEVEL3_FALLBACK } from './knownLabels';
import { normalizeLabel } from './labels';
import { dimensionOf } from './vocabulary';

export type ColumnRole = 'level3' | 'value' | 'unit' | 'valueType' | 'description' | 'weight' | 'other';

/** What a column holds down the rows looked at, as counts. */
export interface ColumnProfile {
  col: number;
  filled: number;
  dimensions: number;
  names: number;
  values: number;
  /** Plain integers ≤ 100 with nothing else: weights (分值) more than targets. */
  smallIntegers: number;
  units: number;
  operators: number;
  prose: number;
  kinds: number;
  /** Cells right after an operator cell of their row (`≥` | `95`): the operator qualifies a target. */
  afterOperator: number;
  /** Figures with a unit alone in the next cell of their row (`100` | `%`): a target and its 度量单位. */
  beforeUnit: number;
  /** Cells holding words (four Chinese characters or more): text a name column holds, whatever else it reads as. */
  wordy: number;
  totalLength: number;
  /** Header words over the column (two header rows joined), normalised. */
  header: string;
}

/** A unit alone (`个`, `%`, `万元`, `人次`): a 度量单位 column, never the target. */
const UNIT_ALONE =
  /^(?:个|%|％|‰|万元|元|千元|亿元|次|人|人次|万人|万人次|天|日|月|年|周|小时|分钟|台|套|项|件|家|户|㎡|m²|平方米|万平方米|米|m|公里|千米|km|亩|万亩|吨|万吨|份|篇|场|批|处|所|座|辆|条|名|本|册|间|张|棵|株|头|只|立方米|m³|公斤|千克|kg|个百分点|元\/人|元\/年|个\/年|次\/年|期|轮|级|星|分|类|宗|笔|栋|公顷|千瓦|kw|GB|TB|Mbps|万册|位|组|支|段|口|眼|根|盏|块|箱|袋|盒|瓶|剂|针|例|床|岗|课时|学时|节|门|所学校)$/i;
const OPERATOR_ALONE = /^(?:[≥≤<>=＞＜＝≧≦]|>=|<=|＞＝|＜＝|大于等于|小于等于|不低于|不少于|不高于|不超过|不多于|等于|大于|小于)$/;
const KIND_WORDS = /^(?:定量|定性|正向|反向|中性|核心|非核心|共性|个性|正向指标|反向指标|定量指标|定性指标|是|否)$/;
const NUMBERISH = /^(?:>=|<=|[≥≤<>=＞＜＝≧≦])?\s*[-+]?\d|^\d{4}[年.\-/]|[%％‰]$/;
/** A target in words (`明显改善`, `达标`, `有效提升`): a short phrase, all of it a judgement. */
const QUALITATIVE =
  /^(?:[≥≤=＝]\s*)?(?:明显|显著|有效|稳步|持续|逐步|大幅|基本|全面|进一步|不断|得到|有所|较)?(?:好|良好|优|优秀|较好|提升|提高|改善|达标|合格|完成|保障|保证|正常|无|有|减少|降低|增加|增强|高|中|低|是|否|规范|到位|达到预期|符合要求|符合标准|按时完成|按期完成|及时|长期|稳定|满意|无明显负面影响|无负面影响)$/;

/** Words of a judgement (`效果明显`, `符合相关规定`, `按计划完成`) in a short text that does not name a measure. */
const JUDGEMENT = /明显|显著|提升|提高|改善|有效|达标|合格|完成|规定|符合|按时|按期|良好|满意|保障|正常|逐步|持续|稳定|降低|减少|增加|增强|严格|确保|规范|到位|无|全覆盖|全部/;
const MEASURE_NAME = /(?:性|率|数|量|度|时间|成本|程度|情况|次数|个数|人数|面积|金额|指标|费用|支出|水平|效益|影响|周期)$/;

/** Whether a text is an operator alone (`≥`, `大于等于`): what an operator column holds. */
export function isOperatorText(text: string): boolean {
  return OPERATOR_ALONE.test(text.replace(/\s+/g, ''));
}

/** Whether a text reads as a target: a figure, a date, an operator and figure, or a short judgement. */
export function isValueText(text: string): boolean {
  const core = text.replace(/[(（][^()（）]*[)）]$/, '');
  return NUMBERISH.test(text) || (text.length <= 14 && QUALITATIVE.test(text)) || (text.length <= 16 && JUDGEMENT.test(core) && !MEASURE_NAME.test(core));
}

/** Whether a text is a unit alone (`个`, `%(百分比)`): what a 度量单位 column holds, never a target. */
export function isUnitAlone(text: string): boolean {
  return UNIT_ALONE.test(text) || UNIT_ALONE.test(text.replace(/[(（][^()（）]{1,6}[)）]$/, ''));
}

/** Counts one cell's text into a profile. */
function addText(profile: ColumnProfile, text: string, value: unknown): void {
  profile.filled++;
  profile.totalLength += text.length;
  if (/[\u4e00-\u9fa5]{4}/.test(text)) profile.wordy++;
  // `%(百分比)`: a unit with its name in brackets after it (S46).
  if (isUnitAlone(text)) profile.units++;
  else if (OPERATOR_ALONE.test(text.replace(/\s+/g, ''))) profile.operators++;
  else if (KIND_WORDS.test(text)) profile.kinds++;
  else if (dimensionOf(text)) profile.dimensions++;
  else if (typeof value === 'number' ? Number.isInteger(value) && value >= 0 && value <= 100 : /^\d{1,3}$/.test(text) && Number(text) <= 100) {
    profile.smallIntegers++;
    profile.values++;
  } else if (isValueText(text)) profile.values++;
  else if (text.length >= 18 || /[，；。,;]/.test(text)) profile.prose++;
  else if (text.length >= 2) profile.names++;
}

/** Profiles of columns fromCol..toCol over rows fromRow..toRow (at most `limit` filled rows looked at). */
export function profileColumns(cells: SheetCells, fromRow: number, toRow: number, fromCol: number, toCol: number, headerRows: readonly number[], limit = 200): ColumnProfile[] {
  const profiles = new Map<number, ColumnProfile>();
  const profileOf = (col: number): ColumnProfile => {
    let p = profiles.get(col);
    if (!p) {
      const parts = headerRows.map((r) => normalizeLabel(cells.shown(r, col).text)).filter(Boolean);
      // A label typed over two rows (`指标` over `名称`) is read whole too, first (a region name is read from the last part).
      const header = parts.length > 1 && new Set(parts).size > 1 ? [parts.join(''), ...parts] : parts;
      p = { col, filled: 0, dimensions: 0, names: 0, values: 0, smallIntegers: 0, units: 0, operators: 0, prose: 0, kinds: 0, afterOperator: 0, beforeUnit: 0, wordy: 0, totalLength: 0, header: [...new Set(header)].join('|') };
      profiles.set(col, p);
    }
    return p;
  };
  for (let c = fromCol; c <= toCol; c++) profileOf(c);
  let seen = 0;
  for (const row of cells.rows(fromRow, toRow)) {
    if (++seen > limit) break;
    const line = cells.ownCellsOf(row);
    for (const [i, cell] of line.entries()) {
      if (cell.col < fromCol || cell.col > toCol) continue;
      const profile = profileOf(cell.col);
      addText(profile, cell.text, cell.value);
      // Neighbours in the row (the nearest filled cells, so a spacer column between does not part them).
      if (i > 0 && OPERATOR_ALONE.test(line[i - 1].text.replace(/\s+/g, ''))) profile.afterOperator++;
      if (i + 1 < line.length && (typeof cell.value === 'number' || NUMBERISH.test(cell.text)) && UNIT_ALONE.test(line[i + 1].text)) profile.beforeUnit++;
    }
  }
  return [...profiles.values()].sort((a, b) => a.col - b.col);
}

/**
 * `xx县`, `xx区`, `xx市本级`, `西坪镇尧山村` (a county's table with one column per 村, S30): a column header
 * naming a region, not a kind of column.
 */
const REGION_NAME = /^[\u4e00-\u9fa5]{1,12}(?:省|市|州|盟|县|区|旗|镇|乡|村|街道|市本级|本级)$/;
const NOT_REGION = /指标|单位|金额|分值|权重|地区|区域|辖区|社区|园区|景区|片区|城区|新区|^全/;
/** A head naming the whole beside its regions (全省, 全市, 合计): the table's own targets, the regions its parts. */
export const WHOLE_HEAD = /^(?:全(?:省|市|州|盟|县|区|旗)|合计|总计|汇总|全省合计|全市合计)(?:目标值|指标值)?$/;

/** Whether a header (two header rows joined by `|`) names a region over its column. */
function headerNamesRegion(header: string): boolean {
  return header.split('|').some((h) => REGION_NAME.test(h) && !NOT_REGION.test(h));
}

/** One piece of evidence: how well a column fits a role, 0..1. */
interface EvidenceRule {
  name: string;
  role: ColumnRole;
  score(p: ColumnProfile): number;
}

const share = (n: number, p: ColumnProfile) => (p.filled === 0 ? 0 : n / p.filled);
const headerSays = (p: ColumnProfile, pattern: RegExp) => p.header.split('|').some((h) => pattern.test(h));
const headerColumns = (p: ColumnProfile) => p.header.split('|').flatMap((h) => COLUMNS_OF_LABEL.get(h) ?? []);

/** Whether header words (normalised; two header rows joined by `|`) name a column of targets (指标值, 目标值 …). */
export function namesTargets(header: string): boolean {
  return header.split('|').some((h) => (COLUMNS_OF_LABEL.get(h) ?? []).includes('value') || /目标值|指标值|数值|预期|年度目标|\d{4}年/.test(h));
}

/** The evidence rules, by name. Header words weigh like one good column of content, never more. */
export const EVIDENCE_RULES: readonly EvidenceRule[] = [
  { name: 'indicator-names', role: 'level3', score: (p) => share(p.names, p) * (p.filled > 0 && p.totalLength / p.filled <= 30 ? 0.9 : 0.4) },
  { name: 'header-names-indicator', role: 'level3', score: (p) => (headerColumns(p).includes('level3') || p.header.split('|').some((h) => LEVEL3_FALLBACK.has(h)) || headerSays(p, /指标名称|三级/) ? 0.6 : 0) },
  { name: 'measured-values', role: 'value', score: (p) => share(p.values - p.smallIntegers * 0.7, p) * 0.9 },
  { name: 'after-operator', role: 'value', score: (p) => share(p.afterOperator, p) * 0.9 },
  { name: 'figure-before-unit', role: 'value', score: (p) => share(p.beforeUnit, p) * 0.6 },
  { name: 'header-names-value', role: 'value', score: (p) => (namesTargets(p.header) ? 0.6 : 0) },
  // A region named over a column of figures or judgements (one target column per 区县 or 村) heads that region's targets.
  { name: 'header-names-region', role: 'value', score: (p) => (headerNamesRegion(p.header) && p.values > 0 ? 0.6 : 0) },
  { name: 'unit-alone', role: 'unit', score: (p) => share(p.units, p) * 0.95 },
  { name: 'header-names-unit', role: 'unit', score: (p) => (headerColumns(p).includes('unit') || headerSays(p, /单位$/) ? 0.5 : 0) },
  { name: 'operator-alone', role: 'valueType', score: (p) => share(p.operators, p) * 0.95 },
  { name: 'prose', role: 'description', score: (p) => share(p.prose, p) * 0.8 + (p.filled > 0 && p.totalLength / p.filled > 18 ? 0.2 : 0) },
  { name: 'header-names-description', role: 'description', score: (p) => (headerColumns(p).includes('description') || headerSays(p, /描述|解释|说明|计算|评分|标准/) ? 0.5 : 0) },
  { name: 'weights', role: 'weight', score: (p) => (headerSays(p, /权重|分值|得分|分数/) ? 0.8 : 0) + share(p.smallIntegers, p) * 0.3 },
  { name: 'kind-words', role: 'other', score: (p) => share(p.kinds, p) * 0.9 },
  { name: 'actual-values', role: 'other', score: (p) => (headerSays(p, /完成值|实际|实现值$|完成情况|偏差|原因|金额|资金/) && !headerSays(p, /预期实现值|当年预期/) ? 0.85 : 0) },
];

/** A column's score for each role: its rules combined noisy-OR. */
export function roleScores(p: ColumnProfile): Record<ColumnRole, number> {
  const miss: Record<ColumnRole, number> = { level3: 1, value: 1, unit: 1, valueType: 1, description: 1, weight: 1, other: 1 };
  for (const rule of EVIDENCE_RULES) miss[rule.role] *= 1 - Math.max(0, Math.min(1, rule.score(p)));
  const scores = {} as Record<ColumnRole, number>;
  for (const role of Object.keys(miss) as ColumnRole[]) scores[role] = 1 - miss[role];
  return scores;
}

export interface ColumnAssignment {
  level3?: number;
  value?: number;
  unit?: number;
  description?: number;
  operatorColumns: number[];
  /** Value columns headed by region names (区域绩效目标表): one grid per region. */
  regions: { name: string; col: number }[];
  /** How sure the value column is, 0..1. */
  valueScore: number;
  evidence: string[];
}


/**
 * Roles for the columns right of the dimension columns: the best column for each role, each column once.
 * `namesKnown`: the indicator names stand in a column already found (a tree export's one column), so no
 * column right of it is taken for them.
 */
export function assignRoles(profiles: readonly ColumnProfile[], options: { namesKnown?: boolean } = {}): ColumnAssignment {
  const scored = profiles.filter((p) => p.filled > 0).map((p) => ({ p, s: roleScores(p) }));
  const taken = new Set<number>();
  const best = (role: ColumnRole, min: number, from = -Infinity): { col: number; score: number } | undefined => {
    let pick: { col: number; score: number } | undefined;
    for (const { p, s } of scored) {
      if (taken.has(p.col) || p.col < from) continue;
      const own = s[role];
      // A column fits the role it scores highest for, or one nearly as high.
      const top = maxOf(Object.values(s), 0);
      if (own >= min && own >= top - 0.15 && (!pick || own > pick.score + 0.05)) pick = { col: p.col, score: own };
    }
    if (pick) taken.add(pick.col);
    return pick;
  };
  // Columns whose content reads alike (names and descriptions of one row each): the header words tell them apart.
  const headedAs = (p: ColumnProfile, role: ColumnRole) => EVIDENCE_RULES.some((rule) => rule.role === role && rule.name.startsWith('header-') && rule.score(p) > 0);
  // Indicator names run down the grid: a column filled in a row or two (a remark, S23's 原因 column) names none,
  // unless its head names it (a grid of one row beside a longer small table, S30).
  const fullest = maxOf(scored.map(({ p }) => p.filled), 0);
  const runsDown = (p: ColumnProfile, role: ColumnRole) => role !== 'level3' || p.filled >= 0.5 * fullest || headedAs(p, 'level3');
  const leftmostTop = (role: ColumnRole, min: number): { col: number; score: number } | undefined => {
    const fits = scored.filter(({ p, s }) => !taken.has(p.col) && runsDown(p, role) && s[role] >= min && s[role] >= maxOf(Object.values(s), 0) - 0.001);
    const hit = fits.find(({ p }) => headedAs(p, role)) ?? fits[0];
    if (hit) taken.add(hit.p.col);
    return hit ? { col: hit.p.col, score: hit.s[role] } : undefined;
  };
  const evidence: string[] = [];
  const regionName = (p: ColumnProfile) => p.header.split('|').reverse().find((h) => REGION_NAME.test(h) && !NOT_REGION.test(h))!;
  // A form nobody has filled in yet holds no target anywhere: its empty region columns are still its regions.
  const blank = profiles.every((p) => p.values === 0 && p.units === 0);
  const regions = (blank ? profiles.filter((p) => p.filled === 0 && headerNamesRegion(p.header)) : scored.filter(({ p, s }) => headerNamesRegion(p.header) && s.value >= 0.4).map(({ p }) => p))
    .map((p) => ({ name: regionName(p), col: p.col }));
  const assignment: ColumnAssignment = { operatorColumns: [], regions: regions.length >= 2 ? regions : [], valueScore: 0, evidence };
  for (const r of assignment.regions) taken.add(r.col);
  for (const p of profiles) if (roleScores(p).weight >= 0.6) taken.add(p.col);
  const unit = best('unit', 0.6);
  const ops = scored.filter(({ p, s }) => !taken.has(p.col) && s.valueType >= 0.6);
  for (const { p } of ops) {
    taken.add(p.col);
    assignment.operatorColumns.push(p.col);
  }
  // The indicator names stand leftmost, next to the dimensions; a second column of names is a description.
  let level3Col = options.namesKnown ? undefined : leftmostTop('level3', 0.45);
  const level3 = level3Col;
  // An operator column stands before the target it qualifies: the target is sought right of it first
  // (a name reading as a judgement left of it is no target), then anywhere right of the names.
  const valueFrom = Math.max(level3?.col ?? -Infinity, assignment.operatorColumns[0] ?? -Infinity);
  // Last, anywhere: a form may print its targets left of the names (年度数值 | 三级, a re-dressed S35).
  // Beside region columns, a column headed as the whole (全省) holds the table's own targets.
  const whole = assignment.regions.length > 0 ? scored.find(({ p, s }) => !taken.has(p.col) && p.header.split('|').some((h) => WHOLE_HEAD.test(h)) && s.value >= 0.4) : undefined;
  if (whole) taken.add(whole.p.col);
  let value = whole
    ? { col: whole.p.col, score: 0.9 }
    : assignment.regions.length > 0
      ? { col: assignment.regions[0].col, score: 0.9 }
      : (best('value', 0.35, valueFrom) ?? best('value', 0.35, level3?.col) ?? best('value', 0.35));
  // A self-evaluation prints the year's target left of what was achieved (年度指标值 | 实际完成值) and the two read
  // alike: of two value columns side by side, neither headed otherwise, the left one holds the targets.
  const picked = value;
  const leftTarget = picked && assignment.regions.length === 0 ? scored.find(({ p, s }) => p.col === picked.col - 1 && !taken.has(p.col) && s.value >= 0.35 && s.value >= maxOf(Object.values(s), 0) - 0.001) : undefined;
  if (picked && leftTarget && !headedAs(scored.find(({ p }) => p.col === picked.col)!.p, 'value')) {
    taken.delete(picked.col);
    taken.add(leftTarget.p.col);
    value = { col: leftTarget.p.col, score: leftTarget.s.value };
  }
  let description = best('description', 0.5) ?? leftmostTop('level3', 0.45);
  // Long indicator names read as prose: with no column of short names, the first text column holds them.
  if (!level3 && description && !options.namesKnown) {
    level3Col = description;
    description = undefined;
  }
  // Names mixed with prose and figures (`开发数量(≥**个)`): the first well-filled text column left of the targets.
  if (!level3Col && !options.namesKnown) {
    const names = scored.find(({ p }) => !taken.has(p.col) && (!value || p.col < value.col) && p.filled >= 0.6 * fullest && p.names + p.prose + p.wordy > 0);
    if (names) level3Col = { col: names.p.col, score: 0.5 };
  }
  if (level3Col) {
    assignment.level3 = level3Col.col;
    evidence.push('指标名称列');
  }
  // A form nobody has filled in yet: no column holds targets, and the column headed as the target (绩效目标值,
  // 指标值) is where they go, empty (S39's 范本) or with the unit printed and the figure left out (S42's 个).
  const unitOnly = unit && profiles.find((p) => p.col === unit.col && headedAs(p, 'value') && !headedAs(p, 'unit'));
  const headedEmpty = value ? undefined : (unitOnly || profiles.find((p) => p.filled === 0 && !taken.has(p.col) && headedAs(p, 'value')));
  if (headedEmpty) {
    assignment.value = headedEmpty.col;
    assignment.valueScore = 0.6;
    evidence.push('指标值列（表头所示，尚未填写）');
  } else if (value) {
    assignment.value = value.col;
    assignment.valueScore = value.score;
    evidence.push(assignment.regions.length > 0 ? `${assignment.regions.length} 个地区的指标值列` : '指标值列');
  }
  if (unit && assignment.value !== unit.col) assignment.unit = unit.col;
  if (description) assignment.description = description.col;
  return assignment;
}
