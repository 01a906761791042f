/**
 * The daily job of SPEC §8 and the reminders it sends. Once a day (the hourly trigger's first run
 * at or after DAILY_JOB_HOUR in the spreadsheet's zone, while reminders are on) it makes the
 * term-expiry move, stamps 学校推荐 rows it sees for the first time (最后操作, so their waiting is
 * counted from that day), works out what is due (src/domain/reminders), and sends one digest per
 * recipient. Every sheet the reminders need is read once, under the document lock.
 *
 * At most once: for each digest its reminders are appended to 提醒记录 as 发送中 and flushed BEFORE
 * MailApp is called, then set to 已发送 (or 发送失败 with MailApp's message). An execution cut off
 * between the two leaves 发送中: never sent again, named in the problems. A 发送失败 (nothing went
 * out) is tried again on a later working day, at most MAX_SEND_ATTEMPTS times (planDigests). When
 * the day's mail quota is used up, the rest is recorded as 等待 (once a day) and goes first on the
 * next working day. A failed daily job is told to the city at once (best effort), else in its next
 * digest; an execution stops starting digests after STOP_AFTER_MS and the next hourly run goes on.
 */
import type { CalendarDate } from '../domain/calendar-date';
import { isCalendarDate } from '../domain/calendar-date';
import { dutyReport, statusText } from '../domain/duties/report';
import { readLedger } from '../domain/duties/ledger';
import { schoolYearText, SEMESTER_NAMES, semesterEnd, semesterOfDate, semesterStartsOf, semesterText, type SemesterStarts, type SettingCell } from '../domain/duties/semesters';
import { awardedTeachers } from '../domain/duties/teachers';
import { countyOf } from '../domain/nomination/values';
import type { Preset } from '../domain/presets';
import { composeDigest, containsPersonalNumber, digestRecipientName, hideLongNumbers, personalNumberPlaceholders, readMailTemplates, type MailTemplates } from '../domain/reminders/digest';
import { cityReviewers, dueReminders, isWeekday, readReminderInterval, type DueReminder, type ReminderInput, type ReminderRow, type UnaddressedReminder } from '../domain/reminders/due';
import { DEFAULT_REMINDER_INTERVAL, REMINDER_KINDS, REMINDER_RESULTS, DAILY_JOB_HOUR, type ReminderKind } from '../domain/reminders/kinds';
import { failuresToKeep, planDigests, recordKey, recordOutcome, type DigestPlan, type ReminderRecord } from '../domain/reminders/plan';
import { SETTING_KEYS, SHEET_NAMES } from '../domain/sheet-layouts';
import { termEnd } from '../domain/term';
import { lastActionNote } from '../domain/workflow/records';
import { readPermissions, type Permissions } from '../domain/workflow/roles';
import { readState } from '../domain/workflow/states';
import { appendLog, readLogEntries } from './audit-log';
import { addOutputColumns } from './column-layout';
import { STOP_AFTER_MS } from './document-batch';
import { DocumentBusyError, underDocumentLock } from './document-lock';
import { readWorkingDayCalendar } from './holiday-sheet';
import { remainingMailQuota, sendPlainEmail } from './mail';
import { appendReminderRecords, readMailTemplateCells, readReminderLog, setReminderResults, type ReminderLog } from './reminder-sheets';
import { dailyJobDoneOn, readJobFailures, remindersOn, saveDailyJobDone, saveJobFailures, type JobFailure } from './reminder-state';
import { nominationHeader, readCells, requireSheet, textCell, todayIn } from './spreadsheet';
import { permissionCells, writeChanges } from './workflow-sheet';
import { dateOfCell } from '../domain/date-text';

/** What one daily job did (JSON-safe; the hourly trigger's `daily`). */
export interface DailyJobResult {
  date: string;
  /** Whether the job ran to its end (false: the document was busy, or it failed; see problems). */
  ran: boolean;
  /** Stopped before the time limit with digests left: `dailyJobDone` stays unset, the next hourly run goes on. */
  continued: boolean;
  workingDay: boolean;
  /** Rows the term-expiry move took to 任期届满. */
  moved: number;
  sent: { recipient: string; subject: string; reminders: number }[];
  /** Reminders left for the next working day because the mail quota was used up. */
  waiting: number;
  /** Reminders recorded 发送失败 today (tried again on a later working day, at most MAX_SEND_ATTEMPTS times in all). */
  failed: number;
  alreadySent: number;
  heldForTomorrow: number;
  unaddressed: UnaddressedReminder[];
  problems: string[];
}

