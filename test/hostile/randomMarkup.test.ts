// Issue #26, property: comments and processing instructions holding markup-like text, anywhere between
// a sheet's elements, and its strings as CDATA, change nothing a reader sees, and every editor (the
// marked copy, the fixed copy with a cell write and a row insert) writes XML that parses again.
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { checkGrids } from '../../src/core/check';
import { fixedCopy } from '../../src/xlsx/fixCopy';
import { markedCopy } from '../../src/xlsx/markedCopy';
import { readWorkbookGrids } from '../../src/xlsx/readWorkbook';
import { END, markupOnly, XmlReader } from '../../src/xlsx/xml';
import { seedTableParts } from './support/cases26';

const PARTS = ['xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/sharedStrings.xml'];
const PIECES = ['<row r="9">', '<row r="99">', '<f>A1</f>', '<c r="A1"><v>7</v></c>', '<cfRule priority="5" ', '</sheetData>', '<legacyDrawing r:id="rId7"/>', '<dxfs count="9">', '<sheet name="x" r:id="rId1"/>', '<si><t>假</t></si>', '&amp;', '>', '<', ' ', '-', '?'];

let seed: Record<string, Uint8Array>;
beforeAll(async () => {
  seed = await seedTableParts();
});

/** Markup-like text for a comment (never `--`) or a processing instruction (never `?>`). */
const noiseText = fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((pieces) => pieces.join('').replace(/-(?=-)|-$/g, '- ').replace(/\?>/g, '? >'));
const noise = fc.oneof(
  noiseText.map((text) => `<!--${text}-->`),
  noiseText.map((text) => `<?jixiao ${text}?>`),
);

function expectWellFormed(bytes: Uint8Array): void {
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const x = new XmlReader(strFromU8(data), name);
    while (x.next() !== END);
  }
}

/** The sheet's markup without comments and PIs: the same for a copy of the noisy file and of the clean one. */
function sheetOf(bytes: Uint8Array): string {
  return markupOnly(strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']), 'sheet1');
}

/** `xml` with `insertions` ([fraction of the gaps between tags, noise]) put between elements. */
function withNoise(xml: string, insertions: [number, string][]): string {
  const gaps: number[] = [];
  for (let at = xml.indexOf('><'); at >= 0; at = xml.indexOf('><', at + 1)) gaps.push(at + 1);
  const chosen = insertions.map(([where, text]) => [gaps[Math.floor(where * gaps.length)], text] as const).sort((a, b) => b[0] - a[0]);
  let out = xml;
  for (const [at, text] of chosen) out = out.slice(0, at) + text + out.slice(at);
  // Strings as CDATA: the same text.
  return out.replace(/<t>([^<&\]]*)<\/t>/g, '<t><![CDATA[$1]]></t>');
}

const FIX = [{ sheet: '表1', fix: { description: 't', steps: [{ kind: 'insertRows' as const, before: 12, count: 1, formatFrom: 12 }, { kind: 'setCell' as const, cell: 'C12', value: '新' }], select: [] } }];

test('random comments, PIs and CDATA: values unchanged, every copy parses and reads as the clean one\'s', () => {
  const original = readWorkbookGrids(zipSync(seed))[0].values;
  const clean = zipSync(seed);
  const cleanFixed = sheetOf(fixedCopy(clean, FIX).bytes);
  const cleanMarked = sheetOf(markedCopy(clean, checkGrids(readWorkbookGrids(clean), {})).bytes);
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom(...PARTS), fc.double({ min: 0, max: 0.999, noNaN: true }), noise), { minLength: 1, maxLength: 12 }), (insertions) => {
      const files = { ...seed };
      for (const part of PARTS) {
        const mine = insertions.filter(([p]) => p === part).map(([, where, text]) => [where, text] as [number, string]);
        if (files[part]) files[part] = strToU8(withNoise(strFromU8(files[part]), mine));
      }
      const bytes = zipSync(files);
      const grids = readWorkbookGrids(bytes);
      expect(grids[0].values).toEqual(original);
      const marked = markedCopy(bytes, checkGrids(grids, {}));
      expect(marked.marked).toBeGreaterThan(0);
      expectWellFormed(marked.bytes);
      expect(sheetOf(marked.bytes)).toBe(cleanMarked);
      expect(readWorkbookGrids(marked.bytes)[0].values).toEqual(original);
      const fixed = fixedCopy(bytes, FIX);
      expectWellFormed(fixed.bytes);
      expect(sheetOf(fixed.bytes)).toBe(cleanFixed);
    }),
    { numRuns: 30 },
  );
});
