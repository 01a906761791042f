/**
 * The state of a document batch that outlives one execution (ARCHITECTURE: long work is
 * resumable): the job (its options, the rows, the position reached, counters, whether the hourly
 * trigger was installed for it) and the count of documents created today, each one small JSON
 * value in the document properties; and the add-on's one hourly trigger, installed for a batch
 * when absent and removed after it only if it was installed for it (an Editor add-on may have one
 * time-driven trigger per user per document, at most hourly).
 */

const JOB_PROPERTY = 'documentJob';
const QUOTA_PROPERTY = 'documentsCreatedToday';

/** The options a batch was started with (what runDocuments was asked, minus check). */
export interface JobOptions {
  kind: 'certificate' | 'form';
  rows?: number[];
  regenerate?: boolean;
  pdf?: boolean;
  templateId?: string;
  folderId?: string;
  dailyQuota?: number;
  sheet?: string;
}

/** A batch in progress. */
export interface DocumentJob {
  options: JobOptions;
  /** The rows of the batch, as ranges `2-61,70`. */
  rows: string;
  /** How many of those rows are done (made, found or skipped). */
  position: number;
  created: number;
  skipped: number;
  /** Whether the hourly trigger was installed for this batch (removed when it is done). */
  triggerForBatch: boolean;
  /** Who started it (its trigger runs as them). */
  by: string;
  executions: number;
  /**
   * The row being made and how many executions started it without finishing it (saved before the
   * copy is made): an execution killed while making it leaves the count, and after MAX_TRIES the
   * row is refused so one document that never fits in an execution cannot loop forever.
   */
  tries?: { row: number; count: number };
  /** Rows refused after their tries, not yet in a result (an execution killed after refusing one returns none). */
  unreported?: { row: number; message: string }[];
}

/** How many executions may start a row's document without finishing it before the row is refused. */
export const MAX_TRIES = 3;

/** Rows as ranges: [2,3,4,7] → `2-4,7` (a batch of hundreds stays far below the 9 KB a property may hold). */
export function rowRanges(rows: readonly number[]): string {
  const parts: string[] = [];
  let start = -1;
  let end = -1;
  for (const row of rows) {
    if (start >= 0 && row === end + 1) {
      end = row;
      continue;
    }
    if (start >= 0) parts.push(start === end ? `${start}` : `${start}-${end}`);
    start = row;
    end = row;
  }
  if (start >= 0) parts.push(start === end ? `${start}` : `${start}-${end}`);
  return parts.join(',');
}

/** Ranges back to rows (rowRanges' inverse). */
export function rowsOfRanges(text: string): number[] {
  const rows: number[] = [];
  for (const part of text.split(',')) {
    if (part === '') continue;
    const [first, last] = part.split('-').map(Number) as [number, number | undefined];
    for (let row = first; row <= (last ?? first); row += 1) rows.push(row);
  }
  return rows;
}

/** The batch in progress, or null. */
export function readJob(): DocumentJob | null {
  const text = PropertiesService.getDocumentProperties().getProperty(JOB_PROPERTY);
  if (text === null || text === '') return null;
  try {
    return JSON.parse(text) as DocumentJob;
  } catch {
    return null;
  }
}

/** Stores the batch (call under the document lock). */
export function saveJob(job: DocumentJob): void {
  PropertiesService.getDocumentProperties().setProperty(JOB_PROPERTY, JSON.stringify(job));
}

/** Forgets the batch (call under the document lock). */
export function clearJob(): void {
  PropertiesService.getDocumentProperties().deleteProperty(JOB_PROPERTY);
}

/** Documents created on `today` so far (the count of another day is 0). */
export function createdToday(today: string): number {
  const text = PropertiesService.getDocumentProperties().getProperty(QUOTA_PROPERTY);
  if (text === null) return 0;
  try {
    const stored = JSON.parse(text) as { date?: string; count?: number };
    return stored.date === today && Number.isSafeInteger(stored.count) ? (stored.count as number) : 0;
  } catch {
    return 0;
  }
}

/** Stores today's count (call under the document lock). */
export function saveCreatedToday(today: string, count: number): void {
  PropertiesService.getDocumentProperties().setProperty(QUOTA_PROPERTY, JSON.stringify({ date: today, count }));
}

/** Whether an error is Apps Script's daily quota message ("Service invoked too many times for one day: …"). */
export function isDailyQuotaError(error: unknown): boolean {
  return error instanceof Error && /too many times for one day/iu.test(error.message);
}

/** The user's time-driven trigger of this handler for this spreadsheet, or null. */
function hourlyTrigger(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, handler: string): GoogleAppsScript.Script.Trigger | null {
  return ScriptApp.getUserTriggers(spreadsheet).find((trigger) => trigger.getHandlerFunction() === handler) ?? null;
}

/** Installs the hourly trigger when this user has none for this spreadsheet; true when it was installed now. */
export function ensureHourlyTrigger(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, handler: string): boolean {
  if (hourlyTrigger(spreadsheet, handler)) return false;
  ScriptApp.newTrigger(handler).timeBased().everyHours(1).create();
  return true;
}

/** Removes this user's hourly trigger for this spreadsheet (a finished batch's, or 关闭每日提醒); true when there was one. */
export function removeHourlyTrigger(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, handler: string): boolean {
  const trigger = hourlyTrigger(spreadsheet, handler);
  if (trigger) ScriptApp.deleteTrigger(trigger);
  return trigger !== null;
}
