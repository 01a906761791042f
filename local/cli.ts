/**
 * The `banzhuren` command: runs the built add-on (dist/Code.js) offline against files on disk.
 * Each command is an entry of COMMANDS; global options set the simulated clock (--today), the
 * active user (--as) and print the service-call counts (--stats, last line of stderr, as JSON).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import packageJson from '../package.json';
import { CALENDAR_COMMANDS } from './commands/calendar-commands';
import { UsageError, type Command, type CommandContext } from './commands/command';
import { WORKBOOK_COMMANDS } from './commands/workbook-commands';
import { WORKFLOW_COMMANDS } from './commands/workflow-commands';
import { errorMessage } from './runtime/bundle';
import { FileAccessError } from './runtime/file-errors';
import { CallCounter } from './runtime/call-counter';

const COMMANDS: Command[] = [...WORKBOOK_COMMANDS, ...WORKFLOW_COMMANDS, ...CALENDAR_COMMANDS];

const GLOBAL_OPTIONS = {
  today: { type: 'string' },
  as: { type: 'string' },
  stats: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

function helpText(): string {
  return [
    '班主任评选助手（离线版）：在 Excel/WPS 的 .xlsx 文件上运行与 Google 表格插件相同的程序。',
    '',
    '用法：banzhuren <命令> [参数] [选项]',
    '',
    '命令：',
    ...COMMANDS.flatMap((command) => [`  ${command.usage}`, `      ${command.summary}`]),
    '',
    '通用选项：',
    '  --today YYYY-MM-DD   模拟“今天”（默认为表格时区的今天）',
    '  --as EMAIL           以该邮箱的身份操作（对应“权限”表）',
    '  --stats              结束时在标准错误输出最后一行打印服务调用次数（JSON）',
    '  -h, --help           显示帮助',
    '  -v, --version        显示版本',
    '',
    '退出码：0 成功；1 运行出错；2 参数有误；3 部分行被拒绝。',
    '示例：banzhuren publicity-end 2024-09-27   → 2024-10-09',
  ].join('\n');
}

/** Runs the command line; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const counter = new CallCounter();
  let wantStats = false;
  try {
    const commandName = argv.find((argument) => !argument.startsWith('-'));
    const command = COMMANDS.find((candidate) => candidate.name === commandName);
    const options = { ...GLOBAL_OPTIONS, ...(command?.options ?? {}) };
    const parsed = parseCommandLine(argv, options);
    const values = parsed.values as Record<string, string | boolean | undefined>;
    wantStats = values.stats === true;
    if (values.version) {
      process.stdout.write(`banzhuren ${packageJson.version}\n`);
      return 0;
    }
    if (values.help || !commandName) {
      process.stdout.write(helpText() + '\n');
      return values.help ? 0 : 2;
    }
    if (!command) throw new UsageError(`未知命令“${commandName}”；运行 banzhuren --help 查看全部命令`);
    const today = values.today;
    if (today !== undefined && (typeof today !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(today))) {
      throw new UsageError(`--today 应为 YYYY-MM-DD，收到“${String(today)}”`);
    }
    const context: CommandContext = {
      positionals: parsed.positionals.slice(1),
      options: values,
      today: today as string | undefined,
      as: values.as as string | undefined,
      counter,
      out: (line) => process.stdout.write(line + '\n'),
      err: (line) => process.stderr.write(line + '\n'),
    };
    return await command.run(context);
  } catch (error) {
    process.stderr.write(`banzhuren：${errorMessage(error)}\n`);
    return error instanceof UsageError || (error instanceof FileAccessError && error.wrongPath) ? 2 : 1;
  } finally {
    if (wantStats) process.stderr.write(JSON.stringify(counter.snapshot()) + '\n');
  }
}

/**
 * node:util's parseArgs, except that negative numbers (`workday 2024-10-08 -1`) are positionals,
 * not options: they are set aside before parsing and put back in their places after.
 */
function parseCommandLine(argv: string[], options: ParseArgsConfig['options']) {
  const negatives: string[] = [];
  const placeholder = (index: number) => `\u0000negative-${index}`;
  const args = argv.map((argument) => (/^-\d+(\.\d+)?$/.test(argument) ? placeholder(negatives.push(argument) - 1) : argument));
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    const restore = (value: string) => negatives.find((_, index) => value === placeholder(index)) ?? value;
    return { values: parsed.values, positionals: parsed.positionals.map(restore) };
  } catch (error) {
    throw new UsageError(translateParseError(error));
  }
}

/** node:util's parse errors in Chinese. */
function translateParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `未知选项 ${unknown[1]}；运行 banzhuren --help 查看用法`;
  const missing = /Option '([^']+)'.*argument missing/.exec(message);
  if (missing) return `选项 ${missing[1]} 需要一个值`;
  return `参数有误：${message}`;
}
