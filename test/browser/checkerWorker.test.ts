// The checker page reads each file in a Web Worker: the page answers input within 100 ms while a large
// file is read, and a file that kills its worker becomes that file's error while the others' results stay.
import type { Browser, Page } from 'playwright-core';
import { manyRowsXlsx, tableSheet } from '../hostile/support/cases';
import { rawXlsx } from '../hostile/support/rawXlsx';
import { measuredTable, seedTable } from '../support/seed';
import { buildForTests } from './support/build';
import { describeInChromium, launchChromium, watchPageErrors } from './support/chromium';
import { serveStatic, type StaticServer } from './support/server';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Each file section's name, status and error text, in page order. */
function sections(page: Page): Promise<{ name: string; status: string; error: string; issues: number }[]> {
  return page.$$eval('section[data-file]', (all) =>
    all.map((s) => ({
      name: s.getAttribute('data-file') ?? '',
      status: s.getAttribute('data-status') ?? '',
      error: s.querySelector('[data-role="file-error"]')?.textContent ?? '',
      issues: s.querySelectorAll('[data-code]').length,
    })),
  );
}

describeInChromium('checker page: files read in workers', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  // Seed table 1 with its vague 效益「保障」 measured (vague-target, issue #23): a file with nothing to report.
  const good = Buffer.from(rawXlsx([tableSheet(measuredTable(seedTable(1)))]));
  const large = Buffer.from(manyRowsXlsx(100_000));

  beforeAll(async () => {
    server = await serveStatic(await buildForTests());
    browser = await launchChromium();
  }, 300_000);

  beforeEach(async () => {
    page = await browser.newPage();
    errors = watchPageErrors(page);
    await page.goto(`${server.origin}/`);
    await page.getByRole('button', { name: /拖放到这里/ }).waitFor();
  });

  afterEach(async () => {
    await page.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('while a 100k-row file is read, a keypress on the page is answered within 100 ms', async () => {
    await page.evaluate(() => {
      const w = window as unknown as { __delays: { delay: number; status: string | null }[] };
      w.__delays = [];
      document.addEventListener('keydown', (event) => {
        // timeStamp: when the browser created the event; a blocked page thread runs this late.
        const status = document.querySelector('section[data-file]')?.getAttribute('data-status') ?? null;
        w.__delays.push({ delay: performance.now() - event.timeStamp, status });
      });
    });
    await page.locator('input[type="file"]').setInputFiles([{ name: '十万行.xlsx', mimeType: XLSX, buffer: large }]);
    await page.locator('section[data-file][data-status="reading"]').waitFor();
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Shift');
      await page.waitForTimeout(150);
    }
    const delays = await page.evaluate(() => (window as unknown as { __delays: { delay: number; status: string | null }[] }).__delays);
    const whileReading = delays.filter((d) => d.status === 'reading');
    expect(whileReading.length).toBeGreaterThanOrEqual(4);
    for (const { delay } of whileReading) expect(delay).toBeLessThan(100);
    await page.waitForFunction(() => document.querySelector('section[data-file]')?.getAttribute('data-status') !== 'reading', null, { timeout: 280_000 });
    expect((await sections(page))[0]).toMatchObject({ name: '十万行.xlsx', status: 'done', error: '' });
    expect(errors).toEqual([]);
  }, 300_000);

  test('a file whose worker dies without a word is that file\'s error; the files before and after keep their results', async () => {
    await page.goto(`${server.origin}/?workerSilenceMs=10000`);
    await page.getByRole('button', { name: /拖放到这里/ }).waitFor();
    // The second worker is the victim's (files are read one after another, each in a fresh worker): its
    // script is swapped for one that takes the job and never answers, as a worker that died would.
    let started = 0;
    await page.route('**/check-worker.js', async (route) => {
      started += 1;
      if (started === 2) await route.fulfill({ contentType: 'text/javascript', body: 'self.onmessage = () => {};' });
      else await route.continue();
    });
    await page.locator('input[type="file"]').setInputFiles([
      { name: '好1.xlsx', mimeType: XLSX, buffer: good },
      { name: '崩溃.xlsx', mimeType: XLSX, buffer: large },
      { name: '好2.xlsx', mimeType: XLSX, buffer: good },
    ]);
    await page.waitForFunction(() => [...document.querySelectorAll('section[data-file]')].every((s) => s.getAttribute('data-status') !== 'reading'), null, { timeout: 240_000 });
    expect(await sections(page)).toEqual([
      { name: '好1.xlsx', status: 'done', error: '', issues: 0 },
      { name: '崩溃.xlsx', status: 'failed', error: '无法读取此文件读取此文件时超过 10 秒没有进展，已停止（文件可能过大或内容异常）。', issues: 0 },
      { name: '好2.xlsx', status: 'done', error: '', issues: 0 },
    ]);
    expect(errors).toEqual([]);
  }, 300_000);
});
