// Issue #22: the checker page's words say exactly what is meant — a file that could not be read is not counted
// as read, 下载标记副本 only for a file with a table, no 只看错误（0）, and an issue's cell list names every cell.
import ExcelJS from 'exceljs';
import { workbookToBuffer } from '../../src/xlsx';
import { watchOutsideRequests } from './support/chromium';
import { describeInChromium, OVER_BUDGET, usePaneHarness } from './support/pane';
import { tableNumbered, workbookOf } from './support/workbooks';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describeInChromium('checker page wording', () => {
  const pane = usePaneHarness();

  test('counts, buttons and cell lists', async () => {
    const overBudget = tableNumbered(pane.library, 1);
    overBudget.indicators.find((row) => row.level3 === '运维费用支出')!.value = OVER_BUDGET;
    const salaries = new ExcelJS.Workbook();
    salaries.addWorksheet('工资表').addRows([['姓名', '基本工资'], ['张三', 4200]]);
    const page = await pane.browser.newPage({ viewport: { width: 480, height: 900 } });
    const outside = watchOutsideRequests(page);
    await page.goto(`${pane.server.origin}/index.html`);
    await page.locator('input[type="file"]').setInputFiles([
      { name: '超预算.xlsx', mimeType: XLSX, buffer: await workbookOf([overBudget]) },
      { name: '无问题.xlsx', mimeType: XLSX, buffer: await workbookOf([tableNumbered(pane.library, 2)]) },
      { name: '工资表.xlsx', mimeType: XLSX, buffer: Buffer.from(await workbookToBuffer(salaries)) },
      { name: '损坏.xlsx', mimeType: XLSX, buffer: Buffer.from('PK\u0003\u0004 not really a zip') },
    ]);
    await page.locator('section[data-file="损坏.xlsx"][data-status="failed"]').waitFor();
    for (const name of ['超预算.xlsx', '无问题.xlsx', '工资表.xlsx']) await page.locator(`section[data-file="${name}"][data-status="done"]`).waitFor();
    await page.waitForFunction(() => document.querySelector('[data-role="read-progress"] [role="status"]')?.textContent?.startsWith('已读取'));
    expect(await page.locator('[data-role="read-progress"] [role="status"]').textContent()).toBe('已读取 3 个文件，1 个无法读取');

    const download = (name: string) => page.locator(`section[data-file="${name}"]`).getByRole('button', { name: '下载标记副本' });
    expect(await download('超预算.xlsx').count()).toBe(1);
    expect(await download('工资表.xlsx').count()).toBe(0);

    const over = page.locator('section[data-file="超预算.xlsx"]');
    expect(await over.getByRole('switch', { name: /只看错误（1）/ }).count()).toBe(1);
    // The cost and the 预算数 it exceeds: both cells named.
    const costIssue = over.locator('[data-code="cost-over-budget"] [data-role="cell"]');
    expect(await costIssue.textContent()).toMatch(/单元格 [A-Z]+\d+、[A-Z]+\d+/);
    expect(await costIssue.textContent()).not.toMatch(/等 \d+ 个单元格/);
    // A file whose only findings are warnings or hints offers no 只看错误（0）.
    const clean = page.locator('section[data-file="无问题.xlsx"]');
    expect(await clean.getByRole('switch', { name: /只看错误/ }).count()).toBe(0);
    expect(outside).toEqual([]);
    await page.close();
  }, 90_000);
});
