// Nothing the WPS bundle is built from calls an API Chromium 103 lacks (test/support/chromium103.ts): the
// source may not use JavaScript built-ins past ES2022 (TypeScript's lib stops there) nor the newer DOM
// APIs; the built bundle, libraries included, is scanned in test/browser/wpsPane.test.ts.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { NEWER_THAN_CHROMIUM_103, newerApiUses } from '../support/chromium103';

const ROOT = join(__dirname, '..', '..');

/** Every TypeScript file under a folder the WPS pane and ribbon page are bundled from. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

test('the table lists only what Chromium 103 lacks (or a WPS build is known to lack)', () => {
  expect(NEWER_THAN_CHROMIUM_103.every((api) => api.chrome > 103 || api.chrome === 0)).toBe(true);
});

test('the scan finds a use, and passes one a library guards with a feature test', () => {
  expect(newerApiUses('const sorted = rows.toSorted((a, b) => a - b);').map((u) => u.api)).toEqual(['.toSorted()']);
  expect(newerApiUses('const id = crypto.randomUUID();').map((u) => u.api)).toEqual(['crypto.randomUUID']);
  expect(newerApiUses('const ok = typeof URL.canParse == "function" ? URL.canParse(s) : tryParse(s);')).toEqual([]);
  expect(newerApiUses('if ("toSorted" in Array.prototype) out = rows.toSorted();')).toEqual([]);
  // Names that merely look alike are not uses.
  expect(newerApiUses('const unionFind = 1; myUnion(a); rows.sort();')).toEqual([]);
});

test("the source's JavaScript library stops at ES2022, all of which Chromium 103 has (Array/String.prototype.at 92, Object.hasOwn 93, Error cause 93)", () => {
  // tsconfig.json is JSON without comments here; its lib decides which built-ins the source can call.
  const lib = (JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as { compilerOptions: { lib: string[] } }).compilerOptions.lib;
  const es = lib.filter((l) => /^es\d{4}/i.test(l) || /^esnext/i.test(l)).map((l) => (/^esnext/i.test(l) ? Infinity : Number(l.slice(2, 6))));
  expect(es.length).toBeGreaterThan(0);
  expect(Math.max(...es)).toBeLessThanOrEqual(2022);
});

test('no source file the WPS bundle is built from calls a DOM API Chromium 103 lacks', () => {
  const folders = ['core', 'web', 'taskpane', 'wps', 'checker'].map((f) => join(ROOT, 'src', f));
  const files = folders.flatMap(sourceFiles);
  expect(files.length).toBeGreaterThan(100);
  const dom = NEWER_THAN_CHROMIUM_103.filter((api) => api.kind === 'dom');
  const uses = files.flatMap((file) => newerApiUses(readFileSync(file, 'utf8'), dom).map((use) => ({ file: file.slice(ROOT.length + 1), ...use })));
  expect(uses).toEqual([]);
});
