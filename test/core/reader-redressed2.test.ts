// Re-dressings the metamorphic suites found misread (issue 19), each as the general shape on a small grid: a
// merge over 一级 | 二级 lost, a blank row under a first block no framework names, a title beside a small
// table's caption, a tree with its targets left of it, a 序号 column, region sub-heads or a split head, and
// heads over values with a blank column among them. Each must read as the form it was made from.
import { readSheetTables } from '../../src/core/sheet/reader';
import type { CellGrid, CellValue, SheetTable } from '../../src/core/sheet/types';

function grid(values: CellValue[][], merges: string[] = []): CellGrid {
  return { sheetName: '表', top: 0, left: 0, values, merges };
}

const tables = (g: CellGrid): SheetTable[] => readSheetTables(g).tables;
/** The first table's rows as `一级 / 二级 / 三级 / 指标值`. */
const rowsOf = (g: CellGrid) => tables(g)[0]?.grids[0].rows.map(({ row }) => [row.level1, row.level2, row.level3, row.value].join(' / ')) ?? [];

/** An evaluation-style grid found by content (no 一级指标 head): a first block no framework names, then the known ones. */
const EVALUATION: CellValue[][] = [
  ['某县农村公路养护项目绩效评价指标表'],
  ['评价指标', '评价内容', null, '指标名称', '目标值', '分值'],
  ['管理指标', null, null, '养护制度健全性', '健全', 10],
  ['产出指标', '数量指标', null, '养护里程', '≥120公里', 20],
  [null, '质量指标', null, '路况优良率', '≥85%', 20],
  [null, '时效指标', null, '养护完成及时率', '100%', 20],
  ['满意度指标', '服务对象满意度指标', null, '沿线群众满意度', '≥90%', 30],
];
const EVALUATION_MERGES = ['A1:F1', 'A2:A2', 'B2:C2', 'A3:C3', 'B4:C4', 'B5:C5', 'B6:C6', 'B7:C7', 'A4:A6'];
const EVALUATION_ROWS = [
  '管理指标 / 管理指标 / 养护制度健全性 / 健全',
  '产出指标 / 数量指标 / 养护里程 / ≥120公里',
  '产出指标 / 质量指标 / 路况优良率 / ≥85%',
  '产出指标 / 时效指标 / 养护完成及时率 / 100%',
  '满意度指标 / 服务对象满意度指标 / 沿线群众满意度 / ≥90%',
];

describe('a name merged over the 一级 and 二级 columns, its merge lost by a converter', () => {
  const flat = grid(
    [
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['管理指标', '\u00a0', '制度健全性', '健全'],
      ['产出指标', '数量指标', '培训人次', '≥200人次'],
      ['\u00a0', '质量指标', '培训合格率', '≥95%'],
      ['满意度指标', '服务对象满意度指标', '学员满意度', '≥90%'],
    ],
  );

  test('the blank 二级 beside it reads the name, as the merged cell does', () => {
    const merged = grid(flat.values.map((row) => row.map((v) => (v === '\u00a0' ? null : v))), ['A2:B2', 'A3:A4']);
    expect(rowsOf(merged)[0]).toBe('管理指标 / 管理指标 / 制度健全性 / 健全');
    expect(rowsOf(flat)).toEqual(rowsOf(merged));
  });

  test('a form whose 二级 column is filled only past the rows read (a long 一级 ends them) spans the same way', () => {
    const form = grid([
      ['一级指标', '二级指标', '指标内容', '指标值'],
      ['产出指标（数量、质量、时效方面的指标）', '', '1.', ''],
      ['', '', '2.', ''],
      ['效益指标（经济效益、社会效益、生态效益、可持续影响等方面的指标）', '', '1.', ''],
      ['满意度指标', '服务对象满意度指标', '1.', ''],
    ]);
    expect(rowsOf(form)).toEqual([
      '产出指标（数量、质量、时效方面的指标） / 产出指标（数量、质量、时效方面的指标） / 1. / ',
      '产出指标（数量、质量、时效方面的指标） / 产出指标（数量、质量、时效方面的指标） / 2. / ',
    ]);
  });

  test('a 二级 left blank under a 一级 whose other rows name theirs is still read blank', () => {
    const form = grid([
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '', '培训人次', '≥200人次'],
      ['', '质量指标', '培训合格率', '≥95%'],
      ['满意度指标', '服务对象满意度指标', '学员满意度', '≥90%'],
    ]);
    expect(rowsOf(form)[0]).toBe('产出指标 /  / 培训人次 / ≥200人次');
  });
});

