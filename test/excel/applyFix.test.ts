// 一键修正 through the adapter into the Excel double: a ≥ cost, a missing 满意度 block and an amount written
// with 万 are each repaired by one applyFixes call, in at most 2 syncs, and the live report then has no such
// issue; under both answers to what Excel's Range.insert gives new rows (insertTakesRowAbove), the new
// rows carry the table's formats and validation; a fix that cannot be applied changes nothing.
import { checkGrid } from '../../src/core/check';
import { marksForReport } from '../../src/core/marks';
import type { Fix, SheetReport } from '../../src/core/model';
import { readSheet } from '../../src/core/sheet';
import { fromA1 } from '../../src/core/sheet/address';
import { applyFixInExcel, originRow, planFix } from '../../src/excel/applyFix';
import { detectFeatures } from '../../src/excel/features';
import { SyncCounter } from '../../src/excel/syncCounter';
import type { ExcelDouble, RealExcelBehaviours, SheetSnapshot } from '../support/excelDouble';
import { loadSeedLibrary, seedTable } from '../support/seed';
import { gridFromDouble, marksInDouble, nextReports, setUp } from './helpers';

const DELAY = 40;

async function liveSheet(real: RealExcelBehaviours = {}, maxExcelApi?: string) {
  // Live marks on: these tests follow the marks through fixes.
  const { excel, host } = setUp({ real, ...(maxExcelApi ? { maxExcelApi } : {}) }, DELAY, { liveMarks: true });
  const [name] = (await host.insertTables([seedTable(1)])).sheetNames;
  const received: SheetReport[][] = [];
  const stop = await host.startLiveCheck((reports) => received.push(reports), (error) => {
    throw error;
  });
  /**
   * A hand-made fix applied by the adapter's batch itself (the host applies only fixes the sheet's check
   * offers), then the sheet checked as 全部检查 does; returns the batch's syncs.
   */
  const apply = async (fix: Fix): Promise<{ syncs: number; selected: string[] }> => {
    const counter = new SyncCounter();
    const features = detectFeatures(excel.Office.context.requirements);
    const applied = await excel.Excel.run((context) => applyFixInExcel(context as unknown as Excel.RequestContext, name, fix, { counter, features }));
    received.push(await host.checkAll());
    return { syncs: counter.count, selected: applied.selected };
  };
  return { excel, host, name, received, stop, apply };
}

function readBack(excel: ExcelDouble, name: string) {
  return readSheet(gridFromDouble(excel, name))!;
}

function issuesOf(received: SheetReport[][], code: string) {
  return received[received.length - 1][0].issues.filter((i) => i.code === code);
}

/** What a cell carries apart from its value: formats and the validation rule over it. */
function dress(snap: SheetSnapshot, address: string): unknown {
  const { row, col } = fromA1(address);
  const validation = snap.validations.find((v) => {
    const [a, b = a] = v.range.split(':').map(fromA1);
    return row >= a.row && row <= b.row && col >= a.col && col <= b.col;
  });
  return { format: snap.cells[address]?.format ?? null, rule: validation?.rule ?? null, prompt: validation?.prompt ?? null };
}

test('a cost written ≥: one click, ≤2 syncs, text stays text, the warning goes', async () => {
  const { excel, name, received, stop, apply } = await liveSheet();
  const sheet = readBack(excel, name);
  const cost = sheet.rowRefs.find((_, i) => sheet.table.indicators[i].parsed.kind === 'moneyTotal' && sheet.table.indicators[i].level2.startsWith('成本'))!.value;
  excel.userEdit(name, cost, '≥5万元');
  await nextReports(received);
  expect(issuesOf(received, 'cost-lower-bound').map((i) => i.cells[0])).toEqual([cost]);

  const fix: Fix = { description: '将「≥5万元」改为「≤5万元」', steps: [{ kind: 'setCell', cell: cost, value: '≤5万元' }], select: [cost] };
  excel.resetSyncs();
  const result = await apply(fix);
  expect(result.syncs).toBeLessThanOrEqual(2);
  expect(excel.value(name, cost)).toBe('≤5万元');
  expect(excel.selection()).toEqual({ sheet: name, address: cost });
  // Re-checked at once: the report list already says so, and the mark is gone.
  expect(issuesOf(received, 'cost-lower-bound')).toEqual([]);
  expect(marksInDouble(excel, name).some((m) => m.startsWith(`${cost} `))).toBe(false);
  await stop();
});

