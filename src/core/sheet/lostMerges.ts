// Grids whose merges a converter (HTML, PDF) lost, read as the merged cells read.
import { fromA1 } from './address';
import type { GridRead } from './gridRows';
import type { SheetCells } from './cells';
import type { GridHeader } from './locate';
import { isLevel1Name, level1Home } from './vocabulary';
import { SIGNATURE_TEXT } from './labels';
import { isAnyLabel } from './knownLabels';

/**
 * A 一级 merged down its block, on a page converted to a sheet with the merge lost, lands in the block's middle
 * row (where the page centred it): the rows above it are blank there and carrying the name down would give
 * them the block above's 一级. A grid whose first row has no 一级 of its own is read so: each row whose 一级
 * is not its own takes its 二级's home when that 一级 is named in the grid, and the first rows whose 二级 has
 * no home take the first name below.
 */
export function withCentredLevel1(cells: SheetCells, header: GridHeader, read: GridRead): GridRead {
  const { indicators, rowRefs } = read;
  const col = header.columns.level1;
  if (indicators.length === 0 || col === undefined) return read;
  const rowOf = (i: number) => fromA1(rowRefs[i].value || rowRefs[i].level3).row;
  // A grid that kept a merge in its 一级 column kept them all.
  if (indicators.some((_, i) => cells.merge(rowOf(i), col) !== undefined)) return read;
  const own = indicators.map((row, i) => row.level1 !== '' && cells.shown(rowOf(i), col).text === row.level1);
  if (own[0] || cells.shown(rowOf(0), col).text !== '' || !own.some(Boolean)) return read;
  const named = new Map<string, string>();
  indicators.forEach((row, i) => {
    if (own[i] && !named.has(row.level1)) named.set(row.level1, rowRefs[i].level1);
  });
  const firstNamed = own.indexOf(true);
  const moved = indicators.map((row, i) => {
    if (own[i]) return { row, refs: rowRefs[i] };
    const home = level1Home(row.level2);
    const level1 = home !== null ? (named.has(home) ? home : row.level1) : i < firstNamed ? indicators[firstNamed].level1 : row.level1;
    const address = named.get(level1) ?? rowRefs[i].level1;
    return { row: { ...row, level1 }, refs: { ...rowRefs[i], level1: address } };
  });
  return { ...read, indicators: moved.map((m) => m.row), rowRefs: moved.map((m) => m.refs) };
}

/** Rows looked down a column under its head for a filled cell (the rows a form prints under one head). */
const HEAD_REACH = 40;

/**
 * Whether a column holds a name under the grid's head past the rows read (the 满意度 block of a form whose long
 * 效益 name ends the grid, S8), up to the next label row or signature line.
 */
function filledUnderHead(cells: SheetCells, header: GridHeader, col: number): boolean {
  for (const row of cells.rows(header.dataRow, Math.min(cells.bottom, header.dataRow + HEAD_REACH))) {
    const line = cells.rowOf(row);
    if (line.some((c) => SIGNATURE_TEXT.test(c.text) || (c.col >= header.fromCol && c.col <= header.toCol && !cells.covered(row, c.col) && isAnyLabel(c)))) return false;
    if (!cells.covered(row, col) && cells.text(row, col) !== '') return true;
  }
  return false;
}

/**
 * A 一级 whose block leaves the 二级 column blank on every row, right beside it, in a grid that fills that
 * column elsewhere: one name printed over both columns (制度指标 over 一级 | 二级, S36; a converter that lost
 * the merge leaves the 二级 cell blank) over indicators named in the 三级 column. Read as the merged cell reads,
 * the name standing for both levels.
 */
export function withLevel1OverLevel2(cells: SheetCells, header: GridHeader, read: GridRead): GridRead {
  const { level1: level1Col, level2: level2Col } = header.columns;
  if (header.pairColumn || level1Col === undefined || level2Col !== level1Col + 1) return read;
  const { indicators, rowRefs } = read;
  if (!indicators.some((row) => row.level2) && !filledUnderHead(cells, header, level2Col)) return read;
  const blockOf = (i: number) => rowRefs[i].level1;
  // Each 一级 cell's rows, in one pass (a grid filled down has one block per row).
  const blocks = new Map<string, GridRead['indicators']>();
  for (const [i, row] of indicators.entries()) {
    if (!row.level1) continue;
    const block = blocks.get(blockOf(i));
    if (block) block.push(row);
    else blocks.set(blockOf(i), [row]);
  }
  const spans = new Set<string>();
  for (const [address, block] of blocks) {
    const { row } = fromA1(address);
    // A 二级's name in the 一级 column (a form whose levels stand one column left, withLevelsShifted) spans nothing.
    const level2Name = level1Home(block[0].level1) !== null && !isLevel1Name(block[0].level1);
    const named = block.some((r) => r.level3);
    if (!level2Name && named && block.every((r) => !r.level2) && !cells.covered(row, level2Col) && cells.shown(row, level2Col).text === '') spans.add(address);
  }
  if (spans.size === 0) return read;
  return {
    ...read,
    indicators: indicators.map((row, i) => (spans.has(blockOf(i)) ? { ...row, level2: row.level1 } : row)),
    rowRefs: rowRefs.map((refs) => (spans.has(refs.level1) ? { ...refs, level2: refs.level1 } : refs)),
  };
}
