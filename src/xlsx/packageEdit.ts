/**
 * Edits to an OoxmlPackage, written out as a new zip: changed parts as rewritten text, removed parts left
 * out, every other part with its inflated bytes as they were, in the original order. Shared by the marked
 * copy and the fixed copy.
 */
import { zipSync, type Zippable } from 'fflate';
import { corrupt } from './errors';
import { OoxmlPackage } from './package';
import { markupOnly } from './xml';

const encoder = new TextEncoder();

/** Characters XML 1.0 cannot hold (C0 controls but tab and line ends, U+FFFE/F, unpaired surrogates). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const NOT_XML_1_0 = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text for SpreadsheetML (ST_Xstring, ECMA-376 §22.9.2.19): markup escaped, and a character XML 1.0
 * cannot hold written as Excel writes it, `_x0001_` (a literal `_x0041_` keeps its `_` as `_x005F_`), so
 * every program opens the copy. decodeXstring reads it back.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_')
    .replace(NOT_XML_1_0, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** Inserts `insert` before the first element named in `before` (CT_* sequence order), else before `close`. */
export function insertBefore(xml: string, before: string[], close: string, insert: string): string {
  let at = -1;
  for (const name of before) {
    const m = new RegExp(`<${name}[\\s/>]`).exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = xml.lastIndexOf(close);
  if (at < 0) throw corrupt(`部件缺少 ${close}`);
  return xml.slice(0, at) + insert + xml.slice(at);
}

export class PackageEdit {
  /** Part name → new text. */
  readonly changed = new Map<string, string>();
  private readonly removed = new Set<string>();

  constructor(readonly pkg: OoxmlPackage) {}

  private readonly plain = new Map<string, string>();

  /**
   * A part's current text: as rewritten, else as stored — an XML part without its comments, processing
   * instructions and CDATA sections (markupOnly), so the editors' tag searches see only real markup.
   * VML stays as stored: Excel writes it as HTML-like markup that is not well-formed XML.
   */
  text(part: string): string {
    const changed = this.changed.get(part);
    if (changed !== undefined) return changed;
    let plain = this.plain.get(part);
    if (plain === undefined) {
      const stored = this.pkg.text(part);
      plain = /\.(?:xml|rels)$/i.test(part) ? markupOnly(stored, part) : stored;
      this.plain.set(part, plain);
    }
    return plain;
  }

  has(part: string): boolean {
    return !this.removed.has(part) && (this.changed.has(part) || this.pkg.has(part));
  }

  set(part: string, text: string): void {
    this.changed.set(part, text);
  }

  remove(part: string): void {
    this.changed.delete(part);
    this.removed.add(part);
  }

  /** The first `pattern(n)` naming no part yet. */
  freePart(pattern: (n: number) => string): string {
    for (let n = 1; ; n++) {
      const name = pattern(n);
      if (!this.pkg.has(name) && !this.changed.has(name)) return name;
    }
  }

  toBytes(): Uint8Array {
    const files: Zippable = {};
    for (const entry of this.pkg.entries) {
      if (this.removed.has(entry.name)) continue;
      // A folder entry (exceljs writes them) stays a folder entry.
      if (entry.name.endsWith('/')) {
        files[entry.name] = new Uint8Array(0);
        continue;
      }
      const text = this.changed.get(entry.name);
      files[entry.name] = text === undefined ? this.pkg.bytesOf(entry.name) : encoder.encode(text);
    }
    for (const [name, text] of this.changed) if (!this.pkg.has(name)) files[name] = encoder.encode(text);
    return zipSync(files, { level: 6 });
  }
}
