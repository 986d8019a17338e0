// Turns whatever Excel, exceljs or the core threw into one Chinese sentence for a MessageBar.

/** Office.js error codes (OfficeExtension.ErrorCodes / Excel.ErrorCodes) the user can act on. */
const OFFICE_ERROR_MESSAGES: Record<string, string> = {
  ApiNotFound: '此版本的 Excel 不支持本助手需要的功能，请更新 Excel 或改用 Excel 网页版。',
  // Where Excel does not say what refused, the message covers a protected sheet and a protected workbook.
  AccessDenied: '工作表或工作簿受保护，无法写入。请先撤销保护（审阅 → 撤销工作表保护，或取消“保护工作簿”）后重试。',
  // Not Office codes: AccessDenied told apart by where Excel raised it (see accessDeniedCase).
  'AccessDenied/sheet': '工作表受保护，无法写入。请先撤销工作表保护（审阅 → 撤销工作表保护）后重试。',
  'AccessDenied/structure': '工作簿结构受保护，无法添加或删除工作表。请先取消工作簿保护（审阅 → 保护工作簿）后重试。',
  InsufficientPermissions: '没有修改此工作簿的权限（可能为只读或受保护），请获得编辑权限后重试。',
  ItemNotFound: '要处理的工作表已被删除或重命名，请重新检查。',
  InvalidReference: '要处理的单元格或工作表已不存在（可能在检查过程中被删除），请重新检查。',
  InvalidSelection: '当前所选区域无法操作，请先选择一个单元格。',
  EditModeCellEditInProgress: 'Excel 正处于单元格编辑状态，请先按 Enter 或 Esc 结束编辑后重试。',
  RequestPayloadSizeLimitExceeded: '一次写入的数据过多，请分批插入。',
  Conflict: '工作簿正被他人同时修改，请稍后重试。',
};

const HAS_CHINESE = /[\u4e00-\u9fff]/;

function codeOf(error: unknown): string | null {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return null;
}

/** Where Excel failed (`debugInfo.errorLocation` of an OfficeExtension.Error), e.g. `WorksheetCollection.add`. */
function errorLocationOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'debugInfo' in error) {
    const info = (error as { debugInfo: unknown }).debugInfo;
    if (typeof info === 'object' && info !== null && 'errorLocation' in info) {
      const location = (info as { errorLocation: unknown }).errorLocation;
      if (typeof location === 'string') return location;
    }
  }
  return '';
}

/** Adding, deleting or moving a sheet is refused by the workbook's structure protection, not a sheet's. */
const STRUCTURE_LOCATION = /^(WorksheetCollection\.add|Worksheet\.(delete|copy|position|name|visibility))/;

/** A protected workbook (structure), a protected sheet, or — where Excel does not say — either. */
function accessDeniedCase(location: string): string {
  if (!location) return 'AccessDenied';
  return STRUCTURE_LOCATION.test(location) ? 'AccessDenied/structure' : 'AccessDenied/sheet';
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const message = (error as { message: unknown }).message;
    if (typeof message === 'string') return message;
  }
  return typeof error === 'string' ? error : '';
}

/** A Chinese message for any failure; never empty. */
export function describeError(error: unknown): string {
  let code = codeOf(error);
  if (code === 'AccessDenied') code = accessDeniedCase(errorLocationOf(error));
  if (code && OFFICE_ERROR_MESSAGES[code]) return OFFICE_ERROR_MESSAGES[code];
  const message = messageOf(error).trim();
  if (message && HAS_CHINESE.test(message)) return message;
  return message ? `操作失败：${message}` : '操作失败，原因未知。';
}
