// The checker page in headless Chromium: real .xlsx files in, the core's issues in the DOM, a clear
// error for a broken file, and a marked copy that is the file plus exactly the marks.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { checkGrids, summarize } from '../../src/core/check';
import { readWorkbookGrids } from '../../src/xlsx/readWorkbook';
import { marksForReport } from '../../src/core/marks';
import { parseSettings, type SheetReport, type TemplateLibrary } from '../../src/core/model';
import { attentionText, batchSummaryText, fileKind } from '../../src/checker/BatchSummary';
import { READY_TEXT, statusText } from '../../src/web/StatusLine';
import { expectOnlyMarksAdded } from '../support/markedCopyChecks';
import { buildForTests } from './support/build';
import { describeInChromium, downloadedBytes, launchChromium, watchOutsideRequests, watchPageErrors } from './support/chromium';
import { serveStatic, type StaticServer } from './support/server';
import { expectedReports, pageLibrary, tableNumbered, workbookOf } from './support/workbooks';
import { measuredTable } from '../support/seed';

const SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ShownIssue {
  code: string;
  severity: string;
  cell: string;
  message: string;
}

interface ShownFile {
  name: string;
  status: string;
  statusLine: string;
  error: string;
  sheets: { sheet: string; issues: ShownIssue[] }[];
}

function shownFiles(page: Page): Promise<ShownFile[]> {
  return page.$$eval('section[data-file]', (sections) =>
    sections.map((section) => ({
      name: section.getAttribute('data-file') ?? '',
      status: section.getAttribute('data-status') ?? '',
      statusLine: section.querySelector('[data-role="status"]')?.textContent?.trim() ?? '',
      error: section.querySelector('[data-role="file-error"]')?.textContent ?? '',
      sheets: [...section.querySelectorAll('section[data-sheet]')].map((sheet) => ({
        sheet: sheet.getAttribute('data-sheet') ?? '',
        issues: [...sheet.querySelectorAll('[data-code]')].map((item) => ({
          code: item.getAttribute('data-code') ?? '',
          severity: item.getAttribute('data-severity') ?? '',
          cell: item.getAttribute('data-cell') ?? '',
          message: item.querySelector('[data-role="message"]')?.textContent ?? '',
        })),
      })),
    })),
  );
}

const SEVERITY_ORDER = ['error', 'warning', 'info'];

/** The page groups a sheet's issues by severity, keeping the core's order within each group. */
function asShown(report: SheetReport): { sheet: string; issues: ShownIssue[] } {
  const issues = SEVERITY_ORDER.flatMap((severity) =>
    report.issues
      .filter((issue) => issue.severity === severity)
      .map((issue) => ({ code: issue.code, severity: issue.severity, cell: issue.cells[0] ?? '', message: issue.message })),
  );
  return { sheet: report.sheet, issues };
}


