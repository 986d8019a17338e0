// Issue 20 in the double: the default never clears the user's undo history in any requirement-set tier
// or switch; settings saved by one add-in Id are read by another; changes onChanged misses still reach
// the list; a co-author's change is reported and never marked.
import type { SheetReport } from '../../src/core/model';
import { DEFAULT_SETTINGS, parseSettings } from '../../src/core/model';
import { SETTINGS_COUNT_PROPERTY } from '../../src/core/model/settingsProperties';
import { createExcelHost } from '../../src/excel/excelHost';
import { readSheet } from '../../src/core/sheet';
import { createExcelDouble } from '../support/excelDouble';
import type { RealExcelBehaviours } from '../support/excelDouble';
import { loadSeedLibrary } from '../support/seed';
import { gridFromDouble, marksInDouble, nextReports, setUp } from './helpers';

const DELAY = 60;
const TIERS = ['1.8', '1.14', '1.17', '1.18', '1.20'];
const SWITCHES: RealExcelBehaviours[] = [{}, { eventsForOwnWrites: true, normalisesText: true, formatIdsArePositions: true }, { insertTakesRowAbove: true, pickRaisesNoEvent: true }];

describe.each(TIERS)('ExcelApi %s', (tier) => {
  test.each(SWITCHES.map((real) => [JSON.stringify(real), real] as const))('insert, type, undo, 全部检查, clear with switches %s: typing never costs Ctrl+Z', async (_label, real) => {
    const { excel, host } = setUp({ maxExcelApi: tier, real }, DELAY);
    const [name] = (await host.insertTables([loadSeedLibrary().tables[0]])).sheetNames;
    const sheet = readSheet(gridFromDouble(excel, name))!;
    const valueCell = sheet.rowRefs[0].value;
    const original = excel.value(name, valueCell);
    const received: SheetReport[][] = [];
    const stop = await host.startLiveCheck((r) => received.push(r), (e) => {
      throw e;
    });

    excel.userEdit(name, valueCell, '');
    let reports = await nextReports(received);
    expect(reports[0].issues.some((i) => i.code === 'missing-value' && i.cells.includes(valueCell))).toBe(true);
    // The live check wrote nothing: the user's edit is still on the undo stack, and undoing it works.
    expect(marksInDouble(excel, name)).toEqual([]);
    // From 1.20 the insert (the user's click) is an undo step of its own, below the edit.
    expect(excel.undoDepth()).toBe(tier === '1.20' ? 2 : 1);
    excel.undo();
    reports = await nextReports(received);
    expect(excel.value(name, valueCell)).toBe(original);
    expect(reports[0].issues.some((i) => i.code === 'missing-value' && i.cells.includes(valueCell))).toBe(false);

    // 全部检查 is the user's request: it marks (and, below 1.20, Excel's history goes with it).
    excel.userEdit(name, valueCell, '');
    await nextReports(received);
    const depth = excel.undoDepth();
    await host.checkAll();
    expect(marksInDouble(excel, name).some((m) => m.startsWith(`${valueCell} `))).toBe(true);
    expect(excel.undoDepth()).toBe(tier === '1.20' ? depth + 1 : 0);
    await host.clearMarks();
    expect(marksInDouble(excel, name)).toEqual([]);
    await stop();
  });
});

test('settings saved by one add-in Id are read by another in the same workbook, from custom properties', async () => {
  const unit = createExcelDouble({ maxExcelApi: '1.8' });
  const bureau = createExcelDouble({ sharedWith: unit });
  const changed = parseSettings({ framework: '2021', minSatisfaction: 95, disabledRules: ['missing-value'] });
  const unitHost = createExcelHost({ library: loadSeedLibrary(), run: (batch) => unit.Excel.run(batch as never), requirements: unit.Office.context.requirements, settings: unit.Office.context.document.settings as never });
  const bureauHost = createExcelHost({ library: loadSeedLibrary(), run: (batch) => bureau.Excel.run(batch as never), requirements: bureau.Office.context.requirements, settings: bureau.Office.context.document.settings as never });
  expect(await bureauHost.loadSettings()).toEqual(DEFAULT_SETTINGS);
  await unitHost.saveSettings(changed);
  expect(unit.customProperties()[SETTINGS_COUNT_PROPERTY]).toBeDefined();
  expect(unit.Office.context.document.settings.get('jixiao.settings')).toBeNull();
  expect(await bureauHost.loadSettings()).toEqual(changed);
  // Shorter settings leave no stale chunk behind.
  await unitHost.saveSettings(DEFAULT_SETTINGS);
  expect(await bureauHost.loadSettings()).toEqual(DEFAULT_SETTINGS);
  expect(Object.keys(unit.customProperties()).filter((k) => k.startsWith('jixiao.'))).toHaveLength(1 + Number(unit.customProperties()[SETTINGS_COUNT_PROPERTY]));
});

