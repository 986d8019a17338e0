// `--layout FILE` (repeatable) for check and fix: taught layout profiles (a 财政局 hands its province's to
// every unit); a sheet one of them recognises is read under it.
import { LayoutProfileError, parseLayoutProfileText, type LayoutProfile } from '../core/layouts';
import { InputFileError, readRegularFile } from './inputFile';
import { CliError, errorCode, errorMessage } from './io';

/** A profile is a few kilobytes; anything past this is not one. */
const LAYOUT_FILE_MAX_BYTES = 1024 * 1024;

async function loadLayout(path: string): Promise<LayoutProfile> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readRegularFile(path, LAYOUT_FILE_MAX_BYTES));
  } catch (error) {
    if (errorCode(error) === 'ENOENT') throw new CliError(`找不到表格布局文件：${path}`);
    throw new CliError(`无法读取表格布局文件 ${path}：${error instanceof InputFileError ? error.message : error instanceof TypeError ? '不是 UTF-8 编码的文本' : errorMessage(error)}`);
  }
  try {
    return parseLayoutProfileText(text);
  } catch (error) {
    if (error instanceof LayoutProfileError) throw new CliError(`表格布局文件 ${path} 无法使用：${error.message}`);
    throw error;
  }
}

/** Every --layout file in the order given; throws CliError (exit 2) naming the file and the field. */
export async function loadLayouts(paths: readonly string[] | undefined): Promise<LayoutProfile[]> {
  const layouts: LayoutProfile[] = [];
  for (const path of paths ?? []) layouts.push(await loadLayout(path));
  return layouts;
}

/** The option spec check and fix share (parseCommandArgs). */
export const LAYOUT_OPTION = { layout: { type: 'string', multiple: true } } as const;
