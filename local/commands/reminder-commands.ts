/**
 * The reminder commands (SPEC §8, issue 10): `reminders on|off|preview` run the add-on's own
 * runRemindersOn / runRemindersOff / runPreviewReminders (the menu's 开启每日提醒, 关闭每日提醒,
 * 预览提醒) over the workbook; `tick` runs the workbook's time-driven trigger as Google would over
 * simulated days (runTicks: the hourly trigger does the daily job and continues document batches),
 * the runtime's MailApp writing one .eml per email into the outbox and, when an SMTP server is
 * configured, delivering it there. `tick --dry-run` runs the same days in memory and prints each
 * digest without saving, writing or sending anything.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { errorMessage } from '../runtime/bundle';
import { runTicks, type TickReport } from '../runtime/ticks';
import { clockTriggers } from '../services/script/script-app';
import { wallClockAt } from '../runtime/time-zones';
import type { WorkbookRuntime } from '../workbook-runtime';
import { shown } from './arguments';
import { loadWorkbookParts, UsageError, type Command, type CommandContext } from './command';
import type { WorkbookParts } from './workbook-parts';
import { recordExecutionTime, withWorkbook } from './workbook-commands';

/** The longest simulated run of `tick --days`: one year (a longer one is almost surely a typo). */
export const MAX_TICK_DAYS = 366;

/** The largest `--mail-quota`: far above Google's (100 recipients a day for a consumer account, 1,500 for Workspace). */
export const MAX_MAIL_QUOTA = 100_000;

/** Exit code when nothing was done because reminders are off, the user was refused, or a reminder could not be sent. */
export const EXIT_NOT_DONE = 3;

/** The document property that says reminders are on (written by the add-on's 开启每日提醒). */
const REMINDERS_PROPERTY = 'dailyReminders';

const remindersUsage = 'reminders on|off|preview <文件.xlsx> [--as 邮箱] [--today 日期] [--mail-quota 封数] [--json]';
const tickUsage = 'tick <文件.xlsx> [--today 日期] [--days 天数] [--outbox 文件夹] [--mail-quota 封数] [--dry-run] [--time-limit 秒] [--json]';

/** Errors of the add-on that mean "you may not do this" (exit 3), by their name: no city or county role in 权限, or Google named nobody. */
const REFUSAL_ERROR_NAMES = new Set(['RemindersRefusedError', 'UnknownUserError']);

/** What runRemindersOn answers (src/addon/reminder-actions.ts). */
interface RemindersOnResult {
  on: true;
  installed: boolean;
  by: string;
}

/** What runRemindersOff answers. */
interface RemindersOffResult {
  on: false;
  removed: boolean;
}

/** A reminder nobody can receive (the add-on's preview and daily job). */
interface UnaddressedReminder {
  kind: string;
  sheet: string;
  row: number;
  name: string;
  why: string;
}

/** What runPreviewReminders answers. */
interface ReminderPreview {
  date: string;
  workingDay: boolean;
  on: boolean;
  digests: { recipient: string; subject: string; body: string; reminders: { kind: string; label: string; row: number | ''; name: string }[] }[];
  /** The emails today's job would send (digests not withheld, within the quota): the sidebar's count too. */
  mails: number;
  waiting: number;
  alreadySent: number;
  heldForTomorrow: number;
  unaddressed: UnaddressedReminder[];
  problems: string[];
  quota: number;
}

/** The daily job's result, part of the hourly trigger's (src/addon/reminder-actions.ts). */
interface DailyJobResult {
  date: string;
  ran: boolean;
  workingDay: boolean;
  moved: number;
  sent: { recipient: string; subject: string; reminders: number }[];
  waiting: number;
  failed: number;
  alreadySent: number;
  heldForTomorrow: number;
  unaddressed: UnaddressedReminder[];
  problems: string[];
  /** The job stopped for the execution's time budget and goes on in the next hourly run. */
  continued?: boolean;
}

/** The document part of the hourly trigger's result, as far as tick reports it. */
interface DocumentPart {
  created?: unknown[];
  pending?: number;
  done?: boolean;
}

/** How a day's daily job ended (TickDay.job). */
type DailyJobState = 'completed' | 'failed' | 'unfinished';

/** What the document properties said at the end of a simulated day. */
interface DayEnd {
  /** dailyJobDone: the last day the daily job completed or failed. */
  doneOn: string;
  /** Whether reminders were on. */
  on: boolean;
}

/** One email as the dry run shows it. */
interface ShownMail {
  date: string;
  recipient: string;
  subject: string;
  body: string;
}