describeInChromium('checker page (index.html) in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  let library: TemplateLibrary;
  let costFile: Buffer;
  let satisfactionFile: Buffer;
  let costReports: SheetReport[];
  let satisfactionReports: SheetReport[];
  let cleanFile: Buffer;
  let cleanReports: SheetReport[];
  const corrupt = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('这不是一个压缩包'.repeat(20))]);

  beforeAll(async () => {
    const dist = await buildForTests();
    server = await serveStatic(dist);
    browser = await launchChromium();
    library = pageLibrary();

    // 数字化运维: 运维费用支出 raised to 391.2 万元, above the 292 万元 budget.
    const overBudget = tableNumbered(library, 1);
    const costRow = overBudget.indicators.find((row) => row.level3 === '运维费用支出');
    if (!costRow) throw new Error('种子表 1 缺少“运维费用支出”');
    costRow.value = '≤391.2万元';
    costFile = await workbookOf([overBudget, tableNumbered(library, 3)]);
    // 司法行政业务保障经费 with its 满意度 rows deleted.
    const noSatisfaction = tableNumbered(library, 2);
    noSatisfaction.indicators = noSatisfaction.indicators.filter((row) => row.level1 !== '满意度指标');
    satisfactionFile = await workbookOf([noSatisfaction]);

    costReports = await expectedReports(costFile, library);
    satisfactionReports = await expectedReports(satisfactionFile, library);
    // Seed table 5 as it is: nothing to report.
    // Seed table 5 with its vague 效益 measured (measuredTable, issue #23): a file that raises nothing.
    cleanFile = await workbookOf([measuredTable(tableNumbered(library, 5))]);
    cleanReports = await expectedReports(cleanFile, library);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the injected problems are what the core reports for these files', () => {
    expect(costReports).toHaveLength(2);
    expect(costReports[0].issues.filter((i) => i.code === 'cost-over-budget').length).toBeGreaterThan(0);
    expect(satisfactionReports).toHaveLength(1);
    expect(satisfactionReports[0].issues.some((i) => i.code === 'missing-dimension' && i.message.includes('满意度'))).toBe(true);
  });

  test('picks files by keyboard, shows each file’s issues as the core computes them, and the broken file’s error', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 }, acceptDownloads: true });
    const outside = watchOutsideRequests(page);
    const pageErrors = watchPageErrors(page);
    await page.goto(`${server.origin}/index.html`);
    await page.getByRole('heading', { name: '绩效目标表检查' }).waitFor();

    // The drop zone is a real button: Tab to it, Enter opens the file chooser. (Listen first: Playwright
    // switches on file-chooser interception asynchronously.)
    const chooserOpened = page.waitForEvent('filechooser');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-role'));
    expect(focused).toBe('drop-zone');
    await page.keyboard.press('Enter');
    const chooser = await chooserOpened;
    expect(chooser.isMultiple()).toBe(true);
    // Every text the reading-progress live region shows, as it changes.
    await page.evaluate(() => {
      const region = document.querySelector('[data-role="read-progress"] [role="status"]');
      const seen: string[] = [];
      (window as unknown as { progressTexts: string[] }).progressTexts = seen;
      new MutationObserver(() => {
        const text = region?.textContent ?? '';
        if (seen.at(-1) !== text) seen.push(text);
      }).observe(region!, { childList: true, characterData: true, subtree: true });
    });
    await chooser.setFiles([
      { name: '成本超预算.xlsx', mimeType: XLSX, buffer: costFile },
      { name: '缺满意度.xlsx', mimeType: XLSX, buffer: satisfactionFile },
      { name: '损坏.xlsx', mimeType: XLSX, buffer: corrupt },
    ]);
    await page.waitForFunction(() => document.querySelectorAll('section[data-file][data-status="reading"]').length === 0 && document.querySelectorAll('section[data-file]').length === 3);

    const files = await shownFiles(page);
    const byName = new Map(files.map((f) => [f.name, f]));
    const cost = byName.get('成本超预算.xlsx');
    const satisfaction = byName.get('缺满意度.xlsx');
    const broken = byName.get('损坏.xlsx');
    expect(cost?.status).toBe('done');
    expect(cost?.sheets).toEqual(costReports.map(asShown));
    expect(cost?.statusLine).toContain(statusText(costReports));
    expect(satisfaction?.status).toBe('done');
    expect(satisfaction?.sheets).toEqual(satisfactionReports.map(asShown));
    expect(satisfaction?.statusLine).toContain(statusText(satisfactionReports));
    expect(broken?.status).toBe('failed');
    expect(broken?.error).toContain('无法读取此文件');
    expect(broken?.error).toContain('文件已损坏');
    // Files are read one by one, and the live region said which.
    const progressTexts = await page.evaluate(() => (window as unknown as { progressTexts: string[] }).progressTexts);
    // The unreadable file is never counted as read (issue #22).
    expect(progressTexts).toEqual(['正在读取 1/3', '正在读取 2/3', '正在读取 3/3', '已读取 2 个文件，1 个无法读取']);

    // 下载标记副本: the uploaded file plus exactly the marks (the add-in's formats and tagged notes); every
    // other part, every cell's value and style, every comment as it was.
    const section = page.locator('section[data-file="成本超预算.xlsx"]');
    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: '下载标记副本' }).click()]);
    expect(download.suggestedFilename()).toBe('成本超预算-已标记.xlsx');
    const copy = await downloadedBytes(download);
    expectOnlyMarksAdded(costFile, copy, costReports);
    expect(marksForReport(costReports[0]).length).toBeGreaterThan(0);

    expect(pageErrors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  }, 120_000);

  test('many files at once: one summary line, the files needing attention, each reached by keyboard; fits 400 px', async () => {
    // The clean file is 可以发送 without a warning; the other two readable ones have errors.
    expect(summarize(cleanReports).clean).toBe(true);
    expect(summarize(costReports).errors).toBeGreaterThan(0);
    expect(summarize(satisfactionReports).errors).toBeGreaterThan(0);
    const loaded: { name: string; buffer: Buffer; reports: SheetReport[] | null }[] = [
      { name: '成本超预算.xlsx', buffer: costFile, reports: costReports },
      { name: '无问题.xlsx', buffer: cleanFile, reports: cleanReports },
      { name: '缺满意度.xlsx', buffer: satisfactionFile, reports: satisfactionReports },
      { name: '损坏.xlsx', buffer: corrupt, reports: null },
    ];
    const sendable = loaded.filter((f) => f.reports !== null && f.reports.length > 0 && summarize(f.reports).errors === 0);
    const withErrors = loaded.filter((f) => f.reports !== null && summarize(f.reports).errors > 0);
    const needAttention = loaded.filter((f) => f.reports === null || summarize(f.reports).errors > 0);

    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const outside = watchOutsideRequests(page);
    const pageErrors = watchPageErrors(page);
    await page.goto(`${server.origin}/index.html`);
    // The live region is in the page before any file, so its text is announced when it appears.
    const line = page.locator('[data-role="batch-summary-line"]');
    expect(await line.getAttribute('role')).toBe('status');
    expect(await line.getAttribute('aria-live')).toBe('polite');
    expect(await line.textContent()).toBe('');

    await page.locator('input[type="file"]').setInputFiles(loaded.map(({ name, buffer }) => ({ name, mimeType: XLSX, buffer })));
    await page.waitForFunction(() => document.querySelectorAll('section[data-file][data-status="reading"]').length === 0 && document.querySelectorAll('section[data-file]').length === 4);
    const text = await line.textContent();
    expect(text).toBe(batchSummaryText(loaded.map((f) => fileKind(f.reports))));
    expect(text).toBe(`共 4 个文件：${sendable.length} 个${READY_TEXT}，${withErrors.length} 个有错误，1 个无法读取`);

    const entries = page.locator('[data-role="attention"] [data-file]');
    const entryNames = await entries.evaluateAll((items) => items.map((item) => item.getAttribute('data-file') ?? ''));
    expect([...entryNames].sort()).toEqual(needAttention.map((f) => f.name).sort());
    for (const file of needAttention) {
      expect(await entries.and(page.locator(`[data-file="${file.name}"]`)).textContent()).toBe(`${file.name}：${attentionText(file.reports)}`);
    }

    if (process.env.UPDATE_SCREENSHOTS === '1') {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, 'checker.png'), fullPage: true });
    }

    await page.setViewportSize({ width: 400, height: 900 });
    // Fluent's MessageBar (the broken file's error) re-lays itself out on a ResizeObserver after the
    // resize; the page must fit once that has run (a timeout here fails the test).
    await page.waitForFunction(() => window.innerWidth === 400 && document.documentElement.scrollWidth <= 400, undefined, { timeout: 5000 });

    // Tab from the settings header reaches the first entry; Enter moves focus to that file's section, visibly.
    const focused = () =>
      page.evaluate(() => {
        const active = document.activeElement;
        return { tag: active?.tagName ?? '', file: active?.getAttribute('data-file') ?? '', outline: active ? getComputedStyle(active).outlineStyle : '' };
      });
    await page.getByRole('button', { name: /检查设置/ }).focus();
    await page.keyboard.press('Tab');
    expect(await focused()).toEqual({ tag: 'BUTTON', file: entryNames[0], outline: 'solid' });
    await page.keyboard.press('Enter');
    expect(await focused()).toEqual({ tag: 'SECTION', file: entryNames[0], outline: 'solid' });
    // Space on another entry does the same.
    await entries.nth(1).focus();
    await page.keyboard.press('Space');
    expect(await focused()).toEqual({ tag: 'SECTION', file: entryNames[1], outline: 'solid' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);

    expect(pageErrors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  }, 120_000);

  test('settings: a budget year the seed deadlines miss re-checks the loaded file, is kept in this browser over a reload', async () => {
    const yearSettings = parseSettings({ budgetYear: 2023 });
    const yearReports = await expectedReports(costFile, library, yearSettings);
    const deadlineIssues = (reports: SheetReport[]) => reports.flatMap((r) => r.issues).filter((i) => i.code === 'deadline-outside-year');
    expect(deadlineIssues(costReports)).toEqual([]);
    expect(deadlineIssues(yearReports).length).toBeGreaterThan(0);

    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const outside = watchOutsideRequests(page);
    const pageErrors = watchPageErrors(page);
    const loadCostFile = async () => {
      await page.locator('input[type="file"]').setInputFiles([{ name: '成本超预算.xlsx', mimeType: XLSX, buffer: costFile }]);
      await page.locator('section[data-file="成本超预算.xlsx"][data-status="done"]').waitFor();
    };
    await page.goto(`${server.origin}/index.html`);
    await loadCostFile();
    expect((await shownFiles(page))[0].sheets).toEqual(costReports.map(asShown));

    await page.getByRole('button', { name: /检查设置/ }).click();
    await page.getByLabel('预算年度').fill('2023');
    await page.getByText('已保存在本浏览器，已按新设置重新检查 1 个文件。').waitFor();
    let [shown] = await shownFiles(page);
    expect(shown.sheets).toEqual(yearReports.map(asShown));
    expect(shown.statusLine).toContain(statusText(yearReports));
    expect(await page.locator('[data-code="deadline-outside-year"]').count()).toBe(deadlineIssues(yearReports).length);

    // Nothing leaves the browser, and the next visit checks with the same settings.
    await page.reload();
    await page.getByRole('heading', { name: '绩效目标表检查' }).waitFor();
    expect(await page.locator('[data-role="settings-summary"]').textContent()).toContain('2023 年');
    await loadCostFile();
    [shown] = await shownFiles(page);
    expect(shown.sheets).toEqual(yearReports.map(asShown));
    await page.getByRole('button', { name: /检查设置/ }).click();
    expect(await page.getByLabel('预算年度').inputValue()).toBe('2023');

    // Cleared: the year the table names again.
    await page.getByLabel('预算年度').fill('');
    await page.locator('[data-role="settings-summary"]', { hasText: '按表中年度' }).waitFor();
    // The re-check runs in a worker: its result is in once the status says so.
    await page.getByText('已保存在本浏览器，已按新设置重新检查 1 个文件。').waitFor();
    [shown] = await shownFiles(page);
    expect(shown.sheets).toEqual(costReports.map(asShown));

    if (process.env.UPDATE_SCREENSHOTS === '1') {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.getByLabel('预算年度').fill('2023');
      await page.locator('[data-code="deadline-outside-year"]').first().waitFor();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      // The settings panel opens with a height animation: let it finish before the full-page capture.
      await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
      await page.screenshot({ path: join(SCREENSHOTS, 'checker-settings.png'), fullPage: true });
    }

    expect(pageErrors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  }, 120_000);

  test('settings: required dimensions are checkboxes; unticking 满意度 clears its missing-dimension, 恢复默认 brings it back', async () => {
    const relaxed = parseSettings({ requiredDimensions: { seed: ['产出指标', '数量指标', '质量指标', '时效指标', '成本指标', '效益指标'] } });
    const relaxedReports = await expectedReports(satisfactionFile, library, relaxed);
    const missingDimension = (reports: SheetReport[]) => reports.flatMap((r) => r.issues).filter((i) => i.code === 'missing-dimension');
    expect(missingDimension(satisfactionReports).length).toBeGreaterThan(0);
    expect(missingDimension(relaxedReports)).toEqual([]);

    const page = await browser.newPage({ viewport: { width: 1000, height: 1200 } });
    const outside = watchOutsideRequests(page);
    await page.goto(`${server.origin}/index.html`);
    await page.locator('input[type="file"]').setInputFiles([{ name: '缺满意度.xlsx', mimeType: XLSX, buffer: satisfactionFile }]);
    await page.locator('section[data-file="缺满意度.xlsx"][data-status="done"]').waitFor();
    expect(await page.locator('[data-code="missing-dimension"]').count()).toBe(missingDimension(satisfactionReports).length);

    await page.getByRole('button', { name: /检查设置/ }).click();
    expect(await page.getByRole('switch', { name: '输入时即时标记单元格' }).count()).toBe(0);
    const seedBoxes = page.locator('fieldset[data-framework="seed"]');
    for (const name of ['满意度指标', '服务对象满意度指标']) {
      const box = seedBoxes.getByRole('checkbox', { name, exact: true });
      expect(await box.isChecked()).toBe(true);
      await box.focus();
      await page.keyboard.press('Space');
    }
    await page.waitForFunction(() => document.querySelectorAll('[data-code="missing-dimension"]').length === 0);
    let [shown] = await shownFiles(page);
    expect(shown.sheets).toEqual(relaxedReports.map(asShown));

    await seedBoxes.getByRole('button', { name: '恢复默认' }).click();
    await page.locator('[data-code="missing-dimension"]').first().waitFor();
    [shown] = await shownFiles(page);
    expect(shown.sheets).toEqual(satisfactionReports.map(asShown));
    expect(outside).toEqual([]);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  }, 120_000);

  test('a .xls and an .ods saved by LibreOffice show exactly the issues of the same workbook as .xlsx', async () => {
    const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'writers', name));
    const xlsx = fixture('seed16-libreoffice.xlsx');
    const reports = await expectedReports(xlsx, library);
    expect(reports).toHaveLength(16);
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const pageErrors = watchPageErrors(page);
    await page.goto(`${server.origin}/index.html`);
    const input = page.locator('input[type="file"]');
    expect((await input.getAttribute('accept'))?.split(',')).toEqual(expect.arrayContaining(['.xlsx', '.xls', '.et', '.ods']));
    await input.setInputFiles([
      { name: '十六张表.xlsx', mimeType: XLSX, buffer: xlsx },
      { name: '十六张表.xls', mimeType: 'application/vnd.ms-excel', buffer: fixture('seed16-libreoffice.xls') },
      { name: '十六张表.ods', mimeType: 'application/vnd.oasis.opendocument.spreadsheet', buffer: fixture('seed16-libreoffice.ods') },
    ]);
    await page.waitForFunction(() => document.querySelectorAll('section[data-file]').length === 3 && document.querySelectorAll('section[data-file][data-status="reading"]').length === 0);
    const shown = await shownFiles(page);
    expect(shown.map((f) => [f.name, f.error])).toEqual([['十六张表.xlsx', ''], ['十六张表.xls', ''], ['十六张表.ods', '']]);
    // Clean sheets are folded into one line; the sheets listed are those with issues.
    const withIssues = reports.filter((r) => r.issues.length > 0);
    expect(withIssues.length).toBeGreaterThan(0);
    expect(shown[0].sheets).toEqual(withIssues.map(asShown));
    expect(shown[1].sheets).toEqual(shown[0].sheets);
    expect(shown[2].sheets).toEqual(shown[0].sheets);

    // 下载标记副本 of the .xls: an .xlsx built from what was read, said so; re-checked, the same issues.
    const xlsSection = page.locator('section[data-file="十六张表.xls"]');
    const [download] = await Promise.all([page.waitForEvent('download'), xlsSection.getByRole('button', { name: '下载标记副本' }).click()]);
    expect(download.suggestedFilename()).toBe('十六张表-已标记.xlsx');
    expect(await xlsSection.locator('[data-role="download-note"]').textContent()).toBe('原文件为 .xls，标记副本另存为 .xlsx（只保留单元格的值和合并区域）');
    const copy = await downloadedBytes(download);
    expect(checkGrids(readWorkbookGrids(copy), { library })).toEqual(reports);
    expect(await page.locator('section[data-file="十六张表.xlsx"] [data-role="download-note"]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 120_000);

  test('loads no office.js and nothing from outside this machine', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${server.origin}/`);
    await page.getByRole('button', { name: /拖放到这里/ }).waitFor();
    expect(requested.some((url) => /office(\.debug)?\.js/.test(url))).toBe(false);
    expect(requested.every((url) => url.startsWith(server.origin))).toBe(true);
    // exceljs is fetched only once a file is chosen.
    expect(requested.some((url) => /exceljs/.test(url))).toBe(false);
    await page.close();
  });
});
