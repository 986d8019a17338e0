// The marked copy, made in the package: a workbook a reviewer returned (written by openpyxl: user fills,
// reviewer comments, a chart, a picture, hidden sheets) gets jixiao's marks and nothing else changes.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkGrids } from '../../src/core/check';
import { marksForReport } from '../../src/core/marks';
import { isMarkNote, parseMarkFormula } from '../../src/core/marking';
import { markedCopy } from '../../src/xlsx/markedCopy';
import { OoxmlPackage } from '../../src/xlsx/package';
import { readWorkbookGrids } from '../../src/xlsx/readWorkbook';
import { loadSeedLibrary } from '../support/seed';
import { expectOnlyMarksAdded } from '../support/markedCopyChecks';
import { tempDir } from './support';
import { soffice } from '../support/soffice';
import { decodeEntities } from '../../src/xlsx/xml';

const FIXTURE = join(__dirname, '../fixtures/marks/reviewed-openpyxl.xlsx');
const TAG = '【绩效目标表助手】';

function setUpCopy() {
  const input = readFileSync(FIXTURE);
  const original = Buffer.from(input);
  const reports = checkGrids(readWorkbookGrids(input), { library: loadSeedLibrary() });
  const copy = markedCopy(input, reports);
  return { input, original, reports, copy, before: OoxmlPackage.open(input), after: OoxmlPackage.open(copy.bytes) };
}

const section = (xml: string, name: string) => new RegExp(`<${name}[\\s>][\\s\\S]*?</${name}>`).exec(xml)?.[0] ?? '';

test('only mark parts change; every other part (chart, picture, drawings, workbook, other sheets) keeps its bytes; the input is untouched', () => {
  const { input, original, reports, copy, before, after } = setUpCopy();
  expect(Buffer.compare(input, original)).toBe(0);
  expect(copy.marked).toBe(reports.reduce((n, r) => n + marksForReport(r).length, 0));
  expect(copy.marked).toBeGreaterThan(0);
  const info = before.workbook();
  const markedSheets = new Set(reports.filter((r) => marksForReport(r).length > 0).map((r) => info.sheets.find((s) => s.name === r.sheet)!.part!));
  const mayChange = (part: string) =>
    markedSheets.has(part) || part === 'xl/styles.xml' || part === '[Content_Types].xml' || /_rels\/sheet\d+\.xml\.rels$/.test(part) || /comment/i.test(part) || /\.vml$/.test(part);
  for (const entry of before.entries) {
    expect(after.has(entry.name)).toBe(true);
    if (!mayChange(entry.name)) expect(Buffer.compare(Buffer.from(after.bytesOf(entry.name)), Buffer.from(before.bytesOf(entry.name)))).toBe(0);
  }
  for (const part of ['xl/charts/chart1.xml', 'xl/media/image1.png', 'xl/workbook.xml']) expect(after.has(part)).toBe(true);
  // Added parts are comments and VML drawings only.
  expect(after.entries.filter((e) => !before.has(e.name)).every((e) => /comments\d*\.xml$|vmlDrawing\d*\.vml$|\.rels$/.test(e.name))).toBe(true);
});

test('cells keep their values and styles (sheetData and cell formats byte-identical); styles only gain dxfs', () => {
  const { reports, before, after } = setUpCopy();
  const info = before.workbook();
  for (const report of reports) {
    const part = info.sheets.find((s) => s.name === report.sheet)!.part!;
    expect(section(after.text(part), 'sheetData')).toBe(section(before.text(part), 'sheetData'));
    expect(section(after.text(part), 'mergeCells')).toBe(section(before.text(part), 'mergeCells'));
  }
  for (const name of ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles']) {
    expect(section(after.text('xl/styles.xml'), name)).toBe(section(before.text('xl/styles.xml'), name));
  }
  expect((section(after.text('xl/styles.xml'), 'dxfs').match(/<dxf>/g) ?? []).length).toBe((section(before.text('xl/styles.xml'), 'dxfs').match(/<dxf>/g) ?? []).length + 3);
  // Read back: the same grids, the same issues.
  const copyGrids = readWorkbookGrids(markedCopyBytes());
  const inputGrids = readWorkbookGrids(readFileSync(FIXTURE));
  expect(copyGrids.map((g) => g.values)).toEqual(inputGrids.map((g) => g.values));
});

