// Inserting templates through the adapter into the Excel double: sync budgets, and the sheet drawn is
// the plan (values read back by the core reader give the same table).
import { readSheet } from '../../src/core/sheet';
import { planTableSheet } from '../../src/core/sheet';
import { detectFramework } from '../../src/core/frameworks';
import { loadSeedLibrary } from '../support/seed';
import { gridFromDouble, setUp } from './helpers';

describe('insertTables / insertBlank', () => {
  const library = loadSeedLibrary();

  test.each(library.tables.map((t) => [t.number, t.projectName] as const))('table %i (%s): one sheet within 2 syncs, read back equal', async (number) => {
    const { excel, host } = setUp();
    const table = library.tables.find((t) => t.number === number)!;
    const result = await host.insertTables([table]);
    expect(result.syncs).toBeLessThanOrEqual(2);
    expect(excel.syncCount).toBe(result.syncs);
    expect(result.sheetNames).toHaveLength(1);
    const name = result.sheetNames[0];
    expect(excel.sheetNames()).toContain(name);
    expect(excel.activeSheet()).toBe(name);

    const plan = planTableSheet(table, { sheetName: name, framework: detectFramework(table.indicators.map((r) => r.level1)) });
    const snap = excel.snapshot(name);
    // Every planned value landed as written (text stays text, numbers numbers).
    for (const cell of plan.cells) expect([cell.address, snap.cells[cell.address]?.value ?? '']).toEqual([cell.address, cell.value ?? '']);
    expect(snap.merges).toEqual([...plan.merges].sort());
    expect(snap.validations).toHaveLength(plan.validations.length);
    expect(snap.pageLayout.paperSize).toBe('A4');
    expect(snap.pageLayout.printArea).toBe(plan.print.printArea);
    expect(Object.keys(snap.columnWidths)).toHaveLength(plan.columnWidths.length);

    const read = readSheet(gridFromDouble(excel, name));
    expect(read?.table.projectName).toBe(table.projectName);
    expect(read?.table.indicators.map((r) => [r.level1, r.level2, r.level3, r.value])).toEqual(table.indicators.map((r) => [r.level1, r.level2, r.level3, r.value]));
    expect(read?.table.budget).toEqual(table.budget);
  });

  test('all 16 together: 3 syncs, 16 distinct sheets, progress reported', async () => {
    const { excel, host } = setUp();
    const progress: [number, number][] = [];
    const result = await host.insertTables(library.tables, (done, total) => progress.push([done, total]));
    expect(result.syncs).toBeLessThanOrEqual(3);
    expect(excel.syncCount).toBe(result.syncs);
    expect(new Set(result.sheetNames).size).toBe(16);
    expect(excel.sheetNames()).toEqual(['Sheet1', ...result.sheetNames]);
    expect(progress[0]).toEqual([0, 16]);
    expect(progress[progress.length - 1]).toEqual([16, 16]);
  });

  test('inserting the same table twice gives a second, distinct sheet name', async () => {
    const { excel, host } = setUp();
    const first = await host.insertTables([library.tables[0]]);
    const second = await host.insertTables([library.tables[0]]);
    expect(second.sheetNames[0]).not.toBe(first.sheetNames[0]);
    expect(excel.sheetNames()).toHaveLength(3);
  });

  test.each(['seed', '2021'] as const)('blank %s form: 2 syncs, a 绩效目标表 the reader recognises with its framework', async (framework) => {
    const { excel, host } = setUp();
    const result = await host.insertBlank(framework);
    expect(result.syncs).toBeLessThanOrEqual(2);
    const read = readSheet(gridFromDouble(excel, result.sheetNames[0]));
    expect(read?.framework).toBe(framework);
  });

  test('ExcelApi 1.8 (no pageLayout): still inserts, without print setup', async () => {
    const { excel, host } = setUp({ maxExcelApi: '1.8' });
    const result = await host.insertTables([library.tables[1]]);
    expect(result.syncs).toBeLessThanOrEqual(2);
    expect(excel.snapshot(result.sheetNames[0]).pageLayout.printArea).toBeNull();
  });
});
