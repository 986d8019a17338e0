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

test('WorkbookActivate re-reads every sheet: a change made while the user was away (no SheetChange here) is reported', async () => {
  const { et, host, name, valueCell } = await inserted();
  const queue: SheetReport[][] = [];
  const stop = await host.startLiveCheck((r) => queue.push(r), (e) => {
    throw e;
  });
  const flagged = () => queue.at(-1)![0].issues.some((i) => i.cells.includes(valueCell));
  expect(flagged()).toBe(false);
  et.coauthorEdit(name, valueCell, '', false);
  expect(flagged()).toBe(false);
  const next = nextReports(queue);
  et.userActivateWorkbook();
  await next;
  expect(flagged()).toBe(true);
  await stop();
  expect(et.listenerCount()).toBe(0);
});

test('after 全部检查 with changed settings, an edit on another sheet does not bring back what the live check last read', async () => {
  const h = setUpWps();
  const library = loadSeedLibrary();
  const [first, second] = (await h.host.insertTables([library.tables[0], library.tables[1]])).sheetNames;
  const sheetOf = (name: string) => readSheet(readGrid(asSheet(h.et.Application.ActiveWorkbook.Worksheets.Item(name)), name))!;
  const firstSheet = sheetOf(first);
  const costIndex = firstSheet.table.indicators.findIndex((r) => r.level2.startsWith('成本') && r.parsed.kind === 'moneyTotal');
  const queue: SheetReport[][] = [];
  const stop = await h.host.startLiveCheck((r) => queue.push(r), (e) => {
    throw e;
  });
  const codesOf = (reports: SheetReport[], name: string) => reports.find((r) => r.sheet === name)?.issues.map((i) => i.code) ?? [];
  let next = nextReports(queue);
  h.et.userEdit(first, firstSheet.rowRefs[costIndex].value, `≤${firstSheet.table.budget.total! * 2}万元`);
  expect(codesOf(await next, first)).toContain('cost-over-budget');

  await h.host.saveSettings({ ...(await h.host.loadSettings()), disabledRules: ['cost-over-budget'] });
  expect(codesOf(await h.host.checkAll(), first)).not.toContain('cost-over-budget');

  next = nextReports(queue);
  h.et.userEdit(second, sheetOf(second).rowRefs[0].value, '≥3个');
  const after = await next;
  expect(after.map((r) => r.sheet)).toEqual([first, second]);
  expect(codesOf(after, first)).not.toContain('cost-over-budget');
  await stop();
});
