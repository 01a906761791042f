/**
 * The command line split into a command, its positional arguments and its options, with every
 * value kept exactly as typed. A string option takes the next argument whatever it looks like
 * (`--reason -1`, `--reason "-x"`) or its `=` part (`--reason=-x`); a negative number that is not
 * an option's value is a positional (`workday 2024-10-08 -1`); `--` ends the options. Anything
 * else starting with `-` is an unknown option; a string option given twice (`--as a --as b`) is
 * refused rather than silently taking the last. Errors are one Chinese line (UsageError, exit 2).
 */
import { UsageError, type OptionSpec } from './command';

/** Options by long name. */
export type OptionSpecs = Record<string, OptionSpec>;

/** The parsed command line. */
export interface ParsedArguments {
  positionals: string[];
  values: Record<string, string | boolean>;
}

const NEGATIVE_NUMBER = /^-\d+(?:\.\d+)?$/;

/** The option a `--name` or `-x` argument names, or undefined. */
function optionNamed(argument: string, options: OptionSpecs): string | undefined {
  if (argument.startsWith('--')) return Object.hasOwn(options, argument.slice(2)) ? argument.slice(2) : undefined;
  return Object.entries(options).find(([, spec]) => spec.short !== undefined && `-${spec.short}` === argument)?.[0];
}

/** Splits `argv` by the given options; see the file's comment. */
export function parseArguments(argv: readonly string[], options: OptionSpecs): ParsedArguments {
  const positionals: string[] = [];
  const values: Record<string, string | boolean> = {};
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] as string;
    if (argument === '--') {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    if (!argument.startsWith('-') || argument === '-' || NEGATIVE_NUMBER.test(argument)) {
      positionals.push(argument);
      continue;
    }
    const equals = argument.startsWith('--') ? argument.indexOf('=') : -1;
    const flag = equals >= 0 ? argument.slice(0, equals) : argument;
    const name = optionNamed(flag, options);
    if (name === undefined) throw new UsageError(`未知选项 ${shown(flag)}；运行 banzhuren --help 查看用法`);
    const spec = options[name] as OptionSpec;
    if (spec.type === 'string' && Object.hasOwn(values, name)) {
      throw new UsageError(`选项 --${name} 给了不止一次；请只写一次（如 --as 只能是一位操作人）`);
    }
    if (spec.type === 'boolean') {
      if (equals >= 0) throw new UsageError(`选项 --${name} 不带值，收到“${shown(argument.slice(equals + 1))}”`);
      values[name] = true;
      continue;
    }
    if (equals >= 0) {
      values[name] = argument.slice(equals + 1);
      continue;
    }
    const value = argv[index + 1];
    if (value === undefined) throw new UsageError(`选项 --${name} 需要一个值`);
    const other = value.startsWith('-') && !NEGATIVE_NUMBER.test(value) ? optionNamed(value.split('=')[0] as string, options) : undefined;
    if (other !== undefined) {
      throw new UsageError(`选项 --${name} 需要一个值，其后却是选项 ${value.split('=')[0]}；值本身以 - 开头时请写成 --${name}=${shown(value)}`);
    }
    values[name] = value;
    index += 1;
  }
  return { positionals, values };
}

/**
 * The command's name: the first positional argument, skipping the values of string options (any
 * command's), so `banzhuren --today 2024-09-27 check 名单.xlsx` names check.
 */
export function commandNameOf(argv: readonly string[], stringOptions: ReadonlySet<string>): string | undefined {
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] as string;
    if (argument === '--') return argv[index + 1];
    if (!argument.startsWith('-') || argument === '-') return argument;
    if (argument.startsWith('--') && !argument.includes('=') && stringOptions.has(argument.slice(2))) index += 1;
  }
  return undefined;
}

/** A typed value as a message quotes it: one line, no control characters, at most 40 characters. */
export function shown(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, ' ');
  const chars = Array.from(clean);
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : clean;
}
