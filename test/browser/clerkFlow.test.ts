// The pane a clerk lives in, what issue 24 still left (its closing note): at the pane's real 350 px over the
// Excel double, axe clean each time —
// 1. a form being filled in holds a block nobody has typed into (效益, 满意度) as 待填写, until 全部检查;
// 2. two fixes of one cell (≥0.8万 → ≤0.8万元) are one edit: 全部修正 is one undo step, its count the changes made;
// 3. after 修正 focus goes to the next issue (its sheet unfolded if folded; the status line once none is
//    left), after a dialog to its opener, and every control shows where focus is;
// 4. 设置's framework is only the default: a sheet that shows its framework keeps it;
// 5. the full check the pane runs when it opens on 检查 leaves an untouched form 待填写, unmarked; on a sheet
//    of two forms, the untouched one waits whole.
import type { Page } from 'playwright-core';
import { planBlankSheet, planTableSheet } from '../../src/core/sheet';
import { axeViolations } from './support/axe';
import { addressOf, cellValue, describeInChromium, doubleWithSheet, errorMarks, fillBlankRows, focusShows, usePaneHarness, userEdit } from './support/pane';
import { tableNumbered } from './support/workbooks';

const WIDTH = 350;

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { role: el?.getAttribute('data-role') ?? null, severity: el?.getAttribute('data-severity') ?? null, code: el?.getAttribute('data-code') ?? null, label: el?.getAttribute('aria-label') ?? el?.textContent ?? '', tag: el?.tagName ?? null };
  });

/** Inserts 人民调解工作 (a table with nothing to say) from 模板 and returns where its values are. */
async function insertCleanTable(page: Page, library: Parameters<typeof tableNumbered>[0]) {
  const table = tableNumbered(library, 10);
  await page.getByRole('button', { name: `插入 ${table.projectName}` }).click();
  await page.locator('[data-role="insert-outcome"]', { hasText: table.projectName }).waitFor();
  const plan = planTableSheet(table, { sheetName: table.projectName, framework: 'seed' });
  const valueOf = (level3: string) => addressOf(plan, table.indicators.find((row) => row.level3 === level3)!.value);
  return { sheet: table.projectName, valueOf };
}

