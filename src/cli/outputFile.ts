// Writing an output (--marked copies, fix --out, workbook --out): created, never followed. The bytes go
// to a new file made with O_EXCL in the target folder (so no existing link or file is ever opened for
// writing) and that file is renamed over the target: rename replaces the directory entry, it never
// writes through a symlink. An existing target that is a symlink (dangling or not), a hard link to an
// input, or anything but a regular file is refused whatever --force says.
import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { lstat, mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError, errorCode } from './io';

/** The target may not be written; the message says why, in Chinese. */
export class OutputFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputFileError';
  }
}

async function lstatOrNull(path: string): Promise<Stats | null> {
  try {
    return await lstat(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

/** Why an existing entry at the target may never be replaced; null when it may (with --force). */
async function refusal(existing: Stats, inputs: readonly string[]): Promise<string | null> {
  if (existing.isSymbolicLink()) return '是一个符号链接；jixiao 不会顺着链接写入，也不会替换它，请另给一个文件名';
  if (!existing.isFile()) return '已存在且不是普通文件（目录、设备、管道等），不予写入';
  for (const input of inputs) {
    let other: Stats;
    try {
      other = await stat(input);
    } catch {
      continue; // A missing input is reported when it is read.
    }
    if (other.dev === existing.dev && other.ino === existing.ino) return `就是输入文件本身（与 ${input} 是同一文件的硬链接）；jixiao 从不改写输入文件，请另给一个文件名`;
  }
  return null;
}

/**
 * Refuses a target before any work is done: the refusals above whatever `force` says, and an existing
 * regular file without `force`.
 */
export async function checkOutputTarget(out: string, inputs: readonly string[], force: boolean): Promise<void> {
  const target = resolve(out);
  for (const input of inputs) {
    if (resolve(input) === target) throw new OutputFileError(`${out} 就是输入文件本身；jixiao 从不改写输入文件，请另给一个文件名`);
  }
  const existing = await lstatOrNull(target);
  if (!existing) return;
  const why = await refusal(existing, inputs);
  if (why) throw new OutputFileError(`${out} ${why}。`);
  if (!force) throw new OutputFileError(`${out} 已存在，没有覆盖；要覆盖请加 --force / the file exists: add --force to overwrite it`);
}

/**
 * Writes `bytes` to `out` through a new temporary file in the same folder, renamed into place. The checks
 * of checkOutputTarget run again just before the rename, so a link planted meanwhile is still refused.
 */
export async function writeOutputFile(out: string, bytes: Uint8Array, inputs: readonly string[], force: boolean): Promise<void> {
  const target = resolve(out);
  const folder = dirname(target);
  await mkdir(folder, { recursive: true });
  await checkOutputTarget(target, inputs, force);
  const temp = join(folder, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  // O_EXCL|O_NOFOLLOW: a new file or nothing; a planted link at the temporary name makes this fail.
  const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
  let renamed = false;
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await checkOutputTarget(target, inputs, force);
    await rename(temp, target);
    renamed = true;
  } finally {
    if (!renamed) await unlink(temp).catch(() => undefined);
  }
}

/** checkOutputTarget for a command's flag: a refusal becomes the command's usage error (exit 2). */
export async function refuseTarget(out: string, inputs: readonly string[], force: boolean): Promise<void> {
  try {
    await checkOutputTarget(out, inputs, force);
  } catch (error) {
    if (error instanceof OutputFileError) throw new CliError(error.message);
    throw error;
  }
}
