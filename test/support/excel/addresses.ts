// The Excel double's geometry: A1 addresses as the core writes them (src/core/sheet/address.ts), cells keyed
// `row,col` inside the double, rectangles and their arithmetic, sheet names quoted in an address.
import { fromA1, toRange } from '../../../src/core/sheet/address';
import { DoubleOfficeError } from './errors';

export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export const MAX_ROW = 1048575;
export const MERGED_AREAS_MAX = 512;
export const MAX_COL = 16383;

export function cellKey(r: number, c: number): string {
  return `${r},${c}`;
}

export function keyPosition(key: string): { r: number; c: number } {
  const [r, c] = key.split(',').map(Number);
  return { r, c };
}

export function rectAddress(rect: Rect): string {
  return toRange({ row: rect.r1, col: rect.c1 }, { row: rect.r2, col: rect.c2 });
}

export function parsePoint(text: string): { r: number; c: number } {
  try {
    const { row, col } = fromA1(text);
    return { r: row, c: col };
  } catch {
    throw new DoubleOfficeError('InvalidArgument', `The address is not valid: ${text}`);
  }
}

export function unionRect(a: Rect, b: Rect): Rect {
  return { r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1), r2: Math.max(a.r2, b.r2), c2: Math.max(a.c2, b.c2) };
}

/** `B2`, `B2:C9`, `3:5` (whole rows), `Sheet1!B2` → rectangle. */
export function parseRect(address: string): Rect {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [a, b = a] = bare.split(':');
  const rows = /^\$?(\d+)$/;
  if (rows.test(a) && rows.test(b)) {
    const r1 = Number(rows.exec(a)![1]) - 1;
    const r2 = Number(rows.exec(b)![1]) - 1;
    return { r1: Math.min(r1, r2), c1: 0, r2: Math.max(r1, r2), c2: MAX_COL };
  }
  const p = parsePoint(a);
  const q = parsePoint(b);
  return { r1: Math.min(p.r, q.r), c1: Math.min(p.c, q.c), r2: Math.max(p.r, q.r), c2: Math.max(p.c, q.c) };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

export function quoteSheet(name: string): string {
  return /^[\p{L}\p{N}_.]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `rect` less `hole`: up to four rectangles (above, below, left, right of the hole). */
export function subtractRect(rect: Rect, hole: Rect): Rect[] {
  if (!intersects(rect, hole)) return [rect];
  const parts: Rect[] = [];
  if (rect.r1 < hole.r1) parts.push({ ...rect, r2: hole.r1 - 1 });
  if (rect.r2 > hole.r2) parts.push({ ...rect, r1: hole.r2 + 1 });
  const r1 = Math.max(rect.r1, hole.r1);
  const r2 = Math.min(rect.r2, hole.r2);
  if (rect.c1 < hole.c1) parts.push({ r1, r2, c1: rect.c1, c2: hole.c1 - 1 });
  if (rect.c2 > hole.c2) parts.push({ r1, r2, c1: hole.c2 + 1, c2: rect.c2 });
  return parts;
}
