// A budget list whose indicators are written inside one text cell per project (安徽's 部门项目绩效目标和指标,
// S26): each project row is read as a table of its own, every indicator's cell that one cell. Shown on S26's
// own sheet (scripts/fixtures/corpus/published4.ts) and on variants of its cell text.
import { huangshanGongan } from '../../scripts/fixtures/corpus/published4';
import { checkGridTables } from '../../src/core/check';
import { indicatorRowsFix } from '../../src/core/fixes';
import { sheetGrids } from '../../src/core/rules/helpers';
import { readSheetTables } from '../../src/core/sheet/reader';
import type { CellGrid, CellValue, SheetTable } from '../../src/core/sheet/types';

const S26 = huangshanGongan.sheets[0];
/** S26's 绩效目标 cell (E6) as printed. */
const CELL = S26.rows[5][4] as string;

/** S26's sheet, its project's 绩效目标 cell replaced by `text` (and the other changes given). */
function s26(text: string = CELL, edit: (values: CellValue[][]) => void = () => {}): CellGrid {
  const values = S26.rows.map((row) => [...row]);
  values[5][4] = text;
  edit(values);
  return { sheetName: S26.name, top: 0, left: 0, values, merges: [...(S26.merges ?? [])] };
}

const tablesOf = (grid: CellGrid): SheetTable[] => readSheetTables(grid).tables;
const rowsOf = (table: SheetTable) => table.table.indicators.map((r) => [r.level1, r.level2, r.level3, r.value]);
const issuesOf = (grid: CellGrid) => checkGridTables(grid).flatMap((r) => r.issues);

/** S26's nine indicators as its cell writes them. */
const S26_ROWS = [
  ['产出指标', '数量指标', '机柜数量', '≥77台'],
  ['产出指标', '质量指标', '视频监控在线率', '≥0.97比例'],
  ['产出指标', '时效指标', '维护及时性', '<24小时'],
  ['产出指标', '成本指标', '维护成本', '<1681680元'],
  ['效益指标', '经济效益指标', '为全市经济发展保驾护航', '正面支撑'],
  ['效益指标', '社会效益指标', '服务保障民生', '有力保障'],
  ['效益指标', '生态效益指标', '为生态环境保护提供支撑', '正面支撑'],
  ['效益指标', '可持续影响指标', '持续保障社会发展', '持续保障'],
  ['满意度指标', '服务对象满意度指标', '提升群众安全感', '≥90%'],
];

describe('S26: the 雪亮工程 project of 黄山市公安局\'s list', () => {
  test('is read as one table: name, money (元), department, goals and the nine indicators of its cell, every one at E6', () => {
    const tables = tablesOf(s26());
    // The unit, the 其他运转类 / 本级项目 categories hold no indicator cell: no tables of their own.
    expect(tables).toHaveLength(1);
    const [sheet] = tables;
    expect(sheet.table.projectName).toBe('黄山市雪亮工程市本级机房租赁2024至2027服务采购项目');
    expect([sheet.table.unit, sheet.table.budget]).toEqual(['元', { total: 1681680, fiscal: null, other: null }]);
    expect(sheet.table.department).toEqual({ code: '037001', name: '黄山市公安局' });
    expect(sheet.table.goals).toBe('保障雪亮工程机房租赁延续,保障机房内所有设备设施运转,保障雪亮工程持续发挥积极作用');
    expect(sheet.table.purpose).toMatch(/^【项目概况】:该项目为市本级雪亮工程后端机房租赁服务/);
    expect(rowsOf(sheet)).toEqual(S26_ROWS);
    expect(sheet.framework).toBe('seed');
    expect(sheet.grids).toHaveLength(1);
    expect(sheet.grids[0]).toMatchObject({ header: 'E6', goalsRef: 'E6', inCell: true });
    expect(new Set(sheet.grids[0].rows.flatMap(({ refs }) => [refs.level1, refs.level2, refs.level3, refs.value]))).toEqual(new Set(['E6']));
    expect(sheet.refs).toMatchObject({ projectName: 'B6', budgetTotal: 'C6', goals: 'E6' });
  });

  test('its issues land on E6 and name the indicator: the targets in words, nothing missing, the cost within the budget', () => {
    const issues = issuesOf(s26());
    expect(issues.map((i) => [i.code, i.cells])).toEqual([
      ['vague-target', ['E6']],
      ['vague-target', ['E6']],
    ]);
    expect(issues[0].message).toContain('社会效益指标「服务保障民生」的指标值「有力保障」');
  });

  test('the list read by content when its label row is gone (headers removed)', () => {
    const withLabels = tablesOf(s26());
    const without = tablesOf(s26(CELL, (values) => (values[1] = [])));
    expect(without).toHaveLength(1);
    expect(without.map((t) => [t.table.projectName, t.table.budget, t.table.unit, rowsOf(t)])).toEqual(withLabels.map((t) => [t.table.projectName, t.table.budget, t.table.unit, rowsOf(t)]));
  });
});

