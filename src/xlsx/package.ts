/**
 * An OOXML package (a zip): its entries, each part inflated on demand with the inflated bytes counted
 * while inflating (zip bombs end in 'too-large' before the memory is spent), relationships followed as
 * the package declares them, content types, and the workbook's sheets. The stored bytes of every part
 * stay available so a marked copy can carry unchanged parts over without recompressing them.
 */
import { Inflate } from 'fflate';
import { corrupt, tooLarge, WorkbookReadError } from './errors';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './limits';
import { CLOSE, END, OPEN, XmlReader, type TextSource } from './xml';

export interface ZipEntry {
  /** Part name as stored (no leading slash). */
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  crc32: number;
  compressedSize: number;
  /** Inflated size as declared by the central directory (checked while inflating, never trusted). */
  size: number;
  /** Offset of the local file header. */
  localOffset: number;
  flags: number;
}

export interface Relationship {
  id: string;
  /** Full type URI; compare with relType() to accept transitional and strict OOXML alike. */
  type: string;
  /** Resolved part name (no leading slash), or the target as written when external. */
  target: string;
  external: boolean;
}

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetRef {
  name: string;
  state: SheetState;
  sheetId: string;
  relId: string;
  /** The part the relationship points to; null when it points nowhere in the package. */
  part: string | null;
  /** worksheet, chartsheet, dialogsheet … (last segment of the relationship type). */
  kind: string;
}

export interface WorkbookInfo {
  part: string;
  sheets: SheetRef[];
  date1904: boolean;
}

/** The last segment of a relationship type URI (`worksheet`, `sharedStrings`, `officeDocument` …). */
export function relType(type: string): string {
  return type.slice(type.lastIndexOf('/') + 1);
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Compressed bytes pushed per call at most (deflate expands at most ~1032×). */
const INFLATE_SLICE = 16 * 1024;
/**
 * Inflated bytes aimed at per call: where a part inflates far more than text does (a bomb, megabytes of
 * whitespace), smaller slices are pushed, so no output chunk — nor the text decoded from it — passes
 * about a megabyte or two, whatever the ratio.
 */
const INFLATE_OUTPUT = 1 << 20;
/** Bytes of a stored (uncompressed) part handed over per pull. */
const STORED_SLICE = 64 * 1024;

const utf8 = new TextDecoder('utf-8');
const ZIP_MAGIC = [0x50, 0x4b];

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
}
function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === ZIP_MAGIC[0] && bytes[1] === ZIP_MAGIC[1];
}

function readEntries(b: Uint8Array): ZipEntry[] {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (u32(b, i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('找不到 zip 目录（文件不完整或被截断）');
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(b, locator) !== EOCD64_LOCATOR) throw corrupt('zip64 目录定位信息缺失');
    const at = u64(b, locator + 8);
    if (at + 56 > b.length || u32(b, at) !== EOCD64) throw corrupt('zip64 目录损坏');
    count = u64(b, at + 32);
    cdSize = u64(b, at + 40);
    cdOffset = u64(b, at + 48);
  }
  if (cdOffset + cdSize > b.length || count * 46 > cdSize) throw corrupt('zip 目录超出文件范围');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || u32(b, p) !== CENTRAL) throw corrupt(`zip 目录第 ${k + 1} 项损坏`);
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const crc32 = u32(b, p + 16);
    let compressedSize = u32(b, p + 20);
    let size = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let localOffset = u32(b, p + 42);
    const nameEnd = p + 46 + nameLen;
    if (nameEnd + extraLen + commentLen > b.length) throw corrupt(`zip 目录第 ${k + 1} 项超出文件范围`);
    const name = utf8.decode(b.subarray(p + 46, nameEnd));
    // Zip64 extra field: only the fields whose 32-bit value is saturated are present, in this order.
    for (let e = nameEnd; e + 4 <= nameEnd + extraLen; ) {
      const id = u16(b, e);
      const len = u16(b, e + 2);
      if (id === 1) {
        let f = e + 4;
        if (size === 0xffffffff) {
          size = u64(b, f);
          f += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(b, f);
          f += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(b, f);
      }
      e += 4 + len;
    }
    entries.push({ name, method, crc32, compressedSize, size, localOffset, flags });
    p = nameEnd + extraLen + commentLen;
  }
  return entries;
}

/** Decoded part name as a key: OPC part names compare case-insensitively. */
function key(name: string): string {
  return name.replace(/^\/+/, '').toLowerCase();
}

