/**
 * The add-on's one time-driven trigger (an Editor add-on may have one per user per document, at
 * most hourly): every hour it runs the daily job when it is due (reminders on, the first run at or
 * after DAILY_JOB_HOUR in the spreadsheet's zone, once a day), then continues an unfinished
 * document batch. The handler's name lives here once, used by ScriptApp.newTrigger and exported
 * from main.ts.
 */
import { DEFAULT_PRESET } from '../domain/presets';
import { runDocumentBatch, type DocumentRunResult } from '../gas/document-batch';
import { readJob, removeHourlyTrigger } from '../gas/document-job';
import { runDailyJobWhenDue, type DailyJobResult } from '../gas/reminder-job';
import { readRemindersSwitch } from '../gas/reminder-state';
import { activeUserEmail } from '../gas/session';
import { activeSpreadsheet } from '../gas/spreadsheet';
import { DAILY_JOB_ACTOR, runDailyJobs } from './workflow-actions';

/**
 * The name of the hourly trigger's function: src/main.ts exports onHourlyTrigger under this name
 * (test/bundle/document-batches.test.ts checks that the trigger a batch installs names a global).
 */
export const HOURLY_TRIGGER_HANDLER = 'onHourlyTrigger';

/** What one hourly run did: the daily job's result and the document batch's, each null when it did not run. */
export interface HourlyRunResult {
  daily: DailyJobResult | null;
  documents: DocumentRunResult | null;
}

/**
 * Hourly trigger: the daily job when due, then the unfinished document batch; null when neither ran.
 * With reminders off (or on by another user) and no batch left, it deletes its own trigger
 * (another user's 关闭每日提醒 cannot: Google shows each user only their own triggers).
 */
export function onHourlyTrigger(event?: unknown): HourlyRunResult | null {
  void event;
  const started = Date.now();
  const spreadsheet = activeSpreadsheet();
  // Only the trigger of whoever turned reminders on sends them (another's stays only for a document batch).
  const switched = readRemindersSwitch();
  const user = activeUserEmail();
  const mine = switched !== null && (user === '' || user === switched.by.toLowerCase());
  const daily = mine ? runDailyJobWhenDue(spreadsheet, () => runDailyJobs().moved.length, DAILY_JOB_ACTOR, DEFAULT_PRESET, started) : null;
  const job = readJob();
  const documents = job === null ? null : runDocumentBatch(spreadsheet, job.options, { continuation: job }, HOURLY_TRIGGER_HANDLER, DEFAULT_PRESET);
  if (!mine && readJob() === null) removeHourlyTrigger(spreadsheet, HOURLY_TRIGGER_HANDLER);
  if (daily === null && documents === null) return null;
  return { daily, documents };
}
