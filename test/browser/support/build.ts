// One webpack build for every browser test file: keyed by the inputs' paths, sizes and mtimes, so
// parallel jest workers and repeated runs share it, and any source change rebuilds.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import webpack from 'webpack';

const ROOT = join(__dirname, '..', '..', '..');
const INPUTS = ['src', 'seeds', 'libraries', 'assets', 'test/support', 'test/browser/support', 'webpack.config.js', 'scripts/deploy.js', 'scripts/wps-build.js', 'wps', 'package.json'];
const DONE_MARKER = '.build-complete';
const LOCK_STALE_MS = 5 * 60_000;

function listFiles(path: string, out: string[]): void {
  if (!existsSync(path)) return;
  const stat = statSync(path);
  if (stat.isDirectory()) {
    for (const name of readdirSync(path).sort()) listFiles(join(path, name), out);
  } else {
    out.push(`${relative(ROOT, path)}:${stat.size}:${stat.mtimeMs}`);
  }
}

function inputsKey(): string {
  const files: string[] = [];
  for (const input of INPUTS) listFiles(join(ROOT, input), files);
  return createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 16);
}

type Config = webpack.Configuration;

function runWebpack(config: Config): Promise<void> {
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (!stats || stats.hasErrors()) return reject(new Error(stats?.toString({ all: false, errors: true }) ?? 'webpack failed'));
      resolve();
    });
  });
}

/** The pages' config as `npm run build` has it, for the test flags. The config is plain CommonJS. */
function pagesConfig(outDir: string): Config {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const createConfig = require(join(ROOT, 'webpack.config.js')) as (env: Record<string, unknown>, argv: { mode: string }) => Config;
  return createConfig({ officejs: 'local', outdir: outDir, testDouble: true, nosourcemap: true }, { mode: 'development' });
}

/** Address the WPS test build's publish.html and jsplugins.xml are made for. */
export const WPS_TEST_BASE_URL = 'https://oa.example.gov.cn/jixiao/';

/** The WPS add-in as `npm run build` makes it (production, ES2018), for a server, with the WPS double beside it. */
function wpsConfig(outDir: string): Config {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createWpsConfig } = require(join(ROOT, 'webpack.config.js')) as {
    createWpsConfig: (env: Record<string, unknown>, argv: { mode: string }, processEnv: Record<string, string>) => Config;
  };
  return createWpsConfig({ outdir: outDir, testDouble: true }, { mode: 'production' }, { JIXIAO_BASE_URL: WPS_TEST_BASE_URL });
}

/** Builds for earlier sources are never used again; keep .tmp from growing with every edit. */
function removeOlderBuilds(prefix: string, current: string): void {
  const dir = join(ROOT, '.tmp');
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name.startsWith(prefix) && path !== current && existsSync(join(path, DONE_MARKER))) rmSync(path, { recursive: true, force: true });
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds the pages (office.js local, the Excel double as excel-double.js) once; returns the dir. */
export async function buildForTests(): Promise<string> {
  // A build made elsewhere (same flags), e.g. to iterate on a test without rebuilding.
  if (process.env.JIXIAO_BROWSER_DIST) return process.env.JIXIAO_BROWSER_DIST;
  return buildOnce('browser-dist-', pagesConfig);
}

/** Builds dist/wps (the WPS double as wps-double.js in the add-in folder) once; returns the dir holding wps/. */
export function buildWpsForTests(): Promise<string> {
  return buildOnce('wps-dist-', wpsConfig);
}

async function buildOnce(prefix: string, config: (outDir: string) => Config): Promise<string> {
  const key = inputsKey();
  const outDir = join(ROOT, '.tmp', `${prefix}${key}`);
  const lock = `${outDir}.lock`;
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  for (;;) {
    if (existsSync(join(outDir, DONE_MARKER))) return outDir;
    try {
      mkdirSync(lock);
    } catch {
      // Another worker is building; wait for it (or take over a lock left by a killed run).
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      await sleep(250);
      continue;
    }
    try {
      await runWebpack(config(outDir));
      writeFileSync(join(outDir, DONE_MARKER), key);
      removeOlderBuilds(prefix, outDir);
      return outDir;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
