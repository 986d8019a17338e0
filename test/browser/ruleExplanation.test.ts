// Every issue's 说明, opened with the keyboard only, in the task pane and on the checker page: the rule's
// description, basis, the setting that changes it and its examples, from the bundle (no request leaves
// the machine), with no axe violation open or closed.
import type { Locator, Page } from 'playwright-core';
import { RULES } from '../../src/core/rules';
import { exampleText } from '../../src/core/rules/examples';
import { axeViolations } from './support/axe';
import { watchOutsideRequests } from './support/chromium';
import { describeInChromium, insertTableOneOverBudget, usePaneHarness } from './support/pane';
import { tableNumbered, workbookOf } from './support/workbooks';

/** Presses Tab until the focused element matches `selector` (at most `limit` times); false when never reached. */
async function tabTo(page: Page, selector: string, limit = 60): Promise<boolean> {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return true;
    await page.keyboard.press('Tab');
  }
  return false;
}

/** What an open 说明 must say: the rule's own texts, one flagged and one accepted example. */
async function expectExplains(panel: Locator, code: keyof typeof RULES): Promise<void> {
  const rule = RULES[code];
  const text = (await panel.textContent()) ?? '';
  expect(text).toContain(rule.title);
  expect(text).toContain(rule.description);
  expect(text).toContain(rule.basis);
  expect(text).toContain(exampleText(rule.examples.flagged[0]));
  expect(text).toContain(rule.examples.flagged[0].note);
  expect(text).toContain(exampleText(rule.examples.accepted[0]));
}

describeInChromium('说明: the rule explained beside each issue', () => {
  const pane = usePaneHarness();

  test('task pane: Tab from the issue reaches its 说明; Enter or Space opens it, Escape closes it', async () => {
    const { page, outside, errors } = await pane.openPane('?view=templates', { width: 360 });
    await insertTableOneOverBudget(page, pane.library);
    const explain = '[data-rule="cost-over-budget"] [data-role="explain"]';
    // From the issue's own button, its 说明 is the next Tab stop, or the one after its 修正.
    await page.locator('button[data-code="cost-over-budget"]').focus();
    expect(await tabTo(page, explain, 3)).toBe(true);
    const toggle = page.locator(explain);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    // Named by its rule for screen readers, the visible word first.
    expect(await page.getByRole('button', { name: /^说明\s*：成本超过预算数$/ }).count()).toBe(1);

    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: '规则说明：成本超过预算数' });
    await panel.waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await toggle.getAttribute('aria-controls')).toBe(await panel.getAttribute('id'));
    await expectExplains(panel, 'cost-over-budget');
    // Opening the 说明 does not select the cell: only the issue button does.
    expect(await page.evaluate(() => window.__excelDouble!.selection())).toBeNull();
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // Escape closes it, focus stays on 说明; Space opens it again, Enter closes it.
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await page.evaluate((s) => document.activeElement?.matches(s), explain)).toBe(true);
    await page.keyboard.press('Space');
    await panel.waitFor();
    await page.keyboard.press('Enter');
    await panel.waitFor({ state: 'detached' });
    expect(await axeViolations(page)).toEqual([]);

    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  }, 90_000);

  test('checker page: the 说明 of a funds mismatch names 资金允许误差, reached and opened by keyboard', async () => {
    const table = tableNumbered(pane.library, 1);
    table.budget.fiscal = 200;
    const bytes = await workbookOf([table]);
    const page = await pane.browser.newPage({ viewport: { width: 400, height: 900 } });
    const outside = watchOutsideRequests(page);
    await page.goto(`${pane.server.origin}/index.html`);
    await page.locator('input[type="file"]').setInputFiles([{ name: '资金不符.xlsx', mimeType: 'application/octet-stream', buffer: bytes }]);
    await page.locator('section[data-file="资金不符.xlsx"][data-status="done"]').waitFor();
    const explain = '[data-rule="funds-mismatch"] [data-role="explain"]';
    await page.locator(explain).waitFor();

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    expect(await tabTo(page, explain)).toBe(true);
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: '规则说明：资金来源与预算数不符' });
    await panel.waitFor();
    await expectExplains(panel, 'funds-mismatch');
    expect(await panel.locator('[data-role="explanation-settings"]').textContent()).toContain('资金允许误差');
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);

    await page.keyboard.press('Enter');
    await panel.waitFor({ state: 'detached' });
    expect(await page.locator(explain).getAttribute('aria-expanded')).toBe('false');
    expect(outside).toEqual([]);
    await page.close();
  }, 90_000);
});
