// What the fourth round's published forms (test/fixtures/real S38–S43: blank forms, templates, a township
// 自评表) taught the reader and the rules, each on the smallest sheet that has it; the whole tables are
// checked in test/real/corpus.test.ts.
import { checkGridTables } from '../../src/core/check';
import { dimensionKey } from '../../src/core/frameworks/names';
import { readSheet, readSheetTables } from '../../src/core/sheet/reader';
import type { CellGrid, CellValue } from '../../src/core/sheet/types';

function grid(values: CellValue[][], merges: string[] = []): CellGrid {
  return { sheetName: '表', top: 0, left: 0, values, merges };
}

const issues = (values: CellValue[][], merges: string[] = []) => checkGridTables(grid(values, merges))[0].issues;
const codes = (values: CellValue[][], merges: string[] = []) => issues(values, merges).map((i) => i.code);

/** A 范本's grid (S39): 评价内容 over 一级 and 二级, 二级 named …目标, placeholders 目标1–2, 绩效目标值 empty or not. */
function fanben(value: CellValue = null): CellValue[][] {
  return [
    ['财政支出项目绩效目标申报表(范本)'],
    ['项目名称'],
    ['项目年度绩效目标', '评价内容', null, '绩效内容', '参考标准', '绩效目标值'],
    [null, '投入', '时效目标', '目标1', null, value],
    [null, null, '成本目标', '目标1'],
    [null, '产出', '数量目标', '目标1'],
    [null, null, '质量目标', '目标1'],
    [null, '效益', '社会效益目标', '目标1'],
    [null, null, '服务对象满意度目标', '目标1'],
  ];
}
const FANBEN_MERGES = ['A3:A9', 'B3:C3', 'B4:B5', 'B6:B7', 'B8:B9'];

describe('a 范本 nobody has filled in (S39)', () => {
  test('二级 names written …目标 are the dimensions …指标', () => {
    expect(['数量目标', '服务对象满意度目标', '经济效益目标'].map(dimensionKey)).toEqual(['数量', '服务对象满意度', '经济效益']);
  });

  test('its empty 绩效目标值 column is where the targets go: the grid is read, each placeholder without a value', () => {
    const sheet = readSheet(grid(fanben(), FANBEN_MERGES))!;
    expect(sheet.table.indicators.map((r) => [r.level1, r.level2, r.level3, r.value])).toEqual([
      ['投入', '时效目标', '目标1', ''],
      ['投入', '成本目标', '目标1', ''],
      ['产出', '数量目标', '目标1', ''],
      ['产出', '质量目标', '目标1', ''],
      ['效益', '社会效益目标', '目标1', ''],
      ['效益', '服务对象满意度目标', '目标1', ''],
    ]);
    expect(codes(fanben(), FANBEN_MERGES)).not.toContain('unreadable-layout');
  });

  test('the dimensions a blank form prints are not a placement anyone made; once a target is written, they are', () => {
    expect(codes(fanben(), FANBEN_MERGES)).not.toContain('misplaced-dimension');
    expect(codes(fanben('≤3个月'), FANBEN_MERGES)).toContain('misplaced-dimension');
  });
});

describe('prompts and labels beside a field (S39, S41, S42)', () => {
  test('a prompt ending in a colon, and 归口管理部门, are never the value of the label before them', () => {
    const head = (beside: string): CellValue[][] => [
      ['项目名称:', beside],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '支持项目数量', '≥5个'],
    ];
    expect(readSheet(grid(head('承担单位:(盖章)')))!.table.projectName).toBe('');
    expect(readSheet(grid(head('归口管理部门')))!.table.projectName).toBe('');
    expect(readSheet(grid(head('科技成果转化项目')))!.table.projectName).toBe('科技成果转化项目');
  });
});

describe('a township 自评表 (S43)', () => {
  const HEAD: CellValue[][] = [
    ['项目名称', '特色种养殖补贴到户项目'],
    ['预算数', 8.408, '其中：财政资金', 8.408, '其他资金', 0],
    ['绩效目标', '补助种植面积 20 亩。'],
  ];
  const rows = (indent: string): CellValue[][] => [
    ...HEAD,
    ['一级\n指标', '二级指标', '三级指标', '分值', '年度指标值', '全年实际值'],
    ['(50分)', '数量指标', '★补助各类瓜果蔬菜种植面积', 10],
    [null, null, `${indent}梨树种植面积`, null, '6亩', '6亩'],
    [null, null, `${indent}桃种植面积`, null, '14亩', '14亩'],
  ];

  test('a ★ indicator over indented sub-items is their group, not an indicator missing its target', () => {
    const sheet = readSheet(grid(rows('        '), ['A5:A7', 'B5:B7']))!;
    expect(sheet.table.indicators.map((r) => [r.level3, r.value])).toEqual([
      ['梨树种植面积', '6亩'],
      ['桃种植面积', '14亩'],
    ]);
    expect(codes(rows('        '), ['A5:A7', 'B5:B7'])).not.toContain('missing-value');
    // Not indented, the same row is an indicator written without its target.
    expect(codes(rows(''), ['A5:A7', 'B5:B7'])).toContain('missing-value');
  });

  test('a 一级 cell showing only its weight (50分) is the 二级\'s home', () => {
    const sheet = readSheet(grid(rows('        '), ['A5:A7', 'B5:B7']))!;
    expect(new Set(sheet.table.indicators.map((r) => r.level1))).toEqual(new Set(['产出指标']));
    const found = issues(rows('        '), ['A5:A7', 'B5:B7']);
    expect(found.filter((i) => i.code === 'misplaced-dimension')).toEqual([]);
    expect(found.filter((i) => i.code === 'missing-dimension').map((i) => i.message).join('\n')).not.toContain('缺少一级指标「产出指标」');
  });
});

