// Dimension-name matching, kept free of model imports so the settings schema can use it too.
import * as z from 'zod/mini';
import { compactText } from '../values/text';
import type { Dimension, Framework } from './types';

/**
 * The key a dimension name is matched by: full-width forms and all spaces gone, leading numbering
 * (`1.`, `（一）`), a trailing remark in brackets and the trailing 指标 (or 值, 目标) removed. `环境效益 ` and `环境效益指标` share one key.
 */
export function dimensionKey(name: string): string {
  return compactText(name)
    .replace(/^(?:\d+[.、]|[(][一二三四五六七八九十\d]+[)]|[一二三四五六七八九十]+、)/, '')
    // A weight printed with the name (`产出指标（50分）`) or the form's remark on it (`数量指标（必填硬性指标）`,
    // `经济效益指标（选填）`, S32) is not part of it.
    .replace(/\([^()]*\)分?$/, '')
    // `服务对象满意度指标等`: a form's 等 after the name is not part of it.
    .replace(/等$/, '')
    // The trailing 指标, or 值 or 目标 written for it (`产出值`, `数量值`: a 山东 form, S35; `数量目标`,
    // `服务对象满意度目标`: a 范本's 二级, S39).
    .replace(/(?:指标|值|目标)$/, '');
}

/** The keys of every name a dimension answers to: its name and its aliases. */
export function dimensionKeys(dimension: { name: string; aliases: readonly string[] }): string[] {
  return [dimension.name, ...dimension.aliases].map(dimensionKey);
}

/** Every 一级 dimension followed by its 二级 ones, in the framework's order. */
export function dimensionsOf(framework: Pick<Framework, 'level1'>): Dimension[] {
  return framework.level1.flatMap((l1) => [l1, ...l1.level2]);
}

/**
 * The frameworks jixiao knows, in the order users know them; each is one entry of FRAMEWORK_DATA.
 * Here, free of model imports, so the model's schemas and the frameworks share it without a circle.
 */
export const FRAMEWORK_NAMES = ['seed', '2021', 'older'] as const;
export const FrameworkNameSchema = z.enum(FRAMEWORK_NAMES);
export type FrameworkName = z.infer<typeof FrameworkNameSchema>;
