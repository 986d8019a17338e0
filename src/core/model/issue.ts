import * as z from 'zod/mini';
import { FrameworkNameSchema } from '../frameworks/names';
import { FixSchema } from './fix';
import { RULE_CODES } from '../rules/codes';
import { SheetSuggestionsSchema } from './suggestion';

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

/** Stable rule codes, one list with the rule map (rules/codes.ts). */
export const RuleCodeSchema = z.enum(RULE_CODES);
export type RuleCode = z.infer<typeof RuleCodeSchema>;

export const IssueSchema = z.object({
  code: RuleCodeSchema,
  severity: SeveritySchema,
  /** Chinese message naming the numbers involved. */
  message: z.string(),
  /** A1 addresses the issue concerns, most relevant first; may be empty for a whole-sheet issue. */
  cells: z.array(z.string()),
  /** A quick fix the rule offers (一键修正); absent when the repair needs a person. */
  fix: z.optional(FixSchema),
  /** Where two repairs are reasonable (funds: 财政资金 or 其他资金), each of them; the user picks one, and no fix is set. */
  choices: z.optional(z.array(FixSchema)),
  /** The 绩效目标 clause the issue concerns (goal-without-indicator): the pane offers indicators for it. */
  goalClause: z.optional(z.string()),
});
export type Issue = z.infer<typeof IssueSchema>;

export const SheetReportSchema = z.object({
  sheet: z.string(),
  projectName: z.string(),
  framework: FrameworkNameSchema,
  issues: z.array(IssueSchema),
  /**
   * Set when the issues could not be marked in the sheet: `skipped-protected` — the sheet is protected,
   * so Excel refuses the add-in's conditional formats and notes. Absent everywhere else (CLI, checker page).
   */
  marks: z.optional(z.enum(['skipped-protected'])),
  /** Library indicators offered to this sheet (asked for with CheckOptions.suggest); absent when there are none. */
  suggestions: z.optional(SheetSuggestionsSchema),
  /** Set when nothing has been typed into the form yet (a blank form just inserted); see core/untouched.ts. */
  untouched: z.optional(z.literal(true)),
  /**
   * On a form being filled in, its 一级 blocks nobody has typed into yet (each with the empty cells of its
   * printed rows); on a sheet holding several tables, also each table nobody has typed into (no `level1`;
   * `table` names the table on such a sheet): 待填写 like an untouched form, until 全部检查; see
   * core/untouchedBlocks.ts. Absent when none.
   */
  untouchedBlocks: z.optional(z.array(z.object({ level1: z.optional(z.string()), table: z.optional(z.string()), cells: z.array(z.string()) }))),
});
export type SheetReport = z.infer<typeof SheetReportSchema>;
