// Ranks the library's indicator rows by how well they fit a new project (its name and 绩效目标) or one
// goal clause: character bigram/trigram TF-IDF cosines against each library table (name + goals) or the kind
// of spending both are, and against each row (三级 name + description), combined; from another project, only
// rows that speak of this one and name nothing particular to their own (docs/suggestions.md). Offline and
// deterministic.
import { FRAMEWORKS, detectFrameworkOfRows, rowDimensionRole } from '../frameworks';
import type { Framework } from '../frameworks';
import type { IndicatorRow, LibraryTable, Suggestion, SuggestionGroup, TemplateLibrary } from '../model';
import { goalClauses } from '../rules/goal-without-indicator';
import { GENERIC_WORDS, emptyTarget, genericName } from '../rules/generic-indicator';
import { indicatorKey } from '../rules/template';
import { placeRow, placementsOf } from './place';
import type { Placement } from './place';
import { countKinds, kindFit, kindLetters, kindsOf } from './kinds';
import { sharedPhrases } from './reasons';
import { Idf, cosine, isGeneric, termsOf } from './vectors';
import type { TermVector } from './vectors';

/** The built-in library of other units' published tables: suggestions only, never a template. */
export const PUBLIC_LIBRARY_NAME = '公开样表';

/** How much a project's fit to a library table counts against its fit to the row itself. */
const TABLE_WEIGHT = 0.7;
/** For one goal clause the row's own words matter more: the clause names one promise, not the project. */
const CLAUSE_TABLE_WEIGHT = 0.4;
export const DEFAULT_PER_DIMENSION = 5;
export const DEFAULT_PER_CLAUSE = 5;
/**
 * The floor: below this a row shares next to nothing with the project, and nothing is offered (the pane says
 * the library has nothing close). Set by leave-one-out on the published tables (docs/suggestions.md): the
 * suggestions under it were wrong far more often than right; the seed's own projects score above 0.5.
 */
export const DEFAULT_MIN_SCORE = 0.09;
const REASON_TERMS = 3;
/** A library table this close to the project is the same kind of project: its rows are offered on its fit alone. */
const SAME_PROJECT_FIT = 0.5;
/** Nor is a row scoring under this share of the best: beside close fits, a faint one is noise. */
const RELATIVE_FLOOR = 0.25;
/** A word the indicator names of this many library tables use is common vocabulary, not one project's particular. */
const COMMON_TABLES = 2;
/** What a table of a kind of spending the project is counts as (times the kind's rarity), whatever words they share. */
const KIND_FIT = 0.3;

interface IndexedTable {
  table: LibraryTable;
  /** Name (counted twice: it is the shortest, surest summary) and goals. */
  vector: TermVector;
  /** Each goal clause on its own, for suggestForClause. */
  clauses: TermVector[];
  framework: Framework;
  /** The kinds of spending its name and goals say it is. */
  kinds: Set<string>;
}

interface IndexedRow {
  table: IndexedTable;
  row: IndicatorRow;
  vector: TermVector;
  key: string;
}

interface SuggestIndex {
  tableIdf: Idf;
  rowIdf: Idf;
  tables: IndexedTable[];
  rows: IndexedRow[];
  /** By word (bigram) of indicator names: how many tables use it. */
  spread: Map<string, number>;
  /** By kind of spending: how many tables are of it. */
  kindCounts: Map<string, number>;
}

function tableTerms(table: { projectName: string; goals: string }): string[] {
  const name = termsOf(table.projectName);
  return [...name, ...name, ...termsOf(table.goals)];
}

/** The two-character words of an indicator's name, once each. */
function nameWords(level3: string): string[] {
  return [...new Set(termsOf(level3).filter((term) => term.length === 2))];
}

