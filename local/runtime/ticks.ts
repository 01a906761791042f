/**
 * Simulated days for `banzhuren tick`: for each day from `from` (00:00 to 24:00 in the
 * spreadsheet's time zone) every time-driven trigger due in that day fires, in time order (ties in
 * install order), each as a new execution run as the user who installed it — several users'
 * triggers due in the same hour all fire, one after the other, with Google's time-driven event object. Google
 * does not catch up runs it missed: a periodic trigger whose next firing is before the time the
 * run starts moves on to its first firing from then. After every execution that changed the
 * workbook or sent mail, the workbook is saved and only then the mail delivered (so a run killed
 * before its save sends nothing it has not recorded). An execution that changed nothing is not
 * saved: running it again after a crash changes nothing either.
 */
import { clockTriggers, type StoredTrigger } from '../services/script/script-app';
import type { DeliveryReport } from '../services/mail/outbox';
import type { WorkbookRuntime } from '../workbook-runtime';
import { runExecution, startTriggerExecution } from './continuations';
import { instantOfDateAndTime } from './time-zones';

/** One execution runTicks ran. */
export interface TickExecution {
  /** The simulated day, 'YYYY-MM-DD'. */
  date: string;
  /** When the trigger fired, milliseconds since the epoch. */
  firing: number;
  handler: string;
  /** The user it ran as (the trigger's installer). */
  user: string;
  /** What the handler returned; null when the time limit killed it. */
  result: unknown;
  killed: boolean;
  /** Whether the workbook was saved after it. */
  saved: boolean;
  /** The delivery of the mail it sent, null when it sent none. */
  delivery: DeliveryReport | null;
}

/** One simulated day. */
export interface TickDay {
  date: string;
  executions: number;
  /** Each execution's result, in order (null for one the time limit killed). */
  results: unknown[];
  /** The day's deliveries together: files written, messages the SMTP server took, failures (the first day's include the retries of messages an earlier run left undelivered). */
  delivery: DeliveryReport;
}

/** What runTicks did. */
export interface TickReport {
  days: TickDay[];
  executions: number;
  killed: number;
}

/** Options of runTicks. */
export interface TickOptions {
  /** The first simulated day, 'YYYY-MM-DD'. */
  from: string;
  /** How many days (at least 1). */
  days: number;
  /** Called after each execution was saved and its mail delivered. */
  afterExecution?: (execution: TickExecution) => void | Promise<void>;
  /** Called at the end of each day. */
  afterDay?: (day: TickDay) => void | Promise<void>;
}

/** Executions in one simulated day past which runTicks stops (a trigger re-creating itself without pause). */
export const MAX_EXECUTIONS_PER_DAY = 1000;

/** The calendar day after 'YYYY-MM-DD'. */
export function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** Moves every periodic trigger due before `instant` to its first firing at or after it (Google does not catch up missed runs). */
function skipMissedRuns(triggers: readonly StoredTrigger[], instant: number): void {
  for (const trigger of triggers) {
    if (trigger.periodMs && trigger.nextFiring < instant) {
      trigger.nextFiring += Math.ceil((instant - trigger.nextFiring) / trigger.periodMs) * trigger.periodMs;
    }
  }
}

/**
 * Runs `days` simulated days from `from`, firing the workbook's time-driven triggers; see the file
 * comment. No time-driven trigger installed: an empty report. Firings before the clock's start
 * (the runtime's `today` at its `startTime`, 09:00 by default; `banzhuren tick` opens at 00:00)
 * count as missed. The active user is left as the last trigger's.
 */
