import { goalWithoutIndicatorRule } from '../../../src/core/rules';
import { goalClauses } from '../../../src/core/rules/goal-without-indicator';
import { parseRowValue } from '../../../src/core/values';
import { seedTable } from '../../support/seed';
import { sheetFromTable } from '../../support/sheetTable';
import { runRule } from './support';

describe('goal-without-indicator', () => {
  it('splits a goal text into clauses, keeping the item number the author wrote', () => {
    expect(goalClauses('1.（1）完成执法人员制证工作。\n（2）提供法律意见；参与重要立法项目。\n（4）支持依法治市工作。')).toEqual([
      { item: '1', text: '完成执法人员制证工作' },
      { item: '2', text: '提供法律意见' },
      { item: '2', text: '参与重要立法项目' },
      { item: '4', text: '支持依法治市工作' },
    ]);
    expect(goalClauses('保障运行。\n二、提升全市公共法律服务水平')).toEqual([{ item: '二', text: '提升全市公共法律服务水平' }]);
  });

  it('reports a promise no indicator measures, at the goals cell, and not once an indicator names it', () => {
    const table = seedTable(1);
    expect(runRule(goalWithoutIndicatorRule, sheetFromTable(table))).toEqual([]);

    table.goals = `${table.goals}\n2.建设全市统一的数据共享交换平台。`;
    const sheet = sheetFromTable(table);
    const issues = runRule(goalWithoutIndicatorRule, sheet);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'info', cells: [sheet.refs.goals] });
    expect(issues[0].message).toBe('绩效目标第 2 条中「建设全市统一的数据共享交换平台」没有看得出对应的三级指标，评审时可能会问如何衡量');

    const row = { ...table.indicators[0], level3: '数据共享交换平台上线数量', description: '数据共享交换平台上线数量', value: '1个' };
    table.indicators.splice(1, 0, { ...row, parsed: parseRowValue(row, table.unit) });
    expect(runRule(goalWithoutIndicatorRule, sheetFromTable(table))).toEqual([]);
  });

  it('names an item numbered in Chinese as written', () => {
    const table = seedTable(1);
    table.goals = `${table.goals}\n二、建设全市统一的数据共享交换平台。`;
    expect(runRule(goalWithoutIndicatorRule, sheetFromTable(table))[0].message).toContain('绩效目标第二条中「建设全市统一的数据共享交换平台」');
  });

  it('takes how many shared terms count as a match from the settings', () => {
    const table = seedTable(3);
    // 「确保法考公正…」 shares one term (法考) with 法考考生投诉下降率.
    expect(runRule(goalWithoutIndicatorRule, sheetFromTable(table))).toHaveLength(1);
    expect(runRule(goalWithoutIndicatorRule, sheetFromTable(table), { goalMatchMinShared: 1 })).toEqual([]);
  });
});
