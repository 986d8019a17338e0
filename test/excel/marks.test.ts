// Marks never touch values or the user's own formats, validation, CFs or notes; clearMarks restores the
// sheet exactly; settings round-trip through the document settings.
import { DEFAULT_SETTINGS, parseSettings } from '../../src/core/model';
import { createExcelHost } from '../../src/excel/excelHost';
import { markFormula, markNoteText, parseMarkFormula } from '../../src/core/marking';
import { readSheet } from '../../src/core/sheet';
import { loadSeedLibrary, measuredTable } from '../support/seed';
import { gridFromDouble, marksInDouble, setUp } from './helpers';

test('marking and clearMarks leave values, user formats, validation, CFs and notes as they were', async () => {
  const { excel, host } = setUp();
  const [name] = (await host.insertTables([measuredTable(loadSeedLibrary().tables[0])])).sheetNames;
  const sheet = readSheet(gridFromDouble(excel, name))!;
  const valueCell = sheet.rowRefs[0].value;
  const otherCell = sheet.rowRefs[1].value;
  // The user's own things on cells that will be marked: a note, a fill, a CF.
  excel.userEdit(name, valueCell, '');
  excel.userSetNote(name, valueCell, '我的备注');
  excel.userSetFill(name, otherCell, '#00FF00');
  excel.userAddConditionalFormat(name, 'A1:F60', 'CellValue', null, '#FFFF00');
  excel.userAddConditionalFormat(name, 'A1:A3', 'Custom', '=LEN(A1)>100', '#FF00FF');
  const before = excel.snapshot(name);

  const reports = await host.checkAll();
  expect(reports[0].issues.some((i) => i.cells.includes(valueCell))).toBe(true);
  const marked = excel.snapshot(name);
  expect(marksInDouble(excel, name).length).toBeGreaterThan(0);
  expect(marked.cells).toEqual(before.cells);
  expect(marked.validations).toEqual(before.validations);
  expect(marked.merges).toEqual(before.merges);
  expect(marked.notes[valueCell]).toEqual(before.notes[valueCell]); // the user's note is kept, not overwritten
  // Every format there before (the sheet's native checks and the user's two) stays, in its order.
  expect(marked.conditionalFormats.slice(0, before.conditionalFormats.length)).toEqual(before.conditionalFormats);

  // A second check with nothing changed writes nothing.
  excel.resetSyncs();
  await host.checkAll();
  expect(excel.syncCount).toBe(3); // list + read + formulas of the marks (the marks' formulas are read each time: Excel's format ids are positions, never remembered)
  expect(excel.snapshot(name)).toEqual(marked);

  await host.clearMarks();
  expect(excel.snapshot(name)).toEqual(before);
});

test('clearMarks on a reopened workbook (a new host, nothing remembered) finds the marks by their sentinel', async () => {
  const { excel, host } = setUp();
  const [name] = (await host.insertTables([measuredTable(loadSeedLibrary().tables[2])])).sheetNames;
  const sheet = readSheet(gridFromDouble(excel, name))!;
  excel.userEdit(name, sheet.rowRefs[0].value, '');
  const before = excel.snapshot(name);
  await host.checkAll();
  expect(marksInDouble(excel, name).length).toBeGreaterThan(0);
  const { createExcelHost } = await import('../../src/excel/excelHost');
  const fresh = createExcelHost({ library: loadSeedLibrary() });
  await fresh.clearMarks();
  expect(excel.snapshot(name)).toEqual(before);
});

test('ExcelApi 1.8: marks without notes, values untouched', async () => {
  const { excel, host } = setUp({ maxExcelApi: '1.8' });
  const [name] = (await host.insertTables([measuredTable(loadSeedLibrary().tables[0])])).sheetNames;
  const sheet = readSheet(gridFromDouble(excel, name))!;
  excel.userEdit(name, sheet.rowRefs[0].value, '');
  const before = excel.snapshot(name);
  await host.checkAll();
  expect(marksInDouble(excel, name).some((m) => m.startsWith(`${sheet.rowRefs[0].value} `))).toBe(true);
  expect(excel.snapshot(name).notes).toEqual({});
  expect(excel.snapshot(name).cells).toEqual(before.cells);
});

