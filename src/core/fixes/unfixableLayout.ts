/**
 * Tables whose indicators are written as text in one cell (a budget list's 绩效目标 cell, S26), or across the
 * columns of a transposed table (one row per 镇), take no 一键修正: every fix writes a value into an
 * indicator's cell or inserts rows beside its grid, and there that cell is the whole text (a write would
 * replace every other indicator) or the rows are other projects of the list, other 镇 of the table.
 */
import type { SheetTable } from '../sheet/types';

/** The cell a table's indicators are written in as text, or null when they stand in rows of their own. */
export function indicatorTextCell(sheet: SheetTable): string | null {
  const grid = sheet.grids.find((g) => g.inCell);
  return grid ? grid.header : null;
}

/** Why no fix is offered on a table written in one cell or laid out across (for the pane), or null when fixes may be offered. */
export function unfixableLayoutReason(sheet: SheetTable): string | null {
  if (sheet.grids.some((g) => g.transposed)) {
    return `本表的指标名称横排在表头（${sheet.grids[0].header} 起），每行是一个镇（村、项目）的指标值，无法自动修正（插入整行会插进其他镇的行中）；请在对应列或对应单元格中手工修改。`;
  }
  const cell = indicatorTextCell(sheet);
  return cell === null ? null : `本表的指标以文字写在单元格 ${cell} 中，无法自动修正（写入会覆盖该单元格的其他指标，插入整行会拆开清单）；请在该单元格中按原格式（【一级指标-二级指标】、指标N:名称(指标值)）手工修改。`;
}
