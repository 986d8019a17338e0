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
  check(context: RuleContext): Finding[];
}

export type { Issue };
