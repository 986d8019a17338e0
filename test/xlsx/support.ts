// Helpers for the exceljs tests: the seed tables as plain PerformanceTables, and a 16-sheet workbook.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { LibraryTable, PerformanceTable } from '../../src/core/model';
import { planTableSheet, uniqueSheetName } from '../../src/core/sheet/layout';
import { writePlan } from '../../src/xlsx';
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
  const workbook = new ExcelJS.Workbook();
  const names: string[] = [];
  const tables = seedTables();
  for (const table of tables) {
    const name = uniqueSheetName(table.projectName, names);
    names.push(name);
    writePlan(workbook, planTableSheet(table, { sheetName: name, framework: 'seed' }));
  }
  return { workbook, names, tables };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `jixiao-${prefix}-`));
}
