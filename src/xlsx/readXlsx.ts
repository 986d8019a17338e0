/**
 * .xlsx → sparse CellGrids, following the package's relationships (workbook → sheets, shared strings,
 * styles; sheet → comments). Values are what Excel shows: shared and inline strings with their rich-text
 * runs joined, numbers through their number format (percentages, dates in either date system), booleans,
 * error values, formulas' cached results.
 */
import { formatCode } from './numberFormats';
import { parseXsdDouble } from './xsdNumber';
import { chineseDateText, isDateFormat, shownValue } from '../core/sheet/shown';
import type { CellValue } from '../core/sheet/types';
import { toA1 } from '../core/sheet/address';
import { corrupt } from './errors';
import { OoxmlPackage, type SheetRef } from './package';
import { CellCounter, MAX_COLS, MAX_ROWS, SparseGrid, type ReadGrid } from './sparseGrid';
import { CLOSE, decodeXstring, END, OPEN, type XmlReader } from './xml';

/** Days between the 1900 and 1904 date systems' day 0. */
const DAYS_1904 = 1462;

function readSharedStrings(pkg: OoxmlPackage, part: string | null): string[] {
  const strings: string[] = [];
  if (!part) return strings;
  const x = pkg.xml(part);
  for (let event = x.next(); event !== END; event = x.next()) {
    if (event === OPEN && x.name === 'si') strings.push(decodeXstring(x.runsText()));
  }
  return strings;
}

/** Number format of each cellXfs index (null where General or unknown). */
function readStyles(pkg: OoxmlPackage, part: string | null): (string | null)[] {
  const formats: (string | null)[] = [];
  if (!part) return formats;
  const custom = new Map<number, string>();
  const x = pkg.xml(part);
  let inCellXfs = false;
  for (let event = x.next(); event !== END; event = x.next()) {
    if (event === OPEN) {
      if (x.name === 'numFmt') custom.set(Number(x.attr('numFmtId')), x.attr('formatCode') ?? '');
      else if (x.name === 'cellXfs') inCellXfs = !x.selfClosing;
      else if (inCellXfs && x.name === 'xf') {
        const id = Number(x.attr('numFmtId') ?? 0);
        formats.push(formatCode(id, custom));
        x.skip();
      }
    } else if (event === CLOSE && x.name === 'cellXfs') inCellXfs = false;
  }
  return formats;
}

/** `AB12` → [row, col] (0-based) into `out`; false when it is not a cell reference. */
function parseRef(ref: string, out: [number, number]): boolean {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 0x20;
    if (code < 97 || code > 122) break;
    col = col * 26 + (code - 96);
  }
  let row = 0;
  const digits = i;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 48 || code > 57) return false;
    row = row * 10 + (code - 48);
  }
  if (digits === 0 || digits === ref.length || col > MAX_COLS || row < 1 || row > MAX_ROWS) return false;
  out[0] = row - 1;
  out[1] = col - 1;
  return true;
}

interface WorkbookContext {
  strings: string[];
  formats: (string | null)[];
  date1904: boolean;
}

/** `2024-12-31T00:00:00` (a t="d" cell, strict OOXML) → Chinese date text. */
function isoDateText(iso: string): CellValue {
  const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) || !iso.includes('T') ? iso : `${iso}Z`);
  return Number.isNaN(date.getTime()) ? iso : chineseDateText(date);
}

function cellValue(type: string | undefined, raw: string | null, inline: string | null, format: string | null, ctx: WorkbookContext, sheet: string, ref: string): CellValue {
  switch (type) {
    case 's': {
      if (raw === null) return null;
      const index = Number(raw);
      const text = ctx.strings[index];
      if (text === undefined) throw corrupt(`工作表「${sheet}」${ref} 引用了不存在的共享字符串 ${raw}`);
      return text;
    }
    case 'inlineStr':
      return inline === null ? raw : decodeXstring(inline);
    case 'str':
    case 'e':
      return raw;
    case 'b':
      return raw === null ? null : raw.trim() === '1' || raw.trim() === 'true';
    case 'd':
      return raw === null ? null : isoDateText(raw.trim());
    default: {
      if (raw === null || raw.trim() === '') return null;
      // Not an xsd:double (`0x5A`, `Infinity`): Excel and LibreOffice show 0, so that is what is read.
      const n = parseXsdDouble(raw) ?? 0;
      const serial = ctx.date1904 && isDateFormat(format) ? n + DAYS_1904 : n;
      return shownValue(serial, format);
    }
  }
}

