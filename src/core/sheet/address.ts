/** A1 addressing, 0-based row/column inside the code, 1-based as Excel shows it. */

export function columnName(col: number): string {
  let n = col + 1;
  let name = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

export function columnIndex(name: string): number {
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** (0-based row, 0-based column) → `B7`. */
export function toA1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

export interface CellPosition {
  row: number;
  col: number;
}

/** `B7` or `$B$7` → { row: 6, col: 1 }; throws on anything else. */
export function fromA1(address: string): CellPosition {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) throw new Error(`不是单元格地址：${address}`);
  return { row: Number(match[2]) - 1, col: columnIndex(match[1]) };
}

export interface RangePosition {
  start: CellPosition;
  end: CellPosition;
}

/** `A3:B9` (or a single cell) → corners, normalised so start ≤ end. */
export function parseRange(range: string): RangePosition {
  const [a, b = a] = range.split(':');
  const p = fromA1(a);
  const q = fromA1(b);
  return {
    start: { row: Math.min(p.row, q.row), col: Math.min(p.col, q.col) },
    end: { row: Math.max(p.row, q.row), col: Math.max(p.col, q.col) },
  };
}

export function toRange(start: CellPosition, end: CellPosition): string {
  const a = toA1(start.row, start.col);
  const b = toA1(end.row, end.col);
  return a === b ? a : `${a}:${b}`;
}
