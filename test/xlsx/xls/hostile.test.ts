// Damaged and hostile .xls files: each is refused with a WorkbookReadError and a Chinese reason, never
// read half-way, never an allocation sized by a lying header.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { DEFAULT_READ_LIMITS } from '../../../src/xlsx/limits';
import { WorkbookReadError } from '../../../src/xlsx/load';
import { readXlsGrids } from '../../../src/xlsx/xls';
import { buildCfb, encryptedXlsx } from '../cfb';
import { bof, labelSst, number, record, u16, u32, xf, xlsFile } from './biff-builder';

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, '..', '..', 'fixtures', 'xls', name)));

function failure(read: () => unknown): WorkbookReadError {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookReadError);
    const readError = error as WorkbookReadError;
    expect(readError.message).toMatch(/[\u4e00-\u9fff]/);
    return readError;
  }
  throw new Error('读取本应失败，却成功了');
}

const reasonOf = (bytes: Uint8Array, limits = DEFAULT_READ_LIMITS) => failure(() => readXlsGrids(bytes, limits)).reason;

/** A small valid file: buildCfb's layout is FAT in sector 0, directory in sector 1, the stream from sector 2. */
const small = () => xlsFile([xf(0)], [{ name: 'S', records: [number(0, 0, 0, 1)] }]);
const patch32 = (bytes: Uint8Array, at: number, value: number) => {
  const copy = bytes.slice();
  new DataView(copy.buffer).setUint32(at, value, true);
  return copy;
};
const FAT = 512;
const DIRECTORY = 1024;
const ENTRY = 128;

describe('damaged containers', () => {
  test('the small file itself reads', () => {
    expect(readXlsGrids(small())[0].values).toEqual([[1]]);
  });

  test('every truncation of real files fails as corrupt, unless only padding was cut', () => {
    for (const name of ['libreoffice-16-tables.xls', 'libreoffice-mixed.xls', 'poi-cells.xls']) {
      const bytes = fixture(name);
      const whole = readXlsGrids(bytes);
      for (let cut = 0; cut < bytes.length; cut += 97) {
        const part = bytes.subarray(0, cut);
        let grids: unknown;
        try {
          grids = readXlsGrids(part);
        } catch (error) {
          expect(error).toBeInstanceOf(WorkbookReadError);
          expect((error as WorkbookReadError).reason).toBe(cut < 8 ? 'not-xlsx' : 'corrupt');
          continue;
        }
        // The cut removed nothing any stream needed (the unused end of the last sector).
        expect(grids).toEqual(whole);
        expect(bytes.length - cut).toBeLessThan(512);
      }
    }
  });

  test('a FAT chain that loops, or points past the file', () => {
    expect(reasonOf(patch32(small(), FAT + 2 * 4, 2))).toBe('corrupt');
    // The stream's last sector (9) leads back into its middle.
    expect(failure(() => readXlsGrids(patch32(small(), FAT + 9 * 4, 5))).message).toContain('循环');
    expect(failure(() => readXlsGrids(patch32(small(), FAT + 2 * 4, 2))).message).toContain('循环');
    expect(failure(() => readXlsGrids(patch32(small(), FAT + 2 * 4, 0x00ffffff))).message).toContain('不存在的扇区');
  });

  test('a directory tree that loops', () => {
    expect(failure(() => readXlsGrids(patch32(small(), DIRECTORY + ENTRY + 0x48, 1))).message).toContain('目录树形成循环');
    expect(reasonOf(patch32(small(), DIRECTORY + ENTRY + 0x48, 4000))).toBe('corrupt');
  });

  test('huge declared sizes: stream, FAT sector count, mini stream, DIFAT', () => {
    expect(failure(() => readXlsGrids(patch32(small(), DIRECTORY + ENTRY + 0x78, 0xfffffff0))).message).toContain('超过文件本身');
    expect(reasonOf(patch32(small(), 0x2c, 0xffffffff))).toBe('corrupt');
    expect(reasonOf(patch32(patch32(small(), 0x2c, 2), 0x4c + 4, 0x7fffffff))).toBe('corrupt');
    // LibreOffice keeps this small workbook in the mini stream: the root entry declares its size.
    const mixed = fixture('libreoffice-mixed.xls');
    const view = new DataView(mixed.buffer, mixed.byteOffset);
    const rootEntry = (view.getUint32(0x30, true) + 1) * 512;
    expect(reasonOf(patch32(mixed, rootEntry + 0x78, 0x7fffffff))).toBe('corrupt');
  });

  test('a DIFAT chain that loops or ends early', () => {
    // 240 FAT sectors: 109 listed in the header, the rest in DIFAT sector 5, which names itself as next.
    let file = new Uint8Array(512 * 260);
    file.set(small().subarray(0, 512));
    file = patch32(patch32(patch32(file, 0x2c, 240), 0x44, 5), 0x48, 3);
    file = patch32(file, 6 * 512 + 127 * 4, 5);
    expect(failure(() => readXlsGrids(file)).message).toContain('DIFAT）形成循环');
    expect(failure(() => readXlsGrids(patch32(file, 0x44, 0xfffffffe))).message).toContain('DIFAT）不完整');
  });

  test('what is no workbook', () => {
    expect(reasonOf(new TextEncoder().encode('项目名称,预算数\n'))).toBe('not-xlsx');
    expect(reasonOf(encryptedXlsx())).toBe('encrypted');
    expect(reasonOf(buildCfb([{ name: 'WordDocument', data: new Uint8Array(4096) }]))).toBe('not-xlsx');
    const biff5 = new Uint8Array(XLSX.write(XLSX.utils.book_new(XLSX.utils.aoa_to_sheet([['x']]), 'S'), { type: 'array', bookType: 'biff5' }) as ArrayBuffer);
    expect(reasonOf(biff5)).toBe('legacy-xls');
  });
});

