/**
 * Edits to an OoxmlPackage, written out as a new zip: changed parts as rewritten text, removed parts left
 * out, every other part with its inflated bytes as they were, in the original order. Shared by the marked
 * copy and the fixed copy.
 */
import { zipSync, type Zippable } from 'fflate';
import { corrupt } from './errors';
import { OoxmlPackage } from './package';

const encoder = new TextEncoder();

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
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

  /** A part's current text: as rewritten, else as stored. */
  text(part: string): string {
    return this.changed.get(part) ?? this.pkg.text(part);
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
