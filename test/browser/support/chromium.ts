// Debian's chromium driven by playwright-core; browsers are never downloaded.
import { chromium, type Browser, type Page } from 'playwright-core';
import { describeWith, requireTool } from '../../support/tools';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** `describe` for browser tests: they fail, naming the install command, where Chromium is missing. */
export function describeInChromium(name: string, fn: () => void): void {
  describeWith('chromium', name, fn);
}

/** True; throws (with the install command) when Chromium is missing. Never a reason to skip. */
export function chromiumAvailable(): true {
  requireTool('chromium');
  return true;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
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
