// `jixiao workbook --out FILE.xlsx [--template NAME…] [--blank NAME]`: writes template sheets.
import { resolve } from 'node:path';
import { getFramework } from '../../core/frameworks';
import { findTemplatesByPrecedence, projectNameKey } from '../../core/library';
import { FRAMEWORK_NAMES, FrameworkNameSchema, printedDepartment, type FrameworkName, type LibraryTable, type TemplateLibrary } from '../../core/model';
import { workbookToBuffer, writeTablesWorkbook } from '../../xlsx';
import { parseCommandArgs } from '../args';
import { CliError, errorMessage, EXIT_OK, type CommandIO } from '../io';
import type { Command } from '../command';
import { LIBRARY_OPTION, loadLibraries } from '../libraries';
import { OutputFileError, refuseTarget, writeOutputFile } from '../outputFile';

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

/** `4`, `表4`, `表 4`: a table number as `jixiao templates` lists it. */
const TABLE_NUMBER = /^\s*(?:表\s*)?(\d+)\s*$/;

const tableLine = (t: LibraryTable): string => `${t.library ? `${t.library} ` : ''}表 ${t.number} ${t.projectName}（${printedDepartment(t.department)}）`;

/**
 * Tables by name or number; a name that means several tables of the library that takes precedence (the
 * last --library that has it, else the seed) is refused with the list, never guessed.
 */
function pickTemplates(library: TemplateLibrary, names: string[]): LibraryTable[] {
  return names.map((name) => {
    const number = TABLE_NUMBER.exec(name);
    if (number) {
      const numbered = library.tables.filter((t) => t.number === Number(number[1]));
      if (numbered.length === 1) return numbered[0];
      if (numbered.length > 1) {
        throw new CliError(`表 ${number[1]} 在 ${numbered.length} 个模板库中都有：${numbered.map(tableLine).join('；')}。请用项目名称指定（同名以最后给出的模板库为准）`);
      }
      throw new CliError(`没有表 ${number[1]}：模板库共 ${library.tables.length} 张表，编号 ${library.tables[0]?.number ?? 1}–${library.tables.at(-1)?.number ?? 0}（见 jixiao templates）`);
    }
    const found = findTemplatesByPrecedence(library, name);
    if (found.length === 1) return found[0];
    if (found.length > 1) {
      throw new CliError(`「${name}」对应 ${found.length} 张模板：${found.map(tableLine).join('；')}。请用表编号指定，如 --template ${found[0].number}`);
    }
    const close = closeNames(library, name);
    const hint = close.length > 0 ? `相近的模板：${close.join('、')}` : `可用模板：${library.tables.map((t) => t.projectName).join('、')}`;
    throw new CliError(`找不到模板「${name}」。${hint}`);
  });
}

export const workbookCommand: Command = async (args: string[], io: CommandIO) => {
  const { values, positionals } = parseCommandArgs('workbook', args, {
    out: { type: 'string' },
    template: { type: 'string', multiple: true },
    blank: { type: 'string' },
    force: { type: 'boolean', default: false },
    ...LIBRARY_OPTION,
  });
  if (positionals.length > 0) throw new CliError(`workbook 不接受位置参数：${positionals.join(' ')}（输出文件请用 --out FILE.xlsx）`);
  if (!values.out) throw new CliError('缺少 --out FILE.xlsx（要写出的工作簿）');
  if (!/\.xlsx$/i.test(values.out)) throw new CliError(`输出文件须以 .xlsx 结尾：${values.out}`);
  const out = resolve(values.out);
  await refuseTarget(out, values.library ?? [], values.force);
  let blank: FrameworkName | null = null;
  if (values.blank !== undefined) {
    const parsed = FrameworkNameSchema.safeParse(values.blank);
    if (!parsed.success) throw new CliError(`--blank 只能是 ${FRAMEWORK_NAMES.join('、')}：${values.blank}`);
    blank = parsed.data;
  }

  const library = await loadLibraries(values.library);
  const tables = values.template ? pickTemplates(library, values.template) : blank ? [] : library.tables;

  const workbook = writeTablesWorkbook(tables, { blank: blank ? [blank] : [] });
  // writeTablesWorkbook keeps this order: the tables, then the blank form.
  const sources = [...tables.map((table) => `${table.title}（${table.indicators.length} 项指标）`), ...(blank ? [`空白表：${getFramework(blank).label}`] : [])];
  const names = workbook.worksheets.map((sheet) => sheet.name);
  const lines = names.map((name, i) => `  ${name}  ←  ${sources[i]}`);

  try {
    await writeOutputFile(out, await workbookToBuffer(workbook), values.library ?? [], values.force);
  } catch (error) {
    throw new CliError(error instanceof OutputFileError ? error.message : `无法写出 ${out}：${errorMessage(error)}`);
  }
  io.stdout(`已写出 ${out}（${names.length} 张工作表）\n${lines.join('\n')}\n`);
  return EXIT_OK;
};
