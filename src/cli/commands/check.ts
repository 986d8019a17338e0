// `jixiao check FILE.xlsx… [--json] [--settings FILE.json] [--framework NAME|auto] [--year N] [--library FILE…] [--layout FILE…]`: checks
// workbooks, never writes them.
import { basename, extname, join, resolve } from 'node:path';
import { checkGrids, summarize, summaryText, type CheckSummary } from '../../core/check';
import { maxOf } from '../../core/bounded';
import { MARK_STYLES } from '../../core/marks';
import { FRAMEWORK_NAMES, SettingsSchema, settingsErrorText, type Settings, type SheetReport, type TemplateLibrary } from '../../core/model';
import { WorkbookReadError } from '../../xlsx/errors';
import { asXlsxPackage, convertedNote } from '../../xlsx/gridXlsx';
import { macrosRemovedNote } from '../../xlsx/macros';
import { markedCopy } from '../../xlsx/markedCopy';
import { readWorkbookGrids } from '../../xlsx/readWorkbook';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../../xlsx/limits';
import { InputFileError, readRegularFile } from '../inputFile';
import { parseCommandArgs } from '../args';
import { CliError, errorCode, errorMessage, EXIT_FINDINGS, EXIT_NO_TABLE, EXIT_OK, EXIT_UNREADABLE, type CommandIO } from '../io';
import type { Command } from '../command';
import { LIBRARY_OPTION, loadLibraries } from '../libraries';
import { LAYOUT_OPTION, loadLayouts } from '../layouts';
import type { LayoutProfile } from '../../core/layouts';
import { OutputFileError, writeOutputFile } from '../outputFile';

export type FileResult = { file: string; reports: SheetReport[] } | { file: string; error: string };

export interface CheckJson {
  files: {
    file: string;
    error?: string;
    sheets: {
      sheet: string;
      projectName: string;
      /** `cell`: the first of `cells`, every cell the issue concerns. */
      issues: { code: string; severity: string; cell: string | null; cells: string[]; message: string }[];
    }[];
  }[];
}

/** Why a file could not be read, for people: the loader's own message, or the file system's. */
export function readFailure(error: unknown): string {
  if (error instanceof WorkbookReadError || error instanceof InputFileError) return error.message;
  const code = errorCode(error);
  if (code === 'ENOENT') return '文件不存在。';
  if (code === 'EISDIR') return '这是一个目录，不是文件。';
  if (code === 'EACCES' || code === 'EPERM') return '没有读取该文件的权限。';
  return `无法读取（${errorMessage(error)}）。`;
}

/**
 * Reads and checks one file in isolation: whatever fails — reading, or checking (a stack overflow, any
 * unexpected throw) — becomes this file's error result, never a throw, so the batch's other files are reported.
 */
export async function checkFile(
  file: string,
  settings: Settings,
  library: TemplateLibrary | null,
  limits: Readonly<ReadLimits> = DEFAULT_READ_LIMITS,
  layouts: readonly LayoutProfile[] = [],
): Promise<FileResult> {
  let grids;
  try {
    grids = readWorkbookGrids(await readRegularFile(file, limits.maxFileBytes), limits);
  } catch (error) {
    return { file, error: readFailure(error) };
  }
  try {
    return { file, reports: checkGrids(grids, { settings, library, layouts }) };
  } catch (error) {
    return { file, error: checkFailure(error) };
  }
}

/** A check that threw is jixiao's fault, not the file's: said so, and never reported as clean. */
function checkFailure(error: unknown): string {
  return `读取成功，但检查时出错，未能得出结果（jixiao 内部错误：${errorMessage(error)}）。请把此文件发给 jixiao 的维护者。`;
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
                cells: issue.cells,
                message: issue.message,
              })),
            })),
          },
    ),
  };
}

/** At most this many clean sheets are named on their folded line; the count always covers all. */
const CLEAN_NAMES_SHOWN = 20;

/**
 * The last line: counts over every file, and never 未发现问题 for what could not be read — a file that
 * was not read, or held no table, is said as such beside the findings of the tables that were.
 */
