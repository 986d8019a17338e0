// Bundles the command line into one file, build/cli/jixiao.js, outside dist/ (webpack cleans dist/ on
// every build). exceljs stays external and is required only by the `workbook` command (lazy import), so
// `check` starts without it. Run by `npm run build:cli` and the prepare script.
const { buildSync } = require('esbuild');
const { join } = require('node:path');

const root = join(__dirname, '..');
buildSync({
  entryPoints: [join(root, 'src/cli/main.ts')],
  outfile: join(root, 'build/cli/jixiao.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['exceljs'],
  legalComments: 'none',
  minify: true,
  keepNames: false,
  logLevel: 'warning',
});
