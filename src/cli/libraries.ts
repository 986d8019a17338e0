// `--library FILE` (repeatable) for check, fix, templates and workbook: the unit's own libraries after
// the bundled seed, so that for the same project the unit's table is the template (the last given wins).
import { basename, extname } from 'node:path';
import { mergeLibraries, namedLibrary, SeedFormatError } from '../core/library';
import type { TemplateLibrary } from '../core/model';
import { WorkbookReadError } from '../xlsx/errors';
import { LIBRARY_READ_LIMITS, readLibraryFile } from '../xlsx/library';
import { TextEncodingError } from './encoding';
import { InputFileError, readRegularFile } from './inputFile';
import { CliError, errorCode, errorMessage } from './io';
import { loadBundledLibrary, loadLibraryFile } from './seeds';

/** Why a --library file could not be used, as one Chinese line naming it. */
function libraryFailure(path: string, error: unknown): CliError {
  if (error instanceof SeedFormatError) return new CliError(`模板库 ${path} 无法使用：${error.message}`);
  if (error instanceof InputFileError || error instanceof TextEncodingError || error instanceof WorkbookReadError) {
    return new CliError(`无法读取模板库 ${path}：${error.message}`);
  }
  if (errorCode(error) === 'ENOENT') return new CliError(`找不到模板库文件：${path}`);
  return new CliError(`无法读取模板库 ${path}：${errorMessage(error)}`);
}

/**
 * One --library file as the unit's library named by its file name: a workbook (.xlsx/.xls/.ods, read as
 * checked workbooks are), a seed-style text, or a saved library (.json). Only a regular file within
 * LIBRARY_READ_LIMITS.maxFileBytes is read. Throws CliError (exit 2) naming the file and the reason.
 */
export async function loadUnitLibrary(path: string): Promise<TemplateLibrary> {
  const name = basename(path);
  try {
    if (extname(path).toLowerCase() === '.json') return namedLibrary(await loadLibraryFile(path), name);
    return readLibraryFile(await readRegularFile(path, LIBRARY_READ_LIMITS.maxFileBytes), name);
  } catch (error) {
    throw libraryFailure(path, error);
  }
}

/**
 * The library the rules receive: the bundled seed, then every --library file in the order given (later
 * ones win a project). `base` replaces the seed (templates' --seeds). Pass parseArgs' value as it is:
 * `loadLibraries(values.library)` with `library: { type: 'string', multiple: true }`.
 */
export async function loadLibraries(paths: readonly string[] | undefined, base: TemplateLibrary = loadBundledLibrary()): Promise<TemplateLibrary> {
  const libraries = [base];
  for (const path of paths ?? []) libraries.push(await loadUnitLibrary(path));
  return mergeLibraries(libraries);
}

/** The option spec every command shares (parseCommandArgs). */
export const LIBRARY_OPTION = { library: { type: 'string', multiple: true } } as const;
