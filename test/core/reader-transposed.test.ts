// Transposed grids (福建 county tables by 镇, test/fixtures/real/SOURCES.md: 德化县 扶贫开发, 惠安县 应急救助, never
// typed because the stored pages were cut): the 一级 / 二级 / 三级 names stand in a header across the columns,
// each row below is one 镇/村 holding its targets. These tables are written from that description.
import { checkGridTables } from '../../src/core/check';
import { unfixableLayoutReason } from '../../src/core/fixes/unfixableLayout';
import { readSheetTables } from '../../src/core/sheet/reader';
import type { CellGrid, CellValue, SheetTable } from '../../src/core/sheet/types';

const grid = (sheetName: string, values: CellValue[][], merges: string[]): CellGrid => ({ sheetName, top: 0, left: 0, values, merges });
const only = (cells: CellGrid): SheetTable => {
  const read = readSheetTables(cells);
  expect(read.unreadable).toBeNull();
  expect(read.tables).toHaveLength(1);
  return read.tables[0];
};
const issuesOf = (cells: CellGrid) => checkGridTables(cells).flatMap((r) => r.issues);

/** 扶贫开发 by 镇: 乡镇 | 资金 | 产出 (four 二级) | 效益 (two) | 满意度, a three-row header, five 镇. */
function poverty(edit: (values: CellValue[][]) => void = () => {}): CellGrid {
  const values: CellValue[][] = [
    ['德化县2020年扶贫开发项目绩效目标表', null, null, null, null, null, null, null, null],
    ['单位：万元', null, null, null, null, null, null, null, null],
    ['乡镇', '资金（万元）', '产出指标', null, null, null, '效益指标', null, '满意度指标'],
    [null, null, '数量指标', '质量指标', '时效指标', '成本指标', '经济效益指标', '社会效益指标', '服务对象满意度指标'],
    [null, null, '受益贫困户数', '项目验收合格率', '项目完成时间', '项目建设成本', '贫困户户均增收', '带动脱贫人口', '贫困户满意度'],
    ['浔中镇', 50, '≥120户', '≥95%', '2020年12月底前', '≤50万元', '≥2000元', '≥300人', '≥90%'],
    ['龙浔镇', 40, '≥90户', '≥95%', '2020年12月底前', '≤40万元', '≥2000元', '≥220人', '≥90%'],
    ['盖德镇', 35, '≥80户', '≥105%', '2020年12月底前', '≤35万元', '≥1800元', '≥200人', '≥90%'],
    ['雷峰镇', 30, '≥70户', '≥95%', '2020年12月底前', '≤36万元', '≥1800元', '≥180人', '≥90%'],
    ['上涌镇', 45, '≥110户', '≥95%', '2020年12月底前', '≤45万元', '≥2000元', '≥260人', '≥90%'],
    ['填报单位（盖章）：德化县扶贫开发领导小组办公室', null, null, null, null, null, null, null, null],
  ];
  edit(values);
  return grid('扶贫开发', values, ['A1:I1', 'A3:A5', 'B3:B5', 'C3:F3', 'G3:H3']);
}

/** 应急救助 by 镇 with a 合计 row first, no 满意度 column: the 合计 row is the whole's targets. */
function relief(): CellGrid {
  return grid(
    '应急救助',
    [
      ['惠安县2021年应急救助资金绩效目标表', null, null, null, null, null, null],
      ['镇', '金额（万元）', '产出指标', null, null, '效益指标', null],
      [null, null, '数量指标', '质量指标', '时效指标', '社会效益指标', '可持续影响指标'],
      [null, null, '救助人次', '救助对象认定准确率', '资金发放时限', '困难群众基本生活保障', '救助长效机制'],
      ['合计', 200, '≥1000人次', '100%', '≤30天', '有效保障', '持续完善'],
      ['螺城镇', 60, '≥300人次', '100%', '≤30天', '有效保障', '持续完善'],
      ['螺阳镇', 50, '≥250人次', '100%', '≤30天', '有效保障', '持续完善'],
      ['黄塘镇', 40, '≥200人次', '100%', '≤30天', '有效保障', '持续完善'],
      ['紫山镇', 30, '≥150人次', '100%', '≤30天', '有效保障', '持续完善'],
      ['东岭镇', 20, '≥100人次', '100%', '≤30天', '有效保障', '持续完善'],
    ],
    ['A1:G1', 'A2:A4', 'B2:B4', 'C2:E2', 'F2:G2'],
  );
}

