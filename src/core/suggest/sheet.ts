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

/**
 * Past this many indicator rows a sheet is no form being filled in (a new project has tens): it gets no
 * suggestions, so a huge sheet's every check does not pay for a fix per suggestion, each a pass over its rows.
 */
export const MAX_ROWS_FOR_SUGGESTIONS = 300;

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
 * What the pane offers `sheet` (`templates`: the library its project is looked up in, which may be smaller
 * than the one suggestions are drawn from: published tables suggest, never serve as a template): project suggestions into its first (annual) grid when wantsProjectSuggestions,
 * and suggestions for each of `clauses` into the grid whose goals hold it. Null when there is nothing to offer.
 */
export function sheetSuggestions(
  sheet: SheetTable,
  library: TemplateLibrary,
  framework: Framework,
  clauses: readonly string[] = [],
  templates: TemplateLibrary = library,
): SheetSuggestions | null {
  const grids = sheetGrids(sheet);
  if (grids.reduce((n, grid) => n + grid.rows.length, 0) > MAX_ROWS_FOR_SUGGESTIONS) return null;
  const existing = grids.flatMap((grid) => grid.rows.map(({ row }) => row));
  const annual = grids[0];
  const wanted = wantsProjectSuggestions(sheet, templates);
  const groups = wanted
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
  // A new project the library has nothing close to is told so (and how to add the unit's own tables), not left blank.
  if (groups.length === 0 && forClauses.length === 0 && !wanted) return null;
  return { projectName: sheet.table.projectName, groups, clauses: forClauses, ...(wanted && groups.length === 0 ? { nothingClose: true } : {}) };
}