test.each([
  ['the sheet read again (ExcelApi 1.18)', undefined],
  ['a change heard of and not yet checked (ExcelApi 1.12: merges unknown, the sheet not re-read)', '1.12'],
])('a fix clicked after a change not yet checked (a row inserted above it) is refused, no cell written: %s', async (_label, api) => {
  const { excel, host, name, received, stop } = await liveSheet({}, api);
  const sheet = readBack(excel, name);
  const cost = sheet.rowRefs.find((_, i) => sheet.table.indicators[i].level2.startsWith('成本'))!.value;
  excel.userEdit(name, cost, '≥5万元');
  await nextReports(received);
  // The fix the rule offers for the list as it stands.
  const fix = issuesOf(received, 'cost-lower-bound')[0].fix!;
  expect(fix.steps).toEqual([{ kind: 'setCell', cell: cost, value: '≤5万元', from: '≥5万元' }]);
  // The row moves down before the list has caught up (its event still on the way); the fix names the old cell.
  excel.userInsertRows(name, fromA1(cost).row + 1, 1);
  const values = () => Object.fromEntries(Object.entries(excel.snapshot(name).cells).map(([a, c]) => [a, c.value]));
  const before = values();
  const reported = received.length;
  await expect(host.applyFixes(name, [fix])).rejects.toThrow(/不适用.*重新检查.*未作任何修改/);
  expect(values()).toEqual(before);
  // The list is current now: re-checked at once, the issue at its new cell (where merges are read, as the
  // 一级 of the cost row is a merged cell).
  expect(received.length).toBeGreaterThan(reported);
  const moved = `${cost.replace(/\d+$/, '')}${fromA1(cost).row + 2}`;
  if (api === undefined) expect(issuesOf(received, 'cost-lower-bound').map((i) => i.cells[0])).toEqual([moved]);
  await stop();
});

test('a number-like text is written as text into a General cell and as typed into a Text cell', async () => {
  const { excel, name, stop, apply } = await liveSheet();
  const sheet = readBack(excel, name);
  const value = sheet.rowRefs[0].value;
  // The template's value column is Text (@); a received sheet's may be General.
  expect(excel.snapshot(name).cells[value].format.numberFormat).toBe('@');
  await apply({ description: 't', steps: [{ kind: 'setCell', cell: value, value: '95%' }, { kind: 'setCell', cell: 'H30', value: '95%' }, { kind: 'setCell', cell: 'H31', value: 12.5 }], select: [] });
  expect(excel.value(name, value)).toBe('95%');
  expect(excel.value(name, 'H30')).toBe('95%');
  expect(excel.value(name, 'H31')).toBe(12.5);
  // Nothing named to select: the first cell written.
  expect(excel.selection()?.address).toBe(value);
  await stop();
});

describe.each([
  ['insert gives blank rows', {}],
  ['insert takes the row above', { insertTakesRowAbove: true }],
  ['insert takes the row above, positional CF ids', { insertTakesRowAbove: true, formatIdsArePositions: true }],
] as [string, RealExcelBehaviours][])('a missing 满意度 block (%s)', (_label, real) => {
  test('inserted with the table’s formats and validation, values written, the error goes', async () => {
    const { excel, name, received, stop, apply } = await liveSheet(real);
    const sheet = readBack(excel, name);
    const satisfaction = sheet.rowRefs.filter((_, i) => sheet.table.indicators[i].level1.startsWith('满意度'));
    const rows = satisfaction.map((r) => fromA1(r.value).row + 1);
    const first = Math.min(...rows);
    const before = excel.snapshot(name);
    const lines = satisfaction.map((r) => [r.level1, r.level2, r.level3, r.value].map((a) => String(excel.value(name, a))));
    excel.userDeleteRows(name, first, rows.length);
    await nextReports(received);
    expect(issuesOf(received, 'missing-dimension').length).toBeGreaterThan(0);

    // The rows back, formatted as the row above (the last 效益 row), values as the seed had them.
    const columns = ['A', 'B', 'C', 'E'];
    const fix: Fix = {
      description: `插入 ${rows.length} 行满意度指标`,
      steps: [
        { kind: 'insertRows', before: first, count: rows.length, formatFrom: first - 1 },
        ...lines.flatMap((line, i) => line.flatMap((v, c) => (v === '' || (c === 0 && i > 0) ? [] : [{ kind: 'setCell' as const, cell: `${columns[c]}${first + i}`, value: v }]))),
      ],
      select: rows.map((r) => `E${r}`),
    };
    excel.resetSyncs();
    const result = await apply(fix);
    expect(result.syncs).toBeLessThanOrEqual(2);
    expect(issuesOf(received, 'missing-dimension')).toEqual([]);
    expect(received[received.length - 1][0].issues.filter((i) => i.severity === 'error')).toEqual([]);
    const report = checkGrid(gridFromDouble(excel, name), { library: loadSeedLibrary() })!;
    expect(report.issues.map((i) => i.code)).toEqual(received[received.length - 1][0].issues.map((i) => i.code));
    // The marks are the core's for the sheet as it is: none left on a cell that moved or was pasted.
    expect(marksInDouble(excel, name)).toEqual(marksForReport(report).map((m) => `${m.address} ${m.severity}`).sort());

    const after = excel.snapshot(name);
    for (const r of rows) {
      for (const c of ['B', 'C', 'D', 'E']) expect([`${c}${r}`, dress(after, `${c}${r}`)]).toEqual([`${c}${r}`, dress(before, `${c}${first - 1}`)]);
    }
    expect(excel.selection()).toEqual({ sheet: name, address: rows.map((r) => `E${r}`).join(',') });
    await stop();
  });

  test('the row the formats come from carries a mark: the new rows do not, the marked cell keeps it', async () => {
    const { excel, name, received, stop, apply } = await liveSheet(real);
    const sheet = readBack(excel, name);
    const last = fromA1(sheet.rowRefs[sheet.rowRefs.length - 1].value).row + 1;
    excel.userEdit(name, `E${last}`, 'XX');
    await nextReports(received);
    expect(marksInDouble(excel, name).some((m) => m.startsWith(`E${last} `))).toBe(true);
    await apply({ description: 'x', steps: [{ kind: 'insertRows', before: last + 1, count: 2, formatFrom: last }], select: [`E${last + 1}`] });
    const report = checkGrid(gridFromDouble(excel, name), { library: loadSeedLibrary() })!;
    expect(marksInDouble(excel, name)).toEqual(marksForReport(report).map((m) => `${m.address} ${m.severity}`).sort());
    expect(marksInDouble(excel, name).some((m) => m.startsWith(`E${last} `))).toBe(true);
    await stop();
  });
});

