// The installed command: `npm install` compiles the CLI (prepare script) and `jixiao` runs it. This
// builds it the same way and runs the real bin in a child process, as a user's shell would.
import { execFileSync, spawnSync } from 'node:child_process';
import { RULE_CODES } from '../../src/core/rules/codes';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'jixiao.js');
const tmp = mkdtempSync(join(tmpdir(), 'jixiao-bin-'));

function jixiao(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: tmp, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'pipe' });
}, 120_000);

test('templates --json lists the 16 bundled tables', () => {
  const { code, stdout } = jixiao('templates', '--json');
  expect(code).toBe(0);
  const tables = JSON.parse(stdout) as { title: string; indicators: unknown[] }[];
  expect(tables).toHaveLength(16);
  expect(tables[0].title).toBe('数字化运维项目绩效目标表');
  expect(tables.reduce((sum, t) => sum + t.indicators.length, 0)).toBe(212);
});

test('rules --json lists every rule with its title and examples', () => {
  const { code, stdout } = jixiao('rules', '--json');
  expect(code).toBe(0);
  const rules = JSON.parse(stdout) as { code: string; title: string; examples: { flagged: unknown[] } }[];
  expect(rules).toHaveLength(RULE_CODES.length);
  expect(rules.find((r) => r.code === 'cost-over-budget')).toMatchObject({ title: '成本超过预算数' });
  expect(rules.every((r) => r.examples.flagged.length > 0)).toBe(true);
});

test('workbook then check: the written library checks without errors; a corrupt file exits 2', () => {
  const out = join(tmp, '模板.xlsx');
  expect(jixiao('workbook', '--out', out).code).toBe(0);
  const clean = jixiao('check', out, '--json');
  expect(clean.code).toBe(0);
  const report = JSON.parse(clean.stdout) as { files: { sheets: { issues: { severity: string }[] }[] }[] };
  expect(report.files[0].sheets).toHaveLength(16);
  expect(report.files[0].sheets.flatMap((s) => s.issues).filter((i) => i.severity === 'error')).toEqual([]);

  const corrupt = join(tmp, '损坏.xlsx');
  writeFileSync(corrupt, 'PK\u0003\u0004 not really a zip');
  const failed = jixiao('check', corrupt, out);
  expect(failed.code).toBe(4);
  // The reason is in the report, once; the summary never calls the unread file clean.
  expect(failed.stdout).toContain(`${corrupt}：无法读取，未检查 — `);
  expect(failed.stdout).toMatch(/共 2 个文件、16 张绩效目标表：.*；1 个文件无法读取，未检查\n$/);
  expect(failed.stderr).toBe('');
});

test('check of a missing file exits 4 (unreadable, not bad usage) and never prints 未发现问题', () => {
  const missing = jixiao('check', 'missing.xlsx');
  expect(missing.code).toBe(4);
  expect(missing.stdout).not.toContain('未发现问题');
  expect(missing.stdout).toContain('missing.xlsx：无法读取，未检查 — 文件不存在。');
});

test('--version and check --help answer in Chinese with English beside it', () => {
  expect(jixiao('--version')).toEqual({ code: 0, stdout: expect.stringMatching(/^jixiao 版本 \/ version \d+\.\d+\.\d+\n$/), stderr: '' });
  const help = jixiao('check', '--help');
  expect(help.code).toBe(0);
  expect(help.stdout).toContain('选项 / options:');
});

test('no command prints the usage and exits 2', () => {
  const { code, stdout } = jixiao();
  expect(code).toBe(2);
  expect(stdout).toContain('jixiao check');
});
