// indicatorRowsFix on seed tables drawn as sheets: the rows land in the grid's own columns, in their 一级's
// group, and the sheet reads them back as indicators of that grid.
import { checkSheet } from '../../../src/core/check';
import { applyFixToGrid, indicatorRowsFix } from '../../../src/core/fixes';
import { sheetGrids } from '../../../src/core/rules/helpers';
import { readSheet } from '../../../src/core/sheet/reader';
import type { CellGrid, SheetTable } from '../../../src/core/sheet/types';
import { loadSeedLibrary, seedTable } from '../../support/seed';
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
    const result = indicatorRowsFix(sheet, sheetGrids(sheet)[0], [{ level1: '满意度指标', level2: '服务对象满意度指标', level3: '受训人员满意度', value: '' }]);
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
    // A dimension's row with no name (issue #22: no generic 三级) is inserted with its 三级 cell selected first.
    const unnamed = indicatorRowsFix(sheet, sheetGrids(sheet)[0], [{ level1: '满意度指标', level2: '服务对象满意度指标', level3: '', value: '' }]).fix!;
    expect(unnamed.select).toEqual([`C${lastRow + 1}`, `E${lastRow + 1}`]);
    expect(unnamed.description).toContain('三级指标名称和指标值待填');
    expect(indicatorRowsFix(sheet, sheetGrids(sheet)[0], [{ level1: '', level2: '', level3: '', value: '' }]).fix).toBeNull();
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
    // Under the last row of its own 二级 (the table's other 时效指标 row), not after the 产出 block: a group is
    // never split (issue 24: 数量 rows landed after 时效).
    expect(fixed.table.indicators.findIndex((row) => row === back)).toBe(
      Math.max(...fixed.table.indicators.map((row, i) => (row.level2 === '时效指标' && row !== back ? i : -1))) + 1,
    );
    expect(indicatorRowsFix(sheet, { ...sheetGrids(sheet)[0], rows: [] }, [removed])).toEqual({ fix: null, reason: expect.stringContaining('没有指标行') });
    expect(indicatorRowsFix(sheet, sheetGrids(sheet)[0], Array.from({ length: 1001 }, () => removed))).toEqual({ fix: null, reason: '一次最多插入 1000 行指标' });
  });
});

describe('indicatorRowsFix on a filled form with an unused slot', () => {
  // Seed table 1 without its 满意度 rows, but with the form's empty 服务对象满意度指标 row left in.
  function withSlot(): CellGrid {
    const table = seedTable(1);
    const satisfaction = table.indicators.filter((row) => row.level1 === '满意度指标');
    table.indicators = table.indicators.filter((row) => row.level1 !== '满意度指标');
    table.indicators.push({ ...satisfaction[0], level3: '', description: '', value: '', parsed: { ...satisfaction[0].parsed, raw: '', kind: 'empty', operator: null, number: null, unit: null, amount: null } });
    return gridFromTable(table);
  }

  // Issue #22: the standard row used to write 「服务对象满意度」 into the slot, a generic name that passed once a value
  // was typed. Without a library there is nothing real to write: the empty row is the one to fill, no fix is offered.
  it('offers no fix when the missing dimension has an empty row to fill and no library row (no generic name written)', () => {
    const grid = withSlot();
    const sheet = read(grid);
    expect(sheet.slots?.map((slot) => slot.level2)).toEqual(['服务对象满意度指标']);
    // The printed slot is the 二级 being present, not missing (issue 24): it is reported unfilled.
    expect(checkSheet(sheet).filter((i) => i.code === 'missing-dimension')).toEqual([]);
    const issue = checkSheet(sheet).find((i) => i.code === 'missing-value' && i.message === '服务对象满意度指标下还没有填写指标')!;
    expect(issue).toBeDefined();
    // With no library row to take, nothing generic is written for the clerk (issue 22): the slot waits for them.
    expect(issue.fix).toBeUndefined();
    const [slot] = sheet.slots!;
    expect(indicatorRowsFix(sheet, sheetGrids(sheet)[0], [{ level1: '满意度指标', level2: slot.level2, level3: '', value: '' }])).toEqual({
      fix: null,
      reason: '表中已有该维度空着的行，请在其中填写三级指标和指标值',
    });
  });

  it('with the library, fills the slot with the first 满意度 row and inserts the others after it', () => {
    const library = loadSeedLibrary();
    const grid = withSlot();
    const sheet = read(grid);
    const issue = checkSheet(sheet, { library }).find((i) => i.code === 'missing-value' && i.message === '服务对象满意度指标下还没有填写指标')!;
    const fixed = read(applyFixToGrid(grid, issue.fix!));
    const expected = seedTable(1).indicators.filter((row) => row.level1 === '满意度指标').map((row) => [row.level3, row.value]);
    expect(fixed.table.indicators.filter((row) => row.level1 === '满意度指标').map((row) => [row.level3, row.value])).toEqual(expected);
    expect(checkSheet(fixed, { library }).map((i) => i.code)).toEqual(checkSheet(read(gridFromTable(seedTable(1))), { library }).map((i) => i.code));
  });

  it('on a form not filled in yet fills a printed row of the 二级, and inserts nothing (one filled row would turn the others into unused slots)', () => {
    const table = seedTable(1);
    for (const row of table.indicators) Object.assign(row, { level3: '', value: '', description: '' });
    const grid = gridFromTable(table);
    const sheet = read(grid);
    const fill = indicatorRowsFix(sheet, sheetGrids(sheet)[0], [{ level1: '满意度指标', level2: '服务对象满意度指标', level3: '服务对象满意度', value: '≥90%' }]);
    expect(fill.fix!.steps.map((step) => step.kind)).toEqual(['setCell', 'setCell']);
    const filled = read(applyFixToGrid(grid, fill.fix!));
    expect(filled.table.indicators.map((row) => [row.level2, row.level3, row.value])).toEqual([['服务对象满意度指标', '服务对象满意度', '≥90%']]);
    // 经济效益指标 is not printed on this form: it would need a row inserted.
    expect(indicatorRowsFix(sheet, sheetGrids(sheet)[0], [{ level1: '效益指标', level2: '经济效益指标', level3: '增收', value: '≥5万元' }])).toEqual({
      fix: null,
      reason: '指标表尚未填写：请先填写表中已有的指标行',
    });
  });
});
