// `jixiao templates [--seeds FILE…] [--library FILE…] [--json]`: lists the template library.
import { maxOf } from '../../core/bounded';
import { mergeLibraries, SeedFormatError } from '../../core/library';
import { printedDepartment, type LibraryTable, type TemplateLibrary } from '../../core/model';
import { parseCommandArgs } from '../args';
import { CliError, errorCode, errorMessage, EXIT_OK, type CommandIO } from '../io';
import type { Command } from '../command';
import { TextEncodingError } from '../encoding';
import { InputFileError } from '../inputFile';
import { LIBRARY_OPTION, loadLibraries } from '../libraries';
import { loadBundledLibrary, loadLibraryFile, readBundledSeeds } from '../seeds';

/** One table as `--json` prints it: the fields a user recognises from the document, nothing internal. */
export interface TemplateJson {
  title: string;
  department: string;
  unit: string;
  projectName: string;
  budget: { total: number | null; fiscal: number | null; other: number | null };
  purpose: string;
  goals: string;
  indicators: { level1: string; level2: string; level3: string; description: string; value: string }[];
  notes: { line: number; message: string }[];
  /** The unit's library the table came from (--library); absent for the bundled seed. */
  library?: string;
  /** The sheet of a workbook library the table was read from. */
  sheet?: string;
}

export function templateJson(table: LibraryTable): TemplateJson {
  return {
    title: table.title,
    department: printedDepartment(table.department),
    unit: table.unit,
    projectName: table.projectName,
    budget: { total: table.budget.total, fiscal: table.budget.fiscal, other: table.budget.other },
    purpose: table.purpose,
    goals: table.goals,
    indicators: table.indicators.map(({ level1, level2, level3, description, value }) => ({
      level1,
      level2,
      level3,
      description,
      value,
    })),
    notes: table.notes.map(({ line, message }) => ({ line, message })),
    ...(table.library !== undefined ? { library: table.library } : {}),
    ...(table.sheet !== undefined ? { sheet: table.sheet } : {}),
  };
}

export const templatesCommand: Command = async (args: string[], io: CommandIO) => {
  const { values, positionals } = parseCommandArgs('templates', args, {
    seeds: { type: 'string', multiple: true },
    json: { type: 'boolean', default: false },
    ...LIBRARY_OPTION,
  });
  if (positionals.length > 0) {
    throw new CliError(`templates 不接受位置参数：${positionals.join(' ')}（种子文件请用 --seeds FILE）`);
  }
  const library = await loadLibraries(values.library, values.seeds ? await loadSeedFiles(values.seeds) : loadBundledLibrary());
  if (values.json) {
    io.stdout(`${JSON.stringify(library.tables.map(templateJson), null, 2)}\n`);
  } else {
    io.stdout(formatLibrary(library));
  }
  return EXIT_OK;
};

/** Reads the --seeds files into one library; an unreadable or malformed file is a usage error. */
async function loadSeedFiles(paths: string[]): Promise<TemplateLibrary> {
  const libraries: TemplateLibrary[] = [];
  for (const path of paths) {
    try {
      libraries.push(await loadLibraryFile(path));
    } catch (error) {
      if (error instanceof SeedFormatError) throw new CliError(`种子文件格式错误：${error.message}`);
      if (error instanceof InputFileError || error instanceof TextEncodingError) throw new CliError(`无法读取种子文件 ${path}：${error.message}`);
      const code = errorCode(error);
      if (code === 'ENOENT') throw new CliError(`找不到种子文件：${path}`);
      throw new CliError(`无法读取种子文件 ${path}：${errorMessage(error)}`);
    }
  }
  return mergeLibraries(libraries);
}

/**
 * The library as an aligned Chinese table, then every parse note with its line. With the unit's own
 * libraries (--library) a first column names the library each table came from.
 */
/** The bundled seed by what it is, not its internal file name (000_a609….txt); any other source as named. */
function sourceName(source: string): string {
  bundledSources ??= new Set(readBundledSeeds().map((seed) => seed.source));
  return bundledSources.has(source) ? '内置种子模板（天津市司法局 2024）' : source;
}
let bundledSources: Set<string> | null = null;

export function formatLibrary(library: TemplateLibrary): string {
  const named = library.tables.some((t) => t.library !== undefined);
  const header = [...(named ? ['模板库'] : []), '编号', '项目名称', '部门', '预算数', '指标数', '备注'];
  const rows = library.tables.map((t) => [
    ...(named ? [t.library ?? '内置'] : []),
    String(t.number),
    t.projectName,
    printedDepartment(t.department),
    t.budget.total === null ? '—' : `${t.budget.total.toFixed(2)} ${t.unit}`,
    String(t.indicators.length),
    String(t.notes.length),
  ]);
  const rightAligned = new Set([0, 3, 4, 5].map((c) => (named ? c + 1 : c)));
  const widths = header.map((h, c) => Math.max(displayWidth(h), maxOf(rows.map((r) => displayWidth(r[c])), 0)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (rightAligned.has(c) ? padStartDisplay(cell, widths[c]) : padEndDisplay(cell, widths[c])))
      .join('  ')
      .trimEnd();
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  const indicatorCount = library.tables.reduce((sum, t) => sum + t.indicators.length, 0);
  const notes = [
    ...library.notes.map((n) => `  ${n.line > 0 ? `第 ${n.line} 行：` : ''}${n.message}`),
    ...library.tables.flatMap((t) => t.notes.map((n) => `  ${t.sheet !== undefined ? `${t.source} › ${t.sheet}` : sourceName(t.source)} 第 ${n.line} 行（表 ${t.number} ${t.projectName}）：${n.message}`)),
  ];
  out.push('', `共 ${library.tables.length} 张表，${indicatorCount} 条指标；解析备注 ${notes.length} 条。`);
  if (notes.length > 0) out.push('解析备注：');
  for (const note of notes) out.push(note);
  return `${out.join('\n')}\n`;
}

/** Terminal columns a string takes: East Asian wide and full-width characters count 2. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWide(char.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

export function padEndDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export function padStartDisplay(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}
