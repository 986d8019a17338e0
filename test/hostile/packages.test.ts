/* eslint-disable no-control-regex -- these tests look for control characters. */
// Issue #26, packages built to hurt the editors: comments, CDATA and processing instructions that look
// like markup, parts shared by several sheets, two sheets of one name, control characters, macros,
// .xlsb. Each is generated here from a real seed table written by exceljs; every copy written must parse
// as XML again, and finish in seconds.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { main } from '../../src/cli/main';
import { checkGrids } from '../../src/core/check';
import { fixedCopy } from '../../src/xlsx/fixCopy';
import { gridsToXlsx } from '../../src/xlsx/gridXlsx';
import { markedCopy } from '../../src/xlsx/markedCopy';
import { OoxmlPackage } from '../../src/xlsx/package';
import { readWorkbookGrids } from '../../src/xlsx/readWorkbook';
import { END, XmlReader } from '../../src/xlsx/xml';
import { longTextXlsx, seedTableParts, whitespaceOds } from './support/cases26';
import { failure } from '../xlsx/support';

const SHEET = 'xl/worksheets/sheet1.xml';
let seed: Record<string, Uint8Array>;

beforeAll(async () => {
  seed = await seedTableParts();
});

/** The seed package with some parts rewritten. */
function pkg(edit: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = { ...seed };
  edit(files);
  return zipSync(files);
}

function rewrite(files: Record<string, Uint8Array>, part: string, change: (xml: string) => string): void {
  files[part] = strToU8(change(strFromU8(files[part])));
}

/** Every XML part of `bytes` tokenizes to its end (XmlReader throws on malformed XML). */
function expectWellFormed(bytes: Uint8Array): void {
  const files = unzipSync(bytes);
  for (const [name, data] of Object.entries(files)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const x = new XmlReader(strFromU8(data), name);
    while (x.next() !== END);
    // Characters XML 1.0 cannot hold are never written raw.
    expect([name, /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(strFromU8(data))]).toEqual([name, false]);
  }
}

function reportsOf(bytes: Uint8Array) {
  return checkGrids(readWorkbookGrids(bytes), {});
}

describe('markup inside comments, CDATA and processing instructions is not markup', () => {
  it('a commented-out <row r="99"> before a row: fix writes well-formed XML and the right cell', () => {
    const bytes = pkg((files) => rewrite(files, SHEET, (xml) => xml.replace('<row r="2"', '<!--<row r="99">--><?pi <row r="98"> ?><row r="2"')));
    const copy = fixedCopy(bytes, [{ sheet: '表1', fix: { description: 't', steps: [{ kind: 'setCell', cell: 'H2', value: '改' }], select: [] } }]);
    expectWellFormed(copy.bytes);
    const grid = readWorkbookGrids(copy.bytes)[0];
    expect(grid.values[1 - grid.top][7 - grid.left]).toBe('改');
    expect(copy.changes).toHaveLength(1);
  });

  it('400,000 "<row " inside a comment: fix inserts rows in seconds, the copy parses', () => {
    const bytes = pkg((files) => rewrite(files, SHEET, (xml) => xml.replace('<sheetData>', `<!--${'<row '.repeat(400_000)}--><sheetData>`)));
    const started = Date.now();
    const copy = fixedCopy(bytes, [{ sheet: '表1', fix: { description: 't', steps: [{ kind: 'insertRows', before: 12, count: 2, formatFrom: 12 }], select: [] } }]);
    expect(Date.now() - started).toBeLessThan(10_000);
    expectWellFormed(copy.bytes);
  });

  it('150,000 "<cfRule " inside a comment and a CDATA holding "<legacyDrawing ": the marked copy is quick and parses', () => {
    const bytes = pkg((files) =>
      rewrite(files, SHEET, (xml) => xml.replace('<sheetData>', `<!--${'<cfRule priority="9" '.repeat(150_000)}--><sheetData>`).replace('</worksheet>', '<!--<legacyDrawing r:id="rId99"/>--></worksheet>')),
    );
    const started = Date.now();
    const copy = markedCopy(bytes, reportsOf(bytes));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(copy.marked).toBeGreaterThan(0);
    expectWellFormed(copy.bytes);
    const sheet = strFromU8(unzipSync(copy.bytes)[SHEET]);
    // Priorities count only real rules; the note drawing is a real legacyDrawing, not the commented one.
    expect(sheet).toContain('priority="1"');
    expect(sheet).toMatch(/<legacyDrawing r:id="rId\d+"\/>/);
    expect(sheet).not.toContain('rId99');
  });
});

