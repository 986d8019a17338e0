/** A flat 一体化 export: one row per indicator, each project's fields in columns beside it. */
import type { AmountUnit } from '../model';
import { SheetCells } from './cells';
import type { Found } from './cells';
import { SIGNATURE_TEXT, TOTAL_ROW_TEXT } from './labels';
import type { HeaderField } from './labels';
import type { ReadSheetOptions, SheetTable } from './types';
import { DEPARTMENT_LABEL_SET, EXTRA_LABELS, INLINE_DEPARTMENT_LABEL, bareLabel, headerFieldOf, isAnyLabel, labelUnit } from './knownLabels';
import { GridHeader, stackedHeaderCells } from './locate';
import { HeaderBlock } from './headerFields';
import { ReadGrid, RowState, blankRow, readGridRow } from './gridRows';
import { buildSheet } from './assemble';

/** A flat export's header fields found as columns of its grid header row. */
export interface FlatColumns {
  project: number;
  fields: Partial<Record<HeaderField, { col: number; unit?: AmountUnit }>>;
  department: number | null;
  extras: { label: string; col: number }[];
}

export function flatColumnsOf(cells: SheetCells, header: GridHeader): FlatColumns | null {
  const fields: FlatColumns['fields'] = {};
  let department: number | null = null;
  const extras: FlatColumns['extras'] = [];
  for (const cell of stackedHeaderCells(cells, header.row)?.line ?? cells.rowOf(header.row)) {
    // A key/value head right of the grid (项目名称 | … past a blank column, where the grid ends) is no column of it.
    if (cell.col > header.toCol) continue;
    const field = headerFieldOf(cell.label);
    if (field && !fields[field]) fields[field] = { col: cell.col, unit: labelUnit(cell.label) };
    else if (DEPARTMENT_LABEL_SET.has(cell.label) || cell.label === INLINE_DEPARTMENT_LABEL) department ??= cell.col;
    else if (EXTRA_LABELS.has(bareLabel(cell.label))) extras.push({ label: bareLabel(cell.label), col: cell.col });
  }
  const project = fields.projectName?.col;
  return project === undefined ? null : { project, fields, department, extras };
}

/** The last row holding anything in the indicator columns (一级 … 指标值) of a flat export. */
function lastIndicatorRow(cells: SheetCells, header: GridHeader): number {
  const { level1, level2, level3, value } = header.columns;
  const columns = [level1, level2, level3, value].filter((c): c is number => c !== undefined);
  let last = header.dataRow;
  for (const row of cells.rows(header.dataRow, cells.bottom)) if (!blankRow(cells, row, columns)) last = row;
  return last;
}

/** Whether a row strictly between `above` and `below` holds nothing at all (no cell, no merge). */
function blankRowBetween(cells: SheetCells, above: number, below: number): boolean {
  for (let r = above + 1; r < below; r++) if (cells.rowOf(r).length === 0 && !cells.rowHasMerge(r)) return true;
  return false;
}

/**
 * A flat export (one row per indicator, the project's fields in columns beside it): one table per project,
 * each under its own name. Total rows (合计) and rows of no project are skipped.
 */
export function readFlat(cells: SheetCells, sheetName: string, header: GridHeader, flat: FlatColumns, unit: HeaderBlock['unit'], title: Found | null, options: ReadSheetOptions): SheetTable[] {
  interface Group {
    name: Found;
    grid: ReadGrid;
    state: RowState;
    block: HeaderBlock;
  }
  const groups = new Map<string, Group>();
  let current: Group | null = null;
  const gridCols = Object.values(header.columns).filter((c): c is number => c !== undefined);
  const lastIndicator = lastIndicatorRow(cells, header);
  for (const row of cells.rows(header.dataRow, cells.bottom)) {
    const line = cells.rowOf(row);
    if (line.some((cell) => SIGNATURE_TEXT.test(cell.text))) break;
    // Below the last indicator and a blank row: another table (a 资金安排表 by 村), not more projects.
    if (row > lastIndicator && blankRowBetween(cells, lastIndicator, row)) break;
    if (line.some((cell) => TOTAL_ROW_TEXT.test(cell.label))) continue;
    if (line.every((cell) => isAnyLabel(cell))) continue;
    const name = cells.shown(row, flat.project);
    if (name.text) {
      let group = groups.get(name.text);
      if (!group) {
        const block: HeaderBlock = { fields: {}, fiscalLevels: [], otherParts: [], extraFields: {}, extraRefs: {}, unit, department: null, title };
        group = { name, grid: { header, indicators: [], rowRefs: [], nextRow: row }, state: { lastLevel1: null, lastLevel2: null }, block };
        groups.set(name.text, group);
      }
      current = group;
    }
    if (!current || blankRow(cells, row, gridCols)) continue;
    const { block } = current;
    for (const [field, at] of Object.entries(flat.fields) as [HeaderField, { col: number; unit?: AmountUnit }][]) {
      if (block.fields[field]?.text) continue;
      const found = cells.shown(row, at.col);
      if (found.text || !block.fields[field]) block.fields[field] = { ...found, unit: at.unit };
    }
    if (flat.department !== null && !block.department?.text) block.department = cells.shown(row, flat.department);
    for (const { label, col } of flat.extras) {
      const found = cells.shown(row, col);
      if (found.text && !(label in block.extraFields)) {
        block.extraFields[label] = found.text;
        block.extraRefs[label] = found.address;
      }
    }
    readGridRow(cells, header, row, current.state, current.grid);
  }
  return [...groups.values()].map((group) => buildSheet(cells, sheetName, group.block, [group.grid], header.row, options));
}
