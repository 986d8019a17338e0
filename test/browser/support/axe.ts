// axe-core in the page: every WCAG violation in jixiao's own markup fails the test.
import type { Page } from 'playwright-core';

const AXE = require.resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  help: string;
  nodes: string[];
}

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: unknown[]; html: string }[] }[];
}

/**
 * The violations on the page as it is now. Excluded: Fluent UI's (tabster's) focus sentinels — the
 * hidden focusable <i data-tabster-dummy> elements Fluent puts around dialogs and lists to keep focus
 * inside them. They are Fluent's markup, not ours, and axe reports them as aria-hidden-focus.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  // Fluent's dialogs and tabs fade in: colour contrast measured mid-animation blends with the backdrop.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<unknown> } }).axe;
    return (await axe.run({ exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] })) as unknown;
  });
  return (result as AxeResult).violations.map((violation) => ({
    id: violation.id,
    help: violation.help,
    nodes: violation.nodes.map((node) => `${JSON.stringify(node.target)} ${node.html.slice(0, 160)}`),
  }));
}