describe('an evaluation-style grid found by content', () => {
  test('as printed', () => {
    expect(rowsOf(grid(EVALUATION, EVALUATION_MERGES))).toEqual(EVALUATION_ROWS);
    expect(tables(grid(EVALUATION, EVALUATION_MERGES))[0].table.projectName).toBe('某县农村公路养护项目');
  });

  test('a blank row under its first block (a 一级 no framework names) does not cut that block off', () => {
    const values = [...EVALUATION.slice(0, 3), [], ...EVALUATION.slice(3)];
    const merges = ['A1:F1', 'B2:C2', 'A3:C3', 'B5:C5', 'B6:C6', 'B7:C7', 'B8:C8', 'A5:A7'];
    expect(rowsOf(grid(values, merges))).toEqual(EVALUATION_ROWS);
  });

  test('a goal merged on over the 三级 column above a blank row is no block of the grid', () => {
    const values = [['年度目标', '完成养护任务，路况稳中有升', null, null, null, null], ...EVALUATION.slice(1, 2), [], ...EVALUATION.slice(3)];
    const merges = ['B1:D1', 'B2:C2', 'B4:C4', 'B5:C5', 'B6:C6', 'B7:C7', 'A4:A6'];
    expect(rowsOf(grid(values, merges))).toEqual(EVALUATION_ROWS.slice(1));
  });

  test('the title row with a small table\'s caption beside it is still the title that names the project', () => {
    const values = EVALUATION.map((row) => [...row, null, null, null, null]);
    values[0][7] = '资金安排表';
    values[1].splice(7, 3, '序号', '村名', '安排资金（万元）');
    values[2].splice(7, 3, 1, '东岭村', 12.5);
    values[3].splice(7, 3, '合计', null, 12.5);
    const [table] = tables(grid(values, EVALUATION_MERGES));
    expect(table.table.projectName).toBe('某县农村公路养护项目');
    expect(rowsOf(grid(values, EVALUATION_MERGES))).toEqual(EVALUATION_ROWS);
  });
});

/** A tree export: one column of 一级, 二级 and 三级 rows, the targets beside the indicators. */
const TREE: [string, string | null][] = [
  ['管理指标', null],
  ['管理指标', null],
  ['养护制度健全性', '健全'],
  ['产出指标', null],
  ['数量指标', null],
  ['养护里程', '≥120公里'],
  ['质量指标', null],
  ['路况优良率', '≥85%'],
  ['满意度指标', null],
  ['服务对象满意度指标', null],
  ['沿线群众满意度', '≥90%'],
];
const TREE_ROWS = [
  '管理指标 / 管理指标 / 养护制度健全性 / 健全',
  '产出指标 / 数量指标 / 养护里程 / ≥120公里',
  '产出指标 / 质量指标 / 路况优良率 / ≥85%',
  '满意度指标 / 服务对象满意度指标 / 沿线群众满意度 / ≥90%',
];
const TITLE: CellValue[][] = [['某县农村公路养护项目绩效目标表'], ['项目名称', '农村公路养护'], ['预算数', 300]];

