// Text files from Chinese offices arrive in UTF-8, in GBK/GB18030 (Windows' 记事本 "ANSI") or in UTF-16
// (记事本 "Unicode"). Read as UTF-8, the latter two come out as mojibake that a parser then blames on
// 项目名称; so the encoding is detected first, and said.

export type TextEncodingName = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';

/** Text that is in none of the encodings jixiao reads (binary data, or a legacy encoding other than GBK). */
export class TextEncodingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TextEncodingError';
  }
}

function decode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * UTF-16 without a BOM: text in UTF-8 or GBK never holds NUL, while UTF-16 has one in the high byte of
 * every ASCII character (spaces, digits, line breaks) — on the odd bytes (LE) or the even ones (BE).
 */
function utf16WithoutBom(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | null {
  const sample = Math.min(bytes.length - (bytes.length % 2), 64 * 1024);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNul += 1;
    if (bytes[i + 1] === 0) oddNul += 1;
  }
  // A CJK character has a zero low byte once in 256: the other parity stays far below.
  if (oddNul > 0 && evenNul * 10 < oddNul) return 'UTF-16LE';
  if (evenNul > 0 && oddNul * 10 < evenNul) return 'UTF-16BE';
  return null;
}

/** Chinese text should hold CJK ideographs; mojibake from a wrong guess mostly does not. */
const CJK = /[\u4e00-\u9fff]/;

/**
 * The text of `bytes` and the encoding it was in: UTF-8 (with or without BOM), UTF-16 (BOM, or NUL
 * pattern), else GB18030 (a superset of GBK) when that decodes to Chinese. Throws TextEncodingError for
 * anything else, rather than guess: a wrong guess would be blamed on the content.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeOrThrow('utf-16le', bytes), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeOrThrow('utf-16be', bytes), encoding: 'UTF-16BE' };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: decodeOrThrow(utf16.toLowerCase(), bytes), encoding: utf16 };
  const utf8 = decode('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'UTF-8' };
  const gb = decode('gb18030', bytes);
  if (gb !== null && CJK.test(gb)) return { text: gb, encoding: 'GB18030' };
  throw new TextEncodingError('文件不是 UTF-8 文本（也不是 GBK/GB18030 或 UTF-16），可能是二进制文件或其他编码；请另存为 UTF-8 文本。');
}

function decodeOrThrow(encoding: string, bytes: Uint8Array): string {
  const text = decode(encoding, bytes);
  if (text === null) throw new TextEncodingError(`文件以 ${encoding.toUpperCase()} 编码开头，但其中有无法解码的字节；请另存为 UTF-8 文本。`);
  return text;
}

/** What a parse note says about a file that was not in UTF-8 (null for UTF-8). */
export function encodingNote(encoding: TextEncodingName): string | null {
  if (encoding === 'UTF-8') return null;
  const name = encoding === 'GB18030' ? 'GBK（GB18030）' : encoding;
  return `文件编码是 ${name}，已按此编码读取；建议另存为 UTF-8。`;
}
