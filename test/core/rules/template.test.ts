import { templateMissingIndicatorRule, templateWeakenedTargetRule } from '../../../src/core/rules';
import { loadSeedLibrary, seedTable } from '../../support/seed';
import { rowIndex, setValue, sheetFromTable } from '../../support/sheetTable';
import { runRule } from './support';

describe('template rules', () => {
  const library = loadSeedLibrary();

  it('are quiet when a sheet is its own template (all 16 seed tables)', () => {
    for (let n = 1; n <= 16; n++) {
      const sheet = sheetFromTable(seedTable(n));
      expect(runRule(templateMissingIndicatorRule, sheet, {}, library)).toEqual([]);
      expect(runRule(templateWeakenedTargetRule, sheet, {}, library)).toEqual([]);
    }
  });

  it('are skipped without a library or for an unknown project', () => {
    const table = seedTable(1);
    table.indicators.splice(0, 1);
    expect(runRule(templateMissingIndicatorRule, sheetFromTable(table), {}, null)).toEqual([]);
    table.projectName = '某个新项目';
    expect(runRule(templateMissingIndicatorRule, sheetFromTable(table), {}, library)).toEqual([]);
  });

  it('template-missing-indicator: names the removed indicator and its template value', () => {
    const table = seedTable(1);
    table.indicators.splice(rowIndex(table, '网络安全渗透测试次数'), 1);
    const sheet = sheetFromTable(table);
    const issues = runRule(templateMissingIndicatorRule, sheet, {}, library);
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toContain('「网络安全渗透测试次数」（指标值 ≥1次）');
    expect(issues[0].message).toContain('模板库第 1 表');
    expect(issues[0].cells).toEqual([sheet.rowRefs[0].level2]);
  });

  it('template-missing-indicator: matches names ignoring spaces and punctuation', () => {
    const table = seedTable(1);
    table.indicators[rowIndex(table, '网络安全渗透测试次数')].level3 = '网络安全 渗透测试次数。';
    expect(runRule(templateMissingIndicatorRule, sheetFromTable(table), {}, library)).toEqual([]);
  });

  it('template-weakened-target: a lower floor, a higher cost ceiling, in converted units', () => {
    const table = seedTable(1);
    const count = rowIndex(table, '软件运维系统个数');
    const cost = rowIndex(table, '项目评审费用支出');
    setValue(table, count, '≥10个');
    setValue(table, cost, '≤9000元');
    const sheet = sheetFromTable(table);
    const issues = runRule(templateWeakenedTargetRule, sheet, {}, library);
    expect(issues.map((i) => i.cells[0])).toEqual([sheet.rowRefs[count].value, sheet.rowRefs[cost].value]);
    expect(issues[0].message).toContain('「≥10个」比模板库第 1 表「数字化运维项目」的「≥13个」宽松（下限更低）；若无特别原因，宜沿用「≥13个」');
    expect(issues[1].message).toContain('「≤9000元」比模板库第 1 表「数字化运维项目」的「≤0.8万元」宽松（上限更高）');

    setValue(table, count, '≥15个');
    setValue(table, cost, '≤8000元');
    expect(runRule(templateWeakenedTargetRule, sheetFromTable(table), {}, library)).toEqual([]);
  });
});
