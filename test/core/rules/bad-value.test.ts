import { badValueRule } from '../../../src/core/rules';
import { seedTable } from '../../support/seed';
import { rowIndex, setValue, sheetFromTable } from '../../support/sheetTable';
import { runRule } from './support';

describe('bad-value', () => {
  it('accepts legitimate qualitative 质量 and 效益 values (seed table 4: 按照全国统一标准式样, 一人一证)', () => {
    expect(runRule(badValueRule, sheetFromTable(seedTable(4)))).toEqual([]);
  });

  it('reports a placeholder as an error at the value cell', () => {
    const table = seedTable(1);
    const index = rowIndex(table, '软件运维系统个数');
    setValue(table, index, 'XX');
    const sheet = sheetFromTable(table);
    const issues = runRule(badValueRule, sheet);
    expect(issues).toEqual([expect.objectContaining({ severity: 'error', cells: [sheet.rowRefs[index].value] })]);
    expect(issues[0].message).toContain('占位符');
  });

  it('reports a percentage above settings.maxPercent', () => {
    const table = seedTable(1);
    setValue(table, rowIndex(table, '运维服务验收通过率'), '≥105%');
    const sheet = sheetFromTable(table);
    expect(runRule(badValueRule, sheet).map((i) => [i.severity, i.message])).toEqual([
      ['error', expect.stringContaining('为 105%，超过 100%，超出 5 个百分点；宜改为不超过 100% 的目标，或换用数量单位')],
    ]);
    expect(runRule(badValueRule, sheet, { maxPercent: 120 })).toEqual([]);
  });

  it('warns about a bare number unless the 三级 name or a unit column gives the unit', () => {
    const table = seedTable(1);
    const index = rowIndex(table, '租赁网络数量');
    setValue(table, index, '≥2');
    expect(runRule(badValueRule, sheetFromTable(table)).map((i) => i.message)).toEqual([
      expect.stringContaining('「≥2」没有计量单位'),
    ]);
    table.indicators[index].level3 = '租赁网络数量（条）';
    setValue(table, index, '≥2');
    expect(runRule(badValueRule, sheetFromTable(table))).toEqual([]);
    table.indicators[index].level3 = '网络安全漏洞扫描次数';
    setValue(table, index, '≥2');
    expect(runRule(badValueRule, sheetFromTable(table))).toEqual([]);
  });

  it('warns about text under 数量 and 成本, not under 质量 or 时效', () => {
    const table = seedTable(1);
    setValue(table, rowIndex(table, '硬件运维系统个数'), '满足需要');
    setValue(table, rowIndex(table, '项目评审费用支出'), '按实际发生');
    setValue(table, rowIndex(table, '运维服务验收通过率'), '验收合格');
    setValue(table, rowIndex(table, '运维时间'), '按进度完成');
    const sheet = sheetFromTable(table);
    const issues = runRule(badValueRule, sheet);
    expect(issues.map((i) => i.cells[0])).toEqual([
      sheet.rowRefs[rowIndex(table, '硬件运维系统个数')].value,
      sheet.rowRefs[rowIndex(table, '项目评审费用支出')].value,
    ]);
    expect(issues.every((i) => i.severity === 'warning')).toBe(true);
  });

  it('warns about a 满意度 target below settings.minSatisfaction, or written as text', () => {
    const table = seedTable(1);
    const index = rowIndex(table, '使用人员满意度');
    setValue(table, index, '≥85%');
    expect(runRule(badValueRule, sheetFromTable(table)).map((i) => i.message)).toEqual([
      expect.stringContaining('「≥85%」低于 90%，差 5 个百分点；宜改为「≥90%」'),
    ]);
    expect(runRule(badValueRule, sheetFromTable(table), { minSatisfaction: 80 })).toEqual([]);
    // Written as a ceiling: the fix keeps the unit's own number, as a floor.
    setValue(table, index, '≤95%');
    expect(runRule(badValueRule, sheetFromTable(table)).map((i) => i.message)).toEqual([
      '服务对象满意度指标「使用人员满意度」写成上限「≤95%」：满意度目标应为下限，宜改为「≥95%」',
    ]);
    setValue(table, index, '不断提升');
    expect(runRule(badValueRule, sheetFromTable(table)).map((i) => i.message)).toEqual([
      expect.stringContaining('不是可测量的满意度'),
    ]);
  });

  it('finds the real cases in the seed: table 9 满意度 不断提升, table 15 成本 按《…办法》支付费用', () => {
    const nine = runRule(badValueRule, sheetFromTable(seedTable(9)));
    expect(nine.map((i) => i.message)).toEqual([expect.stringContaining('「不断提升」不是可测量的满意度')]);
    const fifteen = runRule(badValueRule, sheetFromTable(seedTable(15)));
    expect(fifteen.map((i) => i.message)).toEqual([expect.stringContaining('不是可核验的金额')]);
  });

  it('reports a negative money 指标值 as an error, the typeset minus sign too; a unit cost as well', () => {
    const table = seedTable(1);
    setValue(table, rowIndex(table, '运维费用支出'), '≤-200万元');
    setValue(table, rowIndex(table, '项目评审费用支出'), '≤\u22120.8万元');
    const sheet = sheetFromTable(table);
    expect(runRule(badValueRule, sheet).map((i) => [i.severity, i.cells[0], i.message])).toEqual([
      ['error', sheet.rowRefs[rowIndex(table, '运维费用支出')].value, expect.stringContaining('「≤-200万元」是负数：金额不能为负')],
      ['error', sheet.rowRefs[rowIndex(table, '项目评审费用支出')].value, expect.stringContaining('是负数：金额不能为负')],
    ]);
    setValue(table, rowIndex(table, '运维费用支出'), '≤-65元/小时');
    setValue(table, rowIndex(table, '项目评审费用支出'), '≤0.8万元');
    expect(runRule(badValueRule, sheetFromTable(table)).map((i) => i.message)).toEqual([expect.stringContaining('「≤-65元/小时」是负数')]);
  });

  it('reports a negative 预算数, 财政资金 or 其他资金 at its cell', () => {
    const table = seedTable(1);
    table.budget = { total: -292, fiscal: 392, other: -100 };
    const sheet = sheetFromTable(table);
    expect(runRule(badValueRule, sheet).map((i) => [i.severity, i.cells, i.message])).toEqual([
      ['error', [sheet.refs.budgetTotal], '预算数为 -292万元，是负数：金额不能为负'],
      ['error', [sheet.refs.budgetOther], '其他资金为 -100万元，是负数：金额不能为负'],
    ]);
    expect(sheet.refs.budgetTotal).not.toBeNull();
  });
});