describe('a tree export re-dressed', () => {
  test('as printed', () => {
    expect(rowsOf(grid([...TITLE, ['绩效指标', '指标值'], ...TREE]))).toEqual(TREE_ROWS);
  });

  test('its targets left of the names (columns reordered)', () => {
    expect(rowsOf(grid([...TITLE, ['指标值', '绩效指标'], ...TREE.map(([name, value]) => [value, name])]))).toEqual(TREE_ROWS);
  });

  test('a tree of 一级 and indicators only, its targets left of the names', () => {
    const rows = [['指标值', '绩效指标'], [null, '产出指标'], ['≥120公里', '养护里程'], ['≥85%', '路况优良率'], [null, '效果指标'], ['≥90%', '沿线群众满意度']];
    expect(rowsOf(grid([...TITLE, ...rows]))).toEqual(['产出指标 /  / 养护里程 / ≥120公里', '产出指标 /  / 路况优良率 / ≥85%', '效果指标 /  / 沿线群众满意度 / ≥90%']);
  });

  test('a 序号 column left of it keeps its first block, which no framework names', () => {
    let serial = 0;
    const rows = TREE.map(([name, value]) => [value === null ? null : ++serial, name, value]);
    expect(rowsOf(grid([...TITLE, ['序号', '绩效指标', '指标值'], ...rows]))).toEqual(TREE_ROWS);
  });

  test('region columns under a head of targets keep its first block', () => {
    const rows = TREE.map(([name, value]) => [name, null, value, value]);
    const [table] = tables(grid([...TITLE, ['绩效指标', null, '区域目标值'], [null, null, '甲县', '乙县'], ...rows], ['C4:D4']));
    const region = table.grids.find((g) => g.region === '甲县');
    expect(region?.rows.map(({ row }) => [row.level1, row.level2, row.level3, row.value].join(' / '))).toEqual(TREE_ROWS);
  });

  test('its head typed over two rows (绩效 over 指标): the fragment is no indicator', () => {
    expect(rowsOf(grid([...TITLE, ['绩效', '指标值'], ['指标', null], ...TREE.slice(3)]))).toEqual(TREE_ROWS.slice(1));
  });
});

describe('a head typed over two rows with a blank column among its heads', () => {
  test('the heads right of the blank column are joined to their fragments too', () => {
    const g = grid([
      ['项目名称', '农村公路养护'],
      ['一级', '二级', null, '指标', '指标值'],
      ['指标', '指标', null, '名称', null],
      ['产出指标', '数量指标', null, '养护里程', '≥120公里'],
      [null, '质量指标', null, '路况优良率', '≥85%'],
      ['满意度指标', '服务对象满意度指标', null, '沿线群众满意度', '≥90%'],
    ], ['A4:A5']);
    expect(rowsOf(g)).toEqual(['产出指标 / 数量指标 / 养护里程 / ≥120公里', '产出指标 / 质量指标 / 路况优良率 / ≥85%', '满意度指标 / 服务对象满意度指标 / 沿线群众满意度 / ≥90%']);
  });
});

describe('a grid of one row with a small table beside it', () => {
  test('the small table\'s figures, level with the region sub-heads, do not make them a row of targets', () => {
    const g = grid([
      ['项目名称', '农村公路养护', null, null, null, null, null, '资金安排表'],
      ['一级指标', '二级指标', '三级指标', '区域目标值', null, null, '序号', '村名', '安排资金（万元）'],
      [null, null, null, '甲县', '乙县', null, 1, '东岭村', 12.5],
      ['产出指标', '数量指标', '养护里程', '≥120公里', '≥80公里', null, 2, '西河村', 8],
      [null, null, null, null, null, null, '合计', null, 20.5],
    ], ['D2:E2']);
    const [table] = tables(g);
    expect(table.grids.map((x) => [x.region, x.rows.map(({ row }) => `${row.level3} ${row.value}`)])).toEqual([
      ['甲县', ['养护里程 ≥120公里']],
      ['乙县', ['养护里程 ≥80公里']],
    ]);
  });

  test('nor the fragment row of a head typed over two rows an indicator', () => {
    const g = grid([
      ['项目名称', '农村公路养护', null, null, null, null, '资金安排表'],
      ['一级', '二级', '三级', '指标值', null, '序号', '村名', '安排资金（万元）'],
      ['指标', '指标', '指标', null, null, 1, '东岭村', 12.5],
      ['产出指标', '数量指标', '养护里程', '≥120公里', null, 2, '西河村', 8],
      [null, '质量指标', '路况优良率', '≥85%', null, '合计', null, 20.5],
    ], ['A4:A5']);
    expect(rowsOf(g)).toEqual(['产出指标 / 数量指标 / 养护里程 / ≥120公里', '产出指标 / 质量指标 / 路况优良率 / ≥85%']);
  });
});

