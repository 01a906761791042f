/**
 * What to send today, given what is due and what 提醒记录 already holds (SPEC §8, issue 10 items 4
 * and 5). A reminder is identified by its key (recipient, kind, sheet, occasion — not the row
 * number: rows get sorted; a row's occasion starts with its 姓名 and 学校). Once a record with that
 * key says 已发送 or 发送中 it is never planned again (at most once). 发送失败 means MailApp threw
 * and nothing went out: it is planned again on a later working day, until MAX_SEND_ATTEMPTS
 * failures. Each recipient gets at most one digest a day; recipients whose digest had to wait for
 * the mail quota go first, the longest wait first; then the recipients deferred on the most days
 * (the quota is shared in turn); then by email. Pure: the adapter reads and writes the sheet.
 */
import type { CalendarDate } from '../calendar-date';
import { normalizeEmail, type DueReminder } from './due';
import { MAX_SEND_ATTEMPTS, REMINDER_KIND_ORDER, REMINDER_KINDS, REMINDER_RESULTS, type ReminderKind } from './kinds';

/** One row of 提醒记录. */
export interface ReminderRecord {
  date: CalendarDate;
  recipient: string;
  kindLabel: string;
  sheet: string;
  row: number | '';
  name: string;
  occasion: string;
  /** REMINDER_RESULTS text, or anything a person typed. */
  result: string;
}

/** One digest to send today. */
export interface DigestPlan {
  recipient: string;
  reminders: DueReminder[];
  /** The earliest 等待 record of this recipient not yet followed by a digest sent (or failed) to them, if any. */
  waitingSince: CalendarDate | null;
}

/** What a 提醒记录 row's 结果 means. */
export type RecordOutcome = 'sent' | 'sending' | 'failed' | 'waiting' | 'other';

/** The word a 等待 result starts with (REMINDER_RESULTS.waiting is 等待：…). */
const WAITING_WORD = REMINDER_RESULTS.waiting.split('：')[0] ?? REMINDER_RESULTS.waiting;

/** What a 结果 says: 已发送…, 发送中…, 发送失败… (with or without a message), 等待…, or something else a person typed. */
export function recordOutcome(result: string): RecordOutcome {
  const text = result.trim();
  if (text.startsWith(REMINDER_RESULTS.sent)) return 'sent';
  if (text.startsWith(REMINDER_RESULTS.sending)) return 'sending';
  if (text.startsWith(REMINDER_RESULTS.failed)) return 'failed';
  if (text.startsWith(WAITING_WORD)) return 'waiting';
  return 'other';
}

const KIND_BY_LABEL: ReadonlyMap<string, ReminderKind> = new Map(
  REMINDER_KIND_ORDER.map((kind) => [REMINDER_KINDS[kind].label, kind] as const),
);

/** The kind a 提醒记录 类型 names, or null. */
export function kindOfLabel(label: string): ReminderKind | null {
  return KIND_BY_LABEL.get(label.trim()) ?? null;
}

/**
 * The key that makes a reminder unique: recipient (case and spaces ignored), kind, sheet, occasion.
 * Not the row number (a `row` given is ignored): sorting a sheet must not make a sent reminder new again.
 */
export function reminderKey(reminder: { recipient: string; kind: ReminderKind; sheet: string; occasion: string; row?: number | '' }): string {
  return JSON.stringify([normalizeEmail(reminder.recipient), reminder.kind, reminder.sheet.trim(), reminder.occasion.trim()]);
}

/** The key of a record, or null when its 类型 names no kind. */
export function recordKey(record: ReminderRecord): string | null {
  const kind = kindOfLabel(record.kindLabel);
  return kind === null ? null : reminderKey({ recipient: record.recipient, kind, sheet: record.sheet, occasion: record.occasion });
}

/** What the records say of each key: sent or sending (never again), failures and the days they were on. */
interface KeyHistory {
  delivered: boolean;
  failures: number;
  failedOn: Set<CalendarDate>;
}

function historyByKey(records: readonly ReminderRecord[]): Map<string, KeyHistory> {
  const histories = new Map<string, KeyHistory>();
  for (const record of records) {
    const outcome = recordOutcome(record.result);
    if (outcome !== 'sent' && outcome !== 'sending' && outcome !== 'failed') continue;
    const key = recordKey(record);
    if (key === null) continue;
    const history = histories.get(key) ?? { delivered: false, failures: 0, failedOn: new Set<CalendarDate>() };
    if (outcome === 'failed') {
      history.failures += 1;
      history.failedOn.add(record.date);
    } else {
      history.delivered = true;
    }
    histories.set(key, history);
  }
  return histories;
}

/** Whether a key's history forbids planning it today: sent or sending, MAX_SEND_ATTEMPTS failures, or a failure today. */
function closedToday(history: KeyHistory | undefined, today: CalendarDate): boolean {
  if (history === undefined) return false;
  return history.delivered || history.failures >= MAX_SEND_ATTEMPTS || history.failedOn.has(today);
}

/** Digest order of two reminders: REMINDER_KIND_ORDER, then sheet, row and occasion (code-point order, the same everywhere). */
export function compareReminders(left: DueReminder, right: DueReminder): number {
  const byKind = REMINDER_KIND_ORDER.indexOf(left.kind) - REMINDER_KIND_ORDER.indexOf(right.kind);
  if (byKind !== 0) return byKind;
  if (left.sheet !== right.sheet) return left.sheet < right.sheet ? -1 : 1;
  const leftRow = left.row === '' ? 0 : left.row;
  const rightRow = right.row === '' ? 0 : right.row;
  if (leftRow !== rightRow) return leftRow - rightRow;
  if (left.occasion !== right.occasion) return left.occasion < right.occasion ? -1 : 1;
  return 0;
}