describe('damaged records', () => {
  const sst = (declared: number, strings: string[]) =>
    record(0x00fc, [...u32(strings.length), ...u32(declared), ...strings.flatMap((s) => [...u16(s.length), 1, ...[...s].flatMap((ch) => u16(ch.charCodeAt(0)))])]);

  test('an SST whose count lies: no allocation by the count, a missing string is an error', () => {
    const liar = (index: number) => xlsFile([xf(0), sst(0xffffffff, ['预算数', '指标值'])], [{ name: 'S', records: [labelSst(0, 0, index)] }]);
    expect(readXlsGrids(liar(1))[0].values).toEqual([['指标值']]);
    expect(failure(() => readXlsGrids(liar(2))).message).toContain('共享字符串表只有 2 个');
    // Counting fewer than it holds: strings past the count are not read.
    expect(reasonOf(xlsFile([xf(0), sst(1, ['预算数', '指标值'])], [{ name: 'S', records: [labelSst(0, 0, 1)] }]))).toBe('corrupt');
  });

  test('a string longer than its record, a record longer than the stream, a sheet offset past the stream', () => {
    const longString = record(0x00fc, [...u32(1), ...u32(1), ...u16(60000), 0, 0x41, 0x42]);
    expect(failure(() => readXlsGrids(xlsFile([xf(0), longString], [{ name: 'S', records: [labelSst(0, 0, 0)] }]))).message).toContain('共享字符串表');
    const overlong = [0x03, 0x02, 0xff, 0xff, 0, 0];
    expect(reasonOf(xlsFile([xf(0)], [{ name: 'S', records: [overlong] }]))).toBe('corrupt');
    const badOffset = buildCfb([{ name: 'Workbook', data: (() => {
      const stream = new Uint8Array(4096);
      stream.set([...bof(0x0005), ...record(0x0085, [...u32(999_999), 0, 0, 1, 0, 0x53]), ...record(0x000a)]);
      return stream;
    })() }]);
    expect(failure(() => readXlsGrids(badOffset)).message).toContain('没有 BOF');
    // A sheet listed as a worksheet whose offset leads to the globals' BOF.
    const atGlobals = buildCfb([{ name: 'Workbook', data: (() => {
      const stream = new Uint8Array(4096);
      stream.set([...bof(0x0005), ...record(0x0085, [...u32(0), 0, 0, 1, 0, 0x53]), ...record(0x000a)]);
      return stream;
    })() }]);
    expect(failure(() => readXlsGrids(atGlobals)).message).toContain('不是工作表');
  });

  test('a column past IV and an impossible merged area', () => {
    expect(reasonOf(xlsFile([xf(0)], [{ name: 'S', records: [number(0, 256, 0, 1)] }]))).toBe('corrupt');
    const merge = record(0x00e5, [...u16(1), ...u16(5), ...u16(2), ...u16(0), ...u16(1)]);
    expect(reasonOf(xlsFile([xf(0)], [{ name: 'S', records: [merge] }]))).toBe('corrupt');
  });
});

describe('limits, checked before the allocation they guard', () => {
  const tables = fixture('libreoffice-16-tables.xls');

  test('each limit gives too-large with its own message', () => {
    expect(failure(() => readXlsGrids(tables, { ...DEFAULT_READ_LIMITS, maxFileBytes: 50_000 })).message).toContain('文件大小为 80896 字节，上限为 50000 字节');
    expect(failure(() => readXlsGrids(tables, { ...DEFAULT_READ_LIMITS, maxCells: 100 })).message).toContain('有内容的单元格数为 超过 100');
    expect(failure(() => readXlsGrids(tables, { ...DEFAULT_READ_LIMITS, maxRows: 10 })).message).toContain('中有内容的行数为 超过 10');
    expect(failure(() => readXlsGrids(tables, { ...DEFAULT_READ_LIMITS, maxMerges: 5 })).message).toContain('的合并区域数为 超过 5');
    for (const limit of ['maxFileBytes', 'maxCells', 'maxRows', 'maxMerges'] as const) {
      expect(reasonOf(tables, { ...DEFAULT_READ_LIMITS, [limit]: 1 })).toBe('too-large');
    }
  });

  test('exactly at the limits the file reads', () => {
    const grids = readXlsGrids(tables);
    const cells = grids.reduce((n, g) => n + g.values.reduce((m, row) => m + Object.keys(row).length, 0), 0);
    const rows = Math.max(...grids.map((g) => Object.keys(g.values).length));
    const merges = Math.max(...grids.map((g) => g.merges.length));
    expect(readXlsGrids(tables, { ...DEFAULT_READ_LIMITS, maxFileBytes: tables.length, maxCells: cells, maxRows: rows, maxMerges: merges })).toEqual(grids);
    expect(reasonOf(tables, { ...DEFAULT_READ_LIMITS, maxCells: cells - 1 })).toBe('too-large');
  });
});