describe('a head of three rows: labels, their fragments, region sub-heads', () => {
  test('a blank form whose targets are units alone reads its region columns by the head above the fragments', () => {
    const g = grid([
      ['项目名称', null],
      [],
      ['一级', '二级', '三级', '区域目标值', null],
      ['指标', '指标', '指标', null, null],
      [null, null, null, '甲县', '乙县'],
      ['产出指标', '数量指标', '新建站点数量', '个', '个'],
      [null, null, '培训人员数量', '人次', '人次'],
      [null, '质量指标', '验收合格率', '%', '%'],
    ], ['D3:E3', 'A6:A8', 'B6:B7']);
    const [table] = tables(g);
    expect(table.grids.map((x) => [x.region, x.rows.map(({ row }) => `${row.level2} ${row.level3} ${row.value}`)])).toEqual([
      ['甲县', ['数量指标 新建站点数量 个', '数量指标 培训人员数量 人次', '质量指标 验收合格率 %']],
      ['乙县', ['数量指标 新建站点数量 个', '数量指标 培训人员数量 人次', '质量指标 验收合格率 %']],
    ]);
  });
});

describe('a 序号 column left of the grid', () => {
  test('the 总分 row, its label in the 序号 column, ends the grid (its figure names no indicator)', () => {
    const g = grid([
      ['项目名称', '农村公路养护'],
      ['序号', '一级指标', '二级指标', '三级指标', '分值', '指标值'],
      [1, '产出指标', '数量指标', '养护里程', 50, '≥120公里'],
      [2, '满意度指标', '服务对象满意度指标', '沿线群众满意度', 50, '≥90%'],
      [null, null, '……', null, null, null],
      ['总分', null, null, 100, null, null],
    ]);
    expect(rowsOf(g)).toEqual(['产出指标 / 数量指标 / 养护里程 / ≥120公里', '满意度指标 / 服务对象满意度指标 / 沿线群众满意度 / ≥90%']);
  });
});

describe('header fields as a row of heads over a row of values', () => {
  const GRID: CellValue[][] = [[], ['一级指标', '二级指标', '三级指标', '指标值'], ['产出指标', '数量指标', '养护里程', '≥120公里'], ['满意度指标', '服务对象满意度指标', '沿线群众满意度', '≥90%']];

  test('a blank column among the heads: each head still reads the value under it', () => {
    const g = grid([['项目名称', '预算数', null, '其中：财政资金', '其他资金'], ['农村公路养护', 300, null, 280, 20], ...GRID]);
    expect(tables(g)[0].table.budget).toEqual({ total: 300, fiscal: 280, other: 20 });
  });

  test('a label | value form\'s merged empty slot is still a blank field, the label under it no value', () => {
    const g = grid([['项目名称', null, null, '项目类型'], ['主管部门编码', null, null, '主管部门名称'], ...GRID.slice(1)], ['B1:C1', 'B2:C2']);
    expect(tables(g)[0].table.projectName).toBe('');
  });

  test('the same slot over several columns with its merge lost is still a slot', () => {
    const g = grid([['项目名称', null, '\u00a0', '项目类型'], ['主管部门编码', null, '\u00a0', '主管部门名称'], ...GRID.slice(1)]);
    expect(tables(g)[0].table.projectName).toBe('');
  });
});
