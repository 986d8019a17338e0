/**
 * A worksheet part split for editing: the XML before `<sheetData>`, its rows (each row's tags kept as
 * written, so rows nothing touches come out byte for byte), and the XML after. Cells are found inside a
 * row only when a step needs them.
 */
import { columnName, fromA1 } from '../core/sheet/address';
import { corrupt } from './errors';
import { decodeEntities } from './xml';
import { escapeXml } from './packageEdit';
import { translateFormula } from './formulaRefs';

export interface SheetRow {
  /** 1-based. */
  r: number;
  /** `<row …>` or `<row …/>` as written (its r attribute updated when the row moves). */
  open: string;
  /** The row's cells as written; null for `<row …/>`. */
  inner: string | null;
}

/** One `<c>` inside a row's inner XML. */
export interface SheetCell {
  /** 0-based column. */
  col: number;
  start: number;
  end: number;
  /** The `<c …>` tag's attributes as written. */
  attrs: string;
  /** Between `<c>` and `</c>`; null for `<c …/>`. */
  body: string | null;
}

const ROW = /<row\b([^>]*?)(\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const FORMULA = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/;

export function attrOf(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return m ? decodeEntities(m[1]) : undefined;
}

/** Sets (or, with undefined, removes) one attribute in an attribute string, leaving the others as written. */
export function withAttr(attrs: string, name: string, value: string | undefined): string {
  const re = new RegExp(`(\\s)${name}="[^"]*"`);
  if (value === undefined) return attrs.replace(new RegExp(`\\s${name}="[^"]*"`), '');
  if (re.test(attrs)) return attrs.replace(re, `$1${name}="${escapeXml(value)}"`);
  return `${attrs} ${name}="${escapeXml(value)}"`;
}

/** The cells of a row, in the order written, with their columns (a cell without r follows the one before). */
export function cellsOf(inner: string): SheetCell[] {
  const cells: SheetCell[] = [];
  let col = -1;
  CELL.lastIndex = 0;
  for (let m = CELL.exec(inner); m; m = CELL.exec(inner)) {
    const ref = attrOf(m[1], 'r');
    col = ref === undefined ? col + 1 : fromA1(ref).col;
    cells.push({ col, start: m.index, end: m.index + m[0].length, attrs: m[1], body: m[2] ?? null });
  }
  return cells;
}

/** Rewrites the formula text of every `<f>` in `xml` (a row or a cell body) with `map`. */
function mapFormulas(xml: string, map: (formula: string) => string): string {
  return xml.replace(/<f\b([^>]*)>([\s\S]*?)<\/f>/g, (whole, attrs: string, text: string) => {
    const next = map(decodeEntities(text));
    return next === decodeEntities(text) ? whole : `<f${attrs}>${escapeText(next)}</f>`;
  });
}

/** Rewrites the text of every `<tag …>…</tag>` (`formula`, `formula1`, `xm:f`, `definedName`) with `map`. */
export function mapElementText(xml: string, tags: string[], map: (text: string) => string): string {
  const re = new RegExp(`<(${tags.join('|')})((?:\\s[^>]*)?)>([^<]*)</\\1>`, 'g');
  return xml.replace(re, (whole, tag: string, attrs: string, text: string) => {
    const decoded = decodeEntities(text);
    const next = map(decoded);
    return next === decoded ? whole : `<${tag}${attrs}>${escapeText(next)}</${tag}>`;
  });
}

/** Element text escaped (quotes may stay as they are in text). */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export class SheetXml {
  private constructor(
    public head: string,
    readonly rows: SheetRow[],
    public tail: string,
    readonly name: string,
  ) {}

  static parse(xml: string, name: string): SheetXml {
    if (!/<worksheet[\s>]/.test(xml)) throw corrupt(`工作表「${name}」的 XML 使用了无法修改的命名空间前缀`);
    const open = /<sheetData\b[^>]*?(\/?)>/.exec(xml);
    if (!open) throw corrupt(`工作表「${name}」缺少 sheetData`);
    if (open[1] === '/') {
      const at = open.index;
      return new SheetXml(`${xml.slice(0, at)}<sheetData>`, [], `</sheetData>${xml.slice(at + open[0].length)}`, name);
    }
    const bodyStart = open.index + open[0].length;
    const close = xml.indexOf('</sheetData>', bodyStart);
    if (close < 0) throw corrupt(`工作表「${name}」的 sheetData 未闭合`);
    const body = xml.slice(bodyStart, close);
    const rows: SheetRow[] = [];
    let r = 0;
    ROW.lastIndex = 0;
    for (let m = ROW.exec(body); m; m = ROW.exec(body)) {
      const written = attrOf(m[1], 'r');
      r = written === undefined ? r + 1 : Number(written);
      const selfClosing = m[2] === '/>';
      const openTag = selfClosing ? m[0] : `<row${m[1]}>`;
      rows.push({ r, open: written === undefined ? openTag.replace(/^<row/, `<row r="${r}"`) : openTag, inner: selfClosing ? null : m[3] });
    }
    return new SheetXml(xml.slice(0, bodyStart), rows, xml.slice(close), name);
  }

  toString(): string {
    const parts: string[] = [this.head];
    for (const row of this.rows) parts.push(row.inner === null ? row.open : `${row.open}${row.inner}</row>`);
    parts.push(this.tail);
    return parts.join('');
  }

  /** Index of row r in `rows`, or where it would go (as -(index) - 1). */
  private find(r: number): number {
    let lo = 0;
    let hi = this.rows.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.rows[mid].r;
      if (at === r) return mid;
      if (at < r) lo = mid + 1;
      else hi = mid - 1;
    }
    return -lo - 1;
  }

  row(r: number): SheetRow | undefined {
    const at = this.find(r);
    return at >= 0 ? this.rows[at] : undefined;
  }

  /** Row r, added empty (in order) when the sheet has none. */
  ensureRow(r: number): SheetRow {
    const at = this.find(r);
    if (at >= 0) return this.rows[at];
    const row: SheetRow = { r, open: `<row r="${r}">`, inner: '' };
    this.rows.splice(-at - 1, 0, row);
    return row;
  }

  /** The cell at A1 `address`, or undefined. */
  cell(address: string): SheetCell | undefined {
    const { row, col } = fromA1(address);
    const inner = this.row(row + 1)?.inner;
    return inner ? cellsOf(inner).find((c) => c.col === col) : undefined;
  }

  /**
   * The style a new cell at `address` takes as Excel gives it: the row's when the row is formatted, else
   * its column's, else none.
   */
  defaultStyle(address: string): string | undefined {
    const { row, col } = fromA1(address);
    const open = this.row(row + 1)?.open;
    const custom = open === undefined ? undefined : attrOf(open, 'customFormat');
    if (open && (custom === '1' || custom === 'true')) {
      const s = attrOf(open, 's');
      if (s !== undefined) return s;
    }
    for (const m of this.head.matchAll(/<col\b([^>]*?)\/?>/g)) {
      const min = Number(attrOf(m[1], 'min'));
      const max = Number(attrOf(m[1], 'max'));
      if (col + 1 >= min && col + 1 <= max) return attrOf(m[1], 'style');
    }
    return undefined;
  }

  /** Replaces (or adds, in column order) the cell at `address` with `xml`, a whole `<c>` element. */
  putCell(address: string, xml: string): void {
    const { row, col } = fromA1(address);
    const target = this.ensureRow(row + 1);
    if (target.inner === null) {
      target.open = target.open.replace(/\s*\/>$/, '>');
      target.inner = '';
    }
    const inner = target.inner;
    const cells = cellsOf(inner);
    const same = cells.find((c) => c.col === col);
    if (same) {
      target.inner = inner.slice(0, same.start) + xml + inner.slice(same.end);
      return;
    }
    const after = cells.find((c) => c.col > col);
    // A cell without r after the new one would now take the wrong column: give it its own.
    if (after && attrOf(after.attrs, 'r') === undefined) {
      const fixed = inner.slice(after.start).replace(/^<c\b/, `<c r="${columnName(after.col)}${row + 1}"`);
      target.inner = inner.slice(0, after.start) + xml + fixed;
      return;
    }
    const at = after ? after.start : inner.length;
    target.inner = inner.slice(0, at) + xml + inner.slice(at);
  }

  /** Rewrites every formula of the sheet's cells with `map` (their text, no `=`). */
  mapCellFormulas(map: (formula: string) => string): void {
    for (const row of this.rows) if (row.inner && row.inner.includes('<f')) row.inner = mapFormulas(row.inner, map);
  }

  /**
   * Shared formulas → each cell its own formula, so that moving rows inside or across a group cannot
   * change what any of its cells computes. Array formulas keep their ref.
   */
  unshareFormulas(): void {
    const masters = new Map<string, { text: string; row: number; col: number }>();
    const pass = (write: boolean) => {
      for (const row of this.rows) {
        if (!row.inner || !row.inner.includes('t="shared"')) continue;
        let inner = row.inner;
        for (const cell of cellsOf(inner).reverse()) {
          if (cell.body === null) continue;
          const f = FORMULA.exec(cell.body);
          if (!f || attrOf(f[1], 't') !== 'shared') continue;
          const si = attrOf(f[1], 'si') ?? '';
          if (!write) {
            if (f[2] !== undefined && f[2] !== '' && attrOf(f[1], 'ref') !== undefined) masters.set(si, { text: decodeEntities(f[2]), row: row.r, col: cell.col });
            continue;
          }
          const master = masters.get(si);
          // A group without its first cell is damaged: its cells keep their cached values only.
          const text = master ? translateFormula(master.text, row.r - master.row, cell.col - master.col) : null;
          const attrs = f[1].replace(/\s(t|si|ref)="[^"]*"/g, '');
          const replacement = text === null ? '' : `<f${attrs}>${escapeText(text)}</f>`;
          const body = cell.body.slice(0, f.index) + replacement + cell.body.slice(f.index + f[0].length);
          inner = `${inner.slice(0, cell.start)}<c${cell.attrs}>${body}</c>${inner.slice(cell.end)}`;
        }
        row.inner = inner;
      }
    };
    pass(false);
    if (masters.size > 0 || this.rows.some((row) => row.inner?.includes('t="shared"'))) pass(true);
  }

  /**
   * Inserts `count` rows above row `before`: rows below move down with their cells; the new rows take row
   * `formatFrom`'s height and styles (counted before the insert; empty cells carrying only a style).
   */
  insertRows(before: number, count: number, formatFrom: number): void {
    const model = this.row(formatFrom);
    for (const row of this.rows) {
      if (row.r < before) continue;
      const r = row.r + count;
      row.open = row.open.replace(/(\sr=")\d+"/, `$1${r}"`);
      if (row.inner) row.inner = row.inner.replace(/(<c\b[^>]*?\sr="[A-Za-z]+)\d+"/g, `$1${r}"`);
      row.r = r;
    }
    if (model) {
      const styled = model.inner ? cellsOf(model.inner).filter((c) => attrOf(c.attrs, 's') !== undefined) : [];
      const openAttrs = model.open.replace(/^<row/, '').replace(/\/?>$/, '').replace(/\sr="\d+"/, '');
      const added: SheetRow[] = [];
      for (let k = 0; k < count; k++) {
        const r = before + k;
        const cells = styled.map((c) => `<c r="${columnName(c.col)}${r}" s="${attrOf(c.attrs, 's')}"/>`).join('');
        added.push({ r, open: `<row r="${r}"${openAttrs}>`, inner: cells });
      }
      const found = this.find(before);
      const at = found >= 0 ? found : -found - 1;
      const tail = this.rows.splice(at);
      for (const row of added) this.rows.push(row);
      for (const row of tail) this.rows.push(row);
    }
  }
}
