// Cell comments (notes) in .xls, read as the .xlsx reader reads them (SheetComment: A1 address, author,
// text): NOTE records name the cell, author and object, OBJ/TXO records carry the text. Written by
// LibreOffice (from an .xlsx openpyxl wrote, read by jixiao's .xlsx reader as the oracle) and by Apache
// POI (test/fixtures/xls/MakeXls.java, whose texts are known). SheetJS is no oracle here: it reads a
// comment's formatting runs as text and stops a long one at the first CONTINUE record.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbookGrids } from '../../../src/xlsx/readWorkbook';
import { readXlsGrids } from '../../../src/xlsx/xls';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'xls');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

/** Long enough (9 012 bytes as UTF-16) to run over two CONTINUE records after its TXO. */
const LONG = `${'满意度'.repeat(1500)} end`;

test('LibreOffice .xls: every comment of the .xlsx it was saved from, at the same cell with the same text', () => {
  const fromXlsx = readWorkbookGrids(fixture('libreoffice-comments.xlsx'));
  const fromXls = readWorkbookGrids(fixture('libreoffice-comments.xls'));
  expect(fromXls.map((g) => g.sheetName)).toEqual(fromXlsx.map((g) => g.sheetName));
  const texts = (grids: typeof fromXls) => grids.map((g) => g.comments.map(({ address, text }) => ({ address, text })));
  expect(texts(fromXls)).toEqual(texts(fromXlsx));
  // The oracle is not empty: four comments on two sheets, the long one whole.
  expect(fromXlsx.flatMap((g) => g.comments)).toHaveLength(4);
  expect(fromXls[0].comments.find((c) => c.address === 'D10')?.text).toBe(LONG);
  // LibreOffice does not write the author into .xls (a single space); the .xlsx had one.
  expect(fromXlsx[0].comments[0].author).toBe('审核人');
  expect(fromXls.flatMap((g) => g.comments).map((c) => c.author.trim())).toEqual(['', '', '', '']);
});

test('Apache POI .xls: address, author and text of each comment as MakeXls.java wrote them', () => {
  const [sheet] = readXlsGrids(fixture('poi-comments.xls'));
  expect(sheet.sheetName).toBe('批注');
  expect(sheet.comments).toEqual([
    { address: 'A1', author: '审核人', text: '请填写完整的项目名称' },
    { address: 'B3', author: '财政局 张三', text: '预算数与财政拨款不一致：\n请核对' },
    { address: 'D10', author: 'reviewer', text: LONG },
  ]);
  // The cells under the comments are read as before.
  expect(sheet.values[0][0]).toBe('项目名称');
  expect(sheet.values[9][3]).toBe('≥90%');
});

test('an .xls without comments has none, and readWorkbookGrids passes the reader\'s comments on', () => {
  expect(readWorkbookGrids(fixture('poi-cells.xls')).flatMap((g) => g.comments)).toEqual([]);
  expect(readWorkbookGrids(fixture('poi-comments.xls'))[0].comments).toHaveLength(3);
});
