/**
 * The workflow commands: advance, log, publicity-list, daily. Each runs the add-on's own server
 * function in the loaded bundle over the workbook (under its lock), as the user named by --as.
 * advance exits 3 when any row was refused, with one stderr line per refused row.
 */
import { UsageError, type Command, type CommandContext } from './command';
import { withWorkbook } from './workbook-commands';

/** Exit code of advance when some rows could not move. */
export const EXIT_SOME_REFUSED = 3;

const advanceUsage = 'advance <文件.xlsx> --rows 2,5-7 --to 状态 --as 邮箱 [--reason 理由] [--start 日期] [--today 日期]';
const logUsage = 'log <文件.xlsx> [--json]';
const publicityUsage = 'publicity-list <文件.xlsx>';
const dailyUsage = 'daily <文件.xlsx> [--today 日期]';

/** Row numbers from `2,5-7` (each ≥ 2, at most 100,000 in all). */
export function parseRowList(text: string): number[] {
  const rows: number[] = [];
  for (const part of text.split(/[,，]/)) {
    const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!match) throw new UsageError(`--rows 应形如 2,5-7，无法识别“${part}”`);
    const first = Number(match[1]);
    const last = Number(match[2] ?? match[1]);
    if (first < 2 || last < first) throw new UsageError(`--rows 中的“${part.trim()}”无效：行号从 2 开始（第 1 行是表头），区间须从小到大`);
    if (rows.length + (last - first + 1) > 100_000) throw new UsageError('--rows 一次最多 100,000 行');
    for (let row = first; row <= last; row += 1) rows.push(row);
  }
  return rows;
}

interface AdvanceResult {
  moved: { row: number; name: string; from: string; to: string }[];
  refused: { row: number; message: string }[];
  problems?: string[];
}

function requireOption(context: CommandContext, name: string, usage: string): string {
  const value = context.options[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`缺少 --${name}。用法：banzhuren ${usage}`);
  return value;
}

/** The workflow commands of the CLI. */
export const WORKFLOW_COMMANDS: Command[] = [
  {
    name: 'advance',
    usage: advanceUsage,
    summary: '推进所选行的审核状态（初审、评审、公示、认定、异议、取消），写入操作记录；有行被拒绝时退出码为 3',
    options: { rows: { type: 'string' }, to: { type: 'string' }, reason: { type: 'string' }, start: { type: 'string' }, sheet: { type: 'string' }, out: { type: 'string' } },
    async run(context) {
      const rows = parseRowList(requireOption(context, 'rows', advanceUsage));
      const to = requireOption(context, 'to', advanceUsage);
      if (!context.as) throw new UsageError(`缺少 --as（操作人的邮箱）。用法：banzhuren ${advanceUsage}`);
      const start = context.options.start;
      if (start !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(start))) throw new UsageError(`--start 应为 YYYY-MM-DD，收到“${String(start)}”`);
      const options: Record<string, unknown> = { rows, to, reason: context.options.reason ?? '' };
      if (typeof start === 'string') options.start = start;
      if (typeof context.options.sheet === 'string') options.sheet = context.options.sheet;
      const result = await withWorkbook(context, advanceUsage, { save: (moves: AdvanceResult) => moves.moved.length > 0 }, (runtime) => runtime.bundle.call('runAdvance', options) as AdvanceResult);
      for (const problem of result.problems ?? []) context.err(`提示：${problem}`);
      for (const moved of result.moved) context.out(`第${moved.row}行 ${moved.name}：${moved.from}→${moved.to}`);
      for (const refused of result.refused) context.err(`第${refused.row}行：${refused.message}`);
      return result.refused.length > 0 ? EXIT_SOME_REFUSED : 0;
    },
  },
  {
    name: 'publicity-list',
    usage: publicityUsage,
    summary: '生成“公示名单”表：公示中的人选（只含姓名、性别、学校、县（市、区）、学段、申报类别）和公示期',
    options: { sheet: { type: 'string' }, out: { type: 'string' } },
    async run(context) {
      const sheet = typeof context.options.sheet === 'string' ? context.options.sheet : undefined;
      const report = await withWorkbook(context, publicityUsage, {}, (runtime) => runtime.bundle.call('runPublicityList', sheet) as { people: number; periods: string[] });
      context.out(report.people === 0 ? '目前没有处于“公示中”的人选' : `已写入“公示名单”：${report.people} 人`);
      for (const period of report.periods) context.out(period);
      return 0;
    },
  },
  {
    name: 'daily',
    usage: dailyUsage,
    summary: '每日任务：把任期已届满的“已认定”行改为“任期届满”（与 Google 表格中的定时任务相同）',
    options: { out: { type: 'string' } },
    async run(context) {
      const result = await withWorkbook(context, dailyUsage, { save: (moves: AdvanceResult) => moves.moved.length > 0 }, (runtime) => runtime.bundle.call('runDailyJobs') as AdvanceResult);
      for (const moved of result.moved) context.out(`第${moved.row}行 ${moved.name}：${moved.from}→${moved.to}`);
      for (const refused of result.refused) context.err(`第${refused.row}行：${refused.message}`);
      if (result.moved.length === 0) context.out('没有任期届满的行');
      return result.refused.length > 0 ? EXIT_SOME_REFUSED : 0;
    },
  },
  {
    name: 'log',
    usage: logUsage,
    summary: '查看操作记录（--json 输出 JSON）',
    options: { json: { type: 'boolean' } },
    async run(context) {
      const entries = await withWorkbook(context, logUsage, { save: false }, (runtime) =>
        runtime.bundle.call('readAuditLog') as { time: string; email: string; sheet: string; row: number; name: string; from: string; to: string; reason: string }[],
      );
      if (context.options.json) {
        context.out(JSON.stringify(entries.map((entry) => ({ ...entry })), null, 2));
      } else {
        for (const entry of entries) context.out(`${entry.time}  ${entry.email}  ${entry.sheet}第${entry.row}行 ${entry.name}：${entry.from}→${entry.to}${entry.reason ? `（${entry.reason}）` : ''}`);
        if (entries.length === 0) context.out('操作记录为空');
      }
      return 0;
    },
  },
];
