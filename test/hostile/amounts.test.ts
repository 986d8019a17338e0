// Amounts that used to pass as clean: negative budgets and costs, and a settings file whose
// fundsTolerance of 150 let a 200万元 cost through a 100万元 budget. Through the CLI, on real .xlsx files.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { CheckJson } from '../../src/cli/commands/check';
import { main } from '../../src/cli/main';
import type { PerformanceTable } from '../../src/core/model';
import { planTableSheet } from '../../src/core/sheet/layout';
import { workbookToBuffer, writePlan } from '../../src/xlsx';
import { seedTable } from '../support/seed';
import { rowIndex, setValue } from '../support/sheetTable';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-hostile-amounts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function workbook(name: string, table: PerformanceTable): Promise<string> {
  const book = new ExcelJS.Workbook();
  writePlan(book, planTableSheet(table, { sheetName: '表1', framework: 'seed' }));
  const path = join(dir, name);
  writeFileSync(path, await workbookToBuffer(book));
  return path;
}

async function check(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['check', ...args], { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

function issues(out: string): { code: string; message: string }[] {
  return (JSON.parse(out) as CheckJson).files.flatMap((f) => f.sheets.flatMap((s) => s.issues));
}

describe('negative amounts are errors', () => {
  it('a negative 预算数 and a cost ≤-200万元 are bad-value errors, exit 1', async () => {
    const table = seedTable(1);
    table.budget = { total: -292, fiscal: -292, other: null };
    setValue(table, rowIndex(table, '运维费用支出'), '≤-200万元');
    const { code, out } = await check(await workbook('negative.xlsx', table), '--json');
    expect(code).toBe(1);
    const bad = issues(out).filter((i) => i.code === 'bad-value').map((i) => i.message);
    expect(bad).toEqual(
      expect.arrayContaining(['预算数为 -292万元，是负数：金额不能为负', '财政资金为 -292万元，是负数：金额不能为负', expect.stringContaining('「≤-200万元」是负数')]),
    );
  });
});

describe('settings thresholds are bounded and govern only their own rule', () => {
  let overBudget: string;
  beforeAll(async () => {
    // 100 万元 budget, one 200 万元 cost.
    const table = seedTable(1);
    table.budget = { total: 100, fiscal: 100, other: null };
    setValue(table, rowIndex(table, '运维费用支出'), '≤200万元');
    setValue(table, rowIndex(table, '项目评审费用支出'), '≤0万元');
    overBudget = await workbook('over.xlsx', table);
  });

  it('{"fundsTolerance":150} is refused with the field and its range, exit 2', async () => {
    const settings = join(dir, 'tolerance-150.json');
    writeFileSync(settings, JSON.stringify({ fundsTolerance: 150 }));
    const { code, out, err } = await check(overBudget, '--settings', settings);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe('jixiao: 设置无效：资金允许误差（fundsTolerance）应为 0–1 之间的数，而不是 150\n');
  });

  it('the largest allowed fundsTolerance still lets no cost over the budget through', async () => {
    const settings = join(dir, 'tolerance-1.json');
    writeFileSync(settings, JSON.stringify({ fundsTolerance: 1 }));
    const { code, out } = await check(overBudget, '--json', '--settings', settings);
    expect(code).toBe(1);
    expect(issues(out).filter((i) => i.code === 'cost-over-budget').map((i) => i.message)).toEqual([expect.stringContaining('即 200万元，超过预算数 100万元')]);
  });
});
