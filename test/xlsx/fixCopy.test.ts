// The fixed copy of files written by other programs (openpyxl, LibreOffice): a cost written with ≥ put
// right and rows inserted inside the indicator grid, above a funds block of formulas, a merge, a
// validation, a conditional format, a hyperlink, a defined name and another sheet's references. LibreOffice
// (recalculating every formula) and SheetJS open the copy; the totals come out the same, moved down.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { checkGrids } from '../../src/core/check';
import type { Fix } from '../../src/core/model';
import { fixedCopy } from '../../src/xlsx/fixCopy';
import { OoxmlPackage } from '../../src/xlsx/package';
import { readWorkbookGrids } from '../../src/xlsx/readWorkbook';
import { SheetXml } from '../../src/xlsx/sheetXml';
import { describeWithSoffice, sheetsAsCsv } from '../support/soffice';
import { loadSeedLibrary } from '../support/seed';
import { tempDir } from './support';

const WRITERS = join(__dirname, '..', 'fixtures', 'writers');
const SHEET = '数字化运维项目';
const FILES = ['fix-openpyxl.xlsx', 'fix-libreoffice.xlsx'];

const costFix: Fix = { description: '将「≥0.8万元」改为「≤0.8万元」', steps: [{ kind: 'setCell', cell: 'E19', value: '≤0.8万元' }], select: ['E19'] };
/** Two rows inside the grid, above 效益 (row 20), formatted like the last 成本 row; values typed into them. */
const rowsFix: Fix = {
  description: '插入 2 行经济效益指标',
  steps: [
    { kind: 'insertRows', before: 20, count: 2, formatFrom: 19 },
    { kind: 'setCell', cell: 'B20', value: '经济效益指标' },
    { kind: 'setCell', cell: 'C20', value: '节约运维成本' },
    { kind: 'setCell', cell: 'E20', value: '≥5万元' },
    { kind: 'setCell', cell: 'B21', value: '经济效益指标' },
    { kind: 'setCell', cell: 'C21', value: '减少停机损失' },
    { kind: 'setCell', cell: 'E21', value: 3 },
  ],
  select: ['E20', 'E21'],
};

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function fixFile(name: string): { input: Uint8Array; output: Uint8Array; dir: string } {
  const path = join(WRITERS, name);
  const before = sha(readFileSync(path));
  const input = readFileSync(path);
  const { bytes } = fixedCopy(input, [
    { sheet: SHEET, fix: costFix },
    { sheet: SHEET, fix: rowsFix },
  ]);
  expect(sha(readFileSync(path))).toBe(before);
  expect(sha(input)).toBe(before);
  return { input, output: bytes, dir: tempDir('fixcopy') };
}

