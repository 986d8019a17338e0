/**
 * Rows inserted into one sheet of a package, as Excel inserts them: the sheet's rows and cells below move
 * down; merged areas, conditional formats, validations, hyperlinks, the used range, page breaks, tables,
 * notes, drawings' anchors and pivot tables' places move with them (a range the insert falls inside grows); every formula that
 * refers to the sheet — its own, other sheets', defined names, charts' series, pivot sources — is moved
 * alike. The new rows take the formats, single-row merges, validations and conditional formats of a model row.
 */
import { parseMarkFormula } from '../core/marking';
import { columnName, parseRange } from '../core/sheet/address';
import { shiftedRow, shiftFormula, shiftSqref, type RowInsert } from './formulaRefs';
import type { SheetRef } from './package';
import { relType } from './package';
import type { PackageEdit } from './packageEdit';
import { decodeEntities } from './xml';
import { attrOf, mapElementText, withAttr, type SheetXml } from './sheetXml';

/** What an insert needs of the workbook being edited. */
export interface WorkbookEditor {
  edit: PackageEdit;
  workbookPart: string;
  sheets: SheetRef[];
  /** The parsed worksheet, shared strings of formulas expanded once; parsed on first use. */
  sheet(ref: SheetRef): SheetXml;
}

const RANGE_ATTRS = /(\s(?:ref|sqref|activeCell|topLeftCell)=")([^"]*)"/g;
const FORMULA_TAGS = ['formula', 'formula1', 'formula2', 'xm:f'];

function shiftRangeAttrs(xml: string, before: number, count: number): string {
  return xml.replace(RANGE_ATTRS, (_whole, head: string, value: string) => `${head}${shiftSqref(value, before, count)}"`);
}

/** Ranges of `sqref` that cover row `row` (1-based), each as columns. */
function columnsOnRow(sqref: string, row: number): { from: number; to: number }[] {
  return sqref
    .split(/\s+/)
    .filter((range) => /^[A-Za-z]{1,3}\d+(:[A-Za-z]{1,3}\d+)?$/.test(range))
    .map((range) => parseRange(range))
    .filter((area) => area.start.row + 1 <= row && area.end.row + 1 >= row)
    .map((area) => ({ from: area.start.col, to: area.end.col }));
}

/** `sqref` plus the new rows' cells in the columns where it covers the model row (unless they are already in it). */
function extendSqref(sqref: string, model: number, before: number, count: number): string {
  const covered = columnsOnRow(sqref, before);
  const added = columnsOnRow(sqref, model)
    .filter((cols) => !covered.some((c) => c.from <= cols.from && c.to >= cols.to))
    .map((cols) => `${columnName(cols.from)}${before}:${columnName(cols.to)}${before + count - 1}`);
  return added.length === 0 ? sqref : `${sqref} ${added.join(' ')}`;
}