/** What 预览提醒 shows: what today's job would send, read-only. */
export interface ReminderPreview {
  date: string;
  workingDay: boolean;
  on: boolean;
  digests: { recipient: string; subject: string; body: string; reminders: { kind: ReminderKind; label: string; row: number | ''; name: string }[] }[];
  /** The reminder emails today's job would send: the digests not withheld (personal numbers) and within today's quota (`banzhuren reminders preview`'s 将发出 N 封). */
  mails: number;
  /** Reminders (not emails) over today's mail quota, left for the next working day. */
  waiting: number;
  alreadySent: number;
  heldForTomorrow: number;
  unaddressed: UnaddressedReminder[];
  problems: string[];
  quota: number;
}

/** 最后操作's note for a 学校推荐 row the daily job sees first. */
export const FIRST_SEEN_NOTE = '首次登记，开始计算等待审核的工作日';

/** Why a digest that would show a 身份证号 or 联系电话 is not sent. */
export const PERSONAL_NUMBER_REASON = '邮件内容含有名单中的身份证号或联系电话，未发送：请检查“邮件模板”，不要在模板中填写或引用身份证号、联系电话';

/** Everything the reminders read, each sheet once. */
interface Gathered {
  input: ReminderInput;
  permissions: Permissions;
  personalNumbers: string[];
  templates: MailTemplates;
  log: ReminderLog;
  problems: string[];
}

/** Runs the daily job when it is due: reminders on, the hour ≥ DAILY_JOB_HOUR in the spreadsheet's zone, not yet run today; else null. */
export function runDailyJobWhenDue(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, moveExpiredTerms: () => number, actor: string, preset: Preset, started = Date.now()): DailyJobResult | null {
  if (!remindersOn()) return null;
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const hour = Number(Utilities.formatDate(new Date(), timeZone, 'H'));
  if (hour < DAILY_JOB_HOUR) return null;
  const today = todayIn(timeZone);
  if (dailyJobDoneOn() === today) return null;
  return runDailyJob(spreadsheet, today, moveExpiredTerms, actor, preset, started);
}

/**
 * The daily job: the term-expiry move (its own lock), then under the document lock the first-seen
 * stamps and the reminders, and `dailyJobDone`. A busy document: nothing recorded, tried again
 * next hour. Any other error: one 操作记录 line, kept in `dailyJobFailures` for the city's next
 * digest, and `dailyJobDone` set (no retry every hour).
 */
export function runDailyJob(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, today: CalendarDate, moveExpiredTerms: () => number, actor: string, preset: Preset, started = Date.now()): DailyJobResult {
  const result: DailyJobResult = { date: today, ran: false, continued: false, workingDay: false, moved: 0, sent: [], waiting: 0, failed: 0, alreadySent: 0, heldForTomorrow: 0, unaddressed: [], problems: [] };
  try {
    result.moved = moveExpiredTerms();
    underDocumentLock(() => remindUnderLock(spreadsheet, today, actor, preset, result, started));
    result.ran = true;
  } catch (error) {
    if (error instanceof DocumentBusyError) {
      result.problems.push(`${error.message}；每日任务将在下一小时再试`);
      return result;
    }
    const reason = hideLongNumbers(errorText(error));
    const time = Utilities.formatDate(new Date(), spreadsheet.getSpreadsheetTimeZone(), 'yyyy-MM-dd HH:mm');
    result.problems.push(`每日任务失败：${reason}（已写入“${SHEET_NAMES.log}”，并告知市级审核人）`);
    try {
      underDocumentLock(() => {
        appendLog(spreadsheet, [[new Date(), actor, '', '', '', '', '', `每日任务失败：${reason}`]]);
        const failures = [...readJobFailures(), { time, reason }];
        saveJobFailures(failures);
        saveDailyJobDone(today);
        try {
          tellCityNow(spreadsheet, today, failures, preset, started, result);
        } catch (error) {
          result.problems.push(`未能立即告知市级（${errorText(error)}）：将在下一封发给市级的提醒中说明`);
        }
      });
    } catch (inner) {
      if (!(inner instanceof DocumentBusyError)) throw inner;
    }
  }
  return result;
}

