import type { Issue, RuleCode, Settings, Severity, TemplateLibrary } from '../model';
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
  check(context: RuleContext): Finding[];
}

/** A key of the settings object. */
export type SettingKey = keyof Settings;

export type { Issue };
