// Issue #26, values exactly as shown: a budget whose number format shows another amount than the one
// stored (scaled by `0.00,,`, a literal `"100"`, hidden by `;;;`, the 元→万元 trick `0!.0000`) is read as
// the person sees it, and the message says both. Each of these let a cost 200万元 over the budget as
// shown pass clean. Also `<v>0x5A</v>`, which Excel and LibreOffice read as 0, not 90.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { CheckJson } from '../../src/cli/commands/check';
import { main } from '../../src/cli/main';
import { checkGrids } from '../../src/core/check';
import { planTableSheet } from '../../src/core/sheet/layout';
import { workbookToBuffer, writePlan } from '../../src/xlsx';
import { readWorkbookGrids } from '../../src/xlsx/readWorkbook';
import { multiYearWorkbook } from '../core/rules/multiYear';
import { seedTable } from '../support/seed';
import { rowIndex, setValue } from '../support/sheetTable';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-hostile-shown-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A table of budget 100万元 with one 200万元 cost: its budget cells stored as `stored` under `format`. */
async function disguised(name: string, stored: number, format: string): Promise<string> {
  return disguisedCells(name, { total: 100, fiscal: 100 }, '≤200万元', (value) => (value === 100 ? { stored, format } : null), 2);
}

/**
 * A seed table with `budget` and 运维费用支出 = `cost`, written by exceljs; each cell `disguise` answers for
 * gets that stored value and number format. `expected` cells must be disguised.
 */
async function disguisedCells(
  name: string,
  budget: { total: number; fiscal: number },
  cost: string,
  disguise: (value: ExcelJS.CellValue) => { stored: number; format: string } | null,
  expected: number,
): Promise<string> {
  const table = seedTable(1);
  table.budget = { ...budget, other: null };
  setValue(table, rowIndex(table, '运维费用支出'), cost);
  const book = new ExcelJS.Workbook();
  writePlan(book, planTableSheet(table, { sheetName: '表1', framework: 'seed' }));
  let found = 0;
  book.worksheets[0].eachRow((row) =>
    row.eachCell((cell) => {
      // A merged area's other cells hand over its first cell's value: that one cell is the one to change.
      const change = cell.master.address === cell.address ? disguise(cell.value) : null;
      if (change) {
        cell.value = change.stored;
        cell.numFmt = change.format;
        found++;
      }
    }),
  );
  expect(found).toBe(expected);
  const path = join(dir, name);
  writeFileSync(path, await workbookToBuffer(book));
  return path;
}

async function check(path: string): Promise<{ code: number; issues: { code: string; message: string }[] }> {
  let out = '';
  const code = await main(['check', path, '--json'], { stdout: (t) => (out += t), stderr: () => undefined });
  return { code, issues: (JSON.parse(out) as CheckJson).files.flatMap((f) => f.sheets.flatMap((s) => s.issues)) };
}

