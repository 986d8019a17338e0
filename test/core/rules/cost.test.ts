import { costLowerBoundRule, costOverBudgetRule } from '../../../src/core/rules';
import { seedTable } from '../../support/seed';
import { rowIndex, setValue, sheetFromTable } from '../../support/sheetTable';
import { runRule } from './support';

// Seed table 1 (数字化运维项目, 万元): 预算数 292; 成本 ≤291.2万元 + ≤0.8万元 = 292 exactly.
const OPERATIONS = '运维费用支出';
const REVIEW = '项目评审费用支出';

describe('cost-over-budget', () => {
  it('accepts costs that add up to exactly the budget', () => {
    expect(runRule(costOverBudgetRule, sheetFromTable(seedTable(1)))).toEqual([]);
  });

  it('reports one 成本 above 预算数 at its value cell and the budget cell', () => {
    const table = seedTable(1);
    const index = rowIndex(table, OPERATIONS);
    setValue(table, index, '≤300万元');
    const sheet = sheetFromTable(table);
    const issues = runRule(costOverBudgetRule, sheet);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'error', cells: [sheet.rowRefs[index].value, sheet.refs.budgetTotal] });
    // The size of the excess and the way out, with the table's own numbers. The way out leaves room for the
    // other cost (评审费 0.8): 「≤292万元」 would make the sum 292.8, a new error (issue #22).
    expect(issues[0].message).toBe(
      '成本指标「运维费用支出」的指标值「≤300万元」即 300万元，超过预算数 292万元，超出 8万元；宜改为不超过 291.2万元（如「≤291.2万元」，与其余成本 0.8万元 合计不超过预算数），或核对预算数',
    );
  });

  it('converts 元 to the table unit: ≤2910000元 is 291 万元, within 292', () => {
    const table = seedTable(1);
    setValue(table, rowIndex(table, OPERATIONS), '≤2910000元');
    expect(runRule(costOverBudgetRule, sheetFromTable(table))).toEqual([]);
    setValue(table, rowIndex(table, OPERATIONS), '≤2930000元');
    expect(runRule(costOverBudgetRule, sheetFromTable(table)).map((i) => i.message)).toEqual([
      expect.stringContaining('即 293万元，超过预算数 292万元'),
    ]);
  });

  it('reports the sum when each cost fits but together they exceed the budget', () => {
    const table = seedTable(1);
    setValue(table, rowIndex(table, OPERATIONS), '≤291.5万元');
    const sheet = sheetFromTable(table);
    const issues = runRule(costOverBudgetRule, sheet);
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toContain('291.5万元 + 0.8万元 = 292.3万元，超过预算数 292万元，超出 0.3万元；宜将各项成本共压减 0.3万元，或核对预算数');
    expect(issues[0].cells).toEqual([
      sheet.rowRefs[rowIndex(table, OPERATIONS)].value,
      sheet.rowRefs[rowIndex(table, REVIEW)].value,
      sheet.refs.budgetTotal,
    ]);
  });

  it('never sums unit costs, by unit (元/次) or by name (人均), nor text', () => {
    const table = seedTable(1);
    setValue(table, rowIndex(table, REVIEW), '≤5000000元/次');
    expect(runRule(costOverBudgetRule, sheetFromTable(table))).toEqual([]);
    table.indicators[rowIndex(table, REVIEW)].level3 = '人均评审费用';
    setValue(table, rowIndex(table, '人均评审费用'), '≤5000000元');
    expect(runRule(costOverBudgetRule, sheetFromTable(table))).toEqual([]);
    setValue(table, rowIndex(table, OPERATIONS), '按合同支付');
    expect(runRule(costOverBudgetRule, sheetFromTable(table))).toEqual([]);
  });

  it('is not loosened by fundsTolerance (the funds-mismatch tolerance), not even at its maximum', () => {
    const table = seedTable(1);
    setValue(table, rowIndex(table, OPERATIONS), '≤291.21万元');
    const sheet = sheetFromTable(table);
    for (const fundsTolerance of [0, 0.005, 1]) {
      expect(runRule(costOverBudgetRule, sheet, { fundsTolerance }).map((i) => i.message)).toEqual([
        expect.stringContaining('= 292.01万元，超过预算数 292万元'),
      ]);
    }
  });

  it('keeps exact sums exact in floating point: 10 costs of 29.2 万元 fit 292 万元 (0.1 + 0.2 ≠ 0.3)', () => {
    const table = seedTable(1);
    const cost = table.indicators[rowIndex(table, OPERATIONS)];
    table.indicators = table.indicators.filter((row) => row !== cost && row.level3 !== REVIEW);
    for (let i = 0; i < 10; i++) table.indicators.push({ ...structuredClone(cost), level3: `运维费用支出${i + 1}` });
    table.indicators.forEach((row, index) => row.level3.startsWith(OPERATIONS) && setValue(table, index, '≤29.2万元'));
    expect(Array(10).fill(29.2).reduce((a: number, b: number) => a + b, 0)).not.toBe(292);
    expect(runRule(costOverBudgetRule, sheetFromTable(table))).toEqual([]);
    setValue(table, table.indicators.findIndex((row) => row.level3 === `${OPERATIONS}1`), '≤29.21万元');
    expect(runRule(costOverBudgetRule, sheetFromTable(table)).map((i) => i.message)).toEqual([expect.stringContaining('10 项成本指标合计')]);
  });
});

describe('cost-lower-bound', () => {
  it('is quiet on ≤ costs', () => {
    expect(runRule(costLowerBoundRule, sheetFromTable(seedTable(1)))).toEqual([]);
  });

  it('warns about a cost written with ≥ or >', () => {
    const table = seedTable(1);
    setValue(table, rowIndex(table, OPERATIONS), '≥291.2万元');
    setValue(table, rowIndex(table, REVIEW), '>800元/次');
    const sheet = sheetFromTable(table);
    const issues = runRule(costLowerBoundRule, sheet);
    expect(issues.map((i) => i.cells[0])).toEqual([
      sheet.rowRefs[rowIndex(table, OPERATIONS)].value,
      sheet.rowRefs[rowIndex(table, REVIEW)].value,
    ]);
    expect(issues.every((i) => i.severity === 'warning')).toBe(true);
    expect(issues[0].message).toContain('≥291.2万元');
  });
});
