// The real `npm run build` for a unit's server, as docs/deploy.md makes it: JIXIAO_BASE_URL with a sub-path,
// office.js served locally. Its dist/ is put under that sub-path of a plain static server, and every
// request the pages make must stay on that server and succeed: the task pane (with the Excel double, and
// with the real local office.js outside Office), and the checker page reading a real .xlsx.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { OFFICE_JS_LOCAL_FILES } from '../../scripts/deploy';
import { PAGE_BUDGET_KB, pageScripts, pageScriptsKb } from '../../scripts/pageBudget';
import { manifestUrls, validateManifest } from '../support/manifestSchema';
import { requireTool } from '../support/tools';
import { buildForTests } from './support/build';
import { describeInChromium, launchChromium, watchPageErrors } from './support/chromium';
import { serveStatic, type StaticServer } from './support/server';
import { pageLibrary, tableNumbered, workbookOf } from './support/workbooks';

const ROOT = join(__dirname, '..', '..');
const SUB_PATH = 'apps/jixiao/';
const BASE_URL = `https://oa.czj.example.gov.cn/${SUB_PATH}`;
const ADDIN_ID = '3b1f4e2a-9c8d-4e7f-a6b5-c4d3e2f1a0b9';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path).map((f) => `${name}/${f}`) : [name];
  });
}

/**
 * The real `npm run build` with the deployment variables, as docs/deploy.md has a unit's IT run it: pages,
 * WPS add-in and CLI into the checkout's dist/ and build/cli (one production build serves every test here).
 */
function npmRunBuild(): void {
  const env = { ...process.env, JIXIAO_BASE_URL: BASE_URL.replace(/\/$/, ''), JIXIAO_ADDIN_ID: ADDIN_ID, JIXIAO_OFFICEJS: 'local', JIXIAO_NAME_SUFFIX: '（测试）' };
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, env, stdio: 'pipe' });
}

