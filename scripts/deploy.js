// Deployment on a unit's own server: the production manifest written from the dev manifest.xml, the
// office.js files served beside the pages, and the webpack plugin that puts the manifest in dist/.
//
// Environment (read by `npm run build`, see docs/deploy.md):
//   JIXIAO_BASE_URL=https://server/path/   where dist/ will be served; writes dist/manifest.xml
//   JIXIAO_ADDIN_ID=<GUID>                  the add-in Id (default: derived from the base URL)
//   JIXIAO_SUPPORT_URL=https://…            the support link Office shows (default: the checker page)
//   JIXIAO_NAME_SUFFIX=（测试）               appended to the add-in and ribbon group names
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
/** Where the dev manifest.xml points; every URL under it is rewritten for production. */
const DEV_ORIGIN = 'https://localhost:3000';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The schema's limit for DisplayName and ribbon labels (ShortString). */
const MAX_NAME = 125;

/**
 * office.js files copied beside the pages with JIXIAO_OFFICEJS=local, out of the 86 MB package: the loader,
 * the host map it fetches outside Office, its zh-CN/en-US strings, its telemetry sink, and the Excel host
 * files it loads in Excel on Windows (16.01), Mac and the web (16.00), each with its "-core" variant.
 * Excel 2013/2016 MSI (the o15 files) lack ExcelApi 1.8, which the manifest requires, so they are left out,
 * as are iPad and Android.
 */
const OFFICE_JS_LOCAL_FILES = [
  'office.js',
  'o15apptofilemappingtable.js',
  'zh-cn/office_strings.js',
  'en-us/office_strings.js',
  'telemetry/oteljs_agave.js',
  'excel-win32-16.01.js',
  'excel-win32-16.01-core.js',
  'excel-mac-16.00.js',
  'excel-mac-16.00-core.js',
  'excel-web-16.00.js',
  'excel-web-16.00-core.js',
];

/**
 * A GUID (version 5 layout) from the base URL, so rebuilding for the same server keeps the Id Office
 * knows the add-in by, and two servers (test, production) get two add-ins.
 * @param {string} baseUrl
 */
function idForBaseUrl(baseUrl) {
  const hex = createHash('sha1').update(`jixiao:${baseUrl}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * @param {string} name   the variable, for the message
 * @param {string} value
 * @param {string[]} errors
 * @returns {URL | null}
 */
function httpsUrl(name, value, errors) {
  let url;
  try {
    url = new URL(value);
  } catch {
    errors.push(`${name}「${value}」不是完整的网址（例如 https://oa.example.gov.cn/jixiao/）。 / ${name} is not an absolute URL.`);
    return null;
  }
  if (url.protocol !== 'https:') {
    errors.push(`${name} 必须以 https:// 开头：Office 只加载 https 网址上的加载项。 / ${name} must use https: Office loads add-ins only over https.`);
    return null;
  }
  if (url.username || url.password) {
    errors.push(`${name} 不能包含用户名或密码。 / ${name} must not contain a user name or password.`);
    return null;
  }
  return url;
}

/**
 * @typedef {object} DeployOptions
 * @property {string} baseUrl      https, ending in "/"
 * @property {string} id           the add-in GUID
 * @property {boolean} idDerived   true when the Id was derived from the base URL
 * @property {string} supportUrl
 * @property {string} nameSuffix
 * @property {string} version      four-part manifest version
 */

/**
 * Reads and checks the JIXIAO_* variables. Null when JIXIAO_BASE_URL is unset (no production manifest);
 * throws one Error listing every problem otherwise.
 * @param {Record<string, string | undefined>} env
 * @param {string} [packageVersion]
 * @returns {DeployOptions | null}
 */
function deployOptions(env, packageVersion = readPackageVersion()) {
  const base = (env.JIXIAO_BASE_URL ?? '').trim();
  if (!base) return null;
  /** @type {string[]} */
  const errors = [];
  let baseUrl = '';
  const url = httpsUrl('JIXIAO_BASE_URL', base, errors);
  if (url) {
    if (url.search || url.hash) errors.push('JIXIAO_BASE_URL 不能带 ? 或 # 部分，只写到目录。 / JIXIAO_BASE_URL must be a directory, without ? or #.');
    else if (/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i.test(url.hostname)) errors.push('JIXIAO_BASE_URL 指向本机：同事的电脑无法访问；本机试用请用 npm start。 / JIXIAO_BASE_URL is this machine (use npm start for that).');
    else baseUrl = url.href.endsWith('/') ? url.href : `${url.href}/`;
  }
  const givenId = (env.JIXIAO_ADDIN_ID ?? '').trim();
  if (givenId && !GUID.test(givenId)) {
    errors.push(`JIXIAO_ADDIN_ID「${givenId}」不是 GUID（形如 6f3c2a1e-8b4d-4c7a-9e2f-5d1b0a7c3e91，可用 PowerShell 的 New-Guid 生成）。 / JIXIAO_ADDIN_ID must be a GUID.`);
  }
  const support = (env.JIXIAO_SUPPORT_URL ?? '').trim();
  const supportUrl = support ? httpsUrl('JIXIAO_SUPPORT_URL', support, errors) : null;
  const nameSuffix = env.JIXIAO_NAME_SUFFIX ?? '';
  if (nameSuffix.length > 20) errors.push('JIXIAO_NAME_SUFFIX 太长（最多 20 个字符）。 / JIXIAO_NAME_SUFFIX is longer than 20 characters.');
  if (!/^\d{1,5}\.\d{1,5}\.\d{1,5}$/.test(packageVersion)) errors.push(`package.json 的 version「${packageVersion}」不是 x.y.z。 / package.json version is not x.y.z.`);
  if (errors.length > 0) throw new Error(`生产构建的设置有误 / invalid deployment settings:\n  ${errors.join('\n  ')}`);
  return {
    baseUrl,
    id: (givenId || idForBaseUrl(baseUrl)).toLowerCase(),
    idDerived: !givenId,
    supportUrl: supportUrl ? supportUrl.href : baseUrl,
    nameSuffix,
    version: `${packageVersion}.0`,
  };
}