/** By 村, a two-row header (一级 over 二级) with no 三级 row: each cell names its indicator before its target. */
function villages(): CellGrid {
  return grid(
    '村道建设',
    [
      ['2022年农村公路建设项目绩效目标表', null, null, null, null, null],
      ['项目村', '产出指标', null, null, '效益指标', '满意度指标'],
      [null, '数量指标', '质量指标', '时效指标', '社会效益指标', '服务对象满意度指标'],
      ['下洋村', '新建村道≥2公里', '验收合格率≥98%', '完工时间≤12个月', '通行时间缩短≥30%', '村民满意度≥90%'],
      ['后坑村', '新建村道≥1.5公里', '验收合格率≥98%', '完工时间≤12个月', '通行时间缩短≥30%', '村民满意度≥90%'],
      ['溪口村', '新建村道≥3公里', '验收合格率≥98%', '完工时间≤12个月', '通行时间缩短≥25%', '村民满意度≥90%'],
    ],
    ['A1:F1', 'A2:A3', 'B2:D2'],
  );
}

describe('a transposed 扶贫 table: dimension names across three header rows, one row per 镇 with its 资金', () => {
  test('is read as one table of five region grids, every target at its own cell, names at the header cells', () => {
    const sheet = only(poverty());
    expect(sheet.grids.map((g) => g.region)).toEqual(['浔中镇', '龙浔镇', '盖德镇', '雷峰镇', '上涌镇']);
    expect(new Set(sheet.grids.map((g) => g.header))).toEqual(new Set(['C3']));
    expect(sheet.table.projectName).toBe('德化县2020年扶贫开发项目绩效目标表');
    expect(sheet.table.budget.total).toBe(200);
    const leifeng = sheet.grids[3];
    expect(leifeng.rows.map(({ row }) => [row.level1, row.level2, row.level3, row.value])).toEqual([
      ['产出指标', '数量指标', '受益贫困户数', '≥70户'],
      ['产出指标', '质量指标', '项目验收合格率', '≥95%'],
      ['产出指标', '时效指标', '项目完成时间', '2020年12月底前'],
      ['产出指标', '成本指标', '项目建设成本', '≤36万元'],
      ['效益指标', '经济效益指标', '贫困户户均增收', '≥1800元'],
      ['效益指标', '社会效益指标', '带动脱贫人口', '≥180人'],
      ['满意度指标', '服务对象满意度指标', '贫困户满意度', '≥90%'],
    ]);
    expect(leifeng.rows[3].refs).toMatchObject({ level1: 'C3', level2: 'F4', level3: 'F5', value: 'F9' });
    expect(leifeng.money).toMatchObject({ amount: 30, address: 'B9' });
  });

  test('a bad value in one 镇 is reported at its cell, a cost over that 镇\'s 资金 against it, nothing per row else', () => {
    const issues = issuesOf(poverty());
    expect(issues.filter((i) => i.code === 'unreadable-layout')).toEqual([]);
    const bad = issues.filter((i) => i.code === 'bad-value');
    expect(bad.map((i) => i.cells)).toEqual([['D8']]);
    expect(bad[0].message).toContain('盖德镇');
    const over = issues.filter((i) => i.code === 'cost-over-budget');
    expect(over.map((i) => i.cells)).toEqual([['F9', 'B9']]);
    expect(over[0].message).toContain('雷峰镇');
    expect(issues.filter((i) => i.code === 'missing-dimension' || i.code === 'missing-value')).toEqual([]);
    // The title names the project and the 镇' 资金 sum to its 预算数; only the goal text is truly absent.
    expect(issues.filter((i) => i.code === 'missing-field').map((i) => i.message)).toEqual(['找不到「绩效目标」：表上没有绩效目标（年度目标）栏目']);
  });

  test('takes no fix that would insert rows among the 镇', () => {
    const sheet = only(poverty());
    expect(unfixableLayoutReason(sheet)).toMatch(/横排在表头/);
    const issues = issuesOf(poverty((v) => (v[5][2] = '')));
    expect(issues.filter((i) => i.code === 'missing-value').map((i) => i.cells)).toEqual([['C6']]);
    expect(issues.every((i) => !i.fix)).toBe(true);
  });
});

