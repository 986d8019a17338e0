// One Chromium for the whole jest run: started before the first test file (when the run includes browser
// tests), shared by every worker through its websocket endpoint, closed after the last file. Each test
// file still gets its own pages and contexts; launchChromium() falls back to a private browser when no
// shared one is running (a single file run from an editor, say).
const { chromium } = require('playwright-core');
const { CHROMIUM_ARGS, CHROMIUM_PATH, SHARED_BROWSER_ENV } = require('./browserConfig');

/** Whether the run may include browser tests: no path filter, or one that can reach test/browser. */
function runIncludesBrowserTests(globalConfig) {
  const patterns = globalConfig.testPathPatterns?.patterns ?? globalConfig.testPathPattern ?? [];
  const list = (Array.isArray(patterns) ? patterns : [patterns]).map((p) => String(p.pattern ?? p)).filter(Boolean);
  return list.length === 0 || list.some((p) => /browser|test\/?$|^test$/.test(p));
}

async function setup(globalConfig) {
  if (!runIncludesBrowserTests(globalConfig)) return;
  const { existsSync } = require('node:fs');
  if (!existsSync(CHROMIUM_PATH)) return; // the browser tests fail on their own, naming the install command
  const server = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  globalThis.__jixiaoBrowserServer = server;
  process.env[SHARED_BROWSER_ENV] = server.wsEndpoint();
}

async function teardown() {
  await globalThis.__jixiaoBrowserServer?.close();
}

module.exports = { setup, teardown, runIncludesBrowserTests };
