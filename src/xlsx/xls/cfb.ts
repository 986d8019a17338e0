// Compound File Binary (MS-CFB) reader: the container of .xls and WPS .et files. Only what reading a
// workbook needs (the top-level streams), and bounded: every chain is checked for loops and sectors
// past the file, every declared size against the file, before anything is allocated.
import { corrupt } from '../errors';

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const HEADER_BYTES = 512;
const DIR_ENTRY_BYTES = 128;
/** Sector numbers above this are markers (free, end of chain, FAT, DIFAT), never sectors. */
const MAX_REGULAR_SECTOR = 0xfffffffa;
const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;
const NO_STREAM = 0xffffffff;
const TYPE_STORAGE = 1;
const TYPE_STREAM = 2;
const TYPE_ROOT = 5;

/** Worded as the .xlsx reader words it (the technical detail kept for whoever reports the problem). */
interface DirEntry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

export interface CfbFile {
  /** Names of the streams directly under the root storage. */
  readonly streamNames: string[];
  /** A top-level stream's bytes (name compared case-insensitively, as MS-CFB says), or null. */
  stream(name: string): Uint8Array | null;
}

export function isCfb(bytes: Uint8Array): boolean {
  return bytes.length >= SIGNATURE.length && SIGNATURE.every((b, i) => bytes[i] === b);
}

