import { fundsMismatchRule, missingFieldRule, missingValueRule } from '../../../src/core/rules';
import { seedTable } from '../../support/seed';
import { rowIndex, setValue, sheetFromTable } from '../../support/sheetTable';
import { runRule } from './support';

describe('funds-mismatch', () => {
  it('treats a blank 其他资金 as 0 (seed table 1: 292 = 292 + blank)', () => {
    const table = seedTable(1);
    expect(table.budget.other).toBeNull();
    expect(runRule(fundsMismatchRule, sheetFromTable(table))).toEqual([]);
  });

  it('reports 财政资金 + 其他资金 ≠ 预算数 with the numbers and the three cells', () => {
    const table = seedTable(1);
    table.budget.other = 10;
    const sheet = sheetFromTable(table);
    const issues = runRule(fundsMismatchRule, sheet);
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toBe('财政资金 292万元 + 其他资金 10万元 = 302万元，与预算数 292万元 不符，多出 10万元；若预算数无误，财政资金应为 282万元，或其他资金应为 0万元');
    // Short of the budget: the fix is what would make the sum come out; a source that would go negative is not offered.
    table.budget.other = 0;
    table.budget.fiscal = 250;
    expect(runRule(fundsMismatchRule, sheetFromTable(table))[0].message).toBe(
      '财政资金 250万元 + 其他资金 0万元 = 250万元，与预算数 292万元 不符，少 42万元；若预算数无误，财政资金应为 292万元，或其他资金应为 42万元',
    );
    table.budget.fiscal = 300;
    table.budget.other = 10;
    expect(runRule(fundsMismatchRule, sheetFromTable(table))[0].message).toBe(
      '财政资金 300万元 + 其他资金 10万元 = 310万元，与预算数 292万元 不符，多出 18万元；若预算数无误，财政资金应为 282万元',
    );
    expect(issues[0].cells).toEqual([sheet.refs.budgetTotal, sheet.refs.budgetFiscal, sheet.refs.budgetOther]);
  });

  it('allows a difference within settings.fundsTolerance', () => {
    const table = seedTable(1);
    table.budget.fiscal = 291.99;
    const sheet = sheetFromTable(table);
    expect(runRule(fundsMismatchRule, sheet, { fundsTolerance: 0.02 })).toEqual([]);
    expect(runRule(fundsMismatchRule, sheet, { fundsTolerance: 0.001 })).toHaveLength(1);
  });
});

describe('missing-field', () => {
  it('is quiet on a complete seed table', () => {
    expect(runRule(missingFieldRule, sheetFromTable(seedTable(3)))).toEqual([]);
  });

  it('reports an empty 预算数 and empty 绩效目标 at their cells', () => {
    const table = seedTable(3);
    table.budget.total = null;
    table.goals = '';
    const sheet = sheetFromTable(table);
    const issues = runRule(missingFieldRule, sheet);
    expect(issues.map((i) => i.message)).toEqual([expect.stringContaining('预算数为空'), expect.stringContaining('绩效目标为空')]);
    expect(issues[0].cells).toEqual([sheet.refs.budgetTotal]);
    expect(issues.every((i) => i.severity === 'error')).toBe(true);
  });
});

describe('missing-value', () => {
  it('is quiet on a complete seed table', () => {
    expect(runRule(missingValueRule, sheetFromTable(seedTable(4)))).toEqual([]);
  });

  it('reports a row without 指标值 at the value cell', () => {
    const table = seedTable(4);
    const index = rowIndex(table, '执法证质量');
    setValue(table, index, '');
    const sheet = sheetFromTable(table);
    const issues = runRule(missingValueRule, sheet);
    expect(issues).toEqual([
      { code: 'missing-value', severity: 'error', cells: [sheet.rowRefs[index].value], message: '质量指标「执法证质量」没有填写指标值' },
    ]);
  });

  it('reports a row without 三级 name at the 三级 cell', () => {
    const table = seedTable(4);
    const index = rowIndex(table, '执法证质量');
    table.indicators[index].level3 = '';
    const sheet = sheetFromTable(table);
    const issues = runRule(missingValueRule, sheet);
    expect(issues).toHaveLength(1);
    expect(issues[0].cells).toEqual([sheet.rowRefs[index].level3]);
  });
});
