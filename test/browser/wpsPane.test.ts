// The WPS add-in as `npm run build` writes it (dist/wps/, built once for the test run): what WPS loads
// (ribbon.xml, pages that load only files of their folder, ES2018 scripts without fetch, the ribbon
// callbacks), the install files naming only JIXIAO_BASE_URL, and the task pane in Chromium with the WPS
// double standing in for window.Application — a template inserted, a change reported, axe clean.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { parse } from 'acorn';
import type { Browser, Page } from 'playwright-core';
import { addinFolder } from '../../scripts/wps-build';
import { createEtDouble } from '../support/wps/etDouble';
import { newerApiUses } from '../support/chromium103';
import { planTableSheet } from '../../src/core/sheet';
import { axeViolations } from './support/axe';
import { addressOf, describeInChromium } from './support/pane';
import { pageLibrary } from './support/workbooks';
import { WPS_TEST_BASE_URL, buildWpsForTests } from './support/build';
import { launchChromium, watchOutsideRequests, watchPageErrors } from './support/chromium';
import { serveStatic, type StaticServer } from './support/server';

const FOLDER = addinFolder();
/** WPS's local relay, which publish.html posts the add-in's record to (wpsjs publish); on the user's own PC. */
const WPS_RELAY = 'http://127.0.0.1:58890/';

let dist = '';
beforeAll(async () => {
  dist = join(await buildWpsForTests(), 'wps');
}, 300_000);

const folder = () => join(dist, FOLDER);
const scripts = () => readdirSync(folder()).filter((f) => f.endsWith('.js') && f !== 'wps-double.js');

