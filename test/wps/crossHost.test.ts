// A workbook passed between an Excel user and a WPS user: marks made by one host are recognised (kept,
// not duplicated) and cleared by the other, and settings saved by one are read by the other. The
// conditional formats and notes move between the doubles as a saved file carries them.
import { DEFAULT_SETTINGS, decodeSettingsProperties, encodeSettingsProperties } from '../../src/core/model';
import { readSheet } from '../../src/core/sheet';
import { markNoteText, noteClearing } from '../../src/core/marking';
import { loadSeedLibrary } from '../support/seed';
import { gridFromDouble, marksInDouble, setUp } from '../excel/helpers';
import { readGrid } from '../../src/wps/checkSheets';
import { asSheet } from '../../src/wps/et';
import { marksFromExcelToWps, marksFromWpsToExcel, setUpWps } from './helpers';

const USER_NOTE = '我的备注：请财务科核对';

async function markedInWps() {
  const w = setUpWps();
  const [name] = (await w.host.insertTables([loadSeedLibrary().tables[0]])).sheetNames;
  // Excel opens the saved file: a sheet of that name (its marks come over with marksFromWpsToExcel).
  const x = setUp({ sheets: [name] });
  w.et.userSetNote(name, 'A1', USER_NOTE);
  return { w, x, name };
}

test("marks made in WPS are cleared by Excel's 清除标记, the user's note kept", async () => {
  const { w, x, name } = await markedInWps();
  const sheet = readSheet(readGrid(asSheet(w.et.Application.ActiveWorkbook.Worksheets.Item(name)), name))!;
  w.et.userEdit(name, sheet.rowRefs[0].value, '');
  w.et.userEdit(name, sheet.rowRefs[1].value, '');
  await w.host.checkAll();
  const wpsMarks = w.et.marks(name);
  expect(wpsMarks.length).toBeGreaterThan(1);

  marksFromWpsToExcel(w.et, x.excel, name);
  expect(marksInDouble(x.excel, name)).toEqual(wpsMarks);
  await x.host.clearMarks();
  expect(marksInDouble(x.excel, name)).toEqual([]);
  const notes = x.excel.snapshot(name).notes;
  expect(Object.values(notes).map((n) => n.content)).toEqual([USER_NOTE]);
});

test("marks made in Excel are cleared by WPS's 清除标记, and a WPS check keeps them instead of adding copies", async () => {
  const x = setUp();
  const w = setUpWps();
  const table = loadSeedLibrary().tables[3];
  const [name] = (await x.host.insertTables([table])).sheetNames;
  await w.host.insertTables([table]);
  const sheet = readSheet(gridFromDouble(x.excel, name))!;
  for (const cell of [sheet.rowRefs[0].value, sheet.rowRefs[2].level3]) {
    x.excel.userEdit(name, cell, '');
    w.et.userEdit(name, cell, '');
  }
  await x.host.checkAll();
  const excelMarks = marksInDouble(x.excel, name);
  expect(excelMarks.length).toBeGreaterThan(1);

  marksFromExcelToWps(x.excel, w.et, name);
  w.et.userSetNote(name, 'A1', USER_NOTE);
  expect(w.et.marks(name)).toEqual(excelMarks);
  // WPS finds Excel's marks right: its check changes nothing.
  const formatsBefore = w.et.model(name).formatConditions.length;
  await w.host.checkAll();
  expect(w.et.model(name).formatConditions.length).toBe(formatsBefore);
  expect(w.et.marks(name)).toEqual(excelMarks);

  await w.host.clearMarks();
  expect(w.et.marks(name)).toEqual([]);
  expect(w.et.notes(name)).toEqual({ A1: USER_NOTE });
});

test('settings saved in WPS are read by the rule the Excel host reads them with, and the other way round', async () => {
  const { w } = await markedInWps();
  const settings = { ...DEFAULT_SETTINGS, liveMarks: false, budgetYear: 2025, maxPercent: 120 };
  await w.host.saveSettings(settings);
  const props = w.et.properties();
  // Excel's read (src/excel/settingsStore on the Excel branch): decodeSettingsProperties over the custom properties.
  const decoded = decodeSettingsProperties((key) => props.get(key));
  expect(decoded).toEqual({ kind: 'ok', settings });
  expect(await setUpWpsOver(props).host.loadSettings()).toEqual(settings);
  expect(props.get('jixiao.settings.v1.n')).toBeDefined();

  // Excel's write (encodeSettingsProperties, as its queueSettingsWrite adds them) read by a fresh WPS host.
  const fromExcel = { ...DEFAULT_SETTINGS, liveMarks: false };
  props.clear();
  for (const [key, value] of encodeSettingsProperties(fromExcel)) props.set(key, value);
  props.set('作者', '财务科');
  const fresh = setUpWpsOver(props);
  expect(await fresh.host.loadSettings()).toEqual(fromExcel);
  // Saving again rewrites only jixiao's properties.
  await fresh.host.saveSettings(DEFAULT_SETTINGS);
  expect(fresh.et.properties().get('作者')).toBe('财务科');
  expect(decodeSettingsProperties((key) => fresh.et.properties().get(key))).toEqual({ kind: 'ok', settings: DEFAULT_SETTINGS });
});

/** A new WPS session on a workbook with these custom properties (a reopened file). */
function setUpWpsOver(props: Map<string, string>) {
  const fresh = setUpWps();
  for (const [key, value] of props) fresh.et.properties().set(key, value);
  return fresh;
}

test('noteClearing, the one rule both hosts clear notes by: jixiao notes go, appended messages go, user notes stay', () => {
  const tagged = markNoteText('【错误】指标值为空（规则：指标缺少名称或指标值）');
  expect(noteClearing(tagged)).toEqual({ kind: 'delete' });
  // A host may put the author's line in front (Excel's stored note, WPS's comment text).
  expect(noteClearing(`绩效目标表助手:\n${tagged}`)).toEqual({ kind: 'delete' });
  expect(noteClearing(`${USER_NOTE}\n${tagged}`)).toEqual({ kind: 'restore', text: USER_NOTE });
  expect(noteClearing(USER_NOTE)).toBeNull();
});
