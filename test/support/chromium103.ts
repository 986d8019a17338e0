/**
 * What a WPS bundle must not call: the JavaScript and DOM APIs that Chromium 103 (the oldest engine reported
 * in a WPS build on Linux; research notes §5) lacks, each with the Chrome version that shipped it, from MDN's
 * browser compatibility tables (developer.mozilla.org, "Browser compatibility" of each page; chromestatus.com
 * for the Set methods and iterator helpers). Syntax newer than ES2018 is caught by parsing the bundle as
 * ES2018 (test/browser/wpsPane.test.ts); these are the globals and methods a parse cannot see.
 * One entry is not about the version: crypto.randomUUID (Chrome 92) is missing in WPS 12.1.0.26200
 * (pi-for-excel's docs/wps-support.md, research notes §5).
 */
export interface NewerApi {
  name: string;
  /**
   * `es`: a JavaScript built-in, which TypeScript declares only from its ES2023+ libs — the source cannot
   * call it while tsconfig.json's lib stops at ES2022 (asserted in test/wps/chromium103.test.ts), so only
   * bundled libraries can; `dom`: declared by TypeScript's current DOM lib, so the source could.
   */
  kind: 'es' | 'dom';
  /** First Chrome version with it; 0 for one missing in a WPS build whatever its Chromium. */
  chrome: number;
  /** Matches a use in minified or source text. */
  pattern: RegExp;
  /** The token a feature test names (`typeof URL.canParse`, `"canParse" in URL`). */
  token: string;
}

const member = (name: string, chrome: number, kind: NewerApi['kind'] = 'es'): NewerApi => ({ name: `.${name}()`, kind, chrome, pattern: new RegExp(`\\.${name}\\s*\\(`, 'g'), token: name });
const global = (path: string, chrome: number, kind: NewerApi['kind'] = 'es'): NewerApi => {
  const token = path.slice(path.lastIndexOf('.') + 1);
  return { name: path, kind, chrome, pattern: new RegExp(`\\b${path.replace(/\./g, '\\.')}\\b`, 'g'), token };
};

export const NEWER_THAN_CHROMIUM_103: readonly NewerApi[] = [
  // Array (and TypedArray) change-by-copy methods: Chrome 110.
  member('toSorted', 110),
  member('toReversed', 110),
  member('toSpliced', 110),
  member('isWellFormed', 111),
  member('toWellFormed', 111),
  global('Object.groupBy', 117),
  global('Map.groupBy', 117),
  global('Promise.withResolvers', 119),
  global('Array.fromAsync', 121),
  // Set methods: Chrome 122.
  member('union', 122),
  member('intersection', 122),
  member('symmetricDifference', 122),
  member('isSubsetOf', 122),
  member('isSupersetOf', 122),
  member('isDisjointFrom', 122),
  global('Iterator.from', 122),
  member('transferToFixedLength', 114),
  global('AbortSignal.any', 116),
  global('Promise.try', 128),
  global('RegExp.escape', 136),
  global('Math.sumPrecise', 137),
  global('Error.isError', 134),
  global('Intl.DurationFormat', 129),
  global('URL.canParse', 120, 'dom'),
  global('URL.parse', 126, 'dom'),
  global('Response.json', 105, 'dom'),
  member('checkVisibility', 105, 'dom'),
  member('showPopover', 114, 'dom'),
  member('togglePopover', 114, 'dom'),
  member('startViewTransition', 111, 'dom'),
  global('CSS.highlights', 105, 'dom'),
  global('crypto.randomUUID', 0, 'dom'),
];

export interface NewerApiUse {
  api: string;
  /** The text around the use, to find it. */
  near: string;
}

/**
 * Uses of NEWER_THAN_CHROMIUM_103 in `code` that are not feature-tested: a use is fine where the 300
 * characters before it test for the same name (`typeof URL.canParse == "function" ? URL.canParse(x) : …`,
 * `"canParse" in URL`), as libraries do.
 */
export function newerApiUses(code: string, apis: readonly NewerApi[] = NEWER_THAN_CHROMIUM_103): NewerApiUse[] {
  const uses: NewerApiUse[] = [];
  for (const api of apis) {
    for (const match of code.matchAll(api.pattern)) {
      const at = match.index ?? 0;
      const before = code.slice(Math.max(0, at - 300), at);
      // The feature test itself (`typeof URL.canParse`), or a use after one.
      const tested = /typeof\s+[\w$.]*$/.test(before) || new RegExp(`typeof\\s+[\\w$.]*\\b${api.token}\\b|["']${api.token}["']\\s*in\\b`).test(before);
      if (!tested) uses.push({ api: api.name, near: code.slice(Math.max(0, at - 40), at + 40) });
    }
  }
  return uses;
}
