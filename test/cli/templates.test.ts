import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { displayWidth } from '../../src/cli/commands/templates';
import type { CommandIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { loadSeedLibrary, readSeedText } from '../support/seed';

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const code = await main(['templates', ...args], io);
  return { code, stdout, stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'jixiao-templates-'));
const writeTmp = (name: string, text: string) => {
  const path = join(tmp, name);
  writeFileSync(path, text, 'utf8');
  return path;
};

describe('jixiao templates --json', () => {
  test('prints every table with exactly the documented keys, values from the seed', async () => {
    const { code, stdout, stderr } = await run('--json');
    expect([code, stderr]).toEqual([0, '']);
    const tables = JSON.parse(stdout) as Record<string, unknown>[];
    const library = loadSeedLibrary();
    expect(tables).toHaveLength(16);
    tables.forEach((json, i) => {
      const table = library.tables[i];
      expect(Object.keys(json).sort()).toEqual(
        ['budget', 'department', 'goals', 'indicators', 'notes', 'projectName', 'purpose', 'title', 'unit'].sort(),
      );
      expect(json).toEqual({
        title: table.title,
        department: `${table.department.code}${table.department.name}`,
        unit: '万元',
        projectName: table.projectName,
        budget: { total: table.budget.total, fiscal: table.budget.fiscal, other: null },
        purpose: table.purpose,
        goals: table.goals,
        indicators: table.indicators.map((r) => ({
          level1: r.level1,
          level2: r.level2,
          level3: r.level3,
          description: r.description,
          value: r.value,
        })),
        notes: table.notes,
      });
      for (const row of json.indicators as Record<string, unknown>[]) {
        expect(Object.keys(row)).toEqual(['level1', 'level2', 'level3', 'description', 'value']);
      }
    });
    expect(tables[0].department).toBe('343101天津市司法局装备财务处');
    expect(tables[0].budget).toEqual({ total: 292, fiscal: 292, other: null });
    expect((tables[2].notes as { line: number }[]).map((n) => n.line)).toEqual([200, 200]);
  });

  test('--seeds reads another document (a modified copy)', async () => {
    const text = readSeedText()
      .replace('\t数字化运维项目\n', '\t数字化运维项目（改）\n')
      .replace('\t292.00\n\t其中', '\t300.50\n\t其中');
    const { code, stdout } = await run('--seeds', writeTmp('modified.txt', text), '--json');
    expect(code).toBe(0);
    const tables = JSON.parse(stdout) as { projectName: string; budget: { total: number } }[];
    expect(tables).toHaveLength(16);
    expect(tables[0].projectName).toBe('数字化运维项目（改）');
    expect(tables[0].budget.total).toBe(300.5);
  });

  test('--seeds reads a saved library (.json) and may repeat', async () => {
    const path = writeTmp('library.json', JSON.stringify(loadSeedLibrary()));
    const fromJson = await run('--seeds', path, '--json');
    const bundled = await run('--json');
    expect(fromJson.stdout).toBe(bundled.stdout);
    const twice = await run('--seeds', path, '--seeds', path, '--json');
    expect(JSON.parse(twice.stdout)).toHaveLength(32);
  });
});

describe('jixiao templates (text)', () => {
  test('one aligned line per table, with number, name, department, budget, rows and notes', async () => {
    const { code, stdout } = await run();
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    const rows = lines.filter((l) => /^\s*\d+\s{2}/.test(l));
    expect(rows).toHaveLength(16);
    expect(rows[0]).toMatch(/^\s*1\s+数字化运维项目\s+343101天津市司法局装备财务处\s+292\.00 万元\s+12\s+0$/);
    expect(rows[2]).toMatch(/^\s*3\s+法律职业资格考试\s+343101天津市司法局装备财务处\s+320\.00 万元\s+13\s+2$/);
    // Aligned for CJK: the department starts at the same display column on every line, header included.
    const column = (line: string, marker: string) => displayWidth(line.slice(0, line.indexOf(marker)));
    const departmentColumns = new Set([column(lines[0], '部门'), ...rows.map((r) => column(r, '343'))]);
    expect(departmentColumns.size).toBe(1);
    const lineWidths = new Set([displayWidth(lines[0].replace(/备注$/, '')) + 4, ...rows.map((r) => displayWidth(r))]);
    expect(lineWidths.size).toBe(1);
    expect(stdout).toContain('共 16 张表，212 条指标；解析备注 2 条。');
    expect(stdout).toContain('第 200 行（表 3 法律职业资格考试）：表格缺少标题行');
  });

  test('displayWidth counts CJK and full-width characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('项目名称')).toBe(8);
    expect(displayWidth('（１）≥90%')).toBe(10);
  });
});

describe('jixiao templates errors (exit 2, message on stderr)', () => {
  test('a missing --seeds file', async () => {
    const result = await run('--seeds', join(tmp, 'nope.txt'));
    expect(result).toEqual({ code: 2, stdout: '', stderr: `jixiao: 找不到种子文件：${join(tmp, 'nope.txt')}\n` });
  });

  test.each([
    ['empty.txt', '', 'empty.txt：文档为空，没有任何内容。'],
    ['random.txt', '随便写的一段文字\n没有表格\n', 'random.txt 第1行：没有以制表符开头的表格单元格行'],
    ['cut.txt', readSeedText().split('\n').slice(0, 1000).join('\n'), 'cut.txt 第997行：指标行应有 5 个单元格'],
    ['bad.json', '{"tables": 3}', 'bad.json：JSON 内容不是模板库'],
    ['broken.json', '{', 'broken.json：不是有效的 JSON'],
  ])('a malformed --seeds file (%s)', async (name, text, message) => {
    const result = await run('--seeds', writeTmp(name, text), '--json');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`jixiao: 种子文件格式错误：${message}`);
  });

  test('a directory, an unknown flag, a stray argument', async () => {
    expect((await run('--seeds', tmp)).stderr).toContain('无法读取种子文件');
    expect((await run('--seeds', tmp)).code).toBe(2);
    expect((await run('--bogus')).code).toBe(2);
    const stray = await run('extra.txt');
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain('templates 不接受位置参数：extra.txt');
  });
});

// Issue #22: `jixiao templates` named the bundled seed by its internal file name (000_a609….txt).
test('the bundled seed is named for what it is, never by its internal file name', async () => {
  let out = '';
  await main(['templates'], { stdout: (t) => (out += t), stderr: () => undefined });
  expect(out).toContain('内置种子模板（天津市司法局 2024） 第 200 行');
  expect(out).not.toMatch(/000_[0-9a-f]+\.txt/);
});
