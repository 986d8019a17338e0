// How jixiao's tests run Debian's Chromium (never a downloaded browser), shared by the per-run browser
// server (browserServer.js) and test/browser/support/chromium.ts.
module.exports = {
  CHROMIUM_PATH: '/usr/bin/chromium',
  CHROMIUM_ARGS: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  /** The environment variable carrying the shared browser's websocket endpoint to the jest workers. */
  SHARED_BROWSER_ENV: 'JIXIAO_SHARED_BROWSER_WS',
};
