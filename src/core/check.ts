// The check engine: a sheet (or a raw cell grid) → issues, with settings applied. Pure; the add-in,
// the checker page and the CLI all call these same functions.
import { DEFAULT_SETTINGS } from './model';
import type { Fix, Issue, Settings, SheetReport, SheetSuggestions, Suggestion, TemplateLibrary } from './model';
import { frameworkFor } from './frameworks';
import { compareSeverity } from './marks';
import { ALL_RULES, unreadableFinding } from './rules';
import { rowOfAddress, withSharedGrids } from './rules/helpers';
import type { Rule } from './rules/types';
import { readSheetTables } from './sheet/reader';
import { headOnlyProjectName } from './sheet/diagnose';
import { withLayouts } from './layouts/apply';
import type { LayoutProfile } from './layouts/profile';
import { sheetSuggestions } from './suggest';
import { visibleFix } from './fixes/mergeGuard';
import { unfixableLayoutReason } from './fixes/unfixableLayout';
import { isUntouched, untouchedBlocks, untouchedOfTable } from './untouchedBlocks';
import type { CellGrid, ReadSheetOptions, SheetTable } from './sheet/types';

export interface CheckOptions {
  settings?: Settings;
  /** Template library for the template-* rules; absent or null skips them. */
  library?: TemplateLibrary | null;
  /** The rules to run; ALL_RULES unless a caller (a test, a bench) wants fewer. */
  rules?: readonly Rule[];
  /** Also rank library indicators for the sheet (the task pane's suggestions); needs a library. */
  suggest?: boolean;
  /** Taught layout profiles: a sheet one of them recognises is read under it (addresses unchanged). */
  layouts?: readonly LayoutProfile[];
  /** Where suggestions are drawn from when not `library` (it adds the published tables, 公开样表): never a template. */
  suggestLibrary?: TemplateLibrary;
  /** The cells the sheet was read from (checkGridTables passes them): rules read columns the reader leaves out. */
  cells?: CellGrid | null;
}

/** Runs every enabled rule on one sheet; issues sorted by sheet row (whole-sheet issues first), then severity. */
export function checkSheet(sheet: SheetTable, options: CheckOptions = {}): Issue[] {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const context = { sheet, framework: frameworkFor(sheet.framework, settings), settings, library: options.library ?? null, cells: options.cells ?? null };
  const disabled = new Set(settings.disabledRules);
  // Indicators written as text in one cell or across a transposed head: a fix would overwrite that text or land
  // among other projects or 镇 (fixes/unfixableLayout.ts).
  const fixable = unfixableLayoutReason(sheet) === null;
  // The rules read the same located rows, built once for this sheet.
  const issues = withSharedGrids(sheet, () => {
    const found: Issue[] = [];
    for (const rule of options.rules ?? ALL_RULES) {
      if (disabled.has(rule.code)) continue;
      for (const finding of rule.check(context)) {
        found.push({
          code: rule.code,
          severity: settings.severities[rule.code] ?? finding.severity ?? rule.defaultSeverity,
          message: finding.message,
          cells: finding.cells,
          ...(finding.fix && fixable ? { fix: finding.fix } : {}),
          ...(finding.choices && finding.choices.length > 0 && fixable ? { choices: finding.choices } : {}),
          ...(finding.goalClause ? { goalClause: finding.goalClause } : {}),
        });
      }
    }
    return found;
  });
  // Array.prototype.sort is stable, so rule order decides among equals.
  return issues.sort(
    (a, b) => rowOfAddress(a.cells[0]) - rowOfAddress(b.cells[0]) || compareSeverity(a.severity, b.severity),
  );
}

