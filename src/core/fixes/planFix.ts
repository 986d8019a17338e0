/**
 * 一键修正 as commands, for either host: a Fix (src/core/model/fix.ts) on a sheet with these merged areas
 * and used columns becomes a list of row inserts, format pastes and cell writes, refused whole (with a
 * Chinese message) before anything is written when a value would land inside a merged area. The Excel host
 * (src/excel/applyFix.ts) queues the commands in one Office.js batch; the WPS host (src/wps/applyFix.ts)
 * calls them one by one through WPS's object model.
 */
import type { Fix, FixStep } from '../model';
import { fromA1, toA1, toRange } from '../sheet/address';
import { protectText } from '../sheet/planBlock';

/** A fix that cannot be applied as it is; the message is for the pane. */
export class FixNotApplicableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FixNotApplicableError';
  }
}

/** A fix refused because its sheet is protected (both hosts check before writing anything). */
export function protectedSheetFixError(sheetName: string): FixNotApplicableError {
  return new FixNotApplicableError(`工作表“${sheetName}”受保护，未作任何修改。请先撤销工作表保护（审阅 → 撤销工作表保护）后再修正。`);
}

/** A fix the sheet no longer calls for (changed since the check that offered it). */
export function staleFixError(): FixNotApplicableError {
  return new FixNotApplicableError('工作表在上次检查后又有修改，此修正已不适用；列表已重新检查，请核对后再点“修正”。未作任何修改。');
}

interface Area {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

function areaOf(address: string): Area {
  const [a, b = a] = address.split(':');
  const p = fromA1(a);
  const q = fromA1(b);
  return { r1: Math.min(p.row, q.row), c1: Math.min(p.col, q.col), r2: Math.max(p.row, q.row), c2: Math.max(p.col, q.col) };
}

function areaAddress(area: Area): string {
  return toRange({ row: area.r1, col: area.c1 }, { row: area.r2, col: area.c2 });
}

const contains = (area: Area, row: number, col: number): boolean => row >= area.r1 && row <= area.r2 && col >= area.c1 && col <= area.c2;

/** A merged area after whole rows were inserted at 0-based `first`: grown when they went inside it, else moved. */
function mergeAfterInsert(merge: Area, first: number, count: number): Area {
  if (merge.r1 >= first) return { ...merge, r1: merge.r1 + count, r2: merge.r2 + count };
  if (merge.r2 >= first) return { ...merge, r2: merge.r2 + count };
  return merge;
}

/**
 * The 0-based row of the sheet before `steps` whose formats a row of the sheet after them carries: the
 * row itself, moved back over the inserts, or the row an inserted row takes its formats from.
 */
export function originRow(steps: readonly FixStep[], row: number): number {
  let r = row;
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i];
    if (step.kind !== 'insertRows') continue;
    const first = step.before - 1;
    if (r >= first + step.count) r -= step.count;
    else if (r >= first) r = step.formatFrom - 1;
  }
  return r;
}

/** One queued command of the batch, in order. */
export type FixOperation =
  | { kind: 'insert'; rows: string }
  | { kind: 'copyFormats'; to: string; from: string }
  | { kind: 'set'; cell: string; value: string | number; formatOf: string | null };

export interface FixPlan {
  operations: FixOperation[];
  /** Cells to select at the end. */
  select: string[];
  /** Cells (before the fix) whose number format decides how a text is written: quoted unless the cell is Text (`@`). */
  formatCells: string[];
}

export interface SheetFacts {
  /** Merged areas now, or null when they could not be read (then no format is pasted and no merge is checked). */
  merges: string[] | null;
  /** Last used column (0-based); formats are pasted from column A to it. */
  lastColumn: number;
}

/**
 * The commands for a fix on a sheet as `facts` describe it. Throws FixNotApplicableError when a value would
 * go into a merged cell other than its top-left one (Excel would refuse, or the value would be hidden).
 */