/** One simulated day as tick reports it. */
interface TickDay {
  date: string;
  /** Whether the day is a working day (null when no daily job completed that day). */
  workingDay: boolean | null;
  executions: number;
  /** Executions the time limit cut off (the next hourly run goes on; nothing recorded is sent again). */
  killed: number;
  /** Whether a daily job completed that day. */
  dailyJob: boolean;
  /**
   * How the day's daily job ended: completed; failed (an error, recorded in 操作记录 and kept for
   * the city's digest); unfinished (every run of it was cut off or stopped: the day ended before it
   * completed); null when none was due (reminders off, or it had already run that day).
   */
  job: DailyJobState | null;
  /** Every email MailApp accepted that day (also in executions cut off): recipient and subject. */
  emails: { recipient: string; subject: string }[];
  /** Reminders in the digests of the daily jobs that completed. */
  reminders: number;
  waiting: number;
  failed: number;
  alreadySent: number;
  heldForTomorrow: number;
  moved: number;
  unaddressed: UnaddressedReminder[];
  problems: string[];
  documents: { created: number; pending: number | null; done: boolean } | null;
  /** The day's mail: .eml files written, messages the SMTP server took, deliveries that failed (retried next run), and those in flight when an earlier run died (not resent: check them). */
  mail: { written: string[]; delivered: number; failed: { file: string; message: string }[]; uncertain: string[] };
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** 星期一 … for a 'YYYY-MM-DD' date. */
export function weekdayOf(date: string): string {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] as string;
}

/** The number of days from --days: a whole number from 1 to MAX_TICK_DAYS (default 1). */
export function checkedDays(value: string | boolean | undefined): number {
  if (value === undefined) return 1;
  const text = String(value).normalize('NFKC').trim();
  const days = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(days) || days < 1 || days > MAX_TICK_DAYS) {
    throw new UsageError(`--days 应为 1 到 ${MAX_TICK_DAYS} 之间的整数（从 --today 起模拟的天数），收到“${shown(String(value))}”`);
  }
  return days;
}

/** The daily mail quota from --mail-quota: a whole number from 0 to MAX_MAIL_QUOTA, or undefined (the runtime's default). */
export function checkedMailQuota(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value).normalize('NFKC').trim();
  const quota = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(quota) || quota > MAX_MAIL_QUOTA) {
    throw new UsageError(`--mail-quota 应为 0 到 ${MAX_MAIL_QUOTA.toLocaleString('en-US')} 之间的整数（每天最多发给多少位收件人；个人账号为 100），收到“${shown(String(value))}”`);
  }
  return quota;
}

/** The shortest --time-limit accepted, in seconds. */
const MINIMUM_TIME_LIMIT_SECONDS = 1;

/** The execution time limit from --time-limit, in seconds (a positive number), or undefined (Apps Script's 360). */
export function checkedTimeLimit(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value).normalize('NFKC').trim();
  const seconds = /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(seconds) || seconds < MINIMUM_TIME_LIMIT_SECONDS || seconds > 3600) {
    throw new UsageError(`--time-limit 应为 ${MINIMUM_TIME_LIMIT_SECONDS} 到 3600 之间的秒数（模拟单次执行的时限，默认 360），收到“${shown(String(value))}”`);
  }
  return seconds;
}

/** The --outbox folder: a folder or a path that does not exist yet (made, and proved writable, before tick runs anything); a file is refused. */
export function checkedOutbox(value: string | boolean | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError('--outbox 需要一个文件夹路径（存放 .eml 邮件文件）');
  if (existsSync(value) && !statSync(value).isDirectory()) throw new UsageError(`--outbox 应为文件夹，而“${shown(value)}”是一个文件`);
  return resolve(value);
}

/** Checks the SMTP URL configured (BANZHUREN_SMTP, else 设置 邮件服务器) before anything runs: a bad one is a UsageError naming where it came from, its password masked. */
function checkSmtpSetting(runtime: WorkbookRuntime, { configuredSmtpSetting, parseSmtpUrl }: WorkbookParts): void {
  const setting = configuredSmtpSetting(process.env, runtime.workbook);
  if (!setting) return;
  try {
    parseSmtpUrl(setting);
  } catch (error) {
    throw new UsageError(`${errorMessage(error)}；没有运行定时任务，表格未修改`);
  }
}

/** The add-on refused the user (no role, a school role, Google did not say who): exit 3 with its message. */
class RefusedError extends Error {
  override name = 'RefusedError';
}

/**
 * Runs one add-on function over the workbook (saved only when `save` and the call was not refused),
 * turning its refusals into RefusedError.
 */
async function callRefusable<T>(context: CommandContext, usage: string, save: boolean, call: (runtime: WorkbookRuntime) => T): Promise<T> {
  const outcome = await withWorkbook<{ result: T } | { refused: string }>(context, usage, { save: save ? (done) => 'result' in done : false }, (runtime) => {
    try {
      return { result: call(runtime) };
    } catch (error) {
      const name = (error as { name?: unknown } | null)?.name;
      if (typeof name === 'string' && REFUSAL_ERROR_NAMES.has(name)) return { refused: errorMessage(error) };
      throw error;
    }
  });
  if ('refused' in outcome) throw new RefusedError(outcome.refused);
  return outcome.result;
}

/** The reminders command's context for its workbook: the positionals after on/off/preview. */
function bookContext(context: CommandContext): CommandContext {
  return { ...context, positionals: context.positionals.slice(1) };
}

