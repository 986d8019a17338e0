// `--library FILE` on check, templates and workbook: the unit's own library (a workbook written by our
// generator, a published table saved by LibreOffice, a seed-style text) after the bundled seed.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandIO } from '../../src/cli/io';
import { loadLibraries } from '../../src/cli/libraries';
import { main } from '../../src/cli/main';
import { workbookToBuffer, writeTablesWorkbook } from '../../src/xlsx';
import { LIBRARY_READ_LIMITS } from '../../src/xlsx/library';
import { readWorkbookGrids } from '../../src/xlsx/readWorkbook';
import { readSeedText } from '../support/seed';
import { rowIndex, setValue } from '../support/sheetTable';
import { seedTables } from '../xlsx/support';

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CommandIO = { stdout: (t) => (out += t), stderr: (t) => (err += t) };
  const code = await main(args, io);
  return { code, out, err };
}

const tmp = mkdtempSync(join(tmpdir(), 'jixiao-library-'));
const REAL = join(__dirname, '..', 'fixtures', 'real', 'nanyue-2018-fupin.xlsx');

/** The 16 seed tables as a unit's 2024 workbook, where 数字化运维项目 promised ≥15 systems (the seed: ≥13). */
async function unitWorkbook(): Promise<string> {
  const tables = seedTables();
  setValue(tables[0], rowIndex(tables[0], '软件运维系统个数'), '≥15个');
  const path = join(tmp, '2024年申报.xlsx');
  writeFileSync(path, await workbookToBuffer(writeTablesWorkbook(tables, { framework: 'seed' })));
  return path;
}

/** This year's sheet: the seed's table 1 as it is (≥13个). */
async function thisYear(): Promise<string> {
  const path = join(tmp, '2025.xlsx');
  writeFileSync(path, await workbookToBuffer(writeTablesWorkbook(seedTables().slice(0, 1), { framework: 'seed' })));
  return path;
}

describe('jixiao check --library', () => {
  test('the unit\'s workbook changes what template-weakened-target compares against, and is named', async () => {
    const [library, file] = [await unitWorkbook(), await thisYear()];
    const without = await run('check', file, '--json');
    const codes = (json: string) => (JSON.parse(json) as { files: { sheets: { issues: { code: string; message: string }[] }[] }[] }).files[0].sheets[0].issues;
    expect(codes(without.out).filter((i) => i.code === 'template-weakened-target')).toEqual([]);

    const withLibrary = await run('check', file, '--json', '--library', library);
    expect(withLibrary.err).toBe('');
    const weakened = codes(withLibrary.out).filter((i) => i.code === 'template-weakened-target');
    expect(weakened.map((i) => i.message)).toEqual([expect.stringContaining('「≥13个」比模板「2024年申报.xlsx › 数字化运维项目」的「≥15个」宽松')]);

    // Given twice, in two orders: the last one wins (the seed-style text restores ≥13).
    const text = join(tmp, '2023.txt');
    writeFileSync(text, readSeedText(), 'utf8');
    const last = await run('check', file, '--json', '--library', library, '--library', text);
    expect(codes(last.out).filter((i) => i.code === 'template-weakened-target')).toEqual([]);
    const first = await run('check', file, '--json', '--library', text, '--library', library);
    expect(codes(first.out).filter((i) => i.code === 'template-weakened-target')).toHaveLength(1);
  });

  test('a missing, oversized or unreadable library is a usage error naming the file (exit 2)', async () => {
    const file = await thisYear();
    const missing = await run('check', file, '--library', join(tmp, '没有.xlsx'));
    expect([missing.code, missing.out, missing.err]).toEqual([2, '', `jixiao: 找不到模板库文件：${join(tmp, '没有.xlsx')}\n`]);

    const big = join(tmp, 'big.txt');
    writeFileSync(big, Buffer.alloc(LIBRARY_READ_LIMITS.maxFileBytes + 1, 0x41));
    const tooBig = await run('check', file, '--library', big);
    expect(tooBig.code).toBe(2);
    expect(tooBig.err).toMatch(new RegExp(`^jixiao: 无法读取模板库 ${big}：.*超过`));

    const device = await run('check', file, '--library', '/dev/zero');
    expect(device.err).toBe('jixiao: 无法读取模板库 /dev/zero：这是一个设备文件（如 /dev/zero），不是普通文件，不予读取。\n');

    const notes = join(tmp, '说明.txt');
    writeFileSync(notes, '这只是一段说明文字。\n', 'utf8');
    const prose = await run('check', file, '--library', notes);
    expect(prose.code).toBe(2);
    expect(prose.err).toMatch(/^jixiao: 模板库 .*说明\.txt 无法使用：说明\.txt/);
  });
});

describe('jixiao templates --library / workbook --library', () => {
  test('templates lists the unit\'s tables after the seed\'s, with a 模板库 column', async () => {
    const real = join(tmp, '南岳2018.xlsx');
    copyFileSync(REAL, real);
    const { code, out } = await run('templates', '--library', real);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^模板库\s+编号\s+项目名称/);
    expect(lines.filter((l) => l.startsWith('内置 '))).toHaveLength(16);
    expect(lines.find((l) => l.startsWith('南岳2018.xlsx'))).toMatch(/^南岳2018\.xlsx\s+1\s+2018年市级专项扶贫资金基础设施\(人大代表扶贫基地\)/);
    expect(out).toContain('共 17 张表');

    const json = JSON.parse((await run('templates', '--json', '--library', real)).out) as { projectName: string; library?: string; sheet?: string }[];
    expect(json.at(-1)).toMatchObject({ library: '南岳2018.xlsx', sheet: 'Sheet1', projectName: '2018年市级专项扶贫资金基础设施(人大代表扶贫基地)' });
    expect(json[0].library).toBeUndefined();
  });

  test('workbook --template takes the unit\'s table for a name both libraries have; a shared number is refused', async () => {
    const library = await unitWorkbook();
    const out = join(tmp, 'out.xlsx');
    const written = await run('workbook', '--out', out, '--force', '--template', '数字化运维项目', '--library', library);
    expect(written.code).toBe(0);
    const cells = readWorkbookGrids(readFileSync(out)).flatMap((g) => g.values.flat());
    expect(cells).toContain('≥15个');
    expect(cells).not.toContain('≥13个');

    const numbered = await run('workbook', '--out', out, '--force', '--template', '1', '--library', library);
    expect(numbered.code).toBe(2);
    expect(numbered.err).toContain('表 1 在 2 个模板库中都有');
  });

  test('loadLibraries: the seed alone without --library, the files after it in order', async () => {
    expect((await loadLibraries(undefined)).tables).toHaveLength(16);
    const both = await loadLibraries([REAL, REAL]);
    expect(both.tables.map((t) => t.library ?? '内置').slice(15)).toEqual(['内置', 'nanyue-2018-fupin.xlsx', 'nanyue-2018-fupin.xlsx']);
  });
});
