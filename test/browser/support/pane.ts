// One harness for every task-pane browser test: the test build served on 127.0.0.1, Chromium, and the
// Excel double served in place of office.js; plus the user actions tests perform through the double.
import { parseSettings } from '../../../src/core/model';
import { encodeSettingsProperties } from '../../../src/core/model/settingsProperties';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { FrameworkName, LibraryTable, TemplateLibrary } from '../../../src/core/model';
import { planBlankSheet, planTableSheet } from '../../../src/core/sheet';
import type { SheetPlan } from '../../../src/core/sheet/types';
import type { ExcelDouble, ExcelDoubleOptions } from '../../support/excelDouble';
import { buildForTests } from './build';
import { describeInChromium, launchChromium, watchOutsideRequests, watchPageErrors } from './chromium';
import { serveStatic, type StaticServer } from './server';
import { pageLibrary } from './workbooks';

declare global {
  interface Window {
    __excelDoubleOptions?: ExcelDoubleOptions;
    __excelDouble?: ExcelDouble;
  }
}

/** Table 1's 运维费用支出 raised above its 292 万元 budget. */
export const OVER_BUDGET = '≤391.2万元';

export { describeInChromium };

/** The address where a plan writes a value. */
export function addressOf(plan: SheetPlan, value: string): string {
  const cell = plan.cells.find((c) => c.value === value);
  if (!cell) throw new Error(`计划中没有值 ${value}`);
  return cell.address;
}

/** Where table 1's 运维费用支出 value sits when the table is inserted as its own sheet. */
export function costCellOf(table: LibraryTable): string {
  const value = table.indicators.find((row) => row.level3 === '运维费用支出')!.value;
  return addressOf(planTableSheet(table, { sheetName: table.projectName, framework: 'seed' }), value);
}

/** The workbook's settings with live marks on (off by default: below ExcelApi 1.20 they clear the undo history). */
export const LIVE_MARKS_ON: Record<string, string> = Object.fromEntries(encodeSettingsProperties(parseSettings({ liveMarks: true })));

export interface OpenPaneOptions {
  width?: number;
  height?: number;
  /** Configures the double (e.g. an older ExcelApi) before the bundle loads. */
  double?: ExcelDoubleOptions;
  /** Served as office.js instead of the double (e.g. a stand-in for "not in Office"). */
  officeScript?: string;
}

export interface OpenedPane {
  page: Page;
  /** Requests that left localhost: must stay empty. */
  outside: string[];
  errors: string[];
}

export interface PaneHarness {
  readonly server: StaticServer;
  readonly browser: Browser;
  readonly library: TemplateLibrary;
  openPane(query: string, options?: OpenPaneOptions): Promise<OpenedPane>;
}

