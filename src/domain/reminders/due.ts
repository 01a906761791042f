/**
 * What reminders are due today (SPEC §8), as a pure function of the rows, 权限, the working-day
 * calendar and the day. Every kind is a rule in one table: which states it concerns, from which day
 * it is due and until which day it still matters, and what makes it unique (its occasion). A rule
 * is "due on or after X while still relevant", recomputed each day, so a reminder that falls on a
 * non-working day goes out on the next working day. Who receives it comes from the kind's audience
 * (kinds.ts) and 权限; a reminder nobody can receive is returned as unaddressed and told to the
 * city as an `unreachable` reminder, never dropped. A reminder about a row is identified by the
 * row's 姓名 and 学校 and the rule's occasion, never by its row number (rows get sorted).
 */
import { addDays, formatChineseDate, isCalendarDate, toDayNumber, weekdayOfDayNumber, type CalendarDate } from '../calendar-date';
import { foldSpelling, spellingMap } from '../nomination/fields';
import type { Preset } from '../presets';
import type { Permissions, Role } from '../workflow/roles';
import { movesFrom, type State } from '../workflow/states';
import { UnknownYearError, type WorkingDayCalendar } from '../working-days/working-day-calendar';
import {
  DEFAULT_REMINDER_INTERVAL,
  DUTIES_MISSING_WORKING_DAYS,
  REMINDER_KINDS,
  TERM_ENDING_CALENDAR_DAYS,
  WAITING_STATES,
  type MailPlaceholder,
  type ReminderKind,
} from './kinds';
import * as z from 'zod/mini';

/** One row of a nomination sheet as the reminders see it. */
export interface ReminderRow {
  sheet: string;
  row: number;
  name: string;
  school: string;
  county: string;
  state: State;
  /** The county is the preset's 市直学校. */
  cityDirect: boolean;
  /** When the row entered its state: the date of the 操作记录 line that moved it there; for 学校推荐
   *  the date the add-on first saw it; null when unknown (then no waiting reminder). */
  enteredOn: CalendarDate | null;
  /** enteredOn is only the day the add-on first saw the row (its real entry is unknown): the mail says so. */
  firstSeen?: boolean;
  /** 公示截止. */
  publicityEnd: CalendarDate | null;
  /** TERM_END(认定日期) for 已认定 rows. */
  termEnd: CalendarDate | null;
  /** 电子邮箱 ('' when blank). */
  email: string;
  /** For 已认定 rows: the semester containing today and whether its duties are complete. */
  duties: { semester: string; semesterEnd: CalendarDate; complete: boolean; missing: string } | null;
}

/** Everything dueReminders looks at. */
export interface ReminderInput {
  rows: readonly ReminderRow[];
  permissions: Permissions;
  today: CalendarDate;
  /** With the 节假日 sheet applied. */
  calendar: WorkingDayCalendar;
  /** 设置 提醒间隔 (see readReminderInterval). */
  interval: number;
  preset: Preset;
  /** Failed daily runs not yet named to the city: time 'YYYY-MM-DD HH:mm' and reason. */
  failures: readonly { time: string; reason: string }[];
}

/** One reminder due today for one recipient. */
export interface DueReminder {
  kind: ReminderKind;
  /** Lower-cased email. */
  recipient: string;
  /** '' (and row '') for jobFailed. */
  sheet: string;
  row: number | '';
  name: string;
  /** What makes it unique with (recipient, kind, sheet): for a row, `姓名｜学校｜<the rule's occasion>`. */
  occasion: string;
  /** The working day it is first due. */
  dueOn: CalendarDate;
  /** Values for the 邮件模板 line: MAIL_PLACEHOLDERS keys only (never 身份证号/联系电话). */
  values: Partial<Record<MailPlaceholder, string>>;
}

/** A reminder nobody can receive (no reviewer for the county in 权限, no or bad 电子邮箱), for the preview.
 *  For jobFailed (no row): sheet '', row 0, name ''; `why` then says which failure. */
export interface UnaddressedReminder {
  kind: ReminderKind;
  sheet: string;
  row: number;
  name: string;
  why: string;
}

