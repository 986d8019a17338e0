// The template library: seed documents → zod-validated tables, and lookup by project name.
import type { TemplateLibrary } from '../model';
import { parseSeedDocument } from './parse';

export { parseSeedDocument, SeedFormatError } from './parse';
export { findTemplate, findTemplates, projectNameKey, projectBaseKey } from './match';

export interface SeedDocument {
  /** File name, recorded on every table as its source. */
  source: string;
  text: string;
}

/** Parses several seed documents into one library, tables and notes in the given order. */
export function buildLibrary(docs: SeedDocument[]): TemplateLibrary {
  return mergeLibraries(docs.map((doc) => parseSeedDocument(doc.text, doc.source)));
}

/** Several libraries as one: tables and notes in the given order. */
export function mergeLibraries(libraries: readonly TemplateLibrary[]): TemplateLibrary {
  return { tables: libraries.flatMap((l) => l.tables), notes: libraries.flatMap((l) => l.notes) };
}