/** Registers beforeAll/afterAll in the calling describe block; the getters are valid inside its tests. */
export function usePaneHarness(): PaneHarness {
  let server: StaticServer;
  let browser: Browser;
  let doubleScript: string;
  let library: TemplateLibrary;

  beforeAll(async () => {
    const dist = await buildForTests();
    doubleScript = readFileSync(join(dist, 'excel-double.js'), 'utf8');
    server = await serveStatic(dist);
    browser = await launchChromium();
    library = pageLibrary();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  return {
    get server() {
      return server;
    },
    get browser() {
      return browser;
    },
    get library() {
      return library;
    },
    async openPane(query, options = {}) {
      const page = await browser.newPage({ viewport: { width: options.width ?? 400, height: options.height ?? 800 } });
      const outside = watchOutsideRequests(page);
      const errors = watchPageErrors(page);
      if (options.double) await page.addInitScript((o) => (window.__excelDoubleOptions = o), options.double);
      const body = options.officeScript ?? doubleScript;
      await page.route('**/office/office.js', (route) => route.fulfill({ contentType: 'text/javascript', body }));
      await page.goto(`${server.origin}/taskpane.html${query}`);
      return { page, outside, errors };
    },
  };
}

/**
 * office.js for a pane opening on a workbook that already holds a sheet (a colleague's work): the Excel
 * double, then the sheet added, its cells typed and its ranges merged, as a user would.
 */
export async function doubleWithSheet(sheet: string, cells: readonly { address: string; value: string | number | null }[], merges: readonly string[]): Promise<string> {
  const typed = cells.filter((cell) => cell.value !== null && cell.value !== '');
  const seed = `;(() => {
      const excel = window.__excelDouble;
      excel.userAddSheet(${JSON.stringify(sheet)});
      for (const cell of ${JSON.stringify(typed)}) excel.userEdit(${JSON.stringify(sheet)}, cell.address, cell.value);
      for (const range of ${JSON.stringify(merges)}) excel.userMerge(${JSON.stringify(sheet)}, range);
    })();`;
  return readFileSync(join(await buildForTests(), 'excel-double.js'), 'utf8') + seed;
}

/** A user typing into a cell, as the double raises it to the add-in. */
export const userEdit = (page: Page, sheet: string, address: string, value: string) =>
  page.evaluate(([s, a, v]) => window.__excelDouble!.userEdit(s, a, v), [sheet, address, value]);

export const cellValue = (page: Page, sheet: string, address: string) =>
  page.evaluate(([s, a]) => window.__excelDouble!.value(s, a), [sheet, address]);

/**
 * From the 模板 tab: inserts library table 1 as its own sheet, then raises its 运维费用支出 above the
 * budget as a user would, and waits on the 检查 tab for the cost-over-budget issue it brings.
 */
export async function insertTableOneOverBudget(page: Page, library: TemplateLibrary): Promise<{ table: LibraryTable; costCell: string }> {
  const table = library.tables.find((t) => t.number === 1)!;
  await page.getByRole('button', { name: `插入 ${table.projectName}` }).click();
  await page.locator('[data-role="insert-outcome"]').waitFor();
  const costCell = costCellOf(table);
  await page.getByRole('tab', { name: /检查/ }).click();
  await userEdit(page, table.projectName, costCell, OVER_BUDGET);
  await page.locator('button[data-code="cost-over-budget"]').waitFor();
  return { table, costCell };
}

/**
 * A clerk filling in printed rows of a blank form in Excel: for each [二级, 三级, 指标值], the 三级 (C) and
 * 指标值 (E) cells of the row the blank form prints that 二级 on. Returns the row of a 二级.
 */
export async function fillBlankRows(page: Page, sheet: string, framework: FrameworkName, rows: readonly (readonly [string, string, string])[]): Promise<(level2: string) => number> {
  const plan = planBlankSheet(framework, sheet);
  const rowOf = (level2: string) => Number(/\d+$/.exec(plan.cells.find((c) => c.value === level2)!.address)![0]);
  for (const [level2, name, value] of rows) {
    await userEdit(page, sheet, `C${rowOf(level2)}`, name);
    await userEdit(page, sheet, `E${rowOf(level2)}`, value);
  }
  return rowOf;
}

/** Conditional formats jixiao wrote as error marks on a sheet (not the native checks written at insert). */
export const errorMarks = (page: Page, sheet: string) =>
  page.evaluate((s) => window.__excelDouble!.snapshot(s).conditionalFormats.filter((cf) => (cf.formula ?? '').includes('jixiao:error')).length, sheet);

/** Whether the focused element shows it (an outline, a ring, or Fluent's ::after border); false on <body>. */
export const focusShows = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const drawn = (style: CSSStyleDeclaration) => (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || (style.boxShadow !== 'none' && style.boxShadow !== '');
    const after = getComputedStyle(el, '::after');
    const afterBorder = after.content !== 'none' && ['top', 'right', 'bottom', 'left'].some((side) => after.getPropertyValue(`border-${side}-style`) !== 'none' && parseFloat(after.getPropertyValue(`border-${side}-width`)) > 0);
    return drawn(getComputedStyle(el)) || drawn(after) || afterBorder;
  });