/** What dueReminders returns: calendarProblem only when today's year is unknown to the calendar. */
export interface DueResult {
  due: DueReminder[];
  unaddressed: UnaddressedReminder[];
  /** The calendar's Chinese message when today's year is unknown (then only jobFailed reminders are due). */
  calendarProblem?: string;
}

/** When one kind is due for one row. */
interface Timing {
  /** The first day it is due (a non-working day moves it to the next working day). */
  from: CalendarDate;
  /** The last day it still matters; null while the row stays in its state. */
  until: CalendarDate | null;
  occasion: string;
  /** What stays the same while the row's situation does (default: occasion): a 无法提醒 is told once per standing and cause. */
  standing?: string;
  /** The kind's own values, besides the row's. */
  values: Partial<Record<MailPlaceholder, string>>;
}

/** What a rule may look at besides the row. */
interface RuleContext {
  today: CalendarDate;
  calendar: WorkingDayCalendar;
  interval: number;
}

/** One kind of reminder about a row. */
interface RowRule {
  kind: Exclude<ReminderKind, 'jobFailed' | 'unreachable' | 'calendarMissing'>;
  /** The states of the rows it concerns. */
  states: readonly State[];
  /** Its timing for a row, or null when the row has none (a date unknown, duties complete…). */
  timing(row: ReminderRow, context: RuleContext): Timing | null;
}

/**
 * Working days a row has waited: those strictly after enteredOn, up to and including today
 * (countWorkdays counts both ends, like NETWORKDAYS, so it starts the day after). 0 when
 * enteredOn is today or later.
 */
export function waitedWorkdays(calendar: WorkingDayCalendar, enteredOn: CalendarDate, today: CalendarDate): number {
  if (today <= enteredOn) return 0;
  return calendar.countWorkdays(addDays(enteredOn, 1), today);
}

/** SPEC §8's reminders about rows, in digest order. */
const ROW_RULES: readonly RowRule[] = [
  {
    // Every `interval` working days of waiting: the latest k-th due date only (never a backlog). The
    // occasion names that date, not k, so changing 提醒间隔 never skips a row for weeks.
    kind: 'waiting',
    states: WAITING_STATES,
    timing(row, { calendar, today, interval }) {
      if (row.enteredOn === null) return null;
      const waited = waitedWorkdays(calendar, row.enteredOn, today);
      const step = Math.floor(waited / interval);
      if (step < 1) return null;
      const from = calendar.addWorkdays(row.enteredOn, step * interval);
      return {
        from,
        until: null,
        occasion: `${row.state}@${row.enteredOn}→${from}`,
        standing: `${row.state}@${row.enteredOn}`,
        values: { 等待起算: `${formatChineseDate(row.enteredOn)}${row.firstSeen === true ? '（插件首次登记该行之日）' : ''}`, 等待工作日: String(waited) },
      };
    },
  },
  {
    // The working day before 公示截止, until 公示截止.
    kind: 'publicityEnding',
    states: ['公示中'],
    timing(row, { calendar }) {
      if (row.publicityEnd === null) return null;
      return {
        from: calendar.addWorkdays(row.publicityEnd, -1),
        until: row.publicityEnd,
        occasion: `公示截止${row.publicityEnd}`,
        values: { 公示截止: formatChineseDate(row.publicityEnd) },
      };
    },
  },
  {
    // The first working day after 公示截止, while the row is still 公示中 (it can be awarded).
    kind: 'publicityEnded',
    states: ['公示中'],
    timing(row, { calendar }) {
      if (row.publicityEnd === null) return null;
      return {
        from: calendar.addWorkdays(row.publicityEnd, 1),
        until: null,
        occasion: `公示截止${row.publicityEnd}`,
        values: { 公示截止: formatChineseDate(row.publicityEnd) },
      };
    },
  },
  {
    // 30 calendar days before TERM_END(认定日期), until that day.
    kind: 'termEnding',
    states: ['已认定'],
    timing(row) {
      if (row.termEnd === null) return null;
      return {
        from: addDays(row.termEnd, -TERM_ENDING_CALENDAR_DAYS),
        until: row.termEnd,
        occasion: `任期届满${row.termEnd}`,
        values: { 任期届满: formatChineseDate(row.termEnd) },
      };
    },
  },
  {
    // 10 working days before the semester's last day, until that day, when its duties are not complete.
    kind: 'dutiesMissing',
    states: ['已认定'],
    timing(row, { calendar }) {
      if (row.duties === null || row.duties.complete) return null;
      return {
        from: calendar.addWorkdays(row.duties.semesterEnd, -DUTIES_MISSING_WORKING_DAYS),
        until: row.duties.semesterEnd,
        occasion: row.duties.semester,
        values: { 学期: row.duties.semester, 缺少: row.duties.missing, 学期结束: formatChineseDate(row.duties.semesterEnd) },
      };
    },
  },
];

