import * as z from 'zod/mini';

/**
 * One step of a quick fix (一键修正). Steps apply in order; every address and row number is in the sheet
 * as it stands when that step runs (after the steps before it).
 */
export const FixStepSchema = z.discriminatedUnion('kind', [
  /**
   * Writes a value into one cell (text as typed, or a number). `from`: the text the cell held when the fix
   * was computed, on a rewrite of it, so two rewrites of one cell (≥ → ≤, 万 → 万元) merge into one edit.
   */
  z.object({ kind: z.literal('setCell'), cell: z.string(), value: z.union([z.string(), z.number()]), from: z.optional(z.string()) }),
  /**
   * Inserts `count` whole rows above 1-based sheet row `before`, shifting the rows below down; the new rows
   * take the formats (borders, number formats, validation) of 1-based row `formatFrom`, counted before the insert.
   */
  z.object({
    kind: z.literal('insertRows'),
    before: z.int().check(z.minimum(1)),
    count: z.int().check(z.minimum(1), z.maximum(1000)),
    formatFrom: z.int().check(z.minimum(1)),
  }),
]);
export type FixStep = z.infer<typeof FixStepSchema>;

/** A repair a rule offers for one issue: pure data, never applied without the user's click. */
export const FixSchema = z.object({
  /** One line of Chinese naming the change, with the numbers, e.g. `将「≥5万元」改为「≤5万元」`. */
  description: z.string(),
  steps: z.array(FixStepSchema).check(z.minLength(1)),
  /** Cells to select once applied (addresses after all steps), e.g. the empty value cells of inserted rows. */
  select: z.array(z.string()),
  /**
   * Set on one of several ways out of an issue (Issue.choices), naming what it changes (`其他资金`): never
   * applied by 全部修正 or `jixiao fix` unless the user picks it.
   */
  choice: z.optional(z.string()),
});
export type Fix = z.infer<typeof FixSchema>;
