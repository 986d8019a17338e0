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
  // Fractions: the closest fraction whose denominator fits the placeholders, or a fixed denominator
  // (Microsoft, "Display numbers as fractions"); a whole number leaves the fraction's places blank.
  [1.25, '# ?/?', '1 1/4'],
  [-1.25, '# ?/?', '-1 1/4'],
  [0.5, '# ?/?', ' 1/2'],
  [0.7, '# ?/?', ' 5/7'],
  [3.14159, '# ?/?', '3 1/7'],
  [3.14159, '# ??/??', '3 14/99'],
  [3.14159, '# ???/???', '3  16/113'],
  [2, '# ?/?', '2    '],
  [0, '# ?/?', '0    '],
  [0.99, '# ?/?', '1    '],
  [1.25, '?/?', '5/4'],
  [0.125, '??/??', ' 1/8 '],
  [1.3, '# ?/4', '1 1/4'],
  [1234.5678, '# ??/100', '1234 57/100'],
  [5.5, '0 ?/?', '5 1/2'],
  // A slash with no denominator after it is text, one of the characters Microsoft lists as shown without
  // quotes: 5 per person. LibreOffice reads a fraction with no denominator and shows the whole number.
  [5, '0/"人"', '5/人', '5'],
  // Chinese numerals: [DBNum1] lower case, [DBNum2] the financial capitals (Excel's 特殊 → 中文小写/大写数字).
  [123, '[DBNum1][$-804]General', '一百二十三'],
  [123, '[DBNum2][$-804]General', '壹佰贰拾叁'],
  [15, '[DBNum1][$-804]General', '一十五'],
  [15, '[DBNum2][$-804]General', '壹拾伍'],
  [10015, '[DBNum1][$-804]General', '一万〇一十五'],
  [1001, '[DBNum2][$-804]General', '壹仟零壹'],
  [20300000, '[DBNum2][$-804]General', '贰仟零叁拾万'],
  [100000000, '[DBNum1][$-804]General', '一亿'],
  [123.45, '[DBNum1][$-804]General', '一百二十三．四五'],
  [123.45, '[DBNum2][$-804]General', '壹佰贰拾叁点肆伍'],
  [2500000, '[DBNum2][$-804]0', '贰佰伍拾万'],
  [1234.5, '[DBNum1][$-804]#,##0.00', '一千二百三十四．五〇'],
  [3, '[DBNum1][$-804]0.00', '三．〇〇'],
  [-20, '[DBNum1][$-804]General', '-二十'],
  [0, '[DBNum1][$-804]General', '〇'],
  // With no locale, Excel takes the system's (Chinese for the people who fill these tables); LibreOffice,
  // run here in an English profile, shows digits.
  [105, '[DBNum1]General', '一百〇五', '105'],
];

const dir = mkdtempSync(join(tmpdir(), 'jixiao-numfmt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the engine gives the text of Microsoft\'s documented examples', () => {
  test.each(CASES)('%p under %p shows %p', (value, format, text) => {
    expect(formatNumber(value, format)).toBe(text);
  });

  test('a fraction or Chinese numerals that show the stored number read as it; any other number says both', () => {
    // 1/4 is 0.25 exactly, 一百二十三 is 123, 1 1/3 is 1.3333 rounded (as 0.00 rounds).
    expect(shownValue(0.25, '?/?')).toBe(0.25);
    expect(shownValue(-1.25, '# ?/?')).toBe(-1.25);
    expect(shownValue(1.3333, '# ?/?')).toBe(1.3333);
    expect(shownValue(123, '[DBNum1][$-804]General')).toBe(123);
    expect(shownValue(2500000, '[DBNum2][$-804]0')).toBe(2500000);
    // Shown as 2 (二．〇〇 in millions) but stored as 2,000,000: quoted in digits, with the stored value.
    expect(shownValue(2000000, '[DBNum1][$-804]0.00,,')).toBe('2.00（单元格存储值为 2000000）');
    expect(shownValue(0.3, '?/?')).toBe('2/7（单元格存储值为 0.3）');
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