/** The suggestions for a sheet: its project's, and those for each goal clause an issue says no indicator measures. */
function suggestionsFor(sheet: SheetTable, issues: readonly Issue[], library: TemplateLibrary, settings: Settings, from: TemplateLibrary = library): SheetSuggestions | null {
  const clauses = issues.flatMap((issue) => (issue.goalClause ? [issue.goalClause] : []));
  // Each suggestion's fix locates the grid's rows: once for all of them.
  return withSharedGrids(sheet, () => sheetSuggestions(sheet, from, frameworkFor(sheet.framework, settings), clauses, library));
}

/**
 * How a sheet is read: the framework recorded for it (chosen at insert or on its heading in 检查), else
 * detected from its rows, 设置's framework only the default where detection is undecided; and 设置's 预算年度,
 * which tells the budget year's column among year columns when the table's head names no year.
 */
function sheetFrameworkOption(settings: Settings, sheetName: string): ReadSheetOptions {
  const recorded = Object.hasOwn(settings.sheetFrameworks, sheetName) ? settings.sheetFrameworks[sheetName] : undefined;
  const budgetYear = { budgetYear: settings.budgetYear };
  if (recorded) return { framework: recorded, ...budgetYear };
  return settings.framework === 'auto' ? budgetYear : { preferredFramework: settings.framework, ...budgetYear };
}

/** An issue's fixes, bar any that would write into a cell a merged range hides (the sheet's merges are known here). */
function withVisibleFixes(grid: CellGrid, issue: Issue): Issue {
  if (!issue.fix && !issue.choices) return issue;
  const { fix: _fix, choices: _choices, ...rest } = issue;
  const fix = visibleFix(grid, issue.fix);
  const choices = (issue.choices ?? []).flatMap((choice) => visibleFix(grid, choice) ?? []);
  return { ...rest, ...(fix ? { fix } : {}), ...(choices.length > 0 ? { choices } : {}) };
}

/** A suggestion's insert is offered only when it shows too (a suggestion without one says to add it by hand). */
function withVisibleInserts(grid: CellGrid, suggestions: SheetSuggestions): SheetSuggestions {
  const visible = (suggestion: Suggestion): Suggestion => {
    if (!suggestion.fix || visibleFix(grid, suggestion.fix)) return suggestion;
    const { fix: _hidden, ...rest } = suggestion;
    return rest;
  };
  return {
    ...suggestions,
    groups: suggestions.groups.map((group) => ({ ...group, suggestions: group.suggestions.map(visible) })),
    clauses: suggestions.clauses.map((clause) => ({ ...clause, suggestions: clause.suggestions.map(visible) })),
  };
}

/**
 * Reads a grid and checks every table on it: one report per table (a flat export holds several, each under
 * its own project name), or one report with the unreadable-layout error for a sheet that looks like a
 * 绩效目标表 but cannot be read; empty for a sheet that is something else.
 */
export function checkGridTables(grid: CellGrid, options: CheckOptions = {}): SheetReport[] {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const cells = withLayouts(grid, options.layouts);
  const read = readSheetTables(cells, sheetFrameworkOption(settings, grid.sheetName));
  if (read.unreadable) {
    if (settings.disabledRules.includes('unreadable-layout')) return [];
    const finding = unreadableFinding(read.unreadable);
    const severity = settings.severities['unreadable-layout'] ?? 'error';
    const option = sheetFrameworkOption(settings, grid.sheetName);
    const framework = option.framework ?? option.preferredFramework ?? 'seed';
    return [{ sheet: grid.sheetName, projectName: '', framework, issues: [{ code: 'unreadable-layout', severity, ...finding }] }];
  }
  return read.tables.map((sheet) => {
    const issues = checkSheet(sheet, { ...options, cells }).map((issue) => withVisibleFixes(grid, issue));
    const found = options.suggest && options.library ? suggestionsFor(sheet, issues, options.library, settings, options.suggestLibrary) : null;
    const suggestions = found ? withVisibleInserts(grid, found) : null;
    return {
      sheet: grid.sheetName,
      projectName: sheet.table.projectName,
      framework: sheet.framework,
      issues,
      ...(suggestions ? { suggestions } : {}),
      ...untouchedOf(sheet, settings),
    };
  });
}

