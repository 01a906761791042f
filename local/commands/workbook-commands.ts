/**
 * The workbook commands: init and check. Each opens the .xlsx under its lock, runs the add-on's
 * own server function in the loaded bundle (what the menu item runs in Google), saves the workbook
 * in place or to --out, and prints the outcome (or JSON with --json).
 */
import { existsSync } from 'node:fs';
import { errorMessage } from '../runtime/bundle';
import type { WorkbookRuntime } from '../workbook-runtime';
import { loadWorkbookParts, UsageError, type Command, type CommandContext, OUT_OPTION, SHEET_OPTION } from './command';

/**
 * Opens the workbook named by the first positional argument (only for reading when `save` is
 * false), runs `body`, saves to --out or in place (unless `save` says not to; the runtime itself
 * writes nothing when no call changed the workbook) and closes.
 */
export async function withWorkbook<T>(
  context: CommandContext,
  usage: string,
  options: { create?: boolean; save?: boolean | ((result: T) => boolean) },
  body: (runtime: WorkbookRuntime) => T,
): Promise<T> {
  const [path, ...extra] = context.positionals;
  if (!path || extra.length > 0) throw new UsageError(`参数个数不对。用法：banzhuren ${usage}`);
  if (!options.create && !existsSync(path)) throw new UsageError(`找不到文件：${path}`);
  const out = typeof context.options.out === 'string' ? context.options.out : undefined;
  const readOnly = options.save === false;
  const { openWorkbookRuntime } = await loadWorkbookParts();
  const runtime = await openWorkbookRuntime({ path, create: options.create, today: context.today, as: context.as, counter: context.counter, print: context.err, readOnly, out });
  try {
    const result = (() => {
      try {
        return body(runtime);
      } catch (error) {
        // The add-on refused what was asked (a sheet that holds no nominations …): wrong arguments, exit 2.
        if ((error as { name?: unknown } | null)?.name === 'ArgumentError') throw new UsageError(errorMessage(error));
        throw new Error(errorMessage(error));
      }
    })();
    // With --out the named file is always written (a copy when nothing changed): the user asked for it.
    const save = (out !== undefined && options.save !== false) || (typeof options.save === 'function' ? options.save(result) : options.save !== false);
    if (save) await runtime.save();
    return result;
  } finally {
    recordExecutionTime(context, runtime);
    runtime.close();
  }
}

/** The add-on's refusals of the --as user (no role for the action in 权限, or no email): exit 3 with the message. */
const ROLE_REFUSALS = new Set(['RoleRefusedError', 'UnknownUserError']);

/**
 * Runs `call`; a refusal of the --as user (RoleRefusedError, UnknownUserError) comes back as
 * `{ refused: message }` instead of failing, so the command can say it and exit 3.
 */
export function refusable<T>(call: () => T): T | { refused: string } {
  try {
    return call();
  } catch (error) {
    const name = (error as { name?: unknown } | null)?.name;
    if (typeof name === 'string' && ROLE_REFUSALS.has(name)) return { refused: errorMessage(error) };
    throw error;
  }
}

/** Exit code of a command whose --as user was refused (nothing changed). */
export const EXIT_REFUSED = 3;

/**
 * Adds the execution `runtime` just ran to the `--stats` JSON's modelled Apps Script time (the
 * runtime clock's cost table, local/runtime/clock.ts): `modelledMs` sums the command's executions,
 * `longestExecutionMs` is the longest of them, the figure to hold against the 6-minute limit.
 */
export function recordExecutionTime(context: CommandContext, runtime: WorkbookRuntime): void {
  const elapsed = runtime.clock.executionElapsed();
  context.stats.modelledMs = (context.stats.modelledMs ?? 0) + elapsed;
  context.stats.longestExecutionMs = Math.max(context.stats.longestExecutionMs ?? 0, elapsed);
}

interface CheckedRow {
  row: number;
  name: string;
  verdict: string;
  findings: { rule: string; clause: string; verdict: string; message: string }[];
  flags: string[];
}

const initUsage = 'init <文件.xlsx> [--out 文件]';
const checkUsage = 'check <文件.xlsx> [--sheet 工作表] [--today 日期] [--as 邮箱] [--json] [--out 文件]';

