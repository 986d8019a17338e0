import { commandHelpText, usageText, versionText } from './help';
import { CliError, CommandIO, EXIT_OK, EXIT_USAGE, processIO, terminalSafeIO } from './io';

import type { Command } from './command';
export type { Command } from './command';

// Loaded on demand so `jixiao templates` does not pay for exceljs.
const COMMANDS: Record<string, () => Promise<Command>> = {
  templates: async () => (await import('./commands/templates')).templatesCommand,
  workbook: async () => (await import('./commands/workbook')).workbookCommand,
  check: async () => (await import('./commands/check')).checkCommand,
  fix: async () => (await import('./commands/fix')).fixCommand,
  rules: async () => (await import('./commands/rules')).rulesCommand,
  suggest: async () => (await import('./commands/suggest')).suggestCommand,
};

const HELP_FLAGS = new Set(['--help', '-h']);
const VERSION_FLAGS = new Set(['--version', '-v', '-V']);

/** Asked for help: a help flag before any `--` (after it, `--help` would be a file name). */
function wantsHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((arg) => HELP_FLAGS.has(arg));
}

export async function main(argv: string[], output: CommandIO = processIO): Promise<number> {
  // Everything printed may quote file content (sheet, project and file names, cell text).
  const io = terminalSafeIO(output);
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stdout(usageText());
    return EXIT_USAGE;
  }
  if (HELP_FLAGS.has(name) || name === 'help') {
    const topic = rest[0];
    io.stdout(topic !== undefined && Object.hasOwn(COMMANDS, topic) ? commandHelpText(topic) : usageText());
    return EXIT_OK;
  }
  if (VERSION_FLAGS.has(name)) {
    io.stdout(versionText());
    return EXIT_OK;
  }
  if (!Object.hasOwn(COMMANDS, name)) {
    const what = name.startsWith('-') ? '未知选项 / unknown option' : '未知命令 / unknown command';
    io.stderr(`jixiao: ${what}: ${name}\n\n${usageText()}`);
    return EXIT_USAGE;
  }
  if (wantsHelp(rest)) {
    io.stdout(commandHelpText(name));
    return EXIT_OK;
  }
  try {
    return await (await COMMANDS[name]())(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`jixiao: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
