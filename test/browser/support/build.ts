// One webpack build for every browser test file: keyed by the inputs' paths, sizes and mtimes, so
// parallel jest workers and repeated runs share it, and any source change rebuilds.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import webpack from 'webpack';

const ROOT = join(__dirname, '..', '..', '..');
const INPUTS = ['src', 'seeds', 'assets', 'test/support', 'test/browser/support', 'webpack.config.js', 'scripts/deploy.js', 'package.json'];
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

function runWebpack(outDir: string): Promise<void> {
  // The config is plain CommonJS shared with `npm run build`.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const createConfig = require(join(ROOT, 'webpack.config.js')) as (env: Record<string, unknown>, argv: { mode: string }) => webpack.Configuration;
  const config = createConfig({ officejs: 'local', outdir: outDir, testDouble: true, nosourcemap: true }, { mode: 'development' });
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (!stats || stats.hasErrors()) return reject(new Error(stats?.toString({ all: false, errors: true }) ?? 'webpack failed'));
      resolve();
    });
  });
}

/** Builds for earlier sources are never used again; keep .tmp from growing with every edit. */
function removeOlderBuilds(current: string): void {
  const dir = join(ROOT, '.tmp');
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name.startsWith('browser-dist-') && path !== current && existsSync(join(path, DONE_MARKER))) rmSync(path, { recursive: true, force: true });
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds the pages (office.js local, the Excel double as excel-double.js) once; returns the dir. */
export async function buildForTests(): Promise<string> {
  // A build made elsewhere (same flags), e.g. to iterate on a test without rebuilding.
  if (process.env.JIXIAO_BROWSER_DIST) return process.env.JIXIAO_BROWSER_DIST;
  const key = inputsKey();
  const outDir = join(ROOT, '.tmp', `browser-dist-${key}`);
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
      await runWebpack(outDir);
      writeFileSync(join(outDir, DONE_MARKER), key);
      removeOlderBuilds(outDir);
      return outDir;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