function readSheet(pkg: OoxmlPackage, sheet: SheetRef, part: string, ctx: WorkbookContext, counter: CellCounter): ReadGrid {
  const grid = new SparseGrid(sheet.name, counter);
  const x = pkg.xml(part);
  const pos: [number, number] = [0, 0];
  let row = -1;
  let col = -1;
  for (let event = x.next(); event !== END; event = x.next()) {
    if (event !== OPEN) continue;
    const name = x.name;
    if (name === 'row') {
      const r = x.attr('r');
      row = r === undefined ? row + 1 : Number(r) - 1;
      if (!(row >= 0 && row < MAX_ROWS)) throw corrupt(`工作表「${sheet.name}」的行号「${r}」无效`);
      col = -1;
    } else if (name === 'c') {
      const ref = x.attr('r');
      if (ref === undefined) {
        col++;
        pos[0] = Math.max(row, 0);
        pos[1] = col;
      } else if (!parseRef(ref, pos)) throw corrupt(`工作表「${sheet.name}」的单元格地址「${ref.slice(0, 20)}」无效`);
      col = pos[1];
      if (col >= MAX_COLS) throw corrupt(`工作表「${sheet.name}」的列超出 XFD`);
      const type = x.attr('t');
      const style = x.attr('s');
      const format = style === undefined ? null : (ctx.formats[Number(style)] ?? null);
      let raw: string | null = null;
      let inline: string | null = null;
      if (!x.selfClosing) {
        for (let inner = x.next(); ; inner = x.next()) {
          if (inner === END) throw corrupt(`工作表「${sheet.name}」的单元格未闭合`);
          if (inner === CLOSE) {
            if (x.name === 'c') break;
            continue;
          }
          if (inner !== OPEN) continue;
          if (x.name === 'v') raw = x.allText();
          else if (x.name === 'is') inline = x.runsText();
          else x.skip();
        }
      }
      grid.set(pos[0], pos[1], cellValue(type, raw, inline, format, ctx, sheet.name, toA1(pos[0], pos[1])));
    } else if (name === 'mergeCell') {
      const ref = x.attr('ref');
      if (ref && /^[A-Za-z]{1,3}\d+(:[A-Za-z]{1,3}\d+)?$/.test(ref)) grid.addMerge(ref.toUpperCase());
    } else if (name === 'sheetData' || name === 'worksheet' || name === 'mergeCells') {
      // Containers: walk into them.
    } else x.skip();
  }
  readComments(pkg, part, grid);
  return grid.finish(sheet.state);
}

function readComments(pkg: OoxmlPackage, sheetPart: string, grid: SparseGrid): void {
  const part = pkg.related(sheetPart, 'comments');
  if (!part) return;
  const x: XmlReader = pkg.xml(part);
  const authors: string[] = [];
  for (let event = x.next(); event !== END; event = x.next()) {
    if (event !== OPEN) continue;
    if (x.name === 'author') authors.push(x.allText());
    else if (x.name === 'comment') {
      const address = x.attr('ref') ?? '';
      const author = authors[Number(x.attr('authorId') ?? -1)] ?? '';
      grid.comments.push({ address, author, text: x.runsText() });
    }
  }
}

/** Every worksheet of an .xlsx (chartsheets have no cells and are left out), in tab order. */
export function readXlsxGrids(pkg: OoxmlPackage): ReadGrid[] {
  const info = pkg.workbook();
  const ctx: WorkbookContext = {
    strings: readSharedStrings(pkg, pkg.related(info.part, 'sharedStrings')),
    formats: readStyles(pkg, pkg.related(info.part, 'styles')),
    date1904: info.date1904,
  };
  const counter = new CellCounter(pkg.limits);
  const grids: ReadGrid[] = [];
  for (const sheet of info.sheets) {
    if (sheet.kind !== 'worksheet' && sheet.kind !== '') continue;
    // A sheet the workbook lists but the package lacks cannot be called clean: the file is damaged.
    if (!sheet.part) throw corrupt(`工作表「${sheet.name}」在文件中找不到`);
    grids.push(readSheet(pkg, sheet, sheet.part, ctx, counter));
  }
  return grids;
}

