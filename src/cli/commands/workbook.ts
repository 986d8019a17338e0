// `jixiao workbook --out FILE.xlsx [--template NAME…] [--blank NAME]`: writes template sheets.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { getFramework } from '../../core/frameworks';
import { findTemplate, projectNameKey } from '../../core/library';
import { FRAMEWORK_NAMES, FrameworkNameSchema, type FrameworkName, type LibraryTable, type TemplateLibrary } from '../../core/model';
import { workbookToBuffer, writeTablesWorkbook } from '../../xlsx';
import { parseCommandArgs } from '../args';
import { CliError, errorMessage, EXIT_OK, type CommandIO } from '../io';
import type { Command } from '../main';
import { loadBundledLibrary } from '../seeds';

const MAX_SUGGESTIONS = 5;

function bigrams(text: string): string[] {
  const chars = [...text];
  return chars.length < 2 ? chars : chars.slice(1).map((ch, i) => chars[i] + ch);
}

/** Dice similarity of two names' character pairs, ignoring width, spacing and punctuation. */
function similarity(a: string, b: string): number {
  const x = bigrams(projectNameKey(a));
  const y = bigrams(projectNameKey(b));
  if (x.length === 0 || y.length === 0) return 0;
  const pool = [...y];
  let shared = 0;
  for (const pair of x) {
    const at = pool.indexOf(pair);
    if (at >= 0) {
      shared++;
      pool.splice(at, 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

/** Library project names closest to a name that matched none, best first. */
export function closeNames(library: TemplateLibrary, name: string): string[] {
  const names = [...new Set(library.tables.map((t) => t.projectName))];
  return names
    .map((candidate) => ({ candidate, score: similarity(name, candidate) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_SUGGESTIONS)
    .map((s) => s.candidate);
}

function pickTemplates(library: TemplateLibrary, names: string[]): LibraryTable[] {
  return names.map((name) => {
    const table = findTemplate(library, name);
    if (table) return table;
    const close = closeNames(library, name);
    const hint = close.length > 0 ? `相近的模板：${close.join('、')}` : `可用模板：${library.tables.map((t) => t.projectName).join('、')}`;
    throw new CliError(`找不到模板「${name}」。${hint}`);
  });
}

export const workbookCommand: Command = async (args: string[], io: CommandIO) => {
  const { values, positionals } = parseCommandArgs(args, {
    out: { type: 'string' },
    template: { type: 'string', multiple: true },
    blank: { type: 'string' },
  });
  if (positionals.length > 0) throw new CliError(`workbook 不接受位置参数：${positionals.join(' ')}（输出文件请用 --out FILE.xlsx）`);
  if (!values.out) throw new CliError('缺少 --out FILE.xlsx（要写出的工作簿）');
  if (!/\.xlsx$/i.test(values.out)) throw new CliError(`输出文件须以 .xlsx 结尾：${values.out}`);
  let blank: FrameworkName | null = null;
  if (values.blank !== undefined) {
    const parsed = FrameworkNameSchema.safeParse(values.blank);
    if (!parsed.success) throw new CliError(`--blank 只能是 ${FRAMEWORK_NAMES.join('、')}：${values.blank}`);
    blank = parsed.data;
  }

  const library = loadBundledLibrary();
  const tables = values.template ? pickTemplates(library, values.template) : blank ? [] : library.tables;

  const workbook = writeTablesWorkbook(tables, { blank: blank ? [blank] : [] });
  // writeTablesWorkbook keeps this order: the tables, then the blank form.
  const sources = [...tables.map((table) => `${table.title}（${table.indicators.length} 项指标）`), ...(blank ? [`空白表：${getFramework(blank).label}`] : [])];
  const names = workbook.worksheets.map((sheet) => sheet.name);
  const lines = names.map((name, i) => `  ${name}  ←  ${sources[i]}`);

  const out = resolve(values.out);
  try {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, await workbookToBuffer(workbook));
  } catch (error) {
    throw new CliError(`无法写出 ${out}：${errorMessage(error)}`);
  }
  io.stdout(`已写出 ${out}（${names.length} 张工作表）\n${lines.join('\n')}\n`);
  return EXIT_OK;
};
