import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FRAMEWORK_NAMES, FRAMEWORKS } from '../../src/core/frameworks';
import type { CommandIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { readSheet } from '../../src/core/sheet/reader';
import type { SheetTable } from '../../src/core/sheet/types';
import { loadWorkbook, readGrids } from '../../src/xlsx';
import { loadSeedLibrary } from '../support/seed';

const tmp = mkdtempSync(join(tmpdir(), 'jixiao-workbook-'));
let counter = 0;
const outFile = () => join(tmp, `out-${++counter}.xlsx`);

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const code = await main(['workbook', ...args], io);
  return { code, stdout, stderr };
}

async function sheetsIn(file: string): Promise<{ name: string; sheet: SheetTable | null }[]> {
  const grids = readGrids(await loadWorkbook(readFileSync(file)));
  return grids.map((grid) => ({ name: grid.sheetName, sheet: readSheet(grid) }));
}

describe('jixiao workbook', () => {
  test('writes every library table by default, each readable as its table', async () => {
    const file = outFile();
    const { code, stdout, stderr } = await run('--out', file);
    expect([code, stderr]).toEqual([0, '']);
    const library = loadSeedLibrary();
    const sheets = await sheetsIn(file);
    expect(sheets).toHaveLength(library.tables.length);
    sheets.forEach(({ sheet }, i) => {
      const { number: _n, source: _s, line: _l, notes: _notes, ...table } = library.tables[i];
      expect(sheet?.table).toEqual(table);
    });
    expect(stdout).toContain(file);
    expect(stdout).toContain('16 张工作表');
    expect(stdout).toContain('法治建设 (2)');
  });

  test('--template picks tables by tolerant name, in the given order', async () => {
    const file = outFile();
    const { code, stdout } = await run('--out', file, '--template', '普法依法治理绩效目标表', '--template', ' 数字化运维项目 ');
    expect(code).toBe(0);
    const sheets = await sheetsIn(file);
    expect(sheets.map((s) => s.sheet?.table.projectName)).toEqual(['普法依法治理', '数字化运维项目']);
    expect(stdout).toContain('2 张工作表');
  });

  test('--blank alone writes only the blank form of that framework', async () => {
    const file = outFile();
    const { code } = await run('--out', file, '--blank', '2021');
    expect(code).toBe(0);
    const sheets = await sheetsIn(file);
    expect(sheets).toHaveLength(1);
    expect(sheets[0].sheet?.framework).toBe('2021');
    const level1 = new Set(sheets[0].sheet?.table.indicators.map((row) => row.level1));
    expect([...level1]).toEqual(FRAMEWORKS['2021'].level1.filter((d) => d.required).map((d) => d.name));
  });

  test('--template with --blank writes both', async () => {
    const file = outFile();
    const { code } = await run('--out', file, '--template', '法律援助案件补贴', '--blank', 'seed');
    expect(code).toBe(0);
    const sheets = await sheetsIn(file);
    expect(sheets.map((s) => s.sheet?.table.projectName)).toEqual(['法律援助案件补贴', '']);
    expect(sheets[1].sheet?.framework).toBe('seed');
  });

  test('an unknown template exits 2 naming close templates, and writes nothing', async () => {
    const file = outFile();
    const { code, stderr } = await run('--out', file, '--template', '法治建没项目');
    expect(code).toBe(2);
    expect(stderr).toContain('找不到模板「法治建没项目」');
    expect(stderr).toContain('法治建设');
    expect(existsSync(file)).toBe(false);
  });

  test('usage errors exit 2', async () => {
    expect((await run()).code).toBe(2);
    expect((await run('--out', outFile(), '--blank', '2015')).stderr).toContain(`只能是 ${FRAMEWORK_NAMES.join('、')}`);
    expect((await run('--out', join(tmp, 'x.csv'))).stderr).toContain('.xlsx');
    expect((await run('--out', outFile(), 'extra')).code).toBe(2);
  });

  test('a name two tables share is refused with both listed; the table number picks one', async () => {
    const file = outFile();
    const ambiguous = await run('--out', file, '--template', '法治建设');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('「法治建设」对应 2 张模板：表 4 法治建设（343101天津市司法局装备财务处）；表 14 法治建设（343206天津市司法行政服务中心）');
    expect(ambiguous.stderr).toContain('--template 4');
    expect(existsSync(file)).toBe(false);

    const byNumber = await run('--out', file, '--template', '14', '--template', '表 4');
    expect(byNumber.code).toBe(0);
    const sheets = await sheetsIn(file);
    expect(sheets.map((s) => s.sheet?.table.department.name)).toEqual(['天津市司法行政服务中心', '天津市司法局装备财务处']);
    expect((await run('--out', outFile(), '--template', '99')).stderr).toContain('没有表 99：模板库共 16 张表，编号 1–16');
  });

  test('--out refuses to overwrite an existing file unless --force', async () => {
    const file = outFile();
    writeFileSync(file, '别人的文件');
    const refused = await run('--out', file, '--template', '法律援助案件补贴');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${file} 已存在，没有覆盖；要覆盖请加 --force`);
    expect(readFileSync(file, 'utf8')).toBe('别人的文件');
    const forced = await run('--out', file, '--template', '法律援助案件补贴', '--force');
    expect(forced.code).toBe(0);
    expect((await sheetsIn(file)).map((s) => s.sheet?.table.projectName)).toEqual(['法律援助案件补贴']);
  });
});
