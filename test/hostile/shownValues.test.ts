// Issue #26, values exactly as shown: a budget whose number format shows another amount than the one
// stored (scaled by `0.00,,`, a literal `"100"`, hidden by `;;;`, the 元→万元 trick `0!.0000`) is read as
// the person sees it, and the message says both. Each of these let a cost 200万元 over the budget as
// shown pass clean. Also `<v>0x5A</v>`, which Excel and LibreOffice read as 0, not 90.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { CheckJson } from '../../src/cli/commands/check';
import { main } from '../../src/cli/main';
import { planTableSheet } from '../../src/core/sheet/layout';
import { workbookToBuffer, writePlan } from '../../src/xlsx';
import { readWorkbookGrids } from '../../src/xlsx/readWorkbook';
import { seedTable } from '../support/seed';
import { rowIndex, setValue } from '../support/sheetTable';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-hostile-shown-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A table of budget 100万元 with one 200万元 cost: its budget cells stored as `stored` under `format`. */
async function disguised(name: string, stored: number, format: string): Promise<string> {
  const table = seedTable(1);
  table.budget = { total: 100, fiscal: 100, other: null };
  setValue(table, rowIndex(table, '运维费用支出'), '≤200万元');
  const book = new ExcelJS.Workbook();
  writePlan(book, planTableSheet(table, { sheetName: '表1', framework: 'seed' }));
  let found = 0;
  book.worksheets[0].eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.value === 100) {
        cell.value = stored;
        cell.numFmt = format;
        found++;
      }
    }),
  );
  expect(found).toBe(2);
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
