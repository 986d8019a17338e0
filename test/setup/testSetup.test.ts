// The pretest step (scripts/test-setup.js) run with a PATH that lacks every tool: as root with a stand-in
// apt it installs them, as a user without sudo it stops before any test with the install command.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOOLS } from '../../scripts/testTools';

const ROOT = join(__dirname, '..', '..');
const SETUP = join(ROOT, 'scripts', 'test-setup.js');
const NOBODY = '65534';
const ALL_PACKAGES = TOOLS.map((tool) => tool.debian);

/** What each Debian package puts on PATH, as stand-ins. */
const STAND_INS: Record<string, { command: string; output: string }> = {
  chromium: { command: 'chromium', output: '' },
  'libreoffice-calc-nogui': { command: 'soffice', output: '' },
  'libxml2-utils': { command: 'xmllint', output: '' },
  'nginx-light': { command: 'nginx', output: '' },
  'fonts-noto-cjk': { command: 'fc-list', output: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc: Noto Sans CJK SC:style=Regular' },
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-setup-'));
  chmodSync(dir, 0o777);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function executable(path: string, body: string): void {
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
}

/** A bin folder holding only a stand-in apt-get that records its arguments and "installs" stand-ins. */
function fakeBin(): { bin: string; record: string } {
  const bin = join(dir, 'bin');
  const record = join(dir, 'apt-calls.txt');
  spawnSync('mkdir', ['-p', bin]);
  chmodSync(bin, 0o777);
  const installs = Object.entries(STAND_INS)
    .map(([pkg, { command, output }]) => `    ${pkg}) printf '#!/bin/sh\\necho "${output}"\\n' > "${bin}/${command}"; /bin/chmod 755 "${bin}/${command}" ;;`)
    .join('\n');
  executable(
    join(bin, 'apt-get'),
    [`echo "$*" >> "${record}"`, 'if [ "$1" = install ]; then', '  for pkg in "$@"; do', '    case "$pkg" in', installs, '    esac', '  done', 'fi'].join('\n'),
  );
  return { bin, record };
}

function runSetup(env: NodeJS.ProcessEnv, asUser?: string) {
  const command = asUser ? '/usr/bin/setpriv' : process.execPath;
  const args = asUser ? [`--reuid=${asUser}`, `--regid=${asUser}`, '--clear-groups', process.execPath, SETUP] : [SETUP];
  return spawnSync(command, args, { env, encoding: 'utf8', cwd: dir });
}

describe('npm test set-up (pretest)', () => {
  it('package.json runs it before the tests, and .ci/run walks the README path with no apt line of its own', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.pretest).toBe('node scripts/test-setup.js');
    const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
    expect(ci).not.toMatch(/apt-get|apt /);
    expect(ci).toMatch(/npm ci[^\n]*\n[\s\S]*npm test/);
  });

  it('as root with apt, installs exactly the missing packages and succeeds', () => {
    if (process.getuid?.() !== 0) throw new Error('this case runs as root (as CI does)');
    const { bin, record } = fakeBin();
    const run = runSetup({ PATH: bin, HOME: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const calls = readFileSync(record, 'utf8').trim().split('\n');
    expect(calls).toEqual(['update -q', `install -y -q --no-install-recommends ${ALL_PACKAGES.join(' ')}`]);
    expect(run.stdout).toContain('测试所需程序已安装');
    // Run again: nothing missing, apt not called.
    const again = runSetup({ PATH: bin, HOME: dir });
    expect(again.status).toBe(0);
    expect(readFileSync(record, 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('installs only what is missing', () => {
    const { bin, record } = fakeBin();
    executable(join(bin, 'xmllint'), 'exit 0');
    executable(join(bin, 'nginx'), 'exit 0');
    const run = runSetup({ PATH: bin, HOME: dir });
    expect(run.status).toBe(0);
    expect(readFileSync(record, 'utf8')).toContain('install -y -q --no-install-recommends chromium libreoffice-calc-nogui fonts-noto-cjk\n');
  });

  it('as a user without sudo, stops with the exact command and a non-zero exit, running nothing', () => {
    const { bin, record } = fakeBin();
    const run = runSetup({ PATH: bin, HOME: dir }, NOBODY);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`sudo apt-get install -y --no-install-recommends ${ALL_PACKAGES.join(' ')}`);
    expect(run.stderr).toContain('npm test 需要以下程序');
    expect(run.stderr).toContain('root 或免密码 sudo');
    expect(existsSync(record)).toBe(false);
  });

  it('as a user with passwordless sudo, installs through sudo', () => {
    const { bin, record } = fakeBin();
    executable(join(bin, 'sudo'), '[ "$1" = -n ] && shift\nexec "$@"');
    symlinkSync('/usr/bin/env', join(bin, 'env'));
    symlinkSync('/bin/true', join(bin, 'true'));
    const run = runSetup({ PATH: bin, HOME: dir }, NOBODY);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFileSync(record, 'utf8')).toContain(`install -y -q --no-install-recommends ${ALL_PACKAGES.join(' ')}`);
  });

  it('stops when apt fails to install them', () => {
    const { bin } = fakeBin();
    executable(join(bin, 'apt-get'), 'exit 100');
    const run = runSetup({ PATH: bin, HOME: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('apt-get 未能装好它们');
  });
});

describe('no test skips itself', () => {
  /** Every test source file under test/. */
  function testSources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : testSources(path);
      return /\.(ts|tsx|js)$/.test(entry.name) ? [path] : [];
    });
  }

  it('no describe/it/test.skip and no branch on CI anywhere in test/', () => {
    const offenders = testSources(join(ROOT, 'test'))
      .filter((file) => file !== __filename)
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        const found = [/\b(?:describe|it|test)\.skip\b/, /\bxit\(|\bxdescribe\(/, /process\.env\.CI\b/].filter((pattern) => pattern.test(text));
        return found.map((pattern) => `${file.slice(ROOT.length + 1)}: ${pattern.source}`);
      });
    expect(offenders).toEqual([]);
  });
});
