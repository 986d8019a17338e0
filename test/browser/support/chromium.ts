// Debian's chromium driven by playwright-core; browsers are never downloaded.
import { chromium, type Browser, type Download, type Page } from 'playwright-core';
import { describeWith, requireTool } from '../../support/tools';
import { CHROMIUM_ARGS, CHROMIUM_PATH, SHARED_BROWSER_ENV } from '../../support/browserConfig';

export { CHROMIUM_PATH };

/** `describe` for browser tests: they fail, naming the install command, where Chromium is missing. */
export function describeInChromium(name: string, fn: () => void): void {
  describeWith('chromium', name, fn);
}

/** True; throws (with the install command) when Chromium is missing. Never a reason to skip. */
export function chromiumAvailable(): true {
  requireTool('chromium');
  return true;
}

/**
 * The run's shared Chromium (test/support/browserServer.js) when there is one, else a private one. Either
 * way `close()` ends only what this file made: on a shared browser it closes this file's contexts and
 * disconnects.
 */
export function launchChromium(): Promise<Browser> {
  const shared = process.env[SHARED_BROWSER_ENV];
  if (shared) return chromium.connect(shared);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

const LOCAL_URL = /^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|data:|blob:|about:blank)/;

/** Records every request the page makes that does not stay on this machine. */
export function watchOutsideRequests(page: Page): string[] {
  const outside: string[] = [];
  page.on('request', (request) => {
    if (!LOCAL_URL.test(request.url())) outside.push(request.url());
  });
  return outside;
}

/** Uncaught page errors, so a crash fails the test with its message instead of a timeout. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/**
 * A download's bytes. `download.path()` is refused on a browser reached by `chromium.connect` (the run's
 * shared one), so the bytes are streamed from it instead, which works on a private and a shared browser.
 */
export async function downloadedBytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
