import type { Fix, Issue, RuleCode, Settings, Severity, TemplateLibrary } from '../model';
import type { Framework } from '../frameworks/types';
import type { SheetTable } from '../sheet/types';

export interface RuleContext {
  sheet: SheetTable;
  framework: Framework;
  settings: Settings;
  /** The template library for template-* rules; null when none is loaded. */
  library: TemplateLibrary | null;
}

/** What a rule reports; the engine fills in the severity from the rule's default and the settings. */
export interface Finding {
  message: string;
  cells: string[];
  /** Overrides the rule's default severity for this finding (e.g. a softer case). */
  severity?: Severity;
  /** A repair offered for this finding (一键修正); the user applies it, never the engine. */
  fix?: Fix;
  /** The 绩效目标 clause the finding concerns (goal-without-indicator), so the pane can offer indicators for it. */
  goalClause?: string;
}

/** A sample the rule flags or accepts, run through the rule in its test and shown in its 说明. */
export interface RuleExample {
  /** What the clerk would type, e.g. `≥5万元` under 成本指标 with 预算数 3 万元. */
  input: string;
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
  /** The settings keys that change what this rule reports. */
  settings: readonly SettingKey[];
  /** Values the rule flags and values it accepts (#15: to become required once every rule has them). */
  examples?: { flagged: readonly RuleExample[]; accepted: readonly RuleExample[] };
  check(context: RuleContext): Finding[];
}

/** A key of the settings object. */
export type SettingKey = keyof Settings;

export type { Issue };
