// The hostile workbooks of issue #9, generated at test time (and by the bench): small on disk, each
// aimed at one way reading or checking could run away.
import type { PerformanceTable } from '../../../src/core/model';
import { planTableSheet } from '../../../src/core/sheet/layout';
import { seedTable } from '../../support/seed';
import { fromA1 } from '../../../src/core/sheet/address';
import { cellXml, LAST_CELL, planSheet, rawXlsx, type RawSheet } from './rawXlsx';

/** The sheet of a table as jixiao lays it out. */
export function tableSheet(table: PerformanceTable, name = '表1'): RawSheet {
  return planSheet(planTableSheet(table, { sheetName: name, framework: 'seed' }));
}

/**
 * A valid table of `rows` indicator rows (200k: past where Math.max(...rows) overflowed): seed table 1's
 * header as laid out, then its 12 indicator rows over and over, 一级 repeated on each row (as exports do),
 * costs small enough that their sum stays within the budget.
 */
export function manyRowsXlsx(rows: number): Uint8Array {
  const table = seedTable(1);
  const header = tableSheet({ ...table, indicators: table.indicators.slice(0, 1) });
  const headerRow = 9;
  const cells = header.cells.filter((c) => fromA1(c.address).row < headerRow);
  const merges = (header.merges ?? []).filter((m) => fromA1(m.split(':')[1]).row < headerRow);
  function* indicatorRows(): Generator<string> {
    for (let i = 0; i < rows; i++) {
      const row = table.indicators[i % table.indicators.length];
      const r = headerRow + i + 1;
      const value = row.level2 === '成本指标' ? '≤0.001万元' : row.value;
      const texts = [row.level1, row.level2, `${row.level3}${i + 1}`, row.description, value];
      yield `<row r="${r}">${texts.map((text, c) => cellXml({ address: `${'ABCDE'[c]}${r}`, value: text })).join('')}</row>`;
    }
  }
  return rawXlsx([{ name: '表1', cells, merges, rows: indicatorRows() }]);
}

/** A real table plus one cell at XFD1048576: a rectangle of 17 billion cells if the used range is built. */
export function lastCellXlsx(): Uint8Array {
  const sheet = tableSheet(seedTable(1));
  return rawXlsx([{ ...sheet, cells: [...sheet.cells, { address: LAST_CELL, value: '末' }] }]);
}

/** A real table and a merge A30:XFD1048576 below it: 17 billion cells if the merge is expanded. */
export function hugeMergeXlsx(): Uint8Array {
  const sheet = tableSheet(seedTable(1));
  return rawXlsx([{ ...sheet, merges: [...(sheet.merges ?? []), `A30:${LAST_CELL}`] }]);
}

/** A zip bomb: a sheet part of `inflatedMB` MB of empty rows that deflates to a few hundred KB. */
export function zipBombXlsx(inflatedMB: number): Uint8Array {
  const row = '<row r="1"/>';
  return rawXlsx([{ name: '表1', cells: [{ address: 'A1', value: '项目名称' }], padding: { text: row, times: Math.floor((inflatedMB * 1024 * 1024) / row.length) } }]);
}