/** Who receives a reminder: lower-cased emails, or why nobody can. */
type Recipients = { emails: string[] } | { why: string };

/** The first working day on or after a day. */
function firstWorkdayFrom(calendar: WorkingDayCalendar, date: CalendarDate): CalendarDate {
  return calendar.isWorkday(date) ? date : calendar.addWorkdays(date, 1);
}

const validEmail = z.email();

/** An email as 权限 and 提醒记录 hold it: trimmed, lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Emails (lower-cased, in 权限 order) holding a role that matches; the same reminder twice to one email is dropped later. */
function emailsWithRole(permissions: Permissions, matches: (role: Role) => boolean): string[] {
  return [...permissions.byEmail].filter(([, roles]) => roles.some(matches)).map(([email]) => normalizeEmail(email));
}

/** The emails (lower-cased, in 权限 order) holding the city role. */
export function cityReviewers(permissions: Permissions): string[] {
  return emailsWithRole(permissions, (role) => role.kind === 'city');
}

/** The city's reviewers, or why there are none. */
function cityRecipients(permissions: Permissions): Recipients {
  const emails = cityReviewers(permissions);
  return emails.length > 0 ? { emails } : { why: '权限表中没有“市级”的审核人，请在“权限”表中添加' };
}

/** The reviewers of a row in a waiting state: its county's, or the city's (as the workflow's moves from its state say). */
function reviewerRecipients(row: ReminderRow, permissions: Permissions, preset: Preset): Recipients {
  const actor = movesFrom(row.state, row.cityDirect).find((move) => move.actor !== 'dailyJob')?.actor;
  if (actor === 'city') return cityRecipients(permissions);
  if (actor !== 'county') return { why: `状态“${row.state}”的行没有审核人` };
  const county = spellingMap('county', preset).get(foldSpelling(row.county)) ?? row.county.trim();
  if (county === '') return { why: `${row.sheet}第${row.row}行未填写县（市、区），无法确定审核人` };
  const emails = emailsWithRole(permissions, (role) => role.kind === 'county' && role.county === county);
  return emails.length > 0 ? { emails } : { why: `权限表中没有“${county}”的审核人，请在“权限”表中添加` };
}

/** The teacher of a row, by its 电子邮箱. */
function teacherRecipients(row: ReminderRow): Recipients {
  const email = normalizeEmail(row.email);
  if (email === '') return { why: `${row.sheet}第${row.row}行的电子邮箱未填写，无法发送给本人` };
  // Never echo the typed value: it may be a phone number typed in the wrong column.
  if (!validEmail.safeParse(email).success) return { why: `${row.sheet}第${row.row}行的电子邮箱一栏不是有效的邮箱地址，无法发送给本人` };
  return { emails: [email] };
}

/** Recipients of a kind about a row, by the kind's audience. */
function rowRecipients(kind: ReminderKind, row: ReminderRow, permissions: Permissions, preset: Preset): Recipients {
  const audience = REMINDER_KINDS[kind].audience;
  if (audience === 'reviewer') return reviewerRecipients(row, permissions, preset);
  if (audience === 'teacher') return teacherRecipients(row);
  return cityRecipients(permissions);
}