describe('variants of the cell text', () => {
  test('another heading style: [一级—二级], 指标N：名称：目标, 名称（目标）, ；-separated, no numbering', () => {
    const text = [
      '［总体目标］保障雪亮工程机房租赁延续',
      '[产出指标—数量指标]指标1：机柜数量：≥77台',
      '[产出指标—质量指标]视频监控在线率（≥0.97比例）',
      '[产出指标—时效指标]维护及时性：<24小时',
      '[产出指标—成本指标]维护成本（<1681680元）',
      '[效益指标—经济效益指标]为全市经济发展保驾护航（正面支撑）；',
      '[效益指标—社会效益指标]服务保障民生（有力保障）',
      '[效益指标—生态效益指标]为生态环境保护提供支撑（正面支撑）',
      '[效益指标—可持续影响指标]持续保障社会发展（持续保障）',
      '[满意度指标—服务对象满意度指标]提升群众安全感（≥90%）',
    ].join('');
    const [sheet] = tablesOf(s26(text));
    expect(rowsOf(sheet)).toEqual(S26_ROWS);
    expect(sheet.table.goals).toBe('保障雪亮工程机房租赁延续');
  });

  test('numbered headings on lines of their own (一、产出指标 / （一）数量指标) and ；-separated indicators under one', () => {
    const text = ['一、产出指标', '（一）数量指标', '1.机柜数量(≥77台)；2.服务器数量(≥3台)', '（二）质量指标', '视频监控在线率≥97%', '二、满意度指标', '服务对象满意度指标', '群众满意度(≥90%)'].join('\n');
    const [sheet] = tablesOf(s26(text));
    expect(rowsOf(sheet).map((r) => r.slice(2))).toEqual([
      ['机柜数量', '≥77台'],
      ['服务器数量', '≥3台'],
      ['视频监控在线率', '≥97%'],
      ['群众满意度', '≥90%'],
    ]);
  });

  test('a project without 成本 is told so on its cell, and offered no fix that would write into the list', () => {
    const text = CELL.replace('【产出指标-成本指标】\n指标1:维护成本(<1681680元)\n', '');
    const missing = issuesOf(s26(text)).filter((i) => i.code === 'missing-dimension');
    expect(missing.map((i) => [i.cells, i.message])).toEqual([[['E6'], '一级指标「产出指标」下缺少二级指标「成本指标」']]);
    // Unguarded, this fix inserted a row 7 into the list and wrote 成本指标 into its 绩效目标 column.
    expect(missing[0].fix).toBeUndefined();
  });

  test('a cost above the budget line (元 against 元) is cost-over-budget on the cell and the money', () => {
    const over = issuesOf(s26(CELL.replace('<1681680元', '<2000000元'))).filter((i) => i.code === 'cost-over-budget');
    expect(over.map((i) => i.cells)).toEqual([['E6', 'C6']]);
    expect(over[0].message).toContain('成本指标「维护成本」的指标值「<2000000元」');
  });

  test('a money label naming 万元 is read in 万元: the same cost in 元 is then within 168.168万元', () => {
    const grid = s26(CELL, (values) => {
      values[1][2] = '年度预算安排（万元）';
      values[5][2] = 168.168;
    });
    const [sheet] = tablesOf(grid);
    expect([sheet.table.unit, sheet.table.budget.total, sheet.refs.unit]).toEqual(['万元', 168.168, 'C2']);
    expect(issuesOf(grid).map((i) => i.code)).not.toContain('cost-over-budget');
    expect(issuesOf(s26(CELL.replace('<1681680元', '<2000000元'), (values) => {
      values[1][2] = '年度预算安排（万元）';
      values[5][2] = 168.168;
    })).map((i) => i.code)).toContain('cost-over-budget');
  });

  test('a cost written as a lower bound keeps its issue but no fix: rewriting E6 would erase every other indicator', () => {
    const issues = issuesOf(s26(CELL.replace('<1681680元', '≥1000元')));
    const lower = issues.filter((i) => i.code === 'cost-lower-bound');
    expect(lower.map((i) => i.cells)).toEqual([['E6']]);
    expect(issues.filter((i) => i.fix || i.choices)).toEqual([]);
  });

  test('inserting indicator rows into such a table is refused with a Chinese reason', () => {
    const [sheet] = tablesOf(s26());
    const result = indicatorRowsFix(sheet, sheetGrids(sheet)[0], [{ level1: '产出指标', level2: '数量指标', level3: '服务器数量', value: '≥3台' }]);
    expect(result.fix).toBeNull();
    expect(result.reason).toContain('本表的指标以文字写在单元格 E6 中，无法自动修正');
  });
});

