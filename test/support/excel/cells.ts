// The Excel double's cells: the used range and whole-range walks; what a typed entry becomes is shared
// with the WPS double (./modelCells.ts).
import { DoubleOfficeError, defaultFormat, keyPosition, rectAddress, unionRect } from './model';
import type { Rect, SheetState } from './model';

export { cellAt, enterValue, peekCell } from './modelCells';

export function usedRect(sheet: SheetState, valuesOnly: boolean): Rect | null {
  let rect: Rect | null = null;
  for (const [key, cell] of sheet.cells) {
    const used = cell.value !== '' || (!valuesOnly && JSON.stringify(cell.format) !== JSON.stringify(defaultFormat()));
    if (!used) continue;
    const { r, c } = keyPosition(key);
    const point = { r1: r, c1: c, r2: r, c2: c };
    rect = rect ? unionRect(rect, point) : point;
  }
  return rect;
}

/** Cells of a rectangle that exist or are about to be written; guards against whole-sheet loops. */
export function forEachCell(rect: Rect, fn: (r: number, c: number) => void): void {
  if ((rect.r2 - rect.r1 + 1) * (rect.c2 - rect.c1 + 1) > 200000) {
    throw new DoubleOfficeError('InvalidOperation', `区域太大：${rectAddress(rect)}`);
  }
  for (let r = rect.r1; r <= rect.r2; r++) for (let c = rect.c1; c <= rect.c2; c++) fn(r, c);
}

export function check2d(rect: Rect, value: unknown, what: string): unknown[][] | null {
  if (!Array.isArray(value)) return null;
  const rows = rect.r2 - rect.r1 + 1;
  const cols = rect.c2 - rect.c1 + 1;
  if (value.length !== rows || value.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new DoubleOfficeError('InvalidArgument', `${what} 的行列数与区域 ${rectAddress(rect)} 不一致`);
  }
  return value as unknown[][];
}
