// Node loader for the bundled seed documents (the web bundle gets them through webpack instead).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { zhCN } from 'zod/locales';
import { buildLibrary, SeedFormatError } from '../core/library';
import { TemplateLibrarySchema, type TemplateLibrary } from '../core/model';
import { decodeText, encodingNote } from './encoding';
import { readRegularFile } from './inputFile';
import { errorMessage } from './io';

const PACKAGE_NAME = 'jixiao';

/**
 * The package root, found by walking up from this file: it lives in src/cli (tsx, ts-jest) or in
 * build/cli (bundled), so a fixed number of `..` would be wrong for one of them.
 */
export function packageRoot(): string {
  let dir = __dirname;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
      if (name === PACKAGE_NAME) return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`找不到 ${PACKAGE_NAME} 的安装目录（从 ${__dirname} 向上查找 package.json）。`);
    dir = parent;
  }
}

/** Directory holding the bundled seed documents (seeds/*.txt). */
export function seedsDir(): string {
  return join(packageRoot(), 'seeds');
}

/** Every bundled seed document, in file-name order. */
export function readBundledSeeds(): { source: string; text: string }[] {
  const dir = seedsDir();
  return readdirSync(dir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => ({ source: file, text: readFileSync(join(dir, file), 'utf8') }));
}

/** The template library built from every seeds/*.txt. */
export function loadBundledLibrary(): TemplateLibrary {
  return buildLibrary(readBundledSeeds());
}

/** A seed document is a department's tables as text, some 100 KB; past this it is not one. */
export const SEED_FILE_MAX_BYTES = 10 * 1024 * 1024;

/**
 * A library from one file: a seed document (.txt export) or a saved library (.json, as produced
 * by TemplateLibrarySchema). Only a regular file of at most SEED_FILE_MAX_BYTES is read; UTF-16 and GBK
 * are decoded and said in a note. Throws the fs error for a missing file, InputFileError for a device,
 * FIFO, directory or oversized file, TextEncodingError for undecodable text and SeedFormatError for bad content.
 */
export async function loadLibraryFile(path: string): Promise<TemplateLibrary> {
  const { text, encoding } = decodeText(await readRegularFile(path, SEED_FILE_MAX_BYTES));
  const source = basename(path);
  const note = encodingNote(encoding);
  if (extname(path).toLowerCase() !== '.json') {
    const library = buildLibrary([{ source, text }]);
    return note ? { ...library, notes: [{ line: 0, message: note }, ...library.notes] } : library;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new SeedFormatError(source, 0, `不是有效的 JSON：${errorMessage(error)}`);
  }
  // zod/mini carries no messages of its own: the JSON's faults are said in Chinese.
  const parsed = TemplateLibrarySchema.safeParse(data, { error: zhCN().localeError });
  if (!parsed.success) throw new SeedFormatError(source, 0, `JSON 内容不是模板库：${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}
