/**
 * Several fixes of one sheet as one step list (全部修正 in one batch). Every fix was computed on the same
 * sheet; each step's addresses are re-expressed in the sheet as it stands after the steps before it, so an
 * insert of one fix moves the cells another fix writes further down. Rows inserted by several fixes at the
 * same place keep the fixes' order.
 */
import type { Fix, FixStep } from '../model/fix';
import { fromA1, toA1 } from '../sheet/address';

/** A row of the combined sheet: one of the original sheet, or one that an insert of the combination created. */
type Point = { original: number } | { insert: number; offset: number };

interface Insert {
  /** 0-based row above which the rows went, in the sheet as it stood then. */
  at: number;
  count: number;
}

/** Where a point stands after the given inserts of the combination. */
function position(point: Point, inserts: readonly Insert[], upTo: number): number {
  let row: number;
  let from: number;
  if ('original' in point) {
    row = point.original;
    from = 0;
  } else {
    row = inserts[point.insert].at + point.offset;
    from = point.insert + 1;
  }
  for (let i = from; i < upTo; i++) if (row >= inserts[i].at) row += inserts[i].count;
  return row;
}

/**
 * A 0-based row of one fix's sheet (after its own steps so far) → the point it is: undo the fix's own
 * inserts, newest first, until the row is an original one or one of those inserts created it.
 */
function pointOf(row: number, own: readonly { insert: Insert; id: number }[]): Point {
  let r = row;
  for (let i = own.length - 1; i >= 0; i--) {
    const { insert, id } = own[i];
    if (r < insert.at) continue;
    if (r < insert.at + insert.count) return { insert: id, offset: r - insert.at };
    r -= insert.count;
  }
  return { original: r };
}

/** One rewrite of a cell's text as a replacement of `from`'s characters start..end by `text`. */
interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** The one stretch of `from` that `to` replaces (their common start and end kept). */
function editOf(from: string, to: string): TextEdit {
  let start = 0;
  while (start < from.length && start < to.length && from[start] === to[start]) start++;
  let tail = 0;
  while (tail < from.length - start && tail < to.length - start && from[from.length - 1 - tail] === to[to.length - 1 - tail]) tail++;
  return { start, end: from.length - tail, text: to.slice(start, to.length - tail) };
}

const sameEdit = (a: TextEdit, b: TextEdit): boolean => a.start === b.start && a.end === b.end && a.text === b.text;
/** Edits that touch different characters (two insertions at one place would leave their order open). */
const apart = (a: TextEdit, b: TextEdit): boolean => (a.end <= b.start || b.end <= a.start) && !(a.start === a.end && b.start === b.end && a.start === b.start);

/** `from` with the edits applied (they are apart), the last first so earlier positions hold. */
function applyEdits(from: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start || b.end - a.end).reduce((text, edit) => text.slice(0, edit.start) + edit.text + text.slice(edit.end), from);
}

/** A cell the combination writes: the step's index, and for a rewrite the text it started from and its edits. */
interface Written {
  index: number;
  from?: string;
  edits: TextEdit[];
}

/**
 * A second rewrite of a cell merged into the first (≥0.8万 → ≤0.8万 and ≥0.8万 → ≥0.8万元 are ≤0.8万元): the
 * edits once both rewrites started from the same text and change different characters of it; else null.
 */
function mergedEdits(written: Written, step: FixStep): TextEdit[] | null {
  if (step.kind !== 'setCell' || written.from === undefined || step.from !== written.from || typeof step.value !== 'string') return null;
  const edit = editOf(step.from, step.value);
  if (written.edits.some((other) => sameEdit(other, edit))) return written.edits;
  return written.edits.every((other) => apart(other, edit)) ? [...written.edits, edit] : null;
}

export interface CombinedFixes {
  fix: Fix | null;
  /**
   * Indices of fixes left out: they write a cell an earlier fix writes (other than by rewriting other
   * characters of the same text, which merges), or insert a row an earlier fix inserts (apply what is still
   * needed after a re-check).
   */
  skipped: number[];
}

