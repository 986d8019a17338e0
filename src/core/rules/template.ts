// Shared by the two template-* rules: the library table of the sheet's project, indicators by name.
import type { IndicatorRow, LibraryTable, TemplateLibrary } from '../model';
import { findTemplate, projectNameKey } from '../library';
import type { SheetTable } from '../sheet/types';
import { compactText } from '../values';

export function templateFor(sheet: SheetTable, library: TemplateLibrary | null): LibraryTable | null {
  if (!library) return null;
  return findTemplate(library, sheet.table.projectName, sheet.table.department);
}

/** 三级 names compared without spaces, width or punctuation (`测试机位、安全保密措施 ` = `测试机位安全保密措施`). */
export function indicatorKey(row: Pick<IndicatorRow, 'level3'>): string {
  return compactText(row.level3).replace(/[\p{P}\p{S}]/gu, '');
}

/**
 * Where a template came from, for messages: a table of the unit's own library by library and sheet
 * (`模板「2024年申报.xlsx › 社区矫正」`, the project added when the sheet is named otherwise); the bundled
 * seed's by its number, as before.
 */
export function templateLabel(template: LibraryTable): string {
  if (template.library === undefined) return `模板库第 ${template.number} 表「${template.projectName}」`;
  const table = template.sheet === undefined ? `第 ${template.number} 表 ${template.projectName}` : template.sheet;
  const project = template.sheet !== undefined && projectNameKey(template.sheet) !== projectNameKey(template.projectName) ? ` › ${template.projectName}` : '';
  return `模板「${template.library} › ${table}${project}」`;
}
