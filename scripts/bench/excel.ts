// Sync counts, request payload (queued commands) and re-check time of the Excel adapter, measured in
// the in-memory Excel double.
import { createExcelHost } from '../../src/excel/excelHost';
import { readSheet } from '../../src/core/sheet';
import { loadSeedLibrary } from '../../test/support/seed';
import { gridFromDouble } from '../../test/excel/helpers';
import { installExcelDouble } from '../../test/support/excelDouble';
import type { ExcelDouble } from '../../test/support/excelDouble';
import type { BenchFigure } from '../bench';
import { medianMs } from '../timing';

/** Syncs and commands of one action. */
async function traffic(excel: ExcelDouble, action: () => Promise<unknown>): Promise<{ syncs: number; commands: number }> {
  excel.resetSyncs();
  await action();
  return { syncs: excel.syncCount, commands: excel.commandCount };
}

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
  const sheet = readSheet(gridFromDouble(excel, names[0]))!;
  const cell = sheet.rowRefs[0].value;
  const firstCheck = await traffic(excel, () => host.checkAll());
  excel.userEdit(names[0], cell, '');
  const recheck = await traffic(excel, () => host.checkAll());
  const unchanged = await traffic(excel, () => host.checkAll());

  // A workbook opened again (nothing remembered) whose sheets carry marks and a user's note each.
  const reopened = createExcelHost({ library });
  for (const name of names) excel.userSetNote(name, 'A1', '用户的备注');
  const reopenedCheck = await traffic(excel, () => reopened.checkAll());

  // Live check, as the user types: one edit → one debounced re-check of that sheet.
  const live = fresh();
  const liveNames = (await live.host.insertTables(library.tables)).sheetNames;
  const queue: unknown[][] = [];
  const stop = await live.host.startLiveCheck((reports) => queue.push(reports), (error) => {
    throw error;
  });
  const liveEdit = async (value: string) => {
    const seen = queue.length;
    return traffic(live.excel, async () => {
      live.excel.userEdit(liveNames[0], cell, value);
      while (queue.length === seen) await new Promise((resolve) => setTimeout(resolve, 5));
    });
  };
  const liveMarked = await liveEdit(''); // missing-value appears
  await liveEdit('≥14个'); // and goes (a stronger target than the template's ≥13个)
  const liveUnchanged = await liveEdit('≥15个'); // still no issue: nothing to write
  await stop();

  let toggle = false;
  const recheckMs = await medianMs(5, async () => {
    toggle = !toggle;
    excel.userEdit(names[0], cell, toggle ? '≥1个' : '');
    await host.checkAll();
  });

  return [
    { name: 'syncs: insert one table', value: one.syncs, unit: 'syncs' },
    { name: 'syncs: insert all 16 tables', value: all.syncs, unit: 'syncs' },
    { name: 'syncs: insert blank form', value: blank.syncs, unit: 'syncs' },
    { name: 'syncs: live re-check after an edit that changes marks (read + write)', value: liveMarked.syncs, unit: 'syncs' },
    { name: 'syncs: live re-check after an edit, marks unchanged (read)', value: liveUnchanged.syncs, unit: 'syncs' },
    { name: 'syncs: first checkAll of 16 fresh tables (list + read + write)', value: firstCheck.syncs, unit: 'syncs' },
    { name: 'commands: first checkAll of 16 fresh tables', value: firstCheck.commands, unit: 'commands' },
    { name: 'syncs: checkAll after an edit (list + read + write)', value: recheck.syncs, unit: 'syncs' },
    { name: 'commands: checkAll after an edit', value: recheck.commands, unit: 'commands' },
    { name: 'syncs: checkAll, nothing changed', value: unchanged.syncs, unit: 'syncs' },
    { name: 'commands: checkAll, nothing changed', value: unchanged.commands, unit: 'commands' },
    { name: 'syncs: checkAll of a reopened marked workbook with user notes', value: reopenedCheck.syncs, unit: 'syncs' },
    { name: 'commands: checkAll of a reopened marked workbook with user notes', value: reopenedCheck.commands, unit: 'commands' },
    { name: 're-check 16-table workbook after an edit (double)', value: recheckMs, unit: 'ms' },
  ];
}
