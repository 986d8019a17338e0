import * as z from 'zod/mini';
import { AmountUnitSchema, ParsedValueSchema } from './value';

export const DepartmentSchema = z.object({
  /** Department code, e.g. `343101`; empty when the table prints none. */
  code: z.string(),
  /** Department name, e.g. `天津市司法局装备财务处`. */
  name: z.string(),
});
export type Department = z.infer<typeof DepartmentSchema>;

/** 预算规模: amounts in the table's unit; null where the cell is blank. */
export const BudgetSchema = z.object({
  total: z.nullable(z.number()),
  fiscal: z.nullable(z.number()),
  other: z.nullable(z.number()),
});
export type Budget = z.infer<typeof BudgetSchema>;

export const IndicatorRowSchema = z.object({
  level1: z.string(),
  level2: z.string(),
  level3: z.string(),
  description: z.string(),
  /** 指标值 exactly as written (trimmed). */
  value: z.string(),
  /** A separate 计量单位 column, when the sheet has one; null otherwise. */
  unit: z.nullable(z.string()),
  parsed: ParsedValueSchema,
});
export type IndicatorRow = z.infer<typeof IndicatorRowSchema>;

export const PerformanceTableSchema = z.object({
  /** Title without its number, e.g. `数字化运维项目绩效目标表`. */
  title: z.string(),
  department: DepartmentSchema,
  unit: AmountUnitSchema,
  projectName: z.string(),
  budget: BudgetSchema,
  /** 资金用途 text. */
  purpose: z.string(),
  /** 绩效目标 text (may span several lines). */
  goals: z.string(),
  /** Indicator rows in document order; level1 repeated on every row of its group. */
  indicators: z.array(IndicatorRowSchema),
  /** Extra header fields found on a sheet (主管部门, 实施单位, 项目期 …), label → text. */
  extraFields: z.record(z.string(), z.string()),
});
export type PerformanceTable = z.infer<typeof PerformanceTableSchema>;

/** Something a parser had to infer or could not read, with the 1-based line it concerns. */
export const ParseNoteSchema = z.object({
  line: z.int().check(z.nonnegative()),
  message: z.string(),
});
export type ParseNote = z.infer<typeof ParseNoteSchema>;

export const LibraryTableSchema = z.extend(PerformanceTableSchema, {
  /** Number of the table in the document's contents list (1-based). */
  number: z.int().check(z.positive()),
  /** Seed document the table came from (file name). */
  source: z.string(),
  /** First line of the table in its source (1-based); for a workbook, the sheet row where the table starts. */
  line: z.int().check(z.positive()),
  notes: z.array(ParseNoteSchema),
  /**
   * The library the table belongs to, as the user knows it (`2024年申报.xlsx`): set on the unit's own
   * libraries, absent on the bundled seed. Template messages name it; the later library wins a project.
   */
  library: z.optional(z.string()),
  /** The sheet a workbook library's table was read from. */
  sheet: z.optional(z.string()),
});
export type LibraryTable = z.infer<typeof LibraryTableSchema>;

export const TemplateLibrarySchema = z.object({
  tables: z.array(LibraryTableSchema),
  /** Notes that concern the document as a whole (contents list, stray text). */
  notes: z.array(ParseNoteSchema),
});
export type TemplateLibrary = z.infer<typeof TemplateLibrarySchema>;

/** The department as printed in the 单位 line: code then name. */
export function printedDepartment(d: Department): string {
  return `${d.code}${d.name}`;
}
