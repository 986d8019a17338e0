// A workbook passed between an Excel user and a WPS user: both doubles open one workbook model
// (test/support/excel/model.ts), as a saved file carries its sheets, conditional formats, notes and custom
// properties. Marks made by one host are recognised (kept, not duplicated) and cleared by the other, and
// settings saved by one are read by the other.
import { DEFAULT_SETTINGS } from '../../src/core/model';
import { readSheet } from '../../src/core/sheet';
import { markNoteText, noteClearing } from '../../src/core/marking';
import { loadSeedLibrary } from '../support/seed';
import { gridFromDouble, marksInDouble, setUp } from '../excel/helpers';
import { WorkbookState } from '../support/excelDouble';
import { excelOver, setUpWps, wpsOver } from './helpers';

const USER_NOTE = '我的备注：请财务科核对';

/** A form inserted in WPS with two values emptied and a note of the user's, checked (marked) in WPS. */
async function markedInWps() {
  const w = setUpWps();
  const [name] = (await w.host.insertTables([loadSeedLibrary().tables[0]])).sheetNames;
  w.et.userSetNote(name, 'A1', USER_NOTE);
  const x = excelOver(w.et);
  const sheet = readSheet(gridFromDouble(x.excel, name))!;
  w.et.userEdit(name, sheet.rowRefs[0].value, '');
  w.et.userEdit(name, sheet.rowRefs[1].value, '');
  await w.host.checkAll();
  return { w, x, name };
}

test("marks made in WPS are kept by an Excel check and cleared by Excel's 清除标记, the user's note kept", async () => {
  const { w, x, name } = await markedInWps();
  const wpsMarks = w.et.marks(name);
  expect(wpsMarks.length).toBeGreaterThan(1);
  expect(marksInDouble(x.excel, name)).toEqual(wpsMarks);
  // Excel reads WPS's marks as its own: its check changes none of them.
  const formats = x.excel.snapshot(name).conditionalFormats.length;
  await x.host.checkAll();
  expect(x.excel.snapshot(name).conditionalFormats.length).toBe(formats);
  expect(marksInDouble(x.excel, name)).toEqual(wpsMarks);

  await x.host.clearMarks();
  expect(marksInDouble(x.excel, name)).toEqual([]);
  expect(w.et.marks(name)).toEqual([]);
  expect(Object.values(x.excel.snapshot(name).notes).map((n) => n.content)).toEqual([USER_NOTE]);
});

test("marks made in Excel are kept by a WPS check and cleared by WPS's 清除标记", async () => {
  const workbook = new WorkbookState();
  workbook.addSheet('Sheet1');
  const x = setUp({ workbook });
  const [name] = (await x.host.insertTables([loadSeedLibrary().tables[3]])).sheetNames;
  const sheet = readSheet(gridFromDouble(x.excel, name))!;
  for (const cell of [sheet.rowRefs[0].value, sheet.rowRefs[2].level3]) x.excel.userEdit(name, cell, '');
  x.excel.userSetNote(name, 'A1', USER_NOTE);
  await x.host.checkAll();
  const excelMarks = marksInDouble(x.excel, name);
  expect(excelMarks.length).toBeGreaterThan(1);

  const w = wpsOver(workbook);
  expect(w.et.marks(name)).toEqual(excelMarks);
  const formats = w.et.model(name).conditionalFormats.length;
  const reports = await w.host.checkAll();
  expect(w.et.model(name).conditionalFormats.length).toBe(formats);
  expect(w.et.marks(name)).toEqual(excelMarks);
  expect(reports.find((r) => r.sheet === name)!.issues.length).toBeGreaterThan(0);

  await w.host.clearMarks();
  expect(w.et.marks(name)).toEqual([]);
  expect(marksInDouble(x.excel, name)).toEqual([]);
  expect(w.et.notes(name)).toEqual({ A1: USER_NOTE });
});

test('settings saved in WPS are read by the Excel host, and settings saved in Excel by the WPS host', async () => {
  const { w, x } = await markedInWps();
  const fromWps = { ...DEFAULT_SETTINGS, liveMarks: false, budgetYear: 2025, maxPercent: 120 };
  await w.host.saveSettings(fromWps);
  expect(await x.host.loadSettings()).toEqual(fromWps);

  w.et.properties().set('作者', '财务科');
  const fromExcel = { ...DEFAULT_SETTINGS, liveMarks: true, budgetYear: 2026 };
  await x.host.saveSettings(fromExcel);
  expect(await w.host.loadSettings()).toEqual(fromExcel);
  // A fresh WPS session on the saved workbook reads them too; saving rewrites only jixiao's properties.
  const reopened = wpsOver(w.et.workbook);
  expect(await reopened.host.loadSettings()).toEqual(fromExcel);
  await reopened.host.saveSettings(DEFAULT_SETTINGS);
  expect(w.et.properties().get('作者')).toBe('财务科');
  expect(await x.host.loadSettings()).toEqual(DEFAULT_SETTINGS);
});

test('noteClearing, the one rule both hosts clear notes by: jixiao notes go, appended messages go, user notes stay', () => {
  const tagged = markNoteText('【错误】指标值为空（规则：指标缺少名称或指标值）');
  expect(noteClearing(tagged)).toEqual({ kind: 'delete' });
  // A host may put the author's line in front (Excel's stored note, WPS's comment text).
  expect(noteClearing(`绩效目标表助手:\n${tagged}`)).toEqual({ kind: 'delete' });
  expect(noteClearing(`${USER_NOTE}\n${tagged}`)).toEqual({ kind: 'restore', text: USER_NOTE });
  expect(noteClearing(USER_NOTE)).toBeNull();
});