/** Validations and conditional formats of the model row reach the new rows (jixiao's own marks excepted). */
function extendToNewRows(tail: string, model: number, before: number, count: number): string {
  const dv = tail.replace(/(<dataValidation\b[^>]*?\ssqref=")([^"]*)"/g, (_w, head: string, sqref: string) => `${head}${extendSqref(sqref, model, before, count)}"`);
  return dv.replace(/<conditionalFormatting\b([^>]*?)\ssqref="([^"]*)"([^>]*)>([\s\S]*?)<\/conditionalFormatting>/g, (whole, a: string, sqref: string, b: string, body: string) => {
    const formula = /<formula>([\s\S]*?)<\/formula>/.exec(body)?.[1];
    if (formula !== undefined && parseMarkFormula(formula)) return whole;
    return `<conditionalFormatting${a} sqref="${extendSqref(sqref, model, before, count)}"${b}>${body}</conditionalFormatting>`;
  });
}

/** Single-row merged areas of the model row, repeated on each new row. */
function mergesOfRow(tail: string, row: number): { from: number; to: number }[] {
  const merges: { from: number; to: number }[] = [];
  for (const m of tail.matchAll(/<mergeCell\b[^>]*?\sref="([^"]*)"/g)) {
    if (!/^[A-Za-z]{1,3}\d+:[A-Za-z]{1,3}\d+$/.test(m[1])) continue;
    const area = parseRange(m[1]);
    if (area.start.row + 1 === row && area.end.row + 1 === row) merges.push({ from: area.start.col, to: area.end.col });
  }
  return merges;
}

function addMerges(tail: string, merges: string[]): string {
  if (merges.length === 0) return tail;
  const cells = merges.map((ref) => `<mergeCell ref="${ref}"/>`).join('');
  const open = /<mergeCells\b([^>]*?)(\/?)>/.exec(tail);
  if (!open) return tail.replace(/^<\/sheetData>/, `</sheetData><mergeCells count="${merges.length}">${cells}</mergeCells>`);
  const existing = (tail.match(/<mergeCell\b/g) ?? []).length;
  const tag = `<mergeCells${withAttr(open[1], 'count', String(existing + merges.length))}>`;
  if (open[2] === '/') return `${tail.slice(0, open.index)}${tag}${cells}</mergeCells>${tail.slice(open.index + open[0].length)}`;
  const close = tail.indexOf('</mergeCells>', open.index);
  return `${tail.slice(0, open.index)}${tag}${tail.slice(open.index + open[0].length, close)}${cells}${tail.slice(close)}`;
}

/** The sheet itself: its rows, and every range and formula in its XML. */
function insertInSheet(sheet: SheetXml, insert: RowInsert, formatFrom: number): void {
  const { before, count } = insert;
  const merges = mergesOfRow(sheet.tail, formatFrom);
  sheet.insertRows(before, count, formatFrom);
  sheet.head = shiftRangeAttrs(sheet.head, before, count);
  let tail = shiftRangeAttrs(sheet.tail, before, count);
  tail = tail.replace(/(<(\w+:)?sqref>)([^<]*)(<\/\2?sqref>)/g, (_w, open: string, _p: string, sqref: string, close: string) => `${open}${shiftSqref(sqref, before, count)}${close}`);
  tail = mapElementText(tail, FORMULA_TAGS, (f) => shiftFormula(f, sheet.name, insert));
  // A manual page break after row id.
  tail = tail.replace(/(<rowBreaks\b[\s\S]*?<\/rowBreaks>)/, (breaks) => breaks.replace(/(<brk\b[^>]*?\sid=")(\d+)"/g, (_w, head: string, id: string) => `${head}${shiftedRow(Number(id), before, count)}"`));
  const model = shiftedRow(formatFrom, before, count);
  tail = extendToNewRows(tail, model, before, count);
  const added: string[] = [];
  for (let r = before; r < before + count; r++) for (const m of merges) added.push(`${columnName(m.from)}${r}:${columnName(m.to)}${r}`);
  sheet.tail = addMerges(tail, added);
}

/** A VML note anchor `col, dx, row, dy, col, dx, row, dy`: rows are 0-based. */
function shiftAnchor(anchor: string, before: number, count: number): string {
  const parts = anchor.split(',').map((p) => p.trim());
  if (parts.length !== 8) return anchor;
  for (const k of [2, 6]) parts[k] = String(shiftedRow(Number(parts[k]) + 1, before, count) - 1);
  return parts.join(', ');
}

/**
 * A pivot table's place on its sheet (`<location ref>`): below the insert it moves down; rows inserted
 * through it are refused, as Excel refuses to insert cells that would split a pivot table.
 */
function movedPivotLocation(tag: string, insert: RowInsert): string {
  const ref = attrOf(tag, 'ref');
  if (!ref || !/^[A-Za-z]{1,3}\d+(:[A-Za-z]{1,3}\d+)?$/.test(ref)) return tag;
  const area = parseRange(ref);
  if (insert.before > area.start.row + 1 && insert.before <= area.end.row + 1) {
    throw new RangeError(`第 ${insert.before} 行在「${insert.sheet}」的数据透视表 ${ref} 之内：不能在数据透视表中间插入行`);
  }
  return shiftRangeAttrs(tag, insert.before, insert.count);
}