/** The reminders under the caller's lock: read, stamp, plan, send, record. */
function remindUnderLock(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, today: CalendarDate, actor: string, preset: Preset, result: DailyJobResult, started: number): void {
  const gathered = gather(spreadsheet, today, preset, { stampAs: actor });
  const { input, log } = gathered;
  result.problems.push(...gathered.problems);
  const { due, unaddressed, calendarProblem } = dueReminders(input);
  // A year the calendar does not know: a failure of the day, told to the city at once (runDailyJob).
  if (calendarProblem !== undefined) throw new Error(calendarProblem);
  result.workingDay = input.calendar.isWorkday(today);
  const planned = planDigests(due, log.records, today);
  result.unaddressed = unaddressed;
  result.alreadySent = planned.alreadySent;
  result.heldForTomorrow = planned.heldForTomorrow;
  result.problems.push(...planned.interrupted.map(interruptedProblem));
  sendDigests({ spreadsheet, today, log, templates: gathered.templates, permissions: gathered.permissions, personalNumbers: gathered.personalNumbers, started, result }, planned.digests);
  keepUnnamedFailures(input.failures, log.records, gathered.permissions);
  if (!result.continued) saveDailyJobDone(today);
}

/** What sending digests needs (read once by the caller). */
interface Sending {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  today: CalendarDate;
  log: ReminderLog;
  templates: MailTemplates;
  permissions: Permissions;
  personalNumbers: readonly string[];
  started: number;
  result: DailyJobResult;
}

/**
 * Sends the planned digests in order, at most once: each digest's reminders are appended as 发送中
 * and flushed BEFORE MailApp is called, then set to 已发送 (or 发送失败 with MailApp's message).
 * A reminder whose values hold a 身份证号 or 联系电话 is left out and recorded 发送失败 naming its
 * row and column; the quota's overflow is recorded 等待 (once a day); no digest is started once
 * STOP_AFTER_MS has passed (result.continued).
 */
function sendDigests(context: Sending, plans: readonly DigestPlan[]): void {
  const { spreadsheet, today, log, result } = context;
  const waitingToday = new Set(log.records.filter((record) => record.date === today && recordOutcome(record.result) === 'waiting').map(recordKey));
  const waitingRecords: ReminderRecord[] = [];
  let quotaLeft = true;
  for (const plan of plans) {
    if (Date.now() - context.started > STOP_AFTER_MS) {
      result.continued = true;
      result.problems.push('本次执行已接近 Apps Script 的 6 分钟上限，其余提醒由下一小时的定时任务接着发送');
      break;
    }
    const reminders: DueReminder[] = [];
    const withheld: ReminderRecord[] = [];
    for (const reminder of plan.reminders) {
      const why = withheldWhy(reminder, context.personalNumbers);
      if (why === '') {
        reminders.push(reminder);
        continue;
      }
      const record = recordOf(reminder, today, `${REMINDER_RESULTS.failed}：${why}`);
      // Never written where the number is: a name or occasion holding it stays blank.
      if (containsPersonalNumber(record.name, context.personalNumbers)) record.name = '';
      if (containsPersonalNumber(record.occasion, context.personalNumbers)) record.occasion = '';
      withheld.push(record);
      result.problems.push(`发给 ${plan.recipient} 的“${record.kindLabel}”提醒${why}：请改正后，下一个工作日再发送`);
    }
    if (withheld.length > 0) appendReminderRecords(spreadsheet, log, withheld);
    result.failed += withheld.length;
    if (reminders.length === 0) continue;
    const sendable: DigestPlan = { ...plan, reminders };
    const { subject, body } = composeDigest(failuresOnce(sendable), context.templates, digestContext(spreadsheet, today, sendable, context.permissions));
    if (containsPersonalNumber(`${subject}\n${body}`, context.personalNumbers)) {
      appendReminderRecords(spreadsheet, log, reminders.map((reminder) => recordOf(reminder, today, `${REMINDER_RESULTS.failed}：${PERSONAL_NUMBER_REASON}`)));
      result.failed += reminders.length;
      result.problems.push(`发给 ${plan.recipient} 的提醒未发送：${PERSONAL_NUMBER_REASON}`);
      continue;
    }
    if (quotaLeft && remainingMailQuota() < 1) quotaLeft = false;
    if (!quotaLeft) {
      for (const reminder of reminders) {
        const record = recordOf(reminder, today, REMINDER_RESULTS.waiting);
        if (!waitingToday.has(recordKey(record))) waitingRecords.push(record);
      }
      result.waiting += reminders.length;
      continue;
    }
    // 发送中, flushed first: a run cut off before the send leaves 发送中 (never sent twice, named in problems).
    const records = reminders.map((reminder) => recordOf(reminder, today, REMINDER_RESULTS.sending));
    const firstRow = appendReminderRecords(spreadsheet, log, records);
    SpreadsheetApp.flush();
    let outcome: string = REMINDER_RESULTS.sent;
    try {
      sendPlainEmail(plan.recipient, subject, body);
      result.sent.push({ recipient: plan.recipient, subject, reminders: records.length });
    } catch (error) {
      outcome = `${REMINDER_RESULTS.failed}：${errorText(error)}`;
      result.failed += records.length;
    }
    setReminderResults(spreadsheet, log, firstRow, records.length, outcome);
    for (const record of records) record.result = outcome;
  }
  if (waitingRecords.length > 0) appendReminderRecords(spreadsheet, log, waitingRecords);
}

