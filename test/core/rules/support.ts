// Shared by the rule tests: run one rule through the engine on a seed table drawn on a sheet.
import { checkSheet } from '../../../src/core/check';
import { parseSettings, type Issue, type SettingsInput, type TemplateLibrary } from '../../../src/core/model';
import type { Rule } from '../../../src/core/rules';
import type { SheetTable } from '../../../src/core/sheet/types';

export function runRule(rule: Rule, sheet: SheetTable, settings: SettingsInput = {}, library: TemplateLibrary | null = null): Issue[] {
  return checkSheet(sheet, { settings: parseSettings(settings), library, rules: [rule] });
}
