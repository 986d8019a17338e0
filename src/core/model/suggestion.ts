import * as z from 'zod/mini';
import { FixSchema } from './fix';

/** A library table a suggested indicator comes from. */
export const SuggestionSourceSchema = z.object({
  /** The table's number in its document. */
  number: z.int().check(z.positive()),
  projectName: z.string(),
  /** The document (file name) the table came from. */
  source: z.string(),
});
export type SuggestionSource = z.infer<typeof SuggestionSourceSchema>;

/** A library indicator row offered to a project that is not in the library, placed in the sheet's framework. */
export const SuggestionSchema = z.object({
  /** Canonical 一级 / 二级 of the sheet's framework (a seed 成本指标 becomes 经济成本指标 on a 101号 form). */
  level1: z.string(),
  level2: z.string(),
  level3: z.string(),
  description: z.string(),
  /** The library's 指标值, shown for reference: the new project sets its own. */
  value: z.string(),
  /** How well it fits, 0–1 (character n-gram TF-IDF cosines, combined). */
  score: z.number().check(z.gte(0), z.lte(1)),
  /** One short Chinese line: where it comes from and what it shares with the project. */
  reason: z.string(),
  /** Every library table with this indicator in this dimension, best fit first. */
  sources: z.array(SuggestionSourceSchema).check(z.minLength(1)),
  /** Inserts the row into the sheet (its value cell left empty and selected); absent where it cannot be placed. */
  fix: z.optional(FixSchema),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

/** Suggestions of one dimension, best first. */
export const SuggestionGroupSchema = z.object({
  level1: z.string(),
  level2: z.string(),
  suggestions: z.array(SuggestionSchema),
});
export type SuggestionGroup = z.infer<typeof SuggestionGroupSchema>;

/** Suggestions for one 绩效目标 clause that no indicator measures (goal-without-indicator). */
export const ClauseSuggestionsSchema = z.object({
  clause: z.string(),
  suggestions: z.array(SuggestionSchema),
});
export type ClauseSuggestions = z.infer<typeof ClauseSuggestionsSchema>;

/** What the task pane offers a sheet whose project is not in the library. */
export const SheetSuggestionsSchema = z.object({
  projectName: z.string(),
  groups: z.array(SuggestionGroupSchema),
  clauses: z.array(ClauseSuggestionsSchema),
  /** A new project with nothing in the library above the floor: the pane says so and how to add the unit's tables. */
  nothingClose: z.optional(z.boolean()),
});
export type SheetSuggestions = z.infer<typeof SheetSuggestionsSchema>;
