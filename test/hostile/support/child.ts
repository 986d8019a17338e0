// Runs `jixiao check` from the sources in a child process with a capped heap and reads its peak RSS:
// shared by the hostile suite and the bench (scripts/bench/hostile.ts).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { CheckJson } from '../../../src/cli/commands/check';

const ROOT = join(__dirname, '..', '..', '..');
/** The heap the child may use: past it Node aborts, which fails the case. */
export const HEAP_MB = 1536;

/** `jixiao check --json FILES…` in a child: exit code, the JSON, peak RSS in MB and wall time. */
export function checkInChild(files: string[], heapMB = HEAP_MB): { code: number | null; json: CheckJson | null; peakMB: number; seconds: number; stderr: string } {
  const run = runInChild(['check', '--json', ...files], heapMB);
  let json: CheckJson | null;
  try {
    json = JSON.parse(run.stdout) as CheckJson;
  } catch {
    json = null;
  }
  return { code: run.code, json, peakMB: run.peakMB, seconds: run.seconds, stderr: run.stderr };
}

/** `jixiao ARGS…` in a child: exit code, output, peak RSS in MB and wall time. */
export function runInChild(args: string[], heapMB = HEAP_MB): { code: number | null; stdout: string; stderr: string; peakMB: number; seconds: number } {
  const started = Date.now();
  const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(__dirname, 'runCli.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NODE_OPTIONS: `--max-old-space-size=${heapMB}` },
  });
  const peaks = [...run.stderr.matchAll(/peak-rss-kb (\d+)/g)].map((m) => Number(m[1]) / 1024);
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, peakMB: peaks.reduce((a, b) => Math.max(a, b), 0), seconds: (Date.now() - started) / 1000 };
}
