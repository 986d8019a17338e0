// What budget staff meet on a narrow task pane and in a long issue list: no sideways scrolling at 320 px,
// amounts as 292.00 万元, an empty search state, 只看错误 and folding per sheet, an empty workbook that is
// not 可以报送, and the checker page's per-file filter.
import type { Page } from 'playwright-core';
import { watchOutsideRequests } from './support/chromium';
import { planTableSheet } from '../../src/core/sheet';
import { addressOf, costCellOf, describeInChromium, OVER_BUDGET, usePaneHarness, userEdit } from './support/pane';
import { tableNumbered, workbookOf } from './support/workbooks';

describeInChromium('task pane and checker page UX', () => {
  const pane = usePaneHarness();
  const openPane = (width: number, query: string) => pane.openPane(query, { width });

  const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

  test('at 320 px no tab scrolls sideways; amounts read 292.00 万元; a search without match says so and clears', async () => {
    const { page, outside, errors } = await openPane(320, '?view=templates');
    await page.locator('[data-template]').first().waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(320);

    const first = tableNumbered(pane.library, 1);
    expect(first.budget.total).toBe(292);
    expect(await page.locator('[data-template="1"]').textContent()).toContain('预算 292.00\u00a0万元');

    await page.getByRole('searchbox').fill('没有这个项目');
    const empty = page.locator('[data-role="no-templates"]');
    await empty.waitFor();
    expect(await empty.textContent()).toContain('没有与“没有这个项目”匹配的模板');
    expect(await page.locator('[data-template]').count()).toBe(0);
    await empty.getByRole('button', { name: '清除搜索' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-template]').length === n, pane.library.tables.length);
    expect(await page.getByRole('searchbox').inputValue()).toBe('');

    // The preview's own close button (Escape is tested in taskpane.test.ts).
    await page.getByRole('button', { name: `预览 ${tableNumbered(pane.library, 5).projectName}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.locator('[data-role="preview-scroll"] table').waitFor(); // its width counts only once loaded
    expect(await pageWidth(page)).toBeLessThanOrEqual(320);
    await dialog.getByRole('button', { name: '关闭预览' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Insert all: the outcome names a few sheets, not all 16, and can be closed.
    await page.getByRole('button', { name: /全部插入/ }).click();
    const outcome = page.locator('[data-role="insert-outcome"]');
    await outcome.waitFor();
    const text = (await outcome.textContent()) ?? '';
    expect(text).toContain(`已插入 ${pane.library.tables.length} 张工作表：${pane.library.tables[0].projectName}`);
    expect(text).toContain(' 等');
    expect(text).not.toContain(pane.library.tables.at(-1)!.projectName);
    await outcome.getByRole('button', { name: '关闭提示' }).click();
    await outcome.waitFor({ state: 'detached' });

    for (const tab of ['检查', '设置']) {
      await page.getByRole('tab', { name: new RegExp(tab) }).click();
      await page.getByRole('tabpanel', { name: tab }).waitFor();
      if (tab === '检查') await page.locator('[data-role="status"]').waitFor();
      else await page.getByLabel('指标框架').waitFor();
      expect(await pageWidth(page)).toBeLessThanOrEqual(320);
    }
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  }, 60_000);

  test('an empty workbook is not 可以报送: the 检查 tab says no table and leads to 模板', async () => {
    const { page, outside } = await openPane(400, '?view=check');
    const status = page.locator('[data-role="status"]');
    await status.waitFor();
    expect(await status.textContent()).toContain('未找到绩效目标表');
    expect(await status.textContent()).not.toContain('可以报送');
    await page.locator('[data-role="no-tables"]').getByRole('button', { name: '去插入模板' }).click();
    await expect(page.getByRole('tab', { name: '模板' }).getAttribute('aria-selected')).resolves.toBe('true');
    expect(outside).toEqual([]);
    await page.close();
  }, 60_000);

  test('arrow keys move between tabs', async () => {
    const { page } = await openPane(400, '?view=templates');
    await page.getByRole('tab', { name: '模板' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^检查/);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('tab', { name: /检查/ }).getAttribute('aria-selected')).resolves.toBe('true');
    await page.close();
  }, 60_000);

  test('只看错误 hides warnings and sheets without errors; a folded sheet stays folded through a live re-check', async () => {
    const { page, outside, errors } = await openPane(400, '?view=templates');
    const costTable = tableNumbered(pane.library, 1);
    const cleanTable = tableNumbered(pane.library, 2);
    for (const table of [costTable, cleanTable]) {
      await page.getByRole('button', { name: `插入 ${table.projectName}` }).click();
      await page.locator('[data-role="insert-outcome"]', { hasText: table.projectName }).waitFor();
    }
    await page.getByRole('tab', { name: /检查/ }).click();
    // Table 2's 效益「保障正常开展」 is a vague target (vague-target, issue #23): typed as a measure, the sheet is clean.
    const cleanPlan = planTableSheet(cleanTable, { sheetName: cleanTable.projectName, framework: 'seed' });
    await userEdit(page, cleanTable.projectName, addressOf(cleanPlan, '保障正常开展'), '≥99%');
    const costCell = costCellOf(costTable);
    await userEdit(page, costTable.projectName, costCell, OVER_BUDGET);
    await page.locator('button[data-code="cost-over-budget"]').waitFor();

    const count = (selector: string) => page.locator(selector).count();
    const warnings = await count('[data-severity="warning"]');
    const errorItems = await count('[data-severity="error"]');
    expect(warnings).toBeGreaterThan(0);
    expect(errorItems).toBeGreaterThan(0);
    // The sheet without any issue is folded into one line with the other clean ones.
    expect(await count(`section[data-sheet="${cleanTable.projectName}"]`)).toBe(0);
    expect(await page.locator('[data-role="clean-toggle"]').textContent()).toBe('1 张表无问题');
    // The rule code is for the title, not the text people read.
    expect(await page.locator('button[data-code="cost-over-budget"]').textContent()).not.toContain('cost-over-budget');

    await page.getByRole('switch', { name: /只看错误/ }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-severity="warning"]').length === 0);
    expect(await count('[data-severity="error"]')).toBe(errorItems);
    expect(await count(`section[data-sheet="${cleanTable.projectName}"]`)).toBe(0);
    expect(await page.locator('[data-role="hidden-sheets"]').textContent()).toBe('另有 1 张工作表没有错误，已隐藏。');
    await page.getByRole('switch', { name: /只看错误/ }).click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-severity="warning"]').length === n, warnings);

    // Fold the sheet by keyboard: its issues leave the list, the heading button says it is collapsed.
    const toggle = page.getByRole('button', { name: costTable.projectName, exact: true });
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('[data-code]').length === 0);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    // Another edit re-checks live: the sheet stays folded, its badge counts still show.
    const quantityRow = costTable.indicators.find((row) => row.level2.includes('数量'))!;
    const quantityCell = addressOf(planTableSheet(costTable, { sheetName: costTable.projectName, framework: 'seed' }), quantityRow.value);
    // An emptied target is an error whatever the indicator means (a 150% is no longer one where the name
    // does not bound it: issue #23).
    await userEdit(page, costTable.projectName, quantityCell, '');
    await page.locator(`section[data-sheet="${costTable.projectName}"]`, { hasText: `${errorItems + 1} 个错误` }).waitFor();
    expect(await count('[data-code]')).toBe(0);
    await page.keyboard.press('Enter');
    await page.locator('button[data-code="cost-over-budget"]').waitFor();

    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  }, 60_000);

  test('checker page: each file has its own 只看错误', async () => {
    const overBudget = tableNumbered(pane.library, 1);
    overBudget.indicators.find((row) => row.level3 === '运维费用支出')!.value = OVER_BUDGET;
    const bytes = await workbookOf([overBudget]);
    const page = await pane.browser.newPage({ viewport: { width: 400, height: 900 } });
    const outside = watchOutsideRequests(page);
    await page.goto(`${pane.server.origin}/index.html`);
    await page.locator('input[type="file"]').setInputFiles([{ name: '成本超预算.xlsx', mimeType: 'application/octet-stream', buffer: bytes }]);
    const section = page.locator('section[data-file="成本超预算.xlsx"][data-status="done"]');
    await section.waitFor();
    expect(await section.locator('[data-severity="warning"]').count()).toBeGreaterThan(0);
    await section.getByRole('switch', { name: /只看错误/ }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-severity="warning"]').length === 0);
    expect(await section.locator('[data-severity="error"]').count()).toBeGreaterThan(0);
    expect(await pageWidth(page)).toBeLessThanOrEqual(400);
    expect(outside).toEqual([]);
    await page.close();
  }, 60_000);
});
