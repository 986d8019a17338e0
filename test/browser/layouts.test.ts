// 指定表格布局 in headless Chromium: a form the reader cannot read even by content (the worded form of
// test/support/taughtForm.ts: bare-number and worded targets, 指标说明 prose beside them) is taught
// once through the pane's dialog (使用所选单元格 over the Excel double) and once on the checker page
// (clicking the dialog's cell preview); then a second file of the same form is checked without teaching.
import type { Page } from 'playwright-core';
import { formGrid, formWorkbook, DISABLED_SUBSIDY_WORDED, LAYOUT_FIXTURE, RELIEF_WORDED, type FormProject } from '../support/taughtForm';
import { axeViolations } from './support/axe';
import { describeInChromium, usePaneHarness } from './support/pane';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The cells a person points at, in the dialog's order: five value cells, then four columns in the first indicator row. */
const POINTS = ['B3', 'B7', 'C7', 'D7', 'B8', 'B10', 'C10', 'D10', 'E10'];

/** Puts the form on a new sheet of the double, as a user would open or paste it. */
async function addFormSheet(page: Page, sheet: string, project: FormProject): Promise<void> {
  const grid = formGrid(project, sheet);
  const width = 6;
  const values = grid.values.map((line) => Array.from({ length: width }, (_, c) => line[c] ?? ''));
  await page.evaluate(
    async ([name, rows, merges]) => {
      await Excel.run(async (context) => {
        const ws = context.workbook.worksheets.add(name);
        ws.getRange(`A1:F${rows.length}`).values = rows;
        for (const range of merges) ws.getRange(range).merge(false);
        ws.activate();
        await context.sync();
      });
    },
    [sheet, values, grid.merges] as const,
  );
}

async function teach(page: Page, pick: (address: string) => Promise<void>): Promise<void> {
  const dialog = page.locator('[data-role="layout-dialog"]');
  await dialog.waitFor();
  await dialog.locator('button[data-cell="A3"]').waitFor();
  for (const address of POINTS) await pick(address);
  const preview = dialog.locator('[data-role="layout-preview"][data-reads="true"]');
  await preview.waitFor();
  expect(await preview.textContent()).toContain(`读到 ${RELIEF_WORDED.rows.length} 条指标`);
  expect(await preview.textContent()).toContain('预算数 1200，财政资金 1000，其他资金 100');
  expect(await axeViolations(page)).toEqual([]);
  await dialog.locator('[data-role="layout-save"]').click();
  await dialog.waitFor({ state: 'detached' });
}

describeInChromium('指定表格布局 in Chromium', () => {
  const pane = usePaneHarness();

  test('teach in the pane with 使用所选单元格, then on the checker page by clicking; a second file reads untaught', async () => {
    const { page, errors } = await pane.openPane('?view=check');
    await addFormSheet(page, '困难群众救助', RELIEF_WORDED);
    await page.getByRole('button', { name: '全部检查' }).click();
    const unreadable = page.locator('button[data-code="unreadable-layout"]');
    await unreadable.waitFor();
    expect(await page.locator('button[data-code="funds-mismatch"]').count()).toBe(0);

    await page.locator('[data-role="teach-layout"]').click();
    await teach(page, async (address) => {
      await page.evaluate(([a]) => window.__excelDouble!.userSelect('困难群众救助', a), [address]);
      await page.locator('[data-role="use-selection"]').click();
      await page.locator(`[data-role="layout-dialog"] td:has(button[data-cell="${address}"])`).first().waitFor();
    });
    // Saved: the pane checks again and reads the form at the user's own cells.
    await page.locator('button[data-code="funds-mismatch"][data-cell="B7"]').waitFor();
    expect(await page.locator('button[data-code="unreadable-layout"]').count()).toBe(0);

    // A second file of the same form (one line lower, its 满意度 target left blank): read with no teaching.
    await addFormSheet(page, '残疾人两项补贴', DISABLED_SUBSIDY_WORDED);
    await page.getByRole('button', { name: '全部检查' }).click();
    await page.locator('button[data-code="missing-value"][data-cell="E15"]').waitFor();
    // The live check may still show the sheet as first seen (its add event races 全部检查): the list settles.
    await page.waitForFunction(() => document.querySelectorAll('button[data-code="unreadable-layout"]').length === 0, null, { timeout: 15_000 }).catch(() => undefined);
    expect(await page.locator('button[data-code="unreadable-layout"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-sheet')))).toEqual([]);
    // 设置 › 表格布局: the taught layout is listed; a 财政局's file imports; export downloads the profile file.
    await page.getByRole('tab', { name: '设置' }).click();
    const section = page.locator('[data-role="layouts"]');
    await section.locator('li[data-layout="困难群众救助"]').waitFor();
    await page.locator('[data-role="layout-file"]').setInputFiles(LAYOUT_FIXTURE);
    await section.locator('[data-role="layouts-outcome"]').waitFor();
    expect(await section.locator('[data-role="layouts-outcome"]').textContent()).toBe('已导入表格布局「参考模板 绩效目标申报表」：同一种表样的工作表会按它读取。');
    expect(await section.locator('li[data-layout]').count()).toBe(2);
    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: '导出 参考模板 绩效目标申报表' }).click()]);
    expect(download.suggestedFilename()).toBe('参考模板 绩效目标申报表.layout.json');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);

    // The checker page: forget the pane's layout (same origin, same storage), teach again by clicking.
    await page.goto(`${pane.server.origin}/index.html`);
    await page.evaluate(() => localStorage.removeItem('jixiao.layouts'));
    await page.reload();
    const relief = Buffer.from(await formWorkbook(RELIEF_WORDED));
    const subsidy = Buffer.from(await formWorkbook(DISABLED_SUBSIDY_WORDED));
    await page.locator('input[type="file"]').first().setInputFiles([{ name: '困难群众救助.xlsx', mimeType: XLSX, buffer: relief }]);
    const reliefSection = page.locator('[data-file="困难群众救助.xlsx"]');
    await reliefSection.locator('[data-code="unreadable-layout"]').waitFor();
    await reliefSection.locator('[data-role="teach-layout"]').click();
    await teach(page, async (address) => {
      const cell = page.locator(`[data-role="layout-dialog"] button[data-cell="${address}"]`);
      if (address !== 'B3') return cell.click();
      // By keyboard: the preview is one tab stop (A1); arrows move, Enter picks.
      await page.locator('[data-role="layout-dialog"] button[data-cell="A1"]').focus();
      for (const key of ['ArrowDown', 'ArrowDown', 'ArrowRight']) await page.keyboard.press(key);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe('B3');
      await page.keyboard.press('Enter');
      expect(await cell.getAttribute('aria-label')).toContain('（项目名称）');
    });
    await reliefSection.locator('[data-code="funds-mismatch"]').waitFor();

    await page.locator('input[type="file"]').first().setInputFiles([{ name: '残疾人两项补贴.xlsx', mimeType: XLSX, buffer: subsidy }]);
    const subsidySection = page.locator('[data-file="残疾人两项补贴.xlsx"]');
    await subsidySection.locator('[data-code="missing-value"][data-cell="E15"]').waitFor();
    expect(await subsidySection.locator('[data-code="unreadable-layout"]').count()).toBe(0);
    await page.close();
  }, 180_000);
});
