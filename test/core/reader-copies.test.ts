// What copies made by people and converters do to a 绩效目标表 (test/real/copyMutations.ts re-dresses the
// whole corpus so): each case is a small grid the way a copy prints it, and must read as the form does.
import { readSheetTables } from '../../src/core/sheet/reader';
import type { CellGrid, CellValue } from '../../src/core/sheet/types';

function grid(values: CellValue[][], merges: string[] = []): CellGrid {
  return { sheetName: '表', top: 0, left: 0, values, merges };
}

/** Each table's rows as `一级 / 二级 / 三级 / 指标值`, spacing left out. */
const rowsOf = (g: CellGrid) => readSheetTables(g).tables.map((t) => t.grids.map((x) => x.rows.map(({ row }) => [row.level1, row.level2, row.level3, row.value].join(' / ').replace(/\s+/g, ''))));

const HEAD: CellValue[][] = [
  ['项目名称', '法律援助'],
  ['预算数', 120],
  ['绩效目标', '完成法律援助案件办理'],
];
const GRID: CellValue[][] = [
  ['产出指标', '数量指标', '办理案件数', '≥300件'],
  [null, '质量指标', '结案率', '≥95%'],
  ['效益指标', '社会效益指标', '群众法律意识', '有效提升'],
  ['满意度指标', '服务对象满意度指标', '受援人满意度', '≥90%'],
];
const READ = [[['产出指标/数量指标/办理案件数/≥300件', '产出指标/质量指标/结案率/≥95%', '效益指标/社会效益指标/群众法律意识/有效提升', '满意度指标/服务对象满意度指标/受援人满意度/≥90%']]];

