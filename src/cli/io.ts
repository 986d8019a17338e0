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

/** Exit codes shared by every command. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

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
