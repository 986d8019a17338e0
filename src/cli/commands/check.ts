// `jixiao check FILE.xlsx… [--json] [--settings FILE.json] [--framework NAME|auto] [--year N]`: checks
// workbooks, never writes them.
import { readFile } from 'node:fs/promises';
import { checkGrids, summarize, summaryText, type CheckSummary } from '../../core/check';
import { MARK_STYLES } from '../../core/marks';
import { FRAMEWORK_NAMES, SettingsSchema, type Settings, type SheetReport, type TemplateLibrary } from '../../core/model';
import { loadWorkbook, readGrids, WorkbookReadError } from '../../xlsx';
import { parseCommandArgs } from '../args';
import { CliError, errorCode, errorMessage, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CommandIO } from '../io';
import type { Command } from '../main';
import { loadBundledLibrary } from '../seeds';

export type FileResult = { file: string; reports: SheetReport[] } | { file: string; error: string };

export interface CheckJson {
  files: {
    file: string;
    error?: string;
    sheets: {
      sheet: string;
      projectName: string;
      issues: { code: string; severity: string; cell: string | null; message: string }[];
    }[];
  }[];
}

/** Why a file could not be read, for people: the loader's own message, or the file system's. */
function readFailure(error: unknown): string {
  if (error instanceof WorkbookReadError) return error.message;
  const code = errorCode(error);
  if (code === 'ENOENT') return '文件不存在。';
  if (code === 'EISDIR') return '这是一个目录，不是文件。';
  if (code === 'EACCES' || code === 'EPERM') return '没有读取该文件的权限。';
  return `无法读取（${errorMessage(error)}）。`;
}

/** Reads and checks one file; a file that cannot be read becomes an error result, never a throw. */
export async function checkFile(file: string, settings: Settings, library: TemplateLibrary | null): Promise<FileResult> {
  let workbook;
  try {
    workbook = await loadWorkbook(await readFile(file));
  } catch (error) {
    return { file, error: readFailure(error) };
  }
  return { file, reports: checkGrids(readGrids(workbook), { settings, library }) };
}

export function checkJson(results: FileResult[]): CheckJson {
  return {
    files: results.map((result) =>
      'error' in result
        ? { file: result.file, error: result.error, sheets: [] }
        : {
            file: result.file,
            sheets: result.reports.map((report) => ({
              sheet: report.sheet,
              projectName: report.projectName,
              issues: report.issues.map((issue) => ({
                code: issue.code,
                severity: issue.severity,
                cell: issue.cells[0] ?? null,
                message: issue.message,
              })),
            })),
          },
    ),
  };
}

/** The readable report: `文件 › 工作表 (项目名称)`, then one indented line per issue. */
export function checkText(results: FileResult[], summary: CheckSummary): string {
  const lines: string[] = [];
  for (const result of results) {
    if ('error' in result) {
      lines.push(`${result.file}：无法读取 — ${result.error}`, '');
      continue;
    }
    if (result.reports.length === 0) {
      lines.push(`${result.file}：没有找到绩效目标表`, '');
      continue;
    }
    for (const report of result.reports) {
      lines.push(`${result.file} › ${report.sheet} (${report.projectName || '未填项目名称'})`);
      if (report.issues.length === 0) lines.push('  未发现问题');
      const width = Math.max(4, ...report.issues.map((i) => (i.cells[0] ?? '—').length));
      for (const issue of report.issues) {
        const cell = (issue.cells[0] ?? '—').padEnd(width);
        lines.push(`  ${cell}  ${MARK_STYLES[issue.severity].label}  ${issue.code}  ${issue.message}`);
      }
      lines.push('');
    }
  }
  const sheets = results.reduce((n, r) => n + ('reports' in r ? r.reports.length : 0), 0);
  const unreadable = results.filter((r) => 'error' in r).length;
  const unreadableText = unreadable > 0 ? `（${unreadable} 个无法读取）` : '';
  lines.push(`共 ${results.length} 个文件${unreadableText}、${sheets} 张绩效目标表：${summaryText(summary)}`);
  return `${lines.join('\n')}\n`;
}

/** What --framework accepts: a framework's name, or auto (detect per sheet). */
const FRAMEWORK_CHOICES: readonly string[] = [...FRAMEWORK_NAMES, 'auto'];

/** A settings file (the same JSON the add-in keeps in the workbook), or {} when none is given. */
async function settingsFile(path: string | undefined): Promise<Record<string, unknown>> {
  if (path === undefined) return {};
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`无法读取设置文件 ${path}：${errorMessage(error)}`);
  }
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('应为一个 JSON 对象');
    return json as Record<string, unknown>;
  } catch (error) {
    throw new CliError(`设置文件 ${path} 不是有效的 JSON：${errorMessage(error)}`);
  }
}

/** Flags win over the settings file; the result is validated as any settings are. */
function settingsFromFlags(base: Record<string, unknown>, framework: string | undefined, year: string | undefined): Settings {
  if (framework !== undefined && !FRAMEWORK_CHOICES.includes(framework)) {
    throw new CliError(`--framework 只能是 ${FRAMEWORK_CHOICES.join('、')}，而不是「${framework}」`);
  }
  const budgetYear = year === undefined ? null : Number(year);
  if (budgetYear !== null && !(Number.isInteger(budgetYear) && budgetYear >= 2000 && budgetYear <= 2100)) {
    throw new CliError(`--year 应为 2000–2100 之间的年份，而不是「${year}」`);
  }
  const merged = { ...base, ...(framework !== undefined ? { framework } : {}), ...(year !== undefined ? { budgetYear } : {}) };
  const parsed = SettingsSchema.safeParse(merged);
  if (!parsed.success) throw new CliError(`设置无效：${parsed.error.issues.map((issue) => issue.message).join('；')}`);
  return parsed.data;
}

export const checkCommand: Command = async (args: string[], io: CommandIO) => {
  const { values, positionals } = parseCommandArgs(args, {
    json: { type: 'boolean', default: false },
    framework: { type: 'string' },
    year: { type: 'string' },
    settings: { type: 'string' },
  });
  if (positionals.length === 0) throw new CliError('请给出要检查的 .xlsx 文件：jixiao check FILE.xlsx…');
  const settings = settingsFromFlags(await settingsFile(values.settings), values.framework, values.year);
  const library = loadBundledLibrary();
  const results: FileResult[] = [];
  for (const file of positionals) results.push(await checkFile(file, settings, library));

  const summary = summarize(results.flatMap((r) => ('reports' in r ? r.reports : [])));
  if (values.json) io.stdout(`${JSON.stringify(checkJson(results))}\n`);
  else io.stdout(checkText(results, summary));
  for (const result of results) {
    if ('error' in result) io.stderr(`jixiao: ${result.file}：${result.error}\n`);
  }
  if (results.some((r) => 'error' in r)) return EXIT_USAGE;
  return summary.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
};
