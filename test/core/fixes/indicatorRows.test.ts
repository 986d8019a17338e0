// indicatorRowsFix on seed tables drawn as sheets: the rows land in the grid's own columns, in their 一级's
// group, and the sheet reads them back as indicators of that grid.
import { checkSheet } from '../../../src/core/check';
import { applyFixToGrid, indicatorRowsFix } from '../../../src/core/fixes';
import { sheetGrids } from '../../../src/core/rules/helpers';
import { readSheet } from '../../../src/core/sheet/reader';
import type { CellGrid, SheetTable } from '../../../src/core/sheet/types';
import { seedTable } from '../../support/seed';
import { gridFromTable } from '../../support/sheetTable';

function read(grid: CellGrid): SheetTable {
  const sheet = readSheet(grid, { framework: 'seed' });
  if (!sheet) throw new Error('读不出表格');
  return sheet;
}

const names = (sheet: SheetTable) => sheet.table.indicators.map((row) => [row.level1, row.level2, row.level3, row.value]);

describe('indicatorRowsFix', () => {
  it('puts a removed 成本 row back after the last 产出 row, where the complete table had it', () => {
    const complete = read(gridFromTable(seedTable(1)));
    const table = seedTable(1);
    const removed = table.indicators.filter((row) => row.level2 === '成本指标');
    table.indicators = table.indicators.filter((row) => row.level2 !== '成本指标');
    const grid = gridFromTable(table);
    const sheet = read(grid);
    const result = indicatorRowsFix(sheet, sheetGrids(sheet)[0], removed.map(({ level1, level2, level3, value }) => ({ level1, level2, level3, value })));
    expect(result.reason).toBeUndefined();
    const fix = result.fix!;
    expect(fix.steps[0]).toMatchObject({ kind: 'insertRows', count: removed.length });
    expect(fix.description).toContain(`插入 ${removed.length} 行指标`);
    const fixed = read(applyFixToGrid(grid, fix));
    expect(names(fixed)).toEqual(names(complete));
    // Filled values: every inserted value cell is selected, and holds what was asked.
    expect(fix.select).toHaveLength(removed.length);
    expect(fix.select.map((cell) => fixed.rowRefs.find((refs) => refs.value === cell)).every(Boolean)).toBe(true);
    // The grid it was given is untouched.
    expect(names(read(grid))).toEqual(names(sheet));
  });

  it('appends a missing 一级 after the grid’s last row, value cells empty and selected, and the sheet then has it', () => {
    const table = seedTable(1);
    table.indicators = table.indicators.filter((row) => row.level1 !== '满意度指标');
    const grid = gridFromTable(table);
    const sheet = read(grid);
    const before = checkSheet(sheet).filter((i) => i.code === 'missing-dimension');
    expect(before).toHaveLength(1);
    const result = indicatorRowsFix(sheet, sheetGrids(sheet)[0], [{ level1: '满意度指标', level2: '服务对象满意度指标', level3: '服务对象满意度', value: '' }]);
    const fix = result.fix!;
    const lastRow = Math.max(...sheet.rowRefs.map((refs) => Number(refs.value.slice(1))));
    expect(fix.steps[0]).toEqual({ kind: 'insertRows', before: lastRow + 1, count: 1, formatFrom: lastRow });
    expect(fix.select).toEqual([`E${lastRow + 1}`]);
    const fixed = read(applyFixToGrid(grid, fix));
    expect(fixed.table.indicators.at(-1)).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度指标', value: '' });
    expect(checkSheet(fixed).filter((i) => i.code === 'missing-dimension')).toEqual([]);
    // The one thing left is the value to type, in the cell the fix selects.
    expect(checkSheet(fixed).filter((i) => !before.some((b) => b.message === i.message) && !checkSheet(sheet).some((b) => b.message === i.message))).toEqual([
      expect.objectContaining({ code: 'missing-value', cells: fix.select }),
    ]);
    expect(indicatorRowsFix(sheet, sheetGrids(sheet)[0], [{ level1: '满意度指标', level2: '服务对象满意度指标', level3: '', value: '' }]).fix).toBeNull();
  });

  it('writes names as the sheet writes them (一、产出指标), and returns null with a reason when no row shows the columns', () => {
    const table = seedTable(3);
    for (const row of table.indicators) if (row.level1 === '产出指标') row.level1 = '一、产出指标';
    const removed = table.indicators.find((row) => row.level2 === '时效指标')!;
    table.indicators = table.indicators.filter((row) => row !== removed);
    const grid = gridFromTable(table);
    const sheet = read(grid);
    const fix = indicatorRowsFix(sheet, sheetGrids(sheet)[0], [{ ...removed, level1: '产出指标' }]).fix!;
    const fixed = read(applyFixToGrid(grid, fix));
    const back = fixed.table.indicators.find((row) => row.level3 === removed.level3)!;
    expect(back.level1).toBe('一、产出指标');
    expect(fixed.table.indicators.findIndex((row) => row === back)).toBe(
      Math.max(...fixed.table.indicators.map((row, i) => (row.level1 === '一、产出指标' ? i : -1))),
    );
    expect(indicatorRowsFix(sheet, { ...sheetGrids(sheet)[0], rows: [] }, [removed])).toEqual({ fix: null, reason: expect.stringContaining('没有指标行') });
  });
});
