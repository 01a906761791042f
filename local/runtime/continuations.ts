/**
 * Runs a long job the way Google would: a first execution, then one execution per firing of the
 * workbook's time-driven triggers on the simulated clock, until the job says it is done. An
 * execution killed by the time limit ("Exceeded maximum execution time") is counted, not fatal:
 * the next firing continues from what the job saved. The workbook is saved after every execution,
 * so killing the process between executions keeps the progress. Issue 10's `banzhuren tick` uses
 * the same loop for daily jobs: it fires whatever time-driven trigger is due next, whatever its handler.
 */
import { errorMessage } from './bundle';
import { EXECUTION_LIMIT_MESSAGE } from './clock';
import { clockTriggers, type StoredTrigger } from '../services/script/script-app';
import type { WorkbookRuntime } from '../workbook-runtime';

/** Options of runWithContinuations. */
export interface ContinuationOptions {
  /** Executions in a row without progress before giving up (default 500). */
  maxExecutions?: number;
  /** Called after each execution was saved, with how many ran so far (a progress line, a test's pause). */
  afterExecution?: (executions: number) => void | Promise<void>;
}

/** What runWithContinuations did. */
export interface ContinuationResult<T> {
  /** Executions run, the first included (the figure `--stats` prints). */
  executions: number;
  /** Each execution's result, in order; null for one the time limit killed. */
  results: (T | null)[];
  /** Executions killed by the time limit. */
  killed: number;
}

/** Executions without progress after which the loop gives up. */
export const DEFAULT_MAX_EXECUTIONS = 500;

/**
 * The document part of a result: the hourly trigger answers `{ daily, documents }` (the daily job's
 * result and the document batch's, each null when it did not run); a document run answers the
 * batch's result itself.
 */
function documentPart(result: unknown): unknown {
  if (typeof result === 'object' && result !== null && 'documents' in result) return (result as { documents: unknown }).documents;
  return result;
}

/** Whether a result says the job is finished: `{ done: true }`. */
function isDone(outcome: unknown): boolean {
  const result = documentPart(outcome);
  return typeof result === 'object' && result !== null && (result as { done?: unknown }).done === true;
}

/** How many documents a result says its execution finished (`created` and `skipped` lists), when it says so. */
function finishedOf(outcome: unknown): number {
  const result = documentPart(outcome);
  if (typeof result !== 'object' || result === null) return 0;
  const { created, skipped } = result as { created?: unknown; skipped?: unknown };
  return (Array.isArray(created) ? created.length : 0) + (Array.isArray(skipped) ? skipped.length : 0);
}

/** The rows a result says are left (`pending`), when it says so. */
function pendingOf(outcome: unknown): number | undefined {
  const result = documentPart(outcome);
  const pending = typeof result === 'object' && result !== null ? (result as { pending?: unknown }).pending : undefined;
  return typeof pending === 'number' ? pending : undefined;
}

/**
 * Google's event object for a time-driven trigger (https://developers.google.com/apps-script/guides/triggers/events,
 * "Time-driven events"): the firing time's fields in UTC, the trigger's id and the authorization mode.
 */
