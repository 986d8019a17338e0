// Issue #26: workbooks saved by Microsoft Excel itself (test/fixtures/excel-written, see its SOURCES.md).
// Each is read or refused with a clear message; its marked copy and its fixed copy (two rows inserted)
// parse again, keep every part they do not edit, and LibreOffice opens them (one batch conversion). The
// input files' bytes never change.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { checkGrids } from '../../src/core/check';
import type { SheetReport } from '../../src/core/model';
import { WorkbookReadError } from '../../src/xlsx/errors';
import { fixedCopy } from '../../src/xlsx/fixCopy';
import { markedCopy } from '../../src/xlsx/markedCopy';
import { readWorkbookGrids } from '../../src/xlsx/readWorkbook';
import { END, XmlReader } from '../../src/xlsx/xml';
import { loadSeedLibrary } from '../support/seed';
import { convertAll, describeWithSoffice } from '../support/soffice';
import { rawXlsx } from '../hostile/support/rawXlsx';
import { tableSheet } from '../hostile/support/cases';

const DIR = join(__dirname, '..', 'fixtures', 'excel-written');
const FILES = readdirSync(DIR).filter((name) => /\.xls[xmb]$/.test(name));
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
      return;
    }
    expect(grids.length).toBeGreaterThan(0);
    const original = unzipSync(input);
    const sheet = grids[0].sheetName;
    const marked = markedCopy(input, [reportFor(sheet)]);
    const fixed = fixedCopy(input, [{ sheet, fix: { description: 'insert', steps: [{ kind: 'insertRows', before: 2, count: 2, formatFrom: 2 }], select: [] } }]);
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
      const file = join(out, `${name.replace(/\.\w+$/, '')}-${kind}.xlsx`);
      writeFileSync(file, copy.bytes);
      copies.push(file);
    }
    expect(hash(input)).toBe(before);
    expect(hash(new Uint8Array(readFileSync(join(DIR, name))))).toBe(before);
  });
});

describeWithSoffice('LibreOffice opens every copy', () => {
  test('one batch conversion to .ods: a file for each copy', () => {
    expect(copies.length).toBeGreaterThanOrEqual(16);
    const converted = convertAll(copies, 'ods');
    const made = new Set(readdirSync(converted));
    expect(copies.map((file) => file.replace(/^.*\//, '').replace(/\.xlsx$/, '.ods')).filter((name) => !made.has(name))).toEqual([]);
  }, 300_000);
});