/** The add-on's preview over the workbook, opened only for reading, with the simulated mail quota. */
async function previewOf(context: CommandContext, options: Record<string, string>, mailQuota: number | undefined): Promise<ReminderPreview> {
  const [path, ...extra] = context.positionals;
  if (!path || extra.length > 0) throw new UsageError(`参数个数不对。用法：banzhuren ${remindersUsage}`);
  if (!existsSync(path)) throw new UsageError(`找不到文件：${path}`);
  const { openWorkbookRuntime } = await loadWorkbookParts();
  const runtime = await openWorkbookRuntime({ path, today: context.today, as: context.as, counter: context.counter, print: context.err, readOnly: true, mailQuota });
  try {
    return runtime.bundle.call('runPreviewReminders_', options) as ReminderPreview;
  } catch (error) {
    if ((error as { name?: unknown } | null)?.name === 'ArgumentError') throw new UsageError(errorMessage(error));
    throw new Error(errorMessage(error));
  } finally {
    recordExecutionTime(context, runtime);
    runtime.close();
  }
}

/** Prints a preview (text): each digest, then what waits, what was sent already, who cannot be reached. */
function printPreview(context: CommandContext, preview: ReminderPreview): void {
  const state = preview.on ? '每日提醒已开启' : '每日提醒尚未开启（预览照样列出，开启后才会发送）';
  context.out(`${preview.date}（${weekdayOf(preview.date)}，${preview.workingDay ? '工作日' : '休息日'}）：${state}`);
  if (!preview.workingDay) context.out('今天不是工作日，不发送任何提醒；到期的提醒在下一个工作日发送');
  for (const digest of preview.digests) {
    context.out('');
    context.out(`收件人：${digest.recipient}（${digest.reminders.length} 项）`);
    context.out(`主题：${digest.subject}`);
    for (const line of digest.body.split(/\r?\n/)) context.out(`  ${line}`);
  }
  context.out('');
  const quotaNote = preview.digests.length > preview.quota ? `；今天的邮件配额只剩 ${preview.quota}，超出的收件人顺延到下一个工作日并优先发送` : '';
  context.out(`将发出 ${preview.mails} 封提醒邮件${quotaNote}；已发送过而不再发送 ${preview.alreadySent} 项；今天已发过、留到明天 ${preview.heldForTomorrow} 项`);
  for (const entry of preview.unaddressed) context.err(`提示：${unaddressedWhere(entry)}无法提醒：${entry.why}`);
  for (const problem of preview.problems) context.err(`提示：${problem}`);
}

/** Where an unaddressed reminder is, `推荐名单第5行 张三：`; '' for one about no row (a failed job, a missing calendar year). */
function unaddressedWhere(entry: UnaddressedReminder): string {
  return entry.row === 0 ? '' : `${entry.sheet}第${entry.row}行 ${entry.name}：`;
}

/** What `reminders on` did, in Chinese: turned on and installed, already on by the same user, or on by someone else (nothing changed). */
export function remindersOnText(result: RemindersOnResult, as: string, book: string): string {
  if (result.by.toLowerCase() !== as.toLowerCase()) {
    return `每日提醒已由 ${result.by} 开启，提醒由其定时任务以其账号发出；本次没有做任何修改，也没有安装定时任务`;
  }
  return `已开启每日提醒（${result.by}）；${result.installed ? '已安装每小时一次的定时任务' : '你的定时任务已存在，未重复安装'}。离线使用时请每天运行 banzhuren tick ${book}`;
}

/** What `reminders off` did, in Chinese: the user's trigger deleted, kept for a document batch, another user's left to delete itself, or none. */
export function remindersOffText(result: RemindersOffResult, as: string, triggerUsers: readonly string[]): string {
  if (result.removed) return '已关闭每日提醒；已删除你的定时任务';
  const mine = triggerUsers.some((user) => user.toLowerCase() === as.toLowerCase());
  const others = [...new Set(triggerUsers.filter((user) => user.toLowerCase() !== as.toLowerCase()))];
  const parts = ['已关闭每日提醒'];
  if (mine) parts.push('你的定时任务还要续做未完成的文档批次，批次完成后自动删除');
  if (others.length > 0) parts.push(`${others.join('、')} 安装的定时任务将在其下一次运行时自行删除`);
  if (!mine && others.length === 0) parts.push('没有定时任务需要删除');
  return parts.join('；');
}