/**
 * Since when each recipient's digest has waited: the earliest 等待 record dated after the last
 * record sent or failed to them (and not after today). A wait for a reminder whose occasion has
 * moved on (a waiting row's next interval) still puts its recipient first.
 */
function waitsByRecipient(records: readonly ReminderRecord[], today: CalendarDate): Map<string, CalendarDate> {
  const lastDelivery = new Map<string, CalendarDate>();
  for (const record of records) {
    const outcome = recordOutcome(record.result);
    if (outcome !== 'sent' && outcome !== 'sending' && outcome !== 'failed') continue;
    const recipient = normalizeEmail(record.recipient);
    const last = lastDelivery.get(recipient);
    if (last === undefined || record.date > last) lastDelivery.set(recipient, record.date);
  }
  const waits = new Map<string, CalendarDate>();
  for (const record of records) {
    if (recordOutcome(record.result) !== 'waiting' || record.date > today) continue;
    const recipient = normalizeEmail(record.recipient);
    const last = lastDelivery.get(recipient);
    if (last !== undefined && record.date <= last) continue;
    const earliest = waits.get(recipient);
    if (earliest === undefined || record.date < earliest) waits.set(recipient, record.date);
  }
  return waits;
}

/**
 * On how many days each recipient's digest had to wait for the quota (days with a 等待 record, up
 * to today). Among recipients not waiting now, the most often deferred go first: the mail quota is
 * shared in turn, not always spent on the same early emails (a county reviewer whose email sorts
 * last was deferred on every busy day behind the city's two reviewers).
 */
function deferralDays(records: readonly ReminderRecord[], today: CalendarDate): Map<string, number> {
  const days = new Map<string, Set<CalendarDate>>();
  for (const record of records) {
    if (recordOutcome(record.result) !== 'waiting' || record.date > today) continue;
    const recipient = normalizeEmail(record.recipient);
    days.set(recipient, (days.get(recipient) ?? new Set<CalendarDate>()).add(record.date));
  }
  return new Map([...days].map(([recipient, dates]) => [recipient, dates.size]));
}

/**
 * The digests to send today (see the file's comment), how many due reminders were left out and why,
 * and every 发送中 record: an execution was cut off between recording and sending (the mail may not
 * have gone out), for the job to name in its problems.
 */
export function planDigests(
  due: readonly DueReminder[],
  records: readonly ReminderRecord[],
  today: CalendarDate,
): { digests: DigestPlan[]; alreadySent: number; heldForTomorrow: number; interrupted: ReminderRecord[] } {
  const histories = historyByKey(records);
  const servedToday = new Set<string>();
  const interrupted: ReminderRecord[] = [];
  for (const record of records) {
    const outcome = recordOutcome(record.result);
    if (outcome === 'sending') interrupted.push(record);
    if ((outcome === 'sent' || outcome === 'sending') && record.date === today) servedToday.add(normalizeEmail(record.recipient));
  }

  let alreadySent = 0;
  let heldForTomorrow = 0;
  const planned = new Set<string>();
  const byRecipient = new Map<string, DueReminder[]>();
  for (const reminder of due) {
    const key = reminderKey(reminder);
    if (planned.has(key)) continue;
    planned.add(key);
    if (closedToday(histories.get(key), today)) {
      alreadySent += 1;
      continue;
    }
    const recipient = normalizeEmail(reminder.recipient);
    if (servedToday.has(recipient)) {
      heldForTomorrow += 1;
      continue;
    }
    byRecipient.set(recipient, [...(byRecipient.get(recipient) ?? []), { ...reminder, recipient }]);
  }

  const waits = waitsByRecipient(records, today);
  const deferrals = deferralDays(records, today);
  const digests: DigestPlan[] = [...byRecipient].map(([recipient, reminders]) => ({
    recipient,
    reminders: [...reminders].sort(compareReminders),
    waitingSince: waits.get(recipient) ?? null,
  }));
  digests.sort((left, right) => {
    if (left.waitingSince !== right.waitingSince) {
      if (left.waitingSince === null) return 1;
      if (right.waitingSince === null) return -1;
      return left.waitingSince < right.waitingSince ? -1 : 1;
    }
    const byDeferrals = (deferrals.get(right.recipient) ?? 0) - (deferrals.get(left.recipient) ?? 0);
    if (byDeferrals !== 0) return byDeferrals;
    return left.recipient < right.recipient ? -1 : left.recipient > right.recipient ? 1 : 0;
  });
  return { digests, alreadySent, heldForTomorrow, interrupted };
}

/**
 * The failed daily runs still to be named: those that some city reviewer may still be sent (no
 * 已发送 or 发送中 jobFailed record of its time, fewer than MAX_SEND_ATTEMPTS 发送失败). The adapter
 * keeps these in its list and drops the rest; keeping one too long is harmless (planDigests never
 * sends a reminder twice). With no city reviewer, all stay.
 */
export function failuresToKeep<Failure extends { time: string }>(
  failures: readonly Failure[],
  records: readonly ReminderRecord[],
  cityReviewers: readonly string[],
): Failure[] {
  if (cityReviewers.length === 0) return [...failures];
  const histories = historyByKey(records);
  const finished = (email: string, time: string): boolean => {
    const history = histories.get(reminderKey({ recipient: email, kind: 'jobFailed', sheet: '', occasion: time }));
    return history !== undefined && (history.delivered || history.failures >= MAX_SEND_ATTEMPTS);
  };
  return failures.filter((failure) => cityReviewers.some((email) => !finished(email, failure.time)));
}
