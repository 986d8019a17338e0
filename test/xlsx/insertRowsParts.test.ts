// Issue #26: every part the fixed copy claims to move on a row insert does move — a drawing's anchor, an
// Excel Table, a manual page break, the print area, a chart's series, a pivot cache's source, a note —
// so that turning any of that shifting off in src/xlsx/insertRows.ts fails here.
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { planTableSheet } from '../../src/core/sheet/layout';
import { workbookToBuffer, writePlan } from '../../src/xlsx';
import { fixedCopy } from '../../src/xlsx/fixCopy';
import { seedTable } from '../support/seed';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument';

let copy: Record<string, string>;

beforeAll(async () => {
  const book = new ExcelJS.Workbook();
  writePlan(book, planTableSheet(seedTable(1), { sheetName: '表1', framework: 'seed' }));
  const files = unzipSync(new Uint8Array(await workbookToBuffer(book)));
  const text = (part: string) => strFromU8(files[part]);
  const sheetRels = 'xl/worksheets/_rels/sheet1.xml.rels';
  const rels = files[sheetRels] ? text(sheetRels) : `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  files[sheetRels] = strToU8(
    rels.replace('</Relationships>', `<Relationship Id="rIdD9" Type="${REL}/drawing" Target="../drawings/drawing9.xml"/><Relationship Id="rIdT9" Type="${REL}/table" Target="../tables/table9.xml"/></Relationships>`),
  );
  files['xl/drawings/drawing9.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"><xdr:twoCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>24</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp/><xdr:clientData/></xdr:twoCellAnchor><xdr:twoCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>2</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>3</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp/><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
  );
  files['xl/tables/table9.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><table xmlns="${MAIN}" id="9" name="T9" displayName="T9" ref="A15:C20"><autoFilter ref="A15:C20"/><tableColumns count="3"><tableColumn id="1" name="a"/><tableColumn id="2" name="b"/><tableColumn id="3" name="c"/></tableColumns></table>`);
  files['xl/charts/chart9.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:barChart><c:ser><c:val><c:numRef><c:f>'表1'!$E$13:$E$20</c:f></c:numRef></c:val></c:ser></c:barChart></c:plotArea></c:chart></c:chartSpace>`,
  );
  files['xl/pivotCache/pivotCacheDefinition9.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><pivotCacheDefinition xmlns="${MAIN}"><cacheSource type="worksheet"><worksheetSource ref="A10:E30" sheet="表1"/></cacheSource></pivotCacheDefinition>`);
  files['[Content_Types].xml'] = strToU8(
    text('[Content_Types].xml').replace(
      '</Types>',
      `<Override PartName="/xl/drawings/drawing9.xml" ContentType="${CT}.drawing+xml"/><Override PartName="/xl/tables/table9.xml" ContentType="${CT}.spreadsheetml.table+xml"/><Override PartName="/xl/charts/chart9.xml" ContentType="${CT}.drawingml.chart+xml"/><Override PartName="/xl/pivotCache/pivotCacheDefinition9.xml" ContentType="${CT}.spreadsheetml.pivotCacheDefinition+xml"/></Types>`,
    ),
  );
  files['xl/worksheets/sheet1.xml'] = strToU8(text('xl/worksheets/sheet1.xml').replace('</worksheet>', '<rowBreaks count="2" manualBreakCount="2"><brk id="5" max="16383" man="1"/><brk id="20" max="16383" man="1"/></rowBreaks></worksheet>'));
  const workbook = text('xl/workbook.xml');
  const printArea = `<definedName name="_xlnm.Print_Area" localSheetId="0">'表1'!$A$1:$H$30</definedName>`;
  files['xl/workbook.xml'] = strToU8(workbook.includes('<definedNames>') ? workbook.replace('<definedNames>', `<definedNames>${printArea}`) : workbook.replace('</sheets>', `</sheets><definedNames>${printArea}</definedNames>`));

  const fixed = fixedCopy(zipSync(files), [{ sheet: '表1', fix: { description: 'insert', steps: [{ kind: 'insertRows', before: 12, count: 2, formatFrom: 12 }], select: [] } }]);
  copy = Object.fromEntries(Object.entries(unzipSync(fixed.bytes)).map(([name, data]) => [name, strFromU8(data)]));
});

describe('two rows inserted before row 12 move everything below', () => {
  test('a picture anchored on rows 21–25 moves to 23–27; one above stays', () => {
    expect([...copy['xl/drawings/drawing9.xml'].matchAll(/<xdr:row>(\d+)<\/xdr:row>/g)].map((m) => Number(m[1]))).toEqual([22, 26, 2, 3]);
  });

  test('an Excel Table A15:C20 becomes A17:C22, its filter too', () => {
    expect(copy['xl/tables/table9.xml']).toContain('ref="A17:C22"><autoFilter ref="A17:C22"/>');
  });

  test('a page break after row 20 moves to 22; one after row 5 stays', () => {
    expect(copy['xl/worksheets/sheet1.xml']).toMatch(/<brk id="5"[^>]*\/><brk id="22"/);
  });

  test('the print area grows to row 32', () => {
    expect(copy['xl/workbook.xml']).toContain(`'表1'!$A$1:$H$32</definedName>`);
  });

  test("a chart's series on rows 13–20 reads rows 15–22", () => {
    expect(copy['xl/charts/chart9.xml']).toContain(`<c:f>'表1'!$E$15:$E$22</c:f>`);
  });

  test("a pivot cache's source A10:E30 grows to A10:E32", () => {
    expect(copy['xl/pivotCache/pivotCacheDefinition9.xml']).toContain('<worksheetSource ref="A10:E32" sheet="表1"/>');
  });
});