/** How many library tables' indicator names use each word. */
function spreadOf(rows: readonly { table: LibraryTable; row: IndicatorRow }[]): Map<string, number> {
  const tables = new Map<string, Set<LibraryTable>>();
  for (const { table, row } of rows) {
    for (const word of nameWords(row.level3)) {
      const set = tables.get(word) ?? new Set<LibraryTable>();
      set.add(table);
      tables.set(word, set);
    }
  }
  return new Map([...tables].map(([word, set]) => [word, set.size]));
}

function rowTerms(row: { level3: string; description: string }): string[] {
  return termsOf(`${row.level3}\n${row.description}`);
}

function buildIndex(library: TemplateLibrary): SuggestIndex {
  const tableIdf = new Idf(library.tables.map(tableTerms));
  // A row named only by its dimension (服务对象满意度指标, 成本) is scaffolding, not an indicator to pass on; nor
  // is one whose target does not fit its dimension (a % under 成本, a bare 是 under 数量): its 参考值 would mislead.
  const fits = (table: LibraryTable, row: IndicatorRow) => emptyTarget(row, rowDimensionRole(FRAMEWORKS[detectFrameworkOfRows(table.indicators)], row)) === null;
  const usable = library.tables.flatMap((table) =>
    table.indicators.filter((row) => row.level3.trim() !== '' && !genericName(row) && fits(table, row)).map((row) => ({ table, row })),
  );
  const rowIdf = new Idf(usable.map(({ row }) => rowTerms(row)));
  const tables = new Map<LibraryTable, IndexedTable>();
  for (const table of library.tables) {
    tables.set(table, {
      table,
      vector: tableIdf.vector(tableTerms(table)),
      clauses: goalClauses(table.goals).map((clause) => tableIdf.vector(termsOf(clause.text))),
      framework: FRAMEWORKS[detectFrameworkOfRows(table.indicators)],
      kinds: kindsOf(`${table.projectName}\n${table.goals}`),
    });
  }
  const rows = usable.map(({ table, row }) => ({ table: tables.get(table)!, row, vector: rowIdf.vector(rowTerms(row)), key: indicatorKey(row) }));
  const indexed = [...tables.values()];
  return { tableIdf, rowIdf, tables: indexed, rows, spread: spreadOf(usable), kindCounts: countKinds(indexed.map((t) => t.kinds)) };
}

// Libraries are read-only once built: one index per library object, dropped with it.
const indexes = new WeakMap<TemplateLibrary, SuggestIndex>();

function indexOf(library: TemplateLibrary): SuggestIndex {
  let index = indexes.get(library);
  if (!index) {
    index = buildIndex(library);
    indexes.set(library, index);
  }
  return index;
}

export interface SuggestOptions {
  /** The framework of the sheet being filled: suggestions are placed and grouped in it. */
  framework: Framework;
  /** Rows the sheet already has (any framework's names): never suggested again. */
  existing?: readonly { level1: string; level2: string; level3: string }[];
  /** At most this many per dimension (project) or in all (clause). */
  limit?: number;
  minScore?: number;
}

interface Scored {
  entry: IndexedRow;
  placement: Placement;
  tableFit: number;
  rowFit: number;
  score: number;
}

function placementKey(placement: Placement, key: string): string {
  return `${placement.level1}\u0000${placement.level2}\u0000${key}`;
}

/** Keys of the rows a sheet already has, in the target framework. */
function existingKeys(options: SuggestOptions): Set<string> {
  const keys = new Set<string>();
  for (const row of options.existing ?? []) {
    const placement = placeRow(row, options.framework, options.framework);
    const key = indicatorKey(row);
    if (placement && key !== '') keys.add(placementKey(placement, key));
  }
  return keys;
}

/**
 * Whether an indicator's name holds a word particular to its own project (返本分红, 饲料库, 旅游): two letters or
 * more in a row that the indicators of fewer than two library tables use (验收, 合格率, 及时 are common), that the new project's text
 * does not have, and that name no kind of spending the new project is (建档立卡 for a 扶贫 project). Such an
 * indicator measures that other project, not this one.
 */
