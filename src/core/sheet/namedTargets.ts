/**
 * Indicator names carrying their own target (`设备验收合格率≥95%`, `购置设备数量不少于6台`) on a form with no
 * value column: the name and the target are read apart from the one cell.
 */
import type { SheetCells } from './cells';

/** An operator and a figure after it: where the target starts in a name. */
const OPERATOR_FIGURE = /(?:[≥≤<>=＞＜＝≧≦]|>=|<=|不低于|不少于|不高于|不超过|不多于|大于等于|小于等于|达到)\s*[\d０-９]/;
/** A percentage or figure with its unit closing the name (`验收合格率100%`). */
const TRAILING_PERCENT = /[\d.]+\s*[%％‰]$/;

/** The name and its target in one cell, or null when the cell states no target of its own after a name. */
export function splitNamedTarget(text: string): { name: string; value: string } | null {
  const trimmed = text.trim();
  const at = OPERATOR_FIGURE.exec(trimmed)?.index ?? TRAILING_PERCENT.exec(trimmed)?.index;
  if (at === undefined || at === 0) return null;
  const name = trimmed.slice(0, at).replace(/[：:，,（(]\s*$/, '').trim();
  return name ? { name, value: trimmed.slice(at).replace(/[)）]$/, '').trim() } : null;
}

/** Whether most filled cells of a column carry their target after their name (a form with no value column). */
export function namesCarryTargets(cells: SheetCells, col: number, fromRow: number, toRow: number): boolean {
  let filled = 0;
  let carrying = 0;
  for (const row of cells.rows(fromRow, toRow)) {
    const text = cells.shown(row, col).text;
    if (!text) continue;
    filled++;
    if (splitNamedTarget(text)) carrying++;
  }
  return filled > 0 && carrying * 2 >= filled;
}
