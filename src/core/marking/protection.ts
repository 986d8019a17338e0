/** What a host reports when a sheet's protection kept it from doing all it was asked (Excel or WPS). */

/**
 * clearMarks cleared every sheet it could, but these protected sheets still carry jixiao's marks: Excel
 * and WPS refuse to remove conditional formats and notes from a protected sheet. The message is for the pane.
 */
export class MarksKeptOnProtectedSheetsError extends Error {
  constructor(
    readonly sheets: string[],
    readonly removed: number,
  ) {
    super(
      `工作表 ${sheets.map((name) => `“${name}”`).join('、')} 受保护，其中的标记未能清除${removed > 0 ? '（其他工作表的标记已清除）' : ''}。` +
        '请先撤销工作表保护（审阅 → 撤销工作表保护）后再清除标记。',
    );
    this.name = 'MarksKeptOnProtectedSheetsError';
  }
}
