// Issue #26: workbooks saved by Microsoft Excel itself (test/fixtures/excel-written and its poi/ folder,
// each with a SOURCES.md). Each is read or refused with a clear Chinese message; its marked copy and its
// fixed copy (two rows inserted) parse again, keep every part they do not edit, and LibreOffice opens them;
// where a sheet holds pictures, charts, tables, pivot tables or a print area, LibreOffice finds each of them
// in the fixed copy where it found it in the original, moved down by the inserted rows
// (excelWrittenParts.ts). One LibreOffice conversion for all of it. The input files' bytes never change.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { checkGrids } from '../../src/core/check';
import type { SheetReport } from '../../src/core/model';
import { WorkbookReadError } from '../../src/xlsx/errors';
import { fixedCopy } from '../../src/xlsx/fixCopy';
import { asXlsxPackage } from '../../src/xlsx/gridXlsx';
import { markedCopy } from '../../src/xlsx/markedCopy';
import { readWorkbookGrids } from '../../src/xlsx/readWorkbook';
import { END, XmlReader } from '../../src/xlsx/xml';
import { loadSeedLibrary } from '../support/seed';
import { convertAll, describeWithSoffice } from '../support/soffice';
import { rawXlsx } from '../hostile/support/rawXlsx';
import { tableSheet } from '../hostile/support/cases';
import { MOVES, movedCopies, partsFound, shiftedParts } from './excelWrittenParts';

const DIR = join(__dirname, '..', 'fixtures', 'excel-written');
const FILES = ['', 'poi/'].flatMap((sub) => readdirSync(join(DIR, sub)).filter((name) => /\.xls[xmb]?$/.test(name)).map((name) => sub + name));
const hash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const out = mkdtempSync(join(tmpdir(), 'jixiao-excel-written-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** A real report (seed table 1 with its budget cut, so it has marks) aimed at `sheet`. */
function reportFor(sheet: string): SheetReport {
  const table = { ...loadSeedLibrary().tables[0], budget: { total: 1, fiscal: 1, other: null } };
  const report = checkGrids(readWorkbookGrids(rawXlsx([tableSheet(table)])), {})[0];
  expect(report.issues.length).toBeGreaterThan(0);
  return { ...report, sheet };
}

function expectWellFormed(bytes: Uint8Array): Record<string, Uint8Array> {
  const files = unzipSync(bytes);
  for (const [name, data] of Object.entries(files)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const x = new XmlReader(strFromU8(data), name);
    while (x.next() !== END);
  }
  return files;
}

const copies: string[] = [];

describe.each(FILES)('%s', (name) => {
  test('read or refused clearly; marked and fixed copies parse and keep every other part', () => {
    const input = new Uint8Array(readFileSync(join(DIR, name)));
    const before = hash(input);
    if (name.endsWith('.xlsb')) {
      expect(() => readWorkbookGrids(input)).toThrow(/\.xlsb 二进制工作簿，请另存为 \.xlsx/);
      return;
    }
    let grids;
    try {
      grids = readWorkbookGrids(input);
    } catch (error) {
      // A refusal must be one of the reader's own messages, never an internal error.
      expect(error).toBeInstanceOf(WorkbookReadError);
      expect((error as Error).message).toMatch(/^[\u4e00-\u9fff]/);
      return;
    }
    expect(grids.length).toBeGreaterThan(0);
    // An .xls has no package to copy: its copies are built from what was read (as `check --marked` does).
    const source = asXlsxPackage(input);
    expect(source.converted).toBe(name.endsWith('.xls'));
    const original = source.converted ? {} : unzipSync(input);
    const sheet = grids[0].sheetName;
    const marked = markedCopy(source.bytes, [reportFor(sheet)]);
    const fixed = fixedCopy(source.bytes, [{ sheet, fix: { description: 'insert', steps: [{ kind: 'insertRows', before: 2, count: 2, formatFrom: 2 }], select: [] } }]);
    for (const [kind, copy] of [['marked', marked], ['fixed', fixed]] as const) {
      const files = expectWellFormed(copy.bytes);
      expect(readWorkbookGrids(copy.bytes).map((g) => g.sheetName)).toEqual(grids.map((g) => g.sheetName));
      // Parts nobody edits keep their bytes (pivot caches, drawings, printer settings…); macros go from an .xlsm.
      for (const part of Object.keys(original)) {
        if (/vbaProject/.test(part) || (kind === 'fixed' && /calcChain/.test(part))) {
          // The VBA project leaves a copy of an .xlsm; the fixed copy drops the calculation chain, a cache
          // Excel rebuilds (it recalculates on open).
          expect(files[part]).toBeUndefined();
          continue;
        }
        expect([part, files[part] !== undefined]).toEqual([part, true]);
      }
      expect(copy.macrosRemoved).toBe(name.endsWith('.xlsm'));
      const file = join(out, `${name.replace(/^.*\//, '').replace(/\.\w+$/, '')}-${name.endsWith('.xls') ? 'xls-' : ''}${kind}.xlsx`);
      writeFileSync(file, copy.bytes);
      copies.push(file);
    }
    expect(hash(input)).toBe(before);
    expect(hash(new Uint8Array(readFileSync(join(DIR, name))))).toBe(before);
  });
});

test('rows inserted through a pivot table are refused, as Excel refuses them; above it they move it', () => {
  const input = new Uint8Array(readFileSync(join(DIR, 'poi/ExcelPivotTableSample.xlsx')));
  const insert = (before: number) => fixedCopy(input, [{ sheet: 'Tabelle2', fix: { description: 'insert', steps: [{ kind: 'insertRows', before, count: 2, formatFrom: before }], select: [] } }]);
  expect(() => insert(5)).toThrow(/第 5 行在「Tabelle2」的数据透视表 A3:D7 之内/);
  expect(strFromU8(unzipSync(insert(3).bytes)['xl/pivotTables/pivotTable1.xml'])).toContain('<location ref="A5:D9"');
});

describeWithSoffice('LibreOffice opens every copy', () => {
  let converted: string;
  const moved = movedCopies(DIR, out);
  beforeAll(() => {
    // Copies and, for the moves, each original and its fixed copy: one soffice run.
    converted = convertAll([...copies, ...moved.flatMap((m) => [m.original, m.fixed])], 'ods');
  }, 300_000);

  test('one batch conversion to .ods: a file for each copy', () => {
    expect(copies.length).toBeGreaterThanOrEqual(60);
    const made = new Set(readdirSync(converted));
    expect(copies.map((file) => file.replace(/^.*\//, '').replace(/\.xlsx$/, '.ods')).filter((name) => !made.has(name))).toEqual([]);
  });

  test.each(MOVES.map((m, i) => [`${m.file} 「${m.sheet}」 第 ${m.before} 行前插入 2 行`, i] as const))('%s: LibreOffice finds every part moved down', (_title, i) => {
    const move = moved[i];
    const before = partsFound(join(converted, move.stem('original')));
    const after = partsFound(join(converted, move.stem('fixed')));
    // The parts the case is about are there to be moved (a case that finds nothing proves nothing).
    for (const kind of MOVES[i].kinds) expect([kind, before.some((p) => p.kind === kind)]).toEqual([kind, true]);
    expect(after).toEqual(shiftedParts(before, MOVES[i].sheet, MOVES[i].before, 2));
  });
});
