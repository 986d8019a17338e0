// BIFF8 cases no writer here produces on demand, built record by record after MS-XLS; SheetJS reads
// each file too, so the hand-built bytes are known to be what Excel-family readers accept.
import * as XLSX from '@e965/xlsx';
import { readXlsGrids } from '../../../src/xlsx/xls';
import { rkNumber } from '../../../src/xlsx/xls/biff';
import { buildCfb } from '../cfb';
import { bof, chars, eof, format, label, labelSst, mergedCells, number, record, u16, u32, workbookStream, xf, xlString, xlsFile } from './biff-builder';
import { cellsOf } from './cells';

const sheetjsCells = (bytes: Uint8Array, name: string) => {
  const sheet = XLSX.read(bytes, { type: 'array' }).Sheets[name];
  return Object.fromEntries(Object.entries(sheet).filter(([k]) => !k.startsWith('!')).map(([k, c]) => [k, (c as XLSX.CellObject).v]));
};

describe('sheets that are not worksheets', () => {
  test('chart, macro and dialog sheets are skipped; an embedded chart’s records are not the sheet’s', () => {
    const bytes = xlsFile([xf(0)], [
      { name: '表', hidden: 1, records: [number(0, 0, 0, 1), ...[bof(0x0020), number(0, 1, 0, 99), eof()], number(1, 0, 0, 2)] },
      { name: '图表', kind: 2, bofType: 0x0020, records: [number(0, 0, 0, 3)] },
      { name: '宏', kind: 1, bofType: 0x0040, records: [number(0, 0, 0, 4)] },
      { name: '对话框', records: [record(0x0081, [0x10, 0x00]), number(0, 0, 0, 5)] },
      { name: '末表', records: [number(2, 1, 0, 6)] },
    ]);
    const grids = readXlsGrids(bytes);
    expect(grids.map((g) => [g.sheetName, g.state])).toEqual([['表', 'hidden'], ['末表', 'visible']]);
    expect(cellsOf(grids[0])).toEqual({ A1: 1, A2: 2 });
    expect(cellsOf(grids[1])).toEqual({ B3: 6 });
  });

  test('FILEPASS: an encrypted workbook', () => {
    const filePass = record(0x002f, [...u16(1), ...u16(1), ...u16(2), ...new Array<number>(48).fill(7)]);
    expect(() => readXlsGrids(xlsFile([filePass, xf(0)], [{ name: 'S', records: [] }]))).toThrow(expect.objectContaining({ reason: 'encrypted' }));
  });

  test('BIFF8 in a stream named Book (as some writers name it) reads; the BOF decides the version', () => {
    const stream = workbookStream([xf(0)], [{ name: 'S', records: [number(0, 0, 0, 42)] }]);
    expect(cellsOf(readXlsGrids(buildCfb([{ name: 'Book', data: stream }]))[0])).toEqual({ A1: 42 });
  });

  test('a BIFF5 Workbook stream', () => {
    expect(() => readXlsGrids(xlsFile([], []).map((b, i) => (i === 512 * 3 + 4 ? 0x00 : i === 512 * 3 + 5 ? 0x05 : b)))).toThrow(expect.objectContaining({ reason: 'legacy-xls' }));
  });
});

describe('shared strings', () => {
  test('rich-text runs and phonetic data skipped across CONTINUE records; a width switch mid-string', () => {
    // String 1: "abc", 2 runs and 10 bytes of phonetic data, cut inside the runs.
    const first = [...u16(3), 0x0c, ...u16(2), ...u32(10), ...chars('abc', false), 0, 0, 1, 0];
    const sst = record(0x00fc, [...u32(3), ...u32(3), ...first]);
    // The rest of the runs, the phonetic bytes, then "ab绩效" whose characters run into the next CONTINUE.
    const cont1 = record(0x003c, [3, 0, 1, 0, ...new Array<number>(10).fill(0x5a), ...u16(4), 0x00, ...chars('ab', false)]);
    // A run-on segment starts with its own flags byte: wide now. Then "完成", starting on a record boundary.
    const cont2 = record(0x003c, [0x01, ...chars('绩效', true)]);
    const cont3 = record(0x003c, [...u16(2), 0x01, ...chars('完成', true)]);
    const bytes = xlsFile([xf(0), sst, cont1, cont2, cont3], [{ name: 'S', records: [labelSst(0, 0, 0), labelSst(0, 1, 1), labelSst(0, 2, 2)] }]);
    const [grid] = readXlsGrids(bytes);
    expect(cellsOf(grid)).toEqual({ A1: 'abc', B1: 'ab绩效', C1: '完成' });
    expect(cellsOf(grid)).toEqual(sheetjsCells(bytes, 'S'));
  });

  test('LABEL records and a formula’s string result continued in a CONTINUE record', () => {
    const formula = (row: number, col: number, kind: number, value: number) =>
      record(0x0006, [...u16(row), ...u16(col), ...u16(0), kind, 0, value, 0, 0, 0, 0xff, 0xff, ...u16(0), ...u32(0), ...u16(0)]);
    const text = '指标值'.repeat(5);
    const stringRecord = record(0x0207, [...u16(text.length), 0x01, ...chars(text.slice(0, 4), true)]);
    const stringRest = record(0x003c, [0x01, ...chars(text.slice(4), true)]);
    const bytes = xlsFile([xf(0)], [
      {
        name: 'S',
        records: [label(0, 0, '预算数'), formula(1, 0, 0, 0), stringRecord, stringRest, formula(2, 0, 1, 1), formula(3, 0, 2, 0x07), formula(4, 0, 3, 0)],
      },
    ]);
    const [grid] = readXlsGrids(bytes);
    expect(cellsOf(grid)).toEqual({ A1: '预算数', A2: text, A3: true, A4: '#DIV/0!' });
  });
});

