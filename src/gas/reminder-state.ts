/**
 * What the daily reminders keep between executions, each one small JSON value in the document
 * properties: whether reminders are on (who turned them on, since when), the day the daily job
 * last ran, and the failed daily runs not yet named in a digest to the city. Writes are made under
 * the document lock by their callers.
 */

const REMINDERS_PROPERTY = 'dailyReminders';
const DONE_PROPERTY = 'dailyJobDone';
const FAILURES_PROPERTY = 'dailyJobFailures';

/** The most failures kept for the city's next digest (older ones are dropped first). */
export const MAX_KEPT_FAILURES = 20;

/** Who turned the reminders on, and on which day. */
export interface RemindersSwitch {
  by: string;
  since: string;
}

/** A failed daily run: when ('YYYY-MM-DD HH:mm' in the spreadsheet's zone) and why. */
export interface JobFailure {
  time: string;
  reason: string;
}

function properties(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

function parsed(text: string | null): unknown {
  if (text === null || text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The reminders' switch when they are on, else null. */
export function readRemindersSwitch(): RemindersSwitch | null {
  const value = parsed(properties().getProperty(REMINDERS_PROPERTY));
  if (typeof value !== 'object' || value === null) return null;
  const { by, since } = value as Partial<RemindersSwitch>;
  return typeof by === 'string' && typeof since === 'string' ? { by, since } : null;
}

/** Whether the daily reminders are on. */
export function remindersOn(): boolean {
  return readRemindersSwitch() !== null;
}

/** Turns the reminders on (call under the document lock). */
export function saveRemindersSwitch(value: RemindersSwitch): void {
  properties().setProperty(REMINDERS_PROPERTY, JSON.stringify(value));
}

/** Turns the reminders off (call under the document lock). */
export function clearRemindersSwitch(): void {
  properties().deleteProperty(REMINDERS_PROPERTY);
}

/** The day the daily job last ran ('YYYY-MM-DD'), or ''. */
export function dailyJobDoneOn(): string {
  return properties().getProperty(DONE_PROPERTY) ?? '';
}

/** Records that the daily job ran today (call under the document lock). */
export function saveDailyJobDone(today: string): void {
  properties().setProperty(DONE_PROPERTY, today);
}

/** The failed daily runs not yet named to the city, oldest first. */
export function readJobFailures(): JobFailure[] {
  const value = parsed(properties().getProperty(FAILURES_PROPERTY));
  if (!Array.isArray(value)) return [];
  return value.filter((each): each is JobFailure => typeof each === 'object' && each !== null && typeof (each as JobFailure).time === 'string' && typeof (each as JobFailure).reason === 'string');
}

/** Stores the failures still to be named, at most MAX_KEPT_FAILURES (call under the document lock); none deletes the property. */
export function saveJobFailures(failures: readonly JobFailure[]): void {
  if (failures.length === 0) properties().deleteProperty(FAILURES_PROPERTY);
  else properties().setProperty(FAILURES_PROPERTY, JSON.stringify(failures.slice(-MAX_KEPT_FAILURES)));
}
