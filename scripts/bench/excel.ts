// Sync counts and re-check time of the Excel adapter, measured in the in-memory Excel double.
import { createExcelHost } from '../../src/excel/excelHost';
import { readSheet } from '../../src/core/sheet';
import { loadSeedLibrary } from '../../test/support/seed';
import { gridFromDouble } from '../../test/excel/helpers';
import { installExcelDouble } from '../../test/support/excelDouble';
import type { BenchFigure } from '../bench';
import { medianMs } from '../timing';

export default async function bench(): Promise<BenchFigure[]> {
  const library = loadSeedLibrary();
  const fresh = () => {
    const excel = installExcelDouble(globalThis);
    return { excel, host: createExcelHost({ library }) };
  };

  const one = await fresh().host.insertTables([library.tables[0]]);
  const all = await fresh().host.insertTables(library.tables);
  const blank = await fresh().host.insertBlank('seed');

  // A 16-table workbook, checked once (marks written), then re-checked after one edit.
  const { excel, host } = fresh();
  const names = (await host.insertTables(library.tables)).sheetNames;
  await host.checkAll();
  const sheet = readSheet(gridFromDouble(excel, names[0]))!;
  const cell = sheet.rowRefs[0].value;
  let toggle = false;
  const before = host.syncCount;
  excel.userEdit(names[0], cell, '');
  await host.checkAll();
  const recheckSyncs = host.syncCount - before;
  const recheckMs = await medianMs(5, async () => {
    toggle = !toggle;
    excel.userEdit(names[0], cell, toggle ? '' : '≥1个');
    await host.checkAll();
  });

  return [
    { name: 'syncs: insert one table', value: one.syncs, unit: 'syncs' },
    { name: 'syncs: insert all 16 tables', value: all.syncs, unit: 'syncs' },
    { name: 'syncs: insert blank form', value: blank.syncs, unit: 'syncs' },
    { name: 'syncs: checkAll after an edit (list + read + write)', value: recheckSyncs, unit: 'syncs' },
    { name: 're-check 16-table workbook after an edit (double)', value: recheckMs, unit: 'ms' },
  ];
}