describe.each(FILES)('%s', (name) => {
  test('the changes are made, every other part is as it was, and a re-check no longer finds the ≥ cost', () => {
    const { input, output } = fixFile(name);
    const was = OoxmlPackage.open(input);
    const now = OoxmlPackage.open(output);
    const touched = new Set(['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/comments1.xml', 'xl/drawings/drawing1.xml', 'xl/drawings/vmlDrawing1.vml', '[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/calcChain.xml']);
    for (const entry of was.entries) {
      if (touched.has(entry.name) || entry.name.endsWith('/')) continue;
      expect([entry.name, Buffer.compare(Buffer.from(now.bytesOf(entry.name)), Buffer.from(was.bytesOf(entry.name)))]).toEqual([entry.name, 0]);
    }
    expect(now.has('xl/calcChain.xml')).toBe(false);

    const library = loadSeedLibrary();
    const codes = (bytes: Uint8Array) => checkGrids(readWorkbookGrids(bytes), { library }).filter((r) => r.sheet === SHEET).flatMap((r) => r.issues.map((i) => `${i.code} ${i.cells[0] ?? ''}`));
    expect(codes(input)).toContain('cost-lower-bound E19');
    expect(codes(output).filter((c) => c.startsWith('cost-lower-bound'))).toEqual([]);

    const grid = readWorkbookGrids(output).find((g) => g.sheetName === SHEET)!;
    const original = readWorkbookGrids(input).find((g) => g.sheetName === SHEET)!;
    expect(grid.values[19].slice(1, 5)).toEqual(['经济效益指标', '节约运维成本', undefined, '≥5万元']);
    expect(grid.values[20][4]).toBe(3);
    // Everything from row 20 on is the original, two rows down.
    for (let r = 19; r < 40; r++) expect([r, grid.values[r + 2] ?? []]).toEqual([r, original.values[r] ?? []]);
    expect(grid.merges).toContain('A32:E32');
    expect(grid.merges).toContain('A10:A19');
  });

  test('the new rows take the model row’s styles and height; validations and formats reach them', () => {
    const { output } = fixFile(name);
    const xml = OoxmlPackage.open(output).text('xl/worksheets/sheet1.xml');
    const sheet = SheetXml.parse(xml, SHEET);
    const styles = (r: number) => [...sheet.row(r)!.inner!.matchAll(/<c r="([A-Z]+)\d+"[^>]*?\ss="(\d+)"/g)].map((m) => `${m[1]}:${m[2]}`);
    expect(styles(21)).toEqual(styles(19));
    expect(/\sht="([^"]+)"/.exec(sheet.row(21)!.open)?.[1]).toBe(/\sht="([^"]+)"/.exec(sheet.row(19)!.open)?.[1]);
    // The list of 二级 names covers the whole grid, the new rows inside it; the funds validation moved.
    expect(xml).toMatch(/sqref="B10:B28"/);
    expect(xml).toMatch(/sqref="B33:B36"/);
    expect(xml).toMatch(/<conditionalFormatting[^>]*sqref="B33:B36"[\s\S]*?<formula>\$B\$37\/2<\/formula>/);
  });

  describeWithSoffice('opened by other programs', () => {
    jest.setTimeout(300_000);

    test('LibreOffice recalculates the copy: every value and total is the original’s, two rows down', () => {
      const { input, output, dir } = fixFile(name);
      const inFile = join(dir, 'in.xlsx');
      const outFile = join(dir, 'out.xlsx');
      writeFileSync(inFile, input);
      writeFileSync(outFile, output);
      const csv = sheetsAsCsv([inFile, outFile]);
      const was = csv.get(inFile)!.get(SHEET)!;
      const now = csv.get(outFile)!.get(SHEET)!;
      expect(now[18][4]).toBe('≤0.8万元');
      expect(now[19].slice(1, 5)).toEqual(['经济效益指标', '节约运维成本', '', '≥5万元']);
      expect(now[20][4]).toBe('3');
      for (let r = 19; r < was.length; r++) expect(now[r + 2]).toEqual(was[r]);
      // The 合计 row: =SUM, =$B$35-$C$4, =SUM($B$31:$B$34)*2, and F4 (=B35, above the insert) still 292.
      expect(now[36].slice(0, 4)).toEqual(['合计', '292', '0', '584']);
      expect(now[3][5]).toBe('292');
      expect(csv.get(outFile)!.get('汇总')).toEqual(csv.get(inFile)!.get('汇总'));
      expect(csv.get(outFile)!.get('汇总')!.map((row) => row[1])).toEqual(['292', '292', '292']);
    });
  });

  test('SheetJS reads the copy: the formulas moved, the merge and the defined name with them', () => {
    const { output } = fixFile(name);
    // sheetStubs: openpyxl writes formulas without a cached value, which SheetJS otherwise leaves out.
    const workbook = XLSX.read(output, { cellFormula: true, sheetStubs: true });
    const sheet = workbook.Sheets[SHEET];
    expect(sheet.B37.f).toBe('SUM(B33:B36)');
    expect(sheet.C37.f).toBe('$B$37-$C$4');
    expect(sheet.D37.f).toBe('SUM($B$33:$B$36)*2');
    expect(sheet.C33.f).toBe('B33/$B$37');
    expect(sheet.F4.f).toBe('B37');
    expect(sheet.E19.v).toBe('≤0.8万元');
    expect(sheet['!merges']!.map((m) => XLSX.utils.encode_range(m))).toContain('A32:E32');
    expect(workbook.Sheets['汇总'].B2.f).toMatch(/^SUM\('?数字化运维项目'?!B33:B36\)$/);
    expect(workbook.Workbook!.Names!.find((n) => n.Name === '测算合计')!.Ref).toMatch(/^'?数字化运维项目'?!\$B\$37$/);
  });
});

describe('shared formulas', () => {
  const xml = (rows: string) => `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

  test('each cell of a group gets its own formula before rows move, so a group straddling the insert stays right', () => {
    const sheet = SheetXml.parse(
      xml(
        '<row r="2"><c r="B2"><f t="shared" ref="B2:B4" si="0">A3*2</f><v>6</v></c></row>' +
          '<row r="3"><c r="B3"><f t="shared" si="0"/><v>8</v></c></row>' +
          '<row r="4"><c r="B4"><f t="shared" si="0"/><v>10</v></c></row>',
      ),
      'S',
    );
    sheet.unshareFormulas();
    expect(sheet.toString()).toContain('<c r="B2"><f>A3*2</f><v>6</v></c>');
    expect(sheet.toString()).toContain('<c r="B3"><f>A4*2</f><v>8</v></c>');
    expect(sheet.toString()).toContain('<c r="B4"><f>A5*2</f><v>10</v></c>');
  });

  test('rows and cells written without r keep their places when a cell is added before them', () => {
    const sheet = SheetXml.parse(xml('<row><c><v>1</v></c><c><v>2</v></c></row><row><c t="b"><v>1</v></c></row>'), 'S');
    sheet.putCell('A1', '<c r="A1"><v>9</v></c>');
    expect(sheet.toString()).toContain('<row r="1"><c r="A1"><v>9</v></c><c><v>2</v></c></row><row r="2">');
    sheet.putCell('C2', '<c r="C2"><v>5</v></c>');
    expect(sheet.toString()).toContain('<row r="2"><c t="b"><v>1</v></c><c r="C2"><v>5</v></c></row>');
  });
});