describe('sheets are one part each and one name each', () => {
  it('200 <sheet> entries on one part are refused at once as damaged (never parsed 200 times)', () => {
    const bytes = pkg((files) =>
      rewrite(files, 'xl/workbook.xml', (xml) => xml.replace(/<sheet [^>]*\/>/, (one) => [one, ...Array.from({ length: 199 }, (_, i) => one.replace(/name="[^"]*"/, `name="副本${i}"`).replace(/sheetId="\d+"/, `sheetId="${i + 2}"`))].join(''))),
    );
    const started = Date.now();
    const error = failure(() => readWorkbookGrids(bytes));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error.reason).toBe('corrupt');
    expect(error.message).toContain('指向同一个部件');
    expect(() => markedCopy(bytes, [])).toThrow(/指向同一个部件/);
  });

  it('two sheets named alike (ignoring case) are refused, so no edit can land on the wrong one', () => {
    const twice = gridsToXlsx([
      { sheetName: 'Sheet', top: 0, left: 0, values: [['a']], merges: [], state: 'visible', comments: [] },
      { sheetName: 'sheet', top: 0, left: 0, values: [['b']], merges: [], state: 'visible', comments: [] },
    ]);
    expect(failure(() => readWorkbookGrids(twice)).message).toContain('有两个工作表都叫「sheet」');
  });
});

describe('copies every program opens', () => {
  it('control characters from a cell become _x0001_ in the converted copy and read back as themselves', () => {
    const bytes = gridsToXlsx([{ sheetName: '表1', top: 0, left: 0, values: [['a\u0001b\u001bc', '_x0041_']], merges: [], state: 'visible', comments: [] }]);
    expectWellFormed(bytes);
    expect(readWorkbookGrids(bytes)[0].values[0]).toEqual(['a\u0001b\u001bc', '_x0041_']);
  });

  it('an .xlsm gives a macro-free .xlsx copy: project part, relationship and macro content type gone, said plainly', async () => {
    const bytes = pkg((files) => {
      files['xl/vbaProject.bin'] = new Uint8Array([1, 2, 3]);
      rewrite(files, '[Content_Types].xml', (xml) =>
        xml.replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml').replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'),
      );
      rewrite(files, 'xl/_rels/workbook.xml.rels', (xml) => xml.replace('</Relationships>', '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'));
    });
    expect(OoxmlPackage.open(bytes).contentType('xl/workbook.xml')).toContain('macroEnabled');
    const marked = markedCopy(bytes, reportsOf(bytes));
    const fixed = fixedCopy(bytes, [{ sheet: '表1', fix: { description: 't', steps: [{ kind: 'setCell', cell: 'H2', value: 1 }], select: [] } }]);
    for (const copy of [marked, fixed]) {
      expect(copy.macrosRemoved).toBe(true);
      expectWellFormed(copy.bytes);
      const files = unzipSync(copy.bytes);
      expect(Object.keys(files)).not.toContain('xl/vbaProject.bin');
      expect(strFromU8(files['[Content_Types].xml'])).not.toContain('macroEnabled');
      expect(strFromU8(files['xl/_rels/workbook.xml.rels'])).not.toContain('vbaProject');
      expect(readWorkbookGrids(copy.bytes)).toHaveLength(1);
    }
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-hostile-xlsm-'));
    try {
      writeFileSync(join(dir, '宏.xlsm'), bytes);
      let err = '';
      await main(['check', join(dir, '宏.xlsm'), '--marked', join(dir, 'out')], { stdout: () => undefined, stderr: (t) => (err += t) });
      expect(err).toContain('原文件含宏（.xlsm），标记副本为不含宏的 .xlsx');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('text streamed, kept text bounded', () => {
  it('an .ods paragraph of 20 MB whitespace reads as one space (ODF collapses it), a 2 MB cell text is refused by its limit', () => {
    expect(readWorkbookGrids(whitespaceOds(20))[0].values[0][0]).toBe('预算 数');
    const error = failure(() => readWorkbookGrids(longTextXlsx(2)));
    expect([error.reason, error.message]).toEqual(['too-large', expect.stringContaining('一个元素中的文字')]);
  });
});

describe('messages', () => {
  it('an .xlsb is named as such', () => {
    const bytes = pkg((files) => {
      files['xl/workbook.bin'] = files['xl/workbook.xml'];
      delete files['xl/workbook.xml'];
      rewrite(files, '_rels/.rels', (xml) => xml.replace('xl/workbook.xml', 'xl/workbook.bin'));
      rewrite(files, '[Content_Types].xml', (xml) => xml.replace('/xl/workbook.xml', '/xl/workbook.bin').replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.binary.macroEnabled.main'));
    });
    expect(failure(() => readWorkbookGrids(bytes)).message).toContain('.xlsb 二进制工作簿，请另存为 .xlsx');
  });

  it('ESC, BEL and CR from a sheet name and cell text never reach the terminal raw', async () => {
    const bytes = pkg((files) => rewrite(files, 'xl/workbook.xml', (xml) => xml.replace('name="表1"', 'name="表1&#27;]0;pwned&#7;&#13;"')));
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-hostile-tty-'));
    try {
      const file = join(dir, '表.xlsx');
      writeFileSync(file, bytes);
      for (const args of [[file], [file, '--json']]) {
        let out = '';
        let err = '';
        await main(['check', ...args], { stdout: (t) => (out += t), stderr: (t) => (err += t) });
        expect(out + err).not.toMatch(/[\u0007\u001b\r]/);
        expect(out).toContain('\\u001b]0;pwned');
        if (args.includes('--json')) expect(JSON.parse(out).files[0].sheets[0].sheet).toBe('表1\u001b]0;pwned\u0007\r');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
