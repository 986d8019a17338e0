// Reading an input file for `jixiao check`: only regular files, never past a byte limit. A device
// (/dev/zero) would be read forever and a FIFO with no writer would block forever, so both are refused
// from their stat before any read; the read itself stops at the limit in case the file grows meanwhile.
import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { tooLargeMessage } from '../core/bounded';

/** The file is not something jixiao reads; the message says why, in Chinese. */
export class InputFileError extends Error {
  constructor(
    message: string,
    readonly reason: 'not-regular' | 'too-large',
  ) {
    super(message);
    this.name = 'InputFileError';
  }
}

/** Why a non-regular file is refused; null for a regular file. */
function notRegular(stats: Stats): string | null {
  if (stats.isFile()) return null;
  if (stats.isDirectory()) return '这是一个目录，不是文件。';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return '这是一个设备文件（如 /dev/zero），不是普通文件，不予读取。';
  if (stats.isFIFO()) return '这是一个命名管道（FIFO），不是普通文件，不予读取。';
  if (stats.isSocket()) return '这是一个套接字（socket），不是普通文件，不予读取。';
  return '这不是普通文件，不予读取。';
}

function tooLarge(bytes: number | null, maxBytes: number): InputFileError {
  return new InputFileError(tooLargeMessage(bytes, maxBytes), 'too-large');
}

const CHUNK_BYTES = 1024 * 1024;

/**
 * The bytes of a regular file of at most maxBytes. Throws InputFileError for anything else (directory,
 * device, FIFO, socket, too large — also when it grows past the limit while read) and the fs error for a
 * missing or unreadable file.
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<Uint8Array> {
  const before = await stat(path);
  const refused = notRegular(before);
  if (refused) throw new InputFileError(refused, 'not-regular');
  if (before.size > maxBytes) throw tooLarge(before.size, maxBytes);
  // O_NONBLOCK: should the path have become a FIFO since the stat, opening it must not wait for a writer.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const opened = await handle.stat();
    const swapped = notRegular(opened);
    if (swapped) throw new InputFileError(swapped, 'not-regular');
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      // One byte past the limit is enough to know the file is too large.
      const want = Math.min(CHUNK_BYTES, maxBytes + 1 - total);
      const chunk = new Uint8Array(want);
      const { bytesRead } = await handle.read(chunk, 0, want, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw tooLarge(null, maxBytes);
      chunks.push(bytesRead === want ? chunk : chunk.subarray(0, bytesRead));
    }
    const bytes = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    return bytes;
  } finally {
    await handle.close();
  }
}
