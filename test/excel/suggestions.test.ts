// Suggestions through the Excel adapter: a blank form inserted, named and given goals as a user types them,
// is checked with the library's indicators that fit it; the pane learns which sheet the user is on.
import { mergeLibraries } from '../../src/core/library';
import type { TemplateLibrary } from '../../src/core/model';
import { createExcelHost } from '../../src/excel/excelHost';
import { installExcelDouble } from '../support/excelDouble';
import { FOG_CANNON, liveReportsOf, publishedLibrary } from '../support/publicTables';
import { loadSeedLibrary, seedTable } from '../support/seed';
import { marksInDouble, setUp } from './helpers';

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

test('插入 applies a suggestion through applyFixes: the printed row, then a new row; a suggestion gone stale is refused', async () => {
  const { excel, host } = setUp();
  const [sheet] = (await host.insertBlank('seed')).sheetNames;
  excel.userEdit(sheet, 'B3', '数字化系统运维');
  excel.userEdit(sheet, 'B8', seedTable(1).goals);
  let [report] = await host.checkAll();
  const first = report.suggestions!.groups[0].suggestions[0];
  const stale = report.suggestions!.groups[0].suggestions[1];
  const result = await host.applyFixes(sheet, [first.fix!]);
  expect(result.syncs).toBeLessThanOrEqual(2);
  expect(excel.value(sheet, 'C10')).toBe(first.level3);
  expect(excel.selection()).toEqual({ sheet, address: 'E10' });
  // Computed when the form was blank, the next one would fill C10 again: the sheet no longer offers it.
  await expect(host.applyFixes(sheet, [stale.fix!])).rejects.toThrow(/未作任何修改/);
  expect(excel.value(sheet, 'C10')).toBe(first.level3);

  [report] = await host.checkAll();
  const next = report.suggestions!.groups[0].suggestions[0];
  expect(next.level3).toBe(stale.level3);
  await host.applyFixes(sheet, [next.fix!]);
  [report] = await host.checkAll();
  const offered = report.suggestions!.groups.flatMap((g) => g.suggestions.map((s) => s.level3));
  expect(offered).not.toContain(first.level3);
  expect(offered).not.toContain(next.level3);
  // The new row goes under its own 二级, right after the first 数量指标 row (issue #24: new rows go under their
  // own 二级; it used to go after the whole 产出指标 block), and the printed 质量指标 row moves down one.
  expect(excel.value(sheet, 'B11')).toBe('数量指标');
  expect(excel.value(sheet, 'C11')).toBe(next.level3);
  expect(excel.value(sheet, 'B12')).toBe('质量指标');
});

test('a suggestion from a library of the unit is applied too (applyFixes checks against the library the checks use)', async () => {
  const excel = installExcelDouble(globalThis, {});
  const seed = loadSeedLibrary();
  const own = { ...seedTable(1), number: 1, source: '本单位2023.xlsx', projectName: '机房动力环境监控运维', goals: '保障机房动力环境监控系统正常运行。', indicators: [{ ...seedTable(1).indicators[0], level3: '机房动力环境监控点位数' }] };
  const merged = mergeLibraries([seed, { tables: [own], notes: [] }]);
  const host = createExcelHost({ library: seed, getLibrary: () => merged, liveCheckDelayMs: 80 });
  const [sheet] = (await host.insertBlank('seed')).sheetNames;
  excel.userEdit(sheet, 'B3', '机房动力环境监控');
  excel.userEdit(sheet, 'B8', '保障机房动力环境监控系统稳定运行。');
  const [report] = await host.checkAll();
  const first = report.suggestions!.groups[0].suggestions[0];
  expect(first).toMatchObject({ level3: '机房动力环境监控点位数', sources: [{ source: '本单位2023.xlsx' }] });
  await host.applyFixes(sheet, [first.fix!]);
  expect(excel.value(sheet, 'C10')).toBe('机房动力环境监控点位数');
});

// Issue #22: 公开样表 arrive when the 建议 tab first opens; the sheets the live check already reported are re-read
// for their suggestions, and that re-read writes nothing (the user changed nothing), even with live marks on.
test('refreshSuggestions: the reported sheets get 公开样表 suggestions, and no mark is written', async () => {
  const excel = installExcelDouble(globalThis, {});
  const seed = loadSeedLibrary();
  // What the pane's lazily loaded 公开样表 give the host: nothing until the 建议 tab opens.
  const drawn: { from?: TemplateLibrary } = {};
  const host = createExcelHost({ library: seed, getSuggestLibrary: () => drawn.from, liveCheckDelayMs: 80 });
  await host.saveSettings({ ...(await host.loadSettings()), liveMarks: true });
  const [sheet] = (await host.insertBlank('seed')).sheetNames;
  for (const [cell, text] of FOG_CANNON.cells) excel.userEdit(sheet, cell, text);
  const { reportOf, stop } = await liveReportsOf(host, sheet);
  // The seed has nothing like it.
  expect(reportOf().suggestions?.nothingClose).toBe(true);
  await host.clearMarks();
  expect(marksInDouble(excel, sheet)).toEqual([]);

  drawn.from = mergeLibraries([seed, publishedLibrary()]);
  await host.refreshSuggestions!();
  const shown = reportOf().suggestions!.groups.flatMap((g) => g.suggestions);
  expect(shown[0].reason).toContain(FOG_CANNON.issuer);
  expect(marksInDouble(excel, sheet)).toEqual([]);
  // …where a check the user asks for marks the same sheet: the re-read above could have.
  await host.checkAll();
  expect(marksInDouble(excel, sheet).length).toBeGreaterThan(0);
  // The suggestion is applied: applyFixes checks against where suggestions are drawn from.
  await host.applyFixes(sheet, [shown[0].fix!]);
  expect(excel.value(sheet, 'C10')).toBe(shown[0].level3);
  await stop();
});
