// The README's promises to a newcomer: two set-up commands, and `jixiao` usable from any folder once
// installed globally the way it says (npm install -g ., into a throw-away prefix here).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

test('the set-up section holds exactly two commands: npm install && npm start, and npm test', () => {
  const section = README.slice(README.indexOf('## Set-up'), README.indexOf('\n## ', README.indexOf('## Set-up') + 1));
  const block = /```sh\n([\s\S]*?)```/.exec(section);
  expect(block).not.toBeNull();
  const commands = block![1]
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean);
  expect(commands).toEqual(['npm install && npm start', 'npm test']);
  expect(README).toMatch(/npm link/);
  expect(README).toMatch(/npm install -g \./);
});

test('after npm install -g . the jixiao command works from another folder', () => {
  execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'pipe' });
  const prefix = mkdtempSync(join(tmpdir(), 'jixiao-global-'));
  const elsewhere = mkdtempSync(join(tmpdir(), 'jixiao-elsewhere-'));
  try {
    // --ignore-scripts: the CLI was built above; a global install of a folder links it, downloading nothing.
    execFileSync('npm', ['install', '-g', '--prefix', prefix, '--ignore-scripts', '--no-audit', '--no-fund', '--offline', '.'], { cwd: ROOT, stdio: 'pipe' });
    const run = spawnSync(join(prefix, 'bin', 'jixiao'), ['templates'], { cwd: elsewhere, encoding: 'utf8', env: { ...process.env, PATH: `${join(prefix, 'bin')}:${process.env.PATH}` } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('数字化运维项目');
  } finally {
    rmSync(prefix, { recursive: true, force: true });
    rmSync(elsewhere, { recursive: true, force: true });
  }
}, 120_000);
