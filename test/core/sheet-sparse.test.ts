// Sparse grids (the new file readers leave rows and cells as holes): the reader's cost follows the cells and
// merges that exist, never the rectangle they span. Speed figures are in `npm run bench`; these tests assert
// what is read, and fail by timeout (jest's 5 s) if a pass over the whole 1048576 × 16384 extent comes back.
import { checkGridTables } from '../../src/core/check';
import { planTableSheet } from '../../src/core/sheet/layout';
import { readSheet, readSheetTables } from '../../src/core/sheet/reader';
import type { CellGrid, CellValue } from '../../src/core/sheet/types';
import { seedTable } from '../support/seed';
import { gridFromPlan } from '../support/sheetTable';

const LAST_ROW = 1048575;
const LAST_COL = 16383;

/** The seed's table 1 as the layout draws it, then copied into a holey array (no dense rows). */
function sparseSeedGrid(): CellGrid {
  const { number: _n, source: _s, line: _l, notes: _notes, ...table } = seedTable(1);
  const dense = gridFromPlan(planTableSheet(table, { sheetName: '数字化运维项目', framework: 'seed' }));
  const values: CellValue[][] = [];
  dense.values.forEach((row, r) => {
    const line: CellValue[] = [];
    row.forEach((value, c) => {
      if (value !== null && value !== '') line[c] = value;
    });
    values[r] = line;
  });
  return { ...dense, values };
}

describe('a sparse grid', () => {
  test('a cell at XFD1048576 changes nothing that is read, and is not walked to', () => {
    const plain = readSheet(sparseSeedGrid())!;
    const grid = sparseSeedGrid();
    grid.values[LAST_ROW] = [];
    grid.values[LAST_ROW][LAST_COL] = '页脚';
    const started = Date.now();
    const far = readSheet(grid)!;
    // A loop over the rectangle would be 1.7e10 cells: far beyond jest's timeout.
    expect(Date.now() - started).toBeLessThan(2000);
    expect(far.table).toEqual(plain.table);
    expect(far.rowRefs).toEqual(plain.rowRefs);
    expect(far.table.indicators).toHaveLength(seedTable(1).indicators.length);
  });

  test('a merge A30:XFD1048576 below the table costs nothing and hides nothing', () => {
    const grid = sparseSeedGrid();
    const plain = readSheet(sparseSeedGrid())!;
    grid.merges = [...grid.merges, `A${grid.values.length + 5}:XFD1048576`, 'B1048570:XFD1048575'];
    const far = readSheet(grid)!;
    expect(far.table).toEqual(plain.table);
  });

  test('rows given as holes between a header and its grid are blank rows (a grid ends at one)', () => {
    const values: CellValue[][] = [];
    values[0] = ['项目名称', '稀疏表'];
    values[1] = ['预算数', 10];
    values[2] = ['绩效目标', '完成'];
    values[4] = ['一级指标', '二级指标', '三级指标', '指标值'];
    values[5] = ['产出指标', '数量指标', '培训次数', '≥2次'];
    // Row 7 is a hole: the grid ends, and what follows far below is not an indicator of this grid.
    values[900000] = ['产出指标', '质量指标', '远处的行', '100%'];
    const sheet = readSheet({ sheetName: 'S', top: 0, left: 0, values, merges: [] })!;
    expect(sheet.table.indicators.map((r) => r.level3)).toEqual(['培训次数']);
    expect(sheet.rowRefs[0].value).toBe('D6');
  });

  test('a sheet with only far-away cells and no table is no table, read without walking the extent', () => {
    const values: CellValue[][] = [];
    values[LAST_ROW] = [];
    values[LAST_ROW][LAST_COL] = 1;
    expect(readSheetTables({ sheetName: 'S', top: 0, left: 0, values, merges: ['A1:XFD1048576'] })).toEqual({ tables: [], unreadable: null });
  });
});

