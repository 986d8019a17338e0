// Suggestions through the Excel adapter: a blank form inserted, named and given goals as a user types them,
// is checked with the library's indicators that fit it; the pane learns which sheet the user is on.
import { seedTable } from '../support/seed';
import { setUp } from './helpers';

test('a blank form typed as a new project gets suggestions from the check; the active sheet is known', async () => {
  const { excel, host } = setUp();
  const [sheet] = (await host.insertBlank('seed')).sheetNames;
  expect(await host.activeSheetName()).toBe(sheet);
  excel.userEdit(sheet, 'B3', '数字化系统运维');
  let [report] = await host.checkAll();
  expect(report.suggestions).toBeUndefined(); // no goals yet: nothing to rank by

  excel.userEdit(sheet, 'B8', seedTable(1).goals);
  await host.checkAll();
  // Checked again with nothing changed: the 3 round trips of any such check; ranking adds none.
  excel.resetSyncs();
  [report] = await host.checkAll();
  expect(excel.syncCount).toBe(3);
  const first = report.suggestions?.groups[0];
  expect(first).toMatchObject({ level1: '产出指标', level2: '数量指标' });
  expect(first?.suggestions[0].sources[0].projectName).toBe('数字化运维项目');
  expect(first?.suggestions[0].fix?.select).toEqual(['E10']);

  await host.selectCell('Sheet1', 'A1');
  expect(await host.activeSheetName()).toBe('Sheet1');
});
