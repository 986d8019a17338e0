// What the third round of published tables (test/fixtures/real S30–S37) taught the reader and the rules,
// each shown on the smallest sheet that has it: the whole tables are checked in test/real/corpus.test.ts.
import { checkGridTables } from '../../src/core/check';
import { dimensionKey } from '../../src/core/frameworks/names';
import { readSheet, readSheetTables } from '../../src/core/sheet/reader';
import type { CellGrid, CellValue } from '../../src/core/sheet/types';
import { unitFromName } from '../../src/core/values/units';

function grid(values: CellValue[][], merges: string[] = []): CellGrid {
  return { sheetName: '表', top: 0, left: 0, values, merges };
}

const HEAD: CellValue[][] = [
  ['项目支出绩效目标表'],
  ['项目名称', '乡村道路养护'],
  ['预算数', 120, '其中：财政资金', 120, '其他资金', 0],
  ['绩效目标', '完成道路养护 30 公里，群众满意度达到 90% 以上。'],
];

const codes = (values: CellValue[][], merges: string[] = []) => checkGridTables(grid(values, merges))[0].issues.map((i) => i.code);

describe('dimension names as forms print them', () => {
  test('a remark in brackets and 值 written for 指标 leave the name its dimension', () => {
    expect(['数量指标 (必填硬性指标)', '经济效益 指标 (选填)', '产出值', '可持续影响值', '产出指标（50分）'].map(dimensionKey)).toEqual(['数量', '经济效益', '产出', '可持续影响', '产出']);
    // A name that is no dimension stays one: 值 is dropped only where the rest is a dimension's.
    expect(dimensionKey('总产值')).toBe('总产');
  });

  test('a form whose dimensions carry (必填) and (选填) is not told they are misplaced', () => {
    const found = codes([
      ...HEAD,
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标 (必填硬性指标)', '养护里程', '30公里'],
      [null, '质量指标 (必填)', '验收合格率', '≥95%'],
      [null, '时效指标 (必填)', '完成时间', '2024年12月底前'],
      [null, '成本指标 (必填硬性指标)', '养护费用', '≤120万元'],
      ['效益指标', '社会效益 指标 (选填)', '群众出行条件', '明显改善'],
      ['满意度指标', '服务对象满意度指标 (必填)', '群众满意度', '≥90%'],
    ]);
    expect(found.filter((c) => c === 'misplaced-dimension' || c === 'missing-dimension')).toEqual([]);
  });

  test('headers 一级 | 二级 | 三级 | 年度数值 with dimensions written 产出值, 数量值 are read by content', () => {
    const sheet = readSheet(
      grid([
        ...HEAD,
        ['一级', '二级', '三级', '年度数值', '备注'],
        ['产出值', '数量值', '养护里程', '=30公里'],
        [null, '质量值', '验收合格率', '=100%'],
        ['效益值', '社会效益值', '群众出行条件', '明显改善'],
      ]),
    )!;
    expect(sheet.table.indicators.map((r) => [r.level3, r.value])).toEqual([
      ['养护里程', '=30公里'],
      ['验收合格率', '=100%'],
      ['群众出行条件', '明显改善'],
    ]);
  });
});

describe('a 区域 table with one target column per 村', () => {
  const values: CellValue[][] = [
    ['项目名称', '小型水利工程建设'],
    ['资金总额', 30, '其中:财政拨款', 30, '其他资金'],
    ['总体目标', '开展3个小型水利工程建设'],
    ['一级指标', '二级指标', '三级指标', '指标解释', '甲镇东村', '乙乡西村', '丙镇南村'],
    ['产出指标', '数量指标', '开展小型水利工程建设(个)', '反映小型水利工程建设项目开展情况', 1, 1, 1],
  ];

  test('reads one grid per 村, the 指标解释 column a description', () => {
    const sheet = readSheet(grid(values))!;
    expect(sheet.grids.map((g) => [g.region, g.rows.map((r) => [r.row.level3, r.row.value, r.row.description])])).toEqual(
      ['甲镇东村', '乙乡西村', '丙镇南村'].map((region) => [region, [['开展小型水利工程建设(个)', '1', '反映小型水利工程建设项目开展情况']]]),
    );
  });

  test('a missing dimension is reported once for the table, and the goal (3个) is weighed against the sum', () => {
    const issues = checkGridTables(grid(values))[0].issues;
    expect(issues.filter((i) => i.message.includes('缺少一级指标「效益指标」')).map((i) => i.message)).toEqual(['缺少一级指标「效益指标」：本表没有该维度的指标']);
    expect(issues.filter((i) => i.code === 'goal-number-mismatch')).toEqual([]);
    // A goal the regions' targets do not add up to is still contradicted.
    const four = values.map((row) => (row[0] === '总体目标' ? ['总体目标', '开展4个小型水利工程建设'] : row));
    expect(checkGridTables(grid(four))[0].issues.filter((i) => i.code === 'goal-number-mismatch').map((i) => i.message)).toEqual([
      '绩效目标写「开展4个」，各地区合计的数量指标「开展小型水利工程建设(个)」的指标值却是「3个」（3个）：两处数字应一致',
    ]);
  });
});

