/**
 * What a `banzhuren` command is: its name, usage line, options and run function. Commands return
 * their exit code; a UsageError means the arguments were wrong (exit 2).
 */
import type { CallCounter } from '../runtime/call-counter';
import type { WorkbookParts } from './workbook-parts';

/** The arguments were wrong: exit code 2, one clear line. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** What a command receives. */
export interface CommandContext {
  positionals: string[];
  options: Record<string, string | boolean | undefined>;
  today?: string;
  as?: string;
  counter: CallCounter;
  /** Figures a command adds to the `--stats` JSON (e.g. executions). */
  stats: Record<string, number>;
  out(line: string): void;
  err(line: string): void;
}

/** One option of a command: its kind, and for help its value's name and what it does. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The value's name in help (`日期`, `邮箱`). */
  value?: string;
  /** One line of help, in Chinese. */
  help?: string;
}

/** One command of the CLI. */
export interface Command {
  name: string;
  usage: string;
  summary: string;
  /** More lines of `banzhuren <command> --help` (what it does, in detail). */
  details?: string[];
  /** Extra help sections, computed when help is shown (advance: its states and moves, from the bundle). */
  moreHelp?(): string[];
  /** Global options this command reads (--today, --as), shown in its help. */
  uses?: string[];
  examples?: string[];
  /** Whether some rows may be refused (exit code 3). */
  refusesRows?: boolean;
  /** What exit code 3 means for this command, when it is not a refused row (help's 退出码 line). */
  exitThree?: string;
  options?: Record<string, OptionSpec>;
  run(context: CommandContext): Promise<number>;
}

/** --out, the same for every command that saves a workbook. */
export const OUT_OPTION: OptionSpec = { type: 'string', value: '文件', help: '把结果另存为该文件，不改原文件' };

/** --sheet, for commands that read the nomination sheet. */
export const SHEET_OPTION: OptionSpec = {
  type: 'string',
  value: '工作表',
  help: '推荐名单所在的工作表（默认“推荐名单”）；“权限”“操作记录”“设置”“统计”等插件自己的表会被拒绝',
};

/**
 * The runtime's parts for the commands that open a workbook (exceljs, jszip, nodemailer …), loaded
 * when such a command runs rather than when the CLI starts: see workbook-parts.ts.
 */
export function loadWorkbookParts(): Promise<WorkbookParts> {
  return import('./workbook-parts');
}
