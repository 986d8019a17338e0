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