/** `target` of a relationship from `source` → part name (relative to the source's folder, or absolute). */
export function resolveTarget(source: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A stray % is taken literally.
  }
  decoded = decoded.replace(/\\/g, '/').replace(/[?#].*$/, '');
  const base = decoded.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') base.pop();
    else base.push(segment);
  }
  return base.join('/');
}

/** Where the relationships of `part` are stored: `xl/_rels/workbook.xml.rels` for `xl/workbook.xml`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export class OoxmlPackage {
  readonly entries: readonly ZipEntry[];
  readonly limits: Readonly<ReadLimits>;
  private readonly byKey = new Map<string, ZipEntry>();
  private readonly counted = new Set<string>();
  private inflatedTotal = 0;
  private readonly relsCache = new Map<string, Relationship[]>();
  private types: { defaults: Map<string, string>; overrides: Map<string, string> } | null = null;

  private constructor(
    readonly bytes: Uint8Array,
    limits: Partial<ReadLimits>,
  ) {
    this.limits = { ...DEFAULT_READ_LIMITS, ...limits };
    if (bytes.length > this.limits.maxFileBytes) throw tooLarge('文件大小', `${bytes.length} 字节`, `${this.limits.maxFileBytes} 字节`);
    this.entries = readEntries(bytes);
    for (const entry of this.entries) this.byKey.set(key(entry.name), entry);
  }

  /** Opens a zip; throws WorkbookReadError ('corrupt', 'too-large') when its directory cannot be read. */
  static open(bytes: Uint8Array, limits: Partial<ReadLimits> = {}): OoxmlPackage {
    return new OoxmlPackage(bytes, limits);
  }

  entry(part: string): ZipEntry | undefined {
    return this.byKey.get(key(part));
  }

  has(part: string): boolean {
    return this.byKey.has(key(part));
  }

  /** The part's bytes as stored in the zip (compressed when method 8): copy them to keep a part unchanged. */
  stored(part: string): { entry: ZipEntry; data: Uint8Array } {
    const entry = this.entry(part);
    if (!entry) throw corrupt(`缺少部件 ${part}`);
    const b = this.bytes;
    const at = entry.localOffset;
    if (at + 30 > b.length || u32(b, at) !== LOCAL) throw corrupt(`部件 ${entry.name} 的本地文件头损坏`);
    const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
    const end = start + entry.compressedSize;
    if (end > b.length) throw corrupt(`部件 ${entry.name} 超出文件范围`);
    return { entry, data: b.subarray(start, end) };
  }

  /**
   * A part's inflated bytes as a pull source: each call inflates compressed slices until some output
   * comes, null at the end. Every part counts once against maxInflatedBytes, counted as bytes come out (the
   * declared size is only a hint for a quick refusal), so a zip bomb stops before its memory is spent.
   */
  private chunks(part: string): () => Uint8Array | null {
    const { entry, data } = this.stored(part);
    if (entry.flags & 1) throw new WorkbookReadError('文件中的部件经过 zip 加密，无法读取。', 'encrypted');
    const counts = !this.counted.has(entry.name);
    this.counted.add(entry.name);
    const max = this.limits.maxInflatedBytes;
    const count = (bytes: number) => {
      if (!counts) return;
      this.inflatedTotal += bytes;
      if (this.inflatedTotal > max) throw tooLarge('解压后的内容', `超过 ${this.inflatedTotal} 字节`, `${max} 字节`);
    };
    let at = 0;
    if (entry.method === 0) {
      count(data.length);
      return () => {
        if (at >= data.length) return null;
        const end = Math.min(at + STORED_SLICE, data.length);
        const out = data.subarray(at, end);
        at = end;
        return out;
      };
    }
    if (entry.method !== 8) throw corrupt(`部件 ${entry.name} 使用不支持的压缩方法 ${entry.method}`);
    if (counts && this.inflatedTotal + entry.size > max) throw tooLarge('解压后的内容', `超过 ${this.inflatedTotal + entry.size} 字节`, `${max} 字节`);
    const out: Uint8Array[] = [];
    const inflater = new Inflate((chunk) => {
      count(chunk.length);
      if (chunk.length > 0) out.push(chunk);
    });
    let ended = false;
    // The first slice is small (at most ~1 MB out even for a bomb); the ratio it shows sizes the next.
    let slice = 1024;
    return () => {
      while (out.length === 0) {
        if (ended) return null;
        const end = Math.min(at + slice, data.length);
        ended = end === data.length;
        try {
          inflater.push(data.subarray(at, end), ended);
        } catch (error) {
          if (error instanceof WorkbookReadError) throw error;
          throw corrupt(`部件 ${entry.name} 解压失败：${(error as Error).message}`);
        }
        // The next slice from this one's ratio: at most INFLATE_OUTPUT out, at least 64 bytes in.
        const made = out.reduce((n, chunk) => n + chunk.length, 0);
        if (made > 0) slice = Math.max(64, Math.min(INFLATE_SLICE, Math.floor((INFLATE_OUTPUT * (end - at)) / made)));
        at = end;
      }
      return out.shift()!;
    };
  }

  /** Inflated bytes of a part (see chunks for the limit). */
  bytesOf(part: string): Uint8Array {
    const next = this.chunks(part);
    const pieces: Uint8Array[] = [];
    let size = 0;
    for (let chunk = next(); chunk !== null; chunk = next()) {
      pieces.push(chunk);
      size += chunk.length;
    }
    return concat(pieces, size);
  }

  /**
   * A part's text as a pull source, decoded as it inflates: UTF-8, or UTF-16 when it starts with a
   * byte-order mark. Neither the inflated bytes nor the whole text of a large sheet are ever held.
   */
  textSource(part: string, options: TextOptions = {}): TextSource {
    const next = this.chunks(part);
    let decoder: TextDecoder | null = null;
    return () => {
      let chunk = next();
      // A whole inflated chunk of whitespace (a run of it, where whitespace runs count as one) gives its
      // first byte only: megabytes of it are never decoded, scanned or kept.
      if (options.spaceRuns && chunk !== null && chunk.length > 1 && allSpace(chunk)) chunk = chunk.subarray(0, 1);
      if (chunk === null) {
        if (!decoder) return null;
        const tail = decoder.decode();
        decoder = null;
        return tail === '' ? null : tail;
      }
      if (!decoder) {
        const utf16 = chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : chunk[0] === 0xfe && chunk[1] === 0xff ? 'utf-16be' : 'utf-8';
        decoder = new TextDecoder(utf16);
      }
      return decoder.decode(chunk, { stream: true });
    };
  }

  /** A part as text (see textSource). */
  text(part: string): string {
    const next = this.textSource(part);
    const pieces: string[] = [];
    for (let piece = next(); piece !== null; piece = next()) pieces.push(piece);
    return pieces.join('');
  }

  /** A part's XML, tokenized as it inflates. */
  xml(part: string, options: TextOptions = {}): XmlReader {
    return new XmlReader(this.textSource(part, options), part);
  }

  /** Relationships of a part (`''` for the package's own, `_rels/.rels`); none when it has no rels part. */
  relationships(source: string): Relationship[] {
    const cached = this.relsCache.get(source);
    if (cached) return cached;
    const relsPart = source === '' ? '_rels/.rels' : relsPartOf(source);
    const rels: Relationship[] = [];
    if (this.has(relsPart)) {
      const x = this.xml(relsPart);
      for (let event = x.next(); event !== END; event = x.next()) {
        if (event !== OPEN || x.name !== 'Relationship') continue;
        const id = x.attr('Id') ?? '';
        const type = x.attr('Type') ?? '';
        const target = x.attr('Target') ?? '';
        const external = x.attr('TargetMode') === 'External';
        rels.push({ id, type, target: external ? target : resolveTarget(source, target), external });
      }
    }
    this.relsCache.set(source, rels);
    return rels;
  }

  /** The first internal relationship of `source` whose type ends in `kind`, as an existing part name. */
  related(source: string, kind: string): string | null {
    for (const rel of this.relationships(source)) {
      if (!rel.external && relType(rel.type) === kind && this.has(rel.target)) return this.entry(rel.target)!.name;
    }
    return null;
  }

  /** The content type of a part from `[Content_Types].xml` (override, else default by extension). */
  contentType(part: string): string | undefined {
    if (!this.types) {
      const defaults = new Map<string, string>();
      const overrides = new Map<string, string>();
      if (this.has('[Content_Types].xml')) {
        const x = this.xml('[Content_Types].xml');
        for (let event = x.next(); event !== END; event = x.next()) {
          if (event !== OPEN) continue;
          const type = x.attr('ContentType') ?? '';
          if (x.name === 'Default') defaults.set((x.attr('Extension') ?? '').toLowerCase(), type);
          else if (x.name === 'Override') overrides.set(key(x.attr('PartName') ?? ''), type);
        }
      }
      this.types = { defaults, overrides };
    }
    return this.types.overrides.get(key(part)) ?? this.types.defaults.get(part.slice(part.lastIndexOf('.') + 1).toLowerCase());
  }

  /** The workbook part, its sheets in tab order and its date system; 'not-xlsx' when there is none. */
  workbook(): WorkbookInfo {
    const part = this.related('', 'officeDocument') ?? (this.has('xl/workbook.xml') ? this.entry('xl/workbook.xml')!.name : null);
    if (!part || !/spreadsheetml|ms-excel|^application\/xml$/.test(this.contentType(part) ?? 'application/xml')) {
      throw new WorkbookReadError('不是 .xlsx 或 .ods 工作簿文件（压缩包中没有工作簿）。', 'not-xlsx');
    }
    // .xlsb keeps its workbook and sheets as binary records (MS-XLSB), not XML: name it, do not misread it.
    if (/\.bin$/i.test(part) || (this.contentType(part) ?? '').includes('sheet.binary')) {
      throw new WorkbookReadError('.xlsb 二进制工作簿，请另存为 .xlsx 后再检查（jixiao 不读取 .xlsb 的二进制记录）。', 'not-xlsx');
    }
    const rels = new Map(this.relationships(part).map((rel) => [rel.id, rel]));
    const sheets: SheetRef[] = [];
    let date1904 = false;
    const x = this.xml(part);
    for (let event = x.next(); event !== END; event = x.next()) {
      if (event === CLOSE && x.name === 'sheets') break;
      if (event !== OPEN) continue;
      if (x.name === 'workbookPr') {
        const value = x.attr('date1904');
        date1904 = value === '1' || value === 'true';
      } else if (x.name === 'sheet') {
        const relId = x.attrLocal('id') ?? '';
        const state = x.attr('state');
        const rel = rels.get(relId);
        const target = rel && !rel.external && this.has(rel.target) ? this.entry(rel.target)!.name : null;
        sheets.push({
          name: x.attr('name') ?? '',
          state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
          sheetId: x.attr('sheetId') ?? '',
          relId,
          part: target,
          kind: rel ? relType(rel.type) : '',
        });
      }
    }
    // Two sheets on one part would have it parsed (and counted against the limits) once per entry, and an
    // edit of one land in the other: Excel itself refuses such a file as damaged.
    const owner = new Map<string, string>();
    // Sheet names are unique ignoring case (Excel refuses a second 表1): the editors find sheets by name.
    const names = new Set<string>();
    for (const sheet of sheets) {
      const name = sheet.name.toLowerCase();
      if (names.has(name)) throw corrupt(`有两个工作表都叫「${sheet.name}」，文件已损坏`);
      names.add(name);
      if (!sheet.part) continue;
      const first = owner.get(sheet.part);
      if (first !== undefined) throw corrupt(`工作表「${first}」和「${sheet.name}」指向同一个部件 ${sheet.part}，文件已损坏`);
      owner.set(sheet.part, sheet.name);
    }
    return { part, sheets, date1904 };
  }
}

