// zod/mini: the functional build, a third of classic zod's size on the pages (docs/bundles.md).
import * as z from 'zod/mini';

/** Comparison operators, normalised from ASCII and full-width forms. */
export const OperatorSchema = z.enum(['≥', '≤', '>', '<', '=']);
export type Operator = z.infer<typeof OperatorSchema>;

/** Money units a table's amounts can be stated in (单位：万元). */
export const AmountUnitSchema = z.enum(['元', '千元', '万元', '亿元']);
export type AmountUnit = z.infer<typeof AmountUnitSchema>;

/**
 * What a 指标值 measures:
 * - count: 个 次 项 人 套 …; ratio: % 百分比 ‰;
 * - moneyTotal: 元/万元/亿元 (an amount, comparable with 预算数 after conversion);
 * - moneyRate: a unit cost such as 元/小时, 元/天/人 — never summed as a total;
 * - duration: 1年, ≥10日, 7*24小时; deadline: 2024年12月底前, 全年;
 * - number: a number with no unit; qualitative: text; placeholder: `*`, `XX`…; empty: blank.
 */
export const ValueKindSchema = z.enum([
  'count',
  'ratio',
  'moneyTotal',
  'moneyRate',
  'duration',
  'deadline',
  'number',
  'qualitative',
  'placeholder',
  'empty',
]);
export type ValueKind = z.infer<typeof ValueKindSchema>;

export const ParsedValueSchema = z.object({
  /** The 指标值 as written, trimmed. */
  raw: z.string(),
  kind: ValueKindSchema,
  operator: z.nullable(OperatorSchema),
  /** The number as written (full-width digits and separators normalised), or null. */
  number: z.nullable(z.number()),
  /** The unit as written after the number, normalised (`百分比` → `%`), or null. */
  unit: z.nullable(z.string()),
  /** moneyTotal only: the amount converted to the table's unit; otherwise null. */
  amount: z.nullable(z.number()),
  /** For deadlines: the year named in the value (2024年12月底前 → 2024), or null. */
  year: z.nullable(z.int()),
  /** For deadlines: the month named, 1–12, or null. */
  month: z.nullable(z.int()),
});
export type ParsedValue = z.infer<typeof ParsedValueSchema>;
