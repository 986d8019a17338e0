import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import type { CheckJson } from '../../src/cli/commands/check';
import { DISABLED_SUBSIDY, DISABLED_SUBSIDY_WORDED, FIRST_DATA_ROW, formWorkbook, RELIEF, RELIEF_WORDED } from '../support/taughtForm';

const PROFILE = join(__dirname, '..', 'fixtures', 'layouts', 'cankao-2021.json');
const dir = mkdtempSync(join(tmpdir(), 'jixiao-layout-'));
let relief: string;
let subsidy: string;
let reliefWorded: string;
let subsidyWorded: string;

async function run(command: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main([command, ...args], { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

const issues = (json: CheckJson) => json.files.flatMap((f) => f.sheets.flatMap((s) => s.issues.map((i) => [i.code, i.cell])));

beforeAll(async () => {
  relief = join(dir, '困难群众救助.xlsx');
  subsidy = join(dir, '残疾人两项补贴.xlsx');
  writeFileSync(relief, await formWorkbook(RELIEF));
  writeFileSync(subsidy, await formWorkbook(DISABLED_SUBSIDY));
  reliefWorded = join(dir, '困难群众救助（文字目标）.xlsx');
  subsidyWorded = join(dir, '残疾人两项补贴（文字目标）.xlsx');
  writeFileSync(reliefWorded, await formWorkbook(RELIEF_WORDED));
  writeFileSync(subsidyWorded, await formWorkbook(DISABLED_SUBSIDY_WORDED));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('jixiao check/fix --layout', () => {
  // Issue #19 §1: this form (a grid under a 绩效指标 row, no 一级/二级 heads) is now read by content. It used to
  // be unreadable-layout without --layout; read by content, it must report exactly what the taught layout does.
  it('without the layout the form is read by content, with the same findings as with it', async () => {
    const { code, out } = await run('check', ['--json', relief, subsidy]);
    expect(code).toBe(1);
    const taught = await run('check', ['--json', '--layout', PROFILE, relief, subsidy]);
    expect(issues(JSON.parse(out) as CheckJson)).toEqual(issues(JSON.parse(taught.out) as CheckJson));
  });

  it('with --layout it reads the form and reports its real defects at the user’s cells; a second file of the form needs no teaching', async () => {
    const { code, out, err } = await run('check', ['--json', '--layout', PROFILE, relief, subsidy]);
    expect(err).toBe('');
    expect(code).toBe(1);
    const json = JSON.parse(out) as CheckJson;
    expect(json.files.map((f) => f.sheets.map((s) => s.projectName))).toEqual([[RELIEF.name], [DISABLED_SUBSIDY.name]]);
    expect(json.files[0].sheets[0].issues.map((i) => [i.code, i.cell])).toEqual([
      ['funds-mismatch', 'B7'],
      // ≤460元/人·月 is a unit cost a reviewer can verify: no bad-value at E14.
      ['vague-target', 'E15'], // 「有所提升」 promises without a measure (issue #23)
    ]);
    // One line lower (a 填报单位 line above the title): no 成本指标 at all, and the 满意度 row with no value is row 16.
    expect(json.files[1].sheets[0].issues.map((i) => [i.code, i.cell])).toEqual([
      ['missing-dimension', 'B11'],
      ['vague-target', `E${FIRST_DATA_ROW + 1 + 4}`], // 「有所提升」 again (issue #23)
      ['missing-value', `E${FIRST_DATA_ROW + 1 + 5}`],
    ]);
  });

  // Issue #19: a form the content reader cannot read with confidence is reported as such; --layout reads it.
  it('a form unreadable by content is unreadable-layout without --layout; with it, both files of the form read', async () => {
    const plain = await run('check', ['--json', reliefWorded, subsidyWorded]);
    expect(issues(JSON.parse(plain.out) as CheckJson)).toEqual([
      ['unreadable-layout', `B${FIRST_DATA_ROW}`],
      ['unreadable-layout', `B${FIRST_DATA_ROW + 1}`],
    ]);
    const { code, out, err } = await run('check', ['--json', '--layout', PROFILE, reliefWorded, subsidyWorded]);
    expect(err).toBe('');
    expect(code).toBe(1);
    expect(issues(JSON.parse(out) as CheckJson)).toEqual([
      ['funds-mismatch', 'B7'],
      ['missing-dimension', `B${FIRST_DATA_ROW}`],
      ['missing-dimension', `B${FIRST_DATA_ROW + 1}`],
      ['missing-value', `E${FIRST_DATA_ROW + 1 + 4}`],
    ]);
  });

  it('fix reads by the layout too, and its copy keeps the form (the re-check reads it by the same layout)', async () => {
    const out = join(dir, 'fixed.xlsx');
    const { out: text } = await run('fix', ['--json', '--layout', PROFILE, relief, '--out', out]);
    const json = JSON.parse(text) as { remaining: CheckJson['files'][number] };
    expect(json.remaining.sheets.map((s) => s.projectName)).toEqual([RELIEF.name]);
    expect(json.remaining.sheets[0].issues.map((i) => i.code)).not.toContain('unreadable-layout');
  });

  it('a bad layout file is a clear Chinese message naming the file and the field (exit 2)', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ format: 'jixiao.layout', version: 1, name: 'x', signature: [{ cell: 'A1', text: 'a' }, { cell: 'A2', text: 'b' }], fields: {}, grid: { firstDataRow: 5, columns: { level1: 'A', level2: 'B' } } }));
    const { code, err } = await run('check', ['--layout', bad, relief]);
    expect(code).toBe(2);
    expect(err).toContain(`表格布局文件 ${bad} 无法使用：指标表 grid › columns › value（指标值列）：缺少此项`);
    const missing = await run('fix', ['--layout', join(dir, 'none.json'), relief, '--out', join(dir, 'o.xlsx')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain(`找不到表格布局文件：${join(dir, 'none.json')}`);
  });

  it('help names --layout under check and fix', async () => {
    for (const command of ['check', 'fix']) expect((await run(command, ['--help'])).out).toContain('--layout FILE');
  });
});
