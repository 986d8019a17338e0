// Untouched is not wrong (issue 24): a blank form is reported untouched with the rules' full verdict, and a
// live surface holds its empty cells back as 待填写; one typed cell makes it a form being filled in.
import { checkGrid } from '../../src/core/check';
import { gridFromPlan, planBlankSheet } from '../../src/core/sheet/layout';
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
