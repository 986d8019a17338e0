/**
 * A head written beside its grid (a key/value block right of it) or under it (the indicators first, then
 * 项目名称, 预算数, 绩效目标): read there when the rows above the grid name none of the table's fields and no
 * other table follows.
 */
import type { SheetCells } from './cells';
import type { HeaderBlock } from './headerFields';
import { readHeaderBlock } from './headerFields';

const CORE_FIELDS = ['projectName', 'budgetTotal', 'budgetFiscal', 'goals'] as const;

const namesNone = (block: HeaderBlock) => CORE_FIELDS.every((field) => !block.fields[field]) && block.fiscalLevels.length === 0;

/** The block above, or (when it names no field) the one beside or under the grid, from its header row to the sheet's end. */
export function withHeadBesideOrBelow(cells: SheetCells, above: HeaderBlock, gridRow: number, anotherTableFollows: boolean): HeaderBlock {
  if (anotherTableFollows || !namesNone(above)) return above;
  const below = readHeaderBlock(cells, gridRow, cells.bottom + 1);
  // A head names its project or its goals; a 资金安排表 under the grid (村名 | 安排资金, 合计) names neither.
  if (!below.fields.projectName?.text && !below.fields.goals?.text) return above;
  return { ...below, title: above.title ?? below.title, unit: above.unit ?? below.unit, department: above.department ?? below.department };
}
