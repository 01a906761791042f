/**
 * The `banzhuren` command: runs the built add-on (dist/Code.js) offline against files on disk.
 * Each command is an entry of COMMANDS; global options set the simulated clock (--today), the
 * active user (--as) and print the service-call counts (--stats, last line of stderr, as JSON).
 */
import packageJson from '../package.json';
import { commandNameOf, parseArguments, shown, type OptionSpecs } from './commands/arguments';
import { CALENDAR_COMMANDS } from './commands/calendar-commands';
import { UsageError, type Command, type CommandContext } from './commands/command';
import { commandHelp, EXIT_CODES_HELP, GLOBAL_OPTIONS, optionLine } from './commands/help';
import { checkedDate, farFromToday } from './commands/dates';
import { WORKBOOK_COMMANDS } from './commands/workbook-commands';
import { STATISTICS_COMMANDS } from './commands/statistics-commands';
import { TERM_COMMANDS } from './commands/term-commands';
import { WORKFLOW_COMMANDS } from './commands/workflow-commands';
import { STUDIO_COMMANDS } from './commands/studio-commands';
import { DUTY_COMMANDS } from './commands/duty-commands';
import { DOCUMENT_COMMANDS } from './commands/document-commands';
import { REMINDER_COMMANDS } from './commands/reminder-commands';
import { SIDEBAR_COMMANDS } from './commands/sidebar-command';
import { DEMO_COMMANDS } from './commands/demo-command';
import { errorMessage } from './runtime/bundle';
import { FileAccessError } from './runtime/file-errors';
import { CallCounter } from './runtime/call-counter';

const COMMANDS: Command[] = [...WORKBOOK_COMMANDS, ...WORKFLOW_COMMANDS, ...TERM_COMMANDS, ...DUTY_COMMANDS, ...STUDIO_COMMANDS, ...STATISTICS_COMMANDS, ...DOCUMENT_COMMANDS, ...REMINDER_COMMANDS, ...CALENDAR_COMMANDS, ...SIDEBAR_COMMANDS, ...DEMO_COMMANDS];

function helpText(): string {
  return [
    '班主任评选助手（离线版）：在 Excel/WPS 的 .xlsx 文件上运行与 Google 表格插件相同的程序。',
    '',
    '用法：banzhuren <命令> [参数] [选项]',
    '      banzhuren <命令> --help     （或 banzhuren help <命令>）查看该命令的详细帮助',
    '',
    '命令：',
    ...COMMANDS.flatMap((command) => [`  ${command.usage}`, `      ${command.summary}`]),
    '',
    '通用选项：',
    ...Object.entries(GLOBAL_OPTIONS).map(([name, spec]) => optionLine(name, spec)),
    '',
    '每日提醒：banzhuren reminders on 开启后，banzhuren tick 模拟插件每小时的定时任务，按“邮件模板”表发送提醒邮件（写入发件箱的 .eml 文件，配置 SMTP 时同时发出），',
    '每项提醒记入“提醒记录”表，只发送一次；详见 banzhuren reminders --help 和 banzhuren tick --help。',
    '',
    EXIT_CODES_HELP,
    '示例：banzhuren publicity-end 2024-09-27   → 2024-10-09',
  ].join('\n');
}

/** Every string option of any command (to find the command's name past their values). */
function stringOptionNames(): Set<string> {
  const all: OptionSpecs[] = [GLOBAL_OPTIONS, ...COMMANDS.map((command) => command.options ?? {})];
  return new Set(all.flatMap((options) => Object.entries(options).filter(([, spec]) => spec.type === 'string').map(([name]) => name)));
}

/** Runs the command line; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  quietOnClosedPipe();
  const counter = new CallCounter();
  const stats: Record<string, number> = {};
  let wantStats = false;
  try {
    let commandName = commandNameOf(argv, stringOptionNames());
    let args = argv;
    // `banzhuren help advance` is `banzhuren advance --help`.
    if (commandName === 'help') {
      const rest = [...argv];
      rest.splice(rest.indexOf('help'), 1);
      commandName = commandNameOf(rest, stringOptionNames());
      args = [...rest, '--help'];
    }
    const command = COMMANDS.find((candidate) => candidate.name === commandName);
    if (commandName !== undefined && !command) throw new UsageError(`未知命令“${shown(commandName)}”；运行 banzhuren --help 查看全部命令`);
    const parsed = parseArguments(args, { ...GLOBAL_OPTIONS, ...(command?.options ?? {}) });
    const values = parsed.values;
    wantStats = values.stats === true;
    if (values.version) {
      process.stdout.write(`banzhuren ${packageJson.version}\n`);
      return 0;
    }
    if (values.help && command) {
      process.stdout.write(commandHelp(command) + '\n');
      return 0;
    }
    if (values.help || !command) {
      process.stdout.write(helpText() + '\n');
      return values.help ? 0 : 2;
    }
    const today = values.today === undefined ? undefined : checkedDate('--today', values.today);
    // Scripts and tests that simulate dates on purpose set BANZHUREN_SIMULATED_DATES=1.
    const far = today === undefined || process.env.BANZHUREN_SIMULATED_DATES === '1' ? undefined : farFromToday(today);
    if (far) process.stderr.write(`提示：${far}\n`);
    const context: CommandContext = {
      positionals: parsed.positionals.slice(1),
      options: values,
      today,
      as: typeof values.as === 'string' ? values.as : undefined,
      counter,
      stats,
      out: (line) => process.stdout.write(line + '\n'),
      err: (line) => process.stderr.write(line + '\n'),
    };
    return await command.run(context);
  } catch (error) {
    process.stderr.write(`banzhuren：${oneLine(errorMessage(error))}\n`);
    return error instanceof UsageError || (error instanceof FileAccessError && error.wrongPath) ? 2 : 1;
  } finally {
    if (wantStats) process.stderr.write(JSON.stringify({ ...counter.snapshot(), ...stats }) + '\n');
  }
}

/** An error as one line: line breaks become '；', control characters are dropped. */
function oneLine(message: string): string {
  // eslint-disable-next-line no-control-regex
  const line = message.replace(/\s*\n+\s*/g, '；').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return line === '' || line.startsWith('[object ') ? '程序内部出错，没有给出原因' : line;
}

let pipeGuardInstalled = false;

/**
 * `banzhuren log 名单.xlsx | head -1`: when the reader closes the pipe, writing fails with EPIPE;
 * the output is simply no longer wanted, so the process ends quietly (exit 0) instead of with a
 * stack trace. The workbook's lock is released by the lock's own exit hook.
 */
function quietOnClosedPipe(): void {
  if (pipeGuardInstalled) return;
  pipeGuardInstalled = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') process.stderr.write(`banzhuren：无法输出结果（${error.code ?? error.message}）\n`);
      process.exit(error.code === 'EPIPE' ? 0 : 1);
    });
  }
}
