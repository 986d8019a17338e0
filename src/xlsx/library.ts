// The unit's own template library from a file's bytes: a workbook (last year's submission, .xlsx, .xls or
// .ods, read as any checked workbook is) or a seed-style text document. Shared by the CLI's --library,
// the task pane's 设置 › 模板库 and the checker page; no Node and no DOM here.
import { libraryFromGrids, libraryFromText } from '../core/library';
import type { TemplateLibrary } from '../core/model';
import { decodeText, encodingNote } from '../cli/encoding';
import { tooLarge, WorkbookReadError } from './errors';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './limits';
import { isZip } from './package';
import { markupKind } from './readMarkup';
import { NOT_A_WORKBOOK_MESSAGE, readWorkbookGrids } from './readWorkbook';
import { isCfb } from './sniff';

/**
 * A library is a department's tables: tens of sheets, not a data dump. Past these limits a file is
 * refused with the reader's own Chinese message before it costs the pane its memory.
 */
export const LIBRARY_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  ...DEFAULT_READ_LIMITS,
  maxFileBytes: 20 * 1024 * 1024,
  maxCells: 500_000,
  maxRows: 100_000,
});

/**
 * The library in a file, named `name` (its file name, which messages show). A zip or CFB file is read as
 * a workbook, anything else as text (UTF-8, GBK or UTF-16, the encoding said in a note). Throws
 * WorkbookReadError, TextEncodingError or SeedFormatError with a Chinese message.
 */
export function readLibraryFile(data: Uint8Array | ArrayBuffer, name: string, limits: Readonly<ReadLimits> = LIBRARY_READ_LIMITS): TemplateLibrary {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (isZip(bytes) || isCfb(bytes) || markupKind(bytes)) return libraryFromGrids(readWorkbookGrids(bytes, limits), name);
  // Named as a workbook but none: never read as a seed-style text (its parse error would mean nothing).
  if (/\.(xlsx|xlsm|xls|et|ods)$/i.test(name)) throw new WorkbookReadError(NOT_A_WORKBOOK_MESSAGE, 'not-xlsx');
  if (bytes.length > limits.maxFileBytes) throw tooLarge('文件大小', `${bytes.length} 字节`, `${limits.maxFileBytes} 字节`);
  const { text, encoding } = decodeText(bytes);
  const library = libraryFromText(text, name);
  const note = encodingNote(encoding);
  return note ? { ...library, notes: [{ line: 0, message: `${name}：${note}` }, ...library.notes] } : library;
}
