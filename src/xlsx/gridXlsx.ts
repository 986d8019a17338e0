/**
 * An .xlsx built from the grids jixiao read, for a workbook that is not an .xlsx package (.xls, WPS .et,
 * .ods): its marked and fixed copies are made in this package. It keeps what the grids keep — each
 * sheet's values as shown (text, numbers, booleans; percentages and dates as their text), merged areas
 * and visibility — and nothing else (styles, comments, pictures, formulas are not in a grid).
 */
import { zipSync } from 'fflate';
import { columnName } from '../core/sheet/address';
import type { CellValue } from '../core/sheet/types';
import { isZip, OoxmlPackage } from './package';
import { escapeXml } from './packageEdit';
import { isOdsPackage } from './readOds';
import { readWorkbookGrids } from './readWorkbook';
import type { ReadGrid } from './sparseGrid';
import type { ReadLimits } from './limits';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** Character cells a column needs for its widest value (a CJK character counts two), within Excel's bounds. */
function width(value: CellValue): number {
  let n = 0;
  for (const ch of String(value)) n += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return n;
}

function sheetXml(grid: ReadGrid, shared: (text: string) => number): string {
  const widths: number[] = [];
  const rows: string[] = [];
  grid.values.forEach((cells, r) => {
    if (!cells) return;
    const out: string[] = [];
    cells.forEach((value, c) => {
      if (value === null || value === undefined || value === '') return;
      const ref = `${columnName(grid.left + c)}${grid.top + r + 1}`;
      // The widest line of a value sets its column's width, up to a readable maximum.
      const lines = String(value).split('\n');
      let w = 0;
      for (const line of lines) w = Math.max(w, width(line));
      widths[grid.left + c] = Math.max(widths[grid.left + c] ?? 0, Math.min(w + 2, 60));
      if (typeof value === 'number') out.push(`<c r="${ref}"><v>${value}</v></c>`);
      else if (typeof value === 'boolean') out.push(`<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`);
      else out.push(`<c r="${ref}" s="1" t="s"><v>${shared(value)}</v></c>`);
    });
    if (out.length > 0) rows.push(`<row r="${grid.top + r + 1}">${out.join('')}</row>`);
  });
  const cols: string[] = [];
  widths.forEach((w, c) => {
    if (w > 10) cols.push(`<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`);
  });
  const merges = grid.merges.length > 0 ? `<mergeCells count="${grid.merges.length}">${grid.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  return `${HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${cols.length > 0 ? `<cols>${cols.join('')}</cols>` : ''}<sheetData>${rows.join('')}</sheetData>${merges}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

/** The grids as an .xlsx package: one worksheet each, shared strings, a minimal style sheet (text wraps). */
export function gridsToXlsx(grids: ReadGrid[]): Uint8Array {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const shared = (text: string): number => {
    let i = index.get(text);
    if (i === undefined) {
      i = strings.length;
      strings.push(text);
      index.set(text, i);
    }
    return i;
  };
  const enc = new TextEncoder();
  const files: Record<string, Uint8Array> = {};
  grids.forEach((grid, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = enc.encode(sheetXml(grid, shared));
  });
  const sheets = grids.map((g, i) => `<sheet name="${escapeXml(g.sheetName)}" sheetId="${i + 1}"${g.state === 'visible' ? '' : ` state="${g.state}"`} r:id="rId${i + 1}"/>`).join('');
  // A workbook whose sheets are all hidden cannot be opened: the first is shown then.
  const active = Math.max(0, grids.findIndex((g) => g.state === 'visible'));
  files['xl/workbook.xml'] = enc.encode(`${HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView activeTab="${active}" firstSheet="${active}"/></bookViews><sheets>${sheets}</sheets></workbook>`);
  const n = grids.length;
  const rels = grids.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  files['xl/_rels/workbook.xml.rels'] = enc.encode(
    `${HEAD}<Relationships xmlns="${PKG_REL_NS}">${rels}<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  files['xl/styles.xml'] = enc.encode(
    `${HEAD}<styleSheet xmlns="${MAIN_NS}"><fonts count="1"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf></cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
  );
  const si = strings.map((text) => `<si><t${/^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : ''}>${escapeXml(text)}</t></si>`).join('');
  files['xl/sharedStrings.xml'] = enc.encode(`${HEAD}<sst xmlns="${MAIN_NS}" count="${strings.length}" uniqueCount="${strings.length}">${si}</sst>`);
  const overrides = grids.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`).join('');
  files['[Content_Types].xml'] = enc.encode(
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>${overrides}<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/></Types>`,
  );
  files['_rels/.rels'] = enc.encode(`${HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  return zipSync(files, { level: 6 });
}

/** An .xlsx package's bytes as they are, or (for .xls, .et, .ods) an .xlsx built from what was read. */
export interface XlsxPackage {
  bytes: Uint8Array;
  /** True when the file was not an .xlsx and `bytes` were built from its grids. */
  converted: boolean;
}

/** The workbook as an .xlsx package to copy and edit; reads (and throws) as readWorkbookGrids does. */
export function asXlsxPackage(data: Uint8Array | ArrayBuffer, limits: Partial<ReadLimits> = {}): XlsxPackage {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (isZip(bytes) && !isOdsPackage(OoxmlPackage.open(bytes, limits))) return { bytes, converted: false };
  return { bytes: gridsToXlsx(readWorkbookGrids(bytes, limits)), converted: true };
}

/**
 * What the user is told of a converted copy, e.g. `原文件为 .xls，标记副本另存为 .xlsx（只保留单元格的值和合并区域）`;
 * `copy` names the copy (标记副本, 修正后的副本).
 */
export function convertedNote(fileName: string, copy: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot).toLowerCase() : '';
  const original = ext === '' || ext === '.xlsx' ? '原文件不是 .xlsx 格式' : `原文件为 ${ext}`;
  return `${original}，${copy}另存为 .xlsx（只保留单元格的值和合并区域）`;
}