test('settings in Office.Settings (before this version) are used, and moved into the document by 全部检查', async () => {
  const old = parseSettings({ minSatisfaction: 80 });
  const { excel, host } = setUp({ settings: { 'jixiao.settings': old } }, DELAY);
  expect(await host.loadSettings()).toEqual(old);
  expect(excel.customProperties()).toEqual({});
  await host.checkAll();
  const other = createExcelDouble({ sharedWith: excel });
  const otherHost = createExcelHost({ library: loadSeedLibrary(), run: (batch) => other.Excel.run(batch as never), requirements: other.Office.context.requirements, settings: other.Office.context.document.settings as never });
  expect(await otherHost.loadSettings()).toEqual(old);
});

test('全部检查 re-reads settings a colleague changed in the workbook', async () => {
  const { excel, host } = setUp({}, DELAY);
  const [name] = (await host.insertTables([loadSeedLibrary().tables[0]])).sheetNames;
  excel.userEdit(name, readSheet(gridFromDouble(excel, name))!.rowRefs[0].value, '');
  const before = await host.checkAll();
  const colleague = createExcelDouble({ sharedWith: excel });
  const colleagueHost = createExcelHost({ library: loadSeedLibrary(), run: (batch) => colleague.Excel.run(batch as never), requirements: colleague.Office.context.requirements, settings: colleague.Office.context.document.settings as never });
  const codes = [...new Set(before.flatMap((r) => r.issues.map((i) => i.code)))];
  expect(codes.length).toBeGreaterThan(0);
  await colleagueHost.saveSettings(parseSettings({ disabledRules: codes }));
  const after = await host.checkAll();
  expect(after.flatMap((r) => r.issues.filter((i) => codes.includes(i.code)))).toEqual([]);
});

test('changes onChanged misses reach the list: a recalculated cell, and a drop-down pick seen on returning to the sheet', async () => {
  const { excel, host } = setUp({ real: { pickRaisesNoEvent: true } }, DELAY);
  const [name] = (await host.insertTables([loadSeedLibrary().tables[0]])).sheetNames;
  const sheet = readSheet(gridFromDouble(excel, name))!;
  const received: SheetReport[][] = [];
  const stop = await host.startLiveCheck((r) => received.push(r), (e) => {
    throw e;
  });
  const cell = sheet.rowRefs[0].value;
  excel.recalculate(name, cell, '');
  let reports = await nextReports(received);
  expect(reports[0].issues.some((i) => i.code === 'missing-value' && i.cells.includes(cell))).toBe(true);

  const other = sheet.rowRefs[1].value;
  const count = received.length;
  excel.userPickFromList(name, other, '');
  await new Promise((resolve) => setTimeout(resolve, DELAY * 3));
  expect(received.length).toBe(count); // Excel said nothing
  excel.userActivate(name);
  reports = await nextReports(received);
  expect(reports[0].issues.some((i) => i.code === 'missing-value' && i.cells.includes(other))).toBe(true);
  await stop();
});

test('live marks on: a co-author\'s change is reported and never marked; the user\'s own is', async () => {
  const { excel, host } = setUp({ maxExcelApi: '1.20' }, DELAY);
  await host.saveSettings({ ...(await host.loadSettings()), liveMarks: true });
  const [name] = (await host.insertTables([loadSeedLibrary().tables[0]])).sheetNames;
  const sheet = readSheet(gridFromDouble(excel, name))!;
  const received: SheetReport[][] = [];
  const stop = await host.startLiveCheck((r) => received.push(r), (e) => {
    throw e;
  });
  const before = marksInDouble(excel, name);
  const cell = sheet.rowRefs[0].value;
  excel.userEdit(name, cell, '', 'Remote');
  const reports = await nextReports(received);
  expect(reports[0].issues.some((i) => i.cells.includes(cell))).toBe(true);
  expect(marksInDouble(excel, name)).toEqual(before);
  // The user's own edit next: the sheet is marked, the co-author's cell included (it is the sheet's state).
  excel.userEdit(name, sheet.rowRefs[1].value, '');
  await nextReports(received);
  expect(marksInDouble(excel, name).some((m) => m.startsWith(`${cell} `))).toBe(true);
  await stop();
});
