// Turns whatever Excel, exceljs or the core threw into one Chinese sentence for a MessageBar.

/**
 * Excel's error codes (Excel.ErrorCodes, learn.microsoft.com/javascript/api/excel/excel.errorcodes) and
 * the Office.js ones (OfficeExtension.ErrorCodes) that jixiao's calls can meet, by their documented names.
 */
const OFFICE_ERROR_MESSAGES: Record<string, string> = {
  ApiNotFound: '此版本的 Excel 不支持本助手需要的功能，请更新 Excel 或改用 Excel 网页版。',
  // Where Excel does not say what refused, the message covers a protected sheet and a protected workbook.
  AccessDenied: '工作表或工作簿受保护，或您没有编辑权限，无法写入。请先撤销保护（审阅 → 撤销工作表保护，或取消“保护工作簿”）或获得编辑权限后重试。',
  // Not Office codes: AccessDenied told apart by where Excel raised it (see accessDeniedCase).
  'AccessDenied/sheet': '工作表受保护，无法写入。请先撤销工作表保护（审阅 → 撤销工作表保护）后重试。',
  'AccessDenied/structure': '工作簿结构受保护，无法添加或删除工作表。请先取消工作簿保护（审阅 → 保护工作簿）后重试。',
  ItemNotFound: '要处理的工作表已被删除或重命名，请重新检查。',
  ItemAlreadyExists: '同名的工作表已存在，请换一个名称后重试。',
  InvalidReference: '要处理的单元格或工作表已不存在（可能在检查过程中被删除），请重新检查。',
  InvalidSelection: '当前所选区域无法操作，请先选择一个单元格。',
  InvalidArgument: 'Excel 拒绝了本助手的请求（参数无效），请重新检查；如仍出现，请联系维护人员。',
  // Also what a batch refused in cell-edit mode may answer (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-cell-edit-mode… names InvalidOperation, the error table InvalidOperationInCellEditMode).
  InvalidOperation: 'Excel 当前不允许此操作：如正在编辑单元格，请先按 Enter 或 Esc 结束编辑；否则请稍后重试。',
  InvalidOperationInCellEditMode: 'Excel 正处于单元格编辑状态，请先按 Enter 或 Esc 结束编辑后重试。',
  InsertDeleteConflict: '插入或删除与工作表中已有的表格、合并单元格等冲突，请调整后重试。',
  MergedRangeConflict: '操作与合并单元格冲突，请先取消合并后重试。',
  FilteredRangeConflict: '工作表处于筛选状态，请先清除筛选后重试。',
  Conflict: '工作簿正被他人同时修改，请稍后重试。',
  GeneralException: 'Excel 处理请求时出错，请稍后重试。',
  NotImplemented: '此版本的 Excel 尚未实现本助手需要的功能，请更新 Excel 或改用 Excel 网页版。',
  UnsupportedFeature: '此工作簿包含 Excel 网页版不支持的功能，无法完成操作，请在桌面版 Excel 中重试。',
  RequestAborted: '请求被中断（可能是工作簿已关闭或刷新），请重新检查。',
  InactiveWorkbook: '工作簿已不在活动状态（可能已关闭），请重新打开后重试。',
  RangeExceedsLimit: '要处理的区域过大，请缩小工作表的已用区域后重试。',
  OperationCellsExceedLimit: '一次处理的单元格过多，请缩小工作表的已用区域后重试。',
  ResponsePayloadSizeLimitExceeded: '一次读取的数据超过 Excel 网页版的上限，请缩小工作表的已用区域后重试。',
  // In the error table of learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling, not in Excel.ErrorCodes.
  RequestPayloadSizeLimitExceeded: '一次写入的数据过多，请分批插入。',
  FormulaLengthExceedsLimit: '公式过长，Excel 无法写入。',
  // OfficeExtension.ErrorCodes.
  PropertyNotLoaded: '本助手内部出错（读取了未加载的属性），请重新检查；如仍出现，请联系维护人员。',
  RunMustReturnPromise: '本助手内部出错，请重新检查；如仍出现，请联系维护人员。',
};

/** The codes given their own message (AccessDenied's split forms, not Office codes, left out). */
export const MAPPED_ERROR_CODES: readonly string[] = Object.keys(OFFICE_ERROR_MESSAGES).filter((code) => !code.includes('/'));

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
