// The hostile files of issue #26, generated at test time and by the bench: a few KB to a few hundred
// KB on disk, each aimed at one way reading, marking or fixing could take quadratic time or unbounded
// memory.
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate, ZipPassThrough, zipSync } from 'fflate';
import { planTableSheet } from '../../../src/core/sheet/layout';
import { workbookToBuffer, writePlan } from '../../../src/xlsx';
import { seedTable } from '../../support/seed';
import { rowIndex, setValue } from '../../support/sheetTable';
import { tableSheet, zipBombXlsx } from './cases';
import { cellXml, rawXlsx } from './rawXlsx';

const SHEET = 'xl/worksheets/sheet1.xml';

/** The package parts of seed table 1 (budget 1 = 1 + 0) as exceljs writes it: the base the editors' cases change. */
export async function seedTableParts(): Promise<Record<string, Uint8Array>> {
  const table = seedTable(1);
  table.budget = { total: 1, fiscal: 1, other: null };
  const book = new ExcelJS.Workbook();
  writePlan(book, planTableSheet(table, { sheetName: '表1', framework: 'seed' }));
  return unzipSync(new Uint8Array(await workbookToBuffer(book)));
}
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function edited(bytes: Uint8Array, edit: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(bytes);
  edit(files);
  return zipSync(files, { level: 9 });
}

function rewrite(files: Record<string, Uint8Array>, part: string, change: (xml: string) => string): void {
  files[part] = strToU8(change(strFromU8(files[part])));
}

/** Seed table 1 with a cost written ≥ (a fix is offered) and a 200万元 cost over its budget (marks). */
export function flaggedTableXlsx(): Uint8Array {
  const table = seedTable(1);
  table.budget = { total: 100, fiscal: 100, other: null };
  setValue(table, rowIndex(table, '运维费用支出'), '≥200万元');
  return rawXlsx([tableSheet(table)]);
}

/** 20,000 numeric cells under a number format of 20,000 `[` (a quadratic bracket regex: 187 s). */
export function bracketFormatXlsx(): Uint8Array {
  const rows = Array.from({ length: 2000 }, (_, r) => `<row r="${r + 1}">${Array.from({ length: 10 }, (_, c) => cellXml({ address: `${'ABCDEFGHIJ'[c]}${r + 1}`, value: r * 10 + c }).replace('<c ', '<c s="1" ')).join('')}</row>`);
  return edited(rawXlsx([{ name: '表1', cells: [], rows }]), (files) => {
    files['xl/styles.xml'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="${'['.repeat(20_000)}0"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`,
    );
    rewrite(files, 'xl/_rels/workbook.xml.rels', (xml) => xml.replace('</Relationships>', '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'));
    rewrite(files, '[Content_Types].xml', (xml) => xml.replace('</Types>', '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'));
  });
}

/** 200 `<sheet>` entries naming one sheet part of `inflatedMB` MB (parsed 201 times: killed at 300 s). */
export function sharedPartXlsx(inflatedMB: number): Uint8Array {
  return edited(zipBombXlsx(inflatedMB), (files) =>
    rewrite(files, 'xl/workbook.xml', (xml) => xml.replace(/<sheet [^>]*\/>/, (one) => Array.from({ length: 200 }, (_, i) => one.replace(/name="[^"]*"/, `name="表${i + 1}"`).replace(/sheetId="\d+"/, `sheetId="${i + 1}"`)).join(''))),
  );
}

/** The flagged table with an XML comment of `times` copies of `text` before its rows. */
export function commentedXlsx(text: string, times: number): Uint8Array {
  return edited(flaggedTableXlsx(), (files) => rewrite(files, SHEET, (xml) => xml.replace('<sheetData>', `<!--${text.repeat(times)}--><sheetData>`)));
}

/** An .ods whose content.xml holds `mb` MB of whitespace inside one paragraph (2.3 GB peak); made a MB at a time. */
export function whitespaceOds(mb: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  const mimetype = new ZipPassThrough('mimetype');
  zip.add(mimetype);
  mimetype.push(strToU8('application/vnd.oasis.opendocument.spreadsheet'), true);
  const content = new ZipDeflate('content.xml', { level: 9 });
  zip.add(content);
  content.push(
    strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="表1"><table:table-row><table:table-cell office:value-type="string"><text:p>预算',
    ),
  );
  const megabyte = strToU8(' \n\t '.repeat(256 * 1024));
  for (let i = 0; i < mb; i++) content.push(megabyte);
  content.push(strToU8('数</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>'), true);
  zip.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** One inline string of `mb` MB (a 400 MB text node: 2.8 GB peak); its text made a MB at a time. */
export function longTextXlsx(mb: number): Uint8Array {
  function* rows(): Generator<string> {
    yield '<row r="2"><c r="A2" t="inlineStr"><is><t>';
    const megabyte = 'x'.repeat(1024 * 1024);
    for (let i = 0; i < mb; i++) yield megabyte;
    yield '</t></is></c></row>';
  }
  return rawXlsx([{ name: '表1', cells: [{ address: 'A1', value: '项目名称' }], rows: rows() }]);
}
