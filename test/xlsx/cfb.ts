// A minimal Compound File Binary (MS-CFB v3) writer: the container an encrypted .xlsx (and an old .xls)
// is stored in. Enough to give loadWorkbook the real first bytes and directory of such a file.
const SECTOR = 512;
const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;
const NO_STREAM = 0xffffffff;

export interface CfbStream {
  name: string;
  data: Uint8Array;
}

/** Streams must be ≥ 4096 bytes (so they live in regular sectors, not the mini stream); at most 3. */
export function buildCfb(streams: CfbStream[]): Uint8Array {
  const sectorsOf = (s: CfbStream) => Math.ceil(s.data.length / SECTOR);
  const dataSectors = streams.reduce((n, s) => n + sectorsOf(s), 0);
  const total = 2 + dataSectors;
  const out = new Uint8Array(SECTOR * (1 + total));
  const view = new DataView(out.buffer);
  // Header.
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => (out[i] = b));
  view.setUint16(0x18, 0x003e, true);
  view.setUint16(0x1a, 0x0003, true);
  view.setUint16(0x1c, 0xfffe, true);
  view.setUint16(0x1e, 9, true);
  view.setUint16(0x20, 6, true);
  view.setUint32(0x2c, 1, true);
  view.setUint32(0x30, 1, true);
  view.setUint32(0x38, 4096, true);
  view.setUint32(0x3c, END_OF_CHAIN, true);
  view.setUint32(0x44, END_OF_CHAIN, true);
  view.setUint32(0x4c, 0, true);
  for (let i = 1; i < 109; i++) view.setUint32(0x4c + i * 4, FREE, true);
  const sectorOffset = (n: number) => SECTOR * (n + 1);
  // FAT (sector 0): itself, the directory (sector 1), then each stream's chain.
  const fat = new Array<number>(SECTOR / 4).fill(FREE);
  fat[0] = FAT_SECTOR;
  fat[1] = END_OF_CHAIN;
  let next = 2;
  const starts: number[] = [];
  for (const stream of streams) {
    starts.push(next);
    const count = sectorsOf(stream);
    for (let i = 0; i < count; i++) fat[next + i] = i === count - 1 ? END_OF_CHAIN : next + i + 1;
    out.set(stream.data, sectorOffset(next));
    next += count;
  }
  fat.forEach((entry, i) => view.setUint32(sectorOffset(0) + i * 4, entry, true));
  // Directory (sector 1): root, then the streams chained as right siblings.
  const entry = (index: number, name: string, type: number, child: number, right: number, start: number, size: number) => {
    const base = sectorOffset(1) + index * 128;
    [...name].forEach((ch, i) => view.setUint16(base + i * 2, ch.charCodeAt(0), true));
    view.setUint16(base + 0x40, (name.length + 1) * 2, true);
    out[base + 0x42] = type;
    out[base + 0x43] = 1;
    view.setUint32(base + 0x44, NO_STREAM, true);
    view.setUint32(base + 0x48, right, true);
    view.setUint32(base + 0x4c, child, true);
    view.setUint32(base + 0x74, start, true);
    view.setUint32(base + 0x78, size, true);
  };
  entry(0, 'Root Entry', 5, streams.length ? 1 : NO_STREAM, NO_STREAM, END_OF_CHAIN, 0);
  streams.forEach((stream, i) => entry(i + 1, stream.name, 2, NO_STREAM, i + 1 < streams.length ? i + 2 : NO_STREAM, starts[i], stream.data.length));
  for (let i = streams.length + 1; i < 4; i++) {
    const base = sectorOffset(1) + i * 128;
    view.setUint32(base + 0x44, NO_STREAM, true);
    view.setUint32(base + 0x48, NO_STREAM, true);
    view.setUint32(base + 0x4c, NO_STREAM, true);
  }
  return out;
}

/** An agile-encrypted .xlsx as Excel stores it: EncryptionInfo (version 4.4 + XML) and EncryptedPackage. */
export function encryptedXlsx(): Uint8Array {
  const info = new Uint8Array(4096);
  info.set([0x04, 0x00, 0x04, 0x00, 0x40, 0x00, 0x00, 0x00]);
  info.set(new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>'), 8);
  const pkg = new Uint8Array(4096);
  for (let i = 8; i < pkg.length; i++) pkg[i] = (i * 131) & 0xff;
  return buildCfb([
    { name: 'EncryptionInfo', data: info },
    { name: 'EncryptedPackage', data: pkg },
  ]);
}
