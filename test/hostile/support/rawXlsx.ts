// Writes .xlsx files straight from XML with node:zlib, as a hostile sender could: a cell at XFD1048576, a
// merge over a million rows, 200k rows, a zip bomb. Small on disk and fast to make, unlike going through
// exceljs; the parts are the minimum Excel itself opens (inline strings, no styles).
import { constants, crc32, deflateRawSync } from 'node:zlib';
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
  /** Rows already as XML, after those of `cells` (fast for 200k rows). */
  rows?: Iterable<string>;
  /** Extra bytes of XML inside <sheetData>, e.g. a huge run of empty rows (a bomb part). */
  padding?: { text: string; times: number };
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

export function cellXml({ address, value }: RawCell): string {
  return typeof value === 'number'
    ? `<c r="${address}"><v>${value}</v></c>`
    : `<c r="${address}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

/** The worksheet XML in pieces: cells grouped into rows in row order, as Excel writes them. */
function* sheetXml(sheet: RawSheet): Generator<string> {
  const rows = new Map<number, { col: number; xml: string }[]>();
  for (const cell of sheet.cells) {
    const { row, col } = fromA1(cell.address);
    const entry = { col, xml: cellXml(cell) };
    const list = rows.get(row);
    if (list) list.push(entry);
    else rows.set(row, [entry]);
  }
  yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  for (const row of [...rows.keys()].sort((a, b) => a - b)) {
    const cells = (rows.get(row) ?? []).sort((a, b) => a.col - b.col);
    yield `<row r="${row + 1}">${cells.map((c) => c.xml).join('')}</row>`;
  }
  if (sheet.rows) yield* sheet.rows;
  // A bomb's padding goes out a piece at a time: hundreds of MB inflated, never held in memory.
  if (sheet.padding) {
    // Whole batches (see ZipWriter) of the same text, so each is deflated once.
    const per = Math.ceil((1 << 20) / sheet.padding.text.length);
    const piece = sheet.padding.text.repeat(per);
    for (let done = 0; done < sheet.padding.times; done += per) {
      yield done + per <= sheet.padding.times ? piece : sheet.padding.text.repeat(sheet.padding.times - done);
    }
  }
  yield '</sheetData>';
  if (sheet.merges && sheet.merges.length > 0) {
    yield `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`;
  }
  yield '</worksheet>';
}

/** A complete .xlsx of the given sheets, deflated as it is written. */
export function rawXlsx(sheets: RawSheet[]): Uint8Array {
  const ns = 'http://schemas.openxmlformats.org/';
  const parts: [string, Iterable<string>][] = [
    [
      '[Content_Types].xml',
      [
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${ns}package/2006/content-types">` +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
          '</Types>',
      ],
    ],
    [
      '_rels/.rels',
      [
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${ns}package/2006/relationships">` +
          `<Relationship Id="rId1" Type="${ns}officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ],
    ],
    [
      'xl/workbook.xml',
      [
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${ns}spreadsheetml/2006/main" xmlns:r="${ns}officeDocument/2006/relationships"><sheets>` +
          sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
          '</sheets></workbook>',
      ],
    ],
    [
      'xl/_rels/workbook.xml.rels',
      [
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${ns}package/2006/relationships">` +
          sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${ns}officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
          '</Relationships>',
      ],
    ],
    ...sheets.map((sheet, i): [string, Iterable<string>] => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(sheet)]),
  ];
  const zip = new ZipWriter();
  for (const [name, pieces] of parts) zip.add(name, pieces);
  return zip.finish();
}

/**
 * A minimal zip writer over node:zlib: each entry deflated a ~1 MB batch at a time (sync-flushed raw
 * deflate segments concatenate into one valid stream), and a batch repeated is compressed only once,
 * so a 1 GB bomb part costs one CRC pass, not 1 GB of deflating.
 */
class ZipWriter {
  private readonly chunks: Buffer[] = [];
  private readonly central: Buffer[] = [];
  private offset = 0;

  add(name: string, pieces: Iterable<string>): void {
    const data: Buffer[] = [];
    let crc = 0;
    let size = 0;
    let batch: string[] = [];
    let batchLength = 0;
    let last: { text: string; deflated: Buffer } | null = null;
    const flush = (): void => {
      const text = batch.join('');
      batch = [];
      batchLength = 0;
      const raw = Buffer.from(text, 'utf8');
      crc = crc32(raw, crc);
      size += raw.length;
      if (last?.text !== text) last = { text, deflated: deflateRawSync(raw, { level: 1, finishFlush: constants.Z_SYNC_FLUSH }) };
      data.push(last.deflated);
    };
    for (const piece of pieces) {
      batch.push(piece);
      batchLength += piece.length;
      if (batchLength >= 1 << 20) flush();
    }
    if (batchLength > 0) flush();
    data.push(deflateRawSync(Buffer.alloc(0)));
    const compressed = data.reduce((n, d) => n + d.length, 0);
    const nameBytes = Buffer.from(name, 'utf8');
    const header = (signature: number, central: boolean): Buffer => {
      const b = Buffer.alloc(central ? 46 : 30);
      let o = 0;
      o = b.writeUInt32LE(signature, o);
      if (central) o = b.writeUInt16LE(20, o);
      o = b.writeUInt16LE(20, o); // version needed
      o = b.writeUInt16LE(0x0800, o); // UTF-8 names
      o = b.writeUInt16LE(8, o); // deflate
      o = b.writeUInt32LE(0, o); // time, date
      o = b.writeUInt32LE(crc >>> 0, o);
      o = b.writeUInt32LE(compressed, o);
      o = b.writeUInt32LE(size, o);
      o = b.writeUInt16LE(nameBytes.length, o);
      o = b.writeUInt16LE(0, o);
      if (central) {
        o = b.writeUInt16LE(0, o); // comment
        o = b.writeUInt16LE(0, o); // disk
        o = b.writeUInt16LE(0, o); // internal attributes
        o = b.writeUInt32LE(0, o); // external attributes
        b.writeUInt32LE(this.offset, o);
      }
      return b;
    };
    this.central.push(header(0x02014b50, true), nameBytes);
    const local = header(0x04034b50, false);
    this.chunks.push(local, nameBytes, ...data);
    this.offset += local.length + nameBytes.length + compressed;
  }

  finish(): Uint8Array {
    const central = Buffer.concat(this.central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.central.length / 2, 8);
    end.writeUInt16LE(this.central.length / 2, 10);
    end.writeUInt32LE(central.length, 12);
    end.writeUInt32LE(this.offset, 16);
    return new Uint8Array(Buffer.concat([...this.chunks, central, end]));
  }
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