describe('sheets that look like a 绩效目标表 but cannot be read', () => {
  test('indicator headers without a 二级 column are read by content: labels are evidence, not a gate', () => {
    // Once an unreadable-layout (no header row with 一级, 二级 and 指标值); a reviewer reads it, and so does jixiao now.
    const values: CellValue[][] = [
      ['项目名称', '某项目'],
      ['一级指标', '三级指标', '指标值'],
      ['产出指标', '培训次数', '≥2次'],
      ['效益指标', '群众知晓率', '≥90%'],
    ];
    const sheet = readSheet({ sheetName: '表', top: 0, left: 0, values, merges: [] })!;
    expect(sheet.table.indicators.map((r) => [r.level1, r.level3, r.value])).toEqual([
      ['产出指标', '培训次数', '≥2次'],
      ['效益指标', '群众知晓率', '≥90%'],
    ]);
    expect(sheet.grids[0].rows[1].refs).toMatchObject({ level1: 'A4', level3: 'B4', value: 'C4' });
    const reports = checkGridTables({ sheetName: '表', top: 0, left: 0, values, merges: [] });
    expect(reports[0].issues.map((i) => i.code)).not.toContain('unreadable-layout');
  });

  test('dimension names with no column of targets: unreadable-layout, naming what was found and what was not', () => {
    const values: CellValue[][] = [
      ['项目名称', '某项目'],
      ['一级指标', '三级指标', '备注'],
      ['产出指标', '培训次数', '按照上级要求组织开展培训工作并做好记录'],
      ['效益指标', '群众知晓率', '通过入户走访和问卷调查了解群众知晓情况'],
    ];
    const reports = checkGridTables({ sheetName: '表', top: 0, left: 0, values, merges: [] });
    expect(reports).toHaveLength(1);
    expect(reports[0].issues).toHaveLength(1);
    const [issue] = reports[0].issues;
    expect(issue.code).toBe('unreadable-layout');
    expect(issue.severity).toBe('error');
    expect(issue.message).toContain('2 个一级指标名称（A 列）');
    expect(issue.message).toContain('指标值列');
    expect(issue.cells).toEqual(['A3']);
  });

  test('a sheet with nothing of a 绩效目标表 is not reported', () => {
    expect(checkGridTables({ sheetName: '说明', top: 0, left: 0, values: [['填报说明'], ['本表由项目单位填写。']], merges: [] })).toEqual([]);
  });

  test('a grid header with no indicator row under it is reported, not passed', () => {
    const values: CellValue[][] = [
      ['项目名称', '某项目'],
      ['预算数', 5],
      ['绩效目标', '完成'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
    ];
    const [report] = checkGridTables({ sheetName: '表', top: 0, left: 0, values, merges: [] });
    expect(report.issues.map((i) => i.code)).toContain('unreadable-layout');
  });
});

describe('amount cells that are not amounts', () => {
  const table = (budget: CellValue, labelled = true): CellGrid => ({
    sheetName: '表',
    top: 0,
    left: 0,
    merges: [],
    values: [
      ['项目名称', '某项目'],
      labelled ? ['预算数', budget] : ['说明', '无'],
      ['绩效目标', '完成培训'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '培训次数', '≥2次'],
    ],
  });
  const messages = (grid: CellGrid) => checkGridTables(grid)[0].issues.filter((i) => i.code === 'missing-field').map((i) => i.message);

  test('an Excel error value is named as such', () => {
    expect(messages(table('#DIV/0!'))).toEqual(['预算数单元格是错误值 #DIV/0!，不是金额：无法核对成本和资金']);
  });

  test('a date where the amount belongs is named as a date', () => {
    expect(messages(table('2024-03-01'))[0]).toContain('预算数单元格是日期「2024-03-01」');
  });

  test('a label that is not on the sheet is 找不到, not 为空', () => {
    expect(messages(table(null, false))[0]).toContain('找不到「预算数」');
    expect(messages(table(null))[0]).toBe('预算数为空（单位：万元）');
  });

  test('250万, ≤400万 and 164万元 in an amount cell are read as 万元', () => {
    for (const [text, amount] of [['250万', 250], ['164万元', 164], ['≤400万', 400], ['2,500,000元', 250]] as const) {
      expect(readSheet(table(text))!.table.budget.total).toBe(amount);
    }
  });
});
