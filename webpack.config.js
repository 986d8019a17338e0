// Builds the three pages into dist/: taskpane.html (Excel task pane), commands.html (ribbon commands)
// and index.html (the browser checker page).
//
// Flags (`webpack --env NAME=VALUE`):
//   officejs=cdn    (default) pages load office.js from Microsoft's CDN, as AppSource requires;
//   officejs=local  pages load the copy in node_modules/@microsoft/office-js (offline preview, tests,
//                   offices without internet; also JIXIAO_OFFICEJS=local);
//   outdir=DIR      write somewhere other than dist/ (the browser tests build into a temp dir);
//   testDouble      also build test/support/excelDouble.ts as excel-double.js (browser tests only).
// The checker page never loads office.js: it reads .xlsx files with exceljs in the browser.
// JIXIAO_BASE_URL (and JIXIAO_ADDIN_ID, …) also writes dist/manifest.xml for that server: scripts/deploy.js.
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { OFFICE_JS_LOCAL_FILES, deployPlugins } = require('./scripts/deploy.js');

const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
// Entry and file name of the checker page's worker; CHECK_WORKER_URL in src/checker/workerProtocol.ts.
const CHECK_WORKER = 'check-worker';
/** The lazy chunk of src/web/LayoutDialog.tsx (its webpackChunkName in TeachLayoutButton.tsx). */
const LAYOUT_DIALOG_CHUNK = 'layout-dialog';
const OFFICE_JS_DIST = path.join(__dirname, 'node_modules/@microsoft/office-js/dist');

/**
 * @param {Record<string, string | boolean | undefined>} env
 * @param {{ mode?: 'production' | 'development' }} argv
 * @returns {import('webpack').Configuration}
 */
function createConfig(env = {}, argv = {}) {
  const mode = argv.mode ?? 'production';
  const officeJsFlag = env.officejs ?? process.env.JIXIAO_OFFICEJS;
  const officeJs = officeJsFlag === 'local' ? 'local' : 'cdn';
  if (officeJsFlag && officeJsFlag !== 'local' && officeJsFlag !== 'cdn') {
    throw new Error(`--env officejs / JIXIAO_OFFICEJS=${officeJsFlag}: expected "local" or "cdn"`);
  }
  const outDir = path.resolve(__dirname, typeof env.outdir === 'string' ? env.outdir : 'dist');
  const officeJsSrc = officeJs === 'local' ? 'office/office.js' : OFFICE_JS_CDN;

  const entry = {
    taskpane: './src/taskpane/index.tsx',
    commands: './src/commands/commands.ts',
    checker: './src/checker/index.tsx',
    // The checker page's worker (src/checker/worker.ts): a fixed file name the page can start it by
    // (tsconfig's commonjs forbids `new URL(…, import.meta.url)`), self-contained (no split chunks).
    [CHECK_WORKER]: { import: './src/checker/worker.ts', chunkLoading: 'import-scripts' },
  };
  if (env.testDouble) entry['excel-double'] = './test/browser/support/doubleEntry.ts';

  const page = (filename, chunk, title, withOfficeJs) =>
    new HtmlWebpackPlugin({
      filename,
      chunks: [chunk],
      template: './src/web/page.html',
      templateParameters: { title, officeJsSrc: withOfficeJs ? officeJsSrc : null },
      scriptLoading: 'defer',
    });

  const copies = [{ from: 'assets', to: 'assets', noErrorOnMissing: true }];
  if (officeJs === 'local') {
    // Microsoft's files as published (already minified): Terser would rewrite them and split off licences.
    for (const file of OFFICE_JS_LOCAL_FILES) copies.push({ from: path.join(OFFICE_JS_DIST, file), to: `office/${file}`, info: { minimized: true } });
  }

  return {
    mode,
    devtool: mode === 'production' || env.nosourcemap ? false : 'source-map',
    context: __dirname,
    entry,
    output: {
      path: outDir,
      filename: (pathData) =>
        pathData.chunk && pathData.chunk.name === CHECK_WORKER ? `${CHECK_WORKER}.js` : mode === 'production' ? '[name].[contenthash:8].js' : '[name].js',
      // Lazy chunks hashed too: a cached 112.js from the last version must never meet a new page.
      chunkFilename: mode === 'production' ? '[id].[contenthash:8].js' : '[id].js',
      publicPath: '',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      // exceljs' browser build is already bundled; parsing it again only costs time.
      noParse: /exceljs[\\/]dist[\\/]exceljs(\.min)?\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: 'tsconfig.json',
              // ES modules let webpack tree-shake Fluent UI and split exceljs into a lazy chunk.
              compilerOptions: { module: 'es2020', sourceMap: mode !== 'production' },
            },
          },
        },
        // Seed documents are bundled as plain strings; the page builds the library from them.
        { test: /\.txt$/, type: 'asset/source' },
      ],
    },
    plugins: [
      page('taskpane.html', 'taskpane', '绩效目标表助手', true),
      page('index.html', 'checker', '绩效目标表检查', false),
      page('commands.html', 'commands', '绩效目标表助手命令', true),
      new CopyWebpackPlugin({ patterns: copies }),
      ...deployPlugins(env),
    ],
    optimization: {
      splitChunks: {
        // A worker cannot load the page's shared chunks: its entry stays whole. The layout dialog (lazy, from
        // the pane and the checker page) is not split either: splitting it with both pages cut the pane's
        // first-paint code into more, separately gzipped files, past its budget (scripts/pageBudget.ts).
        chunks: (chunk) => chunk.name !== CHECK_WORKER && chunk.name !== LAYOUT_DIALOG_CHUNK,
        cacheGroups: {
          // No shared "ui" chunk: webpack splits node_modules by the pages that use them, so a page never
          // loads another page's components (the pane has no Accordion, the checker no Dialog).
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: 'exceljs', priority: 20 },
        },
      },
    },
    performance: { hints: false },
    devServer: {
      // Everything is served from memory by the dev middleware.
      static: false,
      port: Number(process.env.JIXIAO_PORT ?? 3000),
      host: 'localhost',
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: 'https',
      hot: false,
      client: { overlay: { warnings: false, errors: true } },
      devMiddleware: { writeToDisk: false },
    },
  };
}

module.exports = createConfig;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.OFFICE_JS_LOCAL_FILES = OFFICE_JS_LOCAL_FILES;
// The WPS 表格 add-in: a second build into dist/wps/ (ES2018, its own pages), run by `npm run build` after
// this one (whose output.clean empties dist/ first); see scripts/wps-build.js.
module.exports.createWpsConfig = require('./scripts/wps-build.js').createWpsConfig;