/** The values every reminder about a row carries. */
function rowValues(row: ReminderRow): Partial<Record<MailPlaceholder, string>> {
  return { 行: String(row.row), 工作表: row.sheet, 姓名: row.name, 学校: row.school, 县市区: row.county, 状态: row.state };
}

/**
 * The interval of 设置 提醒间隔: a whole number of working days ≥ 1; blank is the default; anything
 * else is the default with a problem naming the value.
 */
export function readReminderInterval(value: unknown): { interval: number; problem: string | null } {
  const text = value === null || value === undefined ? '' : String(value).normalize('NFKC').trim();
  if (text === '') return { interval: DEFAULT_REMINDER_INTERVAL, problem: null };
  const number = Number(text);
  if (Number.isInteger(number) && number >= 1) return { interval: number, problem: null };
  return {
    interval: DEFAULT_REMINDER_INTERVAL,
    problem: `“设置”表中“提醒间隔”的值“${text}”不是正整数（工作日数），已按 ${DEFAULT_REMINDER_INTERVAL} 个工作日计算`,
  };
}

/** The occasion of a reminder about a row: its 姓名 and 学校, then the rule's occasion. */
function rowOccasion(row: ReminderRow, ruleOccasion: string): string {
  return `${row.name.trim()}｜${row.school.trim()}｜${ruleOccasion}`;
}

/** Whether a day is Monday to Friday (what is left to go by when the calendar does not know its year). */
export function isWeekday(date: CalendarDate): boolean {
  const weekday = weekdayOfDayNumber(toDayNumber(date));
  return weekday >= 1 && weekday <= 5;
}

/** Collects due reminders, each (recipient, kind, sheet, occasion) once. */
class DueList {
  readonly due: DueReminder[] = [];
  readonly unaddressed: UnaddressedReminder[] = [];
  private readonly seen = new Set<string>();

  add(reminder: DueReminder): void {
    const key = JSON.stringify([reminder.recipient, reminder.kind, reminder.sheet, reminder.occasion]);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.due.push(reminder);
  }
}

/** The failed daily runs to name to the city today: each from its own date (the first working day on or after it). */
function addFailures(list: DueList, input: ReminderInput, dueFrom: (failedOn: string) => CalendarDate | null): void {
  for (const failure of input.failures) {
    const from = dueFrom(failure.time.slice(0, 10));
    if (from === null) continue;
    const recipients = cityRecipients(input.permissions);
    if ('why' in recipients) {
      list.unaddressed.push({ kind: 'jobFailed', sheet: '', row: 0, name: '', why: `每日任务失败（${failure.time}）无法告知市级：${recipients.why}` });
      continue;
    }
    for (const recipient of recipients.emails) {
      list.add({ kind: 'jobFailed', recipient, sheet: '', row: '', name: '', occasion: failure.time, dueOn: from, values: { 时间: failure.time, 原因: failure.reason } });
    }
  }
}

/**
 * A reminder about a row that nobody can receive: listed as unaddressed, and told to the city (when
 * it has reviewers) as an `unreachable` reminder once per cause and standing (the row's state and
 * entry, or the semester): not again at each waiting interval, again when the cause changes.
 */
function addUnreachable(list: DueList, input: ReminderInput, row: ReminderRow, kind: ReminderKind, standing: string, dueOn: CalendarDate, why: string): void {
  list.unaddressed.push({ kind, sheet: row.sheet, row: row.row, name: row.name, why });
  const city = cityReviewers(input.permissions);
  // The cause without the row's number (rows get sorted).
  const cause = why.split(`${row.sheet}第${row.row}行`).join('');
  for (const recipient of city) {
    list.add({
      kind: 'unreachable',
      recipient,
      sheet: row.sheet,
      row: row.row,
      name: row.name,
      occasion: `${REMINDER_KINDS[kind].label}｜${rowOccasion(row, standing)}｜${cause}`,
      dueOn,
      values: { ...rowValues(row), 原因: why },
    });
  }
}

/**
 * One notice per year the calendar does not know, instead of one per row: how many rows' reminders
 * of each kind it keeps from being worked out. Told to the city once per year (occasion `YYYY年`).
 */
