import * as z from 'zod/mini';
import { FRAMEWORK_DATA } from '../frameworks/data';
import { dimensionKey, dimensionKeys, dimensionsOf, FRAMEWORK_NAMES, FrameworkNameSchema, type FrameworkName } from '../frameworks/names';
import { RuleCodeSchema, SeveritySchema } from './issue';

export { FrameworkNameSchema, FRAMEWORK_NAMES };
export type { FrameworkName };

/**
 * The range of each numeric threshold (the settings form's limits too). A value outside is refused, never
 * clamped: a tolerance of 150 万元 would let any cost through. settingsErrorText says it in Chinese.
 */
export const SETTING_RANGES = {
  fundsTolerance: { min: 0, max: 1 },
  maxPercent: { min: 1, max: 1000 },
  minSatisfaction: { min: 0, max: 100 },
  goalMatchMinShared: { min: 1, max: 10 },
  minCostShare: { min: 0, max: 100 },
} as const;
type RangedSetting = keyof typeof SETTING_RANGES;

function ranged(field: RangedSetting) {
  const { min, max } = SETTING_RANGES[field];
  return z.number().check(z.minimum(min), z.maximum(max));
}

/**
 * Check settings. Every threshold is here, never a literal in a rule. Stored with the workbook by the
 * add-in and passed on the command line by the CLI; always parsed through this schema.
 */
export const SettingsSchema = z.object({
  /** Indicator framework; `auto` detects per sheet (成本指标 as 一级 → 2021). */
  framework: z._default(z.enum(['auto', ...FRAMEWORK_NAMES]), 'auto'),
  /**
   * The framework each sheet was inserted with (or a clerk chose for it in 检查), by sheet name: it wins over
   * `framework` and over detection, so a half-filled form is never judged by another framework.
   */
  sheetFrameworks: z._default(z.record(z.string(), FrameworkNameSchema), {}),
  /** Budget year for 时效 dates; null → the year the table names (title, goals or values). */
  budgetYear: z._default(z.nullable(z.int().check(z.minimum(2000), z.maximum(2100))), null),
  /** Allowed |财政资金 + 其他资金 − 预算数|, in the table's unit (funds-mismatch only; costs have no tolerance). */
  fundsTolerance: z._default(ranged('fundsTolerance'), 0.005),
  /** A ratio above this (in %) is a bad value. */
  maxPercent: z._default(ranged('maxPercent'), 100),
  /**
   * A 绩效目标 item counts as measured when some indicator's 三级 name or description shares at least
   * this many two-character terms with it (goal-without-indicator).
   */
  goalMatchMinShared: z._default(z.int().check(z.minimum(SETTING_RANGES.goalMatchMinShared.min), z.maximum(SETTING_RANGES.goalMatchMinShared.max)), 2),
  /** 满意度 targets below this (in %) are flagged as weak. */
  minSatisfaction: z._default(ranged('minSatisfaction'), 90),
  /**
   * On a 101号 sheet, the 经济成本 money totals below this share (in % of 预算数) are flagged as far below the
   * budget (cost-substance). 评审实践, not a clause: a warning, never an error.
   */
  minCostShare: z._default(ranged('minCostShare'), 50),
  /** Severity overrides by rule code. */
  severities: z._default(z.partialRecord(RuleCodeSchema, SeveritySchema), {}),
  /**
   * The add-in marks cells as the user types. Off (the default): the task pane list stays live, but cells
   * are marked only by 全部检查 / 标记问题, because below ExcelApi 1.20 every add-in write clears Excel's undo
   * history (office-js #3788, #6170) and typing must never cost the user Ctrl+Z.
   */
  liveMarks: z._default(z.boolean(), false),
  /** Rules switched off. */
  disabledRules: z._default(z.array(RuleCodeSchema), []),
  /**
   * Required dimensions per framework (一级 and 二级 names), replacing the framework's defaults where
   * given — e.g. a province that makes only 数量指标 and 成本指标 mandatory. Every name must be a
   * dimension (or alias) of that framework.
   */
  requiredDimensions: z._default(z.partialRecord(FrameworkNameSchema, z.array(z.string().check(z.minLength(1)))), {}),
}).check(
  z.superRefine((settings, ctx) => {
    for (const [name, required] of Object.entries(settings.requiredDimensions) as [FrameworkName, string[]][]) {
      const known = new Set(dimensionsOf(FRAMEWORK_DATA[name]).flatMap(dimensionKeys));
      const unknown = required.filter((dimension) => !known.has(dimensionKey(dimension)));
      if (unknown.length > 0) {
        ctx.addIssue({ code: 'custom', path: ['requiredDimensions', name], message: `${FRAMEWORK_DATA[name].label}中没有这些指标维度：${unknown.join('、')}` });
      }
    }
  }),
);
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** Parses untrusted settings (workbook storage, CLI flags); throws a zod error on bad input. */
export function parseSettings(input: unknown): Settings {
  return SettingsSchema.parse(input ?? {});
}
