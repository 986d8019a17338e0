/**
 * A fixed copy of an .xlsx made in the package itself, as the marked copy is: each Fix's steps are applied
 * to its sheet's XML (a value written keeps the cell's style; rows inserted move everything below, see
 * insertRows.ts), and every part no step touches keeps its bytes. The calculation chain is dropped and a
 * full recalculation asked for on open, since values that formulas read may have changed.
 */
import type { Fix, FixStep } from '../core/model';
import { fromA1, toA1 } from '../core/sheet/address';
import type { CellValue } from '../core/sheet/types';
import { corrupt } from './errors';
import { insertRows, type WorkbookEditor } from './insertRows';
import { OoxmlPackage, relsPartOf, relType, type SheetRef } from './package';
import { removeMacros } from './macros';
import { escapeXml, insertBefore, PackageEdit } from './packageEdit';
import { attrOf, SheetXml, withAttr, type SheetCell } from './sheetXml';
import { decodeEntities, END, OPEN } from './xml';

/** A fix for one sheet, by the sheet's name. */
export interface SheetFix {
  sheet: string;
  fix: Fix;
}

/** One change made, for the list the user is shown. */
export type FixChange =
  | { sheet: string; kind: 'setCell'; cell: string; before: CellValue; after: string | number }
  | { sheet: string; kind: 'insertRows'; before: number; count: number; formatFrom: number };

export interface FixedCopy {
  bytes: Uint8Array;
  changes: FixChange[];
  /** The input was macro-enabled (.xlsm): the copy is a macro-free .xlsx (macrosRemovedNote says so). */
  macrosRemoved: boolean;
}

/** The workbook's shared strings: read on first use, new ones appended (an identical plain string reused). */
class SharedStrings {
  private texts: string[] | null = null;
  private readonly index = new Map<string, number>();
  private readonly added: string[] = [];

  constructor(
    private readonly edit: PackageEdit,
    readonly part: string,
  ) {}

  private load(): string[] {
    if (this.texts) return this.texts;
    const texts: string[] = [];
    const x = this.edit.pkg.xml(this.part);
    for (let event = x.next(); event !== END; event = x.next()) if (event === OPEN && x.name === 'si') texts.push(x.runsText());
    texts.forEach((text, i) => {
      if (!this.index.has(text)) this.index.set(text, i);
    });
    this.texts = texts;
    return texts;
  }

  text(i: number): string | undefined {
    return this.load()[i];
  }

  indexOf(text: string): number {
    const texts = this.load();
    const found = this.index.get(text);
    if (found !== undefined) return found;
    const i = texts.length;
    texts.push(text);
    this.index.set(text, i);
    this.added.push(`<si>${textElement(text)}</si>`);
    return i;
  }

  save(): void {
    if (this.added.length === 0) return;
    let xml = this.edit.text(this.part);
    const open = /<sst\b([^>]*?)(\/?)>/.exec(xml);
    if (!open) throw corrupt('共享字符串部件缺少 sst');
    let attrs = open[1];
    const unique = attrOf(attrs, 'uniqueCount');
    if (unique !== undefined) attrs = withAttr(attrs, 'uniqueCount', String(Number(unique) + this.added.length));
    const count = attrOf(attrs, 'count');
    if (count !== undefined) attrs = withAttr(attrs, 'count', String(Number(count) + this.added.length));
    const body = this.added.join('');
    xml =
      open[2] === '/'
        ? `${xml.slice(0, open.index)}<sst${attrs}>${body}</sst>${xml.slice(open.index + open[0].length)}`
        : `${xml.slice(0, open.index)}<sst${attrs}>${xml.slice(open.index + open[0].length).replace(/<\/sst>\s*$/, `${body}</sst>`)}`;
    this.edit.set(this.part, xml);
  }
}

function textElement(text: string): string {
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
  return `<t${space}>${escapeXml(text)}</t>`;
}

/** What a cell holds, as the file has it (a shared string's text; a number unformatted). */
function cellValue(cell: SheetCell | undefined, strings: SharedStrings | null): CellValue {
  if (!cell || cell.body === null) return null;
  const type = attrOf(cell.attrs, 't');
  if (type === 'inlineStr') return [...cell.body.matchAll(/<t\b[^>]*>([^<]*)<\/t>/g)].map((m) => decodeEntities(m[1])).join('');
  const raw = /<v>([^<]*)<\/v>/.exec(cell.body)?.[1];
  if (raw === undefined) return null;
  if (type === 's') return strings?.text(Number(raw)) ?? null;
  if (type === 'b') return raw === '1' || raw === 'true';
  if (type === 'str' || type === 'e' || type === 'd') return decodeEntities(raw);
  const n = Number(raw);
  return Number.isNaN(n) ? decodeEntities(raw) : n;
}

class Editor implements WorkbookEditor {
  readonly edit: PackageEdit;
  readonly workbookPart: string;
  readonly sheets: SheetRef[];
  private readonly parsed = new Map<string, SheetXml>();
  readonly strings: SharedStrings | null;

