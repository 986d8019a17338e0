/** Label sets and predicates the reader's steps share: which cell texts are labels, and of what. */
import type { AmountUnit } from '../model';
import type { FilledCell } from './cells';
import { ALL_GRID_LABELS, ALL_HEADER_LABELS, DEPARTMENT_LABELS, EXTRA_FIELD_LABELS, GRID_COLUMN_LABELS, GRID_SCOPE_LABELS, GROUP_LABELS, HEADER_FIELD_LABELS, LEVEL3_FALLBACK_LABELS, matchUnitLabel, normalizeLabel, splitLabelUnit } from './labels';
import type { GridColumn, HeaderField } from './labels';

export const DEFAULT_UNIT: AmountUnit = '万元';

export const INLINE_DEPARTMENT_LABEL = '单位';

/** Header fields read as a block: their value may sit below the label instead of beside it. */
export const BLOCK_FIELDS: readonly HeaderField[] = ['purpose', 'goals'];

export const PROJECT_NAME_LABELS: ReadonlySet<string> = new Set(HEADER_FIELD_LABELS.projectName);

/** Labels that may carry their value in the same cell (`项目名称：…`). */
export const INLINE_LABELS: ReadonlySet<string> = new Set([
  ...EXTRA_FIELD_LABELS,
  ...DEPARTMENT_LABELS,
  ...PROJECT_NAME_LABELS,
  INLINE_DEPARTMENT_LABEL,
  ...HEADER_FIELD_LABELS.budgetTotal,
  ...HEADER_FIELD_LABELS.budgetFiscal,
  ...HEADER_FIELD_LABELS.budgetOther,
  ...HEADER_FIELD_LABELS.goals,
  ...HEADER_FIELD_LABELS.purpose,
]);

export const EXTRA_LABELS: ReadonlySet<string> = new Set(EXTRA_FIELD_LABELS);

export const DEPARTMENT_LABEL_SET: ReadonlySet<string> = new Set(DEPARTMENT_LABELS);

export const GROUP_LABEL_SET: ReadonlySet<string> = new Set(GROUP_LABELS);

export const GRID_SCOPE_LABEL_SET: ReadonlySet<string> = new Set(GRID_SCOPE_LABELS);

export const LEVEL3_FALLBACK: ReadonlySet<string> = new Set(LEVEL3_FALLBACK_LABELS);

/** Header label (normalised, unit stripped) → the field it names. */
export const FIELD_OF_LABEL: ReadonlyMap<string, HeaderField> = new Map(
  (Object.entries(HEADER_FIELD_LABELS) as [HeaderField, readonly string[]][]).flatMap(([field, forms]) => forms.map((form) => [form, field] as const)).reverse(),
);

/** A form's remark after a column head (`指标值（150字内）`, `单位（文字描述）`, S40, S46); a money unit is no remark. */
const HEAD_REMARK = /（(?!(?:单位：)?(?:元|千元|万元|亿元)）)[^（）]{2,12}）$/;

/** A head's label without the form's remark after it (`内容（150字内）` → `内容`). */
export function withoutHeadRemark(label: string): string {
  return label.replace(HEAD_REMARK, '');
}

/** Column heads with their forms; a head not listed is looked up again without its remark in brackets. */
class GridLabelMap extends Map<string, GridColumn[]> {
  override get(label: string): GridColumn[] | undefined {
    return super.get(label) ?? (HEAD_REMARK.test(label) ? super.get(label.replace(HEAD_REMARK, '')) : undefined);
  }
  override has(label: string): boolean {
    return this.get(label) !== undefined;
  }
}

/** Grid header label → the columns it may head. */
export const COLUMNS_OF_LABEL: ReadonlyMap<string, GridColumn[]> = (() => {
  const map = new GridLabelMap();
  for (const [column, forms] of Object.entries(GRID_COLUMN_LABELS) as [GridColumn, readonly string[]][]) {
    for (const form of forms) map.set(form, [...(map.get(form) ?? []), column]);
  }
  return map;
})();

/** A label with its unit (`资金总额（万元）`) → the bare label; the unit is read by fieldUnit. */
export function bareLabel(label: string): string {
  return splitLabelUnit(label).label;
}

/** `其中：中央、省、市补助县级资金`: a 其中 line naming public money is the fiscal part. */
export const FISCAL_PART = /^其中：.*(?:财政|补助|拨款)/;

/**
 * A fund of one level of government (`其中：1.中央资金`, `2.市级资金`, `省级财政资金`, `县级补助资金`, S31; `地方资金`,
 * S25; `中央补助安排`, `省级财政安排`, S21):
 * numbering and 其中 left off. Several with no 财政资金 total are its parts (their sum is read as it).
 */
// `中央补助` and `省级专项` name a level's money without the word 资金; `市县资金` is the levels below the province as one.
const LEVEL_FUNDS = /^((?:中央|地方|省|区县|县区|市县|县市|市|州|县|区|乡镇|镇|乡)级?(?:财政)?(?:(?:补助|专项)?(?:资金|安排)|补助|专项))$/;

