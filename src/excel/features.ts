/** What this Excel can do beyond the ExcelApi 1.8 the manifest requires; detected once per host. */
export interface ExcelFeatures {
  /** worksheet.pageLayout (print setup): ExcelApi 1.9. */
  pageLayout: boolean;
  /** workbook.worksheets.onChanged for every sheet at once: ExcelApi 1.9 (else one handler per sheet, 1.7). */
  collectionEvents: boolean;
  /** range.getMergedAreasOrNullObject: ExcelApi 1.13. */
  mergedAreas: boolean;
  /** worksheet.notes (the message at the cell): ExcelApi 1.18. */
  notes: boolean;
  /** workbook.worksheets.onProtectionChanged: ExcelApi 1.14 (else a sheet unprotected is marked at its next check). */
  protectionEvents: boolean;
  /** range.copyFrom and worksheet.getRanges: ExcelApi 1.9 (else rows a fix inserts keep the formats Excel gives them). */
  rangeCopy: boolean;
}

export interface RequirementChecker {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export function detectFeatures(requirements: RequirementChecker): ExcelFeatures {
  const excelApi = (version: string) => requirements.isSetSupported('ExcelApi', version);
  return {
    pageLayout: excelApi('1.9'),
    collectionEvents: excelApi('1.9'),
    mergedAreas: excelApi('1.13'),
    notes: excelApi('1.18'),
    protectionEvents: excelApi('1.14'),
    rangeCopy: excelApi('1.9'),
  };
}
