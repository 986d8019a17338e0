// The corpus of real 绩效目标表 (test/fixtures/real): every fixture goes through the CLI's own path
// (bytes → workbook → grids → checkGrids) and is held to what a reviewer would find (expectations.json,
// written before jixiao was run on the files). docs/real-world.md's table is generated from the same
// results, so it cannot go stale: UPDATE_REAL_WORLD=1 npx jest test/real rewrites it.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { applyDefect, columnLetter, parseAddress, type TableSpec } from '../../scripts/fixtures/spec';
import { DEFECTS, TABLES } from '../../scripts/fixtures/tables';
import { checkFile, type FileResult } from '../../src/cli/commands/check';
import { loadBundledLibrary } from '../../src/cli/seeds';
import { RuleCodeSchema, SettingsSchema, type SheetReport } from '../../src/core/model';
import { rowOfAddress } from '../../src/core/rules/helpers';
import { plainValue } from '../../src/xlsx';

interface TableExpectation {
  projectName: string | null;
  must: string[];
  mustAny: string[];
  mustNot: string[];
  quietRows: number[];
  /** Optional: the cell a must code has to name, e.g. { "cost-over-budget": "E13" } (the injected cost). */
  mustAt?: Record<string, string>;
  unclear: string;
  reviewerNote: string;
}

interface FileExpectation {
  file: string;
  source: string;
  layout: string;
  sheets: { sheet: string; tables: TableExpectation[] }[];
}

const ROOT = join(__dirname, '..', '..');
const DIR = join(ROOT, 'test', 'fixtures', 'real');
const DOC = join(ROOT, 'docs', 'real-world.md');
const EXPECTED: FileExpectation[] = (JSON.parse(readFileSync(join(DIR, 'expectations.json'), 'utf8')) as { files: FileExpectation[] }).files;

/** Where one expected table stands against what jixiao reported; [] when it meets every expectation. */
function violations(expected: TableExpectation, report: SheetReport | undefined): string[] {
  if (!report) return ['没有报告这张表（0 张绩效目标表）'];
  const found: string[] = [];
  const codes = new Set<string>(report.issues.map((i) => i.code));
  if (expected.projectName !== null && report.projectName !== expected.projectName) {
    found.push(`项目名称读成「${report.projectName}」，应为「${expected.projectName}」`);
  }
  for (const code of expected.must) if (!codes.has(code)) found.push(`缺少 ${code}`);
  for (const [code, cell] of Object.entries(expected.mustAt ?? {})) {
    if (codes.has(code) && !report.issues.some((i) => i.code === code && i.cells.includes(cell))) found.push(`${code} 没有指向 ${cell}`);
  }
  if (expected.mustAny.length > 0 && !expected.mustAny.some((c) => codes.has(c))) {
    found.push(`应至少有其一：${expected.mustAny.join(' / ')}`);
  }
  for (const issue of report.issues) {
    if (expected.mustNot.includes(issue.code as string)) found.push(`不应有 ${issue.code} ${issue.cells[0] ?? ''}：${issue.message}`);
    const row = rowOfAddress(issue.cells[0]) + 1; // 0-based, -1 for a whole-sheet issue
    if (expected.quietRows.includes(row)) found.push(`第 ${row} 行不是指标，却有 ${issue.code} ${issue.cells[0]}：${issue.message}`);
  }
  return found;
}

/** The reports of one sheet, in order. */
function sheetReports(result: FileResult, sheet: string): SheetReport[] {
  return 'reports' in result ? result.reports.filter((r) => r.sheet === sheet) : [];
}

