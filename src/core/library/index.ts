// The template library: seed documents → zod-validated tables, and lookup by project name.
import type { TemplateLibrary } from '../model';
import { parseSeedDocument } from './parse';

export { parseSeedDocument, SeedFormatError } from './parse';
export { findTemplate, findTemplates, findTemplatesByPrecedence, libraryName, projectNameKey, projectBaseKey } from './match';
export { libraryFromGrids } from './workbook';

export interface SeedDocument {
  /** File name, recorded on every table as its source. */
  source: string;
  text: string;
}

/** Parses several seed documents into one library, tables and notes in the given order. */
export function buildLibrary(docs: SeedDocument[]): TemplateLibrary {
  return mergeLibraries(docs.map((doc) => parseSeedDocument(doc.text, doc.source)));
}

/**
 * Several libraries as one: tables and notes in the given order. The order is the precedence: where
 * two libraries have the same project, the template rules take the later one's table (findTemplate),
 * so the unit's own libraries go after the bundled seed, the most recently added last.
 */
export function mergeLibraries(libraries: readonly TemplateLibrary[]): TemplateLibrary {
  return { tables: libraries.flatMap((l) => l.tables), notes: libraries.flatMap((l) => l.notes) };
}

/** A seed-style text document (the .txt export of a 绩效目标表 Word file) as the unit's library `name`. */
export function libraryFromText(text: string, name: string): TemplateLibrary {
  return namedLibrary(parseSeedDocument(text, name), name);
}

/** The library with every table marked as belonging to `name` (what template messages call it). */
export function namedLibrary(library: TemplateLibrary, name: string): TemplateLibrary {
  return { ...library, tables: library.tables.map((table) => ({ ...table, library: name })) };
}