describeInChromium('what issue 24 still left, in the pane', () => {
  const pane = usePaneHarness();

  test('a block nobody has typed into waits (待填写) while the rows above it are filled in; 全部检查 lists it', async () => {
    const { page, errors } = await pane.openPane('?view=templates', { width: WIDTH });
    const before = await page.evaluate(() => window.__excelDouble!.sheetNames());
    await page.getByLabel('空白表的指标框架').selectOption('seed');
    await page.getByRole('button', { name: '插入空白表' }).click();
    await page.locator('[data-role="insert-outcome"]').waitFor();
    const sheet = (await page.evaluate(() => window.__excelDouble!.sheetNames())).find((name) => !before.includes(name))!;
    // The header and the 产出 block are filled in; 效益 and 满意度 not yet (their printed rows empty).
    await userEdit(page, sheet, 'B3', '数字化系统运维');
    await userEdit(page, sheet, 'B8', '保障系统全年稳定运行。');
    const rowOf = await fillBlankRows(page, sheet, 'seed', [
      ['数量指标', '运维系统数量', '≥5个'],
      ['质量指标', '系统正常运行率', '≥99%'],
      ['时效指标', '运维服务时间', '2024年12月底前'],
      ['成本指标', '运维费用支出', '≤0.8万元'],
    ]);
    await page.getByRole('tab', { name: /检查/ }).click();
    const section = page.locator(`section[data-sheet="${sheet}"]`);
    // The budget the clerk skipped is an error: the header is being filled in.
    await section.locator('[data-severity="error"][data-code="missing-field"]').waitFor();
    const untouched = [`C${rowOf('经济效益指标')}`, `C${rowOf('服务对象满意度指标')}`];
    await section.locator('[data-role="waiting-count"]', { hasText: '待填写 2 项' }).waitFor();
    expect(await section.locator('[data-role="waiting"]').textContent()).toContain('「效益指标」「满意度指标」还没有开始填写');
    for (const cell of untouched) expect(await section.locator(`[data-severity="error"][data-cell="${cell}"]`).count()).toBe(0);
    expect(await errorMarks(page, sheet)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);

    // Typing into 效益 starts that block: its empty 指标值 is an error; 满意度 still waits.
    await userEdit(page, sheet, `C${rowOf('经济效益指标')}`, '降低业务中断损失');
    await section.locator(`[data-severity="error"][data-cell="E${rowOf('经济效益指标')}"]`).waitFor();
    await section.locator('[data-role="waiting-count"]', { hasText: '待填写 1 项' }).waitFor();
    // 全部检查: what still waits is listed as an error and marked.
    await page.getByRole('button', { name: '全部检查' }).click();
    await section.locator(`[data-severity="error"][data-cell="${untouched[1]}"]`).waitFor();
    expect(await section.locator('[data-role="waiting-count"]').count()).toBe(0);
    expect(await errorMarks(page, sheet)).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  test('全部修正 of ≥0.8万 and a full-width number: one edit, one undo step, its count the changes made', async () => {
    // ExcelApi 1.20: an add-in's Excel.run with mergeUndoGroup is one step of Excel's undo stack.
    const { page, errors } = await pane.openPane('?view=templates', { width: WIDTH, double: { maxExcelApi: '1.20' } });
    const { sheet, valueOf } = await insertCleanTable(page, pane.library);
    const cost = valueOf('信访事项人民调解经费支出');
    const count = valueOf('印制《调解工作制度汇编》数量');
    await page.getByRole('tab', { name: /检查/ }).click();
    await userEdit(page, sheet, cost, '≥90万');
    await userEdit(page, sheet, count, '≥４００册');
    const fixAll = page.locator(`section[data-sheet="${sheet}"] [data-role="fix-all"]`);
    // Three fixes are offered (≥ → ≤ and 万 → 万元 on one cell, the digits on another): two changes.
    await fixAll.filter({ hasText: '全部修正（2）' }).waitFor();
    expect(await page.locator(`[data-sheet="${sheet}"] [data-role="fix"]`).count()).toBe(3);
    const depth = await page.evaluate(() => window.__excelDouble!.undoDepth());
    await fixAll.click();
    await page.locator('[data-role="fix-status"]', { hasText: `已修正“${sheet}”中的 2 处问题` }).waitFor();
    expect(await page.locator('[data-role="fix-status"]').textContent()).not.toContain('另有');
    expect([await cellValue(page, sheet, cost), await cellValue(page, sheet, count)]).toEqual(['≤90万元', '≥400册']);
    // One edit: Ctrl+Z once takes the sheet back to what the clerk typed, both cells at once.
    expect(await page.evaluate(() => window.__excelDouble!.undoDepth())).toBe(depth + 1);
    await page.evaluate(() => window.__excelDouble!.undo());
    expect([await cellValue(page, sheet, cost), await cellValue(page, sheet, count)]).toEqual(['≥90万', '≥４００册']);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  test('focus is never lost: 修正 → the next issue, the last 修正 → the status line, a dialog → its opener; focus always shows', async () => {
    const { page, errors } = await pane.openPane('?view=templates', { width: WIDTH });
    // A dialog closed by Escape gives focus back to the button that opened it.
    const preview = page.getByRole('button', { name: `预览 ${tableNumbered(pane.library, 5).projectName}` });
    await preview.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect((await focused(page)).label).toContain(`预览 ${tableNumbered(pane.library, 5).projectName}`);
    expect(await focusShows(page)).toBe(true);

    const { sheet, valueOf } = await insertCleanTable(page, pane.library);
    // 插入 again asks first; 取消 gives focus back to that 插入.
    await page.locator('[data-template="10"] [data-role="in-workbook"]').waitFor();
    const insert = page.getByRole('button', { name: new RegExp(`^插入 ${sheet}`) });
    await insert.focus();
    await page.keyboard.press('Enter');
    const ask = page.locator('[data-role="existing-dialog"]');
    await ask.waitFor();
    await ask.getByRole('button', { name: '取消' }).press('Enter');
    await ask.waitFor({ state: 'detached' });
    expect((await focused(page)).label).toContain(`插入 ${sheet}`);

    await page.keyboard.press('Alt+c');
    // Two costs written as lower bounds: two errors, each with its 修正.
    const [cost, other] = [valueOf('医疗纠纷人民调解经费支出'), valueOf('信访事项人民调解经费支出')];
    await userEdit(page, sheet, cost, '≥610万元');
    await userEdit(page, sheet, other, '≥90万元');
    const section = page.locator(`section[data-sheet="${sheet}"]`);
    await page.waitForFunction((s) => document.querySelectorAll(`[data-sheet="${s}"][data-code="cost-lower-bound"]`).length === 2, sheet);
    // 修正 on the first, by keyboard: focus goes to the issue that is now first, the other cost.
    const first = section.locator('li', { has: page.locator(`[data-cell="${cost}"]`) }).locator('[data-role="fix"]');
    await first.focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-role="fix-status"]', { hasText: '已修正' }).waitFor();
    await page.waitForFunction((cell) => document.activeElement?.getAttribute('data-cell') === cell, other);
    expect(await focusShows(page)).toBe(true);
    expect(await cellValue(page, sheet, cost)).toBe('≤610万元');
    // Tab reaches its 修正 (past its 说明); the last fix leaves nothing: focus on the status line that says so.
    for (let tab = 0; tab < 4 && (await focused(page)).role !== 'fix'; tab++) await page.keyboard.press('Tab');
    expect((await focused(page)).role).toBe('fix');
    expect(await focusShows(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-role') === 'fix-status');
    expect(await page.locator('[data-role="fix-status"]').textContent()).toContain('已修正');
    expect(await page.locator(`[data-sheet="${sheet}"][data-severity]`).count()).toBe(0);
    expect(await focusShows(page)).toBe(true);

    // Every control of the 检查 tab shows focus when reached by Tab.
    await page.getByRole('tab', { name: /检查/ }).focus();
    const seen: string[] = [];
    let reached = 0;
    for (let tab = 0; tab < 12; tab++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      if (now.tag === 'BODY') break;
      reached++;
      if (!(await focusShows(page))) seen.push(`${now.tag} ${now.role ?? ''} ${now.label}`);
    }
    // 全部检查, 清除标记 and the folded list of tables without issues at least.
    expect(reached).toBeGreaterThanOrEqual(3);
    expect(seen).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  test('修正 whose next issue sits in a folded sheet (hints only): that sheet unfolds and its issue has focus', async () => {
    const { page, errors } = await pane.openPane('?view=templates', { width: WIDTH });
    const { sheet, valueOf } = await insertCleanTable(page, pane.library);
    // 深入推进公共法律服务便民化-2024中央, its 绩效目标 given a clause no indicator measures: one 提示, nothing else.
    const hinted = tableNumbered(pane.library, 11);
    await page.getByRole('button', { name: `插入 ${hinted.projectName}` }).click();
    await page.locator('[data-role="insert-outcome"]', { hasText: hinted.projectName }).waitFor();
    const goals = addressOf(planTableSheet(hinted, { sheetName: hinted.projectName, framework: 'seed' }), hinted.goals);
    await page.keyboard.press('Alt+c');
    await userEdit(page, hinted.projectName, goals, `${hinted.goals}完成全市档案数字化整理。`);
    const cost = valueOf('医疗纠纷人民调解经费支出');
    await userEdit(page, sheet, cost, '≥610万元');
    const folded = page.locator(`section[data-sheet="${hinted.projectName}"]`);
    await folded.and(page.locator('[data-folded="true"]')).waitFor();
    expect(await folded.locator('[data-severity]').count()).toBe(0);
    // The one error's 修正, by keyboard: nothing is left on its sheet, the next issue is the folded sheet's hint.
    const fix = page.locator(`section[data-sheet="${sheet}"] li`, { has: page.locator(`[data-cell="${cost}"]`) }).locator('[data-role="fix"]');
    await fix.focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-role="fix-status"]', { hasText: '已修正' }).waitFor();
    await page.waitForFunction((s) => document.activeElement?.getAttribute('data-sheet') === s, hinted.projectName);
    expect(await focused(page)).toMatchObject({ severity: 'info', code: 'goal-without-indicator' });
    expect(await folded.getAttribute('data-folded')).toBe('false');
    expect(await folded.locator('[data-role="sheet-toggle"]').getAttribute('aria-expanded')).toBe('true');
    expect(await focusShows(page)).toBe(true);
    // The status line still says what was done (a polite live region, read without focus).
    expect(await page.locator('[data-role="fix-status"]').textContent()).toContain('已修正');
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  test('设置 holds only the default: a 旧版 table inserted after choosing 101号 stays 旧版; a blank form takes 101号', async () => {
    const { page, errors } = await pane.openPane('?view=settings', { width: WIDTH });
    await page.getByLabel('默认指标框架').selectOption('2021');
    await page.locator('[data-role="settings-status"]', { hasText: '已保存到工作簿' }).waitFor();
    await page.getByRole('tab', { name: '模板' }).click();
    // 数字化运维项目: a 旧版 table (产出›成本指标, 一级 满意度指标), its framework recorded nowhere.
    const table = tableNumbered(pane.library, 1);
    await page.getByRole('button', { name: `插入 ${table.projectName}` }).click();
    await page.locator('[data-role="insert-outcome"]', { hasText: table.projectName }).waitFor();
    // The blank form takes the default, and keeps it (recorded for its sheet).
    expect(await page.getByLabel('空白表的指标框架').inputValue()).toBe('2021');
    const before = await page.evaluate(() => window.__excelDouble!.sheetNames());
    await page.getByRole('button', { name: '插入空白表' }).click();
    await page.waitForFunction((n) => window.__excelDouble!.sheetNames().length > n, before.length);
    const blank = (await page.evaluate(() => window.__excelDouble!.sheetNames())).find((name) => !before.includes(name))!;
    await page.getByRole('tab', { name: /检查/ }).click();
    const frameworkOf = (sheet: string) => page.locator(`section[data-sheet="${sheet}"] [data-role="sheet-framework"]`);
    await frameworkOf(blank).waitFor();
    await frameworkOf(table.projectName).waitFor();
    expect(await frameworkOf(blank).getAttribute('data-framework')).toBe('2021');
    // The 旧版 table is detected as such: judged by 旧版, no 101号 dimension is missing, its heading says 旧版.
    expect(await frameworkOf(table.projectName).getAttribute('data-framework')).toBe('seed');
    expect(await frameworkOf(table.projectName).locator('select').inputValue()).toBe('seed');
    expect(await page.locator(`[data-sheet="${table.projectName}"][data-code="missing-dimension"]`).count()).toBe(0);
    expect(await page.locator(`[data-sheet="${table.projectName}"][data-severity="error"]`).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  test('a sheet of two forms, the second untouched: it waits whole (第 2 张表) while the first one’s empty cells are errors', async () => {
    // Two blank forms one under the other on one sheet; the clerk has typed the first one’s 项目名称 only.
    const plan = planBlankSheet('seed', '两个项目');
    const below = Math.max(...plan.cells.map((cell) => Number(/\d+$/.exec(cell.address)![0]))) + 3;
    const shift = (range: string) => range.replace(/\d+/g, (row) => String(Number(row) + below));
    const cells = [...plan.cells.map((cell) => (cell.address === 'B3' ? { ...cell, value: '数字化系统运维' } : cell)), ...plan.cells.map((cell) => ({ ...cell, address: shift(cell.address) }))];
    const officeScript = await doubleWithSheet('两个项目', cells, [...plan.merges, ...plan.merges.map(shift)]);
    const { page, errors } = await pane.openPane('?view=check', { width: WIDTH, officeScript });
    const section = page.locator('section[data-sheet="两个项目"]');
    await section.locator('[data-role="waiting-count"]', { hasText: '待填写 15 项' }).waitFor();
    await page.getByRole('button', { name: '全部检查' }).and(page.locator(':not([disabled])')).waitFor();
    expect(await section.locator('[data-role="waiting"]').textContent()).toContain('第 2 张表还没有开始填写');
    // The first form is being filled in: its empty cells are errors, each naming its project; none below it.
    const listed = await section.locator('button[data-severity="error"]').evaluateAll((items) => items.map((item) => [Number(/\d+$/.exec(item.getAttribute('data-cell') ?? '')?.[0]), item.textContent ?? '']));
    expect(listed.length).toBeGreaterThan(0);
    for (const [row, text] of listed) {
      expect(row).toBeLessThan(below);
      expect(text).toContain('「数字化系统运维」');
    }
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
    // 全部检查 asked for by the clerk lists the second form's empty cells as errors too.
    await page.getByRole('button', { name: '全部检查' }).click();
    await section.locator('button[data-severity="error"]', { hasText: '第 2 张表：' }).first().waitFor();
    expect(await section.locator('[data-role="waiting-count"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  test('the pane opening on 检查 checks everything but leaves an untouched form 待填写 and unmarked', async () => {
    // The workbook holds a blank form when the pane opens (a colleague inserted it; the ribbon's 检查 opens the pane).
    const plan = planBlankSheet('seed', '空白表');
    const officeScript = await doubleWithSheet(plan.name, plan.cells, plan.merges);
    const { page, errors } = await pane.openPane('?view=check', { width: WIDTH, officeScript });
    const section = page.locator('section[data-sheet="空白表"]');
    await section.locator('[data-role="waiting-count"]', { hasText: '待填写 15 项' }).waitFor();
    // The full check has run (the ribbon's 检查): nothing marked as an error, nothing listed as one.
    await page.getByRole('button', { name: '全部检查' }).and(page.locator(':not([disabled])')).waitFor();
    expect(await section.locator('[data-severity="error"]').count()).toBe(0);
    expect(await page.locator('[data-role="status"]').textContent()).toBe('待填写 15 项');
    expect(await errorMarks(page, '空白表')).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    // 全部检查 asked for by the clerk lists and marks them.
    await page.getByRole('button', { name: '全部检查' }).click();
    await section.locator('[data-severity="error"]').first().waitFor();
    expect(await errorMarks(page, '空白表')).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