export function planFix(fix: Fix, facts: SheetFacts): FixPlan {
  let merges: Area[] | null = facts.merges?.map(areaOf) ?? null;
  const operations: FixOperation[] = [];
  const formatCells = new Set<string>();
  let lastColumn = facts.lastColumn;
  for (const step of fix.steps) if (step.kind === 'setCell') lastColumn = Math.max(lastColumn, fromA1(step.cell).col);

  fix.steps.forEach((step, index) => {
    if (step.kind === 'insertRows') {
      const first = step.before - 1;
      operations.push({ kind: 'insert', rows: `${step.before}:${step.before + step.count - 1}` });
      if (!merges) return;
      merges = merges.map((m) => mergeAfterInsert(m, first, step.count));
      const source = step.formatFrom - 1 >= first ? step.formatFrom - 1 + step.count : step.formatFrom - 1;
      for (let row = first; row < first + step.count; row++) {
        for (const run of pasteRuns(merges, row, source, lastColumn)) {
          operations.push({ kind: 'copyFormats', to: toRange({ row, col: run[0] }, { row, col: run[1] }), from: toRange({ row: source, col: run[0] }, { row: source, col: run[1] }) });
        }
      }
      return;
    }
    const { row, col } = fromA1(step.cell);
    const merge = merges?.find((m) => contains(m, row, col) && (m.r1 !== row || m.c1 !== col));
    if (merge) throw new FixNotApplicableError(`无法修正：单元格 ${step.cell} 在合并单元格 ${areaAddress(merge)} 中，只能写入其左上角的单元格；未作任何修改。`);
    const formatOf = typeof step.value === 'string' ? toA1(originRow(fix.steps.slice(0, index), row), col) : null;
    if (formatOf) formatCells.add(formatOf);
    operations.push({ kind: 'set', cell: step.cell, value: step.value, formatOf });
  });

  const firstSet = fix.steps.find((s) => s.kind === 'setCell');
  const firstInsert = fix.steps.find((s) => s.kind === 'insertRows');
  const fallback = firstSet?.kind === 'setCell' ? [firstSet.cell] : firstInsert?.kind === 'insertRows' ? [`A${firstInsert.before}`] : [];
  return { operations, select: fix.select.length > 0 ? fix.select : fallback, formatCells: [...formatCells] };
}

/**
 * Column runs [from, to] of `row` that can take the formats of the same columns of `source`: columns where
 * neither cell lies in a merged area spanning rows (Excel refuses to paste over part of a merged area, and
 * a merged cell takes its formats from its top-left cell), and no one-row merge of the source is cut.
 */
function pasteRuns(merges: Area[], row: number, source: number, lastColumn: number): [number, number][] {
  const blocked = new Set<number>();
  for (const m of merges) {
    if (m.r1 === m.r2 && (m.r1 === row || m.r1 === source)) continue;
    for (const r of [row, source]) if (r >= m.r1 && r <= m.r2) for (let c = m.c1; c <= Math.min(m.c2, lastColumn); c++) blocked.add(c);
  }
  // A one-row merge of either row goes whole or not at all.
  let changed = true;
  while (changed) {
    changed = false;
    for (const m of merges) {
      if (m.r1 !== m.r2 || (m.r1 !== row && m.r1 !== source)) continue;
      const cut = [...Array(m.c2 - m.c1 + 1).keys()].some((i) => blocked.has(m.c1 + i)) || m.c2 > lastColumn;
      if (!cut) continue;
      for (let c = m.c1; c <= Math.min(m.c2, lastColumn); c++) {
        if (!blocked.has(c)) {
          blocked.add(c);
          changed = true;
        }
      }
    }
  }
  const runs: [number, number][] = [];
  let start: number | null = null;
  for (let c = 0; c <= lastColumn + 1; c++) {
    const open = c <= lastColumn && !blocked.has(c);
    if (open && start === null) start = c;
    if (!open && start !== null) {
      runs.push([start, c - 1]);
      start = null;
    }
  }
  return runs;
}

/**
 * What a 修正 writes for `value` into a cell of this number format: Text cells (`@`) keep whatever is
 * written; anything else gets the quote prefix where the host would convert the text (a number, a date, a
 * percentage).
 */
export function fixedCellValue(value: string | number, format: unknown): string | number {
  if (typeof value === 'number') return value;
  return format === '@' ? value : protectText(value);
}
