import type { CommandIO } from './io';

/** One subcommand: its arguments after the name, the exit code it ends with. Own module so commands need not import main. */
export type Command = (args: string[], io: CommandIO) => Promise<number>;
