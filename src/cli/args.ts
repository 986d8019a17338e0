import { parseArgs, ParseArgsConfig } from 'node:util';
import { CliError, errorMessage } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, with unknown or malformed flags turned into a usage error (exit 2). */
export function parseCommandArgs<T extends Options>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`参数错误 / bad arguments: ${errorMessage(error)}`);
  }
}
