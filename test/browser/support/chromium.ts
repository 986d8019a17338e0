// Debian's chromium driven by playwright-core; browsers are never downloaded.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** False (with a message) when chromium is missing outside CI; under CI=true a missing chromium throws. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI === 'true') throw new Error(`CI 环境缺少 ${CHROMIUM_PATH}：浏览器测试不能跳过`);
  console.warn(`跳过浏览器测试：未找到 ${CHROMIUM_PATH}（apt-get install chromium 后可运行）`);
  return false;
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
