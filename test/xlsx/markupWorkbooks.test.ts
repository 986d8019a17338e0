// What web systems export as ".xls" (issue 24): an HTML table (GBK, rowspan for the 一级, <br> in cells,
// unclosed tags) and SpreadsheetML 2003, each drawn from seed table 1 as the pane would insert it; both read
// back to the same cells and merges, and check exactly as the table itself does. A file that is neither
// gets the message that says what to do.
import { checkGridTables } from '../../src/core/check';
import { parseRange } from '../../src/core/sheet/address';
import type { CellGrid } from '../../src/core/sheet/types';
import { readLibraryFile } from '../../src/xlsx/library';
import { readWorkbookGrids } from '../../src/xlsx/readWorkbook';
import { seedTable, loadSeedLibrary } from '../support/seed';
import { gridFromTable } from '../support/sheetTable';

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Cells by address, with the merges: what must survive the trip. */
function cellsOf(grid: CellGrid): { cells: Record<string, string>; merges: string[] } {
  const cells: Record<string, string> = {};
  grid.values.forEach((row, r) =>
    row?.forEach((value, c) => {
      if (value !== null && value !== undefined && value !== '') cells[`${r + grid.top},${c + grid.left}`] = String(value).trim();
    }),
  );
  return { cells, merges: [...grid.merges].sort() };
}

/** Top-left → [rows, cols] of each merge. */
function spans(grid: CellGrid): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const range of grid.merges) {
    const { start, end } = parseRange(range);
    out.set(`${start.row},${start.col}`, [end.row - start.row + 1, end.col - start.col + 1]);
  }
  return out;
}

function covered(grid: CellGrid, row: number, col: number): boolean {
  return grid.merges.some((range) => {
    const { start, end } = parseRange(range);
    return row >= start.row && row <= end.row && col >= start.col && col <= end.col && (row !== start.row || col !== start.col);
  });
}

function width(grid: CellGrid): number {
  return Math.max(...grid.values.map((row) => row?.length ?? 0));
}

/** The grid as a 一体化-style HTML export: GBK, upper-case tags, no </td>, line breaks as <br>. */
function htmlOf(grid: CellGrid): Uint8Array {
  const span = spans(grid);
  const rows = grid.values.map((row, r) => {
    const cells: string[] = [];
    for (let c = 0; c < width(grid); c++) {
      if (covered(grid, r, c)) continue;
      const [rs, cs] = span.get(`${r},${c}`) ?? [1, 1];
      const value = row?.[c];
      const text = value === null || value === undefined ? '&nbsp;' : escape(String(value)).replace(/\n/g, '<br>');
      cells.push(`<TD${rs > 1 ? ` rowspan=${rs}` : ''}${cs > 1 ? ` COLSPAN="${cs}"` : ''}>${text}`);
    }
    return `<TR>${cells.join('')}`;
  });
  const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>${escape(grid.sheetName)}</title></head><body><TABLE border=1>${rows.join('\n')}</TABLE></body></html>`;
  return gbk(html);
}

/** GBK bytes for the test's text (Node has no GBK encoder): the Chinese is built from a decode table. */
function gbk(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else {
      const code = table.get(ch);
      if (!code) throw new Error(`GBK 中没有「${ch}」`);
      bytes.push(...code);
    }
  }
  return new Uint8Array(bytes);
}

/** The grid as SpreadsheetML 2003 (Excel's XML 电子表格), numbers typed, sparse rows and cells indexed. */
function spreadsheetMlOf(grid: CellGrid): Uint8Array {
  const span = spans(grid);
  const rows = grid.values.flatMap((row, r) => {
    const cells: string[] = [];
    let next = 0;
    for (let c = 0; c < (row?.length ?? 0); c++) {
      const value = row?.[c];
      const [rs, cs] = span.get(`${r},${c}`) ?? [1, 1];
      if ((value === null || value === undefined) && rs === 1 && cs === 1) continue;
      const index = c === next ? '' : ` ss:Index="${c + 1}"`;
      const merge = `${cs > 1 ? ` ss:MergeAcross="${cs - 1}"` : ''}${rs > 1 ? ` ss:MergeDown="${rs - 1}"` : ''}`;
      const data = value === null || value === undefined ? '' : `<Data ss:Type="${typeof value === 'number' ? 'Number' : 'String'}">${escape(String(value))}</Data>`;
      cells.push(`<Cell${index}${merge}>${data}</Cell>`);
      next = c + cs;
    }
    return cells.length > 0 ? [`<Row ss:Index="${r + 1}">${cells.join('')}</Row>`] : [];
  });
  const xml = `<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="${escape(grid.sheetName)}"><Table>${rows.join('')}</Table></Worksheet></Workbook>`;
  return new TextEncoder().encode(xml);
}

describe('workbooks that are text: HTML tables and SpreadsheetML 2003 saved as .xls', () => {
  const table = seedTable(1);
  const original = gridFromTable(table, 'seed', '数字化运维项目');
  const library = loadSeedLibrary();
  const codes = (grid: CellGrid) => checkGridTables(grid, { library }).flatMap((report) => report.issues.map((issue) => `${issue.code}@${issue.cells.join(',')}`));

  it.each([
    ['an HTML table (GBK, rowspan, <br>, unclosed cells)', htmlOf],
    ['SpreadsheetML 2003', spreadsheetMlOf],
  ])('%s reads back to the same cells and merges, and checks as the table does', (_, draw) => {
    const grids = readWorkbookGrids(draw(original));
    expect(grids).toHaveLength(1);
    expect(grids[0].sheetName).toBe('数字化运维项目');
    expect(cellsOf(grids[0])).toEqual(cellsOf(original));
    expect(codes(grids[0])).toEqual(codes(original));
    expect(checkGridTables(grids[0], { library })[0].projectName).toBe(table.projectName);
  });

  it('adds an HTML export as a library like any workbook', () => {
    const added = readLibraryFile(htmlOf(original), '上年申报.xls');
    expect(added.tables.map((t) => t.projectName)).toEqual([table.projectName]);
  });

  it('calls a file that is neither what it is, and says what to do', () => {
    const damaged = new TextEncoder().encode('PK\u0003\u0004 not really a zip');
    const renamed = new Uint8Array([0x00, 0x01, 0x02, 0x03, 0x04, 0x05]);
    const message = '无法读取该文件（可能已损坏或不是真正的 Excel 文件），请在 Excel 中另存为 .xlsx 后再添加';
    expect(() => readLibraryFile(renamed, '申报表.xlsx')).toThrow(message);
    expect(() => readWorkbookGrids(renamed)).toThrow(message);
    // A damaged zip is still called damaged by the zip reader.
    expect(() => readWorkbookGrids(damaged)).toThrow();
  });
});
