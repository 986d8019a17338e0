/**
 * A small pull tokenizer for the XML of OOXML/ODF parts. It expands only the five predefined entities and
 * character references (no DTD, so no entity bombs or external entities: a DOCTYPE is refused), always
 * advances, and throws WorkbookReadError 'corrupt' on anything malformed, so no input can hang it.
 * Events are fields on the reader, not objects, to keep allocation off the per-cell path.
 */
import { corrupt } from './errors';

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

export class XmlReader {
  private pos = 0;
  /** Local name (prefix dropped) of the last OPEN or CLOSE. */
  name = '';
  /** The last OPEN was `<x/>`: no CLOSE event follows for it. */
  selfClosing = false;
  private rawText = '';
  private cdata = false;
  private attrStart = 0;
  private attrEnd = 0;
  private attrNames: string[] = [];
  private attrValues: string[] = [];
  private attrsParsed = true;

  constructor(
    private readonly s: string,
    private readonly part: string,
  ) {}

  private fail(what: string): never {
    throw corrupt(`${this.part} 第 ${this.pos} 个字符：${what}`);
  }

  next(): XmlEvent {
    const s = this.s;
    for (;;) {
      const i = this.pos;
      if (i >= s.length) return END;
      if (s.charCodeAt(i) !== LT) {
        const j = s.indexOf('<', i);
        const end = j < 0 ? s.length : j;
        this.rawText = s.slice(i, end);
        this.cdata = false;
        this.pos = end;
        return TEXT;
      }
      const c = s.charCodeAt(i + 1);
      if (c === SLASH) {
        const j = s.indexOf('>', i);
        if (j < 0) this.fail('结束标记未闭合');
        this.name = localName(s.slice(i + 2, j).trim());
        this.pos = j + 1;
        return CLOSE;
      }
      if (c === 63 /* ? */) {
        const j = s.indexOf('?>', i + 2);
        if (j < 0) this.fail('处理指令未闭合');
        this.pos = j + 2;
        continue;
      }
      if (c === 33 /* ! */) {
        if (s.startsWith('<!--', i)) {
          const j = s.indexOf('-->', i + 4);
          if (j < 0) this.fail('注释未闭合');
          this.pos = j + 3;
          continue;
        }
        if (s.startsWith('<![CDATA[', i)) {
          const j = s.indexOf(']]>', i + 9);
          if (j < 0) this.fail('CDATA 未闭合');
          this.rawText = s.slice(i + 9, j);
          this.cdata = true;
          this.pos = j + 3;
          return TEXT;
        }
        // OOXML forbids DTDs; refusing them rules out entity expansion attacks.
        this.fail('不允许 DOCTYPE/DTD 声明');
      }
      return this.openTag(i);
    }
  }

  private openTag(i: number): XmlEvent {
    const s = this.s;
    let j = i + 1;
    while (j < s.length) {
      const code = s.charCodeAt(j);
      if (isSpace(code) || code === GT || code === SLASH) break;
      j++;
    }
    if (j === i + 1) this.fail('标记没有名称');
    this.name = localName(s.slice(i + 1, j));
    const attrStart = j;
    let quote = 0;
    for (; j < s.length; j++) {
      const code = s.charCodeAt(j);
      if (quote) {
        if (code === quote) quote = 0;
      } else if (code === QUOTE || code === APOS) quote = code;
      else if (code === GT) break;
      else if (code === LT) this.fail('标记中出现 <');
    }
    if (j >= s.length) this.fail('标记未闭合');
    this.selfClosing = s.charCodeAt(j - 1) === SLASH;
    this.attrStart = attrStart;
    this.attrEnd = this.selfClosing ? j - 1 : j;
    this.attrsParsed = false;
    this.pos = j + 1;
    return OPEN;
  }

  private parseAttrs(): void {
    this.attrsParsed = true;
    const names: string[] = [];
    const values: string[] = [];
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
      values.push(decodeEntities(s.slice(q + 1, close)));
      j = close + 1;
    }
    this.attrNames = names;
    this.attrValues = values;
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

  /** The last TEXT with entities expanded. */
  text(): string {
    return this.cdata ? this.rawText : decodeEntities(this.rawText);
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
      } else if (inT && skipDepth === 0) out += this.text();
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
      } else out += this.text();
    }
  }
}

export function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}
