import { zipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { planTableSheet } from '../../src/core/sheet/layout';
import { workbookToBuffer, writePlan } from '../../src/xlsx';
import { OoxmlPackage, resolveTarget } from '../../src/xlsx/package';
import { failure, seedTables } from './support';

const enc = new TextEncoder();

describe('OoxmlPackage', () => {
  test('follows the relationships of an exceljs-written workbook to its sheets', async () => {
    const workbook = new ExcelJS.Workbook();
    const tables = seedTables();
    writePlan(workbook, planTableSheet(tables[0], { sheetName: '甲', framework: 'seed' }));
    writePlan(workbook, planTableSheet(tables[1], { sheetName: '乙', framework: 'seed' }));
    workbook.getWorksheet('乙')!.state = 'hidden';
    const pkg = OoxmlPackage.open(await workbookToBuffer(workbook));
    const info = pkg.workbook();
    expect(info.part).toBe('xl/workbook.xml');
    expect(info.sheets.map((s) => [s.name, s.state, s.kind])).toEqual([
      ['甲', 'visible', 'worksheet'],
      ['乙', 'hidden', 'worksheet'],
    ]);
    for (const sheet of info.sheets) expect(pkg.text(sheet.part!)).toContain('<sheetData');
    expect(pkg.related(info.part, 'sharedStrings')).toBe('xl/sharedStrings.xml');
    expect(pkg.contentType(info.sheets[0].part!)).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml');
    // Stored bytes are the compressed data of the entry.
    const stored = pkg.stored(info.part);
    expect(stored.data.length).toBe(stored.entry.compressedSize);
  });

  test('resolves relative, parent and absolute targets', () => {
    expect(resolveTarget('xl/workbook.xml', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/worksheets/sheet1.xml', '../comments1.xml')).toBe('xl/comments1.xml');
    expect(resolveTarget('xl/workbook.xml', '/xl/worksheets/s%20a.xml')).toBe('xl/worksheets/s a.xml');
    expect(resolveTarget('', 'xl/workbook.xml')).toBe('xl/workbook.xml');
  });

  test('a zip bomb ends in too-large while inflating, whatever the directory declares', () => {
    const big = new Uint8Array(16 * 1024 * 1024); // compresses to ~16 KB
    const zip = zipSync({ 'xl/worksheets/sheet1.xml': big }, { level: 9 });
    // Lie in the central directory: declared inflated size 1 KB.
    const view = new DataView(zip.buffer, zip.byteOffset);
    for (let i = zip.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 24, 1024, true);
        break;
      }
    }
    const pkg = OoxmlPackage.open(zip, { maxInflatedBytes: 4 * 1024 * 1024 });
    const error = failure(() => pkg.bytesOf('xl/worksheets/sheet1.xml'));
    expect(error.reason).toBe('too-large');
    expect(error.message).toContain('解压后的内容');
    expect(error.message).toContain(String(4 * 1024 * 1024));
  });

  test('a file above maxFileBytes is refused before its directory is read', () => {
    const zip = zipSync({ a: enc.encode('x'.repeat(5000)) }, { level: 0 });
    expect(failure(() => OoxmlPackage.open(zip, { maxFileBytes: 1000 })).reason).toBe('too-large');
  });

  test('a truncated zip and a zip without a workbook are named as such', () => {
    const zip = zipSync({ 'word/document.xml': enc.encode('<w/>') });
    expect(failure(() => OoxmlPackage.open(zip.subarray(0, zip.length - 10))).reason).toBe('corrupt');
    expect(failure(() => OoxmlPackage.open(zip).workbook()).reason).toBe('not-xlsx');
  });

  test('a DOCTYPE (entity expansion) is refused as corrupt, not expanded', () => {
    const rels = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><Relationships><Relationship Id="r" Type="x/officeDocument" Target="&a;"/></Relationships>';
    const pkg = OoxmlPackage.open(zipSync({ '_rels/.rels': enc.encode(rels) }));
    expect(failure(() => pkg.workbook()).reason).toBe('corrupt');
  });
});
