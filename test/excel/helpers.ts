// Shared set-up for the adapter tests: a fresh Excel double installed as the globals, a host over it.
import { createExcelHost } from '../../src/excel/excelHost';
import type { ExcelHost } from '../../src/excel/excelHost';
import { fromA1 } from '../../src/core/sheet/address';
import { parseSettings } from '../../src/core/model';
import type { Settings } from '../../src/core/model';
import { encodeSettingsProperties } from '../../src/core/model/settingsProperties';
import type { CellGrid, CellValue } from '../../src/core/sheet/types';
import { installExcelDouble } from '../support/excelDouble';
import type { ExcelDouble, ExcelDoubleOptions } from '../support/excelDouble';
import { loadSeedLibrary } from '../support/seed';

export interface Harness {
  excel: ExcelDouble;
  host: ExcelHost;
}

/**
 * A double and a host over it; `settings` are stored in the workbook first (as custom properties, where
 * the host reads them), e.g. `{ liveMarks: true }` for the tests of live marks (off by default).
 */
export function setUp(options: ExcelDoubleOptions = {}, liveCheckDelayMs = 80, settings?: Partial<Settings>): Harness {
  const stored = settings ? Object.fromEntries(encodeSettingsProperties(parseSettings(settings))) : {};
  const excel = installExcelDouble(globalThis, { ...options, customProperties: { ...options.customProperties, ...stored } });
  const host = createExcelHost({ library: loadSeedLibrary(), liveCheckDelayMs });
  return { excel, host };
}

/** The sheet's cells as a CellGrid, straight from the double's state (independent of the adapter's reader). */
export function gridFromDouble(excel: ExcelDouble, name: string): CellGrid {
  const snap = excel.snapshot(name);
  const positions = Object.entries(snap.cells)
    .filter(([, cell]) => cell.value !== '')
    .map(([address, cell]) => ({ ...fromA1(address), value: cell.value as CellValue }));
  const top = Math.min(...positions.map((p) => p.row));
  const left = Math.min(...positions.map((p) => p.col));
  const bottom = Math.max(...positions.map((p) => p.row));
  const right = Math.max(...positions.map((p) => p.col));
  const values: CellValue[][] = Array.from({ length: bottom - top + 1 }, () => Array<CellValue>(right - left + 1).fill(null));
  for (const p of positions) values[p.row - top][p.col - left] = p.value;
  return { sheetName: name, top, left, values, merges: snap.merges };
}

/** Marks in the double: CFs carrying the jixiao sentinel, as `address severity` strings, sorted. */
export function marksInDouble(excel: ExcelDouble, name: string): string[] {
  return excel
    .snapshot(name)
    .conditionalFormats.flatMap((cf) => {
      const m = /N\("jixiao:(\w+)"\)/.exec(cf.formula ?? '');
      return m ? [`${cf.range} ${m[1]}`] : [];
    })
    .sort();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves with the next report list the live check delivers. */
export function nextReports<T>(queue: T[][], timeoutMs = 3000): Promise<T[]> {
  const start = queue.length;
  return new Promise((resolve, reject) => {
    const began = Date.now();
    const poll = () => {
      if (queue.length > start) resolve(queue[queue.length - 1]);
      else if (Date.now() - began > timeoutMs) reject(new Error('实时检查没有回报'));
      else setTimeout(poll, 5);
    };
    poll();
  });
}
