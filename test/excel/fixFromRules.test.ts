// End to end with the rules' own fixes, in the Excel double: a ≥ cost, a missing 满意度 block and a cost
// written with a bare 万 are each repaired by applying the fix the live report offers (one applyFixes call,
// ≤2 syncs), after which the sheet checks clean — under both answers to what Excel's Range.insert gives
// the new rows, and with 全部修正 taking several at once; a suggestion’s insert goes through the same door.
import { applyFixToGrid } from '../../src/core/fixes';
import type { Issue, SheetReport } from '../../src/core/model';
import { readSheet } from '../../src/core/sheet';
import { fromA1 } from '../../src/core/sheet/address';
import type { RealExcelBehaviours } from '../support/excelDouble';
import { seedTable, measuredTable } from '../support/seed';
import { gridFromDouble, nextReports, setUp } from './helpers';

const DELAY = 40;

describe.each([
  ['insert gives blank rows', {}],
  ['insert takes the row above, positional CF ids, text as Excel spells it', { insertTakesRowAbove: true, formatIdsArePositions: true, normalisesText: true }],
] as [string, RealExcelBehaviours][])('%s', (_label, real) => {
  async function tableOne() {
    const { excel, host } = setUp({ real }, DELAY);
    const [name] = (await host.insertTables([measuredTable(seedTable(1))])).sheetNames;
    const received: SheetReport[][] = [];
    const stop = await host.startLiveCheck((reports) => received.push(reports), (error) => {
      throw error;
    });
    const last = () => received[received.length - 1][0];
    // Table 1 is clean as seeded: what a fix leaves must be clean again.
    expect(last().issues.filter((i) => i.severity !== 'info')).toEqual([]);
    const sheet = readSheet(gridFromDouble(excel, name))!;
    const costs = sheet.rowRefs.filter((_, i) => sheet.table.indicators[i].level2.startsWith('成本')).map((r) => r.value);
    return { excel, host, name, received, stop, last, sheet, costs };
  }

  async function applyOffered(host: Awaited<ReturnType<typeof tableOne>>['host'], excel: Awaited<ReturnType<typeof tableOne>>['excel'], name: string, issue: Issue | undefined) {
    expect(issue?.fix).toBeDefined();
    // What the pure preview (applyFixToGrid) says the sheet becomes is what Excel's sheet reads as.
    const preview = readSheet(applyFixToGrid(gridFromDouble(excel, name), issue!.fix!))!.table;
    excel.resetSyncs();
    const result = await host.applyFixes(name, [issue!.fix!]);
    expect(result.syncs).toBeLessThanOrEqual(2);
    expect(result.skipped).toBe(0);
    const table = readSheet(gridFromDouble(excel, name))!.table;
    expect(table.indicators.map((r) => [r.level1, r.level2, r.level3, r.value])).toEqual(preview.indicators.map((r) => [r.level1, r.level2, r.level3, r.value]));
    expect(table.budget).toEqual(preview.budget);
    return result;
  }

  test('≥ cost: the warning’s fix writes ≤ and the sheet is clean', async () => {
    const { excel, host, name, received, stop, last, costs } = await tableOne();
    excel.userEdit(name, costs[0], '≥291.2万元');
    await nextReports(received);
    const issue = last().issues.find((i) => i.code === 'cost-lower-bound');
    await applyOffered(host, excel, name, issue);
    expect(excel.value(name, costs[0])).toBe('≤291.2万元');
    expect(last().issues.filter((i) => i.severity !== 'info')).toEqual([]);
    await stop();
  });

  test('a bare 万 under 成本: the hint’s fix writes 万元', async () => {
    const { excel, host, name, received, stop, last, costs } = await tableOne();
    excel.userEdit(name, costs[1], '≤0.8万');
    await nextReports(received);
    const issue = last().issues.find((i) => i.code === 'bad-value' && i.cells.includes(costs[1]));
    await applyOffered(host, excel, name, issue);
    expect(excel.value(name, costs[1])).toBe('≤0.8万元');
    expect(last().issues.some((i) => i.code === 'bad-value')).toBe(false);
    await stop();
  });

  test('the 满意度 block deleted: the error’s fix inserts it back, formatted as the table, and the sheet is clean', async () => {
    const { excel, host, name, received, stop, last, sheet } = await tableOne();
    const refs = sheet.rowRefs.filter((_, i) => sheet.table.indicators[i].level1.startsWith('满意度'));
    const rows = refs.map((r) => fromA1(r.value).row + 1);
    const first = Math.min(...rows);
    const before = excel.snapshot(name);
    excel.userDeleteRows(name, first, rows.length);
    await nextReports(received);
    const issue = last().issues.find((i) => i.code === 'missing-dimension' && i.fix);
    const result = await applyOffered(host, excel, name, issue);
    expect(last().issues.filter((i) => i.severity !== 'info')).toEqual([]);
    // Back where they were, with the seed's values; value cells formatted as the value cells above.
    const again = readSheet(gridFromDouble(excel, name))!;
    expect(again.table.indicators.map((r) => [r.level1, r.level2, r.level3, r.value])).toEqual(sheet.table.indicators.map((r) => [r.level1, r.level2, r.level3, r.value]));
    const after = excel.snapshot(name);
    for (const r of rows) expect(after.cells[`E${r}`].format).toEqual(before.cells[`E${first - 1}`].format);
    expect(result.selected.length).toBeGreaterThan(0);
    expect(excel.selection()?.sheet).toBe(name);
    await stop();
  });

  test('财政资金 lowered with 其他资金 blank: the error’s fix writes 其他资金 = 预算数 − 财政资金 as a number', async () => {
    const { excel, host, name, received, stop, last, sheet } = await tableOne();
    const fiscal = sheet.refs.budgetFiscal!;
    const other = sheet.refs.budgetOther!;
    expect(excel.value(name, other)).toBe('');
    excel.userEdit(name, fiscal, 200);
    await nextReports(received);
    const issue = last().issues.find((i) => i.code === 'funds-mismatch');
    // Issue #22: both ways out are choices the clerk picks (改其他资金 / 改财政资金), none a fix of its own; the
    // 其他资金 one is applied as the pane applies a choice, and the host takes it as offered.
    expect(issue?.fix).toBeUndefined();
    const choice = issue?.choices?.find((c) => c.choice === '其他资金');
    expect(choice?.description).toContain('92');
    await applyOffered(host, excel, name, issue && { ...issue, fix: choice });
    expect(excel.value(name, other)).toBe(92);
    expect(last().issues.filter((i) => i.severity !== 'info')).toEqual([]);
    await stop();
  });

  test('全部修正: both costs at once, ≤2 syncs', async () => {
    const { excel, host, name, received, stop, last, costs } = await tableOne();
    excel.userEdit(name, costs[0], '≥291.2万元');
    excel.userEdit(name, costs[1], '≤0.8万');
    await nextReports(received);
    const fixes = last().issues.flatMap((i) => (i.fix ? [i.fix] : []));
    expect(fixes.length).toBe(2);
    excel.resetSyncs();
    const result = await host.applyFixes(name, fixes);
    expect(result.syncs).toBeLessThanOrEqual(2);
    expect([excel.value(name, costs[0]), excel.value(name, costs[1])]).toEqual(['≤291.2万元', '≤0.8万元']);
    expect(last().issues.filter((i) => i.severity !== 'info' || i.fix)).toEqual([]);
    await stop();
  });
});

test('a suggestion’s insert (not an issue’s fix) is applied too: the host finds it offered by the sheet as it reads now', async () => {
  const { excel, host } = setUp({}, DELAY);
  const [sheet] = (await host.insertBlank('seed')).sheetNames;
  excel.userEdit(sheet, 'B3', '数字化系统运维');
  excel.userEdit(sheet, 'B8', seedTable(1).goals);
  const [report] = await host.checkAll();
  const suggestion = report.suggestions!.groups[0].suggestions[0];
  const result = await host.applyFixes(sheet, [suggestion.fix!]);
  expect(result.syncs).toBeLessThanOrEqual(2);
  expect(excel.value(sheet, 'C10')).toBe(suggestion.level3);
  expect(excel.selection()).toEqual({ sheet, address: 'E10' });
});
