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
});
