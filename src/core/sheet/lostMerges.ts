/**
 * A 一级 merged down its block, on a page converted to a sheet with the merge lost, lands in the block's middle
 * row (where the page centred it): the rows above it are blank there and carrying the name down would give
 * them the block above's 一级. A grid whose first row has no 一级 of its own is read so: each row whose 一级
 * is not its own takes its 二级's home when that 一级 is named in the grid, and the first rows whose 二级 has
 * no home take the first name below.
 */
import { fromA1 } from './address';
import type { GridRead } from './gridRows';
import type { SheetCells } from './cells';
import type { GridHeader } from './locate';
import { level1Home } from './vocabulary';

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
