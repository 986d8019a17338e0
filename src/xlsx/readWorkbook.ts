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
import { readXlsxGrids } from './readXlsx';
import { ENCRYPTED_MESSAGE, hasEncryptionInfo, isCfb } from './sniff';
import { readXlsGrids } from './xls';

/** The sheets of a workbook as sparse grids; throws WorkbookReadError with a Chinese message. */
export function readWorkbookGrids(data: Uint8Array | ArrayBuffer, limits: Partial<ReadLimits> = {}): ReadGrid[] {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const all: ReadLimits = { ...DEFAULT_READ_LIMITS, ...limits };
  if (bytes.length > all.maxFileBytes) {
    throw tooLarge('文件大小', `${bytes.length} 字节`, `${all.maxFileBytes} 字节`);
  }
  if (isCfb(bytes)) {
    if (hasEncryptionInfo(bytes)) throw new WorkbookReadError(ENCRYPTED_MESSAGE, 'encrypted');
    return readXlsGrids(bytes, all).map((grid) => ({ comments: [], ...grid }));
  }
  if (!isZip(bytes)) throw new WorkbookReadError('不是可读取的工作簿文件（.xlsx、.xls、.et、.ods），文件格式不符。', 'not-xlsx');
  const pkg = OoxmlPackage.open(bytes, all);
  const grids = isOdsPackage(pkg) ? readOdsGrids(pkg) : readXlsxGrids(pkg);
  if (grids.length === 0) throw new WorkbookReadError('文件中没有工作表，不是有效的工作簿。', 'not-xlsx');
  return grids;
}
