// Teaching, matching and applying a layout profile. Applying never touches the workbook: it rewrites
// label texts in a virtual copy of the grid, beside the cells the person pointed at, so the standard reader
// reads canonical labels and every address it reports is still the user's real cell.
import { columnIndex, columnName, fromA1, parseRange, toA1 } from '../sheet/address';
import type { RangePosition } from '../sheet/address';
import { cellText } from '../sheet/cells';
import { GRID_COLUMN_LABELS, HEADER_FIELD_LABELS, LABELS, normalizeLabel, splitLabelUnit } from '../sheet/labels';
import type { CellGrid, CellValue } from '../sheet/types';
import { LAYOUT_COLUMNS, LAYOUT_FIELDS, LAYOUT_FORMAT, LAYOUT_PART_NAMES, LAYOUT_VERSION } from './profile';
import type { LayoutColumn, LayoutField, LayoutProfile } from './profile';

/** The label the standard reader reads for each taught part (src/core/sheet/labels.ts). */
const CANONICAL: Record<LayoutField | LayoutColumn, string> = {
  projectName: LABELS.projectName,
  budgetTotal: LABELS.budgetTotal,
  budgetFiscal: LABELS.budgetFiscal,
  budgetOther: LABELS.budgetOther,
  goals: '年度绩效目标',
  level1: LABELS.level1,
  level2: LABELS.level2,
  level3: LABELS.level3,
  value: LABELS.value,
};

/** A second file of a form may carry a line more or less above its table (a title, a 单位 line). */
const MAX_ROW_SHIFT = 5;

/** Labels that would compete with a taught field's rewritten label (the reader takes the first it meets). */
function competingFieldLabels(fields: Iterable<LayoutField>): ReadonlySet<string> {
  return new Set([...fields].flatMap((field) => HEADER_FIELD_LABELS[field]));
}
const GRID_LABELS: ReadonlySet<string> = new Set([...GRID_COLUMN_LABELS.level1, ...GRID_COLUMN_LABELS.level2, ...GRID_COLUMN_LABELS.level3, ...GRID_COLUMN_LABELS.value]);

/** What a person pointed at, before it becomes a profile: 0-based positions. */
export interface LayoutPointing {
  fields: Partial<Record<LayoutField, { row: number; col: number }>>;
  /** 0-based first indicator row. */
  firstDataRow: number | null;
  columns: Partial<Record<LayoutColumn, number>>;
}

/** The grid's cells and merges, for the few positions a profile names. */
class GridView {
  private readonly areas: RangePosition[];
  constructor(readonly grid: CellGrid) {
    this.areas = grid.merges.map((range) => parseRange(range));
  }
  value(row: number, col: number): CellValue {
    return this.grid.values[row - this.grid.top]?.[col - this.grid.left] ?? null;
  }
  text(row: number, col: number): string {
    return cellText(this.value(row, col));
  }
  area(row: number, col: number): RangePosition | null {
    return this.areas.find((a) => row >= a.start.row && row <= a.end.row && col >= a.start.col && col <= a.end.col) ?? null;
  }
  /** The cell holding the value shown at a position: the top-left of its merge. */
  origin(row: number, col: number): { row: number; col: number } {
    const area = this.area(row, col);
    return area ? area.start : { row, col };
  }
}

type Part = LayoutField | LayoutColumn;

/** Where the reader will find a field's label: left of the value cell when free, else above it. */
function labelCellOf(view: GridView, at: { row: number; col: number }, pointed: ReadonlySet<string>): { row: number; col: number } | null {
  const valueArea = view.area(at.row, at.col) ?? { start: at, end: at };
  if (at.col - 1 >= view.grid.left) {
    const left = view.origin(at.row, at.col - 1);
    const leftArea = view.area(left.row, left.col);
    // A label taller than its value (资金情况 over three amount rows) is a group, not this value's label.
    const fits = left.row === at.row && (!leftArea || leftArea.end.row <= valueArea.end.row);
    if (fits && !pointed.has(toA1(left.row, left.col))) return left;
  }
  if (at.row - 1 >= view.grid.top) {
    const above = view.origin(at.row - 1, at.col);
    if (above.col === at.col && !pointed.has(toA1(above.row, above.col))) return above;
  }
  return null;
}