export function timeDrivenEvent(runtime: WorkbookRuntime, trigger: StoredTrigger, instant: number): Record<string, unknown> {
  const date = new Date(instant);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const event = new runtime.bundle.realm.Object() as Record<string, unknown>;
  Object.assign(event, {
    authMode: 'FULL',
    'day-of-month': date.getUTCDate(),
    'day-of-week': date.getUTCDay() === 0 ? 7 : date.getUTCDay(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    month: date.getUTCMonth() + 1,
    second: date.getUTCSeconds(),
    timezone: 'UTC',
    triggerUid: trigger.id,
    'week-of-year': Math.floor((instant - yearStart) / (7 * 24 * 60 * 60 * 1000)) + 1,
    year: date.getUTCFullYear(),
  });
  return event;
}

/**
 * Starts the execution a trigger fires at `firing`: the clock moves there and a new execution
 * starts, run as the user who installed the trigger (Google runs an installable trigger as its
 * installer); the trigger's own schedule moves on before its handler runs (a one-off trigger is
 * used up). Returns the time-driven event object to hand the handler.
 */
export function startTriggerExecution(runtime: WorkbookRuntime, trigger: StoredTrigger, firing: number): Record<string, unknown> {
  runtime.clock.moveTo(firing);
  runtime.clock.startExecution();
  if (runtime.activeUser !== trigger.user) runtime.setActiveUser(trigger.user);
  // A periodic trigger keeps its schedule when it fired late within its period (behind another user's execution).
  if (trigger.periodMs) {
    const scheduled = trigger.nextFiring;
    trigger.nextFiring = (scheduled <= firing && firing - scheduled < trigger.periodMs ? scheduled : firing) + trigger.periodMs;
  }
  else runtime.state.triggers.splice(runtime.state.triggers.indexOf(trigger), 1);
  return timeDrivenEvent(runtime, trigger, firing);
}

/**
 * Runs one execution: an execution the time limit kills ("Exceeded maximum execution time") gives
 * null and `completed: false` instead of throwing; any other error is thrown. A completed
 * execution's open documents are saved as Apps Script does at its end; a killed one's unsaved
 * changes are lost (the conservative reading: the job must not rely on them).
 */
export function runExecution<T>(runtime: WorkbookRuntime, call: () => T): { result: T | null; completed: boolean } {
  let outcome: { result: T | null; completed: boolean };
  try {
    outcome = { result: call(), completed: true };
  } catch (error) {
    if (!errorMessage(error).includes(EXECUTION_LIMIT_MESSAGE)) throw error;
    outcome = { result: null, completed: false };
  }
  if (outcome.completed) runtime.endExecution();
  else runtime.abandonExecution();
  return outcome;
}

/**
 * Runs `first` as execution 1, then, while the last result is not `{ done: true }` and a
 * time-driven trigger is installed, moves the clock to the next firing, starts a new execution and
 * calls that trigger's handler with a time-driven event object. A completed execution whose handler
 * answers null (nothing to continue) ends the loop too. Saves the workbook after each execution.
 * Throws (in Chinese) after `maxExecutions` executions in a row without progress (no document
 * finished, nothing fewer pending).
 */
export async function runWithContinuations<T>(
  runtime: WorkbookRuntime,
  first: () => T,
  options: ContinuationOptions = {},
): Promise<ContinuationResult<T>> {
  const maxExecutions = options.maxExecutions ?? DEFAULT_MAX_EXECUTIONS;
  const results: (T | null)[] = [];
  let killed = 0;
  let idle = 0;
  let lastPending: number | undefined;

  /** Runs one execution; true when it completed (was not killed). */
  const execute = async (call: () => T): Promise<boolean> => {
    const infoLinesBefore = runtime.infoLines;
    const { result, completed } = runExecution(runtime, call);
    results.push(result);
    if (!completed) killed += 1;
    if (runtime.canSave) await runtime.save();
    await options.afterExecution?.(results.length);
    const pending = pendingOf(results[results.length - 1]);
    // Progress is a document finished (a progress line, also of a killed execution; a created or
    // skipped entry) or fewer rows pending — not any change on the drive: an execution killed
    // while copying leaves a draft the next one trashes, forever, making changes but no progress.
    const finished = runtime.infoLines > infoLinesBefore || finishedOf(results[results.length - 1]) > 0;
    const progressed = finished || (pending !== undefined && (lastPending === undefined || pending < lastPending));
    if (pending !== undefined) lastPending = pending;
    idle = progressed ? 0 : idle + 1;
    return completed;
  };

  let completed = await execute(first);
  for (;;) {
    const last = documentPart(results[results.length - 1]);
    if (isDone(last) || (completed && (last === null || last === undefined) && results.length > 1)) break;
    const [next] = clockTriggers(runtime.state);
    if (!next) break;
    if (idle >= maxExecutions) {
      throw new Error(`已连续 ${idle} 次执行没有任何进展（没有做完任何一份文档，待处理数也没有减少），已停止；请检查上面的提示后重新运行`);
    }
    const event = startTriggerExecution(runtime, next, Math.max(next.nextFiring, runtime.clock.now()));
    runtime.markChanged();
    completed = await execute(() => runtime.bundle.call(next.handler, event) as T);
  }
  return { executions: results.length, results, killed };
}