/** `banzhuren reminders on|off|preview BOOK`. */
const REMINDERS_COMMAND: Command = {
  name: 'reminders',
  usage: remindersUsage,
  summary: '开启、关闭或预览每日提醒邮件（对应菜单“开启每日提醒”“关闭每日提醒”“预览提醒”）',
  details: [
    'on：开启每日提醒，并安装插件每小时一次的定时任务（已有则不重复安装）；须为“权限”表中的市级或县级账号（--as）。',
    '    定时任务以开启者的身份运行：每天在表格时区 8 点后的第一次运行中做每日任务（任期届满改状态，然后发送提醒）。',
    '    离线使用时由 banzhuren tick 模拟定时任务（见 banzhuren tick --help），可用 cron 或 Windows 任务计划程序每天运行一次。',
    '    已由另一账号开启时不做任何修改（提醒由其定时任务以其账号发出），也不另装定时任务。',
    'off：关闭每日提醒（任一市级或县级账号均可），删除自己的定时任务（若还有未完成的证书/考核表批次，留到批次完成后自动删除）；',
    '    其他账号安装的定时任务无法从这里删除，它在下一次运行时发现提醒已关闭，会自行删除。开启和关闭都记入“操作记录”。',
    'preview：列出今天（--today）会发给谁、邮件主题和正文，以及无法提醒的行（如该县在“权限”表中没有审核人）；不发送、不写入任何内容。',
    '提醒邮件只含姓名、学校、县（市、区）、状态和日期，从不含身份证号、联系电话；每项提醒只发送一次（记在“提醒记录”表）。',
  ],
  uses: ['today', 'as'],
  exitThree: '--as 的账号无权开启（不在“权限”表中、学校角色等），没有做任何修改',
  options: {
    'mail-quota': { type: 'string', value: '封数', help: 'preview：按这一每日邮件配额预览（按收件人计；默认 100），超出的显示为顺延' },
    json: {
      type: 'boolean',
      help: '以 JSON 输出：on 为 {"on":true,"installed","by"}；off 为 {"on":false,"removed"}；preview 为 {"date","workingDay","on","digests":[{"recipient","subject","body","reminders"}],"waiting","alreadySent","heldForTomorrow","unaddressed","problems","quota"}',
    },
  },
  examples: [
    'banzhuren reminders on 全市名单.xlsx --as city@yuxi.edu.cn',
    'banzhuren reminders preview 全市名单.xlsx --today 2025-09-30',
    'banzhuren reminders off 全市名单.xlsx --as city@yuxi.edu.cn',
  ],
  async run(context) {
    const [action] = context.positionals;
    if (action === undefined) throw new UsageError(`缺少 on、off 或 preview。用法：banzhuren ${remindersUsage}`);
    const book = bookContext(context);
    if (action !== 'preview' && context.options['mail-quota'] !== undefined) throw new UsageError('--mail-quota 只用于 reminders preview（和 tick）');
    try {
      if (action === 'on') {
        if (!context.as) throw new UsageError('缺少 --as（开启每日提醒的账号，须为“权限”表中的市级或县级账号；定时任务以该账号的身份运行）');
        const result = await callRefusable(book, remindersUsage, true, (runtime) => runtime.bundle.call('runRemindersOn_') as RemindersOnResult);
        if (context.options.json) context.out(JSON.stringify(result, null, 2));
        else context.out(remindersOnText(result, context.as, book.positionals[0] ?? ''));
        return 0;
      }
      if (action === 'off') {
        if (!context.as) throw new UsageError('缺少 --as（关闭每日提醒的账号，须为“权限”表中的市级或县级账号）');
        const as = context.as;
        const { result, left } = await callRefusable(book, remindersUsage, true, (runtime) => {
          const answer = runtime.bundle.call('runRemindersOff_') as RemindersOffResult;
          return { result: answer, left: clockTriggers(runtime.state).map((trigger) => trigger.user) };
        });
        if (context.options.json) context.out(JSON.stringify(result, null, 2));
        else context.out(remindersOffText(result, as, left));
        return 0;
      }
      if (action === 'preview') {
        const options: Record<string, string> = {};
        if (context.today) options.today = context.today;
        const mailQuota = checkedMailQuota(context.options['mail-quota']);
        const preview = await previewOf(book, options, mailQuota);
        if (context.options.json) context.out(JSON.stringify(preview, null, 2));
        else printPreview(context, preview);
        return 0;
      }
    } catch (error) {
      if (!(error instanceof RefusedError)) throw error;
      context.err(`banzhuren：${error.message}`);
      return EXIT_NOT_DONE;
    }
    throw new UsageError(`未知的操作“${shown(action)}”：reminders 后应为 on（开启）、off（关闭）或 preview（预览）。用法：banzhuren ${remindersUsage}`);
  },
};

