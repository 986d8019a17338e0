// Values as shown: Excel stores a typed 95% as 0.95 (format 0%) and a typed date as a serial number; the
// adapter must read them as the user sees them, so a hand-made sheet gives the same report from Excel as
// the same sheet saved by exceljs and read from the .xlsx.
import ExcelJS from 'exceljs';
import { checkGrid } from '../../src/core/check';
import type { SheetReport } from '../../src/core/model';
import { planTableSheet } from '../../src/core/sheet';
import { readGrids } from '../../src/xlsx/read';
import { loadSeedLibrary } from '../support/seed';
import { sheetFromTable } from '../support/sheetTable';
import { gridFromDouble, setUp } from './helpers';

const SHEET = 'Sheet1';
const PERCENT = '95%';
const DATE = '2024/12/31';

/** Table 1 as a user types it into a blank (General) sheet: every cell by hand, no merges, no formats. */
function handMadeEntries(): { entries: Map<string, string | number>; percentCell: string; dateCell: string } {
  const library = loadSeedLibrary();
  const table = library.tables[0];
  const plan = planTableSheet(table, { sheetName: SHEET, framework: 'seed' });
  const entries = new Map<string, string | number>();
  for (const cell of plan.cells) if (cell.value !== null && cell.value !== '') entries.set(cell.address, cell.value);
  const drawn = sheetFromTable(table);
  const valueCellOf = (level2Prefix: string): string => drawn.rowRefs[drawn.table.indicators.findIndex((r) => r.level2.startsWith(level2Prefix))].value;
  const percentCell = valueCellOf('服务对象满意度');
  const dateCell = valueCellOf('时效');
  entries.set(percentCell, PERCENT);
  entries.set(dateCell, DATE);
  return { entries, percentCell, dateCell };
}

/** The same sheet written by exceljs the way Excel saves typed cells: 95% → 0.95 with 0%, the date a Date. */
async function reportThroughExceljs(entries: Map<string, string | number>, percentCell: string, dateCell: string): Promise<SheetReport | null> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SHEET);
  for (const [address, value] of entries) sheet.getCell(address).value = value;
  sheet.getCell(percentCell).value = 0.95;
  sheet.getCell(percentCell).numFmt = '0%';
  sheet.getCell(dateCell).value = new Date(Date.UTC(2024, 11, 31));
  sheet.getCell(dateCell).numFmt = 'yyyy/m/d';
  const reread = new ExcelJS.Workbook();
  await reread.xlsx.load(await workbook.xlsx.writeBuffer());
  return checkGrid(readGrids(reread)[0], { library: loadSeedLibrary() });
}

test('typing 95% and a date into a General sheet: Excel stores number + format, the report equals the exceljs one', async () => {
  const { excel, host } = setUp();
  const { entries, percentCell, dateCell } = handMadeEntries();
  for (const [address, value] of entries) excel.userEdit(SHEET, address, value);

  // What Excel stores for the typed entries.
  const cells = excel.snapshot(SHEET).cells;
  expect([cells[percentCell].value, cells[percentCell].format.numberFormat]).toEqual([0.95, '0%']);
  expect(cells[dateCell].value).toBe(45657);
  expect(cells[dateCell].format.numberFormat).toBe('yyyy/m/d');

  excel.resetSyncs();
  const [report] = await host.checkAll();
  expect(excel.syncCount).toBeLessThanOrEqual(4); // list + read + note probes of a sheet never seen + write
  const fromXlsx = await reportThroughExceljs(entries, percentCell, dateCell);
  expect(fromXlsx).not.toBeNull();
  expect(report).toEqual(fromXlsx);

  // The stored numbers themselves would read differently: the equality above is the shown values' doing.
  const raw = checkGrid(gridFromDouble(excel, SHEET), { library: loadSeedLibrary() });
  expect(raw?.issues).not.toEqual(report.issues);
});

test('a Text (@) cell keeps 95% and the date as typed; a quote prefix keeps text in a General cell', async () => {
  const { excel, host } = setUp();
  const [name] = (await host.insertTables([loadSeedLibrary().tables[0]])).sheetNames;
  const plan = planTableSheet(loadSeedLibrary().tables[0], { sheetName: name, framework: 'seed' });
  const textCell = plan.cells.find((c) => plan.styles[c.style]?.numberFormat === '@')!.address;
  excel.userEdit(name, textCell, PERCENT);
  expect(excel.snapshot(name).cells[textCell]).toMatchObject({ value: PERCENT, format: { numberFormat: '@' } });
  excel.userEdit(name, textCell, DATE);
  expect(excel.value(name, textCell)).toBe(DATE);
  excel.userEdit(SHEET, 'A1', `'${PERCENT}`);
  expect(excel.snapshot(SHEET).cells.A1).toMatchObject({ value: PERCENT, format: { numberFormat: 'General' } });
  excel.userEdit(SHEET, 'A2', '12.5%');
  expect(excel.snapshot(SHEET).cells.A2).toMatchObject({ value: 0.125, format: { numberFormat: '0.00%' } });
  excel.userEdit(SHEET, 'A3', '2024年2月30日'); // no such day: text
  expect(excel.value(SHEET, 'A3')).toBe('2024年2月30日');
});
