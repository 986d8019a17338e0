// What a host writes for a sheet plan in one block: the bounding box of the planned cells, the values
// (text Excel or WPS would convert protected by the quote prefix) and the style key per cell, a merged
// area taking its top-left cell's style everywhere (or borders and fills go round the first cell only).
// Shared by the Excel and WPS hosts.
import { maxOf, minOf } from '../bounded';
import { parseRange, toRange } from './address';
import type { SheetPlan } from './types';

/**
 * Strings a spreadsheet would turn into something else when written as values (numbers, percentages,
 * dates, formulas) get the quote prefix, so `=100百分比` or `1.5` stay text exactly as planned.
 */
export function protectText(value: string): string {
  return /^[=+\-@']/.test(value) || /^[\d\s.,:/%$¥+-]+$/.test(value) || /^(true|false)$/i.test(value) ? `'${value}` : value;
}

export interface PlanBlock {
  top: number;
  left: number;
  bottom: number;
  right: number;
  height: number;
  width: number;
  /** Style key per cell of the block (null: none), merges spread from their top-left cell. */
  styleAt: (string | null)[][];
  values: (string | number)[][];
}

/** A run of same-styled cells in one row of a block: one style call per run. */
export interface StyleRun {
  range: string;
  key: string;
}

/** The block's runs of cells sharing a style key, row by row (unstyled cells are in none). */
export function styleRuns(block: PlanBlock): StyleRun[] {
  const runs: StyleRun[] = [];
  const { top, left, height, width, styleAt } = block;
  for (let r = 0; r < height; r++) {
    let start = 0;
    for (let c = 1; c <= width; c++) {
      if (c < width && styleAt[r][c] === styleAt[r][start]) continue;
      const key = styleAt[r][start];
      if (key) runs.push({ range: toRange({ row: top + r, col: left + start }, { row: top + r, col: left + c - 1 }), key });
      start = c;
    }
  }
  return runs;
}

export function planBlock(plan: SheetPlan): PlanBlock {
  const positions = plan.cells.map((cell) => ({ cell, pos: parseRange(cell.address).start }));
  const top = minOf(positions.map((p) => p.pos.row), 0);
  const left = minOf(positions.map((p) => p.pos.col), 0);
  const bottom = maxOf(positions.map((p) => p.pos.row), 0);
  const right = maxOf(positions.map((p) => p.pos.col), 0);
  const height = bottom - top + 1;
  const width = right - left + 1;
  const styleAt: (string | null)[][] = Array.from({ length: height }, () => Array<string | null>(width).fill(null));
  const values: (string | number)[][] = Array.from({ length: height }, () => Array<string | number>(width).fill(''));
  for (const { cell, pos } of positions) {
    styleAt[pos.row - top][pos.col - left] = cell.style;
    values[pos.row - top][pos.col - left] = typeof cell.value === 'string' ? protectText(cell.value) : (cell.value ?? '');
  }
  for (const merge of plan.merges) {
    const area = parseRange(merge);
    const style = styleAt[area.start.row - top]?.[area.start.col - left] ?? null;
    for (let r = Math.max(area.start.row, top); r <= Math.min(area.end.row, bottom); r++) {
      for (let c = Math.max(area.start.col, left); c <= Math.min(area.end.col, right); c++) styleAt[r - top][c - left] = style;
    }
  }
  return { top, left, bottom, right, height, width, styleAt, values };
}