/** The day's date today in the runtime's spreadsheet zone. */
function todayIn(runtime: WorkbookRuntime): string {
  const wall = wallClockAt(runtime.clock.now(), runtime.timeZone);
  return `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
}

/** The daily part of one hourly result, when it has one. */
function dailyPart(result: unknown): DailyJobResult | null {
  if (typeof result !== 'object' || result === null || !('daily' in result)) return null;
  const daily = (result as { daily: unknown }).daily;
  return typeof daily === 'object' && daily !== null ? (daily as DailyJobResult) : null;
}

/** The document part of one hourly result, when it has one. */
function documentPart(result: unknown): DocumentPart | null {
  if (typeof result !== 'object' || result === null || !('documents' in result)) return null;
  const documents = (result as { documents: unknown }).documents;
  return typeof documents === 'object' && documents !== null ? (documents as DocumentPart) : null;
}

/** The document property the daily job sets to the day it completed (or failed) on. */
const DONE_PROPERTY = 'dailyJobDone';

/** Whether a problem says the daily job failed (the add-on's text, as written to 操作记录). */
function isJobFailure(problem: string): boolean {
  return problem.startsWith('每日任务失败');
}

/**
 * How the day's daily job ended, from its results and the document properties at the end of the
 * day: failed when a run said 每日任务失败 (the add-on's failure, written to 操作记录); completed
 * when dailyJobDone is the day; unfinished when it is not although a run was cut off by the time
 * limit, stopped for its time budget or found the document busy; null when none was due (reminders
 * off, or it had already run that day before this tick).
 */
function dailyJobState(date: string, parts: readonly DailyJobResult[], killed: number, end: DayEnd | undefined): DailyJobState | null {
  const saidFailed = parts.some((daily) => daily.problems.some(isJobFailure));
  if (saidFailed) return 'failed';
  if (end?.doneOn === date) return parts.length > 0 || killed > 0 ? 'completed' : null;
  return end?.on === true && (killed > 0 || parts.length > 0) ? 'unfinished' : null;
}

/** One simulated day of a TickReport, summed over its executions; `emails` are those MailApp accepted that day. */
function tickDay(day: TickReport['days'][number], emails: ShownMail[], killed: number, end: DayEnd | undefined): TickDay {
  const parts = day.results.map(dailyPart).filter((daily): daily is DailyJobResult => daily !== null);
  const ran = parts.filter((daily) => daily.ran);
  const job = dailyJobState(day.date, parts, killed, end);
  // A run refused (the document busy) before one that completed said nothing that still holds.
  const told = job === 'completed' ? ran : parts;
  const documents = day.results.map(documentPart).filter((part): part is DocumentPart => part !== null);
  const lastDocuments = documents[documents.length - 1];
  // Counted over every run, also a failed one: its failure is mailed to the city at once.
  const sum = (pick: (daily: DailyJobResult) => number) => parts.reduce((total, daily) => total + pick(daily), 0);
  const delivery = day.delivery as TickReport['days'][number]['delivery'] & { uncertain?: string[] };
  return {
    date: day.date,
    workingDay: ran.length > 0 ? ran.some((daily) => daily.workingDay) : null,
    executions: day.executions,
    killed,
    dailyJob: ran.length > 0,
    job,
    emails: emails.filter((mail) => mail.date === day.date).map(({ recipient, subject }) => ({ recipient, subject })),
    reminders: sum((daily) => daily.sent.reduce((count, digest) => count + digest.reminders, 0)),
    waiting: sum((daily) => daily.waiting),
    failed: sum((daily) => daily.failed),
    alreadySent: sum((daily) => daily.alreadySent),
    heldForTomorrow: sum((daily) => daily.heldForTomorrow),
    moved: sum((daily) => daily.moved),
    unaddressed: ran.flatMap((daily) => daily.unaddressed),
    problems: [...new Set(told.flatMap((daily) => daily.problems))],
    documents:
      lastDocuments === undefined
        ? null
        : {
            created: documents.reduce((total, part) => total + (Array.isArray(part.created) ? part.created.length : 0), 0),
            pending: typeof lastDocuments.pending === 'number' ? lastDocuments.pending : null,
            done: lastDocuments.done === true,
          },
    mail: { written: delivery.written, delivered: delivery.delivered, failed: delivery.failed, uncertain: delivery.uncertain ?? [] },
  };
}

/** The distinct files of delivery failures (a file tried by several executions counts once). */
function distinctFiles(entries: readonly { file: string }[]): string[] {
  return [...new Set(entries.map((entry) => entry.file))];
}

/** One day as a Chinese line: the date, working day or not, digests sent, waiting, failed, how the daily job ended, the mail delivered. */
function dayLine(day: TickDay, dryRun: boolean): string {
  const head = `${day.date}（${weekdayOf(day.date)}${day.workingDay === null ? '' : day.workingDay ? '，工作日' : '，休息日'}）`;
  const parts: string[] = [];
  if (day.emails.length > 0) {
    const items = day.killed === 0 ? `（${day.reminders} 项）` : '';
    parts.push(`${dryRun ? '将发出' : '发出'}提醒邮件 ${day.emails.length} 封${items}：${day.emails.map((mail) => mail.recipient).join('、')}`);
  } else if (day.job === 'failed' || day.job === 'unfinished') {
    // Said below.
  } else if (day.workingDay === false) {
    parts.push('不是工作日，不发送提醒');
  } else if (day.dailyJob) {
    parts.push('没有要发送的提醒');
  } else if (day.executions === 0) {
    parts.push('定时任务当天没有运行（它的下一次运行在这一天之后）');
  } else if (day.killed === 0) {
    parts.push('没有运行每日任务（当天已运行过，或每日提醒已关闭）');
  }
  if (day.job === 'failed') parts.push('每日任务失败（原因见下，已写入“操作记录”）');
  if (day.job === 'unfinished') {
    const why = day.killed > 0 ? `${day.killed} 次执行被时限中断` : '每次运行都没能做完';
    parts.push(`每日任务当天没有完成（${why}）：下一次定时运行接着做，已记录的提醒不会重发`);
  }
  if (day.waiting > 0) parts.push(`${day.waiting} 项因邮件配额用完，顺延到下一个工作日优先发送`);
  if (day.failed > 0) parts.push(`发送失败 ${day.failed} 项（见“提醒记录”表）`);
  if (day.killed > 0 && day.job !== 'unfinished') {
    parts.push(day.job === 'completed' ? `${day.killed} 次执行被时限中断，之后的运行完成了每日任务（已记录的提醒不会重发）` : `${day.killed} 次执行被时限中断，由下一次定时运行接着做`);
  }
  if (day.moved > 0) parts.push(`任期届满改状态 ${day.moved} 行`);
  if (day.documents) parts.push(`续做文档：新建 ${day.documents.created} 份${day.documents.done ? '，批次已完成' : day.documents.pending !== null ? `，尚有 ${day.documents.pending} 份` : ''}`);
  if (!dryRun) {
    const failedFiles = distinctFiles(day.mail.failed).length;
    if (day.mail.delivered > 0 || failedFiles > 0) parts.push(`经 SMTP 服务器投递 ${day.mail.delivered} 封${failedFiles > 0 ? `，${failedFiles} 封投递失败（留在发件箱，下次运行重试）` : ''}`);
    if (day.mail.uncertain.length > 0) parts.push(`${day.mail.uncertain.length} 封在上次投递时中断，不确定是否已发出（不会自动重发，见下）`);
  }
  return `${head}：${parts.join('；')}`;
}

/** The files still listed in the outbox's undelivered list (MAIL's .banzhuren-undelivered.json), by name; [] when none. */
function stillUndelivered(folder: string, undeliveredFile: string): string[] {
  const path = join(folder, undeliveredFile);
  if (!existsSync(path)) return [];
  try {
    const entries: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return Array.isArray(entries) ? entries.map((entry) => (entry as { file?: unknown } | null)?.file).filter((file): file is string => typeof file === 'string') : [];
  } catch {
    return [];
  }
}

/** Every email the runtime's MailApp accepted in this run, with the day it was sent (what --dry-run prints). */
function acceptedMail(runtime: WorkbookRuntime): ShownMail[] {
  return runtime.outbox.sent.map((mail) => {
    const wall = wallClockAt(mail.sentAt, mail.timeZone);
    const date = `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
    return { date, recipient: [...mail.to, ...mail.cc, ...mail.bcc].join('、'), subject: mail.subject, body: mail.body };
  });
}

