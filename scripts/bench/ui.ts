// UI figures: gzip size of all JS each page loads (production build), and first paint / first
// contentful paint in headless Chromium (task pane over the Excel double; checker page), median of 7.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import webpack from 'webpack';
import type { BenchFigure } from '../bench';
import { launchChromium, chromiumAvailable } from '../../test/browser/support/chromium';
import { serveStatic } from '../../test/browser/support/server';

const ROOT = join(__dirname, '..', '..');
const OUT = join(ROOT, '.tmp', 'bench-ui');
const LOADS = 7;

async function buildProduction(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const createConfig = require(join(ROOT, 'webpack.config.js')) as (env: Record<string, unknown>, argv: { mode: string }) => webpack.Configuration;
  const config = createConfig({ officejs: 'local', outdir: OUT, testDouble: true }, { mode: 'production' });
  await new Promise<void>((resolve, reject) =>
    webpack(config, (error, stats) => (error ? reject(error) : stats?.hasErrors() ? reject(new Error(stats.toString('errors-only'))) : resolve())),
  );
}

const gzipKb = (file: string): number => gzipSync(readFileSync(join(OUT, file)), { level: 9 }).length / 1024;

/** The bundle scripts an HTML page loads (office.js excluded: it is Microsoft's, from their CDN). */
function pageScripts(html: string): string[] {
  const page = readFileSync(join(OUT, html), 'utf8');
  return [...page.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]).filter((src) => !src.startsWith('office/') && !src.startsWith('http'));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export default async function uiBench(): Promise<BenchFigure[]> {
  await buildProduction();
  const pane = pageScripts('taskpane.html');
  const checker = pageScripts('index.html');
  const lazy = readdirSync(OUT).filter((f) => f.endsWith('.js') && !pane.includes(f) && !checker.includes(f) && !/^(commands|excel-double)\./.test(f));
  const sum = (files: string[]) => files.reduce((total, f) => total + gzipKb(f), 0);
  const figures: BenchFigure[] = [
    { name: 'task pane JS (all scripts of taskpane.html), gzip', value: sum(pane), unit: 'KB' },
    { name: 'checker page JS at load (index.html), gzip', value: sum(checker), unit: 'KB' },
    { name: 'checker page JS loaded on first file (exceljs, reader), gzip', value: sum(lazy), unit: 'KB' },
  ];
  if (!chromiumAvailable()) return figures;

  const server = await serveStatic(OUT);
  const browser = await launchChromium();
  const doubleFile = readdirSync(OUT).find((f) => f.startsWith('excel-double.'));
  if (!doubleFile) throw new Error('excel-double.js missing from the bench build');
  const doubleScript = readFileSync(join(OUT, doubleFile), 'utf8');
  try {
    const paints = async (path: string, ready: string): Promise<{ fp: number; fcp: number }> => {
      const page = await browser.newPage({ viewport: { width: 400, height: 800 } });
      await page.route('**/office/office.js', (route) => route.fulfill({ contentType: 'text/javascript', body: doubleScript }));
      await page.goto(`${server.origin}/${path}`);
      await page.locator(ready).first().waitFor();
      // The element can exist before Chromium has recorded the paint: wait for both entries.
      await page.waitForFunction(() => performance.getEntriesByType('paint').length >= 2);
      const entries = await page.evaluate(() => performance.getEntriesByType('paint').map((e) => ({ name: e.name, start: e.startTime })));
      await page.close();
      const at = (name: string) => entries.find((e) => e.name === name)?.start ?? Number.NaN;
      return { fp: at('first-paint'), fcp: at('first-contentful-paint') };
    };
    for (const [label, path, ready] of [
      ['task pane', 'taskpane.html', '[data-template]'],
      ['checker page', 'index.html', '[data-role="drop-zone"]'],
    ] as const) {
      await paints(path, ready); // warm-up: disk cache, chromium process
      const runs = [];
      for (let i = 0; i < LOADS; i++) runs.push(await paints(path, ready));
      figures.push({ name: `${label} first paint (headless Chromium, median of ${LOADS})`, value: median(runs.map((r) => r.fp)), unit: 'ms' });
      figures.push({ name: `${label} first contentful paint (median of ${LOADS})`, value: median(runs.map((r) => r.fcp)), unit: 'ms' });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return figures;
}