describe('dist/wps as npm run build writes it', () => {
  test('ribbon.xml starts with <customUI and names the four buttons of 绩效目标表; manifest.xml is a JsPlugin', () => {
    const ribbon = readFileSync(join(folder(), 'ribbon.xml'), 'utf8');
    expect(ribbon.startsWith('<customUI')).toBe(true);
    expect(ribbon).toContain('label="绩效目标表"');
    for (const label of ['插入模板', '检查', '清除标记', '任务窗格']) expect(ribbon).toContain(`label="${label}"`);
    expect(readFileSync(join(folder(), 'manifest.xml'), 'utf8')).toMatch(/<JsPlugin>[\s\S]*<Name>jixiao<\/Name>/);
  });

  test('the pages load only files inside the add-in folder, and every one exists', () => {
    for (const page of ['index.html', 'taskpane.html']) {
      const html = readFileSync(join(folder(), page), 'utf8');
      const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of refs) {
        expect(ref).not.toMatch(/^[a-z]+:|^\/\//i);
        const file = resolve(folder(), ref);
        expect(relative(folder(), file).startsWith('..')).toBe(false);
        expect(existsSync(file)).toBe(true);
      }
    }
  });

  test('every script parses as ES2018 and none calls fetch', () => {
    expect(scripts().length).toBeGreaterThan(3);
    for (const file of scripts()) {
      const code = readFileSync(join(folder(), file), 'utf8');
      expect(() => parse(code, { ecmaVersion: 2018, sourceType: 'script' })).not.toThrow();
      expect({ file, fetch: /\bfetch\s*\(/.test(code) }).toEqual({ file, fetch: false });
    }
  });

  test('no script calls an API Chromium 103 lacks (beyond ES2018 syntax), unless it tests for it first', () => {
    for (const file of scripts()) {
      expect({ file, uses: newerApiUses(readFileSync(join(folder(), file), 'utf8')) }).toEqual({ file, uses: [] });
    }
  });

  test('publish.html and jsplugins.xml name only JIXIAO_BASE_URL addresses (and the local WPS relay)', () => {
    const addinUrl = `${WPS_TEST_BASE_URL}wps/${FOLDER}/`;
    const xml = readFileSync(join(dist, 'jsplugins.xml'), 'utf8');
    const publish = readFileSync(join(dist, 'publish.html'), 'utf8');
    expect(xml).toContain(`url="${addinUrl}"`);
    expect(xml).toContain('type="et"');
    expect(publish).toContain(addinUrl);
    for (const url of [...`${xml}\n${publish}`.matchAll(/https?:\/\/[^\s"'<>）]+/g)].map((m) => m[0])) {
      expect({ url, ok: url.startsWith(WPS_TEST_BASE_URL) || url.startsWith(WPS_RELAY) }).toEqual({ url, ok: true });
    }
  });

  test('the ribbon callbacks are synchronous globals: 清除标记 clears a marked workbook, 任务窗格 opens the pane', async () => {
    const et = createEtDouble();
    const [name] = await (async () => {
      const { createWpsHost } = await import('../../src/wps/wpsHost');
      const { loadSeedLibrary } = await import('../support/seed');
      const host = createWpsHost({ app: et.Application, library: loadSeedLibrary() });
      const table = loadSeedLibrary().tables[0];
      const { sheetNames } = await host.insertTables([table]);
      et.userEdit(sheetNames[0], addressOf(planTableSheet(table, { sheetName: sheetNames[0], framework: 'seed' }), table.indicators[0].value), '');
      await host.checkAll();
      return sheetNames;
    })();
    expect(et.marks(name).length).toBeGreaterThan(0);
    const main = scripts().find((f) => f.startsWith('wps-main.'))!;
    const window: Record<string, unknown> = { Application: et.Application, location: { href: `${WPS_TEST_BASE_URL}wps/${FOLDER}/index.html` }, alert: (m: string) => alerts.push(m) };
    const alerts: string[] = [];
    runInNewContext(readFileSync(join(folder(), main), 'utf8'), { window, self: window, URL, document: undefined, console });
    const onAction = window.OnAction as (control: { Id: string }) => unknown;
    expect(typeof window.OnAddinLoad).toBe('function');
    expect(onAction({ Id: 'jixiaoClear' })).toBe(true);
    expect(et.marks(name)).toEqual([]);
    expect(alerts).toEqual([]);
    expect(onAction({ Id: 'jixiaoCheck' })).toBe(true);
    expect(et.panes()).toEqual([{ ID: 1, Visible: true, url: `${WPS_TEST_BASE_URL}wps/${FOLDER}/taskpane.html?view=check` }]);
    expect(onAction({ Id: 'jixiaoPane' })).toBe(true);
    expect(et.panes()[0].Visible).toBe(false);
    expect(dirname(et.panes()[0].url)).toBe(`${WPS_TEST_BASE_URL}wps/${FOLDER}`);
  });
});

describeInChromium('WPS task pane in Chromium with the WPS double as window.Application', () => {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await serveStatic(dist);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(query: string, withDouble = true): Promise<{ page: Page; outside: string[]; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 400, height: 800 } });
    const outside = watchOutsideRequests(page);
    const errors = watchPageErrors(page);
    if (withDouble) await page.addInitScript({ content: readFileSync(join(folder(), 'wps-double.js'), 'utf8') });
    await page.goto(`${server.origin}/${FOLDER}/taskpane.html${query}`);
    return { page, outside, errors };
  }

  test('insert a template into the WPS workbook, see an emptied value reported, axe clean', async () => {
    const { page, outside, errors } = await open('?view=templates');
    await page.getByRole('list', { name: '模板列表' }).waitFor();
    const first = page.locator('[data-template]').first();
    const insert = first.getByRole('button', { name: /^插入 / });
    const label = (await insert.getAttribute('aria-label')) ?? (await insert.innerText());
    await insert.click();
    await page.locator('[data-role="insert-outcome"]').waitFor();
    const sheets = await page.evaluate(() => window.__etDouble!.sheetNames());
    expect(sheets.length).toBe(2);
    expect(label).toContain(sheets[1]);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('tab', { name: /检查/ }).click();
    // The user empties the table's first indicator value, where the layout put it.
    const table = pageLibrary().tables.find((t) => sheets[1].startsWith(t.projectName.slice(0, 20)))!;
    const cell = addressOf(planTableSheet(table, { sheetName: sheets[1], framework: 'seed' }), table.indicators[0].value);
    await page.evaluate(([sheet, address]) => window.__etDouble!.userEdit(sheet, address, ''), [sheets[1], cell]);
    await page.locator(`[data-code="missing-value"][data-cell="${cell}"]`).first().waitFor({ timeout: 10_000 });
    // Reported, not marked: by default the WPS host writes no mark while the user types.
    expect(await page.evaluate((sheet) => window.__etDouble!.marks(sheet), sheets[1])).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  }, 90_000);

  test('设置 → 运行自检 runs the WPS 自检 (not the Excel one) on the double and shows its report, axe clean', async () => {
    const { page, outside, errors } = await open('?view=templates');
    await page.getByRole('tab', { name: '设置' }).click();
    // WPS's undo behaviour is unknown: the live-marks hint says nothing is written while typing.
    await page.getByText(/尚不清楚 WPS 表格 在本助手写入标记后是否保留撤消记录/).waitFor();
    const before = await page.evaluate(() => window.__etDouble!.sheetNames());
    await page.getByRole('button', { name: '运行自检' }).click();
    await page.getByText(/自检完成：11 项全部通过/).waitFor();
    const lines = (await page.getByRole('textbox', { name: '自检报告' }).inputValue()).split('\n');
    expect(lines[0]).toBe('绩效目标表助手 WPS 自检报告');
    // The environment line names the page's Chromium, as a pilot user's report would.
    expect(lines[1]).toMatch(/^环境：WPS 表格；Chromium \d+$/);
    expect(lines[2]).toBe('结果：11 项通过，0 项未通过');
    expect(lines.slice(3).map((line) => line.split(' ')[1])).toEqual(['worksheetsAdd', 'value2Block', 'value2Scalar', 'propertyShape', 'formatConditionFormula', 'formatConditionBorders', 'commentTag', 'rowInsertMoves', 'validationList', 'customProperty', 'apiEvent']);
    expect(await page.evaluate(() => window.__etDouble!.sheetNames())).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  }, 90_000);

  test('opened outside WPS, the pane says where to open it', async () => {
    const { page, errors } = await open('', false);
    await page.getByText('请在 WPS 表格中打开').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, 60_000);
});
