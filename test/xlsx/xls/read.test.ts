// .xls files written by other programs (LibreOffice, Apache POI, SheetJS) read by jixiao's BIFF8 reader,
// with SheetJS's reading of the same bytes as the independent oracle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { parseRange, toA1 } from '../../../src/core/sheet/address';
import { isDateFormat, shownValue } from '../../../src/core/sheet/shown';
import type { CellGrid, CellValue } from '../../../src/core/sheet/types';
import { readXlsGrids, type XlsGrid, type XlsSheetState } from '../../../src/xlsx/xls';
import { cellsOf } from './cells';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'xls');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

interface OracleSheet {
  name: string;
  state: XlsSheetState;
  cells: Record<string, CellValue>;
  merges: string[];
}

/** SheetJS's reading: raw value and format code per cell, shown the way the grid contract says. */
function sheetjs(bytes: Uint8Array): OracleSheet[] {
  const book = XLSX.read(bytes, { type: 'array', cellNF: true });
  const date1904 = !!book.Workbook?.WBProps?.date1904;
  return book.SheetNames.map((name, i) => {
    const sheet = book.Sheets[name];
    const merges = (sheet['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m));
    const covered = (address: string) => {
      const { r, c } = XLSX.utils.decode_cell(address);
      return (sheet['!merges'] ?? []).some((m) => r >= m.s.r && r <= m.e.r && c >= m.s.c && c <= m.e.c && (r !== m.s.r || c !== m.s.c));
    };
    const cells: Record<string, CellValue> = {};
    for (const [address, cell] of Object.entries(sheet)) {
      if (address.startsWith('!') || covered(address)) continue;
      const c = cell as XLSX.CellObject;
      let value: CellValue;
      if (c.t === 'e') value = c.w ?? null;
      else if (c.t === 'n') {
        const fmt = typeof c.z === 'string' ? c.z : null;
        value = shownValue(date1904 && isDateFormat(fmt) ? (c.v as number) + 1462 : (c.v as number), fmt);
      } else value = (c.v as CellValue) ?? null;
      if (value !== null && value !== '') cells[address] = value;
    }
    return { name, state: (['visible', 'hidden', 'veryHidden'] as const)[book.Workbook?.Sheets?.[i]?.Hidden ?? 0], cells, merges };
  });
}

function expectSameAsSheetjs(bytes: Uint8Array): XlsGrid[] {
  const grids = readXlsGrids(bytes);
  const oracle = sheetjs(bytes);
  expect(grids.map((g) => g.sheetName)).toEqual(oracle.map((s) => s.name));
  grids.forEach((grid, i) => {
    expect(grid.state).toBe(oracle[i].state);
    expect(cellsOf(grid)).toEqual(oracle[i].cells);
    expect([...grid.merges].sort()).toEqual([...oracle[i].merges].sort());
  });
  return grids;
}

const at = (grid: CellGrid, address: string): CellValue | undefined => {
  const { start } = parseRange(address);
  return grid.values[start.row - grid.top]?.[start.col - grid.left];
};

describe('BIFF8 reader against SheetJS', () => {
  test('the 16 seed tables saved as .xls by LibreOffice', () => {
    const grids = expectSameAsSheetjs(fixture('libreoffice-16-tables.xls'));
    expect(grids).toHaveLength(16);
    expect(at(grids[0], 'A1')).toBe('数字化运维项目绩效目标表');
    expect(at(grids[0], 'C4')).toBe(292);
    expect(grids[0].merges).toContain('A10:A19');
  });

  test('LibreOffice: RK and MULRK numbers, percentages, dates, formulas, a hidden sheet', () => {
    const [mixed, hidden, blank] = expectSameAsSheetjs(fixture('libreoffice-mixed.xls'));
    expect([1, 2, 3, 292, 291.2, 0.8, -5, 1e15, 123456.789, 0.1].map((_, c) => at(mixed, toA1(1, c)))).toEqual([1, 2, 3, 292, 291.2, 0.8, -5, 1e15, 123456.789, 0.1]);
    expect(['A3', 'B3', 'C3', 'D3', 'E3'].map((a) => at(mixed, a))).toEqual(['95%', '12.5%', '2024年12月31日', '2024年6月30日 17:45', 45000]);
    expect(['A4', 'B4', 'C4', 'D4', 'E4', 'F4', 'G4'].map((a) => at(mixed, a))).toEqual([true, false, '#DIV/0!', '≤4万元', 298, true, '#N/A']);
    expect(at(mixed, 'B5')).toBe('多行\n文本');
    expect(at(mixed, 'J30')).toBe('远处');
    expect(mixed.merges).toEqual(['A6:A9']);
    expect(hidden).toMatchObject({ sheetName: '隐藏', state: 'hidden' });
    expect(blank).toMatchObject({ sheetName: '空白', state: 'visible', values: [], merges: [] });
  });

  test('Apache POI: long and rich strings across CONTINUE records, errors, the far corner, hidden sheets', () => {
    const bytes = fixture('poi-cells.xls');
    const [cells, hidden, veryHidden, empty] = expectSameAsSheetjs(bytes);
    expect(['A3', 'B3', 'C3', 'D3'].map((a) => at(cells, a))).toEqual(['95%', '98.75%', '2024年12月31日', '2023年12月31日 12:00']);
    expect(['A4', 'B4', 'C4', 'D4', 'E4', 'F4', 'G4'].map((a) => at(cells, a))).toEqual([true, false, '#DIV/0!', '合计：292', 584, true, '#N/A']);
    expect(at(cells, 'A5')).toBe('≥13个（加粗部分）');
    const long = at(cells, 'B5') as string;
    expect(long).toHaveLength(8000);
    expect(long.slice(4998, 5002)).toBe('gh绩效');
    expect(at(cells, 'A11')).toBe('指标0');
    expect(at(cells, 'J130')).toBe('item1199');
    // Excel shows only a merged area's top-left value; POI left one under A7:B9.
    expect(at(cells, 'A7')).toBe('产出指标');
    expect(at(cells, 'B7')).toBeUndefined();
    // Sparse: the cell at IV65536 costs one row, not 65,536.
    expect(at(cells, 'IV65536')).toBe('IV65536');
    expect(cells.values).toHaveLength(65536);
    expect(Object.keys(cells.values).length).toBeLessThan(200);
    expect([hidden.state, veryHidden.state, empty.state]).toEqual(['hidden', 'veryHidden', 'visible']);
    expect(at(veryHidden, 'D3')).toBe(3.25);
  });

  test('Apache POI: the 1904 date system shifts dates, not other numbers', () => {
    const [cells] = expectSameAsSheetjs(fixture('poi-1904.xls'));
    expect(['A2', 'A3', 'C3', 'D3'].map((a) => at(cells, a))).toEqual([292, '95%', '2029年1月1日', '2028年1月1日 12:00']);
  });

  test('SheetJS-written BIFF8: strings, numbers, booleans, merges', () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['项目名称', '普法依法治理', null],
      [292, 0.5, true],
      ['≥90%', -1.25, false],
    ]);
    sheet['!merges'] = [XLSX.utils.decode_range('B1:C1')];
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, '表一');
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['第二张']]), '表二');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xls' }) as ArrayBuffer);
    const [first, second] = expectSameAsSheetjs(bytes);
    expect(cellsOf(first)).toEqual({ A1: '项目名称', B1: '普法依法治理', A2: 292, B2: 0.5, C2: true, A3: '≥90%', B3: -1.25, C3: false });
    expect(first.merges).toEqual(['B1:C1']);
    expect(cellsOf(second)).toEqual({ A1: '第二张' });
  });
});