function foreignWord(index: SuggestIndex, entry: IndexedRow, queryWords: ReadonlySet<string>, queryKinds: ReadonlySet<string>): boolean {
  const name = entry.row.level3;
  const ofKind = kindLetters(name, queryKinds);
  const known = (word: string) => termsOf(word).length === 1 && (queryWords.has(word) || (index.spread.get(word) ?? 0) >= COMMON_TABLES);
  let run = 0;
  for (let i = 0; i < name.length; i++) {
    const letter = termsOf(name[i] + name[i]).length === 1;
    const covered = !letter || ofKind[i] || (i > 0 && known(name.slice(i - 1, i + 1))) || known(name.slice(i, i + 2));
    run = covered ? 0 : run + 1;
    if (run >= 2) return true;
  }
  return false;
}

/**
 * Whether an indicator from another project speaks of this one: its name holds a meaningful word of the
 * project's text (发放 for 工资及时足额发放) or names a kind of spending the project is (工程 for a construction
 * project), and names no kind the project is not (项目(工程)验收合格率 says nothing of a 储备粮 project). A row
 * that only names its dimension (项目完成时间) fits every project, so it tells this one nothing.
 */
function aboutProject(entry: IndexedRow, queryWords: ReadonlySet<string>, queryKinds: ReadonlySet<string>): boolean {
  const kinds = kindsOf(entry.row.level3);
  for (const kind of kinds) if (!queryKinds.has(kind)) return false;
  if (kinds.size > 0) return true;
  return nameWords(entry.row.level3).some((word) => queryWords.has(word) && !isGeneric(word) && !DIMENSION_WORDS.has(word));
}

/** The words of dimension names (满意, 成本, 数量 …): shared by a row and a project, they say the row's dimension, not the project. */
const DIMENSION_WORDS: ReadonlySet<string> = new Set(GENERIC_WORDS.flatMap((word) => termsOf(word).filter((term) => term.length === 2)));

function clamp(score: number): number {
  return Math.min(1, Math.max(0, score));
}

/**
 * Scores every library row, places it in the target framework, merges rows that are the same indicator in
 * the same dimension (the seed's 表 11 and 表 12 share most of theirs) and drops what the sheet has.
 * Ties keep library order, so the ranking is stable.
 */
function rank(
  index: SuggestIndex,
  options: SuggestOptions,
  tableFit: (table: IndexedTable) => number,
  rowFit: (row: IndexedRow) => number,
  tableWeight: number,
  /** The text the reasons quote from: the project's name and goals, or the clause. */
  reasonText: string,
  queryWords: ReadonlySet<string>,
  queryKinds: ReadonlySet<string>,
): Suggestion[] {
  const fits = new Map(index.tables.map((table) => [table, tableFit(table)]));
  const skip = existingKeys(options);
  const merged = new Map<string, Scored[]>();
  for (const entry of index.rows) {
    const placement = placeRow(entry.row, entry.table.framework, options.framework);
    if (!placement || entry.key === '') continue;
    const key = placementKey(placement, entry.key);
    if (skip.has(key)) continue;
    const table = fits.get(entry.table) ?? 0;
    const row = rowFit(entry);
    // From a project only somewhat like this one, a row must speak of this project and name nothing particular
    // to its own (返本分红, 饲料库, 旅游): those made most leave-one-out suggestions wrong (docs/suggestions.md).
    if (table < SAME_PROJECT_FIT && (foreignWord(index, entry, queryWords, queryKinds) || !aboutProject(entry, queryWords, queryKinds))) continue;
    const scored = { entry, placement, tableFit: table, rowFit: row, score: clamp(tableWeight * table + (1 - tableWeight) * row) };
    const list = merged.get(key);
    if (list) list.push(scored);
    else merged.set(key, [scored]);
  }
  // Stable sorts: equal scores keep library order.
  const bests = [...merged.values()].map((list) => list.sort((a, b) => b.score - a.score));
  const top = bests.reduce((max, list) => Math.max(max, list[0].score), 0);
  const floor = Math.max(options.minScore ?? DEFAULT_MIN_SCORE, RELATIVE_FLOOR * top);
  return bests
    .filter((list) => list[0].score >= floor)
    .map((list) => toSuggestion(list[0], list, reasonText))
    .sort((a, b) => b.score - a.score);
}

