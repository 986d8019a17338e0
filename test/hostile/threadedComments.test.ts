// Issue #26: threaded comments (Excel 365) on flagged cells are kept by the marked copy and by `fix`.
// The fixture is built here as Excel writes such a workbook, following Microsoft's [MS-XLSX] (Excel
// extensions to the Office Open XML SpreadsheetML format), its Threaded Comments and Person List parts
// (https://learn.microsoft.com/en-us/openspecs/office_file_formats/ms-xlsx/): a threadedComment part
// related from the sheet, a person list related from the workbook, and beside them the legacy comment
// (author `tc={id}`) and VML note Excel writes so older versions show the thread.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { main } from '../../src/cli/main';
import { checkGrids } from '../../src/core/check';
import { readWorkbookGrids } from '../../src/xlsx/readWorkbook';
import { END, XmlReader } from '../../src/xlsx/xml';
import { expectOnlyMarksAdded } from '../support/markedCopyChecks';
import { loadSeedLibrary, seedTable } from '../support/seed';
import { rowIndex, setValue } from '../support/sheetTable';
import { convertAll, describeWithSoffice } from '../support/soffice';
import { tableSheet } from './support/cases';
import { rawXlsx } from './support/rawXlsx';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const THREADED_NS = 'http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments';
const THREADED_REL = 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment';
const PERSON_REL = 'http://schemas.microsoft.com/office/2017/10/relationships/person';
const THREADED_PART = 'xl/threadedComments/threadedComment1.xml';
const PERSON_PART = 'xl/persons/person.xml';
const PERSON = '{6B1E1F6A-3C2D-4E5F-8A9B-0C1D2E3F4A5B}';

/** The cells with a thread: 预算数 and the cost over it (both flagged), and the last 指标值, below any inserted row. */
interface Thread {
  ref: string;
  id: string;
  text: string;
  reply?: { id: string; text: string };
}