interface Placement {
  part: Part;
  /** Where the canonical label goes. */
  label: { row: number; col: number };
}

/** Where each taught part's canonical label goes, and why a part cannot be placed (Chinese). */
function placements(view: GridView, profile: LayoutProfile, shift: number): { placed: Placement[]; problems: string[] } {
  const placed: Placement[] = [];
  const problems: string[] = [];
  const headerRow = profile.grid.firstDataRow - 2 + shift;
  const pointed = new Set<string>();
  const fieldAt = new Map<LayoutField, { row: number; col: number }>();
  for (const field of LAYOUT_FIELDS) {
    const address = profile.fields[field];
    if (!address) continue;
    const { row, col } = fromA1(address);
    const at = view.origin(row + shift, col);
    fieldAt.set(field, at);
    pointed.add(toA1(at.row, at.col));
  }
  for (const [field, at] of fieldAt) {
    if (at.row >= headerRow) {
      problems.push(`${LAYOUT_PART_NAMES[field]}（${toA1(at.row, at.col)}）应在指标表之上`);
      continue;
    }
    const label = labelCellOf(view, at, pointed);
    if (label) placed.push({ part: field, label });
    else problems.push(`${LAYOUT_PART_NAMES[field]}（${toA1(at.row, at.col)}）的左边和上边都没有可放标签的单元格`);
  }
  for (const column of LAYOUT_COLUMNS) {
    const name = profile.grid.columns[column];
    if (name === undefined) continue;
    const col = columnIndex(name);
    if (pointed.has(toA1(headerRow, col))) problems.push(`${LAYOUT_PART_NAMES[column]}的表头行与已指定的字段重合`);
    else placed.push({ part: column, label: { row: headerRow, col } });
  }
  return { placed, problems };
}

/** The label a part gets: canonical, keeping the money unit the form's own label names (`（元）`). */
function canonicalLabel(part: Part, original: string): string {
  const unit = splitLabelUnit(normalizeLabel(original)).unit;
  return unit && (part === 'budgetTotal' || part === 'budgetFiscal' || part === 'budgetOther') ? `${CANONICAL[part]}（${unit}）` : CANONICAL[part];
}

/**
 * A profile from what a person pointed at: the form's own label texts beside those cells become the
 * signature that recognises the form again. Null with a reason when the form prints too few labels there.
 */
export function teachLayout(grid: CellGrid, name: string, pointing: LayoutPointing): { profile: LayoutProfile | null; problem: string | null } {
  const missing = (['level1', 'level2', 'value'] as const).filter((column) => pointing.columns[column] === undefined);
  if (pointing.firstDataRow === null || missing.length > 0) {
    const parts = [...(pointing.firstDataRow === null ? ['第一行指标'] : []), ...missing.map((column) => LAYOUT_PART_NAMES[column])];
    return { profile: null, problem: `还需指定：${parts.join('、')}` };
  }
  const columns = Object.fromEntries(Object.entries(pointing.columns).map(([column, col]) => [column, columnName(col)])) as LayoutProfile['grid']['columns'];
  const fields: LayoutProfile['fields'] = {};
  for (const [field, at] of Object.entries(pointing.fields) as [LayoutField, { row: number; col: number }][]) fields[field] = toA1(at.row, at.col);
  const draft: LayoutProfile = { format: LAYOUT_FORMAT, version: LAYOUT_VERSION, name: name.trim() || '未命名表样', signature: [], fields, grid: { firstDataRow: pointing.firstDataRow + 1, columns } };
  const view = new GridView(grid);
  const { placed, problems } = placements(view, draft, 0);
  if (problems.length > 0) return { profile: null, problem: problems.join('；') };
  const signature = placed.flatMap(({ label }) => {
    const text = normalizeLabel(view.text(label.row, label.col));
    return text ? [{ cell: toA1(label.row, label.col), text }] : [];
  });
  if (signature.length < 2) return { profile: null, problem: '指定的单元格旁边几乎没有表样自己的标签文字，无法据此认出同一种表；请确认指定的是填写内容的单元格' };
  return { profile: { ...draft, signature }, problem: null };
}