/** `其中：1.`, `2.`, `（3）`, `4、` before a funds label (S31's 1.中央资金 … 4.其他资金). */
const FUNDS_NUMBERING = /^(?:其中：?)?(?:[（(][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十\d]{1,2}[.、．])/;

/** A label without the numbering of a funds list (`4.其他资金` → `其他资金`), or null when it has none. */
export function unnumberedFunds(label: string): string | null {
  const without = label.replace(FUNDS_NUMBERING, '');
  return without !== label && /资金|拨款/.test(without) ? without : null;
}

/** The level fund a label names (`2.市级资金` → `市级资金`), or null. */
export function levelFunds(label: string): string | null {
  const bare = bareLabel(label);
  return LEVEL_FUNDS.exec(unnumberedFunds(bare) ?? bare.replace(/^其中：?/, ''))?.[1] ?? null;
}

/** Whether two labels differ by one character (replaced, added or left out) or by one left out and the rest reordered. */
function withinOneCharacter(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  if (short.length === long.length ? short.slice(i + 1) === long.slice(i + 1) : short.slice(i) === long.slice(i + 1)) return true;
  // `专项名称金` for `专项资金名称`: the same characters but one, in another order.
  if (short.length < 4 || short.length + 1 !== long.length) return false;
  const rest = [...long];
  for (const ch of short) {
    const at = rest.indexOf(ch);
    if (at < 0) return false;
    rest.splice(at, 1);
  }
  return true;
}

const similarCache = new Map<string, HeaderField | null>();
const SIMILAR_CACHE = 2_000;
const FIELD_FORMS = [...FIELD_OF_LABEL.entries()].filter(([form]) => form.length >= 4);

/**
 * A header field label misprinted at the source (`财政投款`, `专项名称金`): one character off a known form of
 * length 4 or more. Labels naming 指标 never qualify (绩效指标 is not 绩效目标), nor any label known as itself.
 */
export function similarHeaderField(label: string): HeaderField | undefined {
  const bare = bareLabel(label);
  // A title (`项目绩效目标表`, S31) names the table, never one of its fields.
  if (bare.length < 4 || bare.length > 12 || /指标|\d|表$/.test(bare) || ALL_HEADER_LABELS.has(bare) || ALL_GRID_LABELS.has(bare)) return undefined;
  let found = similarCache.get(bare);
  if (found === undefined) {
    found = FIELD_FORMS.find(([form]) => withinOneCharacter(bare, form))?.[1] ?? null;
    if (similarCache.size >= SIMILAR_CACHE) similarCache.clear();
    similarCache.set(bare, found);
  }
  return found ?? undefined;
}

/** A remark in brackets inside a label (`项目（专项）名称`, S31): the label read without it, or null when it has none. */
export function labelWithoutAside(label: string): string | null {
  const without = label.replace(/（[^（）]*）(?=.)/g, '');
  return without !== label && without.length >= 2 ? without : null;
}

/** The field a numbered funds label names (`4.其他资金`), or undefined. */
function fieldOfNumbered(label: string): HeaderField | undefined {
  const without = unnumberedFunds(bareLabel(label));
  return without === null ? undefined : FIELD_OF_LABEL.get(without);
}

/** The header field a label names: as written, without its unit, a 其中 line of public money, a numbered funds line, or one character off. */
export function headerFieldOf(label: string): HeaderField | undefined {
  const aside = labelWithoutAside(label);
  return (
    FIELD_OF_LABEL.get(label) ??
    FIELD_OF_LABEL.get(bareLabel(label)) ??
    (aside === null ? undefined : FIELD_OF_LABEL.get(aside)) ??
    (FISCAL_PART.test(label) ? 'budgetFiscal' : undefined) ??
    fieldOfNumbered(label) ??
    similarHeaderField(label)
  );
}

export function isHeaderLabelText(label: string, text: string): boolean {
  const aside = labelWithoutAside(label);
  return (
    ALL_HEADER_LABELS.has(label) ||
    ALL_HEADER_LABELS.has(bareLabel(label)) ||
    (aside !== null && ALL_HEADER_LABELS.has(aside)) ||
    FISCAL_PART.test(label) ||
    levelFunds(label) !== null ||
    fieldOfNumbered(label) !== undefined ||
    matchUnitLabel(text) !== null
  );
}

export function isAnyLabel(cell: Pick<FilledCell, 'label' | 'text'>): boolean {
  return isHeaderLabelText(cell.label, cell.text) || ALL_GRID_LABELS.has(cell.label) || LEVEL3_FALLBACK.has(cell.label);
}

/**
 * `label：value` in one cell, for known labels: the label may name its money unit (`预算数（万元）：120`) and
 * hold a colon of its own (`其中：财政资金：120`), so each colon is tried, the first leaving a known label wins.
 */
export function inlineValue(text: string, labels: ReadonlySet<string>): { label: string; value: string; unit?: AmountUnit } | null {
  const trimmed = text.trim();
  for (const colon of trimmed.matchAll(/[：:]/g)) {
    const value = trimmed.slice(colon.index + 1).trim();
    if (!value) return null;
    const label = normalizeLabel(trimmed.slice(0, colon.index));
    const bare = splitLabelUnit(label).label;
    for (const known of [label, bare, bare.replace(/^其中：/, '')]) if (labels.has(known)) return { label: known, value, ...(label === bare ? {} : { unit: labelUnit(label) }) };
  }
  return null;
}

export function labelUnit(label: string): AmountUnit | undefined {
  const unit = splitLabelUnit(label).unit;
  return unit === null ? undefined : (unit as AmountUnit);
}
