// Re-dressings that copies made by people and converters produce: labels broken over lines or spaced out,
// headers split over two rows, vertical side labels, numbers stored as text, HTML-converter output, blank
// rows between blocks, a 序号 column, notes and a second small table near the form. Each reads the same to a
// person; each returns null where it does not apply (said, and counted apart, never as a pass).
import { parseRange, toA1 } from '../../src/core/sheet/address';
import { ALL_HEADER_LABELS, normalizeLabel } from '../../src/core/sheet/labels';
import type { CellGrid, CellValue, SheetTable } from '../../src/core/sheet/types';
import type { Mutation, Values } from './layoutMutator';
import { MUTATIONS } from './layoutMutator';
import { at, copyValues, get, gridRows, headerCells, insertRow, set, width } from './layoutMutator';

const CJK = /[\u4e00-\u9fff]/;
const text = (value: CellValue): string => (value === null || value === undefined ? '' : String(value));

/** `一级指标` → `一级\n指标`: a break in the middle of a label of four characters or more. */
function brokenLabel(label: string): string | null {
  const bare = label.replace(/\s+/g, '');
  if (bare.length < 4 || ![...bare].every((ch) => CJK.test(ch))) return null;
  const half = Math.floor(bare.length / 2);
  return `${bare.slice(0, half)}\n${bare.slice(half)}`;
}

/** `产出指标` → `产 出 指 标`: a space (ideographic or not) between two Chinese characters (numbering, weights kept). */
const spacedOut = (name: string, space: string): string => [...name].map((ch, i, all) => (i > 0 && CJK.test(ch) && CJK.test(all[i - 1]) ? space + ch : ch)).join('');

/** The columns of the main grid (its header's cells and every row's cells), left to right. */
function gridColumns(grid: CellGrid, sheet: SheetTable): number[] {
  const cols = new Set(headerCells(grid, sheet).cols);
  for (const { refs } of sheet.grids[0].rows) for (const a1 of [refs.level1, refs.level2, refs.level3, refs.value]) if (a1) cols.add(at(a1).col);
  return [...cols].sort((a, b) => a - b);
}

/** Line breaks in the grid's header labels and the header block's labels; 一级 and 二级 names spaced out. */
function labelBreaks(grid: CellGrid, sheet: SheetTable): CellGrid | null {
  const { header } = gridRows(sheet);
  const values = copyValues(grid);
  let changed = false;
  for (let r = 0; r <= header; r++) {
    for (const [c, value] of (values[r] ?? []).entries()) {
      const label = text(value);
      if (r < header && !ALL_HEADER_LABELS.has(normalizeLabel(label))) continue;
      const broken = brokenLabel(label);
      if (broken) {
        set(values, r, c, broken);
        changed = true;
      }
    }
  }
  for (const { refs, row } of sheet.grids[0].rows) {
    // 一级 names spaced out with ideographic spaces, 二级 names broken over two lines (`数量\n指标`).
    for (const [a1, name, redress] of [[refs.level1, row.level1, (n: string) => spacedOut(n, '\u3000')], [refs.level2, row.level2, (n: string) => brokenLabel(n) ?? spacedOut(n, ' ')]] as const) {
      if (!a1 || !name || text(get(values, at(a1).row, at(a1).col)) !== name) continue;
      set(values, at(a1).row, at(a1).col, redress(name));
      changed = true;
    }
  }
  return changed ? { ...grid, values } : null;
}

