// What each page loads before the user does anything, gzip: the bench prints it beside its goal and the
// production-build test (test/browser/deploy.test.ts) fails past it. Lazy chunks (the pane's 检查 and
// 设置 tabs, the checker's issue list and settings form, the worker) are not in a page's <script> tags.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** KB gzip (level 9) a page may load at first paint (issue #11). */
export const PAGE_BUDGET_KB = { 'taskpane.html': 180, 'index.html': 150 } as const;

/** The bundle scripts an HTML page loads (office.js excluded: it is Microsoft's, from their CDN). */
export function pageScripts(outDir: string, html: string): string[] {
  const page = readFileSync(join(outDir, html), 'utf8');
  return [...page.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]).filter((src) => !src.startsWith('office/') && !src.startsWith('http'));
}

export function gzipKb(outDir: string, file: string): number {
  return gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length / 1024;
}

/** KB gzip of every script the page's HTML loads. */
export function pageScriptsKb(outDir: string, html: string): number {
  return pageScripts(outDir, html).reduce((total, file) => total + gzipKb(outDir, file), 0);
}
