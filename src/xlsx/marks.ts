// Marks a workbook the way the add-in marks Excel: fill + border by MARK_STYLES, and a note with the
// messages, so a colleague without the add-in sees the same problems in a marked copy.
import type { Workbook } from 'exceljs';
import { MARK_STYLES, marksForReport } from '../core/marks';
import type { SheetReport } from '../core/model';
import { argb } from './write';

/**
 * Applies every report's marks to its sheet of `workbook` (in place) and returns how many cells were
 * marked. Reports for sheets the workbook does not have are skipped.
 */
export function applyMarks(workbook: Workbook, reports: SheetReport[]): number {
  let marked = 0;
  for (const report of reports) {
    const sheet = workbook.getWorksheet(report.sheet);
    if (!sheet) continue;
    for (const mark of marksForReport(report)) {
      const style = MARK_STYLES[mark.severity];
      const cell = sheet.getCell(mark.address);
      const edge = { style: 'thin' as const, color: { argb: argb(style.border) } };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
      cell.border = { top: edge, left: edge, bottom: edge, right: edge };
      cell.note = mark.message;
      marked++;
    }
  }
  return marked;
}
