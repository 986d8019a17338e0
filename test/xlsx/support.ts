// Helpers for the exceljs tests: the seed tables as plain PerformanceTables, and a 16-sheet workbook.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import type { LibraryTable, PerformanceTable } from '../../src/core/model';
import { writeTablesWorkbook } from '../../src/xlsx';
import { WorkbookReadError } from '../../src/xlsx/errors';
import { loadSeedLibrary } from '../support/seed';

export function plainTable(table: LibraryTable): PerformanceTable {
  const { number: _n, source: _s, line: _l, notes: _notes, ...plain } = table;
  return plain;
}

export function seedTables(): PerformanceTable[] {
  return loadSeedLibrary().tables.map(plainTable);
}

/** Every seed table on its own sheet, named after its project; returns the sheet names in order. */
export function seedWorkbook(): { workbook: ExcelJS.Workbook; names: string[]; tables: PerformanceTable[] } {
  const tables = seedTables();
  const workbook = writeTablesWorkbook(tables, { framework: 'seed' });
  return { workbook, names: workbook.worksheets.map((sheet) => sheet.name), tables };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `jixiao-${prefix}-`));
}

/** The WorkbookReadError that `run` throws; anything else, or no throw, fails the test. */
export function failure(run: () => unknown): WorkbookReadError {
  try {
    run();
  } catch (error) {
    if (error instanceof WorkbookReadError) return error;
    throw error;
  }
  throw new Error('did not fail');
}
