// Issue 20's workbook: a sheet of 600 merged areas, a 100 000-row data sheet, a threaded comment on a
// flagged cell and an Excel Table below a form. 全部检查 checks and marks every form sheet, in no more
// syncs than the same forms alone plus one; the commented cell keeps its mark's colour and gets no note.
import { readSheet } from '../../src/core/sheet';
import { fromA1, toA1 } from '../../src/core/sheet/address';
import { loadSeedLibrary } from '../support/seed';
import type { ExcelDouble } from '../support/excelDouble';
import { createExcelHost } from '../../src/excel/excelHost';
import type { ExcelHost } from '../../src/excel/excelHost';
import { gridFromDouble, marksInDouble, setUp } from './helpers';

const DATA_ROWS = 100_000;

/** Two inserted forms, each with an empty 指标值 (a flagged cell); returns the forms and those cells. */
async function forms(excel: ExcelDouble, host: ExcelHost): Promise<{ names: string[]; flagged: string[] }> {
  const names = (await host.insertTables(loadSeedLibrary().tables.slice(0, 2))).sheetNames;
  const flagged = names.map((name) => {
    const cell = readSheet(gridFromDouble(excel, name))!.rowRefs[0].value;
    excel.userEdit(name, cell, '');
    return cell;
  });
  return { names, flagged };
}

test('600 merges, 100 000 data rows, a threaded comment and an Excel Table: every form checked and marked in form-only syncs + 1', async () => {
  const alone = setUp({ maxExcelApi: '1.18' });
  await forms(alone.excel, alone.host);
  alone.excel.resetSyncs();
  const aloneReports = await alone.host.checkAll();
  const formOnlySyncs = alone.excel.syncCount;

  const { excel, host } = setUp({ maxExcelApi: '1.18', sheets: ['封面', '数据'] });
  // 封面: 600 merged areas (two cells each, one per row): one getMergedAreasOrNullObject over it would fail.
  for (let r = 1; r <= 600; r++) {
    excel.userEdit('封面', `A${r}`, `第${r}项`);
    excel.userMerge('封面', `A${r}:B${r}`);
  }
  // 数据: 100 000 rows of three columns.
  const data = excel.sheet('数据');
  for (let r = 0; r < DATA_ROWS; r++) for (let c = 0; c < 3; c++) data.cells.set(`${r},${c}`, { value: c === 0 ? `项目${r}` : r * c, format: structuredClone(data.cells.get('0,0')?.format ?? defaultFormatOf(excel)) });
  const { names, flagged } = await forms(excel, host);
  // A threaded comment on the first form's flagged cell, and an Excel Table below the second form.
  excel.userAddThreadedComment(names[0], flagged[0]);
  const below = fromA1(readSheet(gridFromDouble(excel, names[1]))!.rowRefs.at(-1)!.value).row + 4;
  excel.userEdit(names[1], toA1(below, 0), '附表');
  excel.userAddTable(names[1], `A${below + 1}:C${below + 3}`);

  excel.resetSyncs();
  const reports = await host.checkAll();
  expect(excel.syncCount).toBeLessThanOrEqual(formOnlySyncs + 1);
  expect(reports.map((r) => r.sheet)).toEqual(names);
  expect(reports.map((r) => r.issues.map((i) => i.code))).toEqual(aloneReports.map((r) => r.issues.map((i) => i.code)));
  names.forEach((name, i) => {
    expect(marksInDouble(excel, name).some((m) => m.startsWith(`${flagged[i]} `))).toBe(true);
  });
  // The commented cell: its mark's colour, no note (Excel refuses one there); the other form's cell has its note.
  expect(excel.snapshot(names[0]).notes[flagged[0]]).toBeUndefined();
  expect(excel.snapshot(names[1]).notes[flagged[1]]?.content).toBeDefined();
  expect(marksInDouble(excel, '封面')).toEqual([]);
});

test('a note Excel refuses (the comments not read first): the other sheet is still marked, and the next check does not try again', async () => {
  const { excel } = setUp({ maxExcelApi: '1.18' });
  // A host that does not read threaded comments (as below ExcelApi 1.10), so Excel's refusal is met.
  const requirements = { isSetSupported: (name: string, version?: string) => version !== '1.10' && excel.Office.context.requirements.isSetSupported(name, version) };
  const host = createExcelHost({ library: loadSeedLibrary(), requirements });
  expect(host.features.threadedComments).toBe(false);
  const { names, flagged } = await forms(excel, host);
  excel.userAddThreadedComment(names[0], flagged[0]);
  const reports = await host.checkAll();
  expect(reports).toHaveLength(2);
  expect(excel.snapshot(names[1]).notes[flagged[1]]?.content).toBeDefined();
  expect(excel.snapshot(names[0]).notes[flagged[0]]).toBeUndefined();
  expect(marksInDouble(excel, names[0]).some((m) => m.startsWith(`${flagged[0]} `))).toBe(true);
  // Remembered: the next check writes nothing and refuses nothing.
  excel.resetSyncs();
  await host.checkAll();
  const again = excel.syncCount;
  excel.resetSyncs();
  await host.checkAll();
  expect(excel.syncCount).toBeLessThanOrEqual(again);
  expect(again).toBeLessThanOrEqual(3);
});

function defaultFormatOf(excel: ExcelDouble) {
  excel.userEdit('数据', 'Z1', 'x');
  const format = excel.sheet('数据').cells.get('0,25')!.format;
  excel.sheet('数据').cells.delete('0,25');
  return format;
}
