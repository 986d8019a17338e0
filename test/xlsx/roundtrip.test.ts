import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { FRAMEWORKS } from '../../src/core/frameworks';
import { LAYOUT_ROWS, planBlankSheet } from '../../src/core/sheet/layout';
import { readSheet } from '../../src/core/sheet/reader';
import { validationText } from '../../src/core/sheet/validationText';
import { loadWorkbook, readGrids, workbookToBuffer, writePlan } from '../../src/xlsx';
import { seedWorkbook, tempDir } from './support';

describe('16 seed tables → .xlsx file → back', () => {
  let loaded: ExcelJS.Workbook;
  const { workbook, names, tables } = seedWorkbook();
  const blankPlan = planBlankSheet('2021', '空白表（2021）');
  writePlan(workbook, blankPlan);

  beforeAll(async () => {
    const file = join(tempDir('roundtrip'), 'seed.xlsx');
    writeFileSync(file, await workbookToBuffer(workbook));
    loaded = await loadWorkbook(readFileSync(file));
  });

  test('every table reads back equal, field for field', () => {
    const grids = readGrids(loaded);
    expect(grids.map((g) => g.sheetName)).toEqual([...names, '空白表（2021）']);
    expect(tables).toHaveLength(16);
    tables.forEach((table, i) => {
      const sheet = readSheet(grids[i]);
      expect(sheet?.sheetName).toBe(names[i]);
      expect(sheet?.table).toEqual(table);
    });
  });

  test('two tables with the same project name get distinct sheets', () => {
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names.filter((n) => n.startsWith('法治建设'))).toEqual(['法治建设', '法治建设 (2)']);
  });

  test('the blank 2021 form reads back with its pre-filled dimensions', () => {
    const sheet = readSheet(readGrids(loaded)[16])!;
    expect(sheet.framework).toBe('2021');
    const level1Names = new Set(sheet.table.indicators.map((row) => row.level1));
    for (const level1 of FRAMEWORKS['2021'].level1.filter((d) => d.required)) expect(level1Names.has(level1.name)).toBe(true);
  });

  test('formats, merges, validations and print setup survive the file', () => {
    const sheet = loaded.getWorksheet(names[0])!;
    const firstIndicator = LAYOUT_ROWS.firstIndicator + 1;
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['A1:E1', 'B3:E3', `A${firstIndicator}:A${firstIndicator + 9}`]));
    expect(sheet.getCell('C4').numFmt).toBe('0.00');
    expect(sheet.getCell('C4').value).toBe(292);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('A1').font?.size).toBe(16);
    // Borders reach every cell of a merged area.
    expect(sheet.getCell('E3').border?.right?.style).toBe('thin');
    expect(sheet.getCell(`C${firstIndicator}`).alignment?.wrapText).toBe(true);
    expect(sheet.getCell(`E${firstIndicator}`).numFmt).toBe('@');
    expect(sheet.getColumn(4).width).toBeGreaterThan(20);
    const level1 = sheet.getCell(`A${firstIndicator + 3}`).dataValidation;
    expect(level1).toMatchObject({ type: 'list', formulae: [`"${FRAMEWORKS.seed.level1.map((d) => d.name).join(',')}"`], showInputMessage: true });
    const amount = sheet.getCell('C5').dataValidation;
    expect(amount).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(sheet.getCell(`E${firstIndicator}`).dataValidation?.prompt).toContain('≥13个');
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.pageSetup.printArea).toBe(`A1:E${firstIndicator + 12 - 1 + 5}`);
    expect(sheet.pageSetup.printTitlesRow).toBe(`${LAYOUT_ROWS.gridHeader + 1}:${LAYOUT_ROWS.gridHeader + 1}`);
  });
  test('every validation carries the core\'s prompt, list and alert texts (as the Excel and WPS hosts write them)', () => {
    const sheet = loaded.getWorksheet('空白表（2021）')!;
    expect(blankPlan.validations.length).toBeGreaterThan(3);
    for (const planned of blankPlan.validations) {
      const text = validationText(planned);
      const [first, last] = planned.range.split(':');
      for (const address of [first, last ?? first]) {
        const written = sheet.getCell(address).dataValidation;
        expect([address, written?.promptTitle, written?.prompt]).toEqual([address, text.title, text.message]);
        if (text.listSource !== null) expect(written?.formulae).toEqual([`"${text.listSource}"`]);
        if (text.alert) expect(written).toMatchObject({ showErrorMessage: true, errorStyle: text.alert.style, errorTitle: text.title, error: text.alert.message });
        else expect(written?.showErrorMessage).toBeFalsy();
      }
    }
  });
});

describe('validation texts kept within Excel\'s limits in a file', () => {
  test('a prompt title over 32 characters is clipped as the hosts clip it; a list over 255 characters is refused', async () => {
    const plan = planBlankSheet('2021', '长提示');
    const first = plan.validations[0];
    const long = { ...plan, validations: [{ ...first, promptTitle: '很长的标题'.repeat(10) }] };
    const workbook = new ExcelJS.Workbook();
    writePlan(workbook, long);
    const loadedBack = await loadWorkbook(await workbookToBuffer(workbook));
    const title = loadedBack.getWorksheet('长提示')!.getCell(first.range.split(':')[0]).dataValidation?.promptTitle ?? '';
    expect([...title]).toHaveLength(32);
    expect(title.endsWith('…')).toBe(true);
    const list = plan.validations.find((v) => v.kind === 'list')!;
    const tooLong = { ...plan, name: '长列表', validations: [{ ...list, values: Array.from({ length: 60 }, (_, i) => `指标名称${i}`) }] };
    expect(() => writePlan(new ExcelJS.Workbook(), tooLong)).toThrow(/下拉列表过长/);
  });
});

describe('readGrids resolves every kind of cell value', () => {
  test('rich text, formulas, dates, hyperlinks, errors, booleans, percent-formatted numbers; merges listed', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('值');
    sheet.getCell('A1').value = { richText: [{ text: '数字化', font: { bold: true } }, { text: '运维项目' }] };
    sheet.getCell('B1').value = { formula: 'C1+1', result: 293 };
    sheet.getCell('C1').value = 292;
    sheet.getCell('A2').value = new Date(Date.UTC(2024, 11, 31));
    sheet.getCell('B2').value = { text: '政策原文', hyperlink: 'https://example.org' };
    sheet.getCell('C2').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    sheet.getCell('D3').value = true;
    sheet.getCell('A3').value = 0.95;
    sheet.getCell('A3').numFmt = '0%';
    sheet.getCell('B3').value = 0.125;
    sheet.getCell('B3').numFmt = '0.0"%"';
    sheet.mergeCells('A4:C4');
    sheet.getCell('A4').value = '合并';
    const again = await loadWorkbook(await workbookToBuffer(workbook));
    const [grid] = readGrids(again);
    expect(grid).toMatchObject({ sheetName: '值', top: 0, left: 0 });
    expect(grid.values).toEqual([
      ['数字化运维项目', 293, 292, null],
      ['2024年12月31日', '政策原文', '#N/A', null],
      ['95%', 0.125, null, true],
      ['合并', null, null, null],
    ]);
    expect(grid.merges).toEqual(['A4:C4']);
  });
});
