// Untouched is not wrong (issue 24): a blank form is reported untouched with the rules' full verdict, and a
// live surface holds its empty cells back as 待填写; one typed cell makes it a form being filled in. The same
// holds for each table of a sheet holding several (two forms, a flat export) and each 一级 block.
import { checkGrid, checkGridTables } from '../../src/core/check';
import { fromA1 } from '../../src/core/sheet/address';
import { gridFromPlan, planBlankSheet } from '../../src/core/sheet/layout';
import type { CellGrid, CellValue } from '../../src/core/sheet/types';
import { deferWaiting, waitingCount } from '../../src/core/untouched';
import { loadSeedLibrary } from '../support/seed';
import { gridFromTable } from '../support/sheetTable';

describe('untouched forms', () => {
  it.each(['seed', '2021'] as const)('a %s blank form is untouched: 15 errors for the CLI, 15 cells 待填写 in the pane', (framework) => {
    const report = checkGrid(gridFromPlan(planBlankSheet(framework, '空白')))!;
    expect(report.untouched).toBe(true);
    expect(report.issues.filter((issue) => issue.severity === 'error')).toHaveLength(15);
    const shown = deferWaiting(report);
    expect(shown.issues).toEqual([]);
    expect(waitingCount([shown])).toBe(15);
  });

  it('one typed cell makes the form one being filled in: its empty cells are errors again', () => {
    const grid = gridFromPlan(planBlankSheet('seed', '空白'));
    // B3, 项目名称 (zero-based row and column from the grid's top-left A1).
    grid.values[2][1] = '数字化系统运维';
    const report = checkGrid(grid)!;
    expect(report.untouched).toBeUndefined();
    expect(deferWaiting(report)).toBe(report);
    expect(report.issues.filter((issue) => issue.severity === 'error').length).toBe(14);
  });

  it('a filled seed table is never untouched', () => {
    const [table] = loadSeedLibrary().tables;
    expect(checkGrid(gridFromTable(table, 'seed', '表1'))!.untouched).toBeUndefined();
  });

  it.each([
    ['seed', ['效益指标', '满意度指标'], ['C13']],
    ['2021', ['成本指标', '效益指标', '满意度指标'], []],
  ] as const)('a %s form filled down to 时效: the blocks nobody has typed into are 待填写; a started block is not', (framework, blocks, errors) => {
    const plan = planBlankSheet(framework, '空白');
    const grid = gridFromPlan(plan);
    const put = (address: string, value: string) => {
      const [, column, row] = /^([A-Z])(\d+)$/.exec(address)!;
      grid.values[Number(row) - 1][column.charCodeAt(0) - 65] = value;
    };
    const rowOf = (level2: string) => Number(/\d+$/.exec(plan.cells.find((cell) => cell.value === level2)!.address)![0]);
    put('B3', '数字化系统运维');
    for (const [level2, name, value] of [['数量指标', '运维系统数量', '≥5个'], ['质量指标', '系统正常运行率', '≥99%'], ['时效指标', '运维服务时间', '2024年12月底前']]) {
      put(`C${rowOf(level2)}`, name);
      put(`E${rowOf(level2)}`, value);
    }
    const report = checkGrid(grid)!;
    expect(report.untouched).toBeUndefined();
    expect(report.untouchedBlocks?.map((block) => block.level1)).toEqual(blocks);
    const shown = deferWaiting(report);
    // Each untouched block's empty row waits; what is empty in the blocks being filled in stays an error.
    expect(shown.waiting?.map((issue) => issue.code)).toEqual(blocks.map(() => 'missing-value'));
    expect(shown.issues.filter((issue) => issue.code === 'missing-value').map((issue) => issue.cells[0])).toEqual(errors);
    // Typing into the 效益 block starts it: its empty row is an error again, the other blocks still wait.
    put(`C${rowOf('经济效益指标')}`, '降低业务中断损失');
    const started = deferWaiting(checkGrid(grid)!);
    expect(started.issues.filter((issue) => issue.code === 'missing-value').map((issue) => issue.cells[0])).toEqual([...errors, `E${rowOf('经济效益指标')}`]);
    expect(started.waiting?.length).toBe(blocks.length - 1);
  });
});

/** Two blank forms one under the other on one sheet (a sheet with two projects), three empty rows apart. */
function twoForms(framework: 'seed' | '2021'): { grid: CellGrid; second: number } {
  const one = gridFromPlan(planBlankSheet(framework, '两个项目'));
  const second = one.values.length + 3;
  const shift = (range: string): string => range.replace(/\d+/g, (row) => String(Number(row) + second));
  const values = [...one.values, [], [], [], ...gridFromPlan(planBlankSheet(framework, '两个项目')).values].map((row) => [...row]);
  return { grid: { ...one, values, merges: [...one.merges, ...one.merges.map(shift)] }, second };
}