describe('header fields', () => {
  test('项目（专项）名称 names the project; a title 项目绩效目标表 is no misprinted 项目绩效目标 label', () => {
    const sheet = readSheet(
      grid([
        ['项目绩效目标表'],
        ['(2022年度)'],
        ['项目(专项)名称', '乡村道路养护'],
        ['年度资金总额:', 120],
        ['项目年度目标', '完成道路养护 30 公里。'],
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '养护里程', '30公里'],
      ]),
    )!;
    expect([sheet.table.projectName, sheet.table.goals]).toEqual(['乡村道路养护', '完成道路养护 30 公里。']);
  });

  test('…完成情况综述 beside the goals label heads the results column; the goals are under their own label', () => {
    const sheet = readSheet(
      grid([
        ['项目名称', '乡村道路养护'],
        ['年度资金总额:', 120],
        ['年度总体目标', '年初设定目标', null, '年度总体目标完成情况综述'],
        [null, '完成道路养护 30 公里。', null, '已完成'],
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '养护里程', '30公里'],
      ]),
    )!;
    expect(sheet.table.goals).toBe('完成道路养护 30 公里。');
  });

  test('in the grid the same words name an indicator (年度任务完成情况), and the grid goes on after it', () => {
    const sheet = readSheet(
      grid([
        ...HEAD,
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '年度任务完成情况', '100%'],
        [null, '质量指标', '验收合格率', '≥95%'],
      ]),
    )!;
    expect(sheet.table.indicators.map((r) => r.level3)).toEqual(['年度任务完成情况', '验收合格率']);
  });
});

describe('grid rows', () => {
  test('one cell over the 三级 and 指标值 columns is an aim with no target', () => {
    const sheet = readSheet(
      grid(
        [
          ...HEAD,
          ['一级指标', '二级指标', '三级指标', '指标值'],
          ['产出指标', '数量指标', '养护里程', '30公里'],
          ['效益指标', '经济效益指标', '增加就业机会,提高农民收入。'],
        ],
        ['C7:D7'],
      ),
    )!;
    expect(sheet.table.indicators.map((r) => [r.level3, r.value])).toEqual([
      ['养护里程', '30公里'],
      ['增加就业机会,提高农民收入。', ''],
    ]);
  });

  test("a template's hint left in the 三级 name gives the target's unit", () => {
    expect([unitFromName('苗木成活率(≥**%)'), unitFromName('项目总投入（≤**万元）'), unitFromName('实施面积(亩)'), unitFromName('开发数量( ≥**个 )'), unitFromName('说明(≥**)')]).toEqual(['%', '万元', '亩', '个', null]);
  });
});

describe('a sheet that cannot be read', () => {
  test('a 绩效目标表 with its head and no indicator grid is unreadable, not something else', () => {
    const read = readSheetTables(
      grid([
        ['项目支出绩效目标表'],
        ['项目名称', '乡村道路养护', '项目负责人及电话', '某某'],
        ['资金情况 (单位:万元)', '年度资金总额:', 179.9],
        [null, '其中:财政拨款', 179.9],
        ['当年绩效目标', '完成道路养护 30 公里，'],
      ]),
    );
    expect(read.tables).toEqual([]);
    expect(read.unreadable).toEqual({ found: ['表头（项目名称、财政资金）'], missing: ['指标表格（一级指标、二级指标、三级指标、指标值）'], cell: 'A1' });
  });

  test('a sheet with a 项目名称 but no 绩效目标表 title and no grid is not taken for one', () => {
    expect(readSheetTables(grid([['项目名称', '乡村道路养护'], ['预算数', 120]])).unreadable).toBeNull();
  });
});
