// The XML tokenizer reads a part whole or as chunks pulled while it tokenizes (how sheets are read, so a
// large sheet is never one string): both must give the very same events, wherever the chunks are cut.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { OoxmlPackage } from '../../src/xlsx/package';
import { CLOSE, END, MAX_TEXT_CHARS, OPEN, TEXT, XmlReader, type TextSource } from '../../src/xlsx/xml';
import { failure } from './support';

const WRITERS = join(__dirname, '..', 'fixtures', 'writers');

/** Every event as a line: name, attributes (as written, decoded) and text. */
function events(x: XmlReader, attrNames: readonly string[]): string[] {
  const out: string[] = [];
  for (let event = x.next(); event !== END; event = x.next()) {
    if (event === OPEN) out.push(`<${x.name}${x.selfClosing ? '/' : ''} ${attrNames.map((a) => x.attr(a) ?? '').join('|')}`);
    else if (event === CLOSE) out.push(`</${x.name}`);
    // Text is streamed (issue #26): a run cut by the chunks may come as several TEXT events, joined here.
    else if (event === TEXT) {
      if (out.length > 0 && out[out.length - 1].startsWith('"')) out[out.length - 1] += x.text();
      else out.push(`"${x.text()}`);
    }
  }
  return out;
}

/** `text` cut into pieces of `size` characters, pulled one by one. */
function chunked(text: string, size: number): TextSource {
  let at = 0;
  return () => {
    if (at >= text.length) return null;
    const piece = text.slice(at, at + size);
    at += size;
    return piece;
  };
}

/** Parts of real workbooks written by Excel's rivals: sheets, shared strings with rich text, comments. */
function realParts(): { name: string; text: string }[] {
  const parts: { name: string; text: string }[] = [];
  for (const file of ['seed16-libreoffice.xlsx', 'seed16-openpyxl.xlsx']) {
    const pkg = OoxmlPackage.open(readFileSync(join(WRITERS, file)));
    for (const entry of pkg.entries) {
      if (entry.name.endsWith('.xml') && /sheet1|sharedStrings|comments|workbook/.test(entry.name)) parts.push({ name: `${file}:${entry.name}`, text: pkg.text(entry.name) });
    }
  }
  return parts;
}

const ATTRS = ['r', 't', 's', 'ref', 'name', 'authorId', 'xml:space'];

