// The WPS live check where WPS differs from Excel: no sheet ids (a renamed sheet is followed by name at
// the next check), sheets added and deleted through WorkbookNewSheet / SheetBeforeDelete, and builds
// without ApiEvent, where the active sheet is polled.
import type { SheetReport } from '../../src/core/model';
import { readSheet } from '../../src/core/sheet';
import { readGrid } from '../../src/wps/checkSheets';
import { asSheet } from '../../src/wps/et';
import { nextReports } from '../excel/helpers';
import { loadSeedLibrary } from '../support/seed';
import { setUpWps } from './helpers';

async function inserted(options: Parameters<typeof setUpWps>[0] = {}) {
  const h = setUpWps(options);
  const [name] = (await h.host.insertTables([loadSeedLibrary().tables[0]])).sheetNames;
  const sheet = readSheet(readGrid(asSheet(h.et.Application.ActiveWorkbook.Worksheets.Item(name)), name))!;
  return { ...h, name, valueCell: sheet.rowRefs[0].value };
}

test('a renamed sheet is reported under its new name at the next change; a deleted one goes at once', async () => {
  const { et, host, name, valueCell } = await inserted();
  const queue: SheetReport[][] = [];
  const stop = await host.startLiveCheck((r) => queue.push(r), (e) => {
    throw e;
  });
  expect(queue.at(-1)!.map((r) => r.sheet)).toEqual([name]);
  asSheet(et.Application.ActiveWorkbook.Worksheets.Item(name)).Name = '改过名的表';
  let next = nextReports(queue);
  et.userEdit('改过名的表', valueCell, '');
  const renamed = await next;
  expect(renamed.map((r) => r.sheet)).toEqual(['改过名的表']);
  expect(renamed[0].issues.some((i) => i.cells.includes(valueCell))).toBe(true);

  next = nextReports(queue);
  et.userAddSheet('新表');
  et.userDeleteSheet('改过名的表');
  expect(await next).toEqual([]);
  await stop();
});

test('without ApiEvent the active sheet is re-checked by polling', async () => {
  const { et, host, valueCell, name } = await inserted({ noApiEvent: true, pollMs: 100 });
  const queue: SheetReport[][] = [];
  const stop = await host.startLiveCheck((r) => queue.push(r), () => undefined);
  expect(queue.at(-1)![0].issues.some((i) => i.cells.includes(valueCell))).toBe(false);
  const next = nextReports(queue);
  et.userEdit(name, valueCell, '');
  expect((await next)[0].issues.some((i) => i.cells.includes(valueCell))).toBe(true);
  await stop();
});

test('WorkbookActivate re-reads every sheet: a change made while the user was away (no SheetChange here) is reported', async () => {
  const { et, host, name, valueCell } = await inserted();
  const queue: SheetReport[][] = [];
  const stop = await host.startLiveCheck((r) => queue.push(r), (e) => {
    throw e;
  });
  const flagged = () => queue.at(-1)![0].issues.some((i) => i.cells.includes(valueCell));
  expect(flagged()).toBe(false);
  et.coauthorEdit(name, valueCell, '', false);
  expect(flagged()).toBe(false);
  const next = nextReports(queue);
  et.userActivateWorkbook();
  await next;
  expect(flagged()).toBe(true);
  await stop();
  expect(et.listenerCount()).toBe(0);
});