function markedCopyBytes(): Uint8Array {
  return setUpCopy().copy.bytes;
}

test('the shared check of a marked copy holds for the reviewed workbook', () => {
  const { input, reports, copy } = setUpCopy();
  expectOnlyMarksAdded(input, copy.bytes, reports);
});

test('marks as the add-in makes them: its sentinel formats on exactly the flagged cells, tagged notes; reviewer comments kept', () => {
  const { reports, before, after } = setUpCopy();
  const info = before.workbook();
  const first = reports[0];
  const part = info.sheets.find((s) => s.name === first.sheet)!.part!;
  const formulas = [...after.text(part).matchAll(/<formula>([^<]*)<\/formula>/g)].map((m) => parseMarkFormula(m[1].replace(/&quot;/g, '"')));
  const marks = marksForReport(first);
  expect(formulas.filter(Boolean).map((m) => `${m!.address} ${m!.severity}`).sort()).toEqual(marks.map((m) => `${m.address} ${m.severity}`).sort());
  expect(marks.some((m) => m.address === 'E10')).toBe(true);

  const commentsPart = after.relationships(part).find((r) => r.type.endsWith('/comments'))!.target;
  const comments = after.text(commentsPart);
  const beforeComments = before.text(before.relationships(part).find((r) => r.type.endsWith('/comments'))!.target);
  // The reviewer's comment on the flagged E10 keeps its text, jixiao's message follows.
  const e10 = /<comment ref="E10"[\s\S]*?<\/comment>/.exec(comments)![0];
  expect(e10).toContain('此处指标值待补充，请单位核实');
  expect(e10).toContain(TAG);
  // The note ends with the rule's title, as the add-in's notes do (issueNoteLine).
  expect(first.issues.filter((i) => i.cells.includes('E10')).map((i) => i.code)).toEqual(['missing-value']);
  expect(decodeEntities(e10.replace(/<[^>]+>/g, ''))).toMatch(/（规则：指标缺少名称或指标值）$/);
  // Every comment the reviewer wrote is still there with its text.
  for (const m of beforeComments.matchAll(/<t[^>]*>([^<]+)<\/t>/g)) expect(comments).toContain(m[1]);
  // One comment per other flagged cell, tagged and by 绩效目标表助手.
  for (const mark of marks.filter((m) => m.address !== 'E10')) {
    const c = new RegExp(`<comment ref="${mark.address}"[\\s\\S]*?</comment>`).exec(comments)![0];
    expect(isMarkNote(c.replace(/<[^>]+>/g, ''))).toBe(true);
  }
  expect(comments).toContain('<author>绩效目标表助手</author>');
  // The VML drawing has one note shape per comment.
  const vmlPart = after.relationships(part).find((r) => r.type.endsWith('/vmlDrawing'))!.target;
  expect((after.text(vmlPart).match(/ObjectType="Note"/g) ?? []).length).toBe((comments.match(/<comment /g) ?? []).length);
});

test('LibreOffice opens the copy and reads the same values as the input', () => {
  const dir = tempDir('marked-lo');
  const copyFile = join(dir, 'copy-已标记.xlsx');
  writeFileSync(copyFile, markedCopyBytes());
  const profile = `-env:UserInstallation=file://${tempDir('lo-profile')}`;
  for (const file of [copyFile, FIXTURE]) execFileSync(soffice(), [profile, '--headless', '--norestore', '--convert-to', 'csv', '--outdir', join(dir, file === FIXTURE ? 'in' : 'out'), file], { stdio: 'pipe', timeout: 120000 });
  const out = readFileSync(join(dir, 'out', 'copy-已标记.csv'), 'utf8');
  const original = readFileSync(join(dir, 'in', 'reviewed-openpyxl.csv'), 'utf8');
  expect(out.length).toBeGreaterThan(100);
  expect(out).toBe(original);
}, 180000);

test('a workbook written by exceljs (folder entries in its zip) and one by LibreOffice: the same holds', () => {
  for (const name of ['seed16-exceljs.xlsx', 'seed16-libreoffice.xlsx']) {
    const input = readFileSync(join(__dirname, '../fixtures/writers', name));
    const reports = checkGrids(readWorkbookGrids(input), { library: loadSeedLibrary() });
    expect(reports.some((r) => marksForReport(r).length > 0)).toBe(true);
    expectOnlyMarksAdded(input, markedCopy(input, reports).bytes, reports);
  }
});
