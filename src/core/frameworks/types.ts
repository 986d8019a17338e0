import type { FrameworkName } from './names';

/** What a dimension measures, for rules that need it (成本 amounts, 时效 dates, 满意度 percentages). */
export type DimensionRole = 'quantity' | 'quality' | 'timeliness' | 'cost' | 'benefit' | 'satisfaction';

export interface Dimension {
  /** Canonical name, e.g. `数量指标`. */
  name: string;
  /** Other names accepted for it (with or without trailing 指标, 环境效益指标 …). */
  aliases: string[];
  /** A sheet must have at least one indicator row under this dimension. */
  required: boolean;
  /** What the dimension measures; a 二级 without a role takes its 一级's. */
  role?: DimensionRole;
  /** A unit may write 无 / 不造成负面影响 here to say the project has no such cost (101号 社会/生态环境成本). */
  noneAllowed?: boolean;
}

export interface Level1Dimension extends Dimension {
  level2: Dimension[];
  /** At least this many distinct 二级 under this 一级 (效益: 1). */
  minLevel2: number;
}

/** A dimension tree (一级 → 二级), as data. */
export interface Framework {
  name: FrameworkName;
  /** Chinese label for the UI, e.g. `旧版框架（成本指标在产出指标下）`. */
  label: string;
  level1: Level1Dimension[];
  /** What the insert menu calls this framework's blank form. */
  blankName: string;
  /**
   * How a sheet is recognised as following this framework: any row whose 一级 (and 二级, when given) is
   * one of these. Frameworks are tried in registry order; one with no marks is the default.
   */
  marks: { level1: string; level2?: string }[];
}
