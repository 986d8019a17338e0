// Suggestions for one sheet as the task pane shows them: by dimension for a project the library does not
// have, and per goal clause that no indicator measures; each with the fix that inserts it.
import type { Framework } from '../frameworks';
import type { ClauseSuggestions, SheetSuggestions, Suggestion, TemplateLibrary } from '../model';
import { goalClauses } from '../rules/goal-without-indicator';
import { sheetGrids } from '../rules/helpers';
import type { ScopedGrid } from '../rules/helpers';
import { templateFor } from '../rules/template';
import type { SheetTable } from '../sheet/types';
import { suggestForClause, suggestIndicators } from './rank';
import { suggestionFix } from './insert';

/** Whether a sheet gets project suggestions: a project the library lacks, once its name and goals are typed. */
export function wantsProjectSuggestions(sheet: SheetTable, library: TemplateLibrary): boolean {
  const { projectName, goals } = sheet.table;
  return projectName.trim() !== '' && goals.trim() !== '' && templateFor(sheet, library) === null;
}

function withFix(sheet: SheetTable, grid: ScopedGrid, framework: Framework, suggestion: Suggestion): Suggestion {
  const fix = suggestionFix(sheet, grid, framework, suggestion);
  return fix ? { ...suggestion, fix } : suggestion;
}

/**
 * What the pane offers `sheet`: project suggestions into its first (annual) grid when wantsProjectSuggestions,
 * and suggestions for each of `clauses` into the grid whose goals hold it. Null when there is nothing to offer.
 */
export function sheetSuggestions(sheet: SheetTable, library: TemplateLibrary, framework: Framework, clauses: readonly string[] = []): SheetSuggestions | null {
  const grids = sheetGrids(sheet);
  const existing = grids.flatMap((grid) => grid.rows.map(({ row }) => row));
  const annual = grids[0];
  const groups = wantsProjectSuggestions(sheet, library)
    ? suggestIndicators(library, sheet.table, { framework, existing }).map((group) => ({
        ...group,
        suggestions: group.suggestions.map((s) => withFix(sheet, annual, framework, s)),
      }))
    : [];
  const forClauses: ClauseSuggestions[] = [];
  for (const clause of new Set(clauses)) {
    const grid = grids.find((g) => goalClauses(g.goals).some((c) => c.text === clause)) ?? annual;
    const suggestions = suggestForClause(library, clause, { framework, existing }).map((s) => withFix(sheet, grid, framework, s));
    if (suggestions.length > 0) forClauses.push({ clause, suggestions });
  }
  if (groups.length === 0 && forClauses.length === 0) return null;
  return { projectName: sheet.table.projectName, groups, clauses: forClauses };
}
