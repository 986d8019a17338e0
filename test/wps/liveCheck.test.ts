// The WPS live check where WPS differs from Excel: no sheet ids (a renamed sheet is followed by name at
// the next check), sheets added and deleted through WorkbookNewSheet / SheetBeforeDelete, and builds
// without ApiEvent, where the active sheet is polled.
import { mergeLibraries } from '../../src/core/library';
import type { SheetReport, TemplateLibrary } from '../../src/core/model';
import { readSheet } from '../../src/core/sheet';
import { readGrid } from '../../src/wps/checkSheets';
import { asSheet } from '../../src/wps/et';
import { createWpsHost } from '../../src/wps/wpsHost';
import { nextReports } from '../excel/helpers';
import { loadSeedLibrary } from '../support/seed';
import { createEtDouble } from '../support/wps/etDouble';
import { FOG_CANNON, liveReportsOf, publishedLibrary } from '../support/publicTables';
import { setUpWps } from './helpers';

async function inserted(options: Parameters<typeof setUpWps>[0] = {}) {
  const h = setUpWps(options);
  const [name] = (await h.host.insertTables([loadSeedLibrary().tables[0]])).sheetNames;
  const sheet = readSheet(readGrid(asSheet(h.et.Application.ActiveWorkbook.Worksheets.Item(name)), name))!;
  return { ...h, name, valueCell: sheet.rowRefs[0].value };
}

test('a renamed sheet is reported under its new name at the next change; a deleted one goes at once', async () => {
  const { et, host, name, valueCell } = await inserted();
  const queue: SheetReport[][] = [];
  const stop = await host.startLiveCheck((r) => queue.push(r), (e) => {
    throw e;
  });
  expect(queue.at(-1)!.map((r) => r.sheet)).toEqual([name]);
  asSheet(et.Application.ActiveWorkbook.Worksheets.Item(name)).Name = '改过名的表';
  let next = nextReports(queue);
  et.userEdit('改过名的表', valueCell, '');
  const renamed = await next;
  expect(renamed.map((r) => r.sheet)).toEqual(['改过名的表']);
  expect(renamed[0].issues.some((i) => i.cells.includes(valueCell))).toBe(true);

  next = nextReports(queue);
  et.userAddSheet('新表');
  et.userDeleteSheet('改过名的表');
  expect(await next).toEqual([]);
  await stop();
});

test('without ApiEvent the active sheet is re-checked by polling', async () => {
  const { et, host, valueCell, name } = await inserted({ noApiEvent: true, pollMs: 100 });
  const queue: SheetReport[][] = [];
  const stop = await host.startLiveCheck((r) => queue.push(r), () => undefined);
  expect(queue.at(-1)![0].issues.some((i) => i.cells.includes(valueCell))).toBe(false);
  const next = nextReports(queue);
  et.userEdit(name, valueCell, '');
  expect((await next)[0].issues.some((i) => i.cells.includes(valueCell))).toBe(true);
  await stop();
});

// Issue #22: as in Excel (test/excel/suggestions.test.ts), 公开样表 loaded when the 建议 tab opens: the reported
// sheets are re-read for their suggestions, writing no mark even where marks are written while typing.
test('refreshSuggestions: 公开样表 suggestions for the reported sheets, and no mark written', async () => {
  const et = createEtDouble({});
  const seed = loadSeedLibrary();
  const drawn: { from?: TemplateLibrary } = {};
  const host = createWpsHost({ app: et.Application, library: seed, getSuggestLibrary: () => drawn.from, liveCheckDelayMs: 80, writeWhileTyping: true });
  await host.saveSettings({ ...(await host.loadSettings()), liveMarks: true });
  const [name] = (await host.insertBlank('seed')).sheetNames;
  for (const [cell, text] of FOG_CANNON.cells) et.userEdit(name, cell, text);
  const { queue, reportOf, stop } = await liveReportsOf(host, name);
  expect(reportOf().suggestions?.nothingClose).toBe(true);
  await host.clearMarks();
  expect(et.marks(name)).toEqual([]);

  drawn.from = mergeLibraries([seed, publishedLibrary()]);
  await host.refreshSuggestions!();
  const shown = reportOf().suggestions!.groups.flatMap((g) => g.suggestions);
  expect(shown[0].reason).toContain(FOG_CANNON.issuer);
  expect(et.marks(name)).toEqual([]);
  // A change the user makes is marked in the same live check (writeWhileTyping and liveMarks on): the re-read could have.
  const next = nextReports(queue);
  et.userEdit(name, 'B3', '道路雾炮车降尘服务');
  await next;
  expect(et.marks(name).length).toBeGreaterThan(0);
  await stop();
});
