/**
 * A small pull tokenizer for the XML of OOXML/ODF parts. It expands only the five predefined entities and
 * character references (no DTD, so no entity bombs or external entities: a DOCTYPE is refused), always
 * advances, and throws WorkbookReadError 'corrupt' on anything malformed, so no input can hang it.
 * Events are fields on the reader, not objects, to keep allocation off the per-cell path. The text may
 * come whole or as chunks pulled while tokenizing (a large sheet is never held as one string): only the
 * unread rest of the current chunk and the token being read are kept.
 */
import { corrupt, tooLarge } from './errors';

/** Text kept from one element (a cell, a shared string, a comment): far past Excel's 32,767 per cell. */
export const MAX_TEXT_CHARS = 1 << 20;

export const END = 0;
export const OPEN = 1;
export const CLOSE = 2;
export const TEXT = 3;
export type XmlEvent = typeof END | typeof OPEN | typeof CLOSE | typeof TEXT;

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUOTE = 34;
const APOS = 39;

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

const NON_SPACE = /[^ \t\n\r]/g;

/** Pulls the next piece of a part's text; null at its end. */
export type TextSource = () => string | null;

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Expands entity and character references; unknown names stay as written. */
export function decodeEntities(raw: string): string {
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.charCodeAt(0) === 35) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}

/** V8 keeps a cut of at least this many characters as a view on the string it was cut from. */
const VIEW_LENGTH = 13;

/**
 * A string that shares no memory with the chunk it was cut from: a kept cell text must not hold its whole
 * chunk of the part alive (reading a sheet would then keep its whole XML). Joining forces a fresh copy.
 */
function detached(text: string): string {
  return text.length < VIEW_LENGTH ? text : ` ${text}`.slice(1);
}

export class XmlReader {
  /** The text not yet read (and, after an OPEN, the tag itself): a window on the part's text. */
  private s: string;
  private pos = 0;
  /** Characters dropped before `s` starts (for positions in error messages). */
  private base = 0;
  private pull: TextSource | null;
  /** Local name (prefix dropped) of the last OPEN or CLOSE. */
  name = '';
  /** The last OPEN was `<x/>`: no CLOSE event follows for it. */
  selfClosing = false;
  /** Offsets in the part's text of the last OPEN or CLOSE tag: its `<`, and just past its `>`. */
  tagStart = 0;
  tagEnd = 0;
  /** The last TEXT is `s[rawStart, rawEnd)`: cut only when asked for (text(), rawXml()), valid until next(). */
  private rawStart = 0;
  private rawEnd = 0;
  private cdata = false;
  private attrStart = 0;
  private attrEnd = 0;
  private readonly attrNames: string[] = [];
  private readonly attrValues: string[] = [];
  private attrsParsed = true;

  constructor(
    source: string | TextSource,
    private readonly part: string,
  ) {
    if (typeof source === 'string') {
      this.s = source;
      this.pull = null;
    } else {
      this.s = '';
      this.pull = source;
    }
  }

  private fail(what: string): never {
    throw corrupt(`${this.part} 第 ${this.base + this.pos} 个字符：${what}`);
  }

  /**
   * Appends text to the unread rest, dropping what was read (positions shift so that `pos` becomes 0);
   * false at the end of the part. At least as much is pulled as is kept, so a token spanning many chunks
   * is copied a logarithmic number of times, not once per chunk. The last OPEN's attributes are parsed
   * first, as they point into the dropped text.
   */
  private more(): boolean {
    if (!this.pull) return false;
    if (!this.attrsParsed) this.parseAttrs();
    const rest = this.s.slice(this.pos);
    const pieces: string[] = [];
    let pulled = 0;
    while (pulled === 0 || pulled < rest.length) {
      const chunk = this.pull();
      if (chunk === null) {
        this.pull = null;
        break;
      }
      pieces.push(chunk);
      pulled += chunk.length;
    }
    if (pulled === 0) return false;
    this.base += this.pos;
    this.s = rest + (pieces.length === 1 ? pieces[0] : pieces.join(''));
    this.pos = 0;
    return true;
  }

  /** Index of `needle` at or after `from`, pulling chunks as needed (then `pos` is 0); -1 at the end. */
  private find(needle: string, from: number): number {
    for (let at = from; ; ) {
      const j = this.s.indexOf(needle, at);
      if (j >= 0) return j;
      // Resume where the needle could still start, so a long token is scanned once, not once per chunk.
      const resume = Math.max(at, this.s.length - needle.length + 1) - this.pos;
      if (!this.more()) return -1;
      at = resume;
    }
  }

  /** At least `n` characters from `pos` when the part has them (pulling as needed). */
  private ensure(n: number): void {
    while (this.s.length - this.pos < n && this.more());
  }

