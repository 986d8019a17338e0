/**
 * Workbooks that are text: what web systems (预算管理一体化 ones included) export as ".xls". Either an HTML
 * page whose <table>s Excel opens as one sheet, or SpreadsheetML 2003 (Excel's "XML 电子表格",
 * urn:schemas-microsoft-com:office:spreadsheet; Microsoft documents it as the XML Spreadsheet Reference,
 * Office XP). Both are read like any workbook: cells, merges (rowspan/colspan, ss:MergeAcross/MergeDown).
 */
import { maxOf } from '../core/bounded';
import { toA1 } from '../core/sheet/address';
import { decodeText } from '../cli/encoding';
import { WorkbookReadError } from './errors';
import type { ReadLimits } from './limits';
import { CellCounter, MAX_COLS, MAX_ROWS, SparseGrid, type ReadGrid } from './sparseGrid';
import { CLOSE, decodeEntities, END, OPEN, TEXT, XmlReader } from './xml';

export type MarkupKind = 'html' | 'spreadsheetml';

/** How much of a file's start is looked at to tell what it is. */
const SNIFF_CHARS = 4096;

/** What a text workbook is, from its start; null when it is neither (or not text). */
export function markupKind(bytes: Uint8Array): MarkupKind | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_CHARS)).replace(/\0/g, '').toLowerCase();
  if (head.includes('urn:schemas-microsoft-com:office:spreadsheet') && /<(\w+:)?workbook[\s>]/.test(head)) return 'spreadsheetml';
  if (/<(!doctype html|html|table)[\s>]/.test(head)) return 'html';
  return null;
}

/** The text of a file: the encoding an HTML page declares (GBK is common), else UTF-8 / GBK / UTF-16 by content. */
function textOf(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_CHARS));
  const declared = /charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (declared && /^(gb2312|gbk|gb18030)$/.test(declared)) return new TextDecoder('gb18030').decode(bytes);
  return decodeText(bytes).text;
}

/** The sheets of an HTML or SpreadsheetML workbook; throws WorkbookReadError with a Chinese message. */
export function readMarkupGrids(bytes: Uint8Array, kind: MarkupKind, limits: Readonly<ReadLimits>): ReadGrid[] {
  const text = textOf(bytes);
  const grids = kind === 'html' ? [readHtmlTables(text, new CellCounter(limits))] : readSpreadsheetMl(text, new CellCounter(limits));
  if (grids.length === 0 || grids.every((grid) => grid.values.length === 0)) {
    throw new WorkbookReadError('文件中没有表格内容，不是有效的工作簿。', 'not-xlsx');
  }
  return grids;
}

/** A value as Excel would show it: numbers as numbers, the rest as text. */
function cellValue(text: string, numeric: boolean): string | number {
  const trimmed = text.trim();
  if (numeric && trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed);
  return trimmed;
}

/** Rows covered by a rowspan from above: row → columns taken. */
type Taken = Map<number, Set<number>>;

function take(taken: Taken, row: number, col: number): void {
  let cols = taken.get(row);
  if (!cols) taken.set(row, (cols = new Set()));
  cols.add(col);
}

