// Seed tables as the checker sees them: table → sheet plan (C's layout) → cell grid → reader, so the
// rules are tested on real sheet addresses without going through a file.
import type { FrameworkName, PerformanceTable } from '../../src/core/model';
import { gridFromPlan, planTableSheet } from '../../src/core/sheet/layout';
import { readSheet } from '../../src/core/sheet/reader';
import type { CellGrid, SheetTable } from '../../src/core/sheet/types';
import { parseRowValue } from '../../src/core/values';

export { gridFromPlan };

export function gridFromTable(table: PerformanceTable, framework: FrameworkName = 'seed', sheetName = 'Sheet1'): CellGrid {
  return gridFromPlan(planTableSheet(table, { sheetName, framework }));
}

/** A table drawn on a sheet and read back; throws when the reader does not find it. */
export function sheetFromTable(table: PerformanceTable, framework: FrameworkName = 'seed'): SheetTable {
  const sheet = readSheet(gridFromTable(table, framework), { framework });
  if (!sheet) throw new Error(`读不出表格：${table.projectName}`);
  return sheet;
}

/** Sets a row's 指标值 and re-parses it as the reader would. */
export function setValue(table: PerformanceTable, index: number, value: string): void {
  const row = table.indicators[index];
  row.value = value;
  row.parsed = parseRowValue(row, table.unit);
}

/** Index of the first row whose 三级 name contains `text`; throws when there is none. */
export function rowIndex(table: PerformanceTable, text: string): number {
  const index = table.indicators.findIndex((row) => row.level3.includes(text));
  if (index < 0) throw new Error(`表中没有三级指标「${text}」`);
  return index;
}