/** Every request a page makes, and those that failed or came back 4xx/5xx. */
function watchRequests(page: Page): { urls: string[]; failed: string[] } {
  const seen = { urls: [] as string[], failed: [] as string[] };
  page.on('request', (request) => seen.urls.push(request.url()));
  page.on('requestfailed', (request) => seen.failed.push(`${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('response', (response) => {
    if (response.status() >= 400) seen.failed.push(`${response.url()} ${response.status()}`);
  });
  return seen;
}


describeInChromium('a production build for https://…/apps/jixiao/ with local office.js', () => {
  let www: string;
  let dist: string;
  let server: StaticServer;
  let browser: Browser;
  /** Where the pages are on the test server, as BASE_URL is on the real one. */
  let base: string;
  /** The tests' shared build, for its Excel double: built here, not inside a test's 30 s. */
  let testBuild: string;

  beforeAll(async () => {
    www = mkdtempSync(join(tmpdir(), 'jixiao-deploy-'));
    // JIXIAO_DEPLOY_DIST: a build made before with these settings, to iterate on the tests without rebuilding.
    dist = process.env.JIXIAO_DEPLOY_DIST ?? join(ROOT, 'dist');
    if (!process.env.JIXIAO_DEPLOY_DIST) npmRunBuild();
    mkdirSync(join(www, 'apps'));
    symlinkSync(dist, join(www, SUB_PATH.replace(/\/$/, '')));
    server = await serveStatic(www);
    base = `${server.origin}/${SUB_PATH}`;
    browser = await launchChromium();
    testBuild = await buildForTests();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (www) rmSync(www, { recursive: true, force: true });
  });

  test('webpack emptied dist/, yet the installed jixiao command still runs (its bundle lives in build/cli)', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'jixiao.js'), 'check', join(ROOT, 'test/fixtures/writers/seed16-libreoffice.ods')], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('共 1 个文件、16 张绩效目标表：0 个错误');
  });

  test('dist/manifest.xml validates against the XSDs and points only at the base URL', () => {
    requireTool('xmllint');
    const xml = readFileSync(join(dist, 'manifest.xml'), 'utf8');
    const result = validateManifest(xml);
    expect(result.output).toContain('validates');
    expect(result.valid).toBe(true);
    expect(xml).toContain(`<Id>${ADDIN_ID}</Id>`);
    expect(xml).toContain('<DisplayName DefaultValue="绩效目标表助手（测试）"/>');
    expect(xml).not.toMatch(/localhost/i);
    const urls = manifestUrls(xml);
    expect(urls.length).toBeGreaterThanOrEqual(11);
    for (const url of urls) {
      if (url === 'https://oa.czj.example.gov.cn') continue; // the AppDomain
      expect(url.startsWith(BASE_URL)).toBe(true);
      // Each page and icon the manifest names is in dist/, where the server will serve it.
      const file = new URL(url).pathname.slice(`/${SUB_PATH}`.length) || 'index.html';
      expect([url, listFiles(dist).includes(file)]).toEqual([url, true]);
    }
  });

  test('dist/ holds the pages, the manifest and only the listed office.js files, and no page names the CDN', () => {
    const files = listFiles(dist);
    expect(files).toEqual(expect.arrayContaining(['index.html', 'taskpane.html', 'commands.html', 'manifest.xml', 'assets/icon-80.png']));
    const officeFiles = files.filter((f) => f.startsWith('office/')).sort();
    expect(officeFiles).toEqual(OFFICE_JS_LOCAL_FILES.map((f) => `office/${f}`).sort());
    // Copied as Microsoft published them, not run through the minifier.
    for (const file of OFFICE_JS_LOCAL_FILES) {
      expect([file, readFileSync(join(dist, 'office', file)).equals(readFileSync(join(ROOT, 'node_modules/@microsoft/office-js/dist', file)))]).toEqual([file, true]);
    }
    for (const page of ['taskpane.html', 'commands.html']) {
      const html = readFileSync(join(dist, page), 'utf8');
      expect(html).toMatch(/<script src="?office\/office\.js"?>/);
      expect(html).not.toContain('appsforoffice.microsoft.com');
    }
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).not.toContain('office.js');
    // Hashed names, so a server may cache them for long (docs/deploy.md).
    expect(files.filter((f) => /^(taskpane|checker|commands)\.[0-9a-f]{8}\.js$/.test(f))).toHaveLength(3);
    // Every other script too (shared and lazy chunks), but the checker's worker, which keeps one name (the
    // page starts it by name), here and in the WPS add-in's folder; the nginx example revalidates both.
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(files.filter((f) => f.endsWith('.js') && !f.startsWith('office/') && !/\.[0-9a-f]{8}\.js$/.test(f))).toEqual(['check-worker.js', `wps/jixiao_${version}/check-worker.js`]);
    const total = files.reduce((sum, f) => sum + statSync(join(dist, f)).size, 0);
    console.log(`dist/ for the server: ${files.length} files, ${(total / 1e6).toFixed(1)} MB (office/: ${(officeFiles.reduce((s, f) => s + statSync(join(dist, f)).size, 0) / 1e6).toFixed(1)} MB)`);
  });

  test('each page loads no more than its budget at first paint, and the ribbon page no zod', () => {
    for (const [page, budget] of Object.entries(PAGE_BUDGET_KB)) {
      const kb = pageScriptsKb(dist, page);
      console.log(`${page}: ${kb.toFixed(1)} KB gzip at load (budget ${budget} KB)`);
      expect([page, kb <= budget]).toEqual([page, true]);
    }
    // The ribbon's 清除标记 needs neither settings nor rules: zod's schemas (every one carries \`_zod\`) stay off it.
    const commands = pageScripts(dist, 'commands.html');
    expect(commands.length).toBeGreaterThan(0);
    for (const file of commands) expect([file, readFileSync(join(dist, file), 'utf8').includes('_zod')]).toEqual([file, false]);
    // …while the pane's scripts do carry it, so the probe above can fail.
    expect(pageScripts(dist, 'taskpane.html').some((file) => readFileSync(join(dist, file), 'utf8').includes('_zod'))).toBe(true);
  });

  test('the task pane loads from the sub-path with the Excel double, every request on this server', async () => {
    // The double stands in for office.js; the tests' shared build has it (the production build must not).
    expect(listFiles(dist).filter((f) => f.includes('double'))).toEqual([]);
    const doubleScript = readFileSync(join(testBuild, 'excel-double.js'), 'utf8');
    const page = await browser.newPage({ viewport: { width: 400, height: 800 } });
    const requests = watchRequests(page);
    const errors = watchPageErrors(page);
    await page.route('**/office/office.js', (route) => route.fulfill({ contentType: 'text/javascript', body: doubleScript }));
    await page.goto(`${base}taskpane.html?view=templates`);
    const library = pageLibrary();
    const table = tableNumbered(library, 1);
    await page.getByRole('button', { name: `插入 ${table.projectName}` }).click();
    await page.locator('[data-role="insert-outcome"]').waitFor();
    const sheets = await page.evaluate(() => window.__excelDouble!.sheetNames());
    expect(sheets).toContain(table.projectName);
    expect(errors).toEqual([]);
    expect(requests.failed).toEqual([]);
    expect(requests.urls.filter((url) => !url.startsWith(base))).toEqual([]);
    await page.close();
  });

  test('the real local office.js, outside Office: its files come from this server and the pane says to open Excel', async () => {
    const page = await browser.newPage();
    const requests = watchRequests(page);
    await page.goto(`${base}taskpane.html`);
    await page.getByText('请在 Excel 中打开').waitFor();
    expect(requests.urls).toEqual(expect.arrayContaining([`${base}office/office.js`]));
    expect(requests.urls.filter((url) => !url.startsWith(base))).toEqual([]);
    expect(requests.failed).toEqual([]);
    await page.close();
  });

  test('the checker page reads a real .xlsx, every request (its worker included) on this server', async () => {
    const page = await browser.newPage();
    const requests = watchRequests(page);
    const errors = watchPageErrors(page);
    await page.goto(base);
    await page.getByRole('heading', { name: '绩效目标表检查' }).waitFor();
    const library = pageLibrary();
    const file = await workbookOf([tableNumbered(library, 5)]);
    await page.locator('input[type="file"]').setInputFiles([{ name: '表5.xlsx', mimeType: XLSX, buffer: file }]);
    await page.locator('section[data-file="表5.xlsx"][data-status="done"]').waitFor();
    expect(errors).toEqual([]);
    expect(requests.failed).toEqual([]);
    expect(requests.urls).toContain(`${base}check-worker.js`);
    expect(requests.urls.filter((url) => !url.startsWith(base) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
    await page.close();
  });
});
