import { misplacedDimensionRule, missingDimensionRule } from '../../../src/core/rules';
import { seedTable } from '../../support/seed';
import { rowIndex, sheetFromTable } from '../../support/sheetTable';
import { runRule } from './support';

describe('missing-dimension', () => {
  it('is quiet on a complete seed table', () => {
    expect(runRule(missingDimensionRule, sheetFromTable(seedTable(1)))).toEqual([]);
  });

  it('reports a removed 满意度指标 一级 at the indicator header', () => {
    const table = seedTable(1);
    table.indicators = table.indicators.filter((row) => row.level1 !== '满意度指标');
    const sheet = sheetFromTable(table);
    const issues = runRule(missingDimensionRule, sheet);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'error', cells: [sheet.refs.indicatorHeader] });
    expect(issues[0].message).toContain('满意度指标');
  });

  it('reports removed 成本指标 rows under 产出指标, at the group’s first cell', () => {
    const table = seedTable(1);
    table.indicators = table.indicators.filter((row) => row.level2 !== '成本指标');
    const sheet = sheetFromTable(table);
    const issues = runRule(missingDimensionRule, sheet);
    expect(issues.map((i) => i.message)).toEqual([expect.stringContaining('「产出指标」下缺少二级指标「成本指标」')]);
    expect(issues[0].cells).toEqual([sheet.rowRefs[0].level1]);
  });

  it('counts a misplaced 二级 as present (misplaced-dimension reports it)', () => {
    const table = seedTable(2);
    const cost = table.indicators[rowIndex(table, '司法行政业务保障经费支出')];
    cost.level1 = '效益指标';
    expect(runRule(missingDimensionRule, sheetFromTable(table))).toEqual([]);
  });
});

describe('misplaced-dimension', () => {
  it('is quiet on every seed table', () => {
    for (let n = 1; n <= 16; n++) expect(runRule(misplacedDimensionRule, sheetFromTable(seedTable(n)))).toEqual([]);
  });

  it('reports 成本指标 under 效益指标 as an error on the 二级 cell', () => {
    const table = seedTable(2);
    const index = rowIndex(table, '司法行政业务保障经费支出');
    table.indicators[index].level1 = '效益指标';
    // Keep the rows of one 一级 together, as a drawn sheet would.
    const [moved] = table.indicators.splice(index, 1);
    table.indicators.splice(rowIndex(table, '司法行政业务') + 1, 0, moved);
    const sheet = sheetFromTable(table);
    const issues = runRule(misplacedDimensionRule, sheet);
    expect(issues).toHaveLength(1);
    const at = sheet.table.indicators.findIndex((row) => row.level3 === '司法行政业务保障经费支出');
    expect(issues[0]).toMatchObject({ severity: 'error', cells: [sheet.rowRefs[at].level2] });
    expect(issues[0].message).toContain('应在一级指标「产出指标」下，本表放在「效益指标」下');
  });

  it('warns about a 二级 name the framework does not know, and accepts an alias', () => {
    const table = seedTable(1);
    const index = rowIndex(table, '系统正常运行和网络安全');
    table.indicators[index].level2 = '政治效益指标';
    const issues = runRule(misplacedDimensionRule, sheetFromTable(table));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'warning' });
    expect(issues[0].message).toContain('政治效益指标');

    table.indicators[index].level2 = '环境效益指标';
    expect(runRule(misplacedDimensionRule, sheetFromTable(table))).toEqual([]);
  });
});
