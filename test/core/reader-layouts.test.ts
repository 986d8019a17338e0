// Layouts of published 绩效目标表 (see test/fixtures/real for the real tables these are cut from): each case
// is a small grid in that layout, read and checked through the same path as the CLI.
import { checkGridTables } from '../../src/core/check';
import { detectFrameworkOfRows, FRAMEWORK_LIST, FRAMEWORKS } from '../../src/core/frameworks';
import { readSheetTables } from '../../src/core/sheet/reader';
import type { CellGrid, CellValue } from '../../src/core/sheet/types';
import { parseValue } from '../../src/core/values';

function grid(values: CellValue[][], merges: string[] = []): CellGrid {
  return { sheetName: '表', top: 0, left: 0, values, merges };
}

const codes = (g: CellGrid) => checkGridTables(g).map((r) => [...new Set(r.issues.map((i) => i.code))].sort());

describe('frameworks as a registry', () => {
  test('every registered framework has a label, a blank form name and validated dimensions', () => {
    expect(FRAMEWORK_LIST.map((f) => f.name)).toEqual(['seed', '2021', 'older']);
    for (const framework of FRAMEWORK_LIST) {
      expect(framework.label).not.toBe('');
      expect(framework.blankName).not.toBe('');
    }
  });

  test('a sheet is judged by the framework its rows follow', () => {
    expect(detectFrameworkOfRows([{ level1: '效益指标', level2: '社会公众或服务对象满意度指标' }])).toBe('older');
    expect(detectFrameworkOfRows([{ level1: '成本指标', level2: '经济成本指标' }])).toBe('2021');
    expect(detectFrameworkOfRows([{ level1: '满意度指标', level2: '服务对象满意度指标' }])).toBe('seed');
  });

  test('the older form: 满意度 under 效益 is not missing or misplaced; without it, it is missing', () => {
    const rows: CellValue[][] = [
      ['项目名称', '雾炮车服务'],
      ['年度本级预算金额', '250万'],
      ['本年度绩效目标', '空气质量达到优良'],
      ['一级指标', '二级指标', '三级指标', '指标值及单位'],
      ['产出指标', '数量指标', '配备车辆数', '10辆'],
      [null, '质量指标', '空气质量', '优良'],
      [null, '时效指标', '服务周期', '2023年12月底前'],
      [null, '成本指标', '控制在预算成本内', '250万'],
      ['效益指标', '社会效益指标', '市民满意程度', '≥85%'],
      [null, '社会公众或服务对象满意度指标', '市民满意度', '≥90%'],
    ];
    const [report] = checkGridTables(grid(rows));
    expect(report.framework).toBe('older');
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const without = checkGridTables(grid(rows.slice(0, -1)))[0];
    expect(without.issues.map((i) => i.code)).toContain('missing-dimension');
    // 250万 cost against a 250万 budget is within it; 2600000元 is 260万元, above it.
    rows[7] = [null, '成本指标', '控制在预算成本内', '≤2600000元'];
    expect(codes(grid(rows))[0]).toContain('cost-over-budget');
  });

  test('101号: 社会成本 valued 无 is how a unit says there is none, not a placeholder', () => {
    const rows: CellValue[][] = [
      ['项目名称', '某项目'],
      ['预算数', 10],
      ['绩效目标', '完成培训'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['成本指标', '经济成本指标', '培训费', '≤10万元'],
      [null, '社会成本指标', '社会成本', '无'],
      [null, '生态环境成本指标', '生态环境成本', '不造成负面影响'],
    ];
    const issues = checkGridTables(grid(rows))[0].issues.filter((i) => i.code === 'bad-value');
    expect(issues).toEqual([]);
    rows[4] = ['成本指标', '经济成本指标', '培训费', '无'];
    expect(checkGridTables(grid(rows))[0].issues.filter((i) => i.code === 'bad-value').map((i) => i.cells[0])).toEqual(['D5']);
  });
});

describe('published layouts', () => {
  test('a flat 预算管理一体化 export: one table per project, operators from 指标性质, units from 度量单位, total rows skipped', () => {
    const rows: CellValue[][] = [
      ['金额单位：元'],
      ['单位名称', '项目名称', '预算数', '年度目标', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位'],
      ['820-马踏镇', null, 5000, null, null, null, null, null, null, null],
      ['820001-马踏镇', '村组干部报酬', 3000, '按时发放报酬', '产出指标', '数量指标', '发放人数', '≥', 95, '人'],
      [null, null, null, null, '满意度指标', '服务对象满意度指标', '干部满意度', '≥', 95, '%'],
      [null, null, null, null, '产出指标', '成本指标', '报酬总额', '≤', 4000, '元'],
      ['820001-马踏镇', '基层组织活动经费', 2000, '保障活动开展', '产出指标', '数量指标', '活动次数', '≥', 12, '次'],
      ['合计', null, 5000, null, null, null, null, null, null, null],
    ];
    const read = readSheetTables(grid(rows));
    expect(read.tables.map((t) => t.table.projectName)).toEqual(['村组干部报酬', '基层组织活动经费']);
    const [first, second] = read.tables;
    expect(first.table.unit).toBe('元');
    expect(first.table.budget.total).toBe(3000);
    expect(first.table.indicators.map((r) => r.value)).toEqual(['≥95', '≥95', '≤4000']);
    expect(first.table.indicators[1].parsed).toMatchObject({ kind: 'ratio', number: 95, operator: '≥' });
    expect(first.rowRefs[2].value).toBe('I6');
    expect(second.table.indicators.map((r) => r.level3)).toEqual(['活动次数']);
    rows[5][8] = 4000;
    rows[5][9] = '万元';
    expect(codes(grid(rows))[0]).toContain('cost-over-budget');
    expect(codes(grid(rows))[1]).not.toContain('cost-over-budget');
  });

  test('中长期 and 年度 grids side by side: the annual one is the table, the other is checked where filled', () => {
    const rows: CellValue[][] = [
      ['项目名称', '某项目'],
      ['预算数', 10],
      ['中长期目标', '三年完成', null, '年度目标', '本年完成'],
      ['中长期指标', null, null, '年度指标'],
      ['一级指标', '二级指标', '指标值', '一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '≥30次', '产出指标', '数量指标', '培训次数', '≥10次'],
      ['填报人：某某', null, null, '联系电话：略'],
    ];
    const [sheet] = readSheetTables(grid(rows)).tables;
    expect(sheet.table.indicators.map((r) => r.value)).toEqual(['≥10次']);
    expect(sheet.table.goals).toBe('本年完成');
    expect(sheet.otherGrids?.map((g) => [g.scope, g.goals, g.indicators.map((r) => r.value)])).toEqual([['overall', '三年完成', ['≥30次']]]);
  });

  test('signature and approval rows end the grid and are never indicators', () => {
    const rows: CellValue[][] = [
      ['项目名称', '某项目'],
      ['预算数', 10],
      ['绩效目标', '完成'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '培训次数', '≥10次'],
      ['财政部门审核意见'],
      ['单位（盖章）', null, '审核人', null],
    ];
    const [sheet] = readSheetTables(grid(rows)).tables;
    expect(sheet.table.indicators.map((r) => r.level3)).toEqual(['培训次数']);
  });

  test('a value column over two header rows: the target is read, not the actual value', () => {
    const rows: CellValue[][] = [
      ['项目名称', '某项目'],
      ['预算数', 10],
      ['绩效目标', '完成'],
      ['一级指标', '二级指标', '三级指标', '指标值', null],
      [null, null, null, '实际完成值', '年度目标值'],
      ['产出指标', '数量指标', '培训次数', '8次', '≥10次'],
    ];
    const [sheet] = readSheetTables(grid(rows, ['A4:A5', 'B4:B5', 'C4:C5', 'D4:E4'])).tables;
    expect(sheet.table.indicators.map((r) => r.value)).toEqual(['≥10次']);
    expect(sheet.rowRefs[0].value).toBe('E6');
  });

  test('header fields as columns: labels in one row, values under them', () => {
    const rows: CellValue[][] = [
      ['项目名称', '主管部门', '资金总额（元）', '其中：财政资金（元）'],
      ['某项目', '某局', 2500000, 2500000],
      ['绩效目标', '完成'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '成本指标', '培训费', '≤300万元'],
    ];
    const [sheet] = readSheetTables(grid(rows)).tables;
    expect(sheet.table.projectName).toBe('某项目');
    expect(sheet.table.budget).toEqual({ total: 250, fiscal: 250, other: null });
    expect(codes(grid(rows))[0]).toContain('cost-over-budget');
  });

  test('a bare 万 is 万元 where the name speaks of money, and stays a count elsewhere', () => {
    expect(parseValue('250万', { level3: '控制在预算成本内' })).toMatchObject({ kind: 'moneyTotal', amount: 250 });
    expect(parseValue('≥2万', { level3: '服务人数' }).kind).not.toBe('moneyTotal');
    expect(FRAMEWORKS.older.level1.map((l) => l.name)).toEqual(['产出指标', '效益指标']);
  });
});
