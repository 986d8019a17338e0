import { deadlineOutsideYearRule } from '../../../src/core/rules';
import { budgetYears } from '../../../src/core/rules/deadline-outside-year';
import { seedTable } from '../../support/seed';
import { rowIndex, setValue, sheetFromTable } from '../../support/sheetTable';
import { runRule } from './support';

// Seed table 6 (局机关综合经费): 时效 公车购置完成时限 and 项目完成时间, both 2024年12月底前.
describe('deadline-outside-year', () => {
  it('takes the year from the deadlines when the table names none, and is quiet on the seed', () => {
    const table = seedTable(6);
    expect(budgetYears(table, null)).toMatchObject({ from: 2024, to: 2024 });
    expect(runRule(deadlineOutsideYearRule, sheetFromTable(table))).toEqual([]);
  });

  it('reports a 时效 deadline in another year than settings.budgetYear', () => {
    const sheet = sheetFromTable(seedTable(6));
    const issues = runRule(deadlineOutsideYearRule, sheet, { budgetYear: 2025 });
    expect(issues).toHaveLength(2);
    expect(issues[0].message).toContain('在 2024 年，不在设置的预算年度 2025年内');
    expect(issues[0].severity).toBe('warning');
  });

  it('uses the year the goals name over the deadlines', () => {
    const table = seedTable(6);
    table.goals = `2024年${table.goals}`;
    const index = rowIndex(table, '项目完成时间');
    setValue(table, index, '2025年6月底前');
    const sheet = sheetFromTable(table);
    const issues = runRule(deadlineOutsideYearRule, sheet);
    expect(issues).toEqual([expect.objectContaining({ cells: [sheet.rowRefs[index].value] })]);
    expect(issues[0].message).toContain('2025');
  });

  it('skips when no year can be found (全年, 9月底前)', () => {
    const table = seedTable(2);
    expect(budgetYears(table, null)).toBeNull();
    expect(runRule(deadlineOutsideYearRule, sheetFromTable(table))).toEqual([]);
  });

  it('accepts a deadline inside a multi-year 项目期', () => {
    const table = seedTable(6);
    table.extraFields = { 项目期: '2024年—2026年' };
    setValue(table, rowIndex(table, '项目完成时间'), '2026年12月底前');
    expect(budgetYears(table, null)).toMatchObject({ from: 2024, to: 2026 });
    expect(runRule(deadlineOutsideYearRule, { ...sheetFromTable(seedTable(6)), table })).toEqual([]);
  });
});