  constructor(pkg: OoxmlPackage) {
    this.edit = new PackageEdit(pkg);
    const info = pkg.workbook();
    this.workbookPart = info.part;
    this.sheets = info.sheets;
    const sst = pkg.related(info.part, 'sharedStrings');
    this.strings = sst ? new SharedStrings(this.edit, sst) : null;
  }

  sheet(ref: SheetRef): SheetXml {
    if (!ref.part) throw corrupt(`工作表「${ref.name}」在文件中找不到`);
    let sheet = this.parsed.get(ref.part);
    if (!sheet) {
      sheet = SheetXml.parse(this.edit.text(ref.part), ref.name);
      sheet.unshareFormulas();
      this.parsed.set(ref.part, sheet);
    }
    return sheet;
  }

  sheetByName(name: string): SheetRef {
    const ref = this.sheets.find((s) => s.name === name && s.kind === 'worksheet' && s.part);
    if (!ref) throw corrupt(`工作簿中没有工作表「${name}」`);
    return ref;
  }

  setCell(ref: SheetRef, address: string, value: string | number): CellValue {
    const { row, col } = fromA1(address);
    const at = toA1(row, col);
    const sheet = this.sheet(ref);
    const existing = sheet.cell(at);
    const before = cellValue(existing, this.strings);
    const style = existing ? attrOf(existing.attrs, 's') : sheet.defaultStyle(at);
    const s = style === undefined ? '' : ` s="${style}"`;
    let xml: string;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new RangeError(`${at} 的数值无效：${value}`);
      xml = `<c r="${at}"${s}><v>${value}</v></c>`;
    } else if (this.strings) {
      xml = `<c r="${at}"${s} t="s"><v>${this.strings.indexOf(value)}</v></c>`;
    } else {
      xml = `<c r="${at}"${s} t="inlineStr"><is>${textElement(value)}</is></c>`;
    }
    sheet.putCell(at, xml);
    return before;
  }

  /** The workbook recalculates on open, and the calculation chain (a cache Excel rebuilds) goes. */
  private recalculate(): void {
    const { edit } = this;
    const chain = edit.pkg.related(this.workbookPart, 'calcChain');
    if (chain) {
      edit.remove(chain);
      const rels = relsPartOf(this.workbookPart);
      const calcRel = edit.pkg.relationships(this.workbookPart).find((r) => relType(r.type) === 'calcChain');
      if (calcRel) edit.set(rels, edit.text(rels).replace(new RegExp(`<Relationship\\b[^>]*\\bId="${calcRel.id}"[^>]*/>`), ''));
      edit.set('[Content_Types].xml', edit.text('[Content_Types].xml').replace(new RegExp(`<Override\\b[^>]*PartName="/${chain}"[^>]*/>`, 'i'), ''));
    }
    let workbook = edit.text(this.workbookPart);
    const calcPr = /<calcPr\b([^>]*?)\/>/.exec(workbook);
    if (calcPr) workbook = `${workbook.slice(0, calcPr.index)}<calcPr${withAttr(calcPr[1], 'fullCalcOnLoad', '1')}/>${workbook.slice(calcPr.index + calcPr[0].length)}`;
    else if (!/<calcPr\b/.test(workbook)) {
      workbook = insertBefore(workbook, ['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'], '</workbook>', '<calcPr fullCalcOnLoad="1"/>');
    }
    edit.set(this.workbookPart, workbook);
  }

  macrosRemoved = false;

  finish(): Uint8Array {
    for (const ref of this.sheets) {
      const sheet = ref.part ? this.parsed.get(ref.part) : undefined;
      if (sheet && ref.part) this.edit.set(ref.part, sheet.toString());
    }
    this.strings?.save();
    this.recalculate();
    this.macrosRemoved = removeMacros(this.edit, this.workbookPart);
    return this.edit.toBytes();
  }
}

function applyStep(editor: Editor, ref: SheetRef, step: FixStep, changes: FixChange[]): void {
  if (step.kind === 'setCell') {
    const before = editor.setCell(ref, step.cell, step.value);
    changes.push({ sheet: ref.name, kind: 'setCell', cell: step.cell.replace(/\$/g, '').toUpperCase(), before, after: step.value });
  } else {
    insertRows(editor, ref, step.before, step.count, step.formatFrom);
    changes.push({ sheet: ref.name, kind: 'insertRows', before: step.before, count: step.count, formatFrom: step.formatFrom });
  }
}

/**
 * Applies the fixes in order (each fix's steps in order, addresses as the sheet stands when each runs) to a
 * copy of the .xlsx `data`. The input bytes are never changed. Throws WorkbookReadError for a package that
 * cannot be edited, and for a fix naming a sheet the workbook does not have.
 */
export function fixedCopy(data: Uint8Array | ArrayBuffer, fixes: SheetFix[]): FixedCopy {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const editor = new Editor(OoxmlPackage.open(bytes));
  const changes: FixChange[] = [];
  for (const { sheet, fix } of fixes) {
    const ref = editor.sheetByName(sheet);
    for (const step of fix.steps) applyStep(editor, ref, step, changes);
  }
  return { bytes: editor.finish(), changes, macrosRemoved: editor.macrosRemoved };
}