function span(attrs: string, name: string): number {
  const n = Number(new RegExp(`\\b${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attrs)?.[1] ?? 1);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

/** HTML cell content as text: line breaks kept, tags dropped, entities (&nbsp; too) expanded. */
function htmlText(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/gi, ' ');
  return decodeEntities(text).replace(/[ \t\r]+\n/g, '\n').trim();
}

/**
 * Every <table> of a page, one under the other on one sheet (as Excel opens it), with rowspan/colspan as
 * merges. Tolerant of what HTML allows: unclosed <td>/<tr>, upper case, attributes without quotes.
 */
function readHtmlTables(html: string, counter: CellCounter): ReadGrid {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const sheet = new SparseGrid(htmlText(title ?? '') || 'Sheet1', counter);
  const body = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '');
  const tag = /<(\/?)(table|tr|td|th)\b([^>]*)>/gi;
  let row = -1;
  let col = 0;
  let taken: Taken = new Map();
  let open: { row: number; col: number; from: number; rows: number; cols: number } | null = null;
  const closeCell = (end: number): void => {
    if (!open) return;
    const text = htmlText(body.slice(open.from, end));
    sheet.set(open.row, open.col, cellValue(text, true));
    if (open.rows > 1 || open.cols > 1) sheet.addMerge(`${toA1(open.row, open.col)}:${toA1(open.row + open.rows - 1, open.col + open.cols - 1)}`);
    open = null;
  };
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    const closing = m[1] === '/';
    const name = m[2].toLowerCase();
    if (name === 'td' || name === 'th') {
      closeCell(m.index);
      if (closing || row < 0) continue;
      while (taken.get(row)?.has(col)) col++;
      const rows = span(m[3], 'rowspan');
      const cols = span(m[3], 'colspan');
      if (row + rows > MAX_ROWS || col + cols > MAX_COLS) throw new WorkbookReadError('表格超出工作表的行列范围。', 'corrupt');
      for (let r = row; r < row + rows; r++) for (let c = col; c < col + cols; c++) take(taken, r, c);
      open = { row, col, from: m.index + m[0].length, rows, cols };
      col += cols;
    } else if (name === 'tr') {
      closeCell(m.index);
      if (!closing) {
        row++;
        col = 0;
      }
    } else {
      closeCell(m.index);
      // A blank row between two tables, as Excel leaves one.
      if (closing) {
        row = Math.max(row, maxOf(taken.keys(), row)) + 1;
        taken = new Map();
      }
    }
  }
  closeCell(body.length);
  return sheet.finish('visible');
}

/** SpreadsheetML 2003: <Worksheet ss:Name> → <Table> → <Row ss:Index> → <Cell ss:Index ss:MergeAcross ss:MergeDown> → <Data>. */
function readSpreadsheetMl(xml: string, counter: CellCounter): ReadGrid[] {
  const x = new XmlReader(xml, 'XML 电子表格');
  const grids: ReadGrid[] = [];
  let sheet: SparseGrid | null = null;
  let hidden = false;
  let row = -1;
  let col = 0;
  let cell: { col: number; numeric: boolean; text: string } | null = null;
  let inData = false;
  const index = (name: string): number | null => {
    const n = Number(x.attr(name));
    return Number.isInteger(n) && n >= 1 ? n - 1 : null;
  };
  for (let event = x.next(); event !== END; event = x.next()) {
    if (event === OPEN) {
      const name = x.name;
      if (name === 'Worksheet') {
        sheet = new SparseGrid(x.attr('ss:Name') ?? `Sheet${grids.length + 1}`, counter);
        hidden = false;
        row = -1;
      } else if (sheet && name === 'Visible' && !x.selfClosing) {
        hidden = /hidden/i.test(x.allText());
      } else if (sheet && name === 'Row') {
        row = index('ss:Index') ?? row + 1;
        col = 0;
        if (row >= MAX_ROWS) throw new WorkbookReadError('表格超出工作表的行列范围。', 'corrupt');
      } else if (sheet && name === 'Cell') {
        col = index('ss:Index') ?? col;
        if (col >= MAX_COLS) throw new WorkbookReadError('表格超出工作表的行列范围。', 'corrupt');
        const across = Number(x.attr('ss:MergeAcross') ?? 0) || 0;
        const down = Number(x.attr('ss:MergeDown') ?? 0) || 0;
        if (across > 0 || down > 0) sheet.addMerge(`${toA1(row, col)}:${toA1(row + down, col + across)}`);
        cell = { col, numeric: false, text: '' };
        if (x.selfClosing) cell = null;
        col += 1 + across;
      } else if (cell && name === 'Data') {
        cell.numeric = x.attr('ss:Type') === 'Number';
        inData = !x.selfClosing;
      }
    } else if (event === TEXT && inData && cell) {
      cell.text += x.text();
    } else if (event === CLOSE) {
      if (x.name === 'Data') inData = false;
      else if (x.name === 'Cell' && cell && sheet) {
        sheet.set(row, cell.col, cellValue(cell.text, cell.numeric));
        cell = null;
      } else if (x.name === 'Worksheet' && sheet) {
        grids.push(sheet.finish(hidden ? 'hidden' : 'visible'));
        sheet = null;
      }
    }
  }
  return grids;
}
