// A taught layout profile: where one form (one province's, one 一体化 system's) keeps its fields, keyed by
// the label texts that identify the form. Plain JSON, versioned, validated at every edge (a file handed
// out by a 财政局, the store of the pages, the CLI's --layout).
import * as z from 'zod/mini';

/** The header fields a person points at, each by its value cell. */
export const LAYOUT_FIELDS = ['projectName', 'budgetTotal', 'budgetFiscal', 'budgetOther', 'goals'] as const;
export type LayoutField = (typeof LAYOUT_FIELDS)[number];

/** The grid columns a person points at (三级 may be absent from a form). */
export const LAYOUT_COLUMNS = ['level1', 'level2', 'level3', 'value'] as const;
export type LayoutColumn = (typeof LAYOUT_COLUMNS)[number];

/** How the dialog, the docs and the error messages name each part (Chinese, as the forms print them). */
export const LAYOUT_PART_NAMES: Record<LayoutField | LayoutColumn, string> = {
  projectName: '项目名称',
  budgetTotal: '预算数（年度资金总额）',
  budgetFiscal: '财政资金',
  budgetOther: '其他资金',
  goals: '绩效目标',
  level1: '一级指标列',
  level2: '二级指标列',
  level3: '三级指标列',
  value: '指标值列',
};

export const LAYOUT_FORMAT = 'jixiao.layout';
export const LAYOUT_VERSION = 1;

const CellAddress = z.string().check(z.regex(/^[A-Z]{1,3}[1-9]\d{0,6}$/, '应为单元格地址，如 B3'));
const ColumnName = z.string().check(z.regex(/^[A-Z]{1,3}$/, '应为列名，如 C'));

/** A label text the form prints at a cell; every one must be there (at one common row shift) for a match. */
const SignatureCell = z.object({ cell: CellAddress, text: z.string().check(z.minLength(1, '不能为空')) });

export const LayoutProfileSchema = z.object({
  format: z.literal(LAYOUT_FORMAT),
  version: z.literal(LAYOUT_VERSION),
  /** What the person called the form (`某省项目支出绩效目标申报表`). */
  name: z.string().check(z.minLength(1, '不能为空'), z.maxLength(100, '最多 100 个字')),
  signature: z.array(SignatureCell).check(z.minLength(2, '至少需要 2 个标签单元格才能认出表样'), z.maxLength(64, '最多 64 个')),
  /** Value cells of the header fields the form has. */
  fields: z.partialRecord(z.enum(LAYOUT_FIELDS), CellAddress),
  grid: z.object({
    /** 1-based row of the first indicator row (the header, when there is one, is the row above). */
    firstDataRow: z.int().check(z.minimum(2, '应不小于 2'), z.maximum(1_000_000, '太大')),
    columns: z.object({ level1: ColumnName, level2: ColumnName, level3: z.optional(ColumnName), value: ColumnName }),
  }),
});
export type LayoutProfile = z.infer<typeof LayoutProfileSchema>;

/** A profile file that cannot be used: the message names the field and what it needs, in Chinese. */
export class LayoutProfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LayoutProfileError';
  }
}

const TOP_NAMES: Record<string, string> = { format: '格式标记 format', version: '版本 version', name: '名称 name', signature: '表样标签 signature', fields: '字段 fields', grid: '指标表 grid' };

/** `grid.columns.value` → `指标表 grid › columns › 指标值列`. */
function pathText(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '文件内容';
  return path
    .map((key, i) => {
      const name = String(key);
      if (i === 0) return TOP_NAMES[name] ?? name;
      if (typeof key === 'number') return `第 ${key + 1} 项`;
      return name in LAYOUT_PART_NAMES ? `${name}（${LAYOUT_PART_NAMES[name as LayoutField]}）` : name;
    })
    .join(' › ');
}

function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value' && issue.path[0] === 'format') return `应为 "${LAYOUT_FORMAT}"（这不是 jixiao 的表格布局文件）`;
  if (issue.code === 'invalid_value' && issue.path[0] === 'version') return `应为 ${LAYOUT_VERSION}（文件来自其他版本的 jixiao）`;
  if (issue.code === 'invalid_type') return issue.input === undefined ? '缺少此项' : `类型不对（应为${issue.expected === 'string' ? '文字' : issue.expected === 'number' || issue.expected === 'int' ? '数字' : issue.expected === 'array' ? '列表' : '对象'}）`;
  if (issue.code === 'unrecognized_keys') return `有不认识的项：${issue.keys.join('、')}`;
  if (issue.code === 'invalid_key') return '有不认识的字段名（只能是 projectName、budgetTotal、budgetFiscal、budgetOther、goals）';
  return issue.message;
}

/** Parses untrusted JSON text (a file, a store) into a profile; throws LayoutProfileError naming what is wrong. */
export function parseLayoutProfile(json: unknown): LayoutProfile {
  const parsed = LayoutProfileSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  throw new LayoutProfileError(`${pathText(first.path)}：${issueText(first)}`);
}

/** A profile file's text → the profile; bad JSON and bad content both as LayoutProfileError. */
export function parseLayoutProfileText(text: string): LayoutProfile {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new LayoutProfileError('不是有效的 JSON 文件');
  }
  return parseLayoutProfile(json);
}

/** The text a profile is saved and handed out as (stable key order, readable). */
export function layoutProfileText(profile: LayoutProfile): string {
  return `${JSON.stringify(profile, null, 2)}\n`;
}
