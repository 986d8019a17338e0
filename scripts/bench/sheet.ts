// Speed of the sheet layer: writing the 16-table template workbook with exceljs and reading it back with
// jixiao's reader (what `jixiao workbook` and `jixiao check` spend on sheets).
import ExcelJS from 'exceljs';
import type { BenchFigure } from '../bench';
import { medianMs } from '../timing';
import { loadBundledLibrary } from '../../src/cli/seeds';
import { planTableSheet, uniqueSheetName } from '../../src/core/sheet/layout';
import { readSheet } from '../../src/core/sheet/reader';
import { readWorkbookGrids, workbookToBuffer, writePlan } from '../../src/xlsx';

export default async (): Promise<BenchFigure[]> => {
  const tables = loadBundledLibrary().tables;
  const rows = tables.reduce((n, t) => n + t.indicators.length, 0);
  const plans = () => {
    const names: string[] = [];
    return tables.map((table) => {
      const name = uniqueSheetName(table.projectName, names);
      names.push(name);
      return planTableSheet(table, { sheetName: name, framework: 'seed' });
    });
  };
  const writeAll = async () => {
    const workbook = new ExcelJS.Workbook();
    for (const plan of plans()) writePlan(workbook, plan);
    return workbookToBuffer(workbook);
  };
  const bytes = await writeAll();
  const grids = readWorkbookGrids(bytes);
  const readAll = () => readWorkbookGrids(bytes).map((grid) => readSheet(grid));
  if (readAll().filter((sheet) => sheet !== null).length !== tables.length) throw new Error('读回的表数不对');
  // A long table: the first seed table's rows repeated to 10,000.
  const base = tables[0];
  const big = { ...base, indicators: Array.from({ length: 10_000 }, (_, i) => base.indicators[i % base.indicators.length]) };
  const writeBig = async () => {
    const workbook = new ExcelJS.Workbook();
    writePlan(workbook, planTableSheet(big, { sheetName: 'big', framework: 'seed' }));
    return workbookToBuffer(workbook);
  };
  const bigBytes = await writeBig();
  const bigGrid = readWorkbookGrids(bigBytes)[0];
  if (readSheet(bigGrid)?.table.indicators.length !== 10_000) throw new Error('大表读回的行数不对');
  // A sparse grid as the new readers hand it over: the cost must follow the cells, not the extent.
  const farValues = grids[0].values.slice();
  farValues[1048575] = [];
  farValues[1048575][16383] = 'x';
  const farGrid = { ...grids[0], values: farValues, merges: [...grids[0].merges, 'A40:XFD1048576'] };
  return [
    { name: `plan 16 tables (${rows} rows, layout only)`, value: await medianMs(50, plans), unit: 'ms' },
    { name: 'plan + writePlan + write .xlsx bytes, 16 tables', value: await medianMs(20, writeAll), unit: 'ms' },
    { name: '.xlsx size, 16 tables', value: Math.round(bytes.length / 1024), unit: 'KiB' },
    { name: 'readWorkbookGrids + readSheet, 16 tables', value: await medianMs(20, readAll), unit: 'ms' },
    { name: 'readSheet only, 16 grids', value: await medianMs(200, () => grids.map((grid) => readSheet(grid))), unit: 'ms' },
    { name: '10,000-row table: plan + write .xlsx bytes', value: await medianMs(3, writeBig), unit: 'ms' },
    { name: '10,000-row table: readWorkbookGrids', value: await medianMs(3, () => readWorkbookGrids(bigBytes)), unit: 'ms' },
    { name: '10,000-row table: readSheet only', value: await medianMs(10, () => readSheet(bigGrid)), unit: 'ms' },
    { name: 'readSheet, table 1 + a cell at XFD1048576 + merge A40:XFD1048576', value: await medianMs(50, () => readSheet(farGrid)), unit: 'ms' },
  ];
};