  next(): XmlEvent {
    this.rawStart = this.rawEnd = 0;
    for (;;) {
      this.ensure(2);
      const i = this.pos;
      const s = this.s;
      if (i >= s.length) return END;
      if (s.charCodeAt(i) !== LT) {
        // Text is streamed: a run longer than what is buffered comes as several TEXT events (never cut
        // inside a reference), so a 400 MB text node is never one string. Readers join what they keep.
        let end = s.indexOf('<', i);
        if (end < 0 && this.pull) {
          const amp = s.lastIndexOf('&');
          // A reference is at most `&#x10FFFF;`: only a `&` near the end can be cut from its `;`.
          end = amp >= i && amp > s.length - 12 && s.indexOf(';', amp) < 0 ? amp : s.length;
          if (end === i) {
            if (this.more()) continue;
            end = this.s.length;
          }
        } else if (end < 0) end = s.length;
        this.rawStart = this.pos;
        this.rawEnd = end;
        this.cdata = false;
        this.pos = end;
        return TEXT;
      }
      const c = s.charCodeAt(i + 1);
      const start = this.base + i;
      if (c === SLASH) {
        const j = this.find('>', i + 2);
        if (j < 0) this.fail('结束标记未闭合');
        this.name = localName(this.s.slice(this.pos + 2, j).trim());
        this.pos = j + 1;
        this.tagStart = start;
        this.tagEnd = this.base + this.pos;
        return CLOSE;
      }
      if (c === 63 /* ? */) {
        const j = this.find('?>', i + 2);
        if (j < 0) this.fail('处理指令未闭合');
        this.pos = j + 2;
        continue;
      }
      if (c === 33 /* ! */) {
        this.ensure(9);
        if (this.s.startsWith('<!--', this.pos)) {
          const j = this.find('-->', this.pos + 4);
          if (j < 0) this.fail('注释未闭合');
          this.pos = j + 3;
          continue;
        }
        if (this.s.startsWith('<![CDATA[', this.pos)) {
          const j = this.find(']]>', this.pos + 9);
          if (j < 0) this.fail('CDATA 未闭合');
          this.rawStart = this.pos + 9;
          this.rawEnd = j;
          this.cdata = true;
          this.pos = j + 3;
          return TEXT;
        }
        // OOXML forbids DTDs; refusing them rules out entity expansion attacks.
        this.fail('不允许 DOCTYPE/DTD 声明');
      }
      const event = this.openTag();
      this.tagStart = start;
      this.tagEnd = this.base + this.pos;
      return event;
    }
  }

  private openTag(): XmlEvent {
    let j = this.pos + 1;
    let nameEnd = -1;
    let quote = 0;
    // One pass over the tag, resumed where it stopped when the chunk ends inside it.
    for (;;) {
      const s = this.s;
      for (; j < s.length; j++) {
        const code = s.charCodeAt(j);
        if (nameEnd < 0) {
          if (isSpace(code) || code === GT || code === SLASH) nameEnd = j;
          else continue;
        }
        if (quote) {
          if (code === quote) quote = 0;
        } else if (code === QUOTE || code === APOS) quote = code;
        else if (code === GT) break;
        else if (code === LT) this.fail('标记中出现 <');
      }
      if (j < s.length) break;
      const shift = this.pos;
      if (!this.more()) this.fail('标记未闭合');
      j -= shift;
      if (nameEnd >= 0) nameEnd -= shift;
    }
    const s = this.s;
    const i = this.pos;
    if (nameEnd === i + 1) this.fail('标记没有名称');
    this.name = localName(s.slice(i + 1, nameEnd));
    this.selfClosing = s.charCodeAt(j - 1) === SLASH;
    this.attrStart = nameEnd;
    this.attrEnd = this.selfClosing ? j - 1 : j;
    this.attrsParsed = false;
    this.pos = j + 1;
    return OPEN;
  }

  private parseAttrs(): void {
    this.attrsParsed = true;
    // Reused arrays: no allocation per tag beyond the values themselves.
    const names = this.attrNames;
    const values = this.attrValues;
    names.length = 0;
    values.length = 0;
    const s = this.s;
    let j = this.attrStart;
    const end = this.attrEnd;
    while (j < end) {
      while (j < end && isSpace(s.charCodeAt(j))) j++;
      if (j >= end) break;
      const eq = s.indexOf('=', j);
      if (eq < 0 || eq >= end) this.fail('属性缺少 =');
      let q = eq + 1;
      while (q < end && isSpace(s.charCodeAt(q))) q++;
      const quote = s.charCodeAt(q);
      if (quote !== QUOTE && quote !== APOS) this.fail('属性值缺少引号');
      const close = s.indexOf(quote === QUOTE ? '"' : "'", q + 1);
      if (close < 0 || close >= end) this.fail('属性值未闭合');
      names.push(s.slice(j, eq).trim());
      values.push(detached(decodeEntities(s.slice(q + 1, close))));
      j = close + 1;
    }
  }

  /** An attribute of the last OPEN by its qualified name as written (`r`, `r:id`), or undefined. */
  attr(name: string): string | undefined {
    if (!this.attrsParsed) this.parseAttrs();
    const k = this.attrNames.indexOf(name);
    return k < 0 ? undefined : this.attrValues[k];
  }

