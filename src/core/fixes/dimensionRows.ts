/**
 * The rows that fill a missing dimension: the project's own rows of that dimension from its library table
 * when it has some, else the framework's standard row for each 二级 (named after the 二级, value left empty).
 */
import { findLevel1, findLevel2, type Dimension, type Framework, type Level1Dimension } from '../frameworks';
import type { IndicatorRow, LibraryTable } from '../model';
import type { NewIndicatorRow } from './indicatorRows';

/** A library or sheet row as a row to insert. */
export function newRowOf(row: IndicatorRow): NewIndicatorRow {
  return { level1: row.level1, level2: row.level2, level3: row.level3, value: row.value, description: row.description, unit: row.unit };
}

/**
 * The standard row of a 二级: its 一级 and 二级 only, 三级 and 指标值 left for the clerk (selected once
 * inserted). Never a name made from the 二级 (`成本` under 成本指标): such scaffolding passes as an indicator
 * once any value is typed, and generic-indicator flags it.
 */
export function standardRow(level1: Level1Dimension, level2: Dimension): NewIndicatorRow {
  return { level1: level1.name, level2: level2.name, level3: '', value: '' };
}

export interface DimensionRows {
  rows: NewIndicatorRow[];
  /** How many came from the library table (the rest are standard rows). */
  fromLibrary: number;
}

/** Rows for the given 二级 of a 一级: the template's rows of each when it has any, else a standard row. */
export function dimensionRows(framework: Framework, level1: Level1Dimension, level2s: readonly Dimension[], template: LibraryTable | null): DimensionRows {
  const rows: NewIndicatorRow[] = [];
  let fromLibrary = 0;
  for (const level2 of level2s) {
    const own = (template?.indicators ?? []).filter(
      (row) => findLevel1(framework, row.level1) === level1 && findLevel2(framework, level1.name, row.level2) === level2 && (row.level3.trim() || row.value.trim()),
    );
    if (own.length > 0) {
      for (const row of own) rows.push(newRowOf(row));
      fromLibrary += own.length;
    } else {
      rows.push(standardRow(level1, level2));
    }
  }
  return { rows, fromLibrary };
}
