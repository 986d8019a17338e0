// Excel on the web's request limit (5 MB; the double's requestPayloadLimit, set small here so a workbook
// of a few forms is "huge" against it): 全部检查's writes go in trips under jixiao's own estimate, a trip
// Excel still refuses is sent again in halves, and a cell Excel refuses (a note where a threaded comment is)
// blocks no other cell or sheet. Every form ends marked exactly as with no limit; 清除标记 of that many marks
// goes in halves the same way and leaves the workbook as clearing with no limit does.
import { readSheet } from '../../src/core/sheet';
import { createExcelHost } from '../../src/excel/excelHost';
import { isPayloadError, packTrips, sendInTrips } from '../../src/excel/payload';
import { installExcelDouble } from '../support/excelDouble';
import type { ExcelDouble, ExcelDoubleOptions } from '../support/excelDouble';
import { loadSeedLibrary } from '../support/seed';
import { gridFromDouble, marksInDouble } from './helpers';

const FORMS = 4;

interface Marked {
  marks: Record<string, string[]>;
  notes: Record<string, Record<string, string>>;
}

/** Four inserted forms with every 指标值 emptied (a mark and a note each); a threaded comment on form 2's first. */
async function checkedWorkbook(options: ExcelDoubleOptions, maxRequestBytes?: number): Promise<{ excel: ExcelDouble; result: Marked; commented: string; names: string[] }> {
  // The forms are inserted with no limit (inserting under one: the next test), then checked in an Excel
  // with the limit over the same workbook.
  const inserted = installExcelDouble(globalThis, { maxExcelApi: '1.18' });
  const names = (await createExcelHost({ library: loadSeedLibrary() }).insertTables(loadSeedLibrary().tables.slice(0, FORMS))).sheetNames;
  const excel = installExcelDouble(globalThis, { maxExcelApi: '1.18', ...options, sharedWith: inserted });
  const host = createExcelHost({ library: loadSeedLibrary(), maxRequestBytes });
  let commented = '';
  names.forEach((name, i) => {
    const cells = readSheet(gridFromDouble(excel, name))!.rowRefs.map((row) => row.value);
    for (const cell of cells) excel.userEdit(name, cell, '');
    if (i === 1) {
      commented = cells[0];
      excel.userAddThreadedComment(name, commented);
    }
  });
  excel.resetSyncs();
  await host.checkAll();
  const result: Marked = { marks: {}, notes: {} };
  for (const name of names) {
    result.marks[name] = marksInDouble(excel, name);
    result.notes[name] = Object.fromEntries(Object.entries(excel.snapshot(name).notes).map(([cell, note]) => [cell, note.content]));
  }
  return { excel, result, commented, names };
}

/** Request bytes of every note and mark written, as the double counts them (for a limit that must split them). */
function writtenBytes(result: Marked): number {
  const notes = Object.values(result.notes).flatMap((n) => Object.values(n));
  const marks = Object.values(result.marks).flat();
  return notes.reduce((sum, text) => sum + new TextEncoder().encode(text).length + 100, 0) + marks.length * 11 * 100;
}

test('a write many times the request limit: sent again in halves until it fits, every form marked as with no limit, the commented cell alone without its note', async () => {
  const free = await checkedWorkbook({});
  expect(free.excel.refusedCount).toBe(0);
  const total = writtenBytes(free.result);
  // The limit: an eighth of what 全部检查 writes, still far above any one mark or note.
  const limit = Math.floor(total / 8);
  const limited = await checkedWorkbook({ real: { requestPayloadLimit: limit } });
  expect(limited.excel.refusedCount).toBeGreaterThan(0);
  expect(limited.excel.largestRequestBytes).toBeLessThanOrEqual(limit);
  expect(limited.result.marks).toEqual(free.result.marks);
  expect(limited.result.notes).toEqual(free.result.notes);
  // Every form has its marks and notes; the commented cell keeps its colour and has no note (Excel refuses one).
  for (const name of limited.names) {
    expect(limited.result.marks[name].length).toBeGreaterThan(3);
    expect(Object.keys(limited.result.notes[name]).length).toBeGreaterThan(3);
  }
  expect(limited.result.marks[limited.names[1]].some((m) => m.startsWith(`${limited.commented} `))).toBe(true);
  expect(limited.result.notes[limited.names[1]][limited.commented]).toBeUndefined();
});

test('trips sized by jixiao\'s estimate under the limit: nothing is refused, the same marks in a handful of syncs', async () => {
  const free = await checkedWorkbook({});
  const freeSyncs = free.excel.syncCount;
  const limit = Math.floor(writtenBytes(free.result) / 4);
  // The host's estimate counts a command at twice the double's figure: trips of half the limit by estimate fit.
  const sized = await checkedWorkbook({ real: { requestPayloadLimit: limit } }, limit);
  expect(sized.excel.refusedCount).toBe(0);
  expect(sized.result).toEqual(free.result);
  expect(sized.excel.syncCount).toBeGreaterThan(freeSyncs);
  expect(sized.excel.syncCount).toBeLessThanOrEqual(freeSyncs + 16);
});

