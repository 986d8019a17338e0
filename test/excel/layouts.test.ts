// 指定表格布局 in Excel over the double: the host reads the form's cells and merges for the dialog, says which
// cell the user selected, and its checks read by the taught layouts as they are at each check.
import { createExcelHost } from '../../src/excel/excelHost';
import { selectedCellOf } from '../../src/excel/layoutCells';
import type { LayoutProfile } from '../../src/core/layouts';
import { installExcelDouble } from '../support/excelDouble';
import { loadSeedLibrary } from '../support/seed';
import { formGrid, readLayoutProfileFixture, RELIEF } from '../support/taughtForm';

async function putForm(sheet: string): Promise<void> {
  const grid = formGrid(RELIEF, sheet);
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.add(sheet);
    ws.getRange(`A1:F${grid.values.length}`).values = grid.values.map((line) => Array.from({ length: 6 }, (_, c) => line[c] ?? ''));
    for (const range of grid.merges) ws.getRange(range).merge(false);
    await context.sync();
  });
}

test('reads the sheet and the selection for the dialog; checks follow the layouts as taught', async () => {
  const excel = installExcelDouble(globalThis, {});
  let layouts: LayoutProfile[] = [];
  const host = createExcelHost({ library: loadSeedLibrary(), getLayouts: () => layouts });
  await putForm('救助');

  const grid = await host.readSheetGrid!('救助');
  expect(grid.values[2].slice(0, 2)).toEqual(['项目名称', RELIEF.name]);
  expect(grid.merges).toEqual(expect.arrayContaining(['A6:A7', 'B8:F8']));
  excel.userSelect('救助', 'C7:D7');
  expect(await host.selectedCell!()).toEqual({ sheetName: '救助', address: 'C7' });

  const codes = async () => (await host.checkAll()).flatMap((r) => r.issues.map((i) => `${i.code} ${i.cells[0]}`));
  // Read by content without the layout (issue #19 §1; it used to be unreadable-layout), with the same findings
  // as by the layout; 「有所提升」 is a vague target (issue #23).
  // ≤460元/人·月 at E14 is a unit cost a reviewer can verify, not flagged.
  const found = ['funds-mismatch B7', 'vague-target E15'];
  expect(await codes()).toEqual(found);
  layouts = [readLayoutProfileFixture()];
  expect(await codes()).toEqual(found);
});

test('a selection address names its sheet, quoted or not', () => {
  expect(selectedCellOf("'预算 ''表'''!$B$3:$C$4")).toEqual({ sheetName: "预算 '表'", address: 'B3' });
  expect(selectedCellOf('Sheet1!E10')).toEqual({ sheetName: 'Sheet1', address: 'E10' });
  expect(selectedCellOf('E10')).toBeNull();
});