/** `banzhuren tick BOOK`. */
const TICK_COMMAND: Command = {
  name: 'tick',
  usage: tickUsage,
  summary: '模拟插件的定时任务：从 --today 起逐日运行（每日任务、提醒邮件、续做文档批次），邮件写入发件箱文件夹（.eml），配置了 SMTP 时同时发出',
  details: [
    '按 Google 的方式运行表格中已安装的定时任务（由 banzhuren reminders on 安装）：从 --today 起共 --days 天，每天从 0 点到 24 点（表格时区）',
    '逐次触发；每天 8 点后的第一次运行做每日任务：任期届满的“已认定”行改为“任期届满”，然后（工作日）给每位收件人发一封提醒邮件。',
    '每项提醒只发送一次：先记入“提醒记录”表并保存，再发送；中途被终止后再次运行，不会重复发送（最多少发，缺的在“提醒记录”中可查）。',
    '邮件：每封写成一个 .eml 文件（可用 Outlook、Foxmail、Thunderbird 打开）存入 --outbox 文件夹（默认为表格旁的“发件箱”文件夹）；',
    '环境变量 BANZHUREN_SMTP=smtp://用户名:密码@服务器:端口（或 smtps://…），否则“设置”表的“邮件服务器”，给出时同时经该服务器发出；',
    '投递失败的邮件记在发件箱的 .banzhuren-undelivered.json 中，下次运行时重试；投递途中进程中断的邮件不会重发，列为“不确定是否已发出”，请核实。密码不会出现在任何输出中。',
    '运行前先检查：邮件服务器地址无效（注明来自环境变量还是“设置”表第几行）、发件箱文件夹无法创建或写入时，退出码 2，不运行定时任务，表格不变。',
    '--mail-quota 模拟每天的邮件配额（按收件人计；默认 100，即个人 Google 账号的限额）：当天发不完的在下一个工作日优先发送，“提醒记录”记为“等待”。',
    '--dry-run 在内存中模拟同样的天数，逐封列出会发出的邮件（收件人、主题、正文），不保存表格、不写发件箱、不发送。',
    '每天在标准输出打印一行：日期、是否工作日、插件发出几封、几项顺延、几项发送失败、SMTP 投递几封；每日任务失败（如“节假日”表有无法识别的日期）或当天没有完成（每次运行都被时限中断）也写在这一行，原因写在其下的“问题：”行；--json 输出 JSON。',
  ],
  uses: ['today'],
  exitThree: '每日提醒尚未开启（没有定时任务，没有运行）；或某天的每日任务失败、当天没有完成；或有需要处理的问题（“问题：”行）、有提醒发送失败、有邮件未能投递到 SMTP 服务器（下次运行重试）或不确定是否已投递',
  options: {
    days: { type: 'string', value: '天数', help: `从 --today 起模拟的天数（1 到 ${MAX_TICK_DAYS}，默认 1）` },
    outbox: { type: 'string', value: '文件夹', help: '存放 .eml 邮件文件的文件夹（默认为表格旁的“发件箱”；不存在则新建）' },
    'mail-quota': { type: 'string', value: '封数', help: '模拟每天的邮件配额（按收件人计；默认 100，即个人账号的限额；Workspace 为 1500）' },
    'dry-run': { type: 'boolean', help: '只模拟并列出会发出的邮件：不保存表格、不写发件箱、不发送' },
    'time-limit': { type: 'string', value: '秒', help: '模拟 Apps Script 单次执行的时限（默认 360 秒）；被时限中断的执行由下一次定时运行接着做，已记录的提醒不会重发' },
    json: {
      type: 'boolean',
      help: '以 JSON 输出：{"from","dryRun","on","days":[{"date","workingDay","executions","killed","dailyJob","job"（completed 完成、failed 失败、unfinished 当天没有完成，或 null）,"emails":[{"recipient","subject"}],"reminders","waiting","failed","alreadySent","heldForTomorrow","moved","unaddressed","problems","documents","mail":{"written","delivered","failed","uncertain"}}],"executions","killed","emails","mail":{"outbox","written","delivered","failed","undelivered","uncertain"}}；--dry-run 时另有 "digests":[{"date","recipient","subject","body"}]',
    },
  },
  examples: [
    'banzhuren tick 全市名单.xlsx',
    'banzhuren tick 全市名单.xlsx --today 2025-09-15 --days 30 --outbox 发件箱 --mail-quota 20',
    'banzhuren tick 全市名单.xlsx --today 2025-09-30 --dry-run',
    'BANZHUREN_SMTP=smtps://city%40yuxi.edu.cn:授权码@smtp.example.com:465 banzhuren tick 全市名单.xlsx',
  ],
  async run(context) {
    const [path, ...extra] = context.positionals;
    if (!path || extra.length > 0) throw new UsageError(`参数个数不对。用法：banzhuren ${tickUsage}`);
    const days = checkedDays(context.options.days);
    const mailQuota = checkedMailQuota(context.options['mail-quota']);
    const outbox = checkedOutbox(context.options.outbox);
    const dryRun = context.options['dry-run'] === true;
    const timeLimitSeconds = checkedTimeLimit(context.options['time-limit']);
    if (!existsSync(path)) throw new UsageError(`找不到文件：${path}`);
    if (statSync(path).isDirectory()) throw new UsageError(`应为 .xlsx 文件，而“${shown(path)}”是一个文件夹`);
    // A simulated day starts at 00:00 (its hourly firings before 08:00 do no daily job); without --today, the real today from now on.
    const parts = await loadWorkbookParts();
    const { openWorkbookRuntime, prepareOutbox, DEFAULT_OUTBOX_NAME, UNDELIVERED_FILE } = parts;
    const runtime = await openWorkbookRuntime({
      path,
      today: context.today,
      startTime: '00:00',
      counter: context.counter,
      print: context.err,
      readOnly: dryRun,
      outbox,
      mailQuota,
      dryRunMail: dryRun,
      timeLimitSeconds,
    });
    try {
      const from = context.today ?? todayIn(runtime);
      const on = runtime.state.documentProperties.has(REMINDERS_PROPERTY);
      // No time-driven trigger at all: reminders were never turned on (or turned off) — nothing to simulate.
      if (clockTriggers(runtime.state).length === 0) {
        context.err(`banzhuren：${path} 的每日提醒尚未开启（没有定时任务），没有运行。请先运行 banzhuren reminders on ${path} --as 市级或县级账号的邮箱（或在 Google 表格中点“开启每日提醒”）`);
        return EXIT_NOT_DONE;
      }
      // Before any execution records a reminder: a mail server that cannot be used, an outbox that cannot be written (exit 2, nothing run).
      checkSmtpSetting(runtime, parts);
      if (!dryRun) {
        try {
          prepareOutbox(runtime.outbox.folder);
        } catch (error) {
          throw new UsageError(`${errorMessage(error)}（${outbox === undefined ? `默认发件箱：表格旁的“${DEFAULT_OUTBOX_NAME}”文件夹；可用 --outbox 另选` : '--outbox 指定的文件夹'}）；没有运行定时任务，表格未修改`);
        }
      }
      let report: TickReport;
      const killedOn = new Map<string, number>();
      const dayEnds = new Map<string, DayEnd>();
      try {
        report = await runTicks(runtime, {
          from,
          days,
          afterExecution: (execution) => {
            recordExecutionTime(context, runtime);
            if (execution.killed) killedOn.set(execution.date, (killedOn.get(execution.date) ?? 0) + 1);
          },
          afterDay: (day) => {
            const properties = runtime.state.documentProperties;
            dayEnds.set(day.date, { doneOn: properties.get(DONE_PROPERTY) ?? '', on: properties.has(REMINDERS_PROPERTY) });
          },
        });
      } catch (error) {
        throw new Error(errorMessage(error));
      }
      context.stats.executions = report.executions;
      context.stats.killed = report.killed;
      const accepted = acceptedMail(runtime);
      const tickDays = report.days.map((day) => tickDay(day, accepted, killedOn.get(day.date) ?? 0, dayEnds.get(day.date)));
      const emails = accepted.length;
      const failed = tickDays.reduce((total, day) => total + day.failed, 0);
      const written = tickDays.flatMap((day) => day.mail.written);
      const delivered = tickDays.reduce((total, day) => total + day.mail.delivered, 0);
      const failures = tickDays.flatMap((day) => day.mail.failed);
      // Counted by file, not by attempt: what is still listed undelivered at the end (a later retry may have delivered it).
      const failedFiles = distinctFiles(failures);
      const leftNames = new Set(dryRun ? [] : stillUndelivered(runtime.outbox.folder, UNDELIVERED_FILE));
      const undelivered = failedFiles.filter((file) => leftNames.has(basename(file)));
      const uncertain = [...new Set(tickDays.flatMap((day) => day.mail.uncertain))];
      const jobNotDone = tickDays.filter((day) => day.job === 'failed' || day.job === 'unfinished');
      const problems = tickDays.some((day) => day.problems.length > 0);
      const shownMail = dryRun ? accepted : [];
      context.stats.emails = emails;
      for (const file of undelivered) {
        const last = [...failures].reverse().find((entry) => entry.file === file) as { message: string };
        context.err(`提示：${basename(file)}：${last.message}（已留在发件箱，下次运行 tick 时重试）`);
      }
      for (const file of uncertain) context.err(`提示：${basename(file)}：上次投递到邮件服务器时进程中断，不确定对方是否已收到；不会自动重发，请向收件人核实，需要时用邮件程序打开该文件转发`);
      if (context.options.json) {
        const mail = { outbox: runtime.outbox.folder, written: written.length, delivered, failed: failures, undelivered: undelivered.map((file) => basename(file)), uncertain: uncertain.map((file) => basename(file)) };
        context.out(JSON.stringify({ from, dryRun, on, days: tickDays, executions: report.executions, killed: report.killed, emails, mail, ...(dryRun ? { digests: shownMail } : {}) }, null, 2));
      } else {
        if (!on) {
          const batch = tickDays.some((day) => day.documents !== null);
          context.err(`提示：每日提醒已关闭，不发送提醒${batch ? '；定时任务只为续做未完成的文档批次而运行' : ''}；要发送提醒请运行 banzhuren reminders on`);
        }
        const said = new Set<string>();
        const sayOnce = (line: string, key = line) => {
          if (!said.has(key)) context.err(line);
          said.add(key);
        };
        const problemsSaid = new Set<string>();
        for (const day of tickDays) {
          context.out(dayLine(day, dryRun));
          const repeated = day.problems.filter((problem) => problemsSaid.has(problem));
          for (const problem of day.problems.filter((each) => !problemsSaid.has(each))) {
            context.out(`  问题：${problem}`);
            problemsSaid.add(problem);
          }
          if (repeated.length > 0) context.out(`  另有 ${repeated.length} 项问题与前几天相同（见上）`);
          for (const entry of day.unaddressed) sayOnce(`提示：${day.date} 起 ${unaddressedWhere(entry)}无法提醒：${entry.why}`, `${entry.kind}|${entry.sheet}|${entry.row}|${entry.why}`);
          for (const mail of shownMail.filter((entry) => entry.date === day.date)) {
            context.out(`  收件人：${mail.recipient}`);
            context.out(`  主题：${mail.subject}`);
            for (const line of mail.body.split(/\r?\n/)) context.out(`    ${line}`);
          }
        }
        const notDone = jobNotDone.length > 0 ? `；每日任务有 ${jobNotDone.length} 天失败或没有完成（${jobNotDone.map((day) => day.date).join('、')}）` : '';
        if (dryRun) {
          context.out(`模拟 ${days} 天（执行 ${report.executions} 次）：将发出提醒邮件 ${emails} 封${notDone}；未保存表格，未写发件箱，未发送`);
        } else {
          const smtp = delivered > 0 || failedFiles.length > 0 ? `，经 SMTP 服务器投递 ${delivered} 封${undelivered.length > 0 ? `，${undelivered.length} 封未能投递（留在发件箱，下次重试）` : ''}` : '';
          const unsure = uncertain.length > 0 ? `；${uncertain.length} 封不确定是否已发出（见上）` : '';
          context.out(`共 ${days} 天（执行 ${report.executions} 次）：发出提醒邮件 ${emails} 封${failed > 0 ? `，发送失败 ${failed} 项` : ''}；写入发件箱 ${runtime.outbox.folder} ${written.length} 个 .eml 文件${smtp}${unsure}${notDone}`);
        }
      }
      return failed > 0 || undelivered.length > 0 || uncertain.length > 0 || jobNotDone.length > 0 || problems ? EXIT_NOT_DONE : 0;
    } finally {
      runtime.close();
    }
  },
};

/** The reminder commands of the CLI. */
export const REMINDER_COMMANDS: Command[] = [REMINDERS_COMMAND, TICK_COMMAND];
