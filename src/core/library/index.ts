// The template library: seed documents → zod-validated tables, and lookup by project name.
import type { TemplateLibrary } from '../model';
import { parseSeedDocument } from './parse';

export { parseSeedDocument, SeedFormatError } from './parse';
export { findTemplate, projectNameKey, projectBaseKey } from './match';

export interface SeedDocument {
  /** File name, recorded on every table as its source. */
  source: string;
  text: string;
}

/** Parses several seed documents into one library, tables and notes in the given order. */
export function buildLibrary(docs: SeedDocument[]): TemplateLibrary {
  const library: TemplateLibrary = { tables: [], notes: [] };
  for (const doc of docs) {
    const parsed = parseSeedDocument(doc.text, doc.source);
    library.tables.push(...parsed.tables);
    library.notes.push(...parsed.notes);
  }
  return library;
}