/** Why a reminder is withheld (a value holds a 身份证号 or 联系电话: its row and column, never the number); '' when it may go. */
function withheldWhy(reminder: DueReminder, personalNumbers: readonly string[]): string {
  const found = personalNumberPlaceholders(reminder, personalNumbers);
  return found.length === 0 ? '' : `${reminder.row === '' ? '' : `第${reminder.row}行的`}${found.join('、')}含有名单中的身份证号或联系电话，未发送`;
}

/** A 发送中 record left by an execution cut off between record and send, as a problem. */
function interruptedProblem(record: ReminderRecord): string {
  return `${SHEET_NAMES.reminderLog}：${record.date} 发给 ${record.recipient} 的“${record.kindLabel}”提醒（${record.name || record.occasion}）停在“${REMINDER_RESULTS.sending}”：那次执行被中断，邮件可能没有发出，不会重发；请向收件人核实`;
}

/** The digest as shown: failed daily runs with the same reason on one line, their times joined (each still recorded on its own). */
function failuresOnce(plan: DigestPlan): DigestPlan {
  const byReason = new Map<string, DueReminder>();
  const reminders: DueReminder[] = [];
  for (const reminder of plan.reminders) {
    const first = reminder.kind === 'jobFailed' ? byReason.get(reminder.values.原因 ?? '') : undefined;
    if (first) first.values = { ...first.values, 时间: `${first.values.时间 ?? ''}、${reminder.values.时间 ?? ''}` };
    else {
      const copy = { ...reminder };
      if (reminder.kind === 'jobFailed') byReason.set(reminder.values.原因 ?? '', copy);
      reminders.push(copy);
    }
  }
  return { ...plan, reminders };
}

/**
 * Best effort after a failed daily job: tells the city reviewers of the failures at once (权限,
 * 邮件模板 and 提醒记录 read on their own, Monday to Friday). If this fails too, the failures wait
 * in `dailyJobFailures` for the next digest to the city.
 */
