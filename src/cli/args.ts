import { parseArgs, ParseArgsConfig } from 'node:util';
import { CliError, errorMessage } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The flags a command accepts, as the user types them. */
function flagList(options: Options): string {
  return Object.entries(options)
    .map(([name, spec]) => (spec.type === 'string' ? `--${name} …` : `--${name}`))
    .join('、');
}

/**
 * node:util parseArgs, with unknown or malformed flags answered as the rest of the CLI answers (Chinese,
 * English beside it; exit 2), never with Node's English parser message.
 */
export function parseCommandArgs<T extends Options>(command: string, args: string[], options: T) {
  const see = `（jixiao ${command} 的选项 / options: ${flagList(options)}；说明 / help: jixiao ${command} --help）`;
  // A lenient pass first, to see each flag as typed; strict parseArgs then only confirms.
  const { tokens } = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (!spec) throw new CliError(`未知选项 / unknown option: ${token.rawName}${see}`);
    // `--out --force`: the lenient pass takes the next flag as the value; a value never starts with a dash.
    if (spec.type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))) {
      throw new CliError(`选项 ${token.rawName} 需要一个值 / option ${token.rawName} needs a value${see}`);
    }
    if (spec.type === 'boolean' && token.value !== undefined) {
      throw new CliError(`选项 ${token.rawName} 不带值 / option ${token.rawName} takes no value${see}`);
    }
  }
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`参数错误 / bad arguments: ${errorMessage(error)}${see}`);
  }
}
