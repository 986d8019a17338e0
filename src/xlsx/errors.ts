/** Why a file could not be read; shared by every reader so callers test one class. No exceljs here. */
export type WorkbookReadReason = 'encrypted' | 'legacy-xls' | 'not-xlsx' | 'corrupt' | 'too-large';

/** The file cannot be read as a workbook; the message says why, in Chinese. */
export class WorkbookReadError extends Error {
  constructor(
    message: string,
    readonly reason: WorkbookReadReason,
  ) {
    super(message);
    this.name = 'WorkbookReadError';
  }
}

/** A limit of ReadLimits was passed: the message names the limit and what was found. */
export function tooLarge(what: string, found: number | string, limit: number | string): WorkbookReadError {
  return new WorkbookReadError(`文件超出读取限制：${what}为 ${found}，上限为 ${limit}。请拆分文件或删除多余内容后再检查。`, 'too-large');
}

/** Malformed content: the technical detail is kept for whoever reports the problem. */
export function corrupt(detail: string): WorkbookReadError {
  return new WorkbookReadError(`文件已损坏，无法读取。请让发送方重新保存后再发。（技术信息：${detail}）`, 'corrupt');
}
