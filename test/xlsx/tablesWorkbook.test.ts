// writeTablesWorkbook: one sheet per table (framework from its 一级 names unless forced), then blank forms.
import { FRAMEWORKS } from '../../src/core/frameworks';
import type { FrameworkName, PerformanceTable } from '../../src/core/model';
import { LAYOUT_ROWS } from '../../src/core/sheet/layout';
import { readSheet } from '../../src/core/sheet/reader';
import { blankSheetName, loadWorkbook, readGrids, workbookToBuffer, writeTablesWorkbook } from '../../src/xlsx';
import { seedTables } from './support';

/** The 一级 dropdown of a sheet's first indicator row: it lists the framework the sheet was drawn in. */
function level1Choices(workbook: ReturnType<typeof writeTablesWorkbook>, sheetName: string): string {
  const validation = workbook.getWorksheet(sheetName)?.getCell(`A${LAYOUT_ROWS.firstIndicator + 1}`).dataValidation;
  return validation?.formulae?.[0] ?? '';
}

const listOf = (framework: FrameworkName) => `"${FRAMEWORKS[framework].level1.map((d) => d.name).join(',')}"`;

describe('writeTablesWorkbook', () => {
  const [first, second] = seedTables();
  // The same table with a 成本指标 row: the 2021 (101号文) framework by its 一级 names.
  const withCost: PerformanceTable = {
    ...second,
    projectName: '成本表',
    indicators: [...second.indicators, { ...second.indicators[0], level1: '成本指标', level2: '经济成本指标', level3: '设备采购成本' }],
  };

  test('tables first, in order, then one blank form per framework; every name unique', async () => {
    const clash = { ...first, projectName: blankSheetName('seed') };
    const workbook = writeTablesWorkbook([first, clash, first], { blank: ['seed', '2021'] });
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names).toEqual([first.projectName, blankSheetName('seed'), `${first.projectName} (2)`, `${blankSheetName('seed')} (2)`, blankSheetName('2021')]);

    const sheets = readGrids(await loadWorkbook(await workbookToBuffer(workbook))).map((grid) => readSheet(grid));
    expect(sheets[0]?.table).toEqual(first);
    expect(sheets[2]?.table).toEqual(first);
    expect(sheets.slice(3).map((sheet) => sheet?.framework)).toEqual(['seed', '2021']);
  });

  test('draws each table in the framework its 一级 names name, unless one is forced', () => {
    const detected = writeTablesWorkbook([first, withCost]);
    expect(level1Choices(detected, first.projectName)).toBe(listOf('seed'));
    expect(level1Choices(detected, '成本表')).toBe(listOf('2021'));
    const forced = writeTablesWorkbook([withCost], { framework: 'seed' });
    expect(level1Choices(forced, '成本表')).toBe(listOf('seed'));
  });

  test('no tables and no blanks: an empty workbook', () => {
    expect(writeTablesWorkbook([]).worksheets).toEqual([]);
  });
});
