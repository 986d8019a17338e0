// The ribbon's 清除标记 runs without a task pane: it must always tell Office it is done, never reject
// (nobody would see it), and log why marks stayed (a protected sheet) instead of swallowing it.
import { readSheet } from '../../src/core/sheet';
import { loadSeedLibrary } from '../support/seed';
import { gridFromDouble, marksInDouble, setUp } from './helpers';

async function markedWorkbook() {
  const harness = setUp();
  const { excel, host } = harness;
  const names = (await host.insertTables(loadSeedLibrary().tables.slice(0, 2))).sheetNames;
  for (const name of names) excel.userEdit(name, readSheet(gridFromDouble(excel, name))!.rowRefs[0].value, '');
  await host.checkAll();
  for (const name of names) expect(marksInDouble(excel, name).length).toBeGreaterThan(0);
  // The command module registers itself with Office.onReady: loaded afresh once this test's double is installed.
  jest.resetModules();
  const commands = await import('../../src/commands/commands');
  await new Promise((resolve) => setTimeout(resolve, 0));
  return { ...harness, names, commands };
}

function completion() {
  let completed = 0;
  return { event: { completed: () => completed++ }, count: () => completed };
}

afterEach(() => jest.restoreAllMocks());

test('清除标记 with a protected sheet: the others cleared, the command completes, resolves and logs which sheet kept its marks', async () => {
  const { excel, names, commands } = await markedWorkbook();
  const [open, locked] = names;
  excel.userProtectSheet(locked, true);
  const lockedMarks = marksInDouble(excel, locked);
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const { event, count } = completion();

  await expect(commands.clearMarks(event)).resolves.toBeUndefined();

  expect(count()).toBe(1);
  expect(marksInDouble(excel, open)).toEqual([]);
  expect(marksInDouble(excel, locked)).toEqual(lockedMarks);
  expect(logged).toHaveBeenCalledTimes(1);
  const message = String(logged.mock.calls[0][0]);
  expect(message).toContain('清除标记未完成');
  expect(message).toContain(`“${locked}”`);
  expect(message).toContain('撤销工作表保护');
});

test('清除标记 through the registered ribbon action: every mark removed, nothing logged', async () => {
  const { excel, names } = await markedWorkbook();
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);

  await excel.invokeCommand('clearMarks');

  for (const name of names) expect(marksInDouble(excel, name)).toEqual([]);
  expect(logged).not.toHaveBeenCalled();
});