/** The grid's header labels split over two rows (`一级` over `指标`), no merges: what a narrow column prints. */
function splitHeader(grid: CellGrid, sheet: SheetTable): CellGrid | null {
  const { row, cols } = headerCells(grid, sheet);
  // A grid with no header row of its own (its headers removed) has no labels to split.
  if (row >= gridRows(sheet).first) return null;
  // A merged header cell (over two rows or columns) stays whole.
  const merged = (c: number) => grid.merges.some((range) => {
    const { start, end } = parseRange(range);
    return start.row <= row && end.row >= row && start.col <= c && end.col >= c;
  });
  const inserted = insertRow(grid, row + 1);
  const values = copyValues(inserted);
  let changed = false;
  for (const c of cols.filter((col) => !merged(col))) {
    const label = text(get(values, row, c)).replace(/\s+/g, '');
    // At a word where there is one (`一级` / `指标`, `绩效指标` / `描述`, `评分细则` / `(150字内)`), else in the middle.
    const remark = label.search(/[（(]/);
    const word = label.endsWith('指标') ? label.length - 2 : label.includes('指标') ? label.indexOf('指标') + 2 : remark > 0 ? remark : Math.floor(label.length / 2);
    const cut = label.length >= 4 && word > 0 && word < label.length ? word : 0;
    if (cut === 0) continue;
    set(values, row, c, label.slice(0, cut));
    set(values, row + 1, c, label.slice(cut));
    changed = true;
  }
  return changed ? { ...inserted, values } : null;
}

/** Inserts a blank column at `index` in rows from..to only, moving the merges inside those rows. */
function insertColumnInRows(grid: CellGrid, index: number, from: number, to: number): CellGrid | null {
  const straddles = grid.merges.some((range) => {
    const { start, end } = parseRange(range);
    return end.col >= index && ((start.row < from && end.row >= from) || (start.row <= to && end.row > to));
  });
  if (straddles) return null;
  const values = copyValues(grid).map((line, r) => (r >= from && r <= to && line.length > index ? [...line.slice(0, index), null, ...line.slice(index)] : line));
  const merges = grid.merges.map((range) => {
    const { start, end } = parseRange(range);
    if (start.row < from || start.row > to || end.col < index) return range;
    return `${toA1(start.row, start.col >= index ? start.col + 1 : start.col)}:${toA1(end.row, end.col + 1)}`;
  });
  return { ...grid, values, merges };
}

/** Rows `from`..grid's last moved one column right: the new blank column (`left`) to fill; null when merges straddle them. */
function columnLeftOfGrid(grid: CellGrid, sheet: SheetTable, from = gridRows(sheet).header): { shifted: CellGrid; values: Values; header: number; last: number; left: number } | null {
  const { header, last } = gridRows(sheet);
  // Left of the form's rows: of the grid, and of the header block's labels when they are moved too.
  const firsts = grid.values.slice(from, header).map((line) => (line ?? []).findIndex((value) => text(value) !== '')).filter((c) => c >= 0);
  const left = Math.min(gridColumns(grid, sheet)[0], ...firsts);
  const shifted = insertColumnInRows(grid, left, from, last);
  return shifted && { shifted, values: copyValues(shifted), header, last, left };
}

/** The first row of the header block's fields: its first known label (项目名称 …) above the grid, or null. */
function fieldsTop(grid: CellGrid, sheet: SheetTable): number | null {
  const { header } = gridRows(sheet);
  const row = grid.values.slice(0, header).findIndex((line) => (line ?? []).some((value) => ALL_HEADER_LABELS.has(normalizeLabel(text(value)))));
  return row < 0 ? null : row;
}

/**
 * Side labels down a column of their own left of the form, one character per row, nothing merged (S33's 总 and
 * 绩): 项目信息 beside the header block's fields, 绩效指标 beside the grid.
 */
function verticalSideLabel(grid: CellGrid, sheet: SheetTable): CellGrid | null {
  const top = fieldsTop(grid, sheet);
  const { header } = gridRows(sheet);
  const moved = columnLeftOfGrid(grid, sheet, top !== null && top < header ? top : header);
  if (!moved) return null;
  const { shifted, values, last, left } = moved;
  const down = (label: string, from: number, to: number) => [...label].forEach((ch, i) => from + i <= to && set(values, from + i, left, ch));
  if (top !== null && top < header) down('项目信息', top, header - 1);
  down('绩效指标', header, last);
  return { ...shifted, values };
}

/** `1,234.5万元`: an amount written as text with thousands separators and its unit. */
function amountText(amount: number, unit: string): string {
  const [whole, fraction] = String(amount).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}${unit}`;
}

/** The header block's amounts stored as text, with separators and the unit in the cell. */
function numbersAsText(grid: CellGrid, sheet: SheetTable): CellGrid | null {
  const values = copyValues(grid);
  let changed = false;
  for (const field of ['budgetTotal', 'budgetFiscal', 'budgetOther'] as const) {
    const a1 = sheet.refs[field];
    if (!a1) continue;
    const { row, col } = at(a1);
    const value = get(values, row, col);
    if (typeof value !== 'number') continue;
    set(values, row, col, amountText(value, sheet.amountUnits?.[field] ?? sheet.table.unit));
    changed = true;
  }
  return changed ? { ...grid, values } : null;
}

/** HTML-converter output: the merges lost (the value only in a former merge's first cell), numbers as text, rows padded to width. */
function htmlConverted(grid: CellGrid): CellGrid | null {
  if (grid.merges.length === 0) return null;
  const values = copyValues(grid);
  const full = width(values);
  // Every cell comes back as text (`292`, not 292), and every row as wide as the widest.
  for (const line of values) {
    for (const [c, value] of line.entries()) if (typeof value === 'number') line[c] = String(value);
    while (line.length < full) line.push('');
  }
  for (const range of grid.merges) {
    const { start, end } = parseRange(range);
    for (let r = start.row; r <= end.row; r++) for (let c = start.col; c <= end.col; c++) if (r !== start.row || c !== start.col) set(values, r, c, '\u00a0');
  }
  return { ...grid, values, merges: [] };
}

/** A blank row between every 一级 block of the main grid. */
function blankBetweenBlocks(grid: CellGrid, sheet: SheetTable): CellGrid | null {
  const starts: number[] = [];
  let level1: string | null = null;
  for (const { row, refs } of sheet.grids[0].rows) {
    if (row.level1 === level1) continue;
    level1 = row.level1;
    starts.push(Math.min(...[refs.level1, refs.level2, refs.level3, refs.value].filter((a1) => a1).map((a1) => at(a1).row)));
  }
  const breaks = starts.slice(1).filter((r, i, all) => all.indexOf(r) === i).sort((a, b) => b - a);
  if (breaks.length === 0) return null;
  return breaks.reduce((g, r) => insertRow(g, r), grid);
}

/** The grid moved one column right, a 序号 column (1, 2, 3 …) on its indicator rows. */
function serialColumn(grid: CellGrid, sheet: SheetTable): CellGrid | null {
  const moved = columnLeftOfGrid(grid, sheet);
  if (!moved) return null;
  const { shifted, values, header, left } = moved;
  set(values, header, left, '序号');
  const rows = [...new Set(sheet.grids[0].rows.map(({ refs }) => at(refs.value).row))].sort((a, b) => a - b);
  rows.forEach((r, i) => set(values, r, left, i + 1));
  return { ...shifted, values };
}

const NOTES: Values = [
  ['注：1.指标值应尽量量化，不能量化的采用定性的分级分档形式表述；2.金额单位为万元。'],
  ['填报说明：'],
  ['1、一级指标包括产出指标、效益指标和满意度指标，二级指标按规定设置；'],
  ['2、产出指标包括数量指标、质量指标、时效指标、成本指标，不得空缺。'],
];

/** Notes (注：…, 填报说明) right under the grid, in its first column. */
function trailingNotes(grid: CellGrid, sheet: SheetTable): CellGrid | null {
  const { last } = gridRows(sheet);
  const left = gridColumns(grid, sheet)[0];
  let g = grid;
  for (const [i, [note]] of NOTES.entries()) g = insertRow(g, last + 1 + i, [...Array<CellValue>(left).fill(null), note]);
  return g;
}

/** A small 资金安排表 by 村: title, header and rows. */
const SIDE_TABLE: Values = [['资金安排表'], ['序号', '村名', '安排资金（万元）'], [1, '东岭村', 12.5], [2, '西河村', 8], ['合计', null, 20.5]];

/** A second, unrelated small table beside the form, one blank column right of it, level with the grid. */
function tableBeside(grid: CellGrid, sheet: SheetTable): CellGrid | null {
  const top = Math.max(0, gridRows(sheet).header - 1);
  const right = width(grid.values) + 1;
  const values = copyValues(grid);
  SIDE_TABLE.forEach((line, i) => line.forEach((value, c) => set(values, top + i, right + c, value)));
  return { ...grid, values };
}

/** The same small table below the whole form, after a blank row. */
function tableBelow(grid: CellGrid): CellGrid | null {
  return { ...grid, values: [...copyValues(grid), [], ...SIDE_TABLE.map((line) => [...line])] };
}

export const COPY_MUTATIONS: readonly Mutation[] = [
  { kind: 'label-breaks', label: '标签内换行和全角空格', apply: labelBreaks },
  { kind: 'split-header', label: '表头拆成两行（一级 / 指标）', apply: splitHeader },
  { kind: 'vertical-side-label', oneTable: true, label: '竖排侧栏（一字一行）', apply: verticalSideLabel },
  { kind: 'numbers-as-text', label: '金额存为文本（千分位、带万元）', apply: numbersAsText },
  { kind: 'html-converted', label: 'HTML 转换（合并丢失、数字成文本、行补齐）', apply: htmlConverted },
  { kind: 'blank-between-blocks', oneTable: true, label: '一级块之间空一行', apply: blankBetweenBlocks },
  { kind: 'serial-column', oneTable: true, label: '指标表右移一列加序号', apply: serialColumn },
  { kind: 'trailing-notes', oneTable: true, label: '表下注释和填报说明', apply: trailingNotes },
  { kind: 'table-beside', oneTable: true, label: '旁边另有一张小表（资金安排表）', apply: tableBeside },
  { kind: 'table-below', label: '下方另有一张小表（资金安排表）', apply: tableBelow },
];

/** Every kind of re-dressing, the layout mutator's and the copies'. */
export const ALL_MUTATIONS: readonly Mutation[] = [...MUTATIONS, ...COPY_MUTATIONS];
