import type { Department, LibraryTable, TemplateLibrary } from '../model';

/** A budget-year suffix the finance system appends to project names: `-2024中央`, `—2024一般债利息`. */
const YEAR_SUFFIX = /[-－—–_]\s*(19|20)\d{2}.*$/;
const TITLE_SUFFIX = /绩效目标表$/;
const PUNCTUATION_OR_SPACE = /[\s\p{P}\p{S}]/gu;

/** Name key that ignores width (NFKC), spaces, punctuation and a trailing 绩效目标表. */
export function projectNameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(TITLE_SUFFIX, '').replace(PUNCTUATION_OR_SPACE, '');
}

/** Like projectNameKey, and also without a year suffix (`-2024中央`). */
export function projectBaseKey(name: string): string {
  return projectNameKey(name.normalize('NFKC').trim().replace(YEAR_SUFFIX, ''));
}

/**
 * Every library table a project name may mean, tolerant of how a sheet spells it: exact matches first,
 * else those equal ignoring width, spaces and punctuation, else also ignoring a year suffix. Several
 * when the library repeats a name (the seed has two 法治建设, of two departments).
 */
export function findTemplates(library: TemplateLibrary, projectName: string): LibraryTable[] {
  const name = projectName.trim();
  if (name === '') return [];
  const tiers: ((t: LibraryTable) => boolean)[] = [
    (t) => t.projectName === name,
    (t) => projectNameKey(t.projectName) === projectNameKey(name),
    (t) => projectBaseKey(t.projectName) === projectBaseKey(name),
  ];
  for (const matches of tiers) {
    const found = library.tables.filter(matches);
    if (found.length > 0) return found;
  }
  return [];
}

/** Which library a table belongs to: the unit's library name, else its seed document. */
export function libraryName(table: LibraryTable): string {
  return table.library ?? table.source;
}

/**
 * The tables a project name means in the library that takes precedence: merged libraries are searched
 * from the last to the first (the unit's own, most recently added, before the bundled seed), and the
 * first library with any match answers (findTemplates' tiers within it). So last year's table of the
 * unit, even named with another year suffix, is the template rather than the seed's.
 */
export function findTemplatesByPrecedence(library: TemplateLibrary, projectName: string): LibraryTable[] {
  const groups = new Map<string, LibraryTable[]>();
  for (const table of library.tables) {
    const name = libraryName(table);
    const group = groups.get(name);
    if (group) group.push(table);
    else groups.set(name, [table]);
  }
  for (const tables of [...groups.values()].reverse()) {
    const found = findTemplates({ tables, notes: [] }, projectName);
    if (found.length > 0) return found;
  }
  return [];
}

/**
 * The library table for a project name (see findTemplatesByPrecedence). When several of that library
 * match equally, the one of the given department wins, else the first.
 */
export function findTemplate(
  library: TemplateLibrary,
  projectName: string,
  department?: Partial<Department> | null,
): LibraryTable | null {
  const found = findTemplatesByPrecedence(library, projectName);
  return found.length > 0 ? preferDepartment(found, department) : null;
}

function preferDepartment(tables: LibraryTable[], department?: Partial<Department> | null): LibraryTable {
  if (department) {
    const same = tables.find(
      (t) =>
        (department.code ? t.department.code === department.code : true) &&
        (department.name ? t.department.name === department.name.trim() : true),
    );
    if (same) return same;
  }
  return tables[0];
}