test('inserting forms under the limit: the sheets are written fewer at a time, exactly as with no limit', async () => {
  const tables = loadSeedLibrary().tables.slice(0, FORMS);
  // Measured: the request that writes all four forms at once (no limit in effect).
  const measured = installExcelDouble(globalThis, { real: { requestPayloadLimit: Number.MAX_SAFE_INTEGER } });
  const names = (await createExcelHost({ library: loadSeedLibrary() }).insertTables(tables)).sheetNames;
  const allAtOnce = measured.largestRequestBytes;
  expect(measured.refusedCount).toBe(0);
  const limit = Math.ceil(allAtOnce * 0.6);
  const limited = installExcelDouble(globalThis, { real: { requestPayloadLimit: limit } });
  expect((await createExcelHost({ library: loadSeedLibrary() }).insertTables(tables)).sheetNames).toEqual(names);
  expect(limited.refusedCount).toBeGreaterThan(0);
  expect(limited.largestRequestBytes).toBeLessThanOrEqual(limit);
  for (const name of names) expect(limited.snapshot(name)).toEqual(measured.snapshot(name));
  expect(limited.activeSheet()).toBe(names[0]);
});

/** Clears the marks of `marked`'s workbook in an Excel over the same workbook with `options`; that Excel. */
async function clearedIn(marked: ExcelDouble, options: ExcelDoubleOptions, maxRequestBytes?: number): Promise<ExcelDouble> {
  const excel = installExcelDouble(globalThis, { maxExcelApi: '1.18', ...options, sharedWith: marked });
  excel.resetSyncs();
  await createExcelHost({ library: loadSeedLibrary(), maxRequestBytes }).clearMarks();
  return excel;
}

test('清除标记 on a heavily marked workbook under the limit: its reads and removals are sent again in halves, every mark and note goes', async () => {
  // Measured: the largest request of clearing the same marks with no limit in effect.
  const free = await checkedWorkbook({});
  const measured = await clearedIn(free.excel, { real: { requestPayloadLimit: Number.MAX_SAFE_INTEGER } });
  expect(measured.refusedCount).toBe(0);
  const limited = await checkedWorkbook({});
  const marks = limited.names.reduce((sum, name) => sum + limited.result.marks[name].length + Object.keys(limited.result.notes[name]).length, 0);
  expect(marks).toBeGreaterThan(60);
  // A quarter of what clearing sends at once (jixiao's own estimate, 4 MB, would send it in one trip).
  const limit = Math.ceil(measured.largestRequestBytes / 4);
  const excel = await clearedIn(limited.excel, { real: { requestPayloadLimit: limit } });
  expect(excel.refusedCount).toBeGreaterThan(0);
  expect(excel.largestRequestBytes).toBeLessThanOrEqual(limit);
  for (const name of limited.names) {
    expect(marksInDouble(excel, name)).toEqual([]);
    expect(excel.snapshot(name).notes).toEqual({});
    // Nothing else differs from the workbook cleared with no limit (the native checks stay).
    expect(excel.snapshot(name)).toEqual(measured.snapshot(name));
  }
});

test('清除标记 in trips sized by jixiao\'s estimate under the limit: nothing refused, every mark gone', async () => {
  const marked = await checkedWorkbook({});
  const measured = await clearedIn((await checkedWorkbook({})).excel, { real: { requestPayloadLimit: Number.MAX_SAFE_INTEGER } });
  const limit = Math.ceil(measured.largestRequestBytes / 4);
  // The host's estimate counts a command at twice the double's figure: trips of half the limit by estimate fit.
  const excel = await clearedIn(marked.excel, { real: { requestPayloadLimit: limit } }, limit);
  expect(excel.refusedCount).toBe(0);
  for (const name of marked.names) expect(excel.snapshot(name)).toEqual(measured.snapshot(name));
  expect(excel.syncCount).toBeGreaterThan(measured.syncCount);
});

test('payload errors told apart: the documented codes and a "Payload too large" message, not GeneralException', () => {
  expect(isPayloadError({ code: 'RequestPayloadSizeLimitExceeded', message: 'The request payload size has exceeded the limit.' })).toBe(true);
  expect(isPayloadError({ code: 'ResponsePayloadSizeLimitExceeded', message: '' })).toBe(true);
  expect(isPayloadError({ code: 'GeneralException', message: 'Payload too large' })).toBe(true);
  expect(isPayloadError({ code: 'GeneralException', message: 'An internal error has occurred.' })).toBe(false);
  expect(isPayloadError({ code: 'InvalidOperation', message: '单元格已有批注' })).toBe(false);
  expect(isPayloadError(new Error('boom'))).toBe(false);
});

test('sendInTrips keeps order, halves only a refused trip, and gives up on another error or a write alone', async () => {
  const sent: number[][] = [];
  let pending: number[] = [];
  const writes = Array.from({ length: 8 }, (_, i) => ({ bytes: 10, queue: () => pending.push(i) }));
  expect(packTrips(writes, 40).map((t) => t.length)).toEqual([4, 4]);
  // A "request" of more than two writes is refused as too large.
  const sync = async () => {
    const trip = pending;
    pending = [];
    if (trip.length > 2) throw Object.assign(new Error('too large'), { code: 'RequestPayloadSizeLimitExceeded' });
    sent.push(trip);
  };
  await sendInTrips(writes, 40, sync);
  expect(sent).toEqual([[0, 1], [2, 3], [4, 5], [6, 7]]);
  pending = [];
  await expect(sendInTrips([{ bytes: 10, queue: () => pending.push(0, 1, 2) }], 40, sync)).rejects.toThrow('too large');
  const refused = async () => {
    throw Object.assign(new Error('refused'), { code: 'InvalidOperation' });
  };
  await expect(sendInTrips(writes, 40, refused)).rejects.toThrow('refused');
});