export function batchLine(results: FileResult[], summary: CheckSummary): string {
  const sheets = results.reduce((n, r) => n + ('reports' in r ? r.reports.length : 0), 0);
  const unreadable = results.filter((r) => 'error' in r).length;
  const noTable = results.filter((r) => 'reports' in r && r.reports.length === 0).length;
  const unchecked = [
    unreadable > 0 ? `${unreadable} 个文件无法读取，未检查` : '',
    noTable > 0 ? `${noTable} 个文件中没有绩效目标表` : '',
  ].filter((part) => part !== '');
  const findings = sheets === 0 ? '' : unchecked.length > 0 && summaryText(summary) === '未发现问题' ? '已检查的表未发现问题' : summaryText(summary);
  const head = sheets > 0 ? `共 ${results.length} 个文件、${sheets} 张绩效目标表` : `共 ${results.length} 个文件`;
  return `${head}：${[findings, ...unchecked].filter((part) => part !== '').join('；')}`;
}

/**
 * The readable report: `文件 › 工作表 (项目名称)` and one indented line per issue for each sheet with
 * issues; a file's sheets without any issue folded into one line; a file that could not be read, with
 * its reason (said here only, not again on stderr).
 */
export function checkText(results: FileResult[], summary: CheckSummary): string {
  const lines: string[] = [];
  for (const result of results) {
    if ('error' in result) {
      lines.push(`${result.file}：无法读取，未检查 — ${result.error}`, '');
      continue;
    }
    if (result.reports.length === 0) {
      lines.push(`${result.file}：没有找到绩效目标表`, '');
      continue;
    }
    for (const report of result.reports) {
      if (report.issues.length === 0) continue;
      lines.push(`${result.file} › ${report.sheet} (${report.projectName || '未填项目名称'})`);
      const width = Math.max(4, maxOf(report.issues.map((i) => (i.cells[0] ?? '—').length), 0));
      for (const issue of report.issues) {
        const cell = (issue.cells[0] ?? '—').padEnd(width);
        lines.push(`  ${cell}  ${MARK_STYLES[issue.severity].label}  ${issue.code}  ${issue.message}`);
      }
      lines.push('');
    }
    const clean = result.reports.filter((report) => report.issues.length === 0).map((report) => report.sheet);
    if (clean.length > 0) {
      const more = clean.length > CLEAN_NAMES_SHOWN ? ' 等' : '';
      lines.push(`${result.file}：${clean.length} 张表无问题（${clean.slice(0, CLEAN_NAMES_SHOWN).join('、')}${more}）`, '');
    }
  }
  lines.push(batchLine(results, summary));
  return `${lines.join('\n')}\n`;
}

/** `报表.xlsx` → `报表-已标记.xlsx` (the checker page's name for its copy too). */
export function markedName(file: string): string {
  return `${basename(file, extname(file))}-已标记.xlsx`;
}

/**
 * Writes a marked copy of each file that was read into `dir` (created when missing), never over an input.
 * Returns one line per file for stderr.
 */
export async function writeMarkedCopies(results: FileResult[], dir: string, inputs: string[]): Promise<string[]> {
  const taken = new Set(inputs.map((file) => resolve(file)));
  const lines: string[] = [];
  for (const result of results) {
    if ('error' in result) continue;
    const out = join(dir, markedName(result.file));
    if (taken.has(resolve(out))) {
      lines.push(`${result.file}：标记副本 ${out} 会覆盖输入文件，未写入。`);
      continue;
    }
    taken.add(resolve(out));
    try {
      // .xls, .et and .ods have no OOXML package to mark: theirs is an .xlsx built from what was read.
      const source = asXlsxPackage(await readRegularFile(result.file, DEFAULT_READ_LIMITS.maxFileBytes));
      const copy = markedCopy(source.bytes, result.reports);
      // A copy left from an earlier run is replaced; a link, a non-file or an input never is.
      await writeOutputFile(out, copy.bytes, inputs, true);
      const note = (source.converted ? `；${convertedNote(result.file, '标记副本')}` : '') + (copy.macrosRemoved ? `；${macrosRemovedNote('标记副本')}` : '');
      lines.push(`${result.file}：标记副本已写入 ${out}（${copy.marked} 个单元格）${note}。`);
    } catch (error) {
      if (error instanceof OutputFileError) lines.push(`${result.file}：标记副本未写入 — ${error.message}`);
      else lines.push(`${result.file}：无法生成标记副本（${error instanceof WorkbookReadError ? error.message : errorMessage(error)}）。`);
    }
  }
  return lines;
}

