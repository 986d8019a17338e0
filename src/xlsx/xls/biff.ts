// BIFF8 records (MS-XLS): the workbook globals (date system, formats, XF, shared strings, sheet list) and
// each worksheet's cells and merged areas. Every record is checked to lie inside the stream.
import { corrupt, WorkbookReadError } from '../errors';
import { ContinuedReader } from './strings';

export const RT = {
  EOF: 0x000a,
  FORMULA: 0x0006,
  NOTE: 0x001c,
  DATEMODE: 0x0022,
  FILEPASS: 0x002f,
  CONTINUE: 0x003c,
  OBJ: 0x005d,
  WSBOOL: 0x0081,
  BOUNDSHEET8: 0x0085,
  MULRK: 0x00bd,
  RSTRING: 0x00d6,
  XF: 0x00e0,
  MERGEDCELLS: 0x00e5,
  SST: 0x00fc,
  LABELSST: 0x00fd,
  NUMBER: 0x0203,
  LABEL: 0x0204,
  BOOLERR: 0x0205,
  STRING: 0x0207,
  RK: 0x027e,
  TXO: 0x01b6,
  FORMAT: 0x041e,
  BOF: 0x0809,
} as const;

const BIFF8 = 0x0600;
const BOF_GLOBALS = 0x0005;
const BOF_WORKSHEET = 0x0010;
/** Columns of a BIFF8 sheet: A to IV. */
export const MAX_COLUMNS = 256;

const ERRORS: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

export function errorText(code: number): string {
  return ERRORS[code] ?? '#VALUE!';
}

/** One record: its type and where its body lies in the stream. */
export interface BiffRecord {
  type: number;
  start: number;
  end: number;
}

/** Walks the records of a stream from `from`; `visit` returns false to stop. */
export function walkRecords(data: Uint8Array, from: number, visit: (record: BiffRecord, next: number) => boolean | void): void {
  let at = from;
  while (at + 4 <= data.length) {
    const type = data[at] | (data[at + 1] << 8);
    const size = data[at + 2] | (data[at + 3] << 8);
    const start = at + 4;
    const end = start + size;
    if (end > data.length) throw corrupt(`记录 0x${type.toString(16)} 超出工作簿流（文件被截断）`);
    if (visit({ type, start, end }, end) === false) return;
    at = end;
  }
  throw corrupt('工作簿流在结束记录（EOF）之前就结束了（文件被截断）');
}

/** The record's body followed by the bodies of the CONTINUE records right after it. */
export function withContinues(data: Uint8Array, record: BiffRecord, skipBytes = 0): Array<[number, number]> {
  const segments: Array<[number, number]> = [[record.start + skipBytes, record.end]];
  let at = record.end;
  while (at + 4 <= data.length && (data[at] | (data[at + 1] << 8)) === RT.CONTINUE) {
    const end = at + 4 + (data[at + 2] | (data[at + 3] << 8));
    if (end > data.length) throw corrupt('CONTINUE 记录超出工作簿流（文件被截断）');
    segments.push([at + 4, end]);
    at = end;
  }
  return segments;
}

export function u16(data: Uint8Array, at: number): number {
  return data[at] | (data[at + 1] << 8);
}

export function u32(data: Uint8Array, at: number): number {
  return (data[at] | (data[at + 1] << 8) | (data[at + 2] << 16) | (data[at + 3] << 24)) >>> 0;
}

function need(record: BiffRecord, bytes: number, what: string): void {
  if (record.end - record.start < bytes) throw corrupt(`${what}记录太短`);
}

export interface SheetEntry {
  name: string;
  /** Offset of the sheet's BOF record in the stream. */
  offset: number;
  /** BOUNDSHEET8 hsState: 0 visible, 1 hidden, 2 very hidden (only VBA can show it). */
  visibility: number;
  /** BOUNDSHEET8 dt: 0 worksheet (or dialog), 1 macro, 2 chart, 6 VBA module. */
  kind: number;
}

export interface Globals {
  date1904: boolean;
  /** Format id of each XF, by XF index. */
  xfFormat: number[];
  formats: Map<number, string>;
  sst: string[];
  sheets: SheetEntry[];
}