describe('copies of a form read as the form', () => {
  test('a blank row between two 一级 blocks does not end the grid', () => {
    const rows = [...HEAD, ['一级指标', '二级指标', '三级指标', '指标值'], GRID[0], GRID[1], [], GRID[2], [null, null, null, null], GRID[3]];
    expect(rowsOf(grid(rows))).toEqual(READ);
  });

  test('a blank row before prose, a note or a second table still ends the grid', () => {
    const rows = [...HEAD, ['一级指标', '二级指标', '三级指标', '指标值'], ...GRID, [], ['资金安排表'], ['村名', '安排资金（万元）'], ['东岭村', 12.5]];
    expect(rowsOf(grid(rows))).toEqual(READ);
  });

  test('header labels typed over two rows (一级 over 指标) are one header', () => {
    const rows = [...HEAD, ['一级', '二级', '三级', '指标值'], ['指标', '指标', '指标'], ...GRID];
    expect(rowsOf(grid(rows))).toEqual(READ);
  });

  test('…also with a table beside the header, whose own rows are no fragments', () => {
    const rows = [...HEAD, ['一级', '二级', '三级', '指标值', null, '村名', '安排资金'], ['指标', '指标', '指标', null, null, '东岭村', 12.5], ...GRID];
    expect(rowsOf(grid(rows))).toEqual(READ);
  });

  test('…also under header cells merged down over two rows', () => {
    const rows = [...HEAD, ['一级', '二级', '三级', '指标值'], [], ['指标', '指标', '指标'], ...GRID];
    expect(rowsOf(grid(rows, ['A4:A5', 'B4:B5', 'C4:C5', 'D4:D5']))).toEqual(READ);
  });

  test('dimension names spaced out with ideographic spaces stay dimension names', () => {
    const long = '产　出　指　标（数　量、质　量、成　本　方　面　的　指　标）';
    const rows = [...HEAD, ['一级指标', '二级指标', '三级指标', '指标值'], [long, '数 量 指 标', '办理案件数', '≥300件'], [null, '质 量 指 标', '结案率', '≥95%']];
    expect(rowsOf(grid(rows))).toEqual([[['产出指标（数量、质量、成本方面的指标）/数量指标/办理案件数/≥300件', '产出指标（数量、质量、成本方面的指标）/质量指标/结案率/≥95%']]]);
  });

  test('a header laid out as columns reads its fields with a label misprinted by one character', () => {
    const rows = [['项目名秤', '预算数', '其中：财政资金', '绩效目标'], ['法律援助', 120, 120, '完成法律援助案件办理'], ['一级指标', '二级指标', '三级指标', '指标值'], ...GRID];
    const [table] = readSheetTables(grid(rows)).tables;
    expect(table.table.projectName).toBe('法律援助');
    expect(table.table.budget.total).toBe(120);
  });

  test('a header laid out as columns reads its fields beside a side label written one character per row', () => {
    const rows = [['项', '项目名称', '预算数', '绩效目标'], ['目', '法律援助', 120, '完成法律援助案件办理'], ['绩', '一级指标', '二级指标', '三级指标', '指标值'], ...GRID.map((line, i) => [['效', '指', '标'][i] ?? null, ...line])];
    const [table] = readSheetTables(grid(rows)).tables;
    expect(table.table.projectName).toBe('法律援助');
    expect(table.table.budget.total).toBe(120);
  });

  test('a small table below a flat export is not read as more projects', () => {
    const rows: CellValue[][] = [
      ['项目名称', '预算数', '一级指标', '二级指标', '三级指标', '指标值'],
      ['村组干部报酬', 3309840, '产出指标', '数量指标', '村组干部人数', '≥230人'],
      [null, null, '满意度指标', '服务对象满意度指标', '群众满意度', '≥95%'],
      ['活动经费', 660000, '产出指标', '数量指标', '行政村数量', '=11个'],
      [],
      ['资金安排表'],
      ['村名', '安排资金（万元）'],
      ['东岭村', 12.5],
    ];
    expect(readSheetTables(grid(rows)).tables.map((t) => t.table.projectName)).toEqual(['村组干部报酬', '活动经费']);
  });

  test('a grid found by content, with a blank 一级 column, ends before a table below it', () => {
    const rows: CellValue[][] = [
      ['项目名称', '养殖场建设'],
      ['一级指标', '二级指标', '三级指标', null, '区域目标值'],
      [null, null, null, null, '甲县', '乙县'],
      [null, '数量指标', '新建棚圈数', null, '≥1个', '≥1个'],
      [null, '时效指标', '开工时限', null, '2021年7月', '2021年7月'],
      [null, '成本指标', '围墙造价', null, '300元/米', '300元/米'],
      [],
      ['资金安排表'],
      ['序号', '村名', '安排资金（万元）'],
      [1, '东岭村', 12.5],
    ];
    const [table] = readSheetTables(grid(rows, ['E2:F2'])).tables;
    expect(table.grids.map((g) => g.region)).toEqual(['甲县', '乙县']);
    // The 一级 column is the blank one the form printed: read blank, not derived.
    expect(table.grids[0].rows.map(({ row }) => `${row.level1}/${row.level2}/${row.level3}`)).toEqual(['/数量指标/新建棚圈数', '/时效指标/开工时限', '/成本指标/围墙造价']);
  });

  test('a table beside a region grid, level with its sub-header row, leaves the regions and the first row as they are', () => {
    const rows: CellValue[][] = [
      ['项目名称', '养殖场建设', null, null, null, null, null, '资金安排表'],
      ['一级指标', '二级指标', '三级指标', '区域目标值', null, null, '序号', '村名', '安排资金（万元）'],
      [null, null, null, '甲县', '乙县', null, 1, '东岭村', 12.5],
      ['产出指标', '数量指标', '新建棚圈数', '≥1个', '≥2个', null, 2, '西河村', 8],
      [null, '时效指标', '开工时限', '2021年7月', '2021年8月', null, '合计', null, 20.5],
      [null, '成本指标', '围墙造价', '300元/米', '320元/米'],
      ['效益指标', '社会效益指标', '带动增收户数', '≥20户', '≥25户'],
    ];
    const [table] = readSheetTables(grid(rows, ['D2:E2'])).tables;
    expect(table.grids.map((g) => g.region)).toEqual(['甲县', '乙县']);
    expect(table.grids[0].rows.map(({ row }) => `${row.level3}/${row.value}`)).toEqual(['新建棚圈数/≥1个', '开工时限/2021年7月', '围墙造价/300元/米', '带动增收户数/≥20户']);
  });

  test('with no 一级/二级 header, labels typed over two rows still tell the 三级 names from their 说明', () => {
    const rows: CellValue[][] = [
      ['助学金项目绩效评价指标表'],
      ['评价', '评价内容', '目标值', '指标', '指标', '分值'],
      [null, null, null, '说明', '名称'],
      ['产出指标', '数量指标', 2100, '达到预计值', '享受资助人数', 10],
      [null, '质量指标', '100%', '全面覆盖', '建档立卡学生', 10],
      [null, '时效指标', '100%', '达到目标值', '及时发放率', 20],
      ['满意度指标', '服务对象满意度指标', '≥95%', '达到目标值', '资助对象满意度', 10],
    ];
    const [table] = readSheetTables(grid(rows)).tables;
    expect(table.grids[0].rows.map(({ row }) => `${row.level3}/${row.value}`)).toEqual(['享受资助人数/2100', '建档立卡学生/100%', '及时发放率/100%', '资助对象满意度/≥95%']);
  });
  test('a region grid of one row keeps its 三级指标 column beside a small table of more rows (S30)', () => {
    const rows: CellValue[][] = [
      ['项目名称', '水利专项资金', null, null, null, null, null, '资金安排表'],
      ['一级指标', '二级指标', '三级指标', '指标解释', '西坪镇尧山村', '桃舟乡吾培村', null, '序号', '村名', '安排资金（万元）'],
      ['产出指标', '数量指标', '开展小型水利工程建设(个)', '反映小型水利工程建设项目开展情况', 1, 1, null, 1, '东岭村', 12.5],
      [null, null, null, null, null, null, null, 2, '西河村', 8],
      [null, null, null, null, null, null, null, '合计', null, 20.5],
    ];
    const [table] = readSheetTables(grid(rows)).tables;
    expect(table.grids.map((g) => g.region)).toEqual(['西坪镇尧山村', '桃舟乡吾培村']);
    expect(table.grids.map((g) => g.rows.map(({ row }) => `${row.level3}/${row.value}`))).toEqual([['开展小型水利工程建设(个)/1'], ['开展小型水利工程建设(个)/1']]);
  });
});