describe('a list of several projects', () => {
  test('each project row is a table of its own, under its unit; 项目类别 rows are none', () => {
    const second = ['【总体目标】', '保障执法办案', '【产出指标-数量指标】', '指标1:办案数量(≥100件)', '【满意度指标-服务对象满意度指标】', '指标1:群众满意度(≥90%)'].join('\n');
    const grid = s26(CELL, (values) => {
      values.push(['   037002', '   执法办案费', 100000, '【项目概况】:执法办案', second]);
      values.push([' 037002', ' 黄山市公安局交通警察支队', 500000]);
      // 签字 and 联系人： inside a project's cells are its words, not a signature row ending the list.
      values.push(['   037002', '   交通设施维护', 400000, '维护交通设施，联系人：交警支队', second.replace('办案数量(≥100件)', '合同签字率(100%)')]);
    });
    const tables = tablesOf(grid);
    expect(tables.map((t) => [t.table.projectName, t.table.budget.total, t.table.department.name, t.grids[0].header, t.table.indicators.length])).toEqual([
      ['黄山市雪亮工程市本级机房租赁2024至2027服务采购项目', 1681680, '黄山市公安局', 'E6', 9],
      ['执法办案费', 100000, '黄山市公安局', 'E8', 2],
      ['交通设施维护', 400000, '黄山市公安局交通警察支队', 'E10', 2],
    ]);
  });

  test('a lone cell of such text, with no name or money on its row, is no list: reported unreadable, never read', () => {
    const lone: CellGrid = { sheetName: '填报说明', top: 0, left: 0, values: [['说明'], [], [CELL]], merges: [] };
    expect(tablesOf(lone)).toEqual([]);
    expect(checkGridTables(lone).map((r) => r.issues.map((i) => [i.code, i.cells[0]]))).toEqual([[['unreadable-layout', 'A3']]]);
  });

  test('headings with no target under them are no indicators: still reported unreadable', () => {
    const reports = checkGridTables(s26(['【产出指标-数量指标】', '机柜数量', '【效益指标-社会效益指标】', '服务保障民生'].join('\n')));
    expect(reports.map((r) => r.issues.map((i) => i.code))).toEqual([['unreadable-layout']]);
  });
});