test('a value into a merged cell other than its top-left: refused, nothing changed, 0 writes', async () => {
  const { excel, name, stop, apply } = await liveSheet();
  const merge = excel.snapshot(name).merges.find((m) => m.startsWith('A') && /^A\d+:A\d+$/.test(m))!;
  const inner = `A${fromA1(merge.split(':')[0]).row + 2}`;
  const before = excel.snapshot(name);
  await expect(apply({ description: 'x', steps: [{ kind: 'insertRows', before: 30, count: 1, formatFrom: 29 }, { kind: 'setCell', cell: inner, value: '效益指标' }], select: [] })).rejects.toThrow(
    /合并单元格/,
  );
  expect(excel.snapshot(name)).toEqual(before);
  await stop();
});

test('a protected sheet: refused with the way out, nothing changed', async () => {
  const { excel, host, name, stop, apply } = await liveSheet();
  excel.userProtectSheet(name, true);
  const before = excel.snapshot(name);
  await expect(host.applyFixes(name, [{ description: 'x', steps: [{ kind: 'insertRows', before: 12, count: 1, formatFrom: 11 }], select: [] }])).rejects.toThrow(/受保护.*撤销工作表保护/);
  await expect(apply({ description: 'x', steps: [{ kind: 'insertRows', before: 12, count: 1, formatFrom: 11 }], select: [] })).rejects.toThrow(/受保护.*撤销工作表保护/);
  expect(excel.snapshot(name)).toEqual(before);
  await stop();
});

test('ExcelApi 1.8 (no copyFrom, no merged areas): the rows are inserted and the values written', async () => {
  const { excel, name, stop, apply } = await liveSheet({ insertTakesRowAbove: true }, '1.8');
  const result = await apply({ description: 'x', steps: [{ kind: 'insertRows', before: 12, count: 2, formatFrom: 11 }, { kind: 'setCell', cell: 'C12', value: '新指标' }], select: ['E12', 'E13'] });
  expect(result.syncs).toBeLessThanOrEqual(2);
  expect(excel.value(name, 'C12')).toBe('新指标');
  expect(result.selected).toEqual(['E12']);
  await stop();
});

describe('planning', () => {
  test('originRow: rows move back over inserts; inserted rows take their formatFrom row', () => {
    const steps = [{ kind: 'insertRows' as const, before: 10, count: 2, formatFrom: 9 }];
    expect(originRow(steps, 8)).toBe(8); // row 9
    expect(originRow(steps, 9)).toBe(8); // new row 10 ← row 9
    expect(originRow(steps, 10)).toBe(8);
    expect(originRow(steps, 11)).toBe(9); // old row 10 moved to 12
  });

  test('format runs go round merges that span rows, and a source row below the insert is found after it', () => {
    const plan = planFix({ description: '', steps: [{ kind: 'insertRows', before: 5, count: 1, formatFrom: 6 }], select: [] }, { merges: ['A3:A8', 'C6:D6'], lastColumn: 4 });
    expect(plan.operations).toEqual([
      { kind: 'insert', rows: '5:5' },
      // A is inside the grown merge A3:A9; C:D of the source (now row 7) go whole.
      { kind: 'copyFormats', to: 'B5:E5', from: 'B7:E7' },
    ]);
  });
});