function toSuggestion(best: Scored, all: Scored[], reasonText: string): Suggestion {
  const { row, table } = best.entry;
  const sources: Suggestion['sources'] = [];
  for (const { entry } of all) {
    const { number, projectName, source } = entry.table.table;
    if (!sources.some((s) => s.number === number && s.source === source)) sources.push({ number, projectName, source });
  }
  // Words of the indicator's own name the project text also has: what a clerk can check at a glance.
  const words = sharedPhrases(`${row.level3}\n${row.description}`, reasonText, REASON_TERMS);
  const name = table.table.projectName;
  // A published table names its issuer and year (公开样表：湘潭市环境卫生管理处（湖南，2023年）).
  const published = table.table.library === PUBLIC_LIBRARY_NAME ? `，${table.table.source}` : '';
  const from = `来自「${name}」${sources.length > 1 ? `等 ${sources.length} 个项目` : name.endsWith('项目') ? '' : '项目'}${published}`;
  return {
    level1: best.placement.level1,
    level2: best.placement.level2,
    level3: row.level3.trim(),
    description: row.description.trim(),
    value: row.value,
    score: best.score,
    reason: words.length > 0 ? `${from}；相同字词：${words.join('、')}` : from,
    sources,
  };
}

/** What a new project is about: what the clerk typed as 项目名称 and 绩效目标. */
export interface ProjectText {
  projectName: string;
  goals: string;
}

/**
 * The library's indicators that best fit a project not in the library, by dimension of the target
 * framework in its order (dimensions with nothing to offer left out), at most `limit` each, best first.
 */
export function suggestIndicators(library: TemplateLibrary, project: ProjectText, options: SuggestOptions): SuggestionGroup[] {
  const index = indexOf(library);
  const tableQuery = index.tableIdf.vector(tableTerms(project));
  const rowQuery = index.rowIdf.vector(termsOf(`${project.projectName}\n${project.goals}`));
  const queryKinds = kindsOf(`${project.projectName}\n${project.goals}`);
  const ranked = rank(
    index,
    options,
    (table) => Math.max(cosine(tableQuery, table.vector), KIND_FIT * kindFit(queryKinds, table.kinds, index.kindCounts, index.tables.length)),
    (row) => cosine(rowQuery, row.vector),
    TABLE_WEIGHT,
    `${project.projectName}\n${project.goals}`,
    new Set(nameWords(`${project.projectName}\n${project.goals}`)),
    queryKinds,
  );
  const limit = options.limit ?? DEFAULT_PER_DIMENSION;
  return placementsOf(options.framework)
    .map((placement) => ({
      ...placement,
      suggestions: ranked.filter((s) => s.level1 === placement.level1 && s.level2 === placement.level2).slice(0, limit),
    }))
    .filter((group) => group.suggestions.length > 0);
}

/**
 * The library's indicators that could measure one goal clause (a goal-without-indicator finding): rows
 * whose words are the clause's, and rows of tables with a goal like it. Best first, at most `limit`.
 */
export function suggestForClause(library: TemplateLibrary, clause: string, options: SuggestOptions): Suggestion[] {
  const index = indexOf(library);
  const terms = termsOf(clause);
  const tableQuery = index.tableIdf.vector(terms);
  const rowQuery = index.rowIdf.vector(terms);
  const ranked = rank(
    index,
    options,
    (table) => table.clauses.reduce((best, goal) => Math.max(best, cosine(tableQuery, goal)), 0),
    (row) => cosine(rowQuery, row.vector),
    CLAUSE_TABLE_WEIGHT,
    clause,
    new Set(nameWords(clause)),
    kindsOf(clause),
  );
  return ranked.slice(0, options.limit ?? DEFAULT_PER_CLAUSE);
}