function readPackageVersion() {
  return JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
}

/** @param {string} text */
function escapeXml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The production manifest: the dev manifest with its Id, Version, names, SupportUrl and every
 * https://localhost:3000 URL replaced. Throws when the dev manifest no longer has what it rewrites, or
 * when any localhost is left, rather than write a manifest that points at the developer's machine.
 * @param {string} devXml
 * @param {DeployOptions} options
 */
function productionManifest(devXml, options) {
  let xml = devXml;
  /** @param {RegExp} pattern @param {(match: string, ...groups: string[]) => string} replace */
  const once = (pattern, replace) => {
    const count = (xml.match(new RegExp(pattern.source, 'g')) ?? []).length;
    if (count !== 1) throw new Error(`manifest.xml: expected one ${pattern.source}, found ${count}`);
    xml = xml.replace(pattern, replace);
  };
  const suffixed = (/** @type {string} */ name) => {
    const full = name + escapeXml(options.nameSuffix);
    if (full.length > MAX_NAME) throw new Error(`manifest.xml: "${full}" is longer than ${MAX_NAME}`);
    return full;
  };
  once(/<Id>[^<]*<\/Id>/, () => `<Id>${options.id}</Id>`);
  once(/<Version>[^<]*<\/Version>/, () => `<Version>${options.version}</Version>`);
  once(/(<DisplayName DefaultValue=")([^"]*)"/, (_m, start, name) => `${start}${suffixed(name)}"`);
  once(/(<bt:String id="Group\.Label" DefaultValue=")([^"]*)"/, (_m, start, name) => `${start}${suffixed(name)}"`);
  once(/<SupportUrl DefaultValue="[^"]*"\/>/, () => `<SupportUrl DefaultValue="${escapeXml(options.supportUrl)}"/>`);
  once(/<AppDomain>[^<]*<\/AppDomain>/, () => `<AppDomain>${escapeXml(new URL(options.baseUrl).origin)}</AppDomain>`);
  xml = xml.split(`${DEV_ORIGIN}/`).join(escapeXml(options.baseUrl));
  const left = xml.match(/[^\s"<>]*localhost[^\s"<>]*/i);
  if (left) throw new Error(`manifest.xml: "${left[0]}" is left after rewriting the URLs`);
  return xml;
}

/** Emits manifest.xml into the build output. */
class DeployManifestPlugin {
  /** @param {DeployOptions} options @param {string} devManifestPath */
  constructor(options, devManifestPath = path.join(ROOT, 'manifest.xml')) {
    this.options = options;
    this.devManifestPath = devManifestPath;
  }

  /** @param {import('webpack').Compiler} compiler */
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap('JixiaoDeployManifest', (compilation) => {
      compilation.fileDependencies.add(this.devManifestPath);
      compilation.hooks.processAssets.tap({ name: 'JixiaoDeployManifest', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const xml = productionManifest(readFileSync(this.devManifestPath, 'utf8'), this.options);
        compilation.emitAsset('manifest.xml', new RawSource(xml));
      });
    });
    compiler.hooks.done.tap('JixiaoDeployManifest', (stats) => {
      if (stats.hasErrors()) return;
      const { baseUrl, id, idDerived } = this.options;
      const idNote = idDerived ? '（由网址生成；正式环境请固定用 JIXIAO_ADDIN_ID 设置） / derived from the URL; set JIXIAO_ADDIN_ID to pin it' : '';
      compiler.getInfrastructureLogger('jixiao').info(`manifest.xml → ${baseUrl}  Id ${id}${idNote}`);
    });
  }
}

/**
 * The plugins a build adds for deployment: the production manifest when JIXIAO_BASE_URL is set
 * (never for the dev server, which serves the dev manifest's localhost URLs).
 * @param {Record<string, unknown>} webpackEnv  webpack's --env
 * @param {Record<string, string | undefined>} env
 */
function deployPlugins(webpackEnv, env = process.env) {
  if (webpackEnv.WEBPACK_SERVE) return [];
  const options = deployOptions(env);
  if (options) return [new DeployManifestPlugin(options)];
  // `npm run build` without a server: say why dist/ has no manifest (not in tests and benches, which call the config).
  if (!webpackEnv.WEBPACK_BUILD) return [];
  return [
    {
      /** @param {import('webpack').Compiler} compiler */
      apply(compiler) {
        compiler.hooks.done.tap('JixiaoDeployManifest', () => {
          compiler.getInfrastructureLogger('jixiao').info('未设置 JIXIAO_BASE_URL，没有生成 manifest.xml（见 docs/deploy.md）。 / No JIXIAO_BASE_URL: no manifest.xml written (see docs/deploy.md).');
        });
      },
    },
  ];
}

module.exports = { DEV_ORIGIN, OFFICE_JS_LOCAL_FILES, deployOptions, productionManifest, idForBaseUrl, DeployManifestPlugin, deployPlugins };
