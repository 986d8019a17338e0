// `npm start`'s sideloading: on Windows and macOS, registers the dev manifest.xml with Excel and opens
// Excel with the add-in, through Microsoft's office-addin-debugging; stopping unregisters it. Linux has no
// desktop Excel, so there (and where the package is not installed) npm start only serves, and says why.
//
// office-addin-debugging is not a dependency: it pulls a native module that needs libsecret to build on
// Linux. It is loaded only where present (`npm install --no-save office-addin-debugging` on the PC or Mac).
//
// Environment: JIXIAO_SIDELOAD=0 serves without opening Excel on Windows and macOS too.
const path = require('node:path');

const DEV_MANIFEST = path.join(__dirname, '..', 'manifest.xml');

/**
 * @typedef {object} Debugging  the part of office-addin-debugging used here
 * @property {(manifestPath: string, options: object) => Promise<void>} startDebugging
 * @property {(manifestPath: string) => Promise<void>} stopDebugging
 */

/**
 * Whether npm start should sideload, and if not, the note to print.
 * @param {string} platform  process.platform
 * @param {Record<string, string | undefined>} env
 * @returns {{ sideload: true } | { sideload: false, note: string }}
 */
function sideloadDecision(platform, env) {
  if (env.JIXIAO_SIDELOAD === '0') {
    return { sideload: false, note: '已按 JIXIAO_SIDELOAD=0 只提供服务，不打开 Excel。 / JIXIAO_SIDELOAD=0: serving only, Excel is not opened.' };
  }
  if (env.JIXIAO_PORT && Number(env.JIXIAO_PORT) !== 3000 && (platform === 'win32' || platform === 'darwin')) {
    return {
      sideload: false,
      note: `manifest.xml 指向 3000 端口，而服务在 ${env.JIXIAO_PORT} 端口：不自动加载到 Excel。 / manifest.xml points at port 3000, not ${env.JIXIAO_PORT}: not sideloading.`,
    };
  }
  if (platform === 'win32' || platform === 'darwin') return { sideload: true };
  return {
    sideload: false,
    note: [
      `此系统（${platform}）没有桌面版 Excel：npm start 只提供服务。请按下面的步骤在 Excel 网页版中上传 manifest.xml。`,
      `No desktop Excel on ${platform}: npm start only serves. Upload manifest.xml to Excel on the web as below.`,
    ].join('\n'),
  };
}

/**
 * office-addin-debugging when it can be loaded, else null.
 * @param {(id: string) => unknown} load  require, injectable for tests
 * @returns {Debugging | null}
 */
function loadDebugging(load = require) {
  try {
    const module = /** @type {Partial<Debugging>} */ (load('office-addin-debugging'));
    return typeof module.startDebugging === 'function' && typeof module.stopDebugging === 'function' ? /** @type {Debugging} */ (module) : null;
  } catch {
    return null;
  }
}

/**
 * Sideloads the manifest when the platform allows, and returns what undoes it. Never throws: a failed
 * sideload leaves the server running with the manual steps.
 * @param {{ platform?: string, env?: Record<string, string | undefined>, manifestPath?: string,
 *           debugging?: Debugging | null, log?: (line: string) => void }} [options]
 * @returns {Promise<{ sideloaded: boolean, stop: () => Promise<void> }>}
 */
async function startSideload(options = {}) {
  const { platform = process.platform, env = process.env, manifestPath = DEV_MANIFEST, log = console.log } = options;
  const none = { sideloaded: false, stop: async () => {} };
  const decision = sideloadDecision(platform, env);
  if (!decision.sideload) {
    log(decision.note);
    return none;
  }
  const debugging = options.debugging === undefined ? loadDebugging() : options.debugging;
  if (!debugging) {
    log([
      '未安装 office-addin-debugging，无法自动在 Excel 中加载；可运行 `npm install --no-save office-addin-debugging` 后重新 npm start，或按下面的步骤手动加载。',
      'office-addin-debugging is not installed: run `npm install --no-save office-addin-debugging` and npm start again, or sideload by hand as below.',
    ].join('\n'));
    return none;
  }
  try {
    // No debugger, no live reload: the dev server is ours, office-addin-debugging only registers and opens.
    await debugging.startDebugging(manifestPath, { appType: 'desktop', app: 'excel', enableDebugging: false, enableLiveReload: false, enableSideload: true });
  } catch (error) {
    log(`无法自动在 Excel 中加载（${error instanceof Error ? error.message : String(error)}），请按下面的步骤手动加载。 / Could not sideload; do it by hand as below.`);
    return none;
  }
  log('已在 Excel 中加载绩效目标表助手；停止 npm start 时会卸载。 / Excel opened with the add-in; stopping npm start unloads it.');
  let stopped = false;
  return {
    sideloaded: true,
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await debugging.stopDebugging(manifestPath);
        log('已从 Excel 卸载绩效目标表助手。 / The add-in was unloaded from Excel.');
      } catch (error) {
        log(`卸载失败：${error instanceof Error ? error.message : String(error)}；可运行 npx office-addin-debugging stop manifest.xml。 / Unloading failed.`);
      }
    },
  };
}

module.exports = { DEV_MANIFEST, sideloadDecision, loadDebugging, startSideload };