describe('templates whose targets are still to be written, read by content (S41, S42)', () => {
  test('a column headed 指标值 holding the unit alone is the target column, left without figures', () => {
    const sheet = readSheet(
      grid([
        ['绩效指标', '指标值', '全年实际完成值'],
        ['产出指标'],
        ['数量指标'],
        ['支持基础研究项目数量', '个', '个'],
        ['支持科技创新基地项目数量', '个', '个'],
      ]),
    )!;
    expect(sheet.table.indicators.map((r) => [r.level3, r.value])).toEqual([
      ['支持基础研究项目数量', '个'],
      ['支持科技创新基地项目数量', '个'],
    ]);
  });

  test('one dimension name under a row headed 一级指标 and 二级指标 is a grid; with no header, it is not', () => {
    const body: CellValue[][] = [
      ['(50分)', '数量指标', '梨树种植面积', '6亩'],
      [null, null, '桃种植面积', '14亩'],
    ];
    const headed = readSheetTables(grid([['一级指标', '二级指标', '三级指标', '全年实际值', '甲县', '乙县'], ...body.map((r) => [...r.slice(0, 3), null, r[3], r[3]])])).tables;
    expect(headed[0]?.grids.map((g) => g.region)).toEqual(['甲县', '乙县']);
    expect(readSheetTables(grid(body)).tables).toEqual([]);
  });

  test('the empty region columns of a form nobody has filled in are still its regions', () => {
    const tables = readSheetTables(
      grid([
        ['一级指标', '二级指标', '三级指标', '指标解释', '甲县', '乙县'],
        ['产出指标', '数量指标', '支持项目数量', '反映支持的项目数量'],
        [null, '质量指标', '验收合格率', '反映项目验收情况'],
      ]),
    ).tables;
    expect(tables[0]?.grids.map((g) => [g.region, g.rows.map(({ row }) => row.level3)])).toEqual([
      ['甲县', ['支持项目数量', '验收合格率']],
      ['乙县', ['支持项目数量', '验收合格率']],
    ]);
  });
});

describe('a 甘肃 省级部门预算 table (S44)', () => {
  const values: CellValue[][] = [
    ['省级部门预算项目支出绩效目标表'],
    ['一级项目名称', '文化事业发展专项资金', '二级项目名称', '博物馆免费开放补助资金'],
    ['项目总投资', '20万元', '中央补助安排', 0],
    ['省级财政安排', 0, '其他资金', '20万元'],
    ['预算申报数', '20万元', '资金性质', '一般公共预算'],
    ['年度绩效目标', '提高博物馆免费开放服务水平'],
    ['一级指标', '二级指标', '三级指标', '指标目标值'],
    ['产出指标', '数量指标', '免费开放天数', '=300天'],
    ['效益指标', '经济效益指标', '为当地提供就业岗位', '增加岗位'],
    ['满意度指标', '服务对象满意度', '服务对象满意度%', '=99百分比'],
  ];

  test('二级项目名称 is the project, 预算申报数 its budget, 中央补助安排 and 省级财政安排 its public money', () => {
    const { table } = readSheet(grid(values))!;
    expect(table.projectName).toBe('博物馆免费开放补助资金');
    expect(table.budget).toEqual({ total: 20, fiscal: 0, other: 20 });
  });

  test('an effect promised in words built on 增加 (增加岗位) cannot be measured', () => {
    expect(issues(values).filter((i) => i.code === 'vague-target').map((i) => i.cells[0])).toEqual(['D9']);
  });
});