/** combineFixes with what was left out; fix is null when no fix is given. */
export function combineFixesDetailed(fixes: readonly Fix[]): CombinedFixes {
  const inserts: Insert[] = [];
  const steps: FixStep[] = [];
  const written = new Map<string, Written>();
  const insertedRows = new Set<string>();
  const selects: { point: Point; col: number }[] = [];
  const descriptions: string[] = [];
  const skipped: number[] = [];
  fixes.forEach((fix, index) => {
    // Two fixes writing one cell from the same reading merge when they rewrite different characters of
    // its text (≥ turned to ≤ and 万 made 万元): one edit. Otherwise the second is left for after a
    // re-check rather than undoing the first.
    const own: { insert: Insert; id: number }[] = [];
    const mapped: { step: FixStep; key?: string }[] = [];
    const pending: Insert[] = [];
    for (const step of fix.steps) {
      if (step.kind === 'setCell') {
        const { row, col } = fromA1(step.cell);
        const point = pointOf(row, own);
        const all = inserts.concat(pending);
        const at = position(point, all, all.length);
        const key = 'original' in point ? `o${point.original}:${col}` : `n${point.insert}:${point.offset}:${col}`;
        mapped.push({ step: { ...step, cell: toA1(at, col) }, key });
      } else {
        const point = pointOf(step.before - 1, own);
        const all = inserts.concat(pending);
        const at = position(point, all, all.length);
        const formatFrom = position(pointOf(step.formatFrom - 1, own), all, all.length) + 1;
        const insert: Insert = { at, count: step.count };
        own.push({ insert: { at: step.before - 1, count: step.count }, id: inserts.length + pending.length });
        pending.push(insert);
        mapped.push({ step: { ...step, before: at + 1, formatFrom } });
      }
    }
    // A row another fix already inserts (a 满意度 row both missing-dimension and template-missing-indicator
    // offer) is inserted once: the second fix is left out, as a re-check after the first would drop it.
    const newRows = new Map<string, string[]>();
    for (const { step, key } of mapped) {
      if (step.kind === 'setCell' && key?.startsWith('n')) {
        const row = key.slice(1, key.lastIndexOf(':'));
        const col = key.slice(key.lastIndexOf(':') + 1);
        newRows.set(row, [...(newRows.get(row) ?? []), `${col}=${String(step.value)}`]);
      }
    }
    const rowContents = [...newRows.values()].map((cells) => cells.sort().join('\u0000'));
    const merges = new Map<string, TextEdit[] | null>();
    for (const { step, key } of mapped) {
      const earlier = key === undefined ? undefined : written.get(key);
      if (key !== undefined && earlier) merges.set(key, mergedEdits(earlier, step));
    }
    if ([...merges.values()].some((edits) => edits === null) || rowContents.some((content) => insertedRows.has(content))) {
      skipped.push(index);
      return;
    }
    for (const content of rowContents) insertedRows.add(content);
    for (const { step, key } of mapped) {
      const earlier = key === undefined ? undefined : written.get(key);
      const edits = key === undefined ? undefined : merges.get(key);
      if (earlier && edits && earlier.from !== undefined) {
        earlier.edits = edits;
        steps[earlier.index] = { ...(steps[earlier.index] as FixStep & { kind: 'setCell' }), value: applyEdits(earlier.from, edits) };
        continue;
      }
      steps.push(step);
      if (key) written.set(key, { index: steps.length - 1, ...(step.kind === 'setCell' && step.from !== undefined && typeof step.value === 'string' ? { from: step.from, edits: [editOf(step.from, step.value)] } : { edits: [] }) });
    }
    for (const insert of pending) inserts.push(insert);
    for (const cell of fix.select) {
      const { row, col } = fromA1(cell);
      selects.push({ point: pointOf(row, own), col });
    }
    descriptions.push(fix.description);
  });
  if (steps.length === 0) return { fix: null, skipped };
  const select = [...new Set(selects.map(({ point, col }) => toA1(position(point, inserts, inserts.length), col)))];
  return { fix: { description: descriptions.join('；'), steps, select }, skipped };
}

/**
 * Several fixes of one sheet as one fix. Fixes that would write a cell an earlier one writes are left out
 * (see combineFixesDetailed); throws when given no fix at all.
 */
export function combineFixes(fixes: readonly Fix[]): Fix {
  const { fix } = combineFixesDetailed(fixes);
  if (!fix) throw new Error('没有可合并的修正');
  return fix;
}