const dir = mkdtempSync(join(tmpdir(), 'jixiao-threaded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const hash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Excel's 0-based VML anchor and row/column for a note on `ref` (C4 → column 2, row 3). */
function vmlNote(ref: string, shape: number): string {
  const col = ref.charCodeAt(0) - 65;
  const row = Number(ref.slice(1)) - 1;
  return (
    `<v:shape id="_x0000_s${shape}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="infoBackground [80]" o:insetmode="auto">` +
    '<v:fill color2="infoBackground [80]"/><v:shadow color="none [81]" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${row}, 2, ${col + 3}, 15, ${row + 4}, 16</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

/** A seed table (budget 100万元, one cost of 200万元, 时效指标 missing) with Excel 365 threads on `threads`. */
function threadedWorkbook(threads: Thread[]): Uint8Array {
  const table = seedTable(1);
  table.budget = { total: 100, fiscal: 100, other: null };
  setValue(table, rowIndex(table, '运维费用支出'), '≤200万元');
  table.indicators = table.indicators.filter((row) => row.level2 !== '时效指标');
  const files = unzipSync(rawXlsx([tableSheet(table)]));
  const xml = (name: string) => strFromU8(files[name]);
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

  files['[Content_Types].xml'] = strToU8(
    xml('[Content_Types].xml').replace(
      '</Types>',
      '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
        '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>' +
        `<Override PartName="/${THREADED_PART}" ContentType="application/vnd.ms-excel.threadedcomments+xml"/>` +
        `<Override PartName="/${PERSON_PART}" ContentType="application/vnd.ms-excel.person+xml"/>` +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    ),
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    xml('xl/_rels/workbook.xml.rels').replace(
      '</Relationships>',
      `<Relationship Id="rId8" Type="${REL_NS}/styles" Target="styles.xml"/><Relationship Id="rId9" Type="${PERSON_REL}" Target="persons/person.xml"/></Relationships>`,
    ),
  );
  // The smallest styles part Excel writes: one font, the two required fills, one border, one cell format.
  files['xl/styles.xml'] = strToU8(
    `${head}<styleSheet xmlns="${MAIN_NS}"><fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
      '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
  );
  files['xl/worksheets/_rels/sheet1.xml.rels'] = strToU8(
    `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId3" Type="${THREADED_REL}" Target="../threadedComments/threadedComment1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL_NS}/comments" Target="../comments1.xml"/>` +
      `<Relationship Id="rId1" Type="${REL_NS}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/></Relationships>`,
  );
  files['xl/worksheets/sheet1.xml'] = strToU8(
    xml('xl/worksheets/sheet1.xml')
      .replace(`<worksheet xmlns="${MAIN_NS}"`, `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"`)
      .replace('</worksheet>', '<legacyDrawing r:id="rId1"/></worksheet>'),
  );
  const entry = (ref: string, id: string, text: string, parent?: string) =>
    `<threadedComment ref="${ref}" dT="2026-11-30T08:15:42.31" personId="${PERSON}" id="${id}"${parent ? ` parentId="${parent}"` : ''}><text>${text}</text></threadedComment>`;
  files[THREADED_PART] = strToU8(
    `${head}<ThreadedComments xmlns="${THREADED_NS}" xmlns:x="${MAIN_NS}">` +
      threads.map((t) => entry(t.ref, t.id, t.text) + (t.reply ? entry(t.ref, t.reply.id, t.reply.text, t.id) : '')).join('') +
      '</ThreadedComments>',
  );
  files[PERSON_PART] = strToU8(`${head}<personList xmlns="${THREADED_NS}" xmlns:x="${MAIN_NS}"><person displayName="王会计" id="${PERSON}" userId="wang.kj@example.gov.cn" providerId="None"/></personList>`);
  // The legacy note Excel writes for each thread: authored `tc=` + the thread's id, its text a notice and the thread.
  files['xl/comments1.xml'] = strToU8(
    `${head}<comments xmlns="${MAIN_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="xr" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision">` +
      `<authors>${threads.map((t) => `<author>tc=${t.id}</author>`).join('')}</authors><commentList>` +
      threads
        .map(
          (t, i) =>
            `<comment ref="${t.ref}" authorId="${i}" shapeId="0" xr:uid="${t.id}"><text><t xml:space="preserve">[Threaded comment]\n\n` +
            `(legacy copy of an Excel 365 thread)\n\nComment:\n    ${t.text}${t.reply ? `\nReply:\n    ${t.reply.text}` : ''}</t></text></comment>`,
        )
        .join('') +
      '</commentList></comments>',
  );
  files['xl/drawings/vmlDrawing1.vml'] = strToU8(
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
      '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
      '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
      threads.map((t, i) => vmlNote(t.ref, 1025 + i)).join('') +
      '</xml>',
  );
  return zipSync(files);
}

const THREADS: Thread[] = [
  { ref: 'C4', id: '{1A2B3C4D-0001-4E5F-8A9B-0C1D2E3F4A51}', text: '预算数是否含上年结转？', reply: { id: '{1A2B3C4D-0002-4E5F-8A9B-0C1D2E3F4A52}', text: '不含，已与财政科核对。' } },
  { ref: 'E17', id: '{1A2B3C4D-0003-4E5F-8A9B-0C1D2E3F4A53}', text: '运维费按合同价填写。' },
  { ref: 'E21', id: '{1A2B3C4D-0004-4E5F-8A9B-0C1D2E3F4A54}', text: '满意度按年终问卷。' },
];

function expectWellFormed(files: Record<string, Uint8Array>): void {
  for (const [name, data] of Object.entries(files)) {
    if (!/\.(xml|rels|vml)$/.test(name)) continue;
    const x = new XmlReader(strFromU8(data), name);
    while (x.next() !== END);
  }
}

/** The sheet's and the workbook's relationships to the thread and the person list, as written. */
function threadRels(files: Record<string, Uint8Array>): string[] {
  const rels = strFromU8(files['xl/worksheets/_rels/sheet1.xml.rels']) + strFromU8(files['xl/_rels/workbook.xml.rels']);
  return [...rels.matchAll(/<Relationship\b[^>]*\/>/g)].map((m) => m[0]).filter((rel) => rel.includes('/2017/10/relationships/'));
}

/** Each `ref` of the legacy comments authored `tc={id}`, by thread id: where older Excel shows the thread. */
function legacyRefs(files: Record<string, Uint8Array>): Map<string, string> {
  const comments = strFromU8(files['xl/comments1.xml']);
  const authors = [...comments.matchAll(/<author>([^<]*)<\/author>/g)].map((m) => m[1]);
  const out = new Map<string, string>();
  for (const m of comments.matchAll(/<comment ref="([^"]+)" authorId="(\d+)"/g)) out.set(authors[Number(m[2])].replace(/^tc=/, ''), m[1]);
  return out;
}

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (out += t) });
  return { code, out };
}

const copies: string[] = [];