/** What of a sheet nobody has typed into yet: the whole form, or 一级 blocks of a form being filled in. */
function untouchedOf(sheet: SheetTable, settings: Settings): Pick<SheetReport, 'untouched' | 'untouchedBlocks'> {
  if (isUntouched(sheet)) return { untouched: true };
  const blocks = untouchedBlocks(sheet, frameworkFor(sheet.framework, settings));
  return blocks.length > 0 ? { untouchedBlocks: blocks } : {};
}

/**
 * One report per sheet (what the add-in marks): a sheet holding several tables has all their issues, each
 * message naming its project; null when the sheet holds no 绩效目标表 and nothing that looks like one.
 */
export function checkGrid(grid: CellGrid, options: CheckOptions = {}): SheetReport | null {
  const reports = checkGridTables(grid, options);
  if (reports.length <= 1) return reports[0] ?? null;
  // Suggestions are per table (their fixes name its grid): a sheet of several projects gets none.
  const { suggestions: _dropped, untouched: _each, untouchedBlocks: _blocks, ...first } = reports[0];
  // Each message names its table: by its project, or by its place while it has no name yet.
  const names = reports.map((r, i) => (r.projectName ? `「${r.projectName}」` : `第 ${i + 1} 张表`));
  // A sheet of several tables is untouched when all are; else each table, or 一级 block of one, nobody has typed into.
  const blocks = reports.flatMap((r, i) => untouchedOfTable(r, names[i]));
  return {
    ...first,
    ...(reports.every((r) => r.untouched) ? { untouched: true as const } : blocks.length > 0 ? { untouchedBlocks: blocks } : {}),
    projectName: reports.map((r) => r.projectName).join('、'),
    issues: reports.flatMap((r, i) => r.issues.map((issue) => ({ ...issue, message: `${r.projectName ? names[i] : `${names[i]}：`}${issue.message}` }))),
  };
}

/** Every fix a report offers the user: its issues' (修正, and each way out of an issue with choices) and its suggestions' (插入). */
export function offeredFixes(report: SheetReport | null): Fix[] {
  if (!report) return [];
  // An issue with several ways out (funds-mismatch: 改其他资金 / 改财政资金, issue #22) offers each as a choice.
  const fixes = report.issues.flatMap((issue) => [...(issue.fix ? [issue.fix] : []), ...(issue.choices ?? [])]);
  const { groups = [], clauses = [] } = report.suggestions ?? {};
  for (const { suggestions } of [...groups, ...clauses]) for (const suggestion of suggestions) if (suggestion.fix) fixes.push(suggestion.fix);
  return fixes;
}

/** A sheet reported only as unreadable. */
const unreadableOnly = (reports: readonly SheetReport[]) => reports.length === 1 && reports[0].issues.length === 1 && reports[0].issues[0].code === 'unreadable-layout';

/**
 * Every 绩效目标表 among the grids, in sheet order, one report per table; other sheets are skipped. A head with no
 * grid (项目名称, 预算金额 under a 绩效目标表 title) naming a project whose table another sheet holds is that
 * workbook's 封面, not a table cut off: skipped too.
 */
export function checkGrids(grids: CellGrid[], options: CheckOptions = {}): SheetReport[] {
  const perGrid = grids.map((grid) => checkGridTables(grid, options));
  const read = new Set(perGrid.flatMap((reports) => (unreadableOnly(reports) ? [] : reports.map((report) => report.projectName))));
  const cover = (reports: readonly SheetReport[], i: number) => {
    const name = unreadableOnly(reports) ? headOnlyProjectName(grids[i]) : null;
    return name !== null && read.has(name);
  };
  return perGrid.flatMap((reports, i) => (cover(reports, i) ? [] : reports));
}

// Counting issues lives apart from the engine, so a page can show counts without loading the rules.
export { summarize, summaryText } from './summary';
export type { CheckSummary } from './summary';
