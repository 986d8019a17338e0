// Number text in OOXML `<v>` and ODF `office:value` is an xsd:double (XML Schema Part 2 §3.2.5): digits
// with an optional fraction and exponent, or INF/-INF/NaN, surrounded by collapsible whitespace. It is
// not what JavaScript's Number() accepts: `0x5A`, `0b11`, `Infinity` and `1_000` are not numbers there,
// and Excel and LibreOffice show such a cell as 0.

/** Anchored, no nested quantifier: linear in the text (eslint regexp/no-super-linear-backtracking). */
const XSD_DOUBLE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[Ee][+-]?\d+)?$/;

/** The xsd:double `text` as a number; null when it is not one (or is INF/NaN, which no cell shows as an amount). */
export function parseXsdDouble(text: string): number | null {
  const trimmed = text.trim();
  if (!XSD_DOUBLE.test(trimmed)) return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
}
