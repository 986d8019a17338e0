// 设置 › 模板库 in headless Chromium over the Excel double: a clerk adds last year's workbook (a published
// table saved by LibreOffice) through the file picker, sees it listed with its table count, finds its table
// under its own heading in 模板, inserts it, lowers a target and is told against which library; the
// library survives a reload of the pane and is gone after 移除 (and another reload).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectFramework } from '../../src/core/frameworks';
import { planTableSheet } from '../../src/core/sheet';
import { workbookToBuffer, writeTablesWorkbook } from '../../src/xlsx';
import { readLibraryFile } from '../../src/xlsx/library';
import { setValue } from '../support/sheetTable';
import { axeViolations } from './support/axe';
import { addressOf, describeInChromium, usePaneHarness, userEdit } from './support/pane';

const FILE = 'nanyue-2018-fupin.xlsx';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PATH = join(__dirname, '..', 'fixtures', 'real', FILE);

describeInChromium('设置 › 模板库 in Chromium', () => {
  const pane = usePaneHarness();

  test('add a workbook, list it, use it in 模板 and 检查, keep it across a reload, remove it', async () => {
    const unit = readLibraryFile(readFileSync(PATH), FILE);
    const [table] = unit.tables;
    const indicators = table.indicators.length;
    const { page, outside, errors } = await pane.openPane('?view=settings');

    const section = page.locator('[data-role="libraries"]');
    await section.getByRole('heading', { name: '模板库' }).waitFor();
    const items = section.getByRole('list', { name: '模板库列表' }).getByRole('listitem');
    expect(await items.count()).toBe(1);
    await expect(items.first().textContent()).resolves.toContain(`${pane.library.tables.length} 张表`);

    await page.locator('[data-role="library-file"]').setInputFiles(PATH);
    const outcome = section.locator('[data-role="libraries-outcome"]');
    await outcome.waitFor();
    expect(await outcome.textContent()).toBe(`已添加「${FILE}」：1 张表，${indicators} 条指标。同一项目的表以它为准。`);
    const added = section.locator(`li[data-library="${FILE}"]`);
    expect(await added.locator('[data-role="library-counts"]').textContent()).toBe(`1 张表，${indicators} 条指标`);
    await expect(section.locator('[data-role="libraries-usage"]').textContent()).resolves.toMatch(/^已用 0\.0\d MB，上限 5\.00 MB。$/);
    expect(await axeViolations(page)).toEqual([]);

    // 模板: the seed's tables and the unit's, each under its own heading.
    await page.getByRole('tab', { name: '模板' }).click();
    await page.getByRole('heading', { name: `${FILE}（1 张表）` }).waitFor();
    expect(await page.getByRole('heading', { name: `内置模板（${pane.library.tables.length} 张表）` }).count()).toBe(1);
    // The unit's own library first, the bundled seed after it.
    expect(await page.locator('[data-role="template-group"]').evaluateAll((groups) => groups.map((g) => g.getAttribute('data-library')))).toEqual([FILE, '']);
    const unitList = page.getByRole('list', { name: `模板列表：${FILE}` });
    expect(await unitList.locator('[data-template]').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // Insert the unit's table, then lower 景点开发数量 from >=4个 to >=3个 as a clerk would.
    expect(await unitList.getByRole('button', { name: `插入 ${table.projectName}（${FILE}）` }).count()).toBe(1);
    await page.getByRole('button', { name: `插入本库全部：${FILE}（1 张表）` }).click();
    await page.locator('[data-role="insert-outcome"]').waitFor();
    expect(await page.evaluate(() => window.__excelDouble!.sheetNames())).toEqual(['Sheet1', table.projectName]);
    const plan = planTableSheet(table, { sheetName: table.projectName, framework: detectFramework(table.indicators.map((r) => r.level1)) });
    const cell = addressOf(plan, '>=4个');
    await page.getByRole('tab', { name: /检查/ }).click();
    await userEdit(page, table.projectName, cell, '>=3个');
    const issue = page.locator(`button[data-code="template-weakened-target"][data-cell="${cell}"]`);
    await issue.waitFor();
    expect(await issue.locator('[data-role="message"]').textContent()).toContain(`「>=3个」比模板「${FILE} › Sheet1 › ${table.projectName}」的「>=4个」宽松（下限更低）`);

    // The checker page of the same origin compares against the same stored library.
    const lowered = structuredClone(table);
    setValue(lowered, lowered.indicators.findIndex((row) => row.value === '>=4个'), '>=3个');
    const received = Buffer.from(await workbookToBuffer(writeTablesWorkbook([lowered], { framework: 'seed' })));
    await page.goto(`${pane.server.origin}/index.html`);
    expect(await page.locator('[data-role="stored-libraries"]').textContent()).toContain(FILE);
    await page.locator('input[type="file"]').setInputFiles([{ name: '今年.xlsx', mimeType: XLSX, buffer: received }]);
    const checked = page.locator('[data-code="template-weakened-target"]');
    await checked.waitFor();
    expect(await checked.locator('[data-role="message"]').textContent()).toContain(`比模板「${FILE} › Sheet1 › ${table.projectName}」的「>=4个」宽松`);
    await page.goto(`${pane.server.origin}/taskpane.html?view=templates`);

    // A new pane (reload): still there, in 设置 and in 模板.
    await page.reload();
    await page.getByRole('tab', { name: '设置' }).click();
    await section.locator(`li[data-library="${FILE}"]`).waitFor();
    expect(await section.getByRole('list', { name: '模板库列表' }).getByRole('listitem').count()).toBe(2);

    await section.getByRole('button', { name: `移除 ${FILE}` }).click();
    await section.locator(`li[data-library="${FILE}"]`).waitFor({ state: 'detached' });
    expect(await outcome.textContent()).toBe(`已移除「${FILE}」。`);
    await page.reload();
    await page.getByRole('tab', { name: '设置' }).click();
    await section.getByRole('heading', { name: '模板库' }).waitFor();
    expect(await section.getByRole('list', { name: '模板库列表' }).getByRole('listitem').count()).toBe(1);
    await page.getByRole('tab', { name: '模板' }).click();
    expect(await page.locator('[data-template]').count()).toBe(pane.library.tables.length);
    expect(await page.getByRole('heading', { name: /内置模板/ }).count()).toBe(0);

    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  test('a file that is no library is refused with the reason; the list is unchanged', async () => {
    const { page, errors } = await pane.openPane('?view=settings');
    const section = page.locator('[data-role="libraries"]');
    await section.getByRole('heading', { name: '模板库' }).waitFor();
    await page.locator('[data-role="library-file"]').setInputFiles({ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('这只是一段说明文字。\n', 'utf8') });
    const outcome = section.locator('[data-role="libraries-outcome"]');
    await outcome.waitFor();
    expect(await outcome.textContent()).toMatch(/^说明\.txt/);
    expect(await section.getByRole('list', { name: '模板库列表' }).getByRole('listitem').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
