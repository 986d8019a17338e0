// Node loader for the bundled seed documents (the web bundle gets them through webpack instead).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { buildLibrary, SeedFormatError } from '../core/library';
import { TemplateLibrarySchema, type TemplateLibrary } from '../core/model';
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

/**
 * A library from one file: a seed document (.txt export) or a saved library (.json, as produced
 * by TemplateLibrarySchema). Throws the fs error for a missing file and SeedFormatError for bad content.
 */
export function loadLibraryFile(path: string): TemplateLibrary {
  const text = readFileSync(path, 'utf8');
  const source = basename(path);
  if (extname(path).toLowerCase() !== '.json') return buildLibrary([{ source, text }]);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new SeedFormatError(source, 0, `不是有效的 JSON：${errorMessage(error)}`);
  }
  const parsed = TemplateLibrarySchema.safeParse(data);
  if (!parsed.success) throw new SeedFormatError(source, 0, `JSON 内容不是模板库：${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}