/** The workbook globals substream at the start of the Workbook stream. */
export function readGlobals(data: Uint8Array): Globals {
  if (data.length < 8 || u16(data, 0) !== RT.BOF) throw corrupt('工作簿流不以 BOF 记录开头');
  const version = u16(data, 4);
  if (version !== BIFF8 || u16(data, 6) !== BOF_GLOBALS) {
    throw new WorkbookReadError('这是 Excel 5.0/95 或更早版本的文件，无法读取；请在 Excel 中另存为 .xlsx 或 .xls（97-2003）。', 'legacy-xls');
  }
  const globals: Globals = { date1904: false, xfFormat: [], formats: new Map(), sst: [], sheets: [] };
  let first = true;
  walkRecords(data, 0, (record) => {
    if (first) {
      first = false;
      return;
    }
    const { type, start } = record;
    switch (type) {
      case RT.FILEPASS:
        throw new WorkbookReadError('文件已加密（设有打开密码），无法读取；请在 Excel 中取消密码后另存为 .xlsx。', 'encrypted');
      case RT.DATEMODE:
        need(record, 2, 'DATEMODE');
        globals.date1904 = u16(data, start) === 1;
        break;
      case RT.FORMAT: {
        need(record, 5, 'FORMAT');
        const reader = new ContinuedReader(data, [[start + 2, record.end]], 'FORMAT 记录');
        globals.formats.set(u16(data, start), reader.string());
        break;
      }
      case RT.XF:
        need(record, 4, 'XF');
        globals.xfFormat.push(u16(data, start + 2));
        break;
      case RT.SST:
        need(record, 8, 'SST');
        globals.sst = readSst(data, record);
        break;
      case RT.BOUNDSHEET8: {
        need(record, 8, 'BOUNDSHEET8');
        const reader = new ContinuedReader(data, [[start + 6, record.end]], '工作表名称');
        globals.sheets.push({ offset: u32(data, start), visibility: data[start + 4] & 0x03, kind: data[start + 5], name: reader.string(true) });
        break;
      }
      case RT.EOF:
        return false;
    }
  });
  return globals;
}

/**
 * The shared string table. Its declared count is never trusted for an allocation: strings are read
 * while there are bytes, and a cell pointing past them is an error when the cell is read.
 */
function readSst(data: Uint8Array, record: BiffRecord): string[] {
  const declared = u32(data, record.start + 4);
  const reader = new ContinuedReader(data, withContinues(data, record, 8), '共享字符串表');
  const strings: string[] = [];
  while (strings.length < declared && !reader.atEnd()) strings.push(reader.richString());
  return strings;
}

export interface CellSink {
  /** A number with the cell's XF index, for its format. */
  number(row: number, col: number, value: number, xf: number): void;
  value(row: number, col: number, value: string | boolean): void;
  merge(r1: number, c1: number, r2: number, c2: number): void;
  /** A cell's note (comment): its author and text, as the .xlsx reader keeps them. */
  note(row: number, col: number, author: string, text: string): void;
}

/** FtCmo.ot of a comment's object (MS-XLS 2.5.142). */
const OT_COMMENT = 0x19;

const RK_SCRATCH = new DataView(new ArrayBuffer(8));

/** RK: a 30-bit integer or the top 30 bits of a double, maybe ×100 (MS-XLS 2.5.217). */
export function rkNumber(rk: number): number {
  let value: number;
  if (rk & 0x02) value = rk >> 2;
  else {
    RK_SCRATCH.setUint32(4, rk & 0xfffffffc, true);
    value = RK_SCRATCH.getFloat64(0, true);
  }
  return rk & 0x01 ? value / 100 : value;
}

/**
 * A worksheet substream from its BOF: cells go to `sink`. Returns false for a dialog sheet (which has a
 * worksheet's BOF), whose cells the caller drops.
 */