/** The row shift at which every signature label stands where the profile says; null when the form is another. */
export function layoutShift(grid: CellGrid, profile: LayoutProfile): number | null {
  const view = new GridView(grid);
  const cells = profile.signature.map(({ cell, text }) => ({ ...fromA1(cell), text }));
  for (let step = 0; step <= 2 * MAX_ROW_SHIFT; step++) {
    const shift = step % 2 === 0 ? step / 2 : -(step + 1) / 2;
    if (cells.every(({ row, col, text }) => row + shift >= 0 && normalizeLabel(view.text(row + shift, col)) === text)) return shift;
  }
  return null;
}

/** The profile that recognises this grid (the one with most signature labels when several do), and its shift. */
export function matchLayout(grid: CellGrid, profiles: readonly LayoutProfile[]): { profile: LayoutProfile; shift: number } | null {
  let best: { profile: LayoutProfile; shift: number } | null = null;
  for (const profile of profiles) {
    if (best && best.profile.signature.length >= profile.signature.length) continue;
    const shift = layoutShift(grid, profile);
    if (shift !== null) best = { profile, shift };
  }
  return best;
}

/** A copy of the grid whose rows can be written one cell at a time; untouched rows are shared, not copied. */
class VirtualGrid {
  private readonly values: CellValue[][];
  private readonly copied = new Set<number>();
  constructor(private readonly grid: CellGrid) {
    this.values = grid.values.slice();
  }
  set(row: number, col: number, value: CellValue): void {
    const r = row - this.grid.top;
    const c = col - this.grid.left;
    if (r < 0 || c < 0) return;
    if (!this.copied.has(r)) {
      this.values[r] = this.values[r] ? this.values[r].slice() : [];
      this.copied.add(r);
    }
    this.values[r][c] = value;
  }
  result(merges: string[]): CellGrid {
    return { ...this.grid, values: this.values, merges };
  }
}

/**
 * The grid as the reader should see it under a profile: canonical labels beside the taught cells, the
 * form's own competing labels (another 项目名称, another 一级指标 header) blanked, and merges that would
 * hide a rewritten header cell split. Cell addresses are unchanged. `problems` says what could not be placed.
 */
export function applyLayout(grid: CellGrid, profile: LayoutProfile, shift = 0): { grid: CellGrid; problems: string[] } {
  const view = new GridView(grid);
  const { placed, problems } = placements(view, profile, shift);
  const out = new VirtualGrid(grid);
  const headerRow = profile.grid.firstDataRow - 2 + shift;
  const written = new Set(placed.map(({ label }) => toA1(label.row, label.col)));
  const fieldLabels = competingFieldLabels(placed.flatMap(({ part }) => ((LAYOUT_FIELDS as readonly string[]).includes(part) ? [part as LayoutField] : [])));
  // Above the grid: the form's own labels of a taught field, and any grid header labels, would be read first.
  for (let r = 0; r < grid.values.length && grid.top + r <= headerRow; r++) {
    const line = grid.values[r];
    if (!line) continue;
    line.forEach((value, c) => {
      const row = grid.top + r;
      const col = grid.left + c;
      if (written.has(toA1(row, col))) return;
      const label = normalizeLabel(cellText(value));
      const bare = splitLabelUnit(label).label;
      const competes = GRID_LABELS.has(label) || (row < headerRow && (fieldLabels.has(label) || fieldLabels.has(bare)));
      if (competes) out.set(row, col, null);
    });
  }
  for (const { part, label } of placed) out.set(label.row, label.col, canonicalLabel(part, view.text(label.row, label.col)));
  // A header cell under a merge from the row above would be skipped by the reader: the merge is split.
  const merges = grid.merges.filter((range) => {
    const area = parseRange(range);
    return !placed.some(({ label }) => label.row >= area.start.row && label.row <= area.end.row && label.col >= area.start.col && label.col <= area.end.col && (label.row !== area.start.row || label.col !== area.start.col));
  });
  return { grid: out.result(merges), problems };
}

/** The grid to read: under the profile that recognises it, else the grid itself. */
export function withLayouts(grid: CellGrid, profiles: readonly LayoutProfile[] | undefined): CellGrid {
  if (!profiles || profiles.length === 0) return grid;
  const match = matchLayout(grid, profiles);
  return match ? applyLayout(grid, match.profile, match.shift).grid : grid;
}
