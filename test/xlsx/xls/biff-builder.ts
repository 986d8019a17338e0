// Hand-built BIFF8 workbooks for the cases no writer here produces on demand (chart and dialog sheets,
// FILEPASS, phonetic data in the SST, lying counts). Records laid out as MS-XLS describes them.
import { buildCfb } from '../cfb';

export function record(type: number, body: ArrayLike<number> = []): number[] {
  return [type & 0xff, type >> 8, body.length & 0xff, body.length >> 8, ...Array.from(body)];
}

export const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
export const u32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];

export function f64(n: number): number[] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, n, true);
  return Array.from(new Uint8Array(view.buffer));
}

/** Characters as UTF-16LE (wide) or one byte each (compressed). */
export function chars(text: string, wide: boolean): number[] {
  return [...text].flatMap((ch) => (wide ? u16(ch.charCodeAt(0)) : [ch.charCodeAt(0)]));
}

/** XLUnicodeString: 16-bit count, flags, characters. */
export function xlString(text: string, wide = [...text].some((ch) => ch.charCodeAt(0) > 0xff)): number[] {
  return [...u16(text.length), wide ? 1 : 0, ...chars(text, wide)];
}

export const bof = (dt: number, version = 0x0600) => record(0x0809, [...u16(version), ...u16(dt), ...u16(0), ...u16(0), ...u32(0), ...u32(0)]);
export const eof = () => record(0x000a);
export const xf = (format: number) => record(0x00e0, [...u16(0), ...u16(format), ...new Array<number>(16).fill(0)]);
export const format = (id: number, code: string) => record(0x041e, [...u16(id), ...xlString(code)]);
export const number = (row: number, col: number, xfIndex: number, value: number) => record(0x0203, [...u16(row), ...u16(col), ...u16(xfIndex), ...f64(value)]);
export const labelSst = (row: number, col: number, index: number) => record(0x00fd, [...u16(row), ...u16(col), ...u16(0), ...u32(index)]);
export const label = (row: number, col: number, text: string) => record(0x0204, [...u16(row), ...u16(col), ...u16(0), ...xlString(text)]);
export const mergedCells = (...areas: Array<[number, number, number, number]>) =>
  record(0x00e5, [...u16(areas.length), ...areas.flatMap(([r1, r2, c1, c2]) => [...u16(r1), ...u16(r2), ...u16(c1), ...u16(c2)])]);

export interface SheetSpec {
  name: string;
  /** BOUNDSHEET8 dt (0 worksheet, 2 chart …) and the substream's BOF dt (0x10 worksheet, 0x20 chart). */
  kind?: number;
  bofType?: number;
  hidden?: number;
  records: number[][];
}

/** A Workbook stream: globals (the given records between BOF and the sheet list), then each sheet. */
export function workbookStream(globals: number[][], sheets: SheetSpec[]): Uint8Array {
  const head = [bof(0x0005), ...globals].flat();
  const boundSheet = (sheet: SheetSpec, offset: number) =>
    record(0x0085, [...u32(offset), sheet.hidden ?? 0, sheet.kind ?? 0, sheet.name.length, 1, ...chars(sheet.name, true)]);
  const listBytes = sheets.reduce((n, s) => n + boundSheet(s, 0).length, 0);
  let offset = head.length + listBytes + 4;
  const bodies = sheets.map((sheet) => [bof(sheet.bofType ?? 0x0010), ...sheet.records, eof()].flat());
  const list = sheets.map((sheet, i) => {
    const entry = boundSheet(sheet, offset);
    offset += bodies[i].length;
    return entry;
  });
  const bytes = [...head, ...list.flat(), ...eof(), ...bodies.flat()];
  // buildCfb wants streams of at least 4096 bytes; what follows the last EOF is never read.
  const out = new Uint8Array(Math.max(4096, bytes.length));
  out.set(bytes);
  return out;
}

export function xlsFile(globals: number[][], sheets: SheetSpec[]): Uint8Array {
  return buildCfb([{ name: 'Workbook', data: workbookStream(globals, sheets) }]);
}
