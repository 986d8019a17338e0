// The WPS 表格 add-in build: dist/wps/jixiao_<version>/ (the folder WPS loads, online from a server or
// offline from jsaddons: ribbon.xml, manifest.xml, index.html with the ribbon callbacks, taskpane.html,
// the check worker, icons), and with JIXIAO_BASE_URL also dist/wps/publish.html (intranet install page)
// and dist/wps/jsplugins.xml (for 政企 builds whose oem.ini names a server). docs/wps.md explains each.
//
// WPS embeds old Chromium builds (103 reported on Linux): the bundle targets ES2018, lowered by esbuild
// after webpack has joined the modules (node_modules included), and uses no fetch at run time.
const { readFileSync } = require('node:fs');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { transformSync } = require('esbuild');
const { deployOptions } = require('./deploy.js');

const ROOT = path.join(__dirname, '..');
const CHECK_WORKER = 'check-worker';
const WPS_DOUBLE = 'wps-double';
/** Entries with a fixed file name and no shared chunks: the worker, and the browser tests' double. */
const FIXED_NAMES = [CHECK_WORKER, WPS_DOUBLE];
const TARGET = 'es2018';

/** @param {string} text */
function escapeXml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function packageVersion() {
  return JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
}

/** The add-in folder's name, as WPS expects it in jsaddons: `<name>_<version>`. */
function addinFolder(version = packageVersion()) {
  return `jixiao_${version}`;
}

/**
 * jsplugins.xml for oem.ini `[Server] JSPluginsServer=`: one online record, loaded from the server.
 * @param {string} addinUrl
 * @param {string} version
 */
function jspluginsXml(addinUrl, version) {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<jsplugins>
  <jspluginonline name="jixiao" type="et" url="${escapeXml(addinUrl)}" version="${escapeXml(version)}" enable="enable_dev" install="null" debug="" customDomain=""/>
</jsplugins>
`;
}

/** publish.html from its template (wps/publish.html), for this server's add-in address. */
function publishHtml(addinUrl, version) {
  const template = readFileSync(path.join(ROOT, 'wps', 'publish.html'), 'utf8');
  return template.split('{{ADDON_URL}}').join(escapeXml(addinUrl)).split('{{VERSION}}').join(escapeXml(version));
}

/** Lowers every emitted script to ES2018 (webpack's own output and every library's), minified for production. */
class LowerToEs2018Plugin {
  /** @param {boolean} minify */
  constructor(minify) {
    this.minify = minify;
  }

  /** @param {import('webpack').Compiler} compiler */
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap('JixiaoLowerToEs2018', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'JixiaoLowerToEs2018', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_COMPATIBILITY }, (assets) => {
        for (const name of Object.keys(assets)) {
          if (!name.endsWith('.js')) continue;
          const code = transformSync(assets[name].source().toString(), { target: TARGET, loader: 'js', charset: 'utf8', legalComments: 'none', minify: this.minify }).code;
          compilation.updateAsset(name, new RawSource(code));
        }
      });
    });
  }
}

/** Writes ribbon.xml and manifest.xml into the folder, and publish.html / jsplugins.xml beside it for a server. */
class WpsPackagePlugin {
  /** @param {{ version: string, baseUrl: string | null }} options */
  constructor(options) {
    this.options = options;
  }

  /** @param {import('webpack').Compiler} compiler */
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    const { version, baseUrl } = this.options;
    compiler.hooks.thisCompilation.tap('JixiaoWpsPackage', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'JixiaoWpsPackage', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const file of ['ribbon.xml', 'manifest.xml']) {
          const source = path.join(ROOT, 'wps', file);
          compilation.fileDependencies.add(source);
          compilation.emitAsset(file, new RawSource(readFileSync(source, 'utf8')));
        }
        if (!baseUrl) return;
        const addinUrl = `${baseUrl}wps/${addinFolder(version)}/`;
        // Beside the add-in folder (webpack's output), not in it: they are the server's, not the add-in's.
        compilation.emitAsset('../publish.html', new RawSource(publishHtml(addinUrl, version)));
        compilation.emitAsset('../jsplugins.xml', new RawSource(jspluginsXml(addinUrl, version)));
      });
    });
  }
}

/**
 * @param {Record<string, string | boolean | undefined>} env   webpack --env (outdir=DIR as for the pages)
 * @param {{ mode?: 'production' | 'development' }} argv
 * @param {Record<string, string | undefined>} [processEnv]
 * @returns {import('webpack').Configuration}
 */
function createWpsConfig(env = {}, argv = {}, processEnv = process.env) {
  const mode = argv.mode ?? 'production';
  const version = packageVersion();
  const folder = addinFolder(version);
  const outDir = path.resolve(ROOT, typeof env.outdir === 'string' ? env.outdir : 'dist', 'wps', folder);
  const deploy = env.WEBPACK_SERVE ? null : deployOptions(processEnv, version);
  const page = (filename, chunk, title) =>
    new HtmlWebpackPlugin({ filename, chunks: [chunk], template: './src/web/page.html', templateParameters: { title, officeJsSrc: null }, scriptLoading: 'defer' });
  return {
    name: 'wps',
    mode,
    target: ['web', TARGET],
    devtool: false,
    context: ROOT,
    entry: {
      'wps-pane': './src/wps/pane.tsx',
      'wps-main': './src/wps/ribbon.ts',
      [CHECK_WORKER]: { import: './src/checker/worker.ts', chunkLoading: 'import-scripts' },
      // Browser tests only: the WPS double, run in the page before the pane as WPS provides Application.
      ...(env.testDouble ? { [WPS_DOUBLE]: { import: './test/browser/support/wpsDoubleEntry.ts', chunkLoading: false } } : {}),
    },
    output: {
      path: outDir,
      // Every file inside the add-in folder: pages and scripts load one another by relative names.
      filename: (pathData) => (pathData.chunk && FIXED_NAMES.includes(String(pathData.chunk.name)) ? `${pathData.chunk.name}.js` : '[name].[contenthash:8].js'),
      chunkFilename: '[id].[contenthash:8].js',
      // Chunks are found beside the script that loads them, whatever the page's address.
      publicPath: 'auto',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      noParse: /exceljs[\\/]dist[\\/]exceljs(\.min)?\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: 'tsconfig.json', compilerOptions: { module: 'es2020', target: TARGET, sourceMap: false } } },
        },
        { test: /\.txt$/, type: 'asset/source' },
      ],
    },
    plugins: [
      page('taskpane.html', 'wps-pane', '绩效目标表助手'),
      page('index.html', 'wps-main', '绩效目标表助手'),
      new CopyWebpackPlugin({ patterns: [{ from: 'assets', to: 'assets', noErrorOnMissing: true }] }),
      new LowerToEs2018Plugin(mode === 'production'),
      new WpsPackagePlugin({ version, baseUrl: deploy ? deploy.baseUrl : null }),
    ],
    optimization: {
      // esbuild minifies as it lowers (LowerToEs2018Plugin): no second minifier to bring newer syntax back.
      minimize: false,
      splitChunks: { chunks: (chunk) => !FIXED_NAMES.includes(String(chunk.name)) },
    },
    performance: { hints: false },
  };
}

module.exports = { createWpsConfig, addinFolder, jspluginsXml, publishHtml, LowerToEs2018Plugin };
