import type { Fix, Issue, RuleCode, Settings, Severity, TemplateLibrary } from '../model';
import type { Framework } from '../frameworks/types';
import type { CellGrid, SheetTable } from '../sheet/types';
import type { RuleSource } from './sources';

export interface RuleContext {
  sheet: SheetTable;
  framework: Framework;
  settings: Settings;
  /** The template library for template-* rules; null when none is loaded. */
  library: TemplateLibrary | null;
  /**
   * The cells the sheet was read from, when the caller has them (checkGridTables does): for the columns the
   * reader does not keep, such as a 权重/分值 column (weight-sum). Rules must work without them.
   */
  cells?: CellGrid | null;
}

/** What a rule reports; the engine fills in the severity from the rule's default and the settings. */
export interface Finding {
  message: string;
  cells: string[];
  /** Overrides the rule's default severity for this finding (e.g. a softer case). */
  severity?: Severity;
  /** A repair offered for this finding (一键修正); the user applies it, never the engine. */
  fix?: Fix;
  /** Several reasonable repairs, each with its `choice` name; the user picks one (never 全部修正). */
  choices?: Fix[];
  /** The 绩效目标 clause the finding concerns (goal-without-indicator), so the pane can offer indicators for it. */
  goalClause?: string;
}

/** A header field of the example table, by its label on the sheet. */
export type ExampleField = '项目名称' | '预算数' | '财政资金' | '其他资金' | '绩效目标' | '项目总金额';
/** A column of the indicator grid, by its header label. */
export type ExampleColumn = '一级指标' | '二级指标' | '三级指标' | '指标值';
/** The numeric settings an example may set on the 设置 tab. */
export type ExampleSetting = 'budgetYear' | 'fundsTolerance' | 'maxPercent' | 'minSatisfaction' | 'goalMatchMinShared' | 'minCostShare';

/**
 * One thing the clerk does to the example table — the seed's first table (数字化运维项目, 单位：万元,
 * 预算数 292 = 财政资金 292): types into a cell, deletes an indicator row, or changes a setting. Rows are
 * named by their 二级 and 三级 as that table prints them.
 */
export type ExampleStep =
  /** Types `value` into the field's cell, as typed (an amount is in the table's 万元 unless it says otherwise). */
  | { field: ExampleField; value: string }
  /** Types `value` into one column of an indicator row; `''` empties the cell. */
  | { dimension: string; indicator: string; column: ExampleColumn; value: string }
  /** Deletes an indicator row. */
  | { dimension: string; indicator: string; deleteRow: true }
  /** Retypes a header label of the indicator grid; `''` empties it. */
  | { header: ExampleColumn; value: string }
  /** Sets a number on the 设置 tab. */
  | { setting: ExampleSetting; value: number };

/** A sample the rule flags or accepts, run through the whole engine in its test and shown in its 说明. */
export interface RuleExample {
  /** What the clerk does, in order, e.g. types `≤300万元` as 运维费用支出's 指标值 (预算数 292 万元). */
  input: readonly ExampleStep[];
  /** Why it is flagged or accepted, in one short Chinese sentence. */
  note: string;
}

export interface Rule {
  code: RuleCode;
  /** Short Chinese title for the UI, e.g. `缺少指标维度`. */
  title: string;
  defaultSeverity: Severity;
  /** One paragraph in Chinese: what is flagged and why the finance bureau cares. */
  description: string;
  /** The document or practice the rule rests on, said honestly (e.g. 评审实践 when no document asks for it). */
  basis: string;
  /** The clauses `basis` is made of, each with its document (rules/sources.ts); `jixiao rules --json` lists them. */
  sources: readonly RuleSource[];
  /** What it flags, in one line of English, for the README's table and the docs page's English section. */
  english: string;
  /** The settings keys that change what this rule reports. */
  settings: readonly SettingKey[];
  /** Values the rule flags and values it accepts, each run through the engine by test/core/rules/examples.test.ts. */
  examples: { flagged: readonly RuleExample[]; accepted: readonly RuleExample[] };
  check(context: RuleContext): Finding[];
}

/** A key of the settings object. */
export type SettingKey = keyof Settings;

export type { Issue };
