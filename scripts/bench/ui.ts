// UI figures: gzip size of the JS each page loads (production build), and load times in headless Chromium
// (task pane over the Excel double; checker page), median of 7, beside a task pane shaped like Microsoft's
// React template (scripts/bench/template/) built by the same webpack settings and loaded the same way.
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import webpack from 'webpack';
import type { BenchFigure } from '../bench';
import { PAGE_BUDGET_KB, gzipKb, pageScripts, pageScriptsKb } from '../pageBudget';
import { launchChromium } from '../../test/browser/support/chromium';
import { locateTool, TOOLS } from '../testTools';
import { serveStatic } from '../../test/browser/support/server';

const ROOT = join(__dirname, '..', '..');
const OUT = join(ROOT, '.tmp', 'bench-ui');
const LOADS = 7;
/** Main thread quiet this long after the page is drawn: it is interactive (Lighthouse's TTI uses 5 s). */
const QUIET_MS = 1000;

function compile(config: webpack.Configuration): Promise<void> {
  return new Promise<void>((resolve, reject) =>
    webpack(config, (error, stats) => (error ? reject(error) : stats?.hasErrors() ? reject(new Error(stats.toString('errors-only'))) : resolve())),
  );
}

/** The pages as `npm run build` makes them, and the template pane by the same settings in a build of its own. */
async function buildProduction(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const createConfig = require(join(ROOT, 'webpack.config.js')) as (env: Record<string, unknown>, argv: { mode: string }) => webpack.Configuration;
  await compile(createConfig({ officejs: 'local', outdir: OUT, testDouble: true }, { mode: 'production' }));
  // Its own build, so its chunks never change how the pages' are split.
  const template = createConfig({ officejs: 'local', outdir: join(OUT, 'template') }, { mode: 'production' });
  template.entry = { 'template-pane': './scripts/bench/template/index.tsx' };
  template.plugins = [
    ...(template.plugins ?? []).filter((plugin) => !(plugin instanceof HtmlWebpackPlugin)),
    new HtmlWebpackPlugin({
      filename: 'template.html',
      chunks: ['template-pane'],
      template: './src/web/page.html',
      templateParameters: { title: '任务窗格模板', officeJsSrc: 'office/office.js' },
      scriptLoading: 'defer',
    }),
  ];
  await compile(template);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

interface Load {
  fp: number;
  fcp: number;
  /** The page's main control drawn and the main thread quiet for QUIET_MS: the end of the last long task, or when drawn. */
  interactive: number;
  /** Bundle files the page fetched by then, without a click. */
  scripts: string[];
}

/** Runs in the page before its scripts: records long tasks and when `selector` first appears. */
function watchLoad(selector: string): void {
  const state = { longTaskEnds: [] as number[], ready: -1 };
  (window as unknown as { __load: typeof state }).__load = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTaskEnds.push(entry.startTime + entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  const probe = new MutationObserver(() => {
    if (state.ready < 0 && document.querySelector(selector)) {
      state.ready = performance.now();
      probe.disconnect();
    }
  });
  probe.observe(document, { childList: true, subtree: true });
}

export default async function uiBench(): Promise<BenchFigure[]> {
  await buildProduction();
  const commands = pageScripts(OUT, 'commands.html');
  const sum = (files: string[]) => files.reduce((total, f) => total + gzipKb(OUT, f), 0);
  const figures: BenchFigure[] = [
    { name: 'task pane JS at first paint (taskpane.html scripts), gzip', value: pageScriptsKb(OUT, 'taskpane.html'), unit: 'KB', goal: `≤ ${PAGE_BUDGET_KB['taskpane.html']} KB` },
    { name: 'template pane JS (same webpack settings), gzip', value: pageScriptsKb(join(OUT, 'template'), 'template.html'), unit: 'KB' },
    { name: 'checker page JS at load (index.html), gzip', value: pageScriptsKb(OUT, 'index.html'), unit: 'KB', goal: `≤ ${PAGE_BUDGET_KB['index.html']} KB` },
    { name: 'checker worker (started on the first file), gzip', value: gzipKb(OUT, 'check-worker.js'), unit: 'KB' },
    { name: 'ribbon commands page JS, gzip', value: pageScriptsKb(OUT, 'commands.html'), unit: 'KB' },
    {
      name: 'ribbon commands page: zod in its scripts (1 yes, 0 no)',
      value: commands.some((f) => readFileSync(join(OUT, f), 'utf8').includes('_zod')) ? 1 : 0,
      unit: '',
      goal: '0',
    },
  ];
  // The bench prints what it can measure here; without Chromium the page timings are left out.
  if (!locateTool(TOOLS.find((tool) => tool.name === 'chromium')!)) return figures;

  const server = await serveStatic(OUT);
  const browser = await launchChromium();
  const doubleFile = readdirSync(OUT).find((f) => f.startsWith('excel-double.'));
  if (!doubleFile) throw new Error('excel-double.js missing from the bench build');
  const doubleScript = readFileSync(join(OUT, doubleFile), 'utf8');
  try {
    const load = async (path: string, ready: string): Promise<Load> => {
      const page = await browser.newPage({ viewport: { width: 400, height: 800 } });
      await page.route('**/office/office.js', (route) => route.fulfill({ contentType: 'text/javascript', body: doubleScript }));
      await page.addInitScript(watchLoad, ready);
      await page.goto(`${server.origin}/${path}`);
      await page.locator(ready).first().waitFor();
      // The element can exist before Chromium has recorded the paint: wait for both entries.
      await page.waitForFunction(() => performance.getEntriesByType('paint').length >= 2);
      // Interactive once nothing long has run for QUIET_MS after the page was drawn.
      await page.waitForFunction(
        (quiet) => {
          const state = (window as unknown as { __load: { longTaskEnds: number[]; ready: number } }).__load;
          const last = Math.max(state.ready, ...state.longTaskEnds);
          return state.ready >= 0 && performance.now() - last >= quiet;
        },
        QUIET_MS,
        { polling: 100, timeout: 30_000 },
      );
      const result = await page.evaluate(() => {
        const state = (window as unknown as { __load: { longTaskEnds: number[]; ready: number } }).__load;
        const paints = performance.getEntriesByType('paint').map((e) => ({ name: e.name, start: e.startTime }));
        const scripts = performance.getEntriesByType('resource').map((e) => e.name).filter((name) => name.endsWith('.js'));
        return { paints, interactive: Math.max(state.ready, ...state.longTaskEnds), scripts };
      });
      await page.close();
      const at = (name: string) => result.paints.find((e) => e.name === name)?.start ?? Number.NaN;
      const fcp = at('first-contentful-paint');
      return { fp: at('first-paint'), fcp, interactive: Math.max(result.interactive, fcp), scripts: result.scripts.map((url) => basename(new URL(url).pathname)) };
    };
    const runs = async (path: string, ready: string): Promise<Load[]> => {
      await load(path, ready); // warm-up: disk cache, chromium process
      const loads: Load[] = [];
      for (let i = 0; i < LOADS; i++) loads.push(await load(path, ready));
      return loads;
    };
    // Alternated, so a busy moment of the machine falls on both.
    const paneLoads: Load[] = [];
    const templateLoads: Load[] = [];
    await load('taskpane.html', '[data-template]');
    await load('template/template.html', '[data-role="template-insert"]');
    for (let i = 0; i < LOADS; i++) {
      paneLoads.push(await load('taskpane.html', '[data-template]'));
      templateLoads.push(await load('template/template.html', '[data-role="template-insert"]'));
    }
    const paneTti = median(paneLoads.map((r) => r.interactive));
    const templateTti = median(templateLoads.map((r) => r.interactive));
    const withoutClick = [...new Set(paneLoads[0].scripts)].filter((f) => f !== 'office.js');
    figures.push(
      { name: 'task pane JS loaded by the time it is interactive, no click, gzip', value: sum(withoutClick), unit: 'KB' },
      { name: `task pane first contentful paint (median of ${LOADS})`, value: median(paneLoads.map((r) => r.fcp)), unit: 'ms' },
      { name: `template pane first contentful paint (median of ${LOADS})`, value: median(templateLoads.map((r) => r.fcp)), unit: 'ms' },
      { name: `task pane time to interactive (median of ${LOADS})`, value: paneTti, unit: 'ms' },
      { name: `template pane time to interactive (median of ${LOADS})`, value: templateTti, unit: 'ms' },
      { name: 'task pane ÷ template pane, time to interactive', value: paneTti / templateTti, unit: '×', goal: '≤ 1.00' },
    );
    const checkerLoads = await runs('index.html', '[data-role="drop-zone"]');
    figures.push(
      { name: `checker page first paint (median of ${LOADS})`, value: median(checkerLoads.map((r) => r.fp)), unit: 'ms' },
      { name: `checker page first contentful paint (median of ${LOADS})`, value: median(checkerLoads.map((r) => r.fcp)), unit: 'ms' },
      { name: `checker page time to interactive (median of ${LOADS})`, value: median(checkerLoads.map((r) => r.interactive)), unit: 'ms' },
    );
  } finally {
    await browser.close();
    await server.close();
  }
  return figures;
}
