// The reader on files nobody here wrote: the 16-table workbook saved by LibreOffice (.xlsx, .ods) and
// re-saved by openpyxl with comments, a chart and a picture (scripts/fixtures/make-writers.ts), each
// cell cross-checked against SheetJS's reading of the same file, and checked with the same issues as the
// workbook jixiao wrote.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { checkGrids } from '../../src/core/check';
import { parseRange } from '../../src/core/sheet/address';
import { chineseDateText } from '../../src/core/sheet/shown';
import type { CellValue } from '../../src/core/sheet/types';
import { readWorkbookGrids, type ReadGrid } from '../../src/xlsx';
import { loadSeedLibrary } from '../support/seed';

const DIR = join(__dirname, '../fixtures/writers');
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));

/** What a SheetJS cell shows, in the reader's terms (Chinese dates, percent text). */
function sheetjsShown(cell: XLSX.CellObject, date1904: boolean): CellValue {
  if (cell.t === 'e') return cell.w ?? null;
  if (cell.t === 'n' && typeof cell.v === 'number') {
    const format = typeof cell.z === 'string' ? cell.z : '';
    if (format.includes('%')) return `${Number((cell.v * 100).toPrecision(12))}%`;
    if (format && XLSX.SSF.is_date(format)) {
      const d = XLSX.SSF.parse_date_code(cell.v, { date1904 });
      const date = new Date(Date.UTC(d.y, d.m - 1, d.d, d.H, d.M, Math.round(d.S)));
      return chineseDateText(date);
    }
    return cell.v;
  }
  if (cell.t === 'd' && cell.v instanceof Date) return chineseDateText(cell.v);
  const value = cell.v;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}

/**
 * Every cell both readers see, compared; cells under a merge but its top-left are shown by neither.
 * Merges are compared with SheetJS's, or with `mergesFrom` where SheetJS is known to lose some (.ods: it
 * drops the span of an empty cell, such as 其他资金's empty C6:E6 that Excel and LibreOffice keep).
 */
function crossCheck(file: string, mergesFrom?: ReadGrid[]): { grids: ReadGrid[]; compared: number } {
  const bytes = bytesOf(file);
  const grids = readWorkbookGrids(bytes) as ReadGrid[];
  // SheetJS logs a console.error per LibreOffice conditional number format it does not parse.
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const book = XLSX.read(bytes, { type: 'array', cellNF: true, cellDates: false });
  quiet.mockRestore();
  const date1904 = !!book.Workbook?.WBProps?.date1904;
  let compared = 0;
  const names = book.SheetNames.filter((name) => !(book.Sheets[name] as { '!type'?: string })['!type']);
  expect(grids.map((g) => g.sheetName)).toEqual(names);
  for (const grid of grids) {
    const sheet = book.Sheets[grid.sheetName];
    const hidden = (grid.merges ?? []).map(parseRange);
    const covered = (r: number, c: number) => hidden.some(({ start, end }) => r >= start.row && r <= end.row && c >= start.col && c <= end.col && (r !== start.row || c !== start.col));
    const theirs = new Map<string, CellValue>();
    for (const key of Object.keys(sheet)) {
      if (key.startsWith('!')) continue;
      const { r, c } = XLSX.utils.decode_cell(key);
      const value = sheetjsShown(sheet[key] as XLSX.CellObject, date1904);
      if (value === null || value === '' || covered(r, c)) continue;
      theirs.set(`${r},${c}`, value);
    }
    const ours = new Map<string, CellValue>();
    grid.values.forEach((row, r) => row.forEach((value, c) => ours.set(`${r},${c}`, value)));
    expect([...ours.entries()].sort()).toEqual([...theirs.entries()].sort());
    compared += ours.size;
    const ourMerges = [...grid.merges].sort();
    const reference = mergesFrom?.find((g) => g.sheetName === grid.sheetName)?.merges;
    const theirMerges = [...(reference ?? (sheet['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m)))].sort();
    expect(ourMerges).toEqual(theirMerges);
  }
  return { grids, compared };
}

function issuesBySheet(grids: ReadGrid[]) {
  const library = loadSeedLibrary();
  return checkGrids(grids, { library }).map((report) => ({
    sheet: report.sheet,
    issues: report.issues.map((issue) => `${issue.cells.join(",")} ${issue.code} ${issue.message}`),
  }));
}

describe('reading files other programs wrote', () => {
  const original = readWorkbookGrids(bytesOf('seed16-exceljs.xlsx')) as ReadGrid[];
  const originalIssues = issuesBySheet(original);

  test('the 16-table workbook jixiao wrote: same cells as SheetJS reads', () => {
    const { grids, compared } = crossCheck('seed16-exceljs.xlsx');
    expect(grids).toHaveLength(16);
    expect(compared).toBeGreaterThan(16 * 30);
  });

  test.each(['seed16-libreoffice.xlsx', 'seed16-libreoffice.ods', 'seed16-openpyxl.xlsx'])('%s: same cells as SheetJS, same issues as the original', (file) => {
    const { grids } = crossCheck(file, file.endsWith('.ods') ? original : undefined);
    const seedSheets = new Set(original.map((g) => g.sheetName));
    expect(issuesBySheet(grids.filter((g) => seedSheets.has(g.sheetName)))).toEqual(originalIssues);
  });

  test('openpyxl: comments with authors, chart and picture parts, hidden sheets, percent, date, error value', () => {
    const grids = readWorkbookGrids(bytesOf('seed16-openpyxl.xlsx')) as ReadGrid[];
    const byName = new Map(grids.map((g) => [g.sheetName, g]));
    expect(grids[0].comments).toEqual([
      { address: 'A1', author: '审核人', text: '请核对预算数' },
      { address: 'F3', author: '财务处', text: '批注：单位为万元' },
    ]);
    const extra = byName.get('其他写入')!;
    expect(extra.comments).toEqual([{ address: 'A7', author: '审核人', text: '第二张表的批注' }]);
    expect(extra.values[1][0]).toBe('95.5%');
    expect(extra.values[2][0]).toBe('2024年12月31日');
    expect(extra.values[3][0]).toBe('#DIV/0!');
    expect(extra.values[4][0]).toBe(true);
    expect(extra.values[5][0]).toBe(291.2);
    expect(extra.merges).toEqual(['B1:C3']);
    expect(byName.get('隐藏')!.state).toBe('hidden');
    expect(byName.get('深度隐藏')!.state).toBe('veryHidden');
    expect(grids[0].state).toBe('visible');
  });

  test('openpyxl in the 1904 date system: dates as Excel shows them', () => {
    const { grids } = crossCheck('openpyxl-1904.xlsx');
    expect(grids[0].values[0][0]).toBe('2024年12月31日');
    expect(grids[0].values[1][0]).toBe('2024年6月30日 14:30');
  });
});
