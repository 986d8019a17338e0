// The add-in's checks follow the unit's libraries as the user adds them in 设置 › 模板库: the host asks
// for the library at each check (getLibrary), so no pane reload is needed.
import { createExcelHost } from '../../src/excel/excelHost';
import { libraryFromText, mergeLibraries } from '../../src/core/library';
import type { TemplateLibrary } from '../../src/core/model';
import { installExcelDouble } from '../support/excelDouble';
import { loadSeedLibrary, readSeedText, seedTable } from '../support/seed';

test('a library added while the pane is open changes the next check; removing it changes it back', async () => {
  installExcelDouble(globalThis, {});
  const seed = loadSeedLibrary();
  let current: TemplateLibrary = seed;
  const host = createExcelHost({ library: seed, getLibrary: () => current });
  await host.insertTables([seedTable(1)]);
  const weakened = async () => (await host.checkAll()).flatMap((r) => r.issues).filter((i) => i.code === 'template-weakened-target');

  expect(await weakened()).toEqual([]);
  current = mergeLibraries([seed, libraryFromText(readSeedText().replace('≥13个', '≥15个'), '2024年.txt')]);
  expect((await weakened()).map((i) => i.message)).toEqual([expect.stringContaining('比模板「2024年.txt › 第 1 表 数字化运维项目」的「≥15个」宽松')]);
  current = seed;
  expect(await weakened()).toEqual([]);
});
