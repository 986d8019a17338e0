/** Where a command writes; tests pass collectors, the bin passes the process streams. */
export interface CommandIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processIO: CommandIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/**
 * Control characters a file can carry into what is printed (ESC, BEL, CSI, carriage return, backspace,
 * bidirectional overrides): a sheet or project name could retitle, clear or rewrite the reviewer's
 * terminal. Tab and line feed are jixiao's own layout and stay.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const TERMINAL_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text safe for a terminal: each control character written as `\u001b`. Inside JSON output that is the
 * same string escaped, so the JSON still parses to the file's own text.
 */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_CONTROL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** An io whose every write goes through terminalSafe. */
export function terminalSafeIO(io: CommandIO): CommandIO {
  return { stdout: (text) => io.stdout(terminalSafe(text)), stderr: (text) => io.stderr(terminalSafe(text)) };
}

/**
 * Exit codes shared by every command, one per outcome so `jixiao check *.xlsx && 发送` can trust a 0: only
 * every file read, each holding a 绩效目标表, and no error. When a batch has several outcomes the one a
 * script must not miss wins: unreadable, then no table, then errors.
 */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
export const EXIT_NO_TABLE = 3;
export const EXIT_UNREADABLE = 4;

/** The exit codes as --help and the README list them. */
export const EXIT_CODES_TEXT =
  '退出码 / exit code：0 每个文件都已读取、都有绩效目标表且无错误 / every file read, each with a table, no error；1 有错误 / errors found；' +
  '2 用法错误 / bad usage；3 有文件中没有绩效目标表 / a file holds no 绩效目标表；4 有文件无法读取 / a file could not be read';

/** A failure the user can act on: printed as its message, never as a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_USAGE,
  ) {
    super(message);
  }
}

// Checked by shape, not `instanceof Error`: errors from Node built-ins can come from another realm (jest's vm).

/** The message of anything thrown; a thrown non-Error is shown as text. */
export function errorMessage(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string'
    ? error.message
    : String(error);
}

/** A Node system error's code (`ENOENT`, `EACCES` …); undefined for any other error. */
export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
