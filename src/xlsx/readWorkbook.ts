/**
 * The one entry point for reading a received workbook: decides by content, not by file name.
 * zip → .xlsx (or .ods when its mimetype says so); CFB → encrypted OOXML, or .xls; anything else is
 * 'not-xlsx'. Never loads exceljs.
 */
import type { ReadGrid } from './sparseGrid';
import { tooLarge, WorkbookReadError } from './errors';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './limits';
import { isZip, OoxmlPackage } from './package';
import { isOdsPackage, readOdsGrids } from './readOds';
import { markupKind, readMarkupGrids } from './readMarkup';
import { readXlsxGrids } from './readXlsx';
import { ENCRYPTED_MESSAGE, hasEncryptionInfo, isCfb } from './sniff';
import { readXlsGrids } from './xls';

/** A file that is no workbook jixiao can read (a damaged .xlsx, a renamed file): what the clerk can do. */
export const NOT_A_WORKBOOK_MESSAGE = '无法读取该文件（可能已损坏或不是真正的 Excel 文件），请在 Excel 中另存为 .xlsx 后再添加';

/** The sheets of a workbook as sparse grids; throws WorkbookReadError with a Chinese message. */
export function readWorkbookGrids(data: Uint8Array | ArrayBuffer, limits: Partial<ReadLimits> = {}): ReadGrid[] {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const all: ReadLimits = { ...DEFAULT_READ_LIMITS, ...limits };
  if (bytes.length > all.maxFileBytes) {
    throw tooLarge('文件大小', `${bytes.length} 字节`, `${all.maxFileBytes} 字节`);
  }
  if (isCfb(bytes)) {
    if (hasEncryptionInfo(bytes)) throw new WorkbookReadError(ENCRYPTED_MESSAGE, 'encrypted');
    return readXlsGrids(bytes, all);
  }
  if (!isZip(bytes)) {
    // Web systems' ".xls" exports: an HTML table, or SpreadsheetML 2003.
    const markup = markupKind(bytes);
    if (markup) return readMarkupGrids(bytes, markup, all);
    throw new WorkbookReadError(NOT_A_WORKBOOK_MESSAGE, 'not-xlsx');
  }
  const pkg = OoxmlPackage.open(bytes, all);
  const grids = isOdsPackage(pkg) ? readOdsGrids(pkg) : readXlsxGrids(pkg);
  if (grids.length === 0) throw new WorkbookReadError('文件中没有工作表，不是有效的工作簿。', 'not-xlsx');
  return grids;
}
