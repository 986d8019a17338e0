import { parseRowValue } from '../../src/core/values';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import type { CheckJson } from '../../src/cli/commands/check';
import type { PerformanceTable } from '../../src/core/model';
import { planTableSheet } from '../../src/core/sheet/layout';
import { workbookToBuffer, writePlan } from '../../src/xlsx';
import { seedTable } from '../support/seed';
import { rowIndex, setValue } from '../support/sheetTable';

/**
 * A seed table with its 效益 values measured: the seed's 「保障」「保障正常开展」… are vague targets (issue #23,
 * vague-target), and these tests are about the command line, not about that rule.
 */
function seed(n: number) {
  const table = seedTable(n);
  for (const row of table.indicators) if (row.level1 === '效益指标') Object.assign(row, { value: '≥99%', parsed: parseRowValue({ ...row, value: '≥99%' }, table.unit) });
  return table;
}

const dir = mkdtempSync(join(tmpdir(), 'jixiao-check-'));

async function writeWorkbook(name: string, tables: PerformanceTable[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  tables.forEach((table, i) => writePlan(workbook, planTableSheet(table, { sheetName: `表${i + 1}`, framework: 'seed' })));
  const path = join(dir, name);
  writeFileSync(path, await workbookToBuffer(workbook));
  return path;
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['check', ...args], { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

// Table 6's own 成本 written as a share (≤1%) is flagged by generic-indicator whatever the year (docs/real-world.md
// lists it among the seed's defects); the year tests look at the rest.
const notSeedDefect = (code: string): boolean => code !== 'generic-indicator';

describe('jixiao check', () => {
  let clean: string;
  let broken: string;
  let brokenCell: string;

  beforeAll(async () => {
    clean = await writeWorkbook('clean.xlsx', [seed(1), seed(2)]);
    const table = seed(1);
    const index = rowIndex(table, '运维费用支出');
    setValue(table, index, '≤300万元');
    broken = await writeWorkbook('broken.xlsx', [table]);
    // The value cell as the layout drew it: row of the indicator in the plan.
    const plan = planTableSheet(table, { sheetName: '表1', framework: 'seed' });
    brokenCell = plan.cells.find((c) => c.value === '≤300万元')?.address ?? '';
  });

  it('exits 0 on a clean workbook and prints the summary', async () => {
    const { code, out, err } = await run([clean]);
    expect(code).toBe(0);
    expect(err).toBe('');
    // Clean sheets are one line, not a block each.
    expect(out).toBe(`${clean}：2 张表无问题（表1、表2）\n\n共 1 个文件、2 张绩效目标表：未发现问题\n`);
  });

  it('exits 3 when a file holds no 绩效目标表 (an empty workbook, a salary list), even beside a clean one', async () => {
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Sheet1');
    const emptyPath = join(dir, 'empty.xlsx');
    writeFileSync(emptyPath, await workbookToBuffer(empty));
    const salaries = new ExcelJS.Workbook();
    const sheet = salaries.addWorksheet('工资表');
    sheet.addRows([['姓名', '岗位', '基本工资', '绩效工资'], ['张三', '科员', 4200, 1800], ['李四', '科长', 5600, 2400]]);
    const salaryPath = join(dir, '工资表.xlsx');
    writeFileSync(salaryPath, await workbookToBuffer(salaries));
    for (const file of [emptyPath, salaryPath]) {
      const { code, out } = await run([file]);
      expect(code).toBe(3);
      expect(out).toContain(`${file}：没有找到绩效目标表`);
    }
    expect((await run([clean, salaryPath])).code).toBe(3);
    // What was not read outranks what holds no table.
    expect((await run([salaryPath, join(dir, 'missing.xlsx')])).code).toBe(4);
  });

  it('exits 1 on an error and prints the cell, severity, code and message', async () => {
    const { code, out } = await run([broken]);
    expect(code).toBe(1);
    expect(out).toMatch(new RegExp(`  ${brokenCell}\\s+错误  cost-over-budget  .*300万元.*292万元`));
  });

  it('prints exactly the documented JSON shape', async () => {
    const { code, out } = await run([broken, '--json']);
    expect(code).toBe(1);
    const json = JSON.parse(out) as CheckJson;
    expect(Object.keys(json)).toEqual(['files']);
    expect(Object.keys(json.files[0])).toEqual(['file', 'sheets']);
    expect(Object.keys(json.files[0].sheets[0])).toEqual(['sheet', 'projectName', 'issues']);
    expect(json.files[0].sheets[0].issues).toContainEqual({
      code: 'cost-over-budget',
      severity: 'error',
      cell: brokenCell,
      cells: expect.arrayContaining([brokenCell]), // and the 预算数 cell it exceeds
      message: expect.stringContaining('300万元'),
    });
    for (const issue of json.files[0].sheets[0].issues) {
      expect(Object.keys(issue)).toEqual(['code', 'severity', 'cell', 'cells', 'message']);
      expect(issue.cell).toBe(issue.cells[0] ?? null);
    }
  });

  // Exit 4, not 2 (issue #22): 2 is bad usage; an unreadable file has its own code a script can tell apart.
  it('reports unreadable files (missing, corrupt, not xlsx), still checks the others, exits 4', async () => {
    const corrupt = join(dir, 'corrupt.xlsx');
    writeFileSync(corrupt, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
    const text = join(dir, 'notes.xlsx');
    writeFileSync(text, '这不是工作簿');
    const missing = join(dir, 'missing.xlsx');
    const { code, out, err } = await run([clean, corrupt, text, missing, broken, '--json']);
    expect(code).toBe(4);
    const json = JSON.parse(out) as CheckJson;
    expect(json.files.map((f) => [f.file, typeof f.error])).toEqual([
      [clean, 'undefined'],
      [corrupt, 'string'],
      [text, 'string'],
      [missing, 'string'],
      [broken, 'undefined'],
    ]);
    expect(json.files[4].sheets[0].issues.map((i) => i.code)).toContain('cost-over-budget');
    expect(json.files[3].error).toBe('文件不存在。');
    expect(json.files[1].error).toContain('文件已损坏');
    expect(json.files[2].error).toContain('无法读取该文件（可能已损坏或不是真正的 Excel 文件）');
    // The reasons are in the JSON; stderr names the files, once, without repeating the reasons.
    expect(err).toBe(`jixiao: 3 个文件无法读取（原因见 JSON 的 error）：${corrupt}、${text}、${missing}\n`);
  });

  it('never calls an unread file clean, and says each reason once', async () => {
    const missing = join(dir, 'missing.xlsx');
    const alone = await run([missing]);
    expect(alone).toEqual({ code: 4, out: `${missing}：无法读取，未检查 — 文件不存在。\n\n共 1 个文件：1 个文件无法读取，未检查\n`, err: '' });

    const mixed = await run([clean, missing, broken]);
    expect(mixed.code).toBe(4);
    expect(mixed.err).toBe('');
    expect(mixed.out.split('文件不存在。')).toHaveLength(2);
    expect(mixed.out).not.toContain('未发现问题');
    expect(mixed.out).toMatch(/共 3 个文件、3 张绩效目标表：1 个错误，1 个警告；1 个文件无法读取，未检查\n$/);

    const cleanAndMissing = await run([clean, missing]);
    expect(cleanAndMissing.out).toContain('共 2 个文件、2 张绩效目标表：已检查的表未发现问题；1 个文件无法读取，未检查\n');
  });

  it('folds the clean sheets of a file into one line, after the sheets with issues', async () => {
    const library = [seed(1), seed(2), seed(4), seed(5)];
    const table = seed(1);
    setValue(table, rowIndex(table, '运维费用支出'), '≤300万元');
    const mixed = await writeWorkbook('mixed.xlsx', [...library, table]);
    const { code, out } = await run([mixed]);
    expect(code).toBe(1);
    expect(out).toContain(`${mixed} › 表5 (数字化运维项目)\n`);
    expect(out).not.toMatch(/› 表1 |› 表2 /);
    expect(out).toContain(`${mixed}：`);
    expect(out).toMatch(/\d 张表无问题（表1、表2/);
    expect(out).not.toContain('  未发现问题');
  });

  it('never writes the input file', async () => {
    const before = { bytes: readFileSync(broken), mtime: statSync(broken).mtimeMs };
    await run([broken]);
    await run([broken, '--json']);
    expect(statSync(broken).mtimeMs).toBe(before.mtime);
    expect(readFileSync(broken).equals(before.bytes)).toBe(true);
  });

  it('passes --year and --framework to the checks, and rejects bad values with exit 2', async () => {
    const dated = await writeWorkbook('dated.xlsx', [seed(6)]);
    const codes = async (args: string[]) =>
      (JSON.parse((await run([dated, '--json', ...args])).out) as CheckJson).files[0].sheets[0].issues.map((i) => i.code).filter(notSeedDefect);
    expect(await codes([])).not.toContain('deadline-outside-year');
    expect(await codes(['--year', '2025'])).toEqual(['deadline-outside-year', 'deadline-outside-year']);
    // --framework is the default, as 设置's is (issue 24): a 旧版 table keeps its framework; one whose rows fit
    // both (no 成本 row) is judged by the one asked for.
    const kept = JSON.parse((await run([clean, '--framework', '2021', '--json'])).out) as CheckJson;
    expect(kept.files[0].sheets[0].issues.map((i) => i.code)).not.toContain('missing-dimension');
    const undecided = seed(1);
    undecided.indicators = undecided.indicators.filter((row) => row.level2 !== '成本指标');
    const either = await writeWorkbook('either.xlsx', [undecided]);
    const dimensions = async (args: string[]) =>
      (JSON.parse((await run([either, '--json', ...args])).out) as CheckJson).files[0].sheets[0].issues.filter((i) => i.code === 'missing-dimension').map((i) => i.message);
    expect(await dimensions(['--framework', '2021'])).toEqual(['缺少一级指标「成本指标」：本表没有该维度的指标']);
    expect(await dimensions([])).toEqual(['一级指标「产出指标」下缺少二级指标「成本指标」']);
    expect((await run([clean, '--framework', '2019'])).code).toBe(2);
    expect((await run([clean, '--year', 'abc'])).code).toBe(2);
    expect((await run([])).code).toBe(2);
  });

  it('reads --settings FILE.json (the settings the add-in keeps), flags winning over it; a bad file exits 2', async () => {
    const table = seed(2);
    table.indicators = table.indicators.filter((row) => row.level1 !== '满意度指标');
    const noSatisfaction = await writeWorkbook('no-satisfaction.xlsx', [table]);
    const settingsPath = join(dir, 'settings.json');
    writeFileSync(settingsPath, JSON.stringify({ requiredDimensions: { seed: ['数量指标', '成本指标'] }, budgetYear: 2025 }));
    const codes = async (args: string[]) =>
      (JSON.parse((await run([noSatisfaction, '--json', ...args])).out) as CheckJson).files[0].sheets[0].issues.map((i) => i.code);
    expect(await codes([])).toContain('missing-dimension');
    expect(await codes(['--settings', settingsPath])).not.toContain('missing-dimension');
    // The file's budget year 2025 puts table 6's two 2024 deadlines out of year; --year 2024 overrides it.
    const dated = await writeWorkbook('dated-settings.xlsx', [seed(6)]);
    const datedCodes = async (args: string[]) =>
      (JSON.parse((await run([dated, '--json', '--settings', settingsPath, ...args])).out) as CheckJson).files[0].sheets[0].issues.map((i) => i.code).filter(notSeedDefect);
    expect(await datedCodes([])).toEqual(['deadline-outside-year', 'deadline-outside-year']);
    expect(await datedCodes(['--year', '2024'])).toEqual([]);

    writeFileSync(settingsPath, JSON.stringify({ requiredDimensions: { seed: ['不存在的维度'] } }));
    const bad = await run([noSatisfaction, '--settings', settingsPath]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('不存在的维度');
    writeFileSync(settingsPath, JSON.stringify({ budgetYear: '2024', minSatisfaction: 120 }));
    const named = await run([noSatisfaction, '--settings', settingsPath]);
    expect(named.code).toBe(2);
    expect(named.err).toBe(
      'jixiao: 设置无效：预算年度（budgetYear）应为 2000–2100 之间的整数，或 null（自动），而不是文本「2024」；满意度下限（minSatisfaction）应为 0–100 之间的数，而不是 120\n',
    );
    writeFileSync(settingsPath, '{ not json');
    expect((await run([noSatisfaction, '--settings', settingsPath])).code).toBe(2);
    expect((await run([noSatisfaction, '--settings', join(dir, 'missing.json')])).code).toBe(2);
  });

  it('--marked DIR writes <name>-已标记.xlsx for each file read, never over an input, inputs unchanged', async () => {
    const reviewed = join(dir, 'reviewed.xlsx');
    copyFileSync(join(__dirname, '../fixtures/marks/reviewed-openpyxl.xlsx'), reviewed);
    const missing = join(dir, 'missing.xlsx');
    const out = join(dir, 'marked-out');
    const inputs = [broken, reviewed];
    const before = inputs.map((f) => readFileSync(f));
    const { code, err } = await run([broken, reviewed, missing, '--marked', out]);
    expect(code).toBe(4);
    expect(readdirSync(out).sort()).toEqual(['broken-已标记.xlsx', 'reviewed-已标记.xlsx']);
    inputs.forEach((f, i) => expect(Buffer.compare(readFileSync(f), before[i])).toBe(0));
    expect(err).toContain('broken-已标记.xlsx');
    // The copy is marked: re-checked, the same issues; its sheet carries the sentinel formats.
    const again = await run([join(out, 'broken-已标记.xlsx'), '--json']);
    const first = await run([broken, '--json']);
    expect((JSON.parse(again.out) as CheckJson).files[0].sheets).toEqual((JSON.parse(first.out) as CheckJson).files[0].sheets);
    expect(readFileSync(join(out, 'broken-已标记.xlsx')).length).toBeGreaterThan(0);

    // An input whose copy would land on another input is left alone.
    const clash = join(out, 'clash.xlsx');
    copyFileSync(broken, clash);
    const clashCopy = join(out, 'clash-已标记.xlsx');
    copyFileSync(broken, clashCopy);
    const clashBefore = readFileSync(clashCopy);
    const result = await run([clash, clashCopy, '--marked', out]);
    expect(result.err).toContain('会覆盖输入文件');
    expect(Buffer.compare(readFileSync(clashCopy), clashBefore)).toBe(0);
  });

  it('--marked DIR makes an .xlsx copy of an .xls or .ods, says so, and the copy checks the same', async () => {
    const out = join(dir, 'marked-legacy');
    for (const ext of ['xls', 'ods']) {
      const file = join(dir, `十六张表.${ext}`);
      copyFileSync(join(__dirname, `../fixtures/writers/seed16-libreoffice.${ext}`), file);
      const before = readFileSync(file);
      const { err } = await run([file, '--marked', out]);
      expect(err).toContain(`原文件为 .${ext}，标记副本另存为 .xlsx（只保留单元格的值和合并区域）`);
      expect(Buffer.compare(readFileSync(file), before)).toBe(0);
      const copy = join(out, '十六张表-已标记.xlsx');
      const [again, first] = [await run([copy, '--json']), await run([file, '--json'])];
      expect((JSON.parse(again.out) as CheckJson).files[0].sheets).toEqual((JSON.parse(first.out) as CheckJson).files[0].sheets);
      rmSync(copy);
    }
  });
});