function cellText(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The generated table of docs/real-world.md: one row per expected table, with what jixiao found. */
function realWorldTable(results: Map<string, FileResult>): string {
  const writers = new Map(SPECS.map((spec) => [spec.file, spec.writer]));
  const lines = [
    '| 文件 | 来源 | 写入程序 | 版式 | 工作表 | 项目 | 应有 | 不应有 | jixiao 实际报告 | 符合 |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const file of EXPECTED) {
    const result = results.get(file.file)!;
    let first = true;
    for (const sheet of file.sheets) {
      const reports = sheetReports(result, sheet.sheet);
      sheet.tables.forEach((table, i) => {
        const report = reports[i];
        const must = [...table.must, ...(table.mustAny.length > 0 ? [`其一：${table.mustAny.join(' / ')}`] : [])];
        const found =
          'error' in result
            ? `无法读取：${result.error}`
            : report
              ? `「${report.projectName}」 ${[...new Set(report.issues.map((x) => x.code))].sort().join(', ') || '未发现问题'}`
              : '0 张表';
        const ok = violations(table, report).length === 0 && reports.length === sheet.tables.length;
        const layout = first ? cellText(file.layout) : '同上';
        first = false;
        lines.push(
          `| ${file.file} | ${file.source} | ${writers.get(file.file) ?? ''} | ${layout} | ${cellText(sheet.sheet)} | ${cellText(table.projectName ?? '（不断言）')} | ${must.join(', ') || '—'} | ${table.mustNot.join(', ')} | ${cellText(found)} | ${ok ? '是' : '否'} |`,
        );
      });
    }
  }
  const rows = lines.slice(2);
  const met = rows.filter((line) => line.endsWith('| 是 |')).length;
  return [`符合：${met} / ${rows.length} 张表。`, '', ...lines].join('\n');
}

/** Every fixture's description: the tables, and the defect copies applied to theirs. */
const SPECS: TableSpec[] = (() => {
  const byFile = new Map(TABLES.map((t) => [t.file, t]));
  return [...TABLES, ...DEFECTS.map((d) => applyDefect(byFile.get(d.from)!, d))];
})();

/** Cell by cell, where a committed .xlsx differs from its description in scripts/fixtures/tables.ts. */
async function driftFromSpec(spec: TableSpec): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(DIR, spec.file));
  const diffs: string[] = [];
  spec.sheets.forEach((sheetSpec, i) => {
    // LibreOffice names the sheet of an imported HTML page itself (Sheet1).
    const sheet = spec.writer === 'soffice' ? workbook.worksheets[i] : workbook.getWorksheet(sheetSpec.name);
    if (!sheet) {
      diffs.push(`没有工作表「${sheetSpec.name}」`);
      return;
    }
    const seen = new Set<string>();
    sheetSpec.rows.forEach((row, r) =>
      row.forEach((expected, c) => {
        if (expected === null) return;
        const address = `${columnLetter(c + 1)}${r + 1}`;
        seen.add(address);
        const actual = plainValue(sheet.getCell(address).value);
        if (String(actual) !== String(expected)) diffs.push(`${address}: 应为「${expected}」，文件中为「${String(actual)}」`);
      }),
    );
    const mergedAway = new Set<string>();
    for (const range of sheetSpec.merges ?? []) {
      const [from, to] = range.split(':') as [string, string];
      const [r1, c1] = parseAddress(from);
      const [r2, c2] = parseAddress(to);
      for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) if (r !== r1 || c !== c1) mergedAway.add(`${columnLetter(c)}${r}`);
    }
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (!seen.has(cell.address) && !mergedAway.has(cell.address) && plainValue(cell.value) !== null) {
          diffs.push(`${cell.address}: 应为空，文件中为「${String(plainValue(cell.value))}」`);
        }
      }),
    );
    const merges = [...((sheet.model as { merges?: string[] }).merges ?? [])].sort();
    const expectedMerges = [...(sheetSpec.merges ?? [])].sort();
    if (merges.join() !== expectedMerges.join()) diffs.push(`合并区域：应为 ${expectedMerges.join(' ')}，文件中为 ${merges.join(' ')}`);
  });
  return diffs;
}

const BEGIN = '<!-- corpus-table:begin (generated by test/real/corpus.test.ts) -->';
const END = '<!-- corpus-table:end -->';

describe('the corpus of real tables', () => {
  const results = new Map<string, FileResult>();

  beforeAll(async () => {
    const settings = SettingsSchema.parse({});
    const library = loadBundledLibrary();
    for (const file of EXPECTED) results.set(file.file, await checkFile(join(DIR, file.file), settings, library));
  });

  test('every fixture file has expectations, and every expectation a file and a source', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.xlsx')).sort();
    expect(EXPECTED.map((f) => f.file).sort()).toEqual(files);
    const sources = readFileSync(join(DIR, 'SOURCES.md'), 'utf8');
    for (const file of EXPECTED) expect(sources).toContain(`| ${file.source} |`);
  });

  test.each(SPECS.map((spec) => [spec.file, spec] as const))('%s holds what scripts/fixtures/tables.ts describes', async (_file, spec) => {
    expect(await driftFromSpec(spec)).toEqual([]);
  });

  test('expectations name only codes jixiao has (a typo would make a mustNot pass for nothing)', () => {
    const known = new Set<string>(RuleCodeSchema.options);
    const named = EXPECTED.flatMap((f) => f.sheets.flatMap((s) => s.tables.flatMap((t) => [...t.must, ...t.mustAny, ...t.mustNot])));
    expect([...new Set(named)].filter((code) => !known.has(code))).toEqual([]);
  });

  describe.each(EXPECTED.map((f) => [f.file, f] as const))('%s', (_name, file) => {
    test('is read (not an unreadable file)', () => {
      const result = results.get(file.file)!;
      expect('error' in result ? result.error : null).toBeNull();
    });

    for (const sheet of file.sheets) {
      test(`${sheet.sheet}: one report per table, never 0 tables`, () => {
        const reports = sheetReports(results.get(file.file)!, sheet.sheet);
        expect(reports.map((r) => r.projectName)).toEqual(sheet.tables.map((t) => t.projectName ?? expect.any(String)));
      });

      sheet.tables.forEach((table, i) => {
        test(`${sheet.sheet} › ${table.projectName || `第 ${i + 1} 张表`}: what a reviewer would find`, () => {
          const report = sheetReports(results.get(file.file)!, sheet.sheet)[i];
          expect(violations(table, report)).toEqual([]);
        });
      });
    }
  });

  test('docs/real-world.md shows the current results', () => {
    const table = realWorldTable(results);
    const doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
    const start = doc.indexOf(BEGIN);
    const end = doc.indexOf(END);
    if (process.env.UPDATE_REAL_WORLD === '1' && start >= 0 && end > start) {
      writeFileSync(DOC, `${doc.slice(0, start + BEGIN.length)}\n${table}\n${doc.slice(end)}`);
      return;
    }
    expect(start).toBeGreaterThanOrEqual(0);
    if (doc.slice(start + BEGIN.length, end).trim() !== table) {
      throw new Error(`docs/real-world.md 的表格与本次结果不符（读表或规则已变）：运行 UPDATE_REAL_WORLD=1 npx jest test/real 重新生成。本次结果：\n${table}`);
    }
  });
});