function tellCityNow(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, today: CalendarDate, failures: readonly JobFailure[], preset: Preset, started: number, result: DailyJobResult): void {
  if (!isWeekday(today)) return;
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const permissions = readPermissions(permissionCells(spreadsheet, timeZone), preset);
  const log = readReminderLog(spreadsheet, timeZone);
  const due: DueReminder[] = cityReviewers(permissions).flatMap((recipient) =>
    failures.map((failure) => ({ kind: 'jobFailed' as const, recipient, sheet: '', row: '' as const, name: '', occasion: failure.time, dueOn: today, values: { 时间: failure.time, 原因: failure.reason } })),
  );
  const templates = readMailTemplates(readMailTemplateCells(spreadsheet, timeZone)).templates;
  sendDigests({ spreadsheet, today, log, templates, permissions, personalNumbers: [], started, result }, planDigests(due, log.records, today).digests);
  keepUnnamedFailures(failures, log.records, permissions);
}

/** Drops the failures every city reviewer has a record of (failuresToKeep); writes only when that changes them. */
function keepUnnamedFailures(failures: readonly JobFailure[], records: readonly ReminderRecord[], permissions: Permissions): void {
  const kept = failuresToKeep(failures, records, cityReviewers(permissions));
  if (kept.length !== failures.length) saveJobFailures(kept);
}

/** What 预览提醒 shows for `today`: read-only (no stamp, no record, no mail); rows not yet first-seen count as seen today. */
export function buildReminderPreview(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, today: CalendarDate, preset: Preset): ReminderPreview {
  const gathered = gather(spreadsheet, today, preset, {});
  const { input, log } = gathered;
  const { due, unaddressed, calendarProblem } = dueReminders(input);
  const planned = planDigests(due, log.records, today);
  const problems = [...gathered.problems];
  if (calendarProblem !== undefined) problems.push(calendarProblem);
  problems.push(...planned.interrupted.map(interruptedProblem));
  const quota = remainingMailQuota();
  let left = quota;
  let waiting = 0;
  let mails = 0;
  const digests: ReminderPreview['digests'] = [];
  for (const each of planned.digests) {
    const reminders = each.reminders.filter((reminder) => {
      const why = withheldWhy(reminder, gathered.personalNumbers);
      if (why !== '') problems.push(`发给 ${each.recipient} 的“${REMINDER_KINDS[reminder.kind].label}”提醒${why}`);
      return why === '';
    });
    if (reminders.length === 0) continue;
    const plan = { ...each, reminders };
    const composed = composeDigest(failuresOnce(plan), gathered.templates, digestContext(spreadsheet, today, plan, gathered.permissions));
    const personal = containsPersonalNumber(`${composed.subject}\n${composed.body}`, gathered.personalNumbers);
    if (personal) problems.push(`发给 ${plan.recipient} 的提醒不会发送：${PERSONAL_NUMBER_REASON}`);
    else if (left < 1) waiting += plan.reminders.length;
    else {
      left -= 1;
      mails += 1;
    }
    digests.push({
      recipient: plan.recipient,
      subject: personal ? '（不会发送）' : composed.subject,
      body: personal ? PERSONAL_NUMBER_REASON : composed.body,
      reminders: plan.reminders.map((reminder) => ({ kind: reminder.kind, label: REMINDER_KINDS[reminder.kind].label, row: reminder.row, name: reminder.name })),
    });
  }
  const workingDay = calendarProblem === undefined && input.calendar.isWorkday(today);
  return { date: today, workingDay, on: remindersOn(), digests, mails, waiting, alreadySent: planned.alreadySent, heldForTomorrow: planned.heldForTomorrow, unaddressed, problems, quota };
}

/** What a digest's text needs besides its plan: the day, the spreadsheet's name and link, the greeting (digestRecipientName). */
function digestContext(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, today: CalendarDate, plan: DigestPlan, permissions: Permissions) {
  // Spreadsheet.getUrl (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getUrl(); offline a file:// URL).
  return { today, spreadsheetName: spreadsheet.getName(), spreadsheetUrl: spreadsheet.getUrl(), recipientName: digestRecipientName(plan, permissions) };
}

/** A 提醒记录 row for a reminder. */
function recordOf(reminder: DueReminder, today: CalendarDate, result: string): ReminderRecord {
  return { date: today, recipient: reminder.recipient, kindLabel: REMINDER_KINDS[reminder.kind].label, sheet: reminder.sheet, row: reminder.row, name: reminder.name, occasion: reminder.occasion, result };
}