describe('河北 forms (S45, S46)', () => {
  test('效果指标 is the 效益 一级 as 绩效评价 forms name it', () => {
    const found = codes([
      ['项目名称', '高龄津贴'],
      ['预算数', 6.84, '其中：财政资金', 6.84, '其他资金', 0],
      ['绩效目标', '为百岁老人发放补贴。'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '补贴发放人数', '19人'],
      [null, '质量指标', '补贴发放准确率', '100%'],
      [null, '时效指标', '按月发放率', '100%'],
      [null, '成本指标', '补贴标准', '300元/人/月'],
      ['效果指标', '社会效益指标', '补贴发放率', '≥95%'],
      ['满意度指标', '服务对象满意度指标', '服务对象满意度', '≥95%'],
    ]);
    expect(found.filter((c) => c === 'misplaced-dimension' || c === 'missing-dimension')).toEqual([]);
  });

  test('heads with a remark in brackets (单位（文字描述）) and a unit with its name in brackets (%(百分比)) are read', () => {
    const values: CellValue[][] = [
      ['项目名称', '高龄津贴'],
      ['预算数', 6.84, '其中：财政资金', 6.84, '其他资金', 0],
      ['一级指标', '二级指标', '三级指标', '符号', '指标值（150字内）', '单位(文字描述)'],
      ['满意度指标', '服务对象满意度指标', '服务对象满意度', '>=', 95, '%(百分比)'],
    ];
    const { table } = readSheet(grid(values))!;
    expect(table.indicators.map((r) => [r.value, r.unit])).toEqual([['≥95', '%(百分比)']]);
    expect(codes(values)).not.toContain('bad-value');
  });

  test('grades under a head merged over them (优 | 良 | 中 | 差) are the header\'s second row, not an indicator', () => {
    const sheet = readSheet(
      grid(
        [
          ['绩效指标分类', '绩效指标', '绩效指标描述', '绩效指标评价标准', null, null, null],
          [null, null, null, '优', '良', '中', '差'],
          ['产出指标', '救助覆盖率', '困难群众基本生活救助是否应救尽救', '100%', '90%', '85%', '85%'],
          ['效果指标', '救助对象满意度(%)', '满意和较满意的救助对象占调研对象的比率', '85%', '80%', '70%', '70%'],
        ],
        ['A1:A2', 'B1:B2', 'C1:C2', 'D1:G1'],
      ),
    )!;
    expect(sheet.table.indicators.map((r) => [r.level1, r.level3, r.value])).toEqual([
      ['产出指标', '救助覆盖率', '100%'],
      ['效果指标', '救助对象满意度(%)', '85%'],
    ]);
  });

  test('the same grades in a copy that lost the merges (an HTML export) are still the header\'s second row', () => {
    const sheet = readSheet(
      grid([
        ['绩效指标分类', '绩效指标', '绩效指标描述', '绩效指标评价标准', null, null, null],
        [null, null, null, '优', '良', '中', '差'],
        ['产出指标', '救助覆盖率', '困难群众基本生活救助是否应救尽救', '100%', '90%', '85%', '85%'],
        ['效果指标', '救助对象满意度(%)', '满意和较满意的救助对象占调研对象的比率', '85%', '80%', '70%', '70%'],
      ]),
    )!;
    expect(sheet.table.indicators.map((r) => [r.level1, r.level3, r.value])).toEqual([
      ['产出指标', '救助覆盖率', '100%'],
      ['效果指标', '救助对象满意度(%)', '85%'],
    ]);
  });
});

describe('a label | value form with its value slots empty (S40)', () => {
  test('the label under a blank field is no value of it, however unknown the label', () => {
    const { table } = readSheet(
      grid(
        [
          ['项目名称', null, null, null, '项目类型'],
          ['主管部门编码', null, null, null, '主管部门名称'],
          ['一级指标', '二级指标', '三级指标', '指标值'],
          ['产出指标', '数量指标', '培训人次', '≥100人次'],
        ],
        ['B1:D1', 'B2:D2'],
      ),
    )!;
    expect(table.projectName).toBe('');
  });

  test('heads typed over two rows with the form\'s remark on the second (指标 / 内容（150字内）) are read, whatever the 一级 names', () => {
    const { table } = readSheet(
      grid([
        ['一级', '二级', '分值', '指标', '指标', '评分细则'],
        ['指标', '指标', null, '内容（150字内）', '值（150字内）', '（150字内）'],
        ['投入指标', '资金到位率', 5, '资金到位率=实际到位资金/计划投入资金', '资金到位率达100%', '到位率100%得5分'],
        ['过程指标', '项目资金专项核算', 5, '专项资金是否专款专用', '专款专用,专项核算', '不符合不得分'],
      ]),
    )!;
    expect(table.indicators.map((r) => [r.level1, r.level2, r.value])).toEqual([
      ['投入指标', '资金到位率', '资金到位率达100%'],
      ['过程指标', '项目资金专项核算', '专款专用,专项核算'],
    ]);
  });
  test('a blank row between two 一级 blocks no framework names (投入指标, 过程指标) does not end the grid', () => {
    const { table } = readSheet(
      grid([
        ['一级指标', '二级指标', '分值', '指标内容', '指标值'],
        ['投入指标', '资金到位率', 5, '资金到位率=实际到位资金/计划投入资金', '资金到位率达100%'],
        [null, '预算支出进度', 15, '预算支出进度是否达到90%以上', '预算支出进度达到90%以上'],
        [],
        ['过程指标', '项目资金专项核算', 5, '专项资金是否专款专用', '专款专用,专项核算'],
      ]),
    )!;
    expect(table.indicators.map((r) => [r.level1, r.level2])).toEqual([
      ['投入指标', '资金到位率'],
      ['投入指标', '预算支出进度'],
      ['过程指标', '项目资金专项核算'],
    ]);
  });
});
