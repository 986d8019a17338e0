import { z } from 'zod';
import { FRAMEWORK_DATA } from '../frameworks/data';
import { dimensionKey, dimensionKeys, dimensionsOf } from '../frameworks/names';
import { RuleCodeSchema, SeveritySchema } from './issue';

export const FrameworkNameSchema = z.enum(['seed', '2021']);
export type FrameworkName = z.infer<typeof FrameworkNameSchema>;

/**
 * The range of each numeric threshold, with the name the settings form gives it. A value outside is
 * refused (never clamped): a tolerance of 150 万元 would let any cost through.
 */
export const SETTING_RANGES = {
  fundsTolerance: { label: '资金允许误差', min: 0, max: 1, unit: '', note: '（表内金额单位）' },
  maxPercent: { label: '百分比上限', min: 1, max: 1000, unit: '%', note: '' },
  minSatisfaction: { label: '满意度下限', min: 0, max: 100, unit: '%', note: '' },
  goalMatchMinShared: { label: '绩效目标匹配词数', min: 1, max: 10, unit: '', note: '（整数）' },
} as const;
export type RangedSetting = keyof typeof SETTING_RANGES;

/** `资金允许误差（fundsTolerance）应在 0 到 1 之间（表内金额单位）`: names the field both ways, and its range. */
export function rangeMessage(field: RangedSetting): string {
  const { label, min, max, unit, note } = SETTING_RANGES[field];
  return `${label}（${field}）应在 ${min}${unit} 到 ${max}${unit} 之间${note}`;
}

/** A number within SETTING_RANGES[field]; a wrong type gets the same message as a value out of range. */
function ranged(field: RangedSetting) {
  const { min, max } = SETTING_RANGES[field];
  const message = rangeMessage(field);
  return z.number({ error: message }).min(min, { error: message }).max(max, { error: message });
}

const BUDGET_YEAR_MESSAGE = '预算年度（budgetYear）应为 2000 到 2100 之间的年份，或留空（null）按表中年度';

/**
 * Check settings. Every threshold is here, never a literal in a rule. Stored with the workbook by the
 * add-in and passed on the command line by the CLI; always parsed through this schema.
 */
export const SettingsSchema = z.object({
  /** Indicator framework; `auto` detects per sheet (成本指标 as 一级 → 2021). */
  framework: z.enum(['auto', 'seed', '2021']).default('auto'),
  /** Budget year for 时效 dates; null → the year the table names (title, goals or values). */
  budgetYear: z.number({ error: BUDGET_YEAR_MESSAGE }).int({ error: BUDGET_YEAR_MESSAGE }).min(2000, { error: BUDGET_YEAR_MESSAGE }).max(2100, { error: BUDGET_YEAR_MESSAGE }).nullable().default(null),
  /** Allowed |财政资金 + 其他资金 − 预算数|, in the table's unit (funds-mismatch only; costs have no tolerance). */
  fundsTolerance: ranged('fundsTolerance').default(0.005),
  /** A ratio above this (in %) is a bad value. */
  maxPercent: ranged('maxPercent').default(100),
  /**
   * A 绩效目标 item counts as measured when some indicator's 三级 name or description shares at least
   * this many two-character terms with it (goal-without-indicator).
   */
  goalMatchMinShared: ranged('goalMatchMinShared').int({ error: rangeMessage('goalMatchMinShared') }).default(2),
  /** 满意度 targets below this (in %) are flagged as weak. */
  minSatisfaction: ranged('minSatisfaction').default(90),
  /** Severity overrides by rule code. */
  severities: z.partialRecord(RuleCodeSchema, SeveritySchema).default({}),
  /**
   * The add-in marks cells as the user types. Off: the task pane list stays live, but cells are marked
   * only by 全部检查, so typing never adds jixiao's writes to Excel's undo history.
   */
  liveMarks: z.boolean().default(true),
  /** Rules switched off. */
  disabledRules: z.array(RuleCodeSchema).default([]),
  /**
   * Required dimensions per framework (一级 and 二级 names), replacing the framework's defaults where
   * given — e.g. a province that makes only 数量指标 and 成本指标 mandatory. Every name must be a
   * dimension (or alias) of that framework.
   */
  requiredDimensions: z.partialRecord(FrameworkNameSchema, z.array(z.string().min(1))).default({}),
}).superRefine((settings, ctx) => {
  for (const [name, required] of Object.entries(settings.requiredDimensions) as [FrameworkName, string[]][]) {
    const known = new Set(dimensionsOf(FRAMEWORK_DATA[name]).flatMap(dimensionKeys));
    const unknown = required.filter((dimension) => !known.has(dimensionKey(dimension)));
    if (unknown.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['requiredDimensions', name], message: `${FRAMEWORK_DATA[name].label}中没有这些指标维度：${unknown.join('、')}` });
    }
  }
});
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** Parses untrusted settings (workbook storage, CLI flags); throws a zod error on bad input. */
export function parseSettings(input: unknown): Settings {
  return SettingsSchema.parse(input ?? {});
}