export async function runTicks(runtime: WorkbookRuntime, options: TickOptions): Promise<TickReport> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.from)) throw new Error(`日期应为 YYYY-MM-DD，收到“${options.from}”`);
  if (!(Number.isInteger(options.days) && options.days >= 1)) throw new Error(`天数应为正整数，收到“${String(options.days)}”`);
  if (instantOfDateAndTime(nextDate(options.from), 0, 0, runtime.timeZone) <= runtime.clock.now()) {
    throw new Error(`起始日期 ${options.from} 已经过去：模拟时钟已到 ${new Date(runtime.clock.now()).toISOString()}，请用不早于当天的日期`);
  }
  const report: TickReport = { days: [], executions: 0, killed: 0 };
  if (clockTriggers(runtime.state).length === 0) return report;
  // Messages an earlier run left undelivered go first; they count in the first day's delivery.
  let carried: DeliveryReport | null = await runtime.deliverMail();

  let date = options.from;
  for (let index = 0; index < options.days; index += 1, date = nextDate(date)) {
    const day: TickDay = { date, executions: 0, results: [], delivery: carried ?? { written: [], delivered: 0, failed: [], uncertain: [] } };
    carried = null;
    const dayEnd = instantOfDateAndTime(nextDate(date), 0, 0, runtime.timeZone);
    runtime.clock.moveTo(instantOfDateAndTime(date, 0, 0, runtime.timeZone));
    // Runs missed before the day (the clock's start, days nobody ticked) are skipped once, here: inside
    // the day every trigger due fires, each user's as its own execution, one after the other in time
    // and install order, also when another's execution ran past its time (Google runs them all).
    skipMissedRuns(clockTriggers(runtime.state), runtime.clock.now());
    for (;;) {
      const [next] = clockTriggers(runtime.state);
      if (!next || Math.max(next.nextFiring, runtime.clock.now()) >= dayEnd) break;
      if (day.executions >= MAX_EXECUTIONS_PER_DAY) {
        throw new Error(`${date} 一天内定时任务已运行 ${day.executions} 次，已停止：处理函数 ${next.handler} 似乎在不停地重新安排自己`);
      }
      const execution = await fire(runtime, next, date);
      day.executions += 1;
      day.results.push(execution.result);
      if (execution.killed) report.killed += 1;
      if (execution.delivery) {
        day.delivery.written.push(...execution.delivery.written);
        day.delivery.delivered += execution.delivery.delivered;
        day.delivery.failed.push(...execution.delivery.failed);
        day.delivery.uncertain.push(...execution.delivery.uncertain);
      }
      await options.afterExecution?.(execution);
    }
    report.executions += day.executions;
    report.days.push(day);
    await options.afterDay?.(day);
  }
  return report;
}

/** Fires one trigger as a new execution, then saves (when it changed something or sent mail) and delivers its mail. */
async function fire(runtime: WorkbookRuntime, trigger: StoredTrigger, date: string): Promise<TickExecution> {
  const firing = Math.max(trigger.nextFiring, runtime.clock.now());
  const oneOff = !trigger.periodMs;
  const event = startTriggerExecution(runtime, trigger, firing);
  // A used-up one-off trigger must be saved as gone; a periodic one's next firing need not be (missed runs are skipped).
  if (oneOff) runtime.markChanged();
  const changesBefore = runtime.changeCount;
  const finish = async (): Promise<{ saved: boolean; delivery: DeliveryReport | null }> => {
    const mailSent = runtime.outbox.queued.length > 0;
    const saved = runtime.canSave && (oneOff || mailSent || runtime.changeCount > changesBefore) ? await runtime.save() : false;
    return { saved, delivery: mailSent ? await runtime.deliverMail() : null };
  };
  let outcome: { result: unknown; completed: boolean };
  try {
    outcome = runExecution(runtime, () => runtime.bundle.call(trigger.handler, event));
  } catch (error) {
    // What the execution did before it failed stays done, as in Apps Script: saved, its mail delivered.
    await finish();
    throw error;
  }
  const { saved, delivery } = await finish();
  return { date, firing, handler: trigger.handler, user: trigger.user, result: outcome.result, killed: !outcome.completed, saved, delivery };
}