test('mark formula: the sentinel round-trips and user formulas are not taken for marks', () => {
  expect(parseMarkFormula(markFormula('E12', 'error'))).toEqual({ address: 'E12', severity: 'error' });
  expect(parseMarkFormula('=AND(ISREF(#REF!),N("jixiao:warning")=0)')).toEqual({ address: null, severity: 'warning' });
  expect(parseMarkFormula('=LEN(A1)>100')).toBeNull();
});

test('selectCell activates the sheet and selects the cell', async () => {
  const { excel, host } = setUp();
  await host.insertTables([measuredTable(loadSeedLibrary().tables[0])]);
  await host.selectCell('Sheet1', 'C7');
  expect(excel.activeSheet()).toBe('Sheet1');
  expect(excel.selection()).toEqual({ sheet: 'Sheet1', address: 'C7' });
});

test('settings round-trip through Office document settings, validated', async () => {
  const { host } = setUp();
  expect(await host.loadSettings()).toEqual(DEFAULT_SETTINGS);
  const changed = parseSettings({ framework: '2021', minSatisfaction: 95, disabledRules: ['funds-mismatch'] });
  await host.saveSettings(changed);
  const { createExcelHost } = await import('../../src/excel/excelHost');
  expect(await createExcelHost({ library: loadSeedLibrary() }).loadSettings()).toEqual(changed);
  await expect(host.saveSettings({ ...changed, maxPercent: -1 })).rejects.toThrow();
});

test('notes are known wherever they are: a user note added where a mark goes is kept, a stale mark note far off is removed', async () => {
  const { excel, host } = setUp();
  const [name] = (await host.insertTables([measuredTable(loadSeedLibrary().tables[0])])).sheetNames;
  const sheet = readSheet(gridFromDouble(excel, name))!;
  const valueCell = sheet.rowRefs[0].value;
  await host.checkAll();

  // Nothing moved: the notes are where they were, so the re-check reads once (list + read) plus the
  // formulas of the sheet's custom formats (its native checks and marks; a mark is known by its formula only).
  excel.resetSyncs();
  await host.checkAll();
  expect(excel.syncCount).toBe(3);

  // The user notes the cell before emptying it: the mark comes, the user's note stays.
  excel.userSetNote(name, valueCell, '待补充');
  excel.userEdit(name, valueCell, '');
  excel.resetSyncs();
  await host.checkAll();
  expect(excel.syncCount).toBe(4); // list + read + locating the new note + write
  expect(marksInDouble(excel, name).some((m) => m.startsWith(`${valueCell} `))).toBe(true);
  expect(excel.snapshot(name).notes[valueCell]).toEqual({ content: '待补充', authorName: '用户' });

  // A note of ours left far outside the table (e.g. by a copy) carries no issue: a check removes it.
  excel.userSetNote(name, 'AA3000', markNoteText('旧的检查结果'));
  const fresh = createExcelHost({ library: loadSeedLibrary() });
  await fresh.checkAll();
  expect(excel.snapshot(name).notes.AA3000).toBeUndefined();
  expect(excel.snapshot(name).notes[valueCell]?.content).toBe('待补充');
});

test('a mark note ends with the rule title, as the marked copy notes do', async () => {
  const { excel, host } = setUp();
  const [name] = (await host.insertTables([measuredTable(loadSeedLibrary().tables[0])])).sheetNames;
  const valueCell = readSheet(gridFromDouble(excel, name))!.rowRefs[0].value;
  excel.userEdit(name, valueCell, '');
  await host.checkAll();
  const note = excel.snapshot(name).notes[valueCell];
  expect(note?.content).toContain('没有填写指标值');
  expect(note?.content).toMatch(/（规则：指标缺少名称或指标值）$/);
});
