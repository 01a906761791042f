/**
 * Help texts of the CLI, in Chinese: the global options and exit codes (shared by every help), and
 * one command's help (`banzhuren advance --help`, `banzhuren help advance`) built from the command's
 * own usage, options and details, so that help and behaviour cannot drift apart.
 */
import type { Command, OptionSpec } from './command';

/** Options every command takes. */
export const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  today: { type: 'string', value: 'YYYY-MM-DD', help: '模拟“今天”（默认为表格时区的今天）；与实际日期相差一年以上时在标准错误输出提示' },
  as: { type: 'string', value: '邮箱', help: '以该邮箱的身份操作（对应“权限”表）' },
  stats: { type: 'boolean', help: '结束时在标准错误输出最后一行打印服务调用次数（JSON）' },
  help: { type: 'boolean', short: 'h', help: '显示帮助（放在命令后面则显示该命令的帮助）' },
  version: { type: 'boolean', short: 'v', help: '显示版本' },
};

/** The exit codes, as the general help states them. */
export const EXIT_CODES_HELP = '退出码：0 成功；1 运行出错；2 参数有误（含不存在的日期、尚未收录节假日安排的年份）；3 已完成但有需要处理的事项（有行被拒绝、有未记录的任期考核结果、有工作室不合要求等，见各命令的帮助）。';

/** Exit codes of a command that refuses rows. */
const ROW_REFUSAL_EXIT_CODES = '退出码：0 成功；1 运行出错；2 参数有误（含不存在的日期、尚未收录节假日安排的年份）；3 部分行被拒绝。';

/** The exit codes of one command: 3 only for those that refuse rows. */
function exitCodesOf(command: Command): string {
  if (command.exitThree) return `退出码：0 成功；1 运行出错；2 参数有误（含不存在的日期、尚未收录节假日安排的年份）；3 ${command.exitThree}。`;
  return command.refusesRows ? ROW_REFUSAL_EXIT_CODES : '退出码：0 成功；1 运行出错；2 参数有误（含不存在的日期、尚未收录节假日安排的年份）。';
}

/** Columns a text takes in a terminal: Chinese characters and full-width forms take two. */
function displayWidth(text: string): number {
  return Array.from(text).reduce((width, char) => width + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1), 0);
}

/** One option's help line, descriptions aligned. */
export function optionLine(name: string, spec: OptionSpec): string {
  const flag = `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.type === 'string' ? ` ${spec.value ?? '值'}` : ''}`;
  return `  ${flag}${' '.repeat(Math.max(1, 24 - displayWidth(flag)))}${spec.help ?? ''}`;
}

/** `banzhuren <command> --help`. */
export function commandHelp(command: Command): string {
  const own = Object.entries(command.options ?? {});
  const globals = Object.entries(GLOBAL_OPTIONS).filter(([name]) => (command.uses ?? []).includes(name) || name === 'stats' || name === 'help');
  return [
    `banzhuren ${command.name}：${command.summary}`,
    '',
    `用法：banzhuren ${command.usage}`,
    ...(command.details && command.details.length > 0 ? ['', ...command.details] : []),
    ...(own.length > 0 ? ['', '选项：', ...own.map(([name, spec]) => optionLine(name, spec))] : []),
    '',
    '通用选项：',
    ...globals.map(([name, spec]) => optionLine(name, spec)),
    ...(command.moreHelp ? ['', ...command.moreHelp()] : []),
    ...(command.examples && command.examples.length > 0 ? ['', '示例：', ...command.examples.map((example) => `  ${example}`)] : []),
    '',
    exitCodesOf(command),
  ].join('\n');
}