/**
 * Reads what the reminders need, each sheet once: 推荐名单, 操作记录, 权限, 节假日, 设置, 履职记录,
 * 提醒记录, 邮件模板. With `stampAs`, 学校推荐 rows whose 最后操作 is blank get the first-seen note
 * (one write of the changed cells); without it they count as seen today.
 */
function gather(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, today: CalendarDate, preset: Preset, options: { stampAs?: string }): Gathered {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const problems: string[] = [];
  const sheetName = SHEET_NAMES.nominations;
  const sheet = requireSheet(spreadsheet, sheetName);
  const cells = readCells(sheet, timeZone);
  const header = nominationHeader(sheetName, cells);
  const { columns, outputs } = header.headers;
  const settings = readSettingsCells(spreadsheet, timeZone, preset, problems);
  const permissions = readPermissions(permissionCells(spreadsheet, timeZone), preset);
  problems.push(...permissions.problems);
  const calendar = readWorkingDayCalendar(spreadsheet);
  const entries = readLogEntries(spreadsheet);
  const duties = dutiesByRow(spreadsheet, timeZone, cells, header, settings.starts, today, preset, problems);
  const log = readReminderLog(spreadsheet, timeZone);
  const templateReading = readMailTemplates(readMailTemplateCells(spreadsheet, timeZone));
  problems.push(...templateReading.problems);

  // The 操作记录 date each row entered its state: the last line for that sheet and row whose 新状态 it is (and 姓名 matches).
  const entered = new Map<number, { state: string; name: string; date: string }[]>();
  for (const entry of entries) {
    if (entry.sheet !== sheetName || typeof entry.row !== 'number') continue;
    entered.set(entry.row, [...(entered.get(entry.row) ?? []), { state: entry.to, name: entry.name.trim(), date: entry.time.slice(0, 10) }]);
  }

  const text = (row: readonly unknown[], column: number | undefined) => (column === undefined ? '' : String(row[column] ?? '').trim());
  const date = (row: readonly unknown[], column: number | undefined): CalendarDate | null => {
    return column === undefined ? null : dateOfCell(row[column]);
  };
  const rows: ReminderRow[] = [];
  const personalNumbers: string[] = [];
  const stamps = new Map<number, Partial<Record<'最后操作', unknown>>>();
  cells.forEach((row, index) => {
    const rowNumber = index + 1;
    if (rowNumber <= header.row) return;
    const name = text(row, columns.name);
    if (name === '') return;
    for (const personal of [text(row, columns.idNumber), text(row, columns.phone)]) if (personal !== '') personalNumbers.push(personal);
    const state = readState(row[outputs['状态'] ?? -1] ?? '');
    if (state === null) return;
    const county = countyOf(columns.county === undefined ? '' : row[columns.county], preset) ?? '';
    const lastAction = text(row, outputs['最后操作']);
    let enteredOn: CalendarDate | null = null;
    // Only the first-seen stamp (or this run's) dates a 学校推荐 row that 操作记录 does not: the mail says so.
    let firstSeen = false;
    const lines = (entered.get(rowNumber) ?? []).filter((line) => line.state === state && (line.name === '' || line.name === name));
    const lastLine = lines[lines.length - 1];
    if (lastLine && isCalendarDate(lastLine.date)) enteredOn = lastLine.date;
    else if (isCalendarDate(lastAction.slice(0, 10))) {
      enteredOn = lastAction.slice(0, 10) as CalendarDate;
      firstSeen = lastAction.includes(FIRST_SEEN_NOTE);
    } else if (state === '学校推荐' && lastAction === '') {
      enteredOn = today;
      firstSeen = true;
      if (options.stampAs !== undefined) stamps.set(rowNumber, { 最后操作: textCell(lastActionNote(today, options.stampAs, FIRST_SEEN_NOTE)) });
    }
    const award = date(row, outputs['认定日期']);
    rows.push({
      sheet: sheetName,
      row: rowNumber,
      name,
      school: text(row, columns.school),
      county,
      state,
      cityDirect: county === preset.cityDirect,
      enteredOn,
      firstSeen,
      publicityEnd: date(row, outputs['公示截止']),
      termEnd: state === '已认定' && award !== null ? termEnd(award, preset.termYears) : null,
      email: text(row, columns.email).toLowerCase(),
      duties: state === '已认定' ? (duties.get(rowNumber) ?? null) : null,
    });
  });

  if (stamps.size > 0) {
    const column = outputs['最后操作'] ?? addOutputColumns(sheet, header, cells[0]?.length ?? 0, ['最后操作']).columns['最后操作'];
    if (column !== undefined) writeChanges(sheet, { 最后操作: column }, stamps);
  }

  const input: ReminderInput = { rows, permissions, today, calendar, interval: settings.interval, preset, failures: readJobFailures() };
  return { input, permissions, personalNumbers, templates: templateReading.templates, log, problems };
}