const put = (grid: CellGrid, address: string, value: string): void => {
  const { row, col } = fromA1(address);
  grid.values[row][col] = value;
};

describe('a sheet of several tables, some untouched', () => {
  it.each(['seed', '2021'] as const)('two %s forms, the first being filled in: the second waits whole, the first’s empty cells are errors', (framework) => {
    const { grid, second } = twoForms(framework);
    put(grid, 'B3', '数字化系统运维');
    const [first, untouched] = checkGridTables(grid);
    expect(untouched.untouched).toBe(true);
    const report = checkGrid(grid)!;
    expect(report.untouched).toBeUndefined();
    const shown = deferWaiting(report);
    // The second form's every empty required cell waits (15 on a blank form), all below the first form.
    expect(shown.waiting).toHaveLength(15);
    expect(shown.waiting!.every((issue) => fromA1(issue.cells[0]).row >= second)).toBe(true);
    expect(shown.waiting!.map((issue) => issue.cells)).toEqual(untouched.issues.filter((issue) => issue.severity === 'error').map((issue) => issue.cells));
    // The first form's empty cells stay errors, named by its project; the CLI's verdict still has both.
    expect(shown.issues.filter((issue) => issue.severity === 'error')).toHaveLength(first.issues.filter((issue) => issue.severity === 'error').length);
    expect(shown.issues.every((issue) => issue.message.startsWith('「数字化系统运维」'))).toBe(true);
    expect(report.issues.filter((issue) => issue.severity === 'error')).toHaveLength(shown.issues.length + 15);
    expect(shown.waiting!.every((issue) => issue.message.startsWith('第 2 张表：'))).toBe(true);
    expect(report.untouchedBlocks?.filter((block) => block.level1 === undefined).map((block) => block.table)).toEqual(['第 2 张表']);
    // One typed cell in the second form starts it: its empty cells are errors too.
    put(grid, `B${second + 3}`, '档案数字化');
    expect(deferWaiting(checkGrid(grid)!).waiting).toBeUndefined();
  });

  it('a flat export: a project the listing prints (name, amount) with nothing typed waits; the project being filled in does not', () => {
    const rows: CellValue[][] = [
      ['金额单位：万元'],
      ['单位名称', '项目名称', '预算数', '年度目标', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位'],
      ['820001-马踏镇', '村组干部报酬', 30, '按时发放报酬', '产出指标', '数量指标', '发放人数', '≥', 95, '人'],
      [null, null, null, null, '产出指标', '质量指标', null, null, null, null],
      [null, null, null, null, '满意度指标', '服务对象满意度指标', '干部满意度', '≥', 95, '%'],
      ['820001-马踏镇', '基层组织活动经费', 20, null, '产出指标', '数量指标', null, null, null, null],
      [null, null, null, null, '产出指标', '质量指标', null, null, null, null],
      [null, null, null, null, '效益指标', '社会效益指标', null, null, null, null],
      [null, null, null, null, '满意度指标', '服务对象满意度指标', null, null, null, null],
    ];
    const grid: CellGrid = { sheetName: '一体化导出', top: 0, left: 0, values: rows, merges: [] };
    const shown = deferWaiting(checkGrid(grid)!);
    // 基层组织活动经费: its 年度目标 and every row's 三级指标 and 指标值 wait.
    expect(shown.waiting?.map((issue) => issue.cells[0])).toEqual(['D6', 'G6', 'I6', 'G7', 'I7', 'G8', 'I8', 'G9', 'I9']);
    // 村组干部报酬's empty 质量 row is in a block being filled in (产出): an error.
    expect(shown.issues.filter((issue) => issue.code === 'missing-value').map((issue) => issue.cells[0])).toEqual(['G4']);
    // What the untouched project still shows is its shape (no 时效 or 成本 row printed), not an empty cell.
    expect(new Set(shown.issues.filter((issue) => issue.message.startsWith('「基层组织活动经费」')).map((issue) => issue.code))).toEqual(new Set(['missing-dimension']));
    // Typing its 年度目标 starts the project: its empty cells are errors.
    rows[5][3] = '保障活动开展';
    expect(deferWaiting(checkGrid(grid)!).waiting).toBeUndefined();
  });
});
