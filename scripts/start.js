#!/usr/bin/env node
// `npm start`: builds the pages (development) and serves them on https://localhost:3000 with
// webpack-dev-server, then prints how to sideload manifest.xml, and keeps serving until Ctrl+C.
// On Windows and macOS it also opens Excel with manifest.xml sideloaded, and unloads it on stop
// (scripts/sideload.js; JIXIAO_SIDELOAD=0 to only serve).
//
// Environment:
//   JIXIAO_PORT=3000         port (the manifest points at 3000; change both together)
//   JIXIAO_OFFICEJS=local    serve the local office.js copy instead of Microsoft's CDN (offline preview)
//   JIXIAO_DEV_CERTS=install on Linux, also try to install the Office dev CA (needs sudo)
//
// Certificates: Office only loads add-ins from trusted https. On Windows and macOS the CA from
// office-addin-dev-certs is made and installed (it may ask for permission once). Linux has no
// desktop Excel, and installing a CA needs sudo, so there we use the dev certificates only when they
// are already installed; otherwise webpack-dev-server's self-signed certificate, and we say so.
const webpack = require('webpack');
const WebpackDevServer = require('webpack-dev-server');
const createConfig = require('../webpack.config.js');
const { startSideload } = require('./sideload.js');

const DEFAULT_PORT = 3000;

/** @returns {Promise<{ server: import('webpack-dev-server').Configuration['server'], note: string }>} */
async function httpsServer(platform = process.platform, env = process.env) {
  let devCerts;
  try {
    devCerts = require('office-addin-dev-certs');
  } catch (error) {
    return { server: 'https', note: `未找到 office-addin-dev-certs（${error.message}），使用自签名证书。 / office-addin-dev-certs unavailable; using a self-signed certificate.` };
  }
  const mayInstall = platform !== 'linux' || env.JIXIAO_DEV_CERTS === 'install';
  try {
    if (!mayInstall && !devCerts.verifyCertificates()) {
      throw new Error('Linux 上未安装 Office 开发证书 / the Office dev CA is not installed on this Linux machine');
    }
    const options = await devCerts.getHttpsServerOptions();
    return { server: { type: 'https', options }, note: '使用 Office 开发证书（受信任）。 / Using the trusted Office dev certificate.' };
  } catch (error) {
    return {
      server: 'https',
      note: [
        `无法使用 Office 开发证书：${error.message}`,
        '改用自签名证书：首次在浏览器中打开页面时需手动信任；桌面版 Excel 不接受未受信任的证书。',
        '如需受信任证书，请运行 `npx office-addin-dev-certs install`（需要管理员权限）。',
        'Could not use the Office dev certificate; falling back to a self-signed one. Browsers will warn once;',
        'desktop Excel needs a trusted certificate: run `npx office-addin-dev-certs install` (admin rights).',
      ].join('\n'),
    };
  }
}

function sideloadHelp(port) {
  const base = `https://localhost:${port}`;
  return `
绩效目标表助手已启动 / jixiao is being served:
  检查页 / checker page:   ${base}/
  任务窗格 / task pane:    ${base}/taskpane.html

在 Excel 中加载 manifest.xml（旁加载） / Sideload manifest.xml into Excel:
  Excel 网页版 / Excel on the web:
    打开工作簿 → 开始 → 加载项 → 更多加载项 → 我的加载项 → 上传我的加载项 → 选择 manifest.xml
    Open a workbook → Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in → manifest.xml
  Windows 版 Excel / Excel on Windows:
    把 manifest.xml 所在文件夹设为网络共享；文件 → 选项 → 信任中心 → 信任中心设置 → 受信任的加载项目录，
    添加该共享路径并勾选“显示在菜单中”；重启 Excel → 插入 → 我的加载项 → 共享文件夹 → 绩效目标表助手
    Share the folder holding manifest.xml; File → Options → Trust Center → Trust Center Settings →
    Trusted Add-in Catalogs: add the share, tick "Show in Menu"; restart Excel → Insert → My Add-ins →
    Shared Folder.
  Mac 版 Excel / Excel on Mac:
    cp manifest.xml ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
    重启 Excel → 插入 → 加载项 → 我的加载项 / restart Excel → Insert → Add-ins → My Add-ins

按 Ctrl+C 停止 / Press Ctrl+C to stop.
`;
}

/** How often start.js looks whether the process that started it (npm, a shell, an IDE) is still there. */
const PARENT_POLL_MS = 1000;
/** devServer.stop() waits for open connections; a browser tab keeping one open must not keep the port. */
const STOP_TIMEOUT_MS = 3000;

/**
 * Stops the server with its parent: on SIGINT/SIGTERM/SIGHUP (npm forwards them; a closed terminal
 * sends SIGHUP), and when the parent is gone without a word (killed with SIGKILL, it cannot forward
 * anything: this process is then re-parented, which changes process.ppid).
 */
function stopWithParent(stop, { poll = PARENT_POLL_MS, ppid = process.ppid } = {}) {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, () => void stop(signal));
  const timer = setInterval(() => {
    if (process.ppid !== ppid) void stop('parent exited');
  }, poll);
  timer.unref();
}

async function main() {
  const port = Number(process.env.JIXIAO_PORT ?? DEFAULT_PORT);
  const officejs = process.env.JIXIAO_OFFICEJS === 'local' ? 'local' : 'cdn';
  const base = createConfig({ officejs, WEBPACK_SERVE: true }, { mode: 'development' });
  // Quiet by default: the sideload steps must not scroll away under webpack's asset list.
  const config = { ...base, stats: 'errors-warnings', infrastructureLogging: { level: 'warn' } };
  const { server, note } = await httpsServer();
  console.log(note);
  console.log('正在构建… / building…');
  const compiler = webpack(config);
  let announced = false;
  /** @type {Promise<{ stop: () => Promise<void> }> | null} */
  let sideload = null;
  compiler.hooks.done.tap('jixiao-start', (stats) => {
    if (stats.hasErrors()) {
      console.error('构建失败 / build failed:\n' + stats.toString({ all: false, errors: true, colors: false }));
      return;
    }
    if (stats.hasWarnings()) console.warn(stats.toString({ all: false, warnings: true, colors: false }));
    if (announced) {
      console.log(`已重新构建 / rebuilt (${new Date().toLocaleTimeString()})`);
      return;
    }
    announced = true;
    // After the dev middleware's own output for this compile, so the steps are the last thing shown.
    setImmediate(() => console.log(sideloadHelp(port)));
    sideload = startSideload();
  });
  const devServer = new WebpackDevServer(
    { ...config.devServer, port, server, devMiddleware: { ...config.devServer?.devMiddleware, stats: 'errors-warnings' } },
    compiler,
  );
  let stopping = false;
  const stop = async (why) => {
    if (stopping) return;
    stopping = true;
    console.log(`正在停止（${why}） / stopping (${why})`);
    setTimeout(() => process.exit(0), STOP_TIMEOUT_MS).unref();
    try {
      if (sideload) await (await sideload).stop();
      await devServer.stop();
    } finally {
      process.exit(0);
    }
  };
  stopWithParent(stop);
  await devServer.start();
}

if (require.main === module) {
  main().catch((error) => {
    console.error('启动失败 / start failed:', error);
    process.exit(1);
  });
}

module.exports = { httpsServer, sideloadHelp, stopWithParent };
