// BIFF8 strings, which may run on from one record into the CONTINUE records after it (MS-XLS 2.5.293
// XLUnicodeRichExtendedString, 2.2.4 continued records).
import { corrupt } from '../errors';

/** A reader over the bodies of a record and its CONTINUE records, read as one byte sequence. */
export class ContinuedReader {
  private segment = 0;
  private pos: number;

  /** `segments`: [start, end) of each record body in `data`, in order. */
  constructor(
    private readonly data: Uint8Array,
    private readonly segments: ReadonlyArray<readonly [number, number]>,
    private readonly what: string,
  ) {
    this.pos = segments.length ? segments[0][0] : 0;
  }

  /** True when every byte has been read. */
  atEnd(): boolean {
    this.settle();
    return this.segment >= this.segments.length;
  }

  /** Moves past an exhausted segment (bytes other than characters run on without a marker). */
  private settle(): void {
    while (this.segment < this.segments.length && this.pos >= this.segments[this.segment][1]) {
      this.segment++;
      if (this.segment < this.segments.length) this.pos = this.segments[this.segment][0];
    }
  }

  byte(): number {
    this.settle();
    if (this.segment >= this.segments.length) throw corrupt(`${this.what}在记录末尾被截断`);
    return this.data[this.pos++];
  }

  u16(): number {
    return this.byte() | (this.byte() << 8);
  }

  u32(): number {
    return (this.u16() + this.u16() * 0x10000) >>> 0;
  }

  skip(count: number): void {
    let left = count;
    while (left > 0) {
      this.settle();
      if (this.segment >= this.segments.length) throw corrupt(`${this.what}声明的长度超出记录`);
      const take = Math.min(left, this.segments[this.segment][1] - this.pos);
      this.pos += take;
      left -= take;
    }
  }

  /**
   * `count` characters, one or two bytes each. Where they run on into the next record, that record
   * starts with a new flags byte saying how its characters are stored.
   */
  chars(count: number, highByte: boolean): string {
    let out = '';
    let left = count;
    let wide = highByte;
    while (left > 0) {
      if (this.segment >= this.segments.length || this.pos >= this.segments[this.segment][1]) {
        this.segment++;
        if (this.segment >= this.segments.length) throw corrupt(`${this.what}的字符数超出记录`);
        this.pos = this.segments[this.segment][0];
        if (this.pos >= this.segments[this.segment][1]) continue;
        wide = (this.data[this.pos++] & 0x01) !== 0;
        continue;
      }
      const room = this.segments[this.segment][1] - this.pos;
      const take = Math.min(left, wide ? room >> 1 : room);
      if (take === 0) throw corrupt(`${this.what}的双字节字符被记录边界截断`);
      out += wide ? utf16(this.data, this.pos, take) : latin1(this.data, this.pos, take);
      this.pos += wide ? take * 2 : take;
      left -= take;
    }
    return out;
  }

  /** XLUnicodeRichExtendedString (SST items): rich-text runs and phonetic data skipped. */
  richString(): string {
    const cch = this.u16();
    const flags = this.byte();
    const runs = flags & 0x08 ? this.u16() : 0;
    const ext = flags & 0x04 ? this.u32() : 0;
    const text = this.chars(cch, (flags & 0x01) !== 0);
    this.skip(runs * 4);
    this.skip(ext);
    return text;
  }

  /** XLUnicodeString (16-bit count) or, with `shortCount`, ShortXLUnicodeString (8-bit count). */
  string(shortCount = false): string {
    const cch = shortCount ? this.byte() : this.u16();
    const flags = this.byte();
    return this.chars(cch, (flags & 0x01) !== 0);
  }
}

// fatal: false — a malformed code unit becomes U+FFFD instead of failing the whole file.
const UTF16 = new TextDecoder('utf-16le');

function latin1(data: Uint8Array, from: number, count: number): string {
  // Compressed characters are UTF-16 code units whose high byte is 0.
  const units = new Uint16Array(count);
  for (let i = 0; i < count; i++) units[i] = data[from + i];
  return UTF16.decode(units);
}

function utf16(data: Uint8Array, from: number, count: number): string {
  return UTF16.decode(data.subarray(from, from + count * 2));
}
