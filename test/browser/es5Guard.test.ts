// The pages' ES5 guard (src/web/page.html): where the bundle cannot parse (an old webview, or a broken
// file), the page says in Chinese to update Office or install the WebView2 runtime instead of staying
// blank. Tested in Chromium by serving the page template with a bundle that fails to parse.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'acorn';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { describeInChromium } from './support/pane';
import { serveStatic } from './support/server';
import type { StaticServer } from './support/server';

const PAGE = readFileSync(join(__dirname, '..', '..', 'src', 'web', 'page.html'), 'utf8');

/** The page as HtmlWebpackPlugin makes it: the template, then the bundle as a deferred script. */
function pageWith(bundle: string): string {
  // The template's two parameters: the title, and office.js (none here, as on the checker page).
  const html = PAGE.replace('<%= title %>', '绩效目标表助手').replace(/<% if \(officeJsSrc\) \{ %>[\s\S]*?<% \} %>/, '');
  if (html.includes('<%')) throw new Error('page.html 有测试未处理的模板参数');
  return html.replace('</head>', `<script defer src="${bundle}"></script></head>`);
}

function guardScript(): string {
  const match = /<script>([\s\S]*?)<\/script>/.exec(PAGE);
  if (!match) throw new Error('page.html 没有内联的守护脚本');
  return match[1];
}

test('the guard is plain ES5 (it must parse where the bundle does not)', () => {
  expect(() => parse(guardScript(), { ecmaVersion: 5 })).not.toThrow();
  // And the bundle's syntax is what it guards against: ES5 refuses optional chaining.
  expect(() => parse('var a = {}; a?.b;', { ecmaVersion: 5 })).toThrow();
});

describeInChromium('ES5 guard in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-guard-'));
    writeFileSync(join(dir, 'broken.html'), pageWith('broken.js'));
    writeFileSync(join(dir, 'working.html'), pageWith('working.js'));
    // A bundle cut off mid-file, as a parse failure looks to the page.
    writeFileSync(join(dir, 'broken.js'), 'window.started = (function () { return { a: 1, ;');
    writeFileSync(join(dir, 'working.js'), 'document.getElementById("root").textContent = "已加载";');
    server = await serveStatic(dir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('a bundle that does not parse: the page shows 更新 Office / 安装 WebView2 运行时', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/broken.html`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = await alert.textContent();
    expect(text).toContain('更新 Office');
    expect(text).toContain('安装 WebView2 运行时');
    await page.close();
  });

  test('a bundle that runs: no message', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/working.html`);
    await page.waitForFunction(() => document.getElementById('root')?.textContent === '已加载');
    expect(await page.locator('#jixiao-old-webview').count()).toBe(0);
    await page.close();
  });
});
