/**
 * Text normalisation shared by the value parser and the rules: full-width ASCII forms (０-９ ＞ ％ （ …)
 * become half-width, the ideographic space becomes a space, the minus sign (U+2212, as typeset) becomes
 * `-`, runs of whitespace collapse to one space.
 * Deliberately narrower than NFKC, which would also rewrite `m²` or `㎡` inside units.
 */
export function normaliseText(text: string): string {
  // \s covers the ideographic space U+3000.
  return narrowWidth(text).replace(/\u2212/g, '-').replace(/\s+/g, ' ').trim();
}

/**
 * Full-width ASCII forms (０-９ ＞ ％ （ …) as half-width, nothing else: one UTF-16 unit for one, so an
 * index into the result is an index into the text (a fix can rewrite part of a value as the clerk typed it).
 */
export function narrowWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** normaliseText, then every space removed: for matching names and values where spacing means nothing. */
export function compactText(text: string): string {
  return normaliseText(text).replace(/ /g, '');
}