  /** An attribute by local name whatever its prefix (`r:id`, `ns0:id`): writers choose prefixes freely. */
  attrLocal(local: string): string | undefined {
    if (!this.attrsParsed) this.parseAttrs();
    for (let k = 0; k < this.attrNames.length; k++) if (localName(this.attrNames[k]) === local) return this.attrValues[k];
    return undefined;
  }

  /** The last TEXT as XML: as written, or a CDATA section's text escaped. */
  rawXml(): string {
    const raw = this.s.slice(this.rawStart, this.rawEnd);
    return this.cdata ? raw.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : raw;
  }

  /** Throws when text kept from one element passes MAX_TEXT_CHARS. */
  checkTextLength(length: number): void {
    if (length > MAX_TEXT_CHARS) throw tooLarge('一个元素中的文字', `超过 ${MAX_TEXT_CHARS} 个字符`, `${MAX_TEXT_CHARS} 个字符（Excel 一个单元格最多 32767 个）`);
  }

  /** The last TEXT with entities expanded. */
  text(): string {
    const raw = this.s.slice(this.rawStart, this.rawEnd);
    return detached(this.cdata ? raw : decodeEntities(raw));
  }

  /**
   * The last TEXT with each run of spaces, tabs and line ends as one space (ODF 1.2 §6.1.2, paragraph
   * text), entities expanded. Read where it lies in the buffer: a run of whitespace, however long, is
   * skipped by a native character-class scan and never becomes a string.
   */
  collapsedText(): string {
    const s = this.s;
    const end = this.rawEnd;
    let out = '';
    let j = this.rawStart;
    while (j < end) {
      if (isSpace(s.charCodeAt(j))) {
        // One character class, no quantifier: a plain forward scan, nothing to backtrack.
        NON_SPACE.lastIndex = j;
        j = NON_SPACE.exec(s) === null ? end : Math.min(NON_SPACE.lastIndex - 1, end);
        out += ' ';
        continue;
      }
      const word = j;
      while (j < end && !isSpace(s.charCodeAt(j))) j++;
      const piece = s.slice(word, j);
      out += this.cdata ? piece : decodeEntities(piece);
      this.checkTextLength(out.length);
    }
    return detached(out);
  }

  /** After an OPEN: moves past its matching CLOSE (at once for a self-closing tag). */
  skip(): void {
    if (this.selfClosing) return;
    let depth = 1;
    for (;;) {
      const event = this.next();
      if (event === END) this.fail('元素未闭合');
      if (event === OPEN && !this.selfClosing) depth++;
      else if (event === CLOSE && --depth === 0) return;
    }
  }

  /**
   * After an OPEN: the text of its `t` descendants (a shared string, inline string or comment with rich
   * text runs), leaving out phonetic runs (`rPh`), and moves past its CLOSE.
   */
  runsText(): string {
    if (this.selfClosing) return '';
    let depth = 1;
    let out = '';
    let inT = 0;
    let skipDepth = 0;
    for (;;) {
      const event = this.next();
      if (event === END) this.fail('元素未闭合');
      if (event === OPEN) {
        if (this.selfClosing) continue;
        depth++;
        if (skipDepth === 0 && this.name === 'rPh') skipDepth = depth;
        else if (skipDepth === 0 && this.name === 't') inT = depth;
      } else if (event === CLOSE) {
        if (depth === skipDepth) skipDepth = 0;
        if (depth === inT) inT = 0;
        if (--depth === 0) return out;
      } else if (inT && skipDepth === 0) {
        out += this.text();
        this.checkTextLength(out.length);
      }
    }
  }

  /** After an OPEN: all text inside it (nested elements included), and moves past its CLOSE. */
  allText(): string {
    if (this.selfClosing) return '';
    let depth = 1;
    let out = '';
    for (;;) {
      const event = this.next();
      if (event === END) this.fail('元素未闭合');
      if (event === OPEN) {
        if (!this.selfClosing) depth++;
      } else if (event === CLOSE) {
        if (--depth === 0) return out;
      } else {
        out += this.text();
        this.checkTextLength(out.length);
      }
    }
  }
}

/**
 * A part's XML with its comments and processing instructions left out and CDATA sections written as
 * escaped text, everything else as written: one tokenizer pass, so the editors' searches for tags (which
 * look at raw text) can never be misled by a `<!--<row r="99">-->` or a CDATA holding `<cfRule `. The XML
 * declaration stays. Throws WorkbookReadError 'corrupt' on malformed XML, as reading does.
 */
export function markupOnly(xml: string, part: string): string {
  const declaration = xml.startsWith('<?xml') ? xml.slice(0, xml.indexOf('?>') + 2) : '';
  const out: string[] = [declaration];
  const x = new XmlReader(xml, part);
  for (let event = x.next(); event !== END; event = x.next()) {
    out.push(event === TEXT ? x.rawXml() : xml.slice(x.tagStart, x.tagEnd));
  }
  return out.join('');
}

/** `_x0001_` → U+0001 and `_x005F_` → `_`: the ST_Xstring escapes Excel writes for characters XML cannot hold. */
export function decodeXstring(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}