function addUnknownYears(list: DueList, input: ReminderInput, years: ReadonlyMap<number, Map<ReminderKind, number>>): void {
  for (const year of [...years.keys()].sort((a, b) => a - b)) {
    const counts = [...(years.get(year) ?? [])].map(([kind, count]) => `${count} 人的“${REMINDER_KINDS[kind].label}”`).join('、');
    const why = `${year}年的法定节假日和调休安排尚未收录：${counts}提醒的日期无法计算`;
    list.unaddressed.push({ kind: 'calendarMissing', sheet: '', row: 0, name: '', why });
    for (const recipient of cityReviewers(input.permissions)) {
      list.add({ kind: 'calendarMissing', recipient, sheet: '', row: '', name: '', occasion: `${year}年`, dueOn: input.today, values: { 原因: why } });
    }
  }
}

/**
 * What is due today and for whom, and what nobody can receive (see the rules above). Nothing on a
 * non-working day. When today's year is unknown to the calendar it does not throw: on Monday to
 * Friday only the failed daily runs are due (the city must learn that the calendar needs the
 * year), with calendarProblem saying why. A row whose own dates reach an unknown year is unreachable
 * with the calendar's message instead.
 */
export function dueReminders(input: ReminderInput): DueResult {
  const { calendar, today, permissions, preset } = input;
  const list = new DueList();
  let workday: boolean;
  try {
    workday = calendar.isWorkday(today);
  } catch (error) {
    if (!(error instanceof UnknownYearError)) throw error;
    // A 节假日 row of that year would make the year known: only the weekday is left to go by.
    if (isWeekday(today)) addFailures(list, input, (failedOn) => (isCalendarDate(failedOn) && failedOn > today ? null : today));
    return { due: list.due, unaddressed: list.unaddressed, calendarProblem: error.message };
  }
  if (!workday) return { due: list.due, unaddressed: list.unaddressed };
  const interval = Number.isInteger(input.interval) && input.interval >= 1 ? input.interval : DEFAULT_REMINDER_INTERVAL;
  const context: RuleContext = { today, calendar, interval };

  addFailures(list, input, (failedOn) => {
    if (!isCalendarDate(failedOn)) return today;
    try {
      const from = firstWorkdayFrom(calendar, failedOn);
      return today < from ? null : from;
    } catch (error) {
      if (!(error instanceof UnknownYearError)) throw error;
      return failedOn > today ? null : today;
    }
  });

  const unknownYears = new Map<number, Map<ReminderKind, number>>();
  for (const row of input.rows) {
    for (const rule of ROW_RULES) {
      if (!rule.states.includes(row.state)) continue;
      let timing: Timing | null;
      let dueOn: CalendarDate;
      try {
        timing = rule.timing(row, context);
        if (timing === null || today < timing.from || (timing.until !== null && today > timing.until)) continue;
        dueOn = firstWorkdayFrom(calendar, timing.from);
      } catch (error) {
        // A row's date in a year the calendar does not know (a semester ending next January) must not
        // stop every other reminder, nor the notice of the failure itself: counted for one notice a year.
        if (!(error instanceof UnknownYearError)) throw error;
        const kinds = unknownYears.get(error.year) ?? new Map<ReminderKind, number>();
        unknownYears.set(error.year, kinds.set(rule.kind, (kinds.get(rule.kind) ?? 0) + 1));
        continue;
      }
      const recipients = rowRecipients(rule.kind, row, permissions, preset);
      if ('why' in recipients) {
        addUnreachable(list, input, row, rule.kind, timing.standing ?? timing.occasion, dueOn, recipients.why);
        continue;
      }
      for (const recipient of recipients.emails) {
        list.add({
          kind: rule.kind,
          recipient,
          sheet: row.sheet,
          row: row.row,
          name: row.name,
          occasion: rowOccasion(row, timing.occasion),
          dueOn,
          values: { ...rowValues(row), ...timing.values },
        });
      }
    }
  }
  addUnknownYears(list, input, unknownYears);
  return { due: list.due, unaddressed: list.unaddressed };
}