/** The workbook commands of the CLI. */
export const WORKBOOK_COMMANDS: Command[] = [
  {
    name: 'init',
    usage: initUsage,
    summary: '初始化表格：创建或补全 推荐名单、节假日、权限、操作记录、设置、履职记录、工作室、邮件模板、提醒记录（文件不存在则新建）',
    details: [
      '缺少的表和表头补在右端，不移动、不删除、不改写任何人工填写的内容；再次运行不做任何修改。',
      '“权限”“操作记录”“设置”三张表设为受保护（Google 表格中只有表格所有者可编辑；“操作记录”另允许“权限”表中的账号追加记录）。',
      '“邮件模板”：每日提醒邮件的主题、开头、结尾和每类提醒的一行，填入默认内容，可改写（{姓名}等占位符见该表的“说明”列；不能引用身份证号、联系电话）；留空的项目用默认内容。',
      '“提醒记录”：每日提醒发出的每一项（日期、收件人、类型、行、姓名、结果），由插件追加；每项提醒据此只发送一次，请勿删除或清空。',
    ],
    options: { out: OUT_OPTION },
    examples: ['banzhuren init 江川区推荐名单.xlsx'],
    async run(context) {
      const result = await withWorkbook(context, initUsage, { create: true }, (runtime) => runtime.bundle.call('runInitialize_') as { summary: string });
      context.out(result.summary);
      return 0;
    },
  },
  {
    name: 'check',
    usage: checkUsage,
    summary: '校验全部资格：逐行写入 资格审查、审查说明、优先推荐，并在有问题的单元格加批注',
    details: [
      '按方案四（一）等条款逐行审查，写入“资格审查”（符合/不符合/待核实）和“审查说明”（条款与理由）。',
      '评审基准日：--today，否则“设置”表的“评审基准日”，否则表格时区的今天。',
      '“上届考核结果”留空时，取同一表中该身份证号此前各行记录的最近一次“任期考核结果”；合格写“优先推荐”，优秀另写“优先推荐省级”（方案六（二））。',
      '不加 --as 时以文件所有者的身份审查；加 --as 时按“权限”表核对，只有市级账号或县级审核人可以审查（与 Google 表格中的菜单和助手相同）。',
    ],
    uses: ['today', 'as'],
    exitThree: '--as 的账号在“权限”表中不是市级或县级审核人，没有做任何修改',
    options: {
      sheet: SHEET_OPTION,
      json: { type: 'boolean', help: '以 JSON 输出每行结果：[{"row","name","verdict","findings":[{"rule","clause","verdict","message"}],"flags":["优先推荐","优先推荐省级"]}]' },
      out: OUT_OPTION,
    },
    examples: ['banzhuren check 名单.xlsx', 'banzhuren check 名单.xlsx --sheet 推荐名单 --today 2025-09-01 --json'],
    async run(context) {
      const sheet = context.options.sheet;
      type Checked = { rows: CheckedRow[]; summary: string; problems: string[] };
      // Without --as the file's owner runs it (as before); with --as, 权限 decides, as in Google.
      const outcome = await withWorkbook(context, checkUsage, { save: (done: Checked | { refused: string }) => !('refused' in done) }, (runtime) => {
        const options: Record<string, string | boolean> = {};
        if (typeof sheet === 'string') options.sheet = sheet;
        if (context.today) options.reviewDate = context.today;
        if (context.as) options.asCaller = true;
        return refusable(() => runtime.bundle.call('runEligibilityCheck_', options) as Checked);
      });
      if ('refused' in outcome) {
        context.err(outcome.refused);
        return EXIT_REFUSED;
      }
      const report = outcome;
      if (context.options.json) {
        // Sheet-level problems (a duplicated header …) go to stderr, so stdout stays the JSON array.
        for (const problem of report.problems) context.err(`提示：${problem}`);
        const rows = report.rows.map(({ row, name, verdict, findings, flags }) => ({ row, name, verdict, findings, flags }));
        context.out(JSON.stringify(rows, null, 2));
      } else {
        context.out(report.summary);
        for (const row of report.rows.filter((entry) => entry.verdict !== '符合')) {
          const reasons = row.findings.filter((finding) => finding.verdict !== '符合').map((finding) => finding.message);
          context.out(`第${row.row}行 ${row.name}：${row.verdict}：${reasons.join('；')}`);
        }
      }
      return 0;
    },
  },
];