describe('a budget is read as shown, and the message names the stored value too', () => {
  test.each([
    ['scaled by two commas', 100_000_000, '0.00,,'],
    ['the 元→万元 trick with !', 1_000_000, '0!.0000'],
    ['the same trick with a backslash and a unit', 1_000_000, '0\\.0000"万元"'],
    ['a literal', 1_000_000, '"100"'],
    ['a conditional section showing a literal', 1_000_000, '[>1000]"100.00";0.00'],
  ])('%s (%p under %p): the 200万元 cost is over the budget of 100万元 as shown', async (_what, stored, format) => {
    const { code, issues } = await check(await disguised(`${format.length}-${stored}.xlsx`, stored, format));
    expect(code).toBe(1);
    const over = issues.filter((i) => i.code === 'cost-over-budget');
    expect(over.map((i) => i.message)).toEqual([expect.stringContaining('超过预算数 100万元')]);
  });

  test.each([
    ['scaled by two commas', 100_000_000, '0.00,,', '100.00'],
    ['the 元→万元 trick with !', 1_000_000, '0!.0000', '100.0000'],
    ['a literal', 1_000_000, '"100"', '100'],
  ])('cost-over-budget names the budget as shown and as stored (%s)', async (_what, stored, format, shown) => {
    const { issues } = await check(await disguised(`both-${format.length}-${stored}.xlsx`, stored, format));
    const over = issues.filter((i) => i.code === 'cost-over-budget').map((i) => i.message);
    expect(over).toEqual([expect.stringContaining(`超过预算数 100万元（单元格显示为 ${shown}，存储值为 ${stored}）`)]);
  });

  test('funds-mismatch names each disguised amount as shown and as stored, and a plain one plainly', async () => {
    // 预算数 shows 100.0000 (stores 1000000); 财政资金 90 is an ordinary number: 90 ≠ 100 as shown.
    const path = await disguisedCells('funds.xlsx', { total: 100, fiscal: 90 }, '≤80万元', (v) => (v === 100 ? { stored: 1_000_000, format: '0!.0000' } : null), 1);
    const { issues } = await check(path);
    const mismatch = issues.filter((i) => i.code === 'funds-mismatch').map((i) => i.message);
    expect(mismatch).toEqual([expect.stringContaining('财政资金 90万元 + 其他资金 0万元 = 90万元，与预算数 100万元（单元格显示为 100.0000，存储值为 1000000） 不符，少 10万元')]);
  });

  test('funds-mismatch: a 财政资金 scaled by ,, is named with its stored value', async () => {
    const path = await disguisedCells('fiscal.xlsx', { total: 100, fiscal: 90 }, '≤80万元', (v) => (v === 90 ? { stored: 90_000_000, format: '0.00,,' } : null), 1);
    const { issues } = await check(path);
    const mismatch = issues.filter((i) => i.code === 'funds-mismatch').map((i) => i.message);
    expect(mismatch).toEqual([expect.stringMatching(/^财政资金 90万元（单元格显示为 90\.00，存储值为 90000000） \+ 其他资金 0万元 = 90万元，与预算数 100万元 不符/)]);
  });

  test('stored and shown agreeing (a plain 0.00 format) add nothing to the message', async () => {
    const path = await disguisedCells('plain.xlsx', { total: 100, fiscal: 100 }, '≤200万元', (v) => (v === 100 ? { stored: 100, format: '0.00' } : null), 2);
    const over = (await check(path)).issues.filter((i) => i.code === 'cost-over-budget').map((i) => i.message);
    expect(over).toEqual([expect.stringContaining('超过预算数 100万元，')]);
    expect(over.join()).not.toContain('存储值');
  });

  test('cost-lower-bound on a cost shown as ≥2.00万元 by its format names the stored 2000000 and offers no rewrite of it', async () => {
    const path = await disguisedCells('floor.xlsx', { total: 100, fiscal: 100 }, '≤2万元', (v) => (v === '≤2万元' ? { stored: 2_000_000, format: '"≥"0.00,,"万元"' } : null), 1);
    const { issues } = await check(path);
    const floor = issues.filter((i) => i.code === 'cost-lower-bound').map((i) => i.message);
    expect(floor).toEqual([expect.stringContaining('写成「≥2.00万元（单元格存储值为 2000000）」')]);
    // Rewriting the text would put the shown text and the evidence into a number cell.
    const reports = checkGrids(readWorkbookGrids(new Uint8Array(readFileSync(path))));
    const found = reports.flatMap((r) => r.issues).filter((i) => i.code === 'cost-lower-bound');
    expect(found).toHaveLength(1);
    expect(found[0].fix).toBeUndefined();
  });

  test('a multi-year sheet: the 总体目标 cost over 项目总金额 names the total as shown and as stored', async () => {
    const { workbook } = multiYearWorkbook({ overallCost: '≤1200万元' });
    const cell = workbook.worksheets[0].getCell('B5');
    expect(cell.value).toBe(1000);
    cell.value = 10_000_000;
    cell.numFmt = '0!.0000';
    const path = join(dir, 'multi-year.xlsx');
    writeFileSync(path, await workbookToBuffer(workbook));
    const over = (await check(path)).issues.filter((i) => i.code === 'cost-over-budget').map((i) => i.message);
    expect(over).toEqual([expect.stringContaining('超过项目总金额 1000万元（单元格显示为 1000.0000，存储值为 10000000），超出 200万元')]);
  });

  test('a cost cell scaled by its format is quoted as shown with its stored value', async () => {
    const path = await disguisedCells('cost.xlsx', { total: 100, fiscal: 100 }, '≤200万元', (v) => (v === '≤200万元' ? { stored: 200_000_000, format: '0.00,,"万元"' } : null), 1);
    const over = (await check(path)).issues.filter((i) => i.code === 'cost-over-budget').map((i) => i.message);
    expect(over).toEqual([expect.stringContaining('的指标值「200.00万元（单元格存储值为 200000000）」即 200万元，超过预算数 100万元，')]);
  });

  test('the reader keeps the stored value as evidence next to the shown one', async () => {
    const grids = readWorkbookGrids(new Uint8Array(await import('node:fs').then((fs) => fs.readFileSync(join(dir, '7-1000000.xlsx')))));
    expect(grids[0].values.flat()).toContain('100.0000（单元格存储值为 1000000）');
  });

  test(';;; hides the budget: an empty budget as shown is not read as 1000000万元', async () => {
    const { code, issues } = await check(await disguised('hidden.xlsx', 1_000_000, ';;;'));
    expect(code).toBe(1);
    expect(issues.some((i) => i.code === 'cost-over-budget')).toBe(false);
    expect(issues.map((i) => i.message).join('\n')).toContain('存储值为 1000000');
  });
});

describe('<v> is an xsd:double', () => {
  test.each([
    // LibreOffice 24 shows 0 for each of the first four (checked by converting such a file to CSV).
    ['0x5A', 0],
    ['abc', 0],
    ['0b11', 0],
    ['Infinity', 0],
    [' 90 ', 90],
    ['9E1', 90],
    ['.5', 0.5],
    ['90.', 90],
  ])('<v>%s</v> reads as %p', async (text, expected) => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('表1').getCell('A1').value = 12345;
    const files = unzipSync(new Uint8Array(await workbookToBuffer(book)));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain('<v>12345</v>');
    files['xl/worksheets/sheet1.xml'] = strToU8(sheet.replace('<v>12345</v>', `<v>${text}</v>`));
    const grids = readWorkbookGrids(zipSync(files));
    expect(grids[0].values[0][0]).toBe(expected);
  });
});