export function readCfb(bytes: Uint8Array): CfbFile {
  if (!isCfb(bytes)) throw corrupt('不是复合文档（CFB）');
  if (bytes.length < HEADER_BYTES) throw corrupt('文件被截断，文件头不完整');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);

  const major = u16(0x1a);
  const sectorShift = u16(0x1e);
  const miniShift = u16(0x20);
  if (u16(0x1c) !== 0xfffe) throw corrupt('复合文档字节序标记错误');
  if (!((major === 3 && sectorShift === 9) || (major === 4 && sectorShift === 12))) {
    throw corrupt(`复合文档版本 ${major}、扇区大小 2^${sectorShift} 不受支持`);
  }
  if (miniShift !== 6) throw corrupt(`迷你扇区大小 2^${miniShift} 不符合规范`);
  const sectorSize = 1 << sectorShift;
  const miniSize = 1 << miniShift;
  // Sectors the file can hold (the last one may be short: some writers do not pad it).
  const sectorCount = Math.ceil((bytes.length - sectorSize) / sectorSize);
  const entriesPerSector = sectorSize / 4;

  const sectorOffset = (sector: number, what: string): number => {
    if (sector > MAX_REGULAR_SECTOR || sector >= sectorCount) throw corrupt(`${what}指向文件之外的扇区 ${sector}`);
    return (sector + 1) * sectorSize;
  };

  // FAT sector numbers: 109 in the header, then the DIFAT chain.
  const fatSectorCount = u32(0x2c);
  if (fatSectorCount > sectorCount) throw corrupt(`声明了 ${fatSectorCount} 个分配表扇区，文件只有 ${sectorCount} 个扇区`);
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < fatSectorCount; i++) fatSectors.push(u32(0x4c + i * 4));
  let difat = u32(0x44);
  // Its declared length (0x48) is not needed: distinct in-range sectors bound the walk.
  const seenDifat = new Set<number>();
  while (fatSectors.length < fatSectorCount) {
    if (difat === END_OF_CHAIN || difat === FREE_SECTOR) throw corrupt('分配表扇区列表（DIFAT）不完整');
    if (seenDifat.has(difat)) throw corrupt('分配表扇区列表（DIFAT）形成循环');
    seenDifat.add(difat);
    const base = sectorOffset(difat, 'DIFAT ');
    for (let i = 0; i < entriesPerSector - 1 && fatSectors.length < fatSectorCount; i++) {
      fatSectors.push(readU32(bytes, view, base + i * 4));
    }
    difat = readU32(bytes, view, base + (entriesPerSector - 1) * 4);
  }
  const fat = new Uint32Array(fatSectorCount * entriesPerSector).fill(FREE_SECTOR);
  fatSectors.forEach((sector, i) => {
    const base = sectorOffset(sector, '分配表');
    const available = Math.min(entriesPerSector, Math.floor((bytes.length - base) / 4));
    for (let j = 0; j < available; j++) fat[i * entriesPerSector + j] = view.getUint32(base + j * 4, true);
  });

  /** A chain's sector numbers, from the FAT; loops and sectors past the file are errors. */
  const chain = (start: number, table: Uint32Array, limit: number, what: string): number[] => {
    const sectors: number[] = [];
    const seen = new Uint8Array(Math.min(limit, table.length));
    for (let s = start; s !== END_OF_CHAIN; s = table[s]) {
      if (s >= seen.length) throw corrupt(`${what}的扇区链指向不存在的扇区 ${s}`);
      if (seen[s]) throw corrupt(`${what}的扇区链形成循环`);
      seen[s] = 1;
      sectors.push(s);
    }
    return sectors;
  };

  /** Copies `size` bytes along a chain of sectors of `unit` bytes found by `offsetOf`. */
  const gather = (sectors: number[], unit: number, size: number, source: Uint8Array, offsetOf: (s: number) => number, what: string) => {
    if (size > sectors.length * unit) throw corrupt(`${what}声明 ${size} 字节，扇区链只够 ${sectors.length * unit} 字节`);
    const out = new Uint8Array(size);
    for (let i = 0, done = 0; done < size; ) {
      // Writers lay most chains out in order: copy each run of consecutive sectors at once.
      let run = 1;
      while (i + run < sectors.length && sectors[i + run] === sectors[i] + run && done + run * unit < size) run++;
      const from = offsetOf(sectors[i]);
      const take = Math.min(run * unit, size - done);
      if (from + take > source.length) throw corrupt(`文件被截断（${what}缺少数据）`);
      out.set(source.subarray(from, from + take), done);
      done += take;
      i += run;
    }
    return out;
  };

  const regular = (start: number, size: number, what: string): Uint8Array => {
    if (size > bytes.length) throw corrupt(`${what}声明 ${size} 字节，超过文件本身 ${bytes.length} 字节`);
    const sectors = chain(start, fat, sectorCount, what);
    return gather(sectors, sectorSize, size, bytes, (s) => sectorOffset(s, what), what);
  };

  // Directory.
  const dirSectors = chain(u32(0x30), fat, sectorCount, '目录');
  const dirBytes = gather(dirSectors, sectorSize, dirSectors.length * sectorSize, bytes, (s) => sectorOffset(s, '目录'), '目录');
  const dirView = new DataView(dirBytes.buffer);
  const entries: DirEntry[] = [];
  for (let at = 0; at + DIR_ENTRY_BYTES <= dirBytes.length; at += DIR_ENTRY_BYTES) {
    const nameBytes = Math.min(dirView.getUint16(at + 0x40, true), 64);
    let name = '';
    for (let i = 0; i + 2 < nameBytes; i += 2) name += String.fromCharCode(dirView.getUint16(at + i, true));
    entries.push({
      name,
      type: dirBytes[at + 0x42],
      left: dirView.getUint32(at + 0x44, true),
      right: dirView.getUint32(at + 0x48, true),
      child: dirView.getUint32(at + 0x4c, true),
      start: dirView.getUint32(at + 0x74, true),
      // Version 3 files may leave garbage in the high half; streams of a 4 GB file are out of reach anyway.
      size: major === 3 ? dirView.getUint32(at + 0x78, true) : dirView.getUint32(at + 0x78, true) + dirView.getUint32(at + 0x7c, true) * 2 ** 32,
    });
  }
  const root = entries[0];
  if (!root || root.type !== TYPE_ROOT) throw corrupt('复合文档没有根目录');

  // The root's children: a red-black tree walked with a stack; every entry visited once at most.
  const top: DirEntry[] = [];
  const visited = new Set<number>();
  const stack = [root.child];
  while (stack.length) {
    const id = stack.pop() as number;
    if (id === NO_STREAM) continue;
    if (id >= entries.length) throw corrupt(`目录项编号 ${id} 超出目录`);
    if (visited.has(id)) throw corrupt('目录树形成循环');
    visited.add(id);
    const entry = entries[id];
    if (entry.type === TYPE_STREAM || entry.type === TYPE_STORAGE) top.push(entry);
    stack.push(entry.left, entry.right);
  }

  const cutoff = u32(0x38);
  let mini: { fat: Uint32Array; stream: Uint8Array } | null = null;
  const miniStreams = () => {
    if (mini) return mini;
    const miniFatSectors = chain(u32(0x3c), fat, sectorCount, '迷你分配表');
    const miniFatBytes = regular(u32(0x3c), miniFatSectors.length * sectorSize, '迷你分配表');
    const miniFat = new Uint32Array(miniFatBytes.length / 4);
    const mv = new DataView(miniFatBytes.buffer);
    for (let i = 0; i < miniFat.length; i++) miniFat[i] = mv.getUint32(i * 4, true);
    mini = { fat: miniFat, stream: regular(root.start, root.size, '迷你流') };
    return mini;
  };

  return {
    streamNames: top.filter((e) => e.type === TYPE_STREAM).map((e) => e.name),
    stream(name: string): Uint8Array | null {
      const entry = top.find((e) => e.type === TYPE_STREAM && e.name.toLowerCase() === name.toLowerCase());
      if (!entry) return null;
      const what = `流「${entry.name}」`;
      if (entry.size >= cutoff) return regular(entry.start, entry.size, what);
      const { fat: miniFat, stream } = miniStreams();
      const sectors = chain(entry.start, miniFat, Math.ceil(stream.length / miniSize), what);
      return gather(sectors, miniSize, entry.size, stream, (s) => s * miniSize, what);
    },
  };
}

function readU32(bytes: Uint8Array, view: DataView, at: number): number {
  if (at + 4 > bytes.length) throw corrupt('文件被截断（分配表扇区列表不完整）');
  return view.getUint32(at, true);
}