describe('XmlReader over chunks', () => {
  const parts = realParts();

  test('real parts give the same events in chunks of any size as whole', () => {
    expect(parts.length).toBeGreaterThanOrEqual(6);
    for (const { name, text } of parts) {
      const whole = events(new XmlReader(text, name), ATTRS);
      expect(whole.length).toBeGreaterThan(10);
      for (const size of [1, 2, 3, 7, 13, 64, 4096]) expect(events(new XmlReader(chunked(text, size), name), ATTRS)).toEqual(whole);
    }
  });

  test('comments, CDATA, processing instructions, entities and quoted > survive every cut', () => {
    const text =
      '<?xml version="1.0"?><!-- a > comment --><root a="x &gt; y" b=\'it"s\'><![CDATA[<raw> & ]]>' +
      '<t xml:space="preserve"> 甲&amp;乙 &#x4E2D;&#20013; </t><e/><f  k = "v" /></root>';
    const whole = events(new XmlReader(text, 't'), ['a', 'b', 'xml:space', 'k']);
    expect(whole).toEqual([
      '<root x > y|it"s||',
      '"<raw> & ',
      '<t ||preserve|',
      '" 甲&乙 中中 ',
      '</t',
      '<e/ |||',
      '<f/ |||v',
      '</root',
    ]);
    for (let size = 1; size <= text.length; size++) expect(events(new XmlReader(chunked(text, size), 't'), ['a', 'b', 'xml:space', 'k'])).toEqual(whole);
  });

  test('collapsedText: each whitespace run one space, entities and CDATA as text, at every cut', () => {
    const text = '<p>  甲&amp;乙 \n\t 丙&#x4E2D;\r\n</p><q><![CDATA[ a  <b> ]]></q>';
    for (let size = 1; size <= text.length; size++) {
      const x = new XmlReader(chunked(text, size), 't');
      let joined = '';
      // Pieces of one text run join as readOds joins them: a space at a cut is not doubled.
      for (let e = x.next(); e !== END; e = x.next()) {
        if (e === TEXT) {
          const piece = x.collapsedText();
          joined += joined.endsWith(' ') && piece.startsWith(' ') ? piece.slice(1) : piece;
        } else if (e === CLOSE) joined += '|';
      }
      expect([size, joined]).toEqual([size, ' 甲&乙 丙中 | a <b> |']);
    }
  });

  test('a part that inflates ~1000× comes in chunks of about a megabyte, never one of the ratio × 16 KB', () => {
    const spaces = new TextEncoder().encode(`<p>${' '.repeat(40 << 20)}</p>`);
    const pkg = OoxmlPackage.open(zipSync({ 'content.xml': spaces }, { level: 9 }));
    const next = pkg.textSource('content.xml');
    let largest = 0;
    let total = 0;
    for (let chunk = next(); chunk !== null; chunk = next()) {
      largest = Math.max(largest, chunk.length);
      total += chunk.length;
    }
    expect(total).toBe(spaces.length);
    expect(largest).toBeLessThanOrEqual(2 << 20);
    // Where whitespace runs may be shortened (.ods content), a chunk of nothing but spaces is one byte:
    // of 40 MB only the first and last chunks (which hold the tags) are kept whole.
    const short = pkg.textSource('content.xml', { spaceRuns: true });
    let kept = '';
    for (let chunk = short(); chunk !== null; chunk = short()) kept += chunk;
    expect(kept.length).toBeLessThan(2 * largest + 100);
    expect(kept).toMatch(/^<p> +<\/p>$/);
  });

  test('attributes of an OPEN stay readable after the next chunk is pulled', () => {
    const x = new XmlReader(chunked('<c r="A1" t="s">7</c>', 4), 't');
    expect(x.next()).toBe(OPEN);
    expect(x.next()).toBe(TEXT);
    expect(x.next()).toBe(CLOSE);
    expect(x.next()).toBe(END);
    const y = new XmlReader(chunked('<c r="A1" t="s">7</c>', 4), 't');
    y.next();
    // The text after the tag is pulled before the attributes are asked for.
    y.next();
    expect([y.attr('r'), y.attr('t')]).toEqual(['A1', 's']);
  });

  test('malformed XML is corrupt whether whole or cut, with its position in the part', () => {
    for (const bad of ['<a><b', '<a x="1></a>', '<!DOCTYPE x><a/>', '<a><!-- open', '<a></a', '<a><![CDATA[x</a>']) {
      for (const source of [bad, chunked(bad, 1), chunked(bad, 3)]) {
        const x = new XmlReader(source, 'p.xml');
        const error = failure(() => {
          while (x.next() !== END);
        });
        expect(error.reason).toBe('corrupt');
        expect(error.message).toMatch(/^.*p\.xml 第 \d+ 个字符/);
      }
    }
  });

  test('a text spread over 20,000 chunks is read whole, and streamed: no TEXT event holds more than is buffered', () => {
    // Copying the kept text once per chunk would make this quadratic (hours at the 512 MB part limit).
    const text = `<t>${'甲'.repeat(1_000_000)}</t>`;
    const x = new XmlReader(chunked(text, 100), 't');
    expect(x.next()).toBe(OPEN);
    expect(x.allText()).toBe('甲'.repeat(1_000_000));
    const streamed = new XmlReader(chunked(text, 100), 't');
    streamed.next();
    let longest = 0;
    for (let event = streamed.next(); event === TEXT; event = streamed.next()) longest = Math.max(longest, streamed.text().length);
    expect(longest).toBeLessThanOrEqual(200);
  });

  test('text kept from one element stops at MAX_TEXT_CHARS with a clear limit', () => {
    const x = new XmlReader(chunked(`<t>${'x'.repeat(MAX_TEXT_CHARS + 10)}</t>`, 65536), 't');
    x.next();
    expect(() => x.allText()).toThrow(/一个元素中的文字/);
  });
});
