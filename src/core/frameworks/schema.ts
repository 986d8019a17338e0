import * as z from 'zod/mini';
import { dimensionKeys, FrameworkNameSchema } from './names';
import type { Framework } from './types';

export const DimensionRoleSchema = z.enum(['quantity', 'quality', 'timeliness', 'cost', 'benefit', 'satisfaction']);

export const DimensionSchema = z.object({
  name: z.string().check(z.minLength(1)),
  aliases: z.array(z.string().check(z.minLength(1))),
  required: z.boolean(),
  role: z.optional(DimensionRoleSchema),
  noneAllowed: z.optional(z.boolean()),
});

export const Level1DimensionSchema = z.extend(DimensionSchema, {
  level2: z.array(DimensionSchema).check(z.minLength(1)),
  minLevel2: z.int().check(z.nonnegative()),
});

/**
 * A framework as data. Beyond the shape: no two 一级 (or two 二级 of one 一级) answer to the same name,
 * and minLevel2 is reachable — so a framework adjusted by a setting cannot be ambiguous.
 */
export const FrameworkSchema = z
  .object({
    name: FrameworkNameSchema,
    label: z.string().check(z.minLength(1)),
    level1: z.array(Level1DimensionSchema).check(z.minLength(1)),
    blankName: z.string().check(z.minLength(1)),
    marks: z.array(z.object({ level1: z.string().check(z.minLength(1)), level2: z.optional(z.string().check(z.minLength(1))) })),
  })
  .check(
    z.superRefine((framework, ctx) => {
      const duplicates = (names: string[]): string[] => names.filter((name, i) => names.indexOf(name) !== i);
      for (const name of duplicates(framework.level1.flatMap(dimensionKeys))) {
        ctx.addIssue({ code: 'custom', message: `一级指标名称重复：${name}` });
      }
      for (const level1 of framework.level1) {
        for (const name of duplicates(level1.level2.flatMap(dimensionKeys))) {
          ctx.addIssue({ code: 'custom', message: `「${level1.name}」下二级指标名称重复：${name}` });
        }
        if (level1.minLevel2 > level1.level2.length) {
          ctx.addIssue({ code: 'custom', message: `「${level1.name}」要求的二级指标数超过其二级指标总数` });
        }
      }
    }),
  ) satisfies z.ZodMiniType<Framework>;

export { dimensionKey } from './names';
