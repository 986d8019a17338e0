/**
 * .ods (OpenDocument spreadsheet, LibreOffice/WPS) → sparse CellGrids from content.xml. Repeated rows and
 * cells are expanded only where they hold something (an empty row repeated a million times costs nothing),
 * spanned cells become merged areas, hidden tables (table:display="false") are flagged.
 */
import { toA1, toRange } from '../core/sheet/address';
import { asShown, chineseDateText } from '../core/sheet/shown';
import type { CellValue } from '../core/sheet/types';
import { corrupt } from './errors';
import type { OoxmlPackage } from './package';
import { CellCounter, MAX_COLS, MAX_ROWS, SparseGrid, type ReadGrid, type SheetComment } from './sparseGrid';
import { CLOSE, END, OPEN, TEXT, type XmlReader } from './xml';
import { parseXsdDouble } from './xsdNumber';

export const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';

/** An ODF package names its type in the `mimetype` part. */
export function isOdsPackage(pkg: OoxmlPackage): boolean {
  return pkg.has('mimetype') && pkg.has('content.xml') && pkg.text('mimetype').trim() === ODS_MIME;
}

function count(value: string | undefined): number {
  const n = value === undefined ? 1 : Number(value);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/** After a `text:p` OPEN: its text with spaces, tabs and line breaks as shown; moves past its CLOSE. */
function paragraphText(x: XmlReader): string {
  if (x.selfClosing) return '';
  let depth = 1;
  let out = '';
  for (;;) {
    const event = x.next();
    if (event === END) throw corrupt('content.xml 中的段落未闭合');
    if (event === TEXT) {
      // ODF 1.2 §6.1.2: a run of spaces, tabs and line ends in a paragraph is one space (text:s writes
      // more), so 450 MB of whitespace is one character, never a string of any length.
      const piece = x.collapsedText();
      out += out.endsWith(' ') && piece.startsWith(' ') ? piece.slice(1) : piece;
      x.checkTextLength(out.length);
    } else if (event === OPEN) {
      if (x.name === 's') out += ' '.repeat(Math.min(count(x.attr('text:c')), 1000));
      else if (x.name === 'tab') out += '\t';
      else if (x.name === 'line-break') out += '\n';
      else if (x.name === 'annotation' || x.name === 'note') {
        x.skip();
        continue;
      }
      if (!x.selfClosing) depth++;
    } else if (event === CLOSE && --depth === 0) return out;
  }
}

interface OdsCell {
  value: CellValue;
  comment: Omit<SheetComment, 'address'> | null;
}

/** After a `table:table-cell` OPEN: its value as shown, its annotation; moves past its CLOSE. */
function readCell(x: XmlReader): OdsCell {
  const type = x.attr('office:value-type');
  const value = x.attr('office:value');
  const paragraphs: string[] = [];
  let comment: OdsCell['comment'] = null;
  if (!x.selfClosing) {
    for (let depth = 1; depth > 0; ) {
      const event = x.next();
      if (event === END) throw corrupt('content.xml 中的单元格未闭合');
      if (event === CLOSE) depth--;
      else if (event === OPEN) {
        if (x.name === 'p') paragraphs.push(paragraphText(x));
        else if (x.name === 'annotation') comment = readAnnotation(x);
        else x.skip();
      }
    }
  }
  const text = paragraphs.join('\n');
  switch (type) {
    case 'float':
    case 'currency': {
      // The cell's text is what it shows: a number formatted as another one (scaled, a literal) says both.
      const n = value === undefined ? null : parseXsdDouble(value);
      return { value: n === null ? text : paragraphs.length > 0 ? asShown(n, text) : n, comment };
    }
    case 'percentage': {
      const n = value === undefined ? null : parseXsdDouble(value);
      return { value: n === null ? text : `${Number((n * 100).toPrecision(12))}%`, comment };
    }
    case 'date': {
      const iso = x.attr('office:date-value');
      const date = iso ? new Date(/T/.test(iso) ? `${iso.replace(/Z$/, '')}Z` : `${iso}T00:00:00Z`) : null;
      return { value: date && !Number.isNaN(date.getTime()) ? chineseDateText(date) : text, comment };
    }
    case 'boolean':
      return { value: x.attr('office:boolean-value') === 'true', comment };
    default:
      return { value: text, comment };
  }
}

function readAnnotation(x: XmlReader): Omit<SheetComment, 'address'> {
  let author = '';
  const lines: string[] = [];
  for (let depth = 1; depth > 0; ) {
    const event = x.next();
    if (event === END) throw corrupt('content.xml 中的批注未闭合');
    if (event === CLOSE) depth--;
    else if (event === OPEN) {
      if (x.name === 'creator') author = x.allText();
      else if (x.name === 'p') lines.push(paragraphText(x));
      else if (!x.selfClosing) depth++;
    }
  }
  return { author, text: lines.join('\n') };
}

export function readOdsGrids(pkg: OoxmlPackage): ReadGrid[] {
  // ODF collapses whitespace runs in paragraphs and ignores them between elements: a chunk of nothing but
  // whitespace (450 MB of it inflate from a 460 KB file) reaches the tokenizer as one character.
  const x = pkg.xml('content.xml', { spaceRuns: true });
  const counter = new CellCounter(pkg.limits);
  const hiddenStyles = new Set<string>();
  const grids: ReadGrid[] = [];
  let styleName = '';
  let sheet: SparseGrid | null = null;
  let hidden = false;
  let row = 0;
  let rowRepeat = 1;
  let col = 0;
  let rowCells: { col: number; cell: OdsCell; repeat: number }[] = [];
  for (let event = x.next(); event !== END; event = x.next()) {
    if (event === OPEN) {
      const name = x.name;
      if (name === 'style') styleName = x.attr('style:name') ?? '';
      else if (name === 'table-properties' && x.attr('table:display') === 'false') hiddenStyles.add(styleName);
      else if (name === 'table') {
        sheet = new SparseGrid(x.attr('table:name') ?? '', counter);
        hidden = hiddenStyles.has(x.attr('table:style-name') ?? '');
        row = 0;
      } else if (sheet && name === 'table-row') {
        rowRepeat = count(x.attr('table:number-rows-repeated'));
        col = 0;
        rowCells = [];
        if (x.selfClosing) row += rowRepeat;
      } else if (sheet && (name === 'table-cell' || name === 'covered-table-cell')) {
        const repeat = count(x.attr('table:number-columns-repeated'));
        const spanCols = count(x.attr('table:number-columns-spanned'));
        const spanRows = count(x.attr('table:number-rows-spanned'));
        const covered = name === 'covered-table-cell';
        const cell = covered ? null : readCell(x);
        if (covered) x.skip();
        if (col + repeat > MAX_COLS || row >= MAX_ROWS) throw corrupt(`表「${sheet.sheetName}」超出 ${MAX_ROWS} 行或 ${MAX_COLS} 列`);
        if (cell && (cell.value !== '' || cell.comment)) rowCells.push({ col, cell, repeat });
        if (!covered && (spanCols > 1 || spanRows > 1)) {
          for (let k = 0; k < repeat; k++) {
            sheet.addMerge(toRange({ row, col: col + k }, { row: Math.min(row + spanRows, MAX_ROWS) - 1, col: Math.min(col + k + spanCols, MAX_COLS) - 1 }));
          }
        }
        col += repeat;
      } else if (name === 'shapes' || name === 'forms' || name === 'named-expressions') x.skip();
    } else if (event === CLOSE) {
      if (sheet && x.name === 'table-row') {
        if (rowCells.length > 0) {
          for (let r = 0; r < rowRepeat; r++) {
            for (const { col: c, cell, repeat } of rowCells) {
              for (let k = 0; k < repeat; k++) {
                sheet.set(row + r, c + k, cell.value);
                if (cell.comment) sheet.comments.push({ address: toA1(row + r, c + k), ...cell.comment });
              }
            }
          }
        }
        row += rowRepeat;
      } else if (sheet && x.name === 'table') {
        grids.push(sheet.finish(hidden ? 'hidden' : 'visible'));
        sheet = null;
      }
    }
  }
  return grids;
}