/** 设置, read once: 提醒间隔 (default when blank; a bad value is a problem naming its row) and the semester starts. */
function readSettingsCells(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, timeZone: string, preset: Preset, problems: string[]): { interval: number; starts: SemesterStarts } {
  const sheet = spreadsheet.getSheetByName(SHEET_NAMES.settings);
  const cells = sheet ? readCells(sheet, timeZone) : [];
  let interval = DEFAULT_REMINDER_INTERVAL;
  const found: Record<string, SettingCell> = {};
  cells.forEach((row, index) => {
    const key = String(row[0] ?? '').trim();
    const value = row[1];
    if (key === SETTING_KEYS.reminderInterval) {
      const reading = readReminderInterval(value);
      interval = reading.interval;
      if (reading.problem !== null) problems.push(`设置第${index + 1}行：${reading.problem}`);
    }
    if (key === SETTING_KEYS.firstSemesterStart || key === SETTING_KEYS.secondSemesterStart) found[key] = { row: index + 1, text: String(value ?? '') };
  });
  const starts = semesterStartsOf(found[SETTING_KEYS.firstSemesterStart], found[SETTING_KEYS.secondSemesterStart], preset.semesterStarts, { first: SETTING_KEYS.firstSemesterStart, second: SETTING_KEYS.secondSemesterStart });
  if ('problem' in starts) throw new Error(starts.problem);
  return { interval, starts };
}

/** For each 已认定 row: the semester containing today, whether its duties are complete, and what is missing (履职记录 read once). */
function dutiesByRow(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  timeZone: string,
  cells: (string | number | boolean | null)[][],
  header: { row: number; headers: Parameters<typeof awardedTeachers>[2] },
  starts: SemesterStarts,
  today: CalendarDate,
  preset: Preset,
  problems: string[],
): Map<number, NonNullable<ReminderRow['duties']>> {
  const result = new Map<number, NonNullable<ReminderRow['duties']>>();
  const teachers = awardedTeachers(cells, header.row, header.headers).filter((teacher) => teacher.state === '已认定');
  if (teachers.length === 0) return result;
  const ledgerSheet = spreadsheet.getSheetByName(SHEET_NAMES.dutyLedger);
  if (!ledgerSheet) {
    problems.push(`找不到工作表“${SHEET_NAMES.dutyLedger}”：本次不发送履职提醒；请运行“初始化表格”`);
    return result;
  }
  const ledger = readLedger(readCells(ledgerSheet, timeZone), starts, today, preset);
  if (ledger.problem !== undefined) {
    problems.push(`${ledger.problem}：本次不发送履职提醒`);
    return result;
  }
  const report = dutyReport({ teachers, entries: ledger.entries, ledgerNotices: ledger.notices, starts, today, preset });
  const semester = semesterOfDate(today, starts);
  const schoolYear = schoolYearText(semester);
  const half = SEMESTER_NAMES[semester.half];
  for (const teacher of teachers) {
    const status = report.semesters.find((each) => each.name === teacher.name && each.certificate === teacher.certificate && each.schoolYear === schoolYear && each.semester === half);
    if (!status) continue;
    result.set(teacher.row, { semester: semesterText(semester), semesterEnd: semesterEnd(semester, starts), complete: status.ok, missing: status.ok ? '' : statusText(status, preset).replace(/^.*?：缺少/, '') });
  }
  return result;
}

/** An error's message, in one line. */
function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
}