/** Notes, drawings, tables and pivot tables that belong to the sheet. */
function insertInSheetParts(editor: WorkbookEditor, ref: SheetRef, insert: RowInsert): void {
  const { edit } = editor;
  const { before, count } = insert;
  for (const rel of edit.pkg.relationships(ref.part ?? '')) {
    if (rel.external || !edit.has(rel.target)) continue;
    const kind = relType(rel.type);
    // An Excel 365 thread ([MS-XLSX] Threaded Comments part) is anchored by `ref` like its legacy note.
    if (kind === 'comments' || kind === 'threadedComment' || kind === 'table') {
      edit.set(rel.target, shiftRangeAttrs(edit.text(rel.target), before, count));
    } else if (kind === 'vmlDrawing') {
      const vml = edit
        .text(rel.target)
        .replace(/(<x:Row>)(\d+)(<\/x:Row>)/g, (_w, a: string, n: string, b: string) => `${a}${shiftedRow(Number(n) + 1, before, count) - 1}${b}`)
        .replace(/(<x:Anchor>)([^<]*)(<\/x:Anchor>)/g, (_w, a: string, n: string, b: string) => `${a}${shiftAnchor(n, before, count)}${b}`);
      edit.set(rel.target, vml);
    } else if (kind === 'pivotTable') {
      edit.set(rel.target, edit.text(rel.target).replace(/<location\b[^>]*>/, (tag) => movedPivotLocation(tag, insert)));
    } else if (kind === 'drawing') {
      // Anchors' rows are 0-based: an object at or below the insert moves down.
      const drawing = edit.text(rel.target).replace(/(<(\w+:)?row>)(\d+)(<\/\2?row>)/g, (_w, a: string, _p: string, n: string, b: string) => `${a}${shiftedRow(Number(n) + 1, before, count) - 1}${b}`);
      edit.set(rel.target, drawing);
    }
  }
}

/** Formulas of the rest of the workbook that point into the sheet. */
function insertElsewhere(editor: WorkbookEditor, insert: RowInsert): void {
  const { edit } = editor;
  const name = insert.sheet.toLowerCase();
  for (const other of editor.sheets) {
    if (!other.part || other.kind !== 'worksheet' || other.name === insert.sheet) continue;
    // Only sheets whose XML names the sheet can refer to it (an apostrophe is doubled inside quotes).
    // openpyxl writes every non-ASCII character as a character reference.
    const text = decodeEntities(edit.text(other.part)).toLowerCase();
    if (!text.includes(name) && !text.includes(name.replace(/'/g, "''"))) continue;
    const sheet = editor.sheet(other);
    sheet.mapCellFormulas((f) => shiftFormula(f, other.name, insert));
    sheet.tail = mapElementText(sheet.tail, FORMULA_TAGS, (f) => shiftFormula(f, other.name, insert));
  }
  const workbook = edit.text(editor.workbookPart);
  const names = mapElementText(workbook, ['definedName'], (f) => shiftFormula(f, null, insert));
  if (names !== workbook) edit.set(editor.workbookPart, names);
  for (const entry of edit.pkg.entries) {
    const type = edit.pkg.contentType(entry.name) ?? '';
    if (!edit.has(entry.name)) continue;
    if (type.endsWith('drawingml.chart+xml')) {
      const chart = edit.text(entry.name);
      const next = mapElementText(chart, ['c:f'], (f) => shiftFormula(f, null, insert));
      if (next !== chart) edit.set(entry.name, next);
    } else if (type.endsWith('pivotCacheDefinition+xml')) {
      const cache = edit.text(entry.name);
      const next = cache.replace(/<worksheetSource\b[^>]*\/>/g, (tag) => (attrOf(tag, 'sheet')?.toLowerCase() === name ? shiftRangeAttrs(tag, insert.before, insert.count) : tag));
      if (next !== cache) edit.set(entry.name, next);
    }
  }
}

/** Inserts `count` rows above row `before` of sheet `ref`, formatted like row `formatFrom` (counted before). */
export function insertRows(editor: WorkbookEditor, ref: SheetRef, before: number, count: number, formatFrom: number): void {
  const insert: RowInsert = { sheet: ref.name, before, count };
  // The rest first: a sheet is parsed (and its shared formulas expanded) before any reference moves.
  insertElsewhere(editor, insert);
  const sheet = editor.sheet(ref);
  sheet.mapCellFormulas((f) => shiftFormula(f, ref.name, insert));
  insertInSheet(sheet, insert, formatFrom);
  insertInSheetParts(editor, ref, insert);
}
