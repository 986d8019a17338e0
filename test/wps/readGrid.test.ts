// Reading a sheet through WPS's object model gives the grid the reader expects, whichever shape this
// build hands Value2 back in (a flat array for one row on some builds, research notes §2).
import { readGrid } from '../../src/wps/checkSheets';
import { asSheet } from '../../src/wps/et';
import { loadSeedLibrary } from '../support/seed';
import { setUpWps } from './helpers';

const sheetOf = (h: ReturnType<typeof setUpWps>, name: string) => asSheet(h.et.Application.ActiveWorkbook.Worksheets.Item(name));

test.each([false, true])('flat one-row Value2 (%s): the same grid for a template and for a one-row sheet', async (flatSingleRow) => {
  const two = setUpWps();
  const flat = setUpWps({ flatSingleRow });
  const table = loadSeedLibrary().tables[2];
  const [name] = (await two.host.insertTables([table])).sheetNames;
  await flat.host.insertTables([table]);
  expect(readGrid(sheetOf(flat, name), name)).toEqual(readGrid(sheetOf(two, name), name));

  for (const h of [two, flat]) {
    h.et.userAddSheet('一行');
    h.et.userEdit('一行', 'B2', '项目名称');
    h.et.userEdit('一行', 'C2', 95);
    h.et.userEdit('一行', 'D2', '50%');
  }
  const grid = readGrid(sheetOf(flat, '一行'), '一行');
  expect(grid).toEqual(readGrid(sheetOf(two, '一行'), '一行'));
  // What the user sees: the percentage as typed, not Value2's 0.5.
  expect(grid).toEqual({ sheetName: '一行', top: 1, left: 1, values: [['项目名称', 95, '50%']], merges: [] });
});
