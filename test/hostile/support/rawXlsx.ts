// Writes .xlsx files straight from XML with fflate, as a hostile sender could: a cell at XFD1048576, a
// merge over a million rows, 200k rows, a zip bomb. Small on disk and fast to make, unlike going through
// exceljs; the parts are the minimum Excel itself opens (inline strings, no styles).
import { strToU8, zipSync, type Zippable } from 'fflate';
import { fromA1, toA1 } from '../../../src/core/sheet/address';
import type { SheetPlan } from '../../../src/core/sheet/types';

export interface RawCell {
  address: string;
  value: string | number;
}

export interface RawSheet {
  name: string;
  cells: RawCell[];
  merges?: string[];
  /** Extra bytes of XML inside <sheetData>, e.g. a huge run of empty rows (a bomb part). */
  padding?: { text: string; times: number };
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

function cellXml({ address, value }: RawCell): string {
  return typeof value === 'number'
    ? `<c r="${address}"><v>${value}</v></c>`
    : `<c r="${address}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

/** The worksheet XML: cells grouped into rows in row order, as Excel writes them. */
function sheetXml(sheet: RawSheet): Uint8Array {
  const rows = new Map<number, RawCell[]>();
  for (const cell of sheet.cells) {
    const { row } = fromA1(cell.address);
    const list = rows.get(row);
    if (list) list.push(cell);
    else rows.set(row, [cell]);
  }
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  for (const row of [...rows.keys()].sort((a, b) => a - b)) {
    const cells = rows.get(row) ?? [];
    cells.sort((a, b) => fromA1(a.address).col - fromA1(b.address).col);
    parts.push(`<row r="${row + 1}">${cells.map(cellXml).join('')}</row>`);
  }
  if (sheet.padding) parts.push(sheet.padding.text.repeat(sheet.padding.times));
  parts.push('</sheetData>');
  if (sheet.merges && sheet.merges.length > 0) {
    parts.push(`<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`);
  }
  parts.push('</worksheet>');
  // Joined per part: a 200k-row sheet is tens of MB of XML, fine as one string.
  return strToU8(parts.join(''));
}

/** A complete .xlsx of the given sheets. */
export function rawXlsx(sheets: RawSheet[]): Uint8Array {
  const ns = 'http://schemas.openxmlformats.org/';
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${ns}package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${ns}package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${ns}officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${ns}spreadsheetml/2006/main" xmlns:r="${ns}officeDocument/2006/relationships"><sheets>` +
        sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${ns}package/2006/relationships">` +
        sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${ns}officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        '</Relationships>',
    ),
  };
  sheets.forEach((sheet, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = sheetXml(sheet)));
  return zipSync(files, { level: 9 });
}

/** A layout plan's cells and merges as a raw sheet (values only: the reader goes by labels, not looks). */
export function planSheet(plan: SheetPlan): RawSheet {
  return {
    name: plan.name,
    cells: plan.cells.flatMap(({ address, value }) => (value === null || value === '' ? [] : [{ address, value }])),
    merges: plan.merges,
  };
}

/** `XFD1048576`: the last cell of a sheet. */
export const LAST_CELL = toA1(1_048_575, 16_383);
