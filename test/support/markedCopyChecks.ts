// What every marked copy must satisfy, shared by the .xlsx tests and the checker page's Chromium test:
// the same parts, every part but the mark parts byte-identical, cells (values and styles) untouched, the
// add-in's sentinel formats on exactly the flagged cells, every comment kept, tagged notes added.
import { marksForReport } from '../../src/core/marks';
import { parseMarkFormula } from '../../src/core/marking';
import type { SheetReport } from '../../src/core/model';
import { OoxmlPackage } from '../../src/xlsx/package';
import { decodeEntities } from '../../src/xlsx/xml';

const section = (xml: string, name: string) => new RegExp(`<${name}[\\s>][\\s\\S]*?</${name}>`).exec(xml)?.[0] ?? '';

function commentsOf(pkg: OoxmlPackage, part: string): Map<string, string> {
  const target = pkg.relationships(part).find((r) => r.type.endsWith('/comments'))?.target;
  const out = new Map<string, string>();
  if (!target) return out;
  for (const m of pkg.text(target).matchAll(/<comment ref="([^"]+)"[^>]*>([\s\S]*?)<\/comment>/g)) {
    out.set(m[1], [...m[2].matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => decodeEntities(t[1])).join(''));
  }
  return out;
}

/** Throws (via expect) unless `copy` is `input` plus exactly the reports' marks. */
export function expectOnlyMarksAdded(input: Uint8Array, copy: Uint8Array, reports: SheetReport[]): void {
  const before = OoxmlPackage.open(input);
  const after = OoxmlPackage.open(copy);
  const info = before.workbook();
  const partOf = (sheet: string) => info.sheets.find((s) => s.name === sheet)!.part!;
  const markedSheets = new Set(reports.filter((r) => marksForReport(r).length > 0).map((r) => partOf(r.sheet)));
  const mayChange = (part: string) =>
    markedSheets.has(part) || part === 'xl/styles.xml' || part === '[Content_Types].xml' || /_rels\/sheet\d+\.xml\.rels$/.test(part) || /comment/i.test(part) || /\.vml$/.test(part);
  for (const entry of before.entries) {
    expect(after.has(entry.name)).toBe(true);
    if (!mayChange(entry.name)) expect(Buffer.compare(Buffer.from(after.bytesOf(entry.name)), Buffer.from(before.bytesOf(entry.name)))).toBe(0);
  }
  for (const name of ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles']) {
    expect(section(after.text('xl/styles.xml'), name)).toBe(section(before.text('xl/styles.xml'), name));
  }
  for (const report of reports) {
    const part = partOf(report.sheet);
    const was = before.text(part);
    const now = after.text(part);
    // Values and the style of every cell, flagged or not: a mark is never a cell format.
    expect(section(now, 'sheetData')).toBe(section(was, 'sheetData'));
    const formats = (xml: string) => [...xml.matchAll(/<conditionalFormatting sqref="([^"]+)">[\s\S]*?<formula>([^<]*)<\/formula>/g)].map((m) => parseMarkFormula(decodeEntities(m[2])));
    const added = formats(now).filter(Boolean).map((m) => `${m!.address} ${m!.severity}`).sort();
    expect(formats(was).filter(Boolean)).toEqual([]);
    expect(added).toEqual(marksForReport(report).map((m) => `${m.address} ${m.severity}`).sort());
    // Every comment kept with its text; each flagged cell's note carries the mark's message.
    const wasComments = commentsOf(before, part);
    const nowComments = commentsOf(after, part);
    for (const [cell, text] of wasComments) expect(nowComments.get(cell)?.startsWith(text)).toBe(true);
    for (const mark of marksForReport(report)) expect(nowComments.get(mark.address)).toContain(mark.message);
    for (const cell of nowComments.keys()) expect(wasComments.has(cell) || marksForReport(report).some((m) => m.address === cell)).toBe(true);
  }
}
