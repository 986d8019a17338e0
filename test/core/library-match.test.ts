import { findTemplate } from '../../src/core/library';
import type { TemplateLibrary } from '../../src/core/model';
import { loadSeedLibrary, seedTable } from '../support/seed';

describe('findTemplate on the seed library', () => {
  const library = loadSeedLibrary();
  const numberOf = (name: string, department?: { code?: string; name?: string }) =>
    findTemplate(library, name, department)?.number ?? null;

  test('every table is found by its own project name', () => {
    for (const table of library.tables.filter((t) => t.number !== 14)) {
      expect(numberOf(table.projectName)).toBe(table.number);
    }
  });

  test('two tables named 法治建设: the first, or the one of the given department', () => {
    expect(numberOf('法治建设')).toBe(4);
    expect(numberOf('法治建设', { code: '343206' })).toBe(14);
    expect(numberOf('法治建设', { name: '天津市司法行政服务中心' })).toBe(14);
    expect(numberOf('法治建设', { code: '999999' })).toBe(4);
  });

  test('ignores spaces, full/half-width punctuation and a trailing 绩效目标表', () => {
    expect(numberOf('  局机关 综合经费 ')).toBe(6);
    expect(numberOf('局机关综合经费绩效目标表')).toBe(6);
    expect(numberOf('深入推进公共法律服务便民化－2024中央')).toBe(11);
    expect(numberOf('深入推进公共法律服务便民化 - 2024 中央')).toBe(11);
    expect(numberOf('天津市司法局债券利息—2024一般债利息')).toBe(13);
  });

  test('ignores a budget-year suffix on either side', () => {
    expect(numberOf('深入推进公共法律服务便民化')).toBe(11);
    expect(numberOf('深入推进公共法律服务便民化-2025中央')).toBe(11);
    expect(numberOf('天津市司法局债券利息')).toBe(13);
    expect(numberOf('数字化运维项目-2024一般')).toBe(1);
    // A longer name is another project, not a suffix.
    expect(numberOf('深入推进公共法律服务便民化及其支持经费')).toBe(12);
  });

  test('no match for another project or a blank name', () => {
    expect(numberOf('不存在的项目')).toBeNull();
    expect(numberOf('数字化运维')).toBeNull();
    expect(numberOf('   ')).toBeNull();
  });

  test('an exact match wins over a looser one', () => {
    const base = seedTable(4);
    const suffixed = { ...seedTable(14), projectName: '法治建设-2024中央' };
    const twoNames: TemplateLibrary = { tables: [base, suffixed], notes: [] };
    expect(findTemplate(twoNames, '法治建设-2024中央')?.department.code).toBe('343206');
    expect(findTemplate(twoNames, '法治建设')?.department.code).toBe('343101');
    expect(findTemplate(twoNames, '法治建设-2025')?.department.code).toBe('343101');
  });
});
