// Settings that do not parse, said in Chinese: which field (by the zod issue's path) and what it accepts.
// The accepted range is read from the schema itself (as JSON Schema), so it never drifts from the limits.
import * as z from 'zod/mini';
import { SettingsSchema } from './settings';

/** What each settings field is called on the 设置 tab and in the docs. */
export const SETTINGS_FIELD_LABELS: Record<keyof z.input<typeof SettingsSchema>, string> = {
  framework: '默认指标框架',
  sheetFrameworks: '各工作表的指标框架',
  budgetYear: '预算年度',
  fundsTolerance: '资金允许误差',
  maxPercent: '百分比上限',
  goalMatchMinShared: '绩效目标与指标的最少共同词数',
  minSatisfaction: '满意度下限',
  minCostShare: '经济成本占预算数的最低比例',
  severities: '各规则的严重程度',
  liveMarks: '输入时即时标记',
  disabledRules: '停用的规则',
  requiredDimensions: '必填维度',
};

interface JsonNode {
  type?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  anyOf?: JsonNode[];
  items?: JsonNode;
  propertyNames?: JsonNode;
  additionalProperties?: JsonNode;
  properties?: Record<string, JsonNode>;
}

let schemaCache: JsonNode | null = null;
function settingsJsonSchema(): JsonNode {
  // Refinements (the dimension names) are not JSON Schema; they report their own Chinese message.
  schemaCache ??= z.toJSONSchema(SettingsSchema, { io: 'input' }) as JsonNode;
  return schemaCache;
}

const list = (values: readonly unknown[]): string => values.map((v) => (v === null ? 'null' : String(v))).join('、');

/** A number's range in words: `2000–2100 之间的整数`, `不小于 0 的数`, `大于 0 的数`. */
function numberText(node: JsonNode): string {
  const kind = node.type === 'integer' ? '整数' : '数';
  const low = node.minimum ?? node.exclusiveMinimum;
  const high = node.maximum ?? node.exclusiveMaximum;
  if (node.minimum !== undefined && node.maximum !== undefined) return `${node.minimum}–${node.maximum} 之间的${kind}`;
  const parts = [
    low === undefined ? '' : `${node.exclusiveMinimum !== undefined ? '大于' : '不小于'} ${low}`,
    high === undefined ? '' : `${node.exclusiveMaximum !== undefined ? '小于' : '不大于'} ${high}`,
  ].filter((p) => p !== '');
  return parts.length > 0 ? `${parts.join('且')} 的${kind}` : kind;
}

/** What a JSON Schema node accepts, in Chinese. */
function acceptedText(node: JsonNode): string {
  if (node.anyOf) return node.anyOf.map(acceptedText).join('，或 ');
  if (node.enum) return `${list(node.enum)} 之一`;
  switch (node.type) {
    case 'null':
      return 'null（自动）';
    case 'integer':
    case 'number':
      return numberText(node);
    case 'boolean':
      return 'true 或 false';
    case 'string':
      return '非空文本';
    case 'array':
      return `列表，每项为${node.items ? acceptedText(node.items) : '任意值'}`;
    case 'object': {
      const keys = node.propertyNames?.enum;
      const value = node.additionalProperties ? acceptedText(node.additionalProperties) : '任意值';
      return keys ? `对象，键为 ${list(keys)}，值为${value}` : '对象';
    }
    default:
      return '有效的值';
  }
}

function receivedText(input: unknown): string {
  if (input === undefined) return '';
  return typeof input === 'string' ? `，而不是文本「${input}」` : `，而不是 ${JSON.stringify(input)}`;
}

type SettingsIssue = z.core.$ZodIssue & { input?: unknown };

/**
 * One Chinese sentence for a settings issue: `预算年度（budgetYear）应为 2000–2100 之间的整数，或 null（自动），而不是文本「2024」`.
 * Pass issues from `safeParse(…, { reportInput: true })` to name the value that was given.
 */
export function settingsIssueText(issue: SettingsIssue): string {
  const [field, ...rest] = issue.path;
  const label = typeof field === 'string' && field in SETTINGS_FIELD_LABELS ? SETTINGS_FIELD_LABELS[field as keyof typeof SETTINGS_FIELD_LABELS] : '设置';
  const where = issue.path.length > 0 ? `${label}（${issue.path.map(String).join('.')}）` : label;
  if (issue.code === 'custom') return `${where}：${issue.message}`;
  if (issue.code === 'unrecognized_keys') return `${where}中有不认识的项：${issue.keys.join('、')}`;
  if (issue.code === 'invalid_value') return `${where}只能是 ${list(issue.values)} 之一${receivedText(issue.input)}`;
  const node = typeof field === 'string' ? settingsJsonSchema().properties?.[field] : undefined;
  // A nested path (severities.bad-value, disabledRules.0) is judged by the part of the field it names.
  const inner = node && rest.length > 0 ? (node.items ?? node.additionalProperties ?? node) : node;
  const accepted = inner ? acceptedText(inner) : '有效的值';
  return `${where}应为 ${accepted}${receivedText(issue.input)}`;
}

/** Every issue of a failed settings parse, joined for one line. */
export function settingsErrorText(error: z.core.$ZodError): string {
  return error.issues.map((issue) => settingsIssueText(issue)).join('；');
}
