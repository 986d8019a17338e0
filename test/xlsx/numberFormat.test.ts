// The number-format engine (src/core/sheet/numberFormat.ts) against LibreOffice's rendering of the same
// cells: one workbook, one soffice run, each cell exported as shown. The grammar is Microsoft's ("Review
// guidelines for customizing a number format", support.microsoft.com/office/c0a1d1fa-d3f4-4018-96b7-9c9354dd99f5).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { formatNumber } from '../../src/core/sheet/numberFormat';
import { shownValue } from '../../src/core/sheet/shown';
import { workbookToBuffer } from '../../src/xlsx';
import { describeWithSoffice, sheetsAsCsv } from '../support/soffice';

/**
 * [value, format code, the text Excel shows, and LibreOffice's text where it differs]. Where they differ
 * the engine follows Excel, which the people who fill these tables use (and WPS, which follows Excel).
 */
const CASES: [number, string, string, string?][] = [
  [1234567.891, '#,##0.00', '1,234,567.89'],
  [2000000, '0.00,,', '2.00'],
  [12200000, '0.0,,', '12.2'],
  [1234567, '#,##0,', '1,235'],
  // `!` escapes the next character in Excel (the 元→万元 trick); LibreOffice shows the `!` itself.
  [2000000, '0!.0000', '200.0000', '2000000!.0000'],
  [2000000, '0\\.0000', '200.0000'],
  [2000000, '0!.0000"万元"', '200.0000万元', '2000000!.0000万元'],
  [2000000, '"100"', '100'],
  [2000000, ';;;', ''],
  [-5, '#,##0;(#,##0)', '(5)'],
  [-5, '0.00;-0.00;"零"', '-5.00'],
  [0, '0.00;-0.00;"零"', '零'],
  [150, '[>100]"多";[<0]"负";0', '多'],
  [5, '[>100]"多";[<0]"负";0', '5'],
  [292, '[$¥-804]#,##0.00', '¥292.00'],
  [292, '[Red]0.00', '292.00'],
  [292, '[Color10]0', '292'],
  [12345, '0.00E+00', '1.23E+04'],
  [0.00012, '0.0E+00', '1.2E-04'],
  [5, '000', '005'],
  // Excel keeps the decimal point of `0.#` with no decimals to show; LibreOffice drops it.
  [3, '0.#', '3.', '3'],
  [0.5, '#.##', '.5'],
  [1.005, '0.00', '1.01'],
  // Excel shows the sign of a negative that rounds to zero; LibreOffice does not.
  [-0.004, '0.00', '-0.00', '0.00'],
  [292, '0.00"万元"', '292.00万元'],
  [292, '#,##0.00_);(#,##0.00)', '292.00 '],
  [5, 'General', '5'],
  [1234.5, 'General"元"', '1234.5元'],
  [5, '@', '5'],
  [123456789, '#,##0', '123,456,789'],
  [0.95, '0%', '95%'],
  [0.955, '0.0%', '95.5%'],
];

const dir = mkdtempSync(join(tmpdir(), 'jixiao-numfmt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the engine gives the text of Microsoft\'s documented examples', () => {
  test.each(CASES)('%p under %p shows %p', (value, format, text) => {
    expect(formatNumber(value, format)).toBe(text);
  });

  test('a 20,000-character format of [ and a long run of " are read in linear time', () => {
    const started = performance.now();
    for (const code of ['['.repeat(20_000), '"'.repeat(20_000), `0${'\\'.repeat(20_001)}`, `${'[>1]'.repeat(5000)}0`, ';'.repeat(20_000)]) {
      for (let i = 0; i < 20; i++) shownValue(1234 + i, `${code}${i}`);
    }
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describeWithSoffice('LibreOffice shows the same text for the same cells', () => {
  test('every case, one soffice run', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('formats');
    CASES.forEach(([value, format], i) => {
      const cell = sheet.getCell(i + 1, 1);
      cell.value = value;
      cell.numFmt = format;
    });
    // Wide columns: a narrow one would show ### instead of the text.
    sheet.getColumn(1).width = 60;
    const file = join(dir, 'formats.xlsx');
    writeFileSync(file, await workbookToBuffer(book));
    const rows = sheetsAsCsv([file], { asShown: true }).get(file)!.get('formats')!;
    const shown = CASES.map(([, format], i) => [format, (rows[i]?.[0] ?? '').trimEnd()]);
    expect(shown).toEqual(CASES.map(([, format, excel, libreOffice]) => [format, (libreOffice ?? excel).trimEnd()]));
  }, 240_000);
});
