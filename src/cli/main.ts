import { FRAMEWORK_NAMES } from '../core/frameworks/names';
import { CliError, CommandIO, EXIT_USAGE, processIO } from './io';

export type Command = (args: string[], io: CommandIO) => Promise<number>;

const USAGE = `用法 / usage:
  jixiao templates [--seeds FILE] [--json]          列出模板库 / list the template library
  jixiao workbook --out FILE.xlsx [--template NAME…] [--blank ${FRAMEWORK_NAMES.join('|')}]
                                                    写出模板工作簿 / write template sheets
  jixiao check FILE.xlsx… [--json] [--settings FILE.json] [--framework ${[...FRAMEWORK_NAMES, 'auto'].join('|')}] [--year N]
                                                    检查工作簿 / check workbooks
`;

// Loaded on demand so `jixiao templates` does not pay for exceljs.
const COMMANDS: Record<string, () => Promise<Command>> = {
  templates: async () => (await import('./commands/templates')).templatesCommand,
  workbook: async () => (await import('./commands/workbook')).workbookCommand,
  check: async () => (await import('./commands/check')).checkCommand,
};

export async function main(argv: string[], io: CommandIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return name ? 0 : EXIT_USAGE;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`未知命令 / unknown command: ${name}\n${USAGE}`);
    return EXIT_USAGE;
  }
  try {
    return await (await load())(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`jixiao: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
