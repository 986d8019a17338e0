// Issue #22: funds that do not add up have two ways out (财政资金 or 其他资金), and `jixiao fix` used to pick
// 其他资金. Now it applies neither, says both with the --only that applies each, and applies the one named.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import type { FixJson } from '../../src/cli/commands/fix';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-fix-choices-'));
const FILE = join(__dirname, '..', 'fixtures', 'real', 'defect-qingshen-funds.xlsx');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['fix', ...args], { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

test('without --only, neither way out is applied and both are named with their --only', async () => {
  const before = readFileSync(FILE);
  const { out, err } = await run([FILE, '--out', join(dir, 'all.xlsx'), '--json']);
  expect(Buffer.compare(readFileSync(FILE), before)).toBe(0);
  expect(err).toContain('funds-mismatch 有 2 种改法，未自动选择');
  // 预算数 is the 调整后预算数 251.89 (the form: 预算执行率=预算执行数/调整后预算数), not the 年初 238.93.
  expect(err).toContain('--only funds-mismatch=其他资金（将其他资金（G13）填为 51.89万元');
  expect(err).toContain('--only funds-mismatch=财政资金');
  const json = JSON.parse(out) as FixJson;
  expect(json.fixes.filter((fix) => fix.code === 'funds-mismatch')).toEqual([]);
  expect(json.remaining.sheets.flatMap((s) => s.issues).map((i) => i.code)).toContain('funds-mismatch');
});

test('--only funds-mismatch alone applies neither; --only funds-mismatch=其他资金 applies that one and the funds add up', async () => {
  const bare = await run([FILE, '--out', join(dir, 'bare.xlsx'), '--only', 'funds-mismatch']);
  expect(bare.out).toContain('没有 funds-mismatch 的可自动修正的问题');
  expect(bare.err).toContain('--only funds-mismatch=其他资金');

  const { out } = await run([FILE, '--out', join(dir, 'other.xlsx'), '--only', 'funds-mismatch=其他资金', '--json']);
  const json = JSON.parse(out) as FixJson;
  expect(json.fixes.map((fix) => [fix.code, fix.changes])).toEqual([['funds-mismatch', [{ kind: 'setCell', sheet: expect.any(String), cell: 'G13', before: '/', after: 51.89 }]]]);
  expect(json.remaining.sheets.flatMap((s) => s.issues).map((i) => i.code)).not.toContain('funds-mismatch');
});
