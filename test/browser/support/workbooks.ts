// Real .xlsx files for the browser tests: seed tables drawn by C's layout and written by exceljs, some
// with a problem injected, and the reports the core computes for them (what the page must show).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { checkGrids } from '../../../src/core/check';
import { buildLibrary } from '../../../src/core/library';
import { DEFAULT_SETTINGS, type LibraryTable, type Settings, type SheetReport, type TemplateLibrary } from '../../../src/core/model';
import { loadWorkbook, readGrids, workbookToBuffer, writeTablesWorkbook } from '../../../src/xlsx';

const SEEDS = join(__dirname, '..', '..', '..', 'seeds');

/** Every bundled seed, as the pages build it (webpack bundles seeds/*.txt in name order). */
export function pageLibrary(): TemplateLibrary {
  const files = readdirSync(SEEDS).filter((name) => name.endsWith('.txt')).sort();
  return buildLibrary(files.map((source) => ({ source, text: readFileSync(join(SEEDS, source), 'utf8') })));
}

export function tableNumbered(library: TemplateLibrary, number: number): LibraryTable {
  const table = library.tables.find((t) => t.number === number);
  if (!table) throw new Error(`模板库中没有第 ${number} 张表`);
  return structuredClone(table);
}

export async function workbookOf(tables: LibraryTable[]): Promise<Buffer> {
  return Buffer.from(await workbookToBuffer(writeTablesWorkbook(tables, { framework: 'seed' })));
}

/** What the checker page computes for these bytes: same reader, same rules, same settings (default unless given). */
export async function expectedReports(bytes: Buffer, library: TemplateLibrary, settings: Settings = DEFAULT_SETTINGS): Promise<SheetReport[]> {
  return checkGrids(readGrids(await loadWorkbook(bytes)), { settings, library });
}

/** The text of an exceljs note, whether stored plain or as rich text. */
export function noteText(note: ExcelJS.Comment | string | undefined): string {
  if (note === undefined) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}
