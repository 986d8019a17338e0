// `npm run build` (webpack, which empties dist/) must leave the installed `jixiao` command working: the
// CLI bundle lives in build/cli, outside webpack's output, and the build script rebuilds it anyway.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

test('npm run build, then the bin still runs', () => {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'pipe' });
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'jixiao.js'), 'check', join(ROOT, 'test/fixtures/writers/seed16-libreoffice.ods')], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('共 1 个文件、16 张绩效目标表：0 个错误');
}, 900_000);
