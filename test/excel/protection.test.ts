// Protected sheets and a protected workbook structure: a protected sheet is checked and reported but never
// written (its old marks stay), the other sheets are checked and marked as usual, clearMarks says which
// protected sheets keep marks, and inserting into a protected structure surfaces Excel's AccessDenied.
import { checkGrid } from '../../src/core/check';
import { marksForReport } from '../../src/core/marks';
import type { SheetReport } from '../../src/core/model';
import { readSheet } from '../../src/core/sheet';
import { MarksKeptOnProtectedSheetsError } from '../../src/excel/protection';
import { describeError } from '../../src/web/errors';
import type { ExcelDouble } from '../support/excelDouble';
import { loadSeedLibrary } from '../support/seed';
import { gridFromDouble, marksInDouble, nextReports, setUp } from './helpers';

const DELAY = 60;

function expectedReport(excel: ExcelDouble, name: string): SheetReport {
  const report = checkGrid(gridFromDouble(excel, name), { library: loadSeedLibrary() });
  if (!report) throw new Error(`${name} 不是绩效目标表`);
  return report;
}

function expectedMarks(excel: ExcelDouble, name: string): string[] {
  return marksForReport(expectedReport(excel, name))
    .map((m) => `${m.address} ${m.severity}`)
    .sort();
}

/** The value cell of the n-th indicator row of a sheet. */
function valueCell(excel: ExcelDouble, name: string, row: number): string {
  return readSheet(gridFromDouble(excel, name))!.rowRefs[row].value;
}

/** Three tables, each with an emptied value, checked (so marked); then the middle one gets a new problem. */
async function markedWorkbook(maxExcelApi?: string) {
  // Live marks on: the live-check tests below follow them.
  const harness = setUp(maxExcelApi ? { maxExcelApi } : {}, DELAY, { liveMarks: true });
  const { excel, host } = harness;
  const library = loadSeedLibrary();
  const names = (await host.insertTables(library.tables.slice(0, 3))).sheetNames;
  const unmarked = Object.fromEntries(names.map((name) => [name, excel.snapshot(name)]));
  for (const name of names) excel.userEdit(name, valueCell(excel, name, 0), '');
  const unmarkedAfterEdit = Object.fromEntries(names.map((name) => [name, excel.snapshot(name)]));
  await host.checkAll();
  for (const name of names) expect(marksInDouble(excel, name)).toEqual(expectedMarks(excel, name));
  return { ...harness, names, unmarked, unmarkedAfterEdit };
}

test('checkAll with one protected sheet: every sheet reported, the others marked, nothing written to the protected one', async () => {
  const { excel, host, names } = await markedWorkbook();
  const [first, locked, third] = names;
  const newProblem = valueCell(excel, locked, 1);
  excel.userEdit(locked, newProblem, '');
  excel.userProtectSheet(locked, true);
  const lockedBefore = excel.snapshot(locked);
  const firstNew = valueCell(excel, first, 1);
  excel.userEdit(first, firstNew, '');

  excel.resetSyncs();
  const reports = await host.checkAll();
  expect(excel.syncCount).toBeLessThanOrEqual(4); // list + read + locating a moved note + write
  expect(reports.map((r) => r.sheet)).toEqual(names);
  const lockedReport = reports.find((r) => r.sheet === locked)!;
  expect(lockedReport.marks).toBe('skipped-protected');
  expect(lockedReport.issues).toEqual(expectedReport(excel, locked).issues);
  expect(lockedReport.issues.some((i) => i.code === 'missing-value' && i.cells.includes(newProblem))).toBe(true);
  // The protected sheet: old marks kept, the new problem unmarked, nothing else touched.
  expect(excel.snapshot(locked)).toEqual(lockedBefore);
  expect(marksInDouble(excel, locked).some((m) => m.startsWith(`${newProblem} `))).toBe(false);
  // The others: marked exactly as the core says, the new problem included; no flag on their reports.
  for (const name of [first, third]) {
    expect(reports.find((r) => r.sheet === name)!.marks).toBeUndefined();
    expect(marksInDouble(excel, name)).toEqual(expectedMarks(excel, name));
  }
  expect(marksInDouble(excel, first).some((m) => m.startsWith(`${firstNew} `))).toBe(true);
  expect(excel.snapshot(first).notes[firstNew]?.content).toContain('【绩效目标表助手】');

  // Unprotected, the next check marks it.
  excel.userProtectSheet(locked, false);
  const again = await host.checkAll();
  expect(again.find((r) => r.sheet === locked)!.marks).toBeUndefined();
  expect(marksInDouble(excel, locked)).toEqual(expectedMarks(excel, locked));
  expect(marksInDouble(excel, locked).some((m) => m.startsWith(`${newProblem} `))).toBe(true);
});