describe('a transposed 应急救助 table with a 合计 row and no 满意度', () => {
  test('the 合计 row is the whole\'s grid, first; each 镇 a region grid', () => {
    const sheet = only(relief());
    expect(sheet.grids.map((g) => g.region)).toEqual([undefined, '螺城镇', '螺阳镇', '黄塘镇', '紫山镇', '东岭镇']);
    expect(sheet.table.budget.total).toBe(200);
    expect(sheet.refs.budgetTotal).toBe('B5');
    expect(sheet.table.indicators.map((r) => r.value)).toEqual(['≥1000人次', '100%', '≤30天', '有效保障', '持续完善']);
    expect(sheet.grids[2].rows[0].refs.value).toBe('C7');
  });

  test('with 镇 | 金额 labelled on the 三级 row rather than merged down, that row is still the header\'s', () => {
    const labelled = relief();
    labelled.values[1][0] = labelled.values[1][1] = null;
    labelled.values[3][0] = '镇名';
    labelled.values[3][1] = '金额（万元）';
    labelled.merges = labelled.merges.filter((m) => m !== 'A2:A4' && m !== 'B2:B4');
    const sheet = only(labelled);
    expect(sheet.grids.map((g) => g.region)).toEqual([undefined, '螺城镇', '螺阳镇', '黄塘镇', '紫山镇', '东岭镇']);
    expect(sheet.grids[1].rows[1].row).toMatchObject({ level3: '救助对象认定准确率', value: '100%' });
    expect(sheet.grids[1].money).toMatchObject({ amount: 60, address: 'B6' });
  });

  test('the missing 满意度 dimension is reported once, not once per 镇', () => {
    const missing = issuesOf(relief()).filter((i) => i.code === 'missing-dimension');
    // What the table lacks (满意度, and 成本 under 产出), each said once at the header, the 镇 never named.
    expect(missing.map((i) => [i.message, i.cells])).toEqual([
      ['一级指标「产出指标」下缺少二级指标「成本指标」', ['C2']],
      ['缺少一级指标「满意度指标」：本表没有该维度的指标', ['C2']],
    ]);
  });
});

describe('a transposed table with a two-row header (一级 over 二级) and no 三级 row', () => {
  test('each cell gives its indicator\'s name and target, read apart', () => {
    const sheet = only(villages());
    expect(sheet.grids.map((g) => g.region)).toEqual(['下洋村', '后坑村', '溪口村']);
    expect(sheet.grids[1].rows.map(({ row }) => [row.level1, row.level2, row.level3, row.value])).toEqual([
      ['产出指标', '数量指标', '新建村道', '≥1.5公里'],
      ['产出指标', '质量指标', '验收合格率', '≥98%'],
      ['产出指标', '时效指标', '完工时间', '≤12个月'],
      ['效益指标', '社会效益指标', '通行时间缩短', '≥30%'],
      ['满意度指标', '服务对象满意度指标', '村民满意度', '≥90%'],
    ]);
    expect(sheet.grids[2].rows[0].refs).toMatchObject({ level1: 'B2', level2: 'B3', level3: 'B6', value: 'B6' });
    const issues = issuesOf(villages());
    expect(issues.filter((i) => ['unreadable-layout', 'missing-value', 'bad-value'].includes(i.code))).toEqual([]);
    // No 成本 column: said once, at the 产出指标 head, not once per 村.
    expect(issues.filter((i) => i.code === 'missing-dimension').map((i) => [i.message, i.cells])).toEqual([['一级指标「产出指标」下缺少二级指标「成本指标」', ['B2']]]);
  });
});
