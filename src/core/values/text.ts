/**
 * Text normalisation shared by the value parser and the rules: full-width ASCII forms (０-９ ＞ ％ （ …)
 * become half-width, the ideographic space becomes a space, the minus sign (U+2212, as typeset) becomes
 * `-`, runs of whitespace collapse to one space.
 * Deliberately narrower than NFKC, which would also rewrite `m²` or `㎡` inside units.
 */
export function normaliseText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else if (code === 0x2212) out += '-';
    else out += ch;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** normaliseText, then every space removed: for matching names and values where spacing means nothing. */
export function compactText(text: string): string {
  return normaliseText(text).replace(/ /g, '');
}