test('live check: a protected sheet is reported with its flag, edits elsewhere re-check in ≤3 syncs, unprotecting marks it', async () => {
  const { excel, host, names } = await markedWorkbook();
  const [first, locked] = names;
  const newProblem = valueCell(excel, locked, 1);
  excel.userEdit(locked, newProblem, '');
  excel.userProtectSheet(locked, true);
  const lockedBefore = excel.snapshot(locked);

  const received: SheetReport[][] = [];
  const errors: unknown[] = [];
  const stop = await host.startLiveCheck((r) => received.push(r), (e) => errors.push(e));
  let reports = received[received.length - 1];
  expect(reports.map((r) => r.sheet)).toEqual(names);
  expect(reports.find((r) => r.sheet === locked)!.marks).toBe('skipped-protected');
  expect(excel.snapshot(locked)).toEqual(lockedBefore);

  // An edit on an unprotected sheet: re-checked and marked within the budget; the protected one untouched.
  const cell = valueCell(excel, first, 2);
  excel.resetSyncs();
  excel.userEdit(first, cell, '');
  reports = await nextReports(received);
  // read + formulas of the marks + write (the marks' formulas are read each time: Excel's format ids are positions, never remembered).
  expect(excel.syncCount).toBeLessThanOrEqual(3);
  expect(marksInDouble(excel, first)).toEqual(expectedMarks(excel, first));
  expect(marksInDouble(excel, first).some((m) => m.startsWith(`${cell} `))).toBe(true);
  expect(reports.find((r) => r.sheet === locked)!.marks).toBe('skipped-protected');
  expect(excel.snapshot(locked)).toEqual(lockedBefore);

  // Unprotecting raises onProtectionChanged (ExcelApi 1.14): the sheet is re-checked and marked.
  excel.userProtectSheet(locked, false);
  reports = await nextReports(received);
  expect(reports.find((r) => r.sheet === locked)!.marks).toBeUndefined();
  expect(marksInDouble(excel, locked)).toEqual(expectedMarks(excel, locked));
  expect(marksInDouble(excel, locked).some((m) => m.startsWith(`${newProblem} `))).toBe(true);

  // Protected again: the report says so at once, the marks stay.
  const marked = excel.snapshot(locked);
  excel.userProtectSheet(locked, true);
  reports = await nextReports(received);
  expect(reports.find((r) => r.sheet === locked)!.marks).toBe('skipped-protected');
  expect(excel.snapshot(locked)).toEqual(marked);

  await stop();
  expect(errors).toEqual([]);
  expect(excel.handlerCount()).toBe(0);
});

test('ExcelApi 1.8 (no protection events): protection read with the values, no notes; unprotected, the next checkAll marks it', async () => {
  const { excel, host, names } = await markedWorkbook('1.8');
  expect(host.features.protectionEvents).toBe(false);
  const locked = names[1];
  const newProblem = valueCell(excel, locked, 1);
  excel.userEdit(locked, newProblem, '');
  excel.userProtectSheet(locked, true);
  const lockedBefore = excel.snapshot(locked);
  excel.resetSyncs();
  const reports = await host.checkAll();
  expect(excel.syncCount).toBe(3); // list + read + formulas of the marks (the marks' formulas are read each time: Excel's format ids are positions, never remembered): nothing to write anywhere else
  expect(reports.find((r) => r.sheet === locked)!.marks).toBe('skipped-protected');
  expect(excel.snapshot(locked)).toEqual(lockedBefore);

  excel.userProtectSheet(locked, false);
  await host.checkAll();
  expect(marksInDouble(excel, locked)).toEqual(expectedMarks(excel, locked));
});

