/** Loading and saving .xlsx bytes with exceljs; works in Node and in the browser (no Node built-ins). */
import ExcelJS from 'exceljs';
import { WorkbookReadError } from './errors';
import { ENCRYPTED_MESSAGE, hasEncryptionInfo, isCfb } from './sniff';

export { WorkbookReadError } from './errors';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export async function loadWorkbook(data: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (isCfb(bytes)) {
    if (hasEncryptionInfo(bytes)) throw new WorkbookReadError(ENCRYPTED_MESSAGE, 'encrypted');
    throw new WorkbookReadError('这是旧版 Excel（.xls）文件，无法读取；请在 Excel 中另存为 .xlsx。', 'legacy-xls');
  }
  if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) throw new WorkbookReadError('不是 .xlsx 工作簿文件（文件格式不符）。', 'not-xlsx');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types the input as a Node Buffer; at run time it takes any byte array (JSZip).
    await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch (error) {
    throw new WorkbookReadError(`文件已损坏，无法作为 .xlsx 读取。请让发送方重新保存后再发。（技术信息：${(error as Error).message}）`, 'corrupt');
  }
  if (workbook.worksheets.length === 0) throw new WorkbookReadError('文件中没有工作表，不是有效的 .xlsx 工作簿。', 'not-xlsx');
  return workbook;
}

export async function workbookToBuffer(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