/** How a part's text is handed to its reader. */
export interface TextOptions {
  /**
   * Every run of XML whitespace may be shortened (never emptied): for a part whose reader collapses
   * whitespace runs wherever they matter (ODF paragraphs, §6.1.2) and ignores them elsewhere. Only
   * chunks wholly of whitespace are shortened, so attribute values and text around them are as written.
   */
  spaceRuns?: boolean;
}

/** 1 for the bytes of XML whitespace: space, tab, CR, LF. */
const SPACE_BYTE = new Uint8Array(256);
for (const b of [32, 9, 10, 13]) SPACE_BYTE[b] = 1;

/**
 * Every byte is a space, tab, CR or LF. Eight bytes per step through a table, without a branch per byte
 * (2.5× the plain loop); ordinary XML stops at its first eight bytes.
 */
function allSpace(bytes: Uint8Array): boolean {
  const n = bytes.length;
  const t = SPACE_BYTE;
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    if ((t[bytes[i]] & t[bytes[i + 1]] & t[bytes[i + 2]] & t[bytes[i + 3]] & t[bytes[i + 4]] & t[bytes[i + 5]] & t[bytes[i + 6]] & t[bytes[i + 7]]) === 0) return false;
  }
  for (; i < n; i++) if (t[bytes[i]] === 0) return false;
  return true;
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