export function readSheetRecords(data: Uint8Array, offset: number, sst: readonly string[], sink: CellSink): boolean {
  if (offset + 8 > data.length || u16(data, offset) !== RT.BOF) throw corrupt(`工作表的起始位置 ${offset} 处没有 BOF 记录`);
  // The sheet list said worksheet: another substream there means the list is wrong, not a sheet to skip.
  if (u16(data, offset + 6) !== BOF_WORKSHEET) throw corrupt(`工作表的起始位置 ${offset} 处不是工作表`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let depth = 0;
  let dialog = false;
  // A FORMULA whose cached result is a string: the string comes in the next STRING record.
  let pending: { row: number; col: number } | null = null;
  // A comment is an OBJ (its id), then a TXO whose CONTINUE records hold the text, and at the end of the
  // sheet a NOTE naming the cell, the author and the OBJ's id (MS-XLS 2.4.179, 2.4.181, 2.4.329).
  let commentObject: number | null = null;
  const commentTexts = new Map<number, string>();
  const cell = (record: BiffRecord, bytes: number, what: string) => {
    need(record, bytes, what);
    const col = u16(data, record.start + 2);
    if (col >= MAX_COLUMNS) throw corrupt(`${what}记录的列号 ${col} 超出 IV 列`);
    return { row: u16(data, record.start), col, xf: u16(data, record.start + 4) };
  };
  walkRecords(data, offset, (record) => {
    const { type, start, end } = record;
    if (type === RT.BOF) {
      depth++;
      return;
    }
    if (type === RT.EOF) {
      depth--;
      return depth > 0;
    }
    // Records of an embedded chart's substream are not the sheet's.
    if (depth !== 1) return;
    switch (type) {
      case RT.NUMBER: {
        const { row, col, xf } = cell(record, 14, 'NUMBER');
        sink.number(row, col, view.getFloat64(start + 6, true), xf);
        break;
      }
      case RT.RK: {
        const { row, col, xf } = cell(record, 10, 'RK');
        sink.number(row, col, rkNumber(u32(data, start + 6)), xf);
        break;
      }
      case RT.MULRK: {
        const { row, col } = cell(record, 6, 'MULRK');
        const count = (end - start - 6) / 6;
        if (!Number.isInteger(count) || col + count > MAX_COLUMNS) throw corrupt('MULRK 记录长度或列号不符');
        for (let i = 0; i < count; i++) {
          const at = start + 4 + i * 6;
          sink.number(row, col + i, rkNumber(u32(data, at + 2)), u16(data, at));
        }
        break;
      }
      case RT.LABELSST: {
        const { row, col } = cell(record, 10, 'LABELSST');
        const index = u32(data, start + 6);
        if (index >= sst.length) throw corrupt(`单元格引用了第 ${index + 1} 个共享字符串，共享字符串表只有 ${sst.length} 个`);
        sink.value(row, col, sst[index]);
        break;
      }
      case RT.LABEL:
      case RT.RSTRING: {
        const { row, col } = cell(record, 9, 'LABEL');
        sink.value(row, col, new ContinuedReader(data, [[start + 6, end]], 'LABEL 记录').string());
        break;
      }
      case RT.BOOLERR: {
        const { row, col } = cell(record, 8, 'BOOLERR');
        const raw = data[start + 6];
        sink.value(row, col, data[start + 7] ? errorText(raw) : raw !== 0);
        break;
      }
      case RT.FORMULA: {
        const { row, col, xf } = cell(record, 20, 'FORMULA');
        pending = null;
        if (u16(data, start + 12) !== 0xffff) {
          sink.number(row, col, view.getFloat64(start + 6, true), xf);
          break;
        }
        const kind = data[start + 6];
        if (kind === 0) pending = { row, col };
        else if (kind === 1) sink.value(row, col, data[start + 8] !== 0);
        else if (kind === 2) sink.value(row, col, errorText(data[start + 8]));
        // kind 3: an empty string, shown as nothing.
        break;
      }
      case RT.STRING: {
        if (!pending) break;
        const text = new ContinuedReader(data, withContinues(data, record), 'STRING 记录').string();
        if (text !== '') sink.value(pending.row, pending.col, text);
        pending = null;
        break;
      }
      case RT.MERGEDCELLS: {
        need(record, 2, 'MERGEDCELLS');
        const count = u16(data, start);
        if (start + 2 + count * 8 > end) throw corrupt('MERGEDCELLS 记录声明的合并区域数超出记录');
        for (let i = 0; i < count; i++) {
          const at = start + 2 + i * 8;
          const r1 = u16(data, at);
          const r2 = u16(data, at + 2);
          const c1 = u16(data, at + 4);
          const c2 = u16(data, at + 6);
          if (r1 > r2 || c1 > c2 || c2 >= MAX_COLUMNS) throw corrupt(`合并区域 ${r1},${c1}–${r2},${c2} 不成立`);
          sink.merge(r1, c1, r2, c2);
        }
        break;
      }
      case RT.OBJ:
        // The first subrecord is FtCmo: ft, cb, ot, id.
        need(record, 8, 'OBJ');
        commentObject = u16(data, start + 4) === OT_COMMENT ? u16(data, start + 6) : null;
        break;
      case RT.TXO: {
        need(record, 14, 'TXO');
        if (commentObject === null) break;
        const cch = u16(data, start + 10);
        let text = '';
        if (cch > 0) {
          // The characters start in the first CONTINUE with their own flags byte (XLUnicodeStringNoCch).
          const reader = new ContinuedReader(data, withContinues(data, record).slice(1), '批注文字');
          text = reader.chars(cch, (reader.byte() & 0x01) !== 0);
        }
        commentTexts.set(commentObject, text);
        commentObject = null;
        break;
      }
      case RT.NOTE: {
        const { row, col } = cell(record, 11, 'NOTE');
        const author = new ContinuedReader(data, [[start + 8, end]], '批注作者').string();
        // A NOTE without its text box is still a comment on that cell: kept with no text.
        sink.note(row, col, author, commentTexts.get(u16(data, start + 6)) ?? '');
        break;
      }
      case RT.WSBOOL:
        // fDialog: a dialog sheet has a worksheet's BOF.
        if (end > start) dialog = (data[start] & 0x10) !== 0;
        break;
    }
  });
  return !dialog;
}