/** What --framework accepts: a framework's name, or auto (detect per sheet). */
const FRAMEWORK_CHOICES: readonly string[] = [...FRAMEWORK_NAMES, 'auto'];

/** A settings file is a few hundred bytes; anything past this is not one. */
const SETTINGS_FILE_MAX_BYTES = 1024 * 1024;

/** A settings file (the same JSON the add-in keeps in the workbook), or {} when none is given. */
export async function settingsFile(path: string | undefined): Promise<Record<string, unknown>> {
  if (path === undefined) return {};
  let text: string;
  try {
    text = new TextDecoder().decode(await readRegularFile(path, SETTINGS_FILE_MAX_BYTES));
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
export function settingsFromFlags(base: Record<string, unknown>, framework: string | undefined, year: string | undefined): Settings {
  if (framework !== undefined && !FRAMEWORK_CHOICES.includes(framework)) {
    throw new CliError(`--framework 只能是 ${FRAMEWORK_CHOICES.join('、')}，而不是「${framework}」`);
  }
  const budgetYear = year === undefined ? null : Number(year);
  if (budgetYear !== null && !(Number.isInteger(budgetYear) && budgetYear >= 2000 && budgetYear <= 2100)) {
    throw new CliError(`--year 应为 2000–2100 之间的年份，而不是「${year}」`);
  }
  const merged = { ...base, ...(framework !== undefined ? { framework } : {}), ...(year !== undefined ? { budgetYear } : {}) };
  const parsed = SettingsSchema.safeParse(merged, { reportInput: true });
  if (!parsed.success) throw new CliError(`设置无效：${settingsErrorText(parsed.error)}`);
  return parsed.data;
}

export const checkCommand: Command = async (args: string[], io: CommandIO) => {
  const { values, positionals } = parseCommandArgs('check', args, {
    json: { type: 'boolean', default: false },
    framework: { type: 'string' },
    year: { type: 'string' },
    settings: { type: 'string' },
    marked: { type: 'string' },
    ...LIBRARY_OPTION,
    ...LAYOUT_OPTION,
  });
  if (positionals.length === 0) throw new CliError('请给出要检查的工作簿文件（.xlsx、.xls、.et、.ods）：jixiao check FILE.xlsx…');
  const settings = settingsFromFlags(await settingsFile(values.settings), values.framework, values.year);
  const library = await loadLibraries(values.library);
  const layouts = await loadLayouts(values.layout);
  const results: FileResult[] = [];
  for (const file of positionals) results.push(await checkFile(file, settings, library, DEFAULT_READ_LIMITS, layouts));

  const summary = summarize(results.flatMap((r) => ('reports' in r ? r.reports : [])));
  if (values.json) {
    io.stdout(`${JSON.stringify(checkJson(results))}\n`);
    // The reasons are in the JSON; the person at the terminal is told which files, once.
    const unread = results.filter((r) => 'error' in r).map((r) => r.file);
    if (unread.length > 0) io.stderr(`jixiao: ${unread.length} 个文件无法读取（原因见 JSON 的 error）：${unread.join('、')}\n`);
  } else {
    io.stdout(checkText(results, summary));
  }
  if (values.marked !== undefined) {
    for (const line of await writeMarkedCopies(results, values.marked, positionals)) io.stderr(`jixiao: ${line}\n`);
  }
  return batchExitCode(results, summary);
};

/** The batch's exit code (EXIT_* in ../io): what was not checked outranks what was found. */
export function batchExitCode(results: FileResult[], summary: CheckSummary): number {
  if (results.some((r) => 'error' in r)) return EXIT_UNREADABLE;
  if (results.some((r) => 'reports' in r && r.reports.length === 0)) return EXIT_NO_TABLE;
  return summary.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}
