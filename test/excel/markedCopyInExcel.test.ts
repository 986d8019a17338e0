// A marked copy opened in Excel with jixiao: the double is loaded with what the copy's sheet holds (its
// conditional formats and comments as Excel would hand them to Office.js), and 清除标记 must leave exactly
// the reviewer's workbook: no jixiao format, every reviewer comment with its own text only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkGrids } from '../../src/core/check';
import { decodeEntities } from '../../src/xlsx/xml';
import { markedCopy } from '../../src/xlsx/markedCopy';
import { OoxmlPackage } from '../../src/xlsx/package';
import { readWorkbookGrids } from '../../src/xlsx/readWorkbook';
import { parseRect } from '../support/excelDouble';
import { loadSeedLibrary } from '../support/seed';
import { marksInDouble, setUp } from './helpers';

const FIXTURE = join(__dirname, '../fixtures/marks/reviewed-openpyxl.xlsx');

/** A sheet's comments (cell → text of all runs) and conditional formats (range, formula) from a package. */
function sheetMarks(bytes: Uint8Array, sheetName: string) {
  const pkg = OoxmlPackage.open(bytes);
  const part = pkg.workbook().sheets.find((s) => s.name === sheetName)!.part!;
  const xml = pkg.text(part);
  const formats = [...xml.matchAll(/<conditionalFormatting sqref="([^"]+)">[\s\S]*?<formula>([^<]*)<\/formula>/g)].map((m) => ({ range: m[1], formula: `=${decodeEntities(m[2])}` }));
  const commentsPart = pkg.relationships(part).find((r) => r.type.endsWith('/comments'))?.target;
  const comments = new Map<string, string>();
  if (commentsPart) {
    for (const m of pkg.text(commentsPart).matchAll(/<comment ref="([^"]+)"[^>]*>([\s\S]*?)<\/comment>/g)) {
      comments.set(m[1], [...m[2].matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => decodeEntities(t[1])).join(''));
    }
  }
  return { formats, comments };
}

test.each([false, true])('清除标记 on a marked copy opened in Excel removes exactly the marks, reviewer comments back to their own text (Excel hands text back normalised: %s)', async (normalisesText) => {
  const input = readFileSync(FIXTURE);
  const reports = checkGrids(readWorkbookGrids(input), { library: loadSeedLibrary() });
  const sheetName = reports[0].sheet;
  const copy = markedCopy(input, reports).bytes;
  const original = sheetMarks(input, sheetName);
  const marked = sheetMarks(copy, sheetName);
  expect(marked.formats.length).toBeGreaterThan(original.formats.length);

  const { excel, host } = setUp({ sheets: [sheetName], real: { formatIdsArePositions: true, normalisesText } });
  const sheet = excel.sheet(sheetName);
  for (const { range, formula } of marked.formats) excel.userAddConditionalFormat(sheetName, range, 'Custom', formula, '#FDE7E9');
  for (const [cell, text] of marked.comments) sheet.notes.set(`${parseRect(cell).r1},${parseRect(cell).c1}`, { content: text, authorName: '审核人' });
  expect(marksInDouble(excel, sheetName).length).toBe(marked.formats.length - original.formats.length);

  await host.clearMarks();
  expect(marksInDouble(excel, sheetName)).toEqual([]);
  const notes = excel.snapshot(sheetName).notes;
  expect(Object.fromEntries(Object.entries(notes).map(([cell, note]) => [cell, note.content]))).toEqual(Object.fromEntries(original.comments));
});