describe('numbers', () => {
  test('RK: integers, ×100 and truncated doubles', () => {
    expect(rkNumber((292 << 2) | 0x02)).toBe(292);
    expect(rkNumber((-5 << 2) | 0x02)).toBe(-5);
    expect(rkNumber((29120 << 2) | 0x03)).toBe(291.2);
    // 1.5 is 0x3FF8000000000000: the top 30 bits carry it whole.
    expect(rkNumber(0x3ff80000)).toBe(1.5);
    expect(rkNumber(0x3ff80000 | 0x01)).toBe(0.015);
  });

  test('MULRK and built-in and own formats: percentages, dates, Chinese dates', () => {
    const rk = (n: number) => u32((n << 2) | 0x02);
    const mulrk = record(0x00bd, [...u16(0), ...u16(0), ...u16(1), ...rk(1), ...u16(2), ...rk(45657), ...u16(3), ...rk(45657), ...u16(0), ...rk(7), ...u16(3)]);
    const formats = [0, 9, 14, 31, 10, 22, 200, 201, 2, 999];
    const bytes = xlsFile(
      [format(200, '0.0%'), format(201, 'yyyy"年"m"月"'), ...formats.map(xf)],
      [
        {
          name: 'S',
          records: [
            mulrk,
            number(1, 0, 4, 0.9875),
            number(1, 1, 5, 45291.75),
            number(1, 2, 6, 0.123),
            number(1, 3, 7, 45474),
            number(1, 4, 8, 3.14159),
            number(1, 5, 9, 12),
            mergedCells([0, 1, 6, 7]),
          ],
        },
      ],
    );
    const [grid] = readXlsGrids(bytes);
    expect(cellsOf(grid)).toEqual({
      A1: '100%',
      B1: '2024年12月31日',
      C1: '2024年12月31日',
      D1: 7,
      A2: '98.75%',
      B2: '2023年12月31日 18:00',
      C2: '12.3%',
      D2: '2024年7月1日',
      E2: 3.14159,
      // A format id with neither a FORMAT record nor a built-in meaning: the number as stored.
      F2: 12,
    });
    expect(grid.merges).toEqual(['G1:H2']);
  });
});

describe('merged areas', () => {
  test('values under a merged area are dropped, however tall; the top-left and cells beside it stay', () => {
    const records = [number(0, 0, 0, 1), number(0, 1, 0, 2), number(40_000, 3, 0, 3), number(65_535, 255, 0, 4), number(5, 0, 0, 5), mergedCells([0, 65_535, 0, 254], [2, 3, 255, 255])];
    const [grid] = readXlsGrids(xlsFile([xf(0)], [{ name: 'S', records }]));
    expect(cellsOf(grid)).toEqual({ A1: 1, IV65536: 4 });
    expect(grid.merges).toEqual(['A1:IU65536', 'IV3:IV4']);
    // Rows left with nothing are holes again.
    expect(Object.keys(grid.values)).toEqual(['0', '65535']);
  });
});

describe('comments (NOTE, OBJ, TXO)', () => {
  // OBJ's first subrecord, FtCmo: ft 0x15, cb 0x12, ot, id, flags, 12 reserved bytes; then ftEnd.
  const obj = (ot: number, id: number) => record(0x005d, [...u16(0x15), ...u16(0x12), ...u16(ot), ...u16(id), ...u16(0), ...new Array<number>(12).fill(0), ...u32(0)]);
  const txo = (cch: number) => record(0x01b6, [...u16(0x0212), ...u16(0), ...new Array<number>(6).fill(0), ...u16(cch), ...u16(16), ...u16(0), ...u16(0)]);
  const note = (row: number, col: number, id: number, author: string) => record(0x001c, [...u16(row), ...u16(col), ...u16(0), ...u16(id), ...xlString(author), 0]);
  const continued = (flags: number, text: string) => record(0x003c, [flags, ...chars(text, flags === 1)]);
  const runs = record(0x003c, new Array<number>(16).fill(0));

  test('a text box that is not a comment is not read as one; a note whose text box is missing keeps its cell and author', () => {
    const bytes = xlsFile([xf(0)], [
      {
        name: 'S',
        records: [
          label(0, 0, '项目名称'),
          // A plain text box (ot 6) with text: not a comment.
          obj(6, 1), txo(3), continued(0, 'box'), runs,
          // A comment whose text runs from one CONTINUE into the next, switching to two-byte characters.
          obj(0x19, 2), txo(6), continued(0, 'abc'), continued(1, '批注内容'.slice(0, 3)), runs,
          note(0, 0, 2, '审核人'),
          // A note naming an object that has no text box.
          note(4, 2, 9, 'x'),
        ],
      },
    ]);
    const [grid] = readXlsGrids(bytes);
    expect(grid.comments).toEqual([
      { address: 'A1', author: '审核人', text: 'abc批注内' },
      { address: 'C5', author: 'x', text: '' },
    ]);
    expect(cellsOf(grid)).toEqual({ A1: '项目名称' });
  });

  test('a comment whose text is cut short is a damaged file, not a silently shorter comment', () => {
    const bytes = xlsFile([xf(0)], [{ name: 'S', records: [obj(0x19, 1), txo(10), continued(0, 'abc'), note(0, 0, 1, 'a')] }]);
    expect(() => readXlsGrids(bytes)).toThrow(expect.objectContaining({ reason: 'corrupt' }));
  });
});