describe('threaded comments on flagged cells', () => {
  const input = join(dir, '线程批注.xlsx');
  let original: Record<string, Uint8Array>;
  let before: string;

  beforeAll(() => {
    const bytes = threadedWorkbook(THREADS);
    writeFileSync(input, bytes);
    original = unzipSync(bytes);
    before = hash(bytes);
  });

  test('the fixture is what the test needs: threads on the cells cost-over-budget flags, and a fix inserting a row above E21', () => {
    expectWellFormed(original);
    const [report] = checkGrids(readWorkbookGrids(new Uint8Array(readFileSync(input))));
    expect(report.issues.find((i) => i.code === 'cost-over-budget')?.cells).toEqual(['E17', 'C4']);
    const insert = report.issues.flatMap((i) => i.fix?.steps ?? []).find((s) => s.kind === 'insertRows');
    expect(insert).toMatchObject({ kind: 'insertRows', before: 19, count: 1 });
    expect(legacyRefs(original)).toEqual(new Map(THREADS.map((t) => [t.id, t.ref])));
  });

  test('check --marked: the thread part, the person list and their relationships keep their bytes; the copy re-parses', async () => {
    const out = join(dir, 'marked');
    const { code, out: said } = await cli(['check', input, '--marked', out]);
    expect([code, said]).toEqual([1, expect.stringContaining('标记副本已写入')]);
    const file = join(out, '线程批注-已标记.xlsx');
    const files = unzipSync(new Uint8Array(readFileSync(file)));
    expectWellFormed(files);
    expect(readWorkbookGrids(new Uint8Array(readFileSync(file))).map((g) => g.sheetName)).toEqual(['表1']);
    for (const part of [THREADED_PART, PERSON_PART]) expect([part, hash(files[part])]).toEqual([part, hash(original[part])]);
    expect(threadRels(files)).toEqual(threadRels(original));
    expect(threadRels(files)).toHaveLength(2);
    const types = strFromU8(files['[Content_Types].xml']);
    expect(types).toContain(`<Override PartName="/${THREADED_PART}" ContentType="application/vnd.ms-excel.threadedcomments+xml"/>`);
    expect(types).toContain(`<Override PartName="/${PERSON_PART}" ContentType="application/vnd.ms-excel.person+xml"/>`);
    // Each thread's legacy note is still on its cell, jixiao's message after the thread's text; the flagged
    // cells without a thread get a note of jixiao's own: A9 (the template's 时效 rows, seed library loaded), A10
    // (时效 missing) and E19 (the seed's 「保障」, a vague target since issue #23). Every note's cell is listed:
    // jixiao's own notes share one author, so the map by author above keeps only one of them.
    const notes = legacyRefs(files);
    expect(new Map(THREADS.map((t) => [t.id, notes.get(t.id)]))).toEqual(legacyRefs(original));
    const noteCells = [...strFromU8(files['xl/comments1.xml']).matchAll(/<comment ref="([^"]+)"/g)].map((m) => m[1]);
    expect(noteCells.sort()).toEqual(['A10', 'A9', 'C4', 'E17', 'E19', 'E21']);
    expect(strFromU8(files['xl/comments1.xml'])).toMatch(/预算数是否含上年结转？[\s\S]*不含，已与财政科核对。[\s\S]*超过预算数/);
    // And the copy is the input plus exactly the marks of the reports the CLI printed (seed library loaded).
    const reports = checkGrids(readWorkbookGrids(new Uint8Array(readFileSync(input))), { library: loadSeedLibrary() });
    expectOnlyMarksAdded(new Uint8Array(readFileSync(input)), new Uint8Array(readFileSync(file)), reports);
    copies.push(file);
  });

  test('fix: the threads keep their text, people and ids; the one below the inserted row moves with its cell and its legacy note', async () => {
    const file = join(dir, '线程批注-已修正.xlsx');
    const { code, out } = await cli(['fix', input, '--out', file]);
    expect([0, 1]).toContain(code);
    expect(out).toContain('插入');
    const files = unzipSync(new Uint8Array(readFileSync(file)));
    expectWellFormed(files);
    expect(readWorkbookGrids(new Uint8Array(readFileSync(file))).map((g) => g.sheetName)).toEqual(['表1']);
    expect(hash(files[PERSON_PART])).toBe(hash(original[PERSON_PART]));
    expect(threadRels(files)).toEqual(threadRels(original));
    // One row went in above row 19: C4 and E17 stay, E21 is now E22 — in the thread and in its legacy note alike.
    const moved = new Map(THREADS.map((t) => [t.id, t.ref === 'E21' ? 'E22' : t.ref]));
    expect(strFromU8(files[THREADED_PART])).toBe(strFromU8(original[THREADED_PART]).replaceAll('ref="E21"', 'ref="E22"'));
    expect(legacyRefs(files)).toEqual(moved);
    copies.push(file);
  });

  test('the input file never changes', () => {
    expect(hash(new Uint8Array(readFileSync(input)))).toBe(before);
  });
});

describeWithSoffice('LibreOffice opens the marked and the fixed copy', () => {
  test('one batch conversion to .ods', () => {
    expect(copies).toHaveLength(2);
    const made = new Set(readdirSync(convertAll(copies, 'ods')));
    expect(copies.map((file) => file.replace(/^.*\//, '').replace(/\.xlsx$/, '.ods')).filter((name) => !made.has(name))).toEqual([]);
  }, 300_000);
});
