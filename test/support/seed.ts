// The real seed library for every test: parsed once per test file, handed out as fresh copies so a
// test that edits a table cannot leak into another.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSeedDocument } from '../../src/core/library';
import type { LibraryTable, TemplateLibrary } from '../../src/core/model';
import { parseRowValue, vagueTarget } from '../../src/core/values';

/** File name of the seed document (天津市司法局 2024, 16 tables). */
export const SEED_SOURCE = '000_a609d38bfddc34c0.txt';
export const SEED_PATH = join(__dirname, '..', '..', 'seeds', SEED_SOURCE);

let cachedText: string | null = null;
let cachedLibrary: TemplateLibrary | null = null;

export function readSeedText(): string {
  cachedText ??= readFileSync(SEED_PATH, 'utf8');
  return cachedText;
}

/** The seed document parsed into a library (16 tables); a fresh deep copy on every call. */
export function loadSeedLibrary(): TemplateLibrary {
  cachedLibrary ??= parseSeedDocument(readSeedText(), SEED_SOURCE);
  return structuredClone(cachedLibrary);
}

/** Table `number` (1–16, as in the document's contents list); a fresh copy. */
export function seedTable(number: number): LibraryTable {
  const table = loadSeedLibrary().tables.find((t) => t.number === number);
  if (!table) throw new Error(`种子文档中没有第 ${number} 张表`);
  return table;
}

/**
 * The table with its vague targets (「保障」「有效提升」… under 效益/质量/时效, issue #23's vague-target) made
 * measurable (`≥99%`): for tests whose premise is a table that raises nothing, about something else than
 * that rule. The seed itself keeps its values: they are what a reviewer would return.
 */
export function measuredTable<T extends LibraryTable>(table: T): T {
  for (const row of table.indicators) {
    if (vagueTarget(row.value)) Object.assign(row, { value: '≥99%', parsed: parseRowValue({ ...row, value: '≥99%' }, table.unit) });
  }
  return table;
}
