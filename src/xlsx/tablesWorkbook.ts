/** Library tables (and blank forms) → one exceljs workbook, a sheet each: the CLI, the bench and the tests share it. */
import ExcelJS from 'exceljs';
import { detectFramework } from '../core/frameworks';
import type { FrameworkName, PerformanceTable } from '../core/model';
import { planBlankSheet, planTableSheet, uniqueSheetName } from '../core/sheet/layout';
import { writePlan } from './write';

export interface TablesWorkbookOptions {
  /** Blank forms to add after the tables, one sheet per framework. */
  blank?: readonly FrameworkName[];
  /** Draw every table in this framework instead of the one its 一级 names suggest. */
  framework?: FrameworkName;
}

/** Sheet name of a blank form. */
export function blankSheetName(framework: FrameworkName): string {
  return framework === 'seed' ? '空白表（旧版框架）' : '空白表（101号文框架）';
}

/**
 * A workbook with one sheet per table, named after its project (made unique and valid), then one per
 * blank form. `workbook.worksheets` follows that order.
 */
export function writeTablesWorkbook(tables: readonly PerformanceTable[], options: TablesWorkbookOptions = {}): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'jixiao';
  const names: string[] = [];
  const nextName = (wanted: string): string => {
    const name = uniqueSheetName(wanted, names);
    names.push(name);
    return name;
  };
  for (const table of tables) {
    const framework = options.framework ?? detectFramework(table.indicators.map((row) => row.level1));
    writePlan(workbook, planTableSheet(table, { sheetName: nextName(table.projectName), framework }));
  }
  for (const framework of options.blank ?? []) writePlan(workbook, planBlankSheet(framework, nextName(blankSheetName(framework))));
  return workbook;
}
