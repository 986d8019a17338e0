// The corpus the metamorphic suites re-dress: the published tables of test/fixtures/real and the 16 seed
// tables, each as a CellGrid, and what a reader must keep under re-dressing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TABLES } from '../../scripts/fixtures/tables';
import { planTableSheet } from '../../src/core/sheet/layout';
import type { CellGrid, SheetTable } from '../../src/core/sheet/types';
import { gridFromPlan } from '../support/sheetTable';
import { seedTable } from '../support/seed';

export interface CorpusSheet {
  name: string;
  grid: CellGrid;
}

export const CORPUS: CorpusSheet[] = [
  ...TABLES.flatMap((spec) =>
    spec.sheets.map((sheet) => ({
      name: `${spec.file} · ${sheet.name}`,
      grid: { sheetName: sheet.name, top: 0, left: 0, values: sheet.rows.map((row) => [...row]), merges: [...(sheet.merges ?? [])] },
    })),
  ),
  ...Array.from({ length: 16 }, (_, i) => {
    const { number: _n, source: _s, line: _l, notes: _notes, library: _lib, sheet: _sh, ...table } = seedTable(i + 1);
    return { name: `种子表 ${i + 1}`, grid: gridFromPlan(planTableSheet(table, { sheetName: `种子${i + 1}`, framework: 'seed' })) };
  }),
];

/** What a reader must keep under re-dressing: the project, its money and every grid's rows (names as written). */
export function reading(tables: readonly SheetTable[]): unknown {
  return tables.map((t) => ({
    projectName: t.table.projectName,
    budget: t.table.budget,
    grids: t.grids.map((g) => g.rows.map(({ row }) => [row.level1, row.level2, row.level3, row.value].map((s) => s.replace(/\s+/g, '')).join(' / '))),
  }));
}

/** Region grids read the same rows as the one value column they were made from. */
export function regionReading(tables: readonly SheetTable[]): unknown {
  return reading(tables.map((t) => Object.assign(Object.create(Object.getPrototypeOf(t) as object) as SheetTable, t, { grids: t.grids.filter((g) => g.region === '甲县') })));
}

export interface Comparison {
  same: boolean;
  expected: string;
  actual: string;
}

/**
 * A re-dressed sheet's reading against the original's. After the `regions` kind, the 甲县 grids stand for
 * the one value column they were made from, and every table must have its two region grids.
 */
export function compareReadings(kinds: readonly string[], original: readonly SheetTable[], read: readonly SheetTable[]): Comparison {
  const regions = kinds.includes('regions');
  const expected = JSON.stringify(reading(original));
  const actual = JSON.stringify(regions ? regionReading(read) : reading(read));
  const regionsOk = !regions || read.every((t) => t.grids.filter((g) => g.region).length === 2);
  return { same: expected === actual && regionsOk, expected, actual };
}

const DOC = join(__dirname, '..', '..', 'docs', 'real-world.md');

/**
 * docs/real-world.md, for a test to find a generated section in (between its markers): with UPDATE_REAL_WORLD
 * set, the section is first written there (under `intro`, at the end, when the markers are absent).
 */
export function realWorldDoc(begin: string, end: string, body: string, intro: string): string {
  const doc = readFileSync(DOC, 'utf8');
  if (!process.env.UPDATE_REAL_WORLD) return doc;
  const start = doc.indexOf(begin);
  const section = `${begin}\n${body}\n${end}`;
  const next = start < 0 ? `${doc.trimEnd()}\n\n${intro}\n\n${section}\n` : doc.slice(0, start) + section + doc.slice(doc.indexOf(end) + end.length);
  writeFileSync(DOC, next);
  return next;
}