test('clearMarks with a protected sheet: the others cleared exactly, the protected one named and left as it is', async () => {
  const { excel, host, names, unmarkedAfterEdit } = await markedWorkbook();
  const [first, locked, third] = names;
  excel.userProtectSheet(locked, true);
  const lockedBefore = excel.snapshot(locked);

  const failure: unknown = await host.clearMarks().then(
    () => null,
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(MarksKeptOnProtectedSheetsError);
  expect((failure as MarksKeptOnProtectedSheetsError).sheets).toEqual([locked]);
  const message = describeError(failure);
  expect(message).toContain(`“${locked}”`);
  expect(message).toContain('受保护');
  expect(message).toContain('其他工作表的标记已清除');
  expect(excel.snapshot(first)).toEqual(unmarkedAfterEdit[first]);
  expect(excel.snapshot(third)).toEqual(unmarkedAfterEdit[third]);
  expect(excel.snapshot(locked)).toEqual(lockedBefore);

  // A protected sheet without marks is no reason to complain.
  excel.userProtectSheet(first, true);
  excel.userProtectSheet(locked, false);
  await expect(host.clearMarks()).resolves.toBeUndefined();
  expect(excel.snapshot(locked)).toEqual(unmarkedAfterEdit[locked]);
});

test('insert into a workbook whose structure is protected: AccessDenied surfaced, described in Chinese, nothing added', async () => {
  const { excel, host } = setUp();
  const library = loadSeedLibrary();
  excel.userProtectWorkbook(true);
  const error: unknown = await host.insertTables([library.tables[0]]).then(
    () => null,
    (e: unknown) => e,
  );
  expect((error as { code?: string } | null)?.code).toBe('AccessDenied');
  expect(describeError(error)).toContain('工作簿结构受保护');
  expect(excel.sheetNames()).toEqual(['Sheet1']);
  await expect(host.insertBlank('seed')).rejects.toMatchObject({ code: 'AccessDenied' });
  expect(excel.sheetNames()).toEqual(['Sheet1']);

  // A protected sheet does not stop inserting new ones.
  excel.userProtectWorkbook(false);
  excel.userProtectSheet('Sheet1', true);
  const result = await host.insertTables([library.tables[0]]);
  expect(excel.sheetNames()).toEqual(['Sheet1', ...result.sheetNames]);
});

describe('the double models protection as Office.js does', () => {
  test('a protected sheet: reads work, each kind of write fails at sync with AccessDenied and a location', async () => {
    const { excel } = setUp();
    excel.userEdit('Sheet1', 'A1', '原值');
    excel.userProtectSheet('Sheet1', true);
    const before = excel.snapshot('Sheet1');
    const writes: [string, (sheet: Excel.Worksheet) => void][] = [
      ['Range.values', (s) => (s.getRange('A1').values = [['新值']])],
      ['Range.numberFormat', (s) => (s.getRange('A1').numberFormat = [['0%']])],
      ['RangeFormat', (s) => (s.getRange('A1').format.fill.color = '#FF0000')],
      ['Range.merge', (s) => s.getRange('A1:B1').merge(false)],
      ['ConditionalFormatCollection.add', (s) => s.getRange('A1').conditionalFormats.add('Custom')],
      ['NoteCollection.add', (s) => s.notes.add('A1', '备注')],
      ['DataValidation', (s) => (s.getRange('A1').dataValidation.prompt = { showPrompt: true, title: 't', message: 'm' })],
    ];
    for (const [location, write] of writes) {
      const error: unknown = await excel.Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Sheet1') as unknown as Excel.Worksheet;
        write(sheet);
        await context.sync();
      }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: 'AccessDenied', debugInfo: { errorLocation: location } });
    }
    expect(excel.snapshot('Sheet1')).toEqual(before);
    // Reads, and protection itself, through the proxies.
    const read = await excel.Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/protection/protected');
      const range = sheets.getItem('Sheet1').getRange('A1');
      range.load('values');
      const workbook = context.workbook.protection;
      workbook.load('protected');
      await context.sync();
      return { values: range.values, protectedSheets: sheets.items.map((s) => s.protection.protected), structure: workbook.protected };
    });
    expect(read).toEqual({ values: [['原值']], protectedSheets: [true], structure: false });
    // protect() on a protected sheet fails, as Excel's does; unprotect() lets writes through again.
    await expect(
      excel.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').protection.protect();
        await context.sync();
      }),
    ).rejects.toThrow(/InvalidOperation/);
    await excel.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.protection.unprotect();
      sheet.getRange('A1').values = [['新值']];
      await context.sync();
    });
    expect(excel.value('Sheet1', 'A1')).toBe('新值');
    expect(() => excel.userProtectSheet('Sheet1', true)).not.toThrow();
    expect(() => excel.userEdit('Sheet1', 'A1', 'x')).toThrow(/受保护/);
  });

  test('structure protection refuses adding and deleting sheets; below ExcelApi 1.2 / 1.7 protection is not there', async () => {
    const { excel } = setUp({ sheets: ['Sheet1', 'Sheet2'] });
    await excel.Excel.run(async (context) => {
      context.workbook.protection.protect();
      await context.sync();
    });
    for (const [location, act] of [
      ['WorksheetCollection.add', (c: Excel.RequestContext) => void c.workbook.worksheets.add('新表')],
      ['Worksheet.delete', (c: Excel.RequestContext) => c.workbook.worksheets.getItem('Sheet2').delete()],
    ] as const) {
      await expect(
        excel.Excel.run(async (context) => {
          act(context as unknown as Excel.RequestContext);
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: 'AccessDenied', debugInfo: { errorLocation: location } });
    }
    expect(excel.sheetNames()).toEqual(['Sheet1', 'Sheet2']);

    const old = setUp({ maxExcelApi: '1.6' });
    await expect(old.excel.Excel.run(async (context) => context.workbook.protection)).rejects.toThrow(/ApiNotFound/);
    const oldest = setUp({ maxExcelApi: '1.1' });
    await expect(oldest.excel.Excel.run(async (context) => context.workbook.worksheets.getItem('Sheet1').protection)).rejects.toThrow(/ApiNotFound/);
  });
});
