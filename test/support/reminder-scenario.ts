/**
 * The reminder scenario of issue 10's "Done when": a city workbook built the way officials build it
 * — `banzhuren init`, candidates and 权限 typed in (scenarioWorkbook), a 节假日 row and a 设置 change
 * typed in, `check`, then every move made with `banzhuren advance` on its own date — and the facts
 * a reader of that workbook knows (who reviews what, since when, publicity and term ends, the local
 * holiday). It also computes, independently of the add-on, which reminder reaches whom on which day
 * of the window (the rules of SPEC §8 and issue 10 written out again for these facts, with
 * 2025's official holidays listed by hand), so a tick test compares the emails against it.
 */
import ExcelJS from 'exceljs';
import { runCli } from './cli';
import { candidate, scenarioWorkbook } from './scenario';

/** The accounts of 权限. */
export const CITY = 'city@yuxi.edu.cn';
export const HONGTA = 'ht@yuxi.edu.cn';
export const JIANGCHUAN = 'jc@yuxi.edu.cn';
export const SCHOOL = 'school@yuxi.edu.cn';
/** An awarded teacher's own address (推荐名单 电子邮箱). */
export const TEACHER = 'liuyang@example.com';

/** The window the tests simulate: 30 days from Monday 2025-09-15, across 国庆 2025. */
export const FIRST_DAY = '2025-09-15';
export const DAYS = 30;

/** The local holiday the 节假日 sheet adds: an ordinary Wednesday. */
export const LOCAL_HOLIDAY = '2025-09-24';

/**
 * 设置 第一学期开始, moved from 9-1 to 10-20 so that a semester (2024-2025学年第二学期, 2-1 to 10-19)
 * ends shortly after the window and its dutiesMissing reminder falls inside it.
 */
export const FIRST_SEMESTER_START = '10-20';
export const SEMESTER_END = '2025-10-19';

/** 2025's official arrangements around the window (国务院办公厅 notice, listed by hand). */
const OFFICIAL_REST = ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'];
const OFFICIAL_WORK = ['2025-09-28', '2025-10-11'];

/** Who a row's reminder goes to, and why: the facts of one row. */
export interface ScenarioRow {
  row: number;
  name: string;
  county: string;
  email: string;
  idNumber: string;
  phone: string;
  /** The row's 状态 after the scenario's moves ('' when the school left it blank). */
  state: string;
  /** For a waiting row: its reviewer and the day it entered its state (for 学校推荐: FIRST_DAY, when the add-on first sees it). */
  waiting?: { recipient: string; since: string };
  /** For a 公示中 row: its publicity's start (公示截止 is read from the workbook). */
  publicityStart?: string;
  /** For an 已认定 row: the day it was awarded (认定日期). */
  awardedOn?: string;
  /** Why nobody can be reminded of this row (for the preview's unaddressed list; the city is told instead). */
  unaddressed?: string;
  /** A waiting row nobody reviews: the day it entered its state (the city is told of it once, at its first waiting round). */
  unreachableWaitingSince?: string;
}

/** 18-digit 身份证号 with its check character (GB 11643). */
function idNumber(region: string, birth: string, sequence: string): string {
  const body = `${region}${birth}${sequence}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((total, digit, index) => total + Number(digit) * (weights[index] as number), 0);
  return body + '10X98765432'[sum % 11];
}

/** The scenario's rows, in sheet order from row 2. */
export const SCENARIO_ROWS: readonly ScenarioRow[] = [
  { row: 2, name: '李华', county: '红塔区', email: 'lihua@example.com', idNumber: idNumber('530402', '19850312', '201'), phone: '13908771201', state: '', waiting: { recipient: HONGTA, since: FIRST_DAY } },
  { row: 3, name: '王芳', county: '江川区', email: 'wangfang@example.com', idNumber: idNumber('530403', '19870521', '302'), phone: '13908771302', state: '学校推荐', waiting: { recipient: JIANGCHUAN, since: FIRST_DAY } },
  { row: 4, name: '赵敏', county: '澄江市', email: 'zhaomin@example.com', idNumber: idNumber('530481', '19830909', '403'), phone: '13908771403', state: '', unaddressed: '澄江市在“权限”表中没有审核人', unreachableWaitingSince: FIRST_DAY },
  { row: 5, name: '陈静', county: '红塔区', email: 'chenjing@example.com', idNumber: idNumber('530402', '19860117', '504'), phone: '13908771504', state: '初审通过', waiting: { recipient: CITY, since: '2025-09-12' } },
  { row: 6, name: '周强', county: '市直学校', email: 'zhouqiang@example.com', idNumber: idNumber('530400', '19820630', '605'), phone: '13908771605', state: '', waiting: { recipient: CITY, since: FIRST_DAY } },
  { row: 7, name: '孙丽', county: '江川区', email: 'sunli@example.com', idNumber: idNumber('530403', '19840404', '706'), phone: '13908771706', state: '初审通过', waiting: { recipient: CITY, since: '2025-08-20' } },
  { row: 8, name: '吴刚', county: '红塔区', email: 'wugang@example.com', idNumber: idNumber('530402', '19800808', '807'), phone: '13908771807', state: '公示中', publicityStart: '2025-09-26' },
  { row: 9, name: '郑洁', county: '红塔区', email: '', idNumber: idNumber('530402', '19790219', '908'), phone: '13908771908', state: '已认定', awardedOn: '2022-10-21', unaddressed: '没有电子邮箱' },
  { row: 10, name: '刘洋', county: '江川区', email: TEACHER, idNumber: idNumber('530403', '19881111', '019'), phone: '13908772019', state: '已认定', awardedOn: '2025-03-14' },
];

/** Every 身份证号 and 联系电话 of the scenario (none may reach an email, a record or a line of output). */
export const PERSONAL_NUMBERS: readonly string[] = SCENARIO_ROWS.flatMap((row) => [row.idNumber, row.phone]);

/** One `banzhuren advance`, failing the build of the scenario when it does not move every row. */
function advance(book: string, rows: number[], to: string, as: string, today: string, extra: string[] = []): void {
  const result = runCli(['advance', book, '--rows', rows.join(','), '--to', to, '--as', as, '--today', today, ...extra]);
  if (result.code !== 0) throw new Error(`advance ${rows.join(',')} → ${to} on ${today}: exit ${result.code}: ${result.stderr}`);
}

/**
 * Builds the scenario workbook at `book`: init, candidates and 权限 (市级, 红塔区, 江川区 and a school;
 * 澄江市 has nobody), the 节假日 row and the 设置 change, `check`, then the moves, each with
 * `advance` on its own day. Takes a dozen CLI runs: build it once per test file.
 */
export async function buildReminderScenario(book: string): Promise<void> {
  await scenarioWorkbook(
    book,
    SCENARIO_ROWS.map((row) =>
      candidate({
        姓名: row.name,
        '县（市、区）': row.county,
        学校: row.county === '市直学校' ? '玉溪市第一中学' : `${row.county}第一中学`,
        身份证号: row.idNumber,
        联系电话: row.phone,
        电子邮箱: row.email,
        ...(row.state === '学校推荐' ? { 状态: '学校推荐' } : {}),
      }),
    ),
    [
      [CITY, '市级'],
      [HONGTA, '红塔区'],
      [JIANGCHUAN, '江川'],
      [SCHOOL, '学校', '红塔区第一中学'],
    ],
  );
  // Typed by the city: a local holiday in 节假日, and the semester starts of its schools in 设置.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(book);
  workbook.getWorksheet('节假日')!.getRow(2).values = [LOCAL_HOLIDAY, '休', '县域民族节日（本地放假）'];
  workbook.getWorksheet('设置')!.eachRow((row) => {
    if (row.getCell(1).value === '第一学期开始') row.getCell(2).value = FIRST_SEMESTER_START;
  });
  await workbook.xlsx.writeFile(book);

  const checked = runCli(['check', book, '--today', '2022-09-01']);
  if (checked.code !== 0) throw new Error(`check: ${checked.stderr}`);
  // 郑洁 (row 9), awarded in 2022: her term ends 2025-10-20.
  advance(book, [9], '初审通过', HONGTA, '2022-09-05');
  advance(book, [9], '评审通过', CITY, '2022-09-13');
  advance(book, [9], '公示中', CITY, '2022-09-14', ['--start', '2022-09-14']);
  advance(book, [9], '已认定', CITY, '2022-10-21');
  // 刘洋 (row 10), awarded in March 2025: his 2024-2025 second semester's duties are missing.
  advance(book, [10], '初审通过', JIANGCHUAN, '2025-03-03');
  advance(book, [10], '评审通过', CITY, '2025-03-04');
  advance(book, [10], '公示中', CITY, '2025-03-05', ['--start', '2025-03-05']);
  advance(book, [10], '已认定', CITY, '2025-03-14');
  // 孙丽 (row 7) has waited for the city since 2025-08-20; 陈静 (row 5) since 2025-09-12.
  advance(book, [7], '初审通过', JIANGCHUAN, '2025-08-20');
  advance(book, [5], '初审通过', HONGTA, '2025-09-12');
  // 吴刚 (row 8): publicity from 2025-09-26, ending after 国庆.
  advance(book, [8], '初审通过', HONGTA, '2025-09-08');
  advance(book, [8], '评审通过', CITY, '2025-09-09');
  advance(book, [8], '公示中', CITY, '2025-09-12', ['--start', '2025-09-26']);
}

/** 公示截止 of each 公示中 row and 认定日期 of each awarded row, as the workbook holds them (text 'YYYY-MM-DD'). */
export async function scenarioDates(book: string): Promise<Map<number, { publicityEnd: string; awardedOn: string }>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(book);
  const sheet = workbook.getWorksheet('推荐名单')!;
  const headers = (sheet.getRow(1).values as unknown[]).map((value) => String(value ?? ''));
  const text = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? '').trim());
  const dates = new Map<number, { publicityEnd: string; awardedOn: string }>();
  for (const row of SCENARIO_ROWS) {
    const cells = sheet.getRow(row.row);
    dates.set(row.row, { publicityEnd: text(cells.getCell(headers.indexOf('公示截止')).value), awardedOn: text(cells.getCell(headers.indexOf('认定日期')).value) });
  }
  return dates;
}

// ---------------------------------------------------------------------------------------------
// The expected reminders, computed from the facts above by the rules of SPEC §8 written out again.

/** The day after `date`. */
export function nextDay(date: string, days = 1): string {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

/** Whether `date` is a working day: Monday to Friday, unless an official or the local holiday; official make-up days work. */
export function isWorkingDay(date: string): boolean {
  if (OFFICIAL_WORK.includes(date)) return true;
  if (OFFICIAL_REST.includes(date) || date === LOCAL_HOLIDAY) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Working days after `from` up to and including `to`. */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let day = nextDay(from); day <= to; day = nextDay(day)) if (isWorkingDay(day)) count += 1;
  return count;
}

/** The `n`-th working day before `date` (n ≥ 1). */
function workingDayBefore(date: string, n: number): string {
  let day = date;
  for (let left = n; left > 0; ) {
    day = nextDay(day, -1);
    if (isWorkingDay(day)) left -= 1;
  }
  return day;
}

/** The `n`-th working day after `date` (n ≥ 1). */
export function workingDayAfter(date: string, n: number): string {
  let day = date;
  for (let left = n; left > 0; ) {
    day = nextDay(day);
    if (isWorkingDay(day)) left -= 1;
  }
  return day;
}

/** One reminder as the tests compare them. */
export interface ExpectedReminder {
  recipient: string;
  kind: 'waiting' | 'publicityEnding' | 'publicityEnded' | 'termEnding' | 'unreachable' | 'dutiesMissing';
  row: number;
  /**
   * What makes it unique with (recipient, kind, row): for waiting, the working day its round fell
   * due (the add-on names the round by that day, so a changed 提醒间隔 never skips one), or the
   * date it is about; for unreachable, the kind and occasion of the reminder nobody can receive.
   */
  occasion: string;
}

/** One email the tests expect: sent on `date` to `recipient`, holding `reminders`. */
export interface ExpectedEmail {
  date: string;
  recipient: string;
  reminders: ExpectedReminder[];
}

/** TERM_END(d): three years on, less a day. */
function termEnd(awardedOn: string): string {
  const [year, month, day] = awardedOn.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(year + 3, month - 1, day));
  if (end.getUTCMonth() !== month - 1) end.setUTCDate(0); // 02-29 → 02-28
  return nextDay(end.toISOString().slice(0, 10), -1);
}

/** The working day a waiting row's latest round fell due (rounds every `interval` working days since `since`), or null before the first. */
function waitingRound(since: string, today: string, interval: number): string | null {
  const round = Math.floor(workingDaysBetween(since, today) / interval);
  return round >= 1 ? workingDayAfter(since, round * interval) : null;
}

/** What is due on working day `today` for the scenario (before what was sent is taken away). */
function dueOn(today: string, publicityEnds: ReadonlyMap<number, string>, interval: number): ExpectedReminder[] {
  const due: ExpectedReminder[] = [];
  for (const row of SCENARIO_ROWS) {
    if (row.waiting) {
      const round = waitingRound(row.waiting.since, today, interval);
      if (round !== null) due.push({ recipient: row.waiting.recipient, kind: 'waiting', row: row.row, occasion: round });
    }
    if (row.unreachableWaitingSince) {
      const round = waitingRound(row.unreachableWaitingSince, today, interval);
      if (round !== null) due.push({ recipient: CITY, kind: 'unreachable', row: row.row, occasion: '待审核' });
    }
    const publicityEnd = publicityEnds.get(row.row);
    if (row.state === '公示中' && publicityEnd) {
      if (today >= workingDayBefore(publicityEnd, 1) && today <= publicityEnd) due.push({ recipient: CITY, kind: 'publicityEnding', row: row.row, occasion: publicityEnd });
      if (today > publicityEnd) due.push({ recipient: CITY, kind: 'publicityEnded', row: row.row, occasion: publicityEnd });
    }
    if (row.state === '已认定' && row.awardedOn) {
      const end = termEnd(row.awardedOn);
      if (nextDay(end, -30) <= today && today <= end) due.push({ recipient: CITY, kind: 'termEnding', row: row.row, occasion: end });
      if (workingDayBefore(SEMESTER_END, 10) <= today && today <= SEMESTER_END) {
        // No 电子邮箱: the city is told that the teacher cannot be reminded.
        due.push(row.email !== '' ? { recipient: row.email, kind: 'dutiesMissing', row: row.row, occasion: SEMESTER_END } : { recipient: CITY, kind: 'unreachable', row: row.row, occasion: `履职未完成→${SEMESTER_END}` });
      }
    }
  }
  return due;
}

/** The identity of a reminder (recipient, kind, row, occasion). */
export function reminderIdentity(reminder: ExpectedReminder): string {
  return `${reminder.recipient}|${reminder.kind}|${reminder.row}|${reminder.occasion}`;
}

/**
 * The emails of the window, day by day: on each working day, each recipient's due reminders not
 * sent before make one digest; `quota` digests a day are sent (one recipient each), the rest wait
 * for the next working day (each of their reminders recorded 等待). The order: recipients whose
 * digest waited since their last email first (the earliest wait first), then those deferred on the
 * most days, then by address. `interval` may change from day to day (a 设置 edit between ticks).
 * Returns the emails and the waits (date, recipient).
 */
export function expectedEmails(
  publicityEnds: ReadonlyMap<number, string>,
  quota: number,
  options: { from?: string; days?: number; interval?: number | ((today: string) => number); sentBefore?: ReadonlySet<string> } = {},
): { emails: ExpectedEmail[]; waits: { date: string; recipient: string }[] } {
  const from = options.from ?? FIRST_DAY;
  const days = options.days ?? DAYS;
  const intervalOn = typeof options.interval === 'function' ? options.interval : () => (options.interval as number | undefined) ?? 5;
  const sent = new Set<string>(options.sentBefore ?? []);
  const lastEmail = new Map<string, string>();
  const waitDays = new Map<string, string[]>();
  const emails: ExpectedEmail[] = [];
  const waits: { date: string; recipient: string }[] = [];
  for (let index = 0; index < days; index += 1) {
    const today = nextDay(from, index);
    if (!isWorkingDay(today)) continue;
    const byRecipient = new Map<string, ExpectedReminder[]>();
    for (const reminder of dueOn(today, publicityEnds, intervalOn(today))) {
      if (sent.has(reminderIdentity(reminder))) continue;
      byRecipient.set(reminder.recipient, [...(byRecipient.get(reminder.recipient) ?? []), reminder]);
    }
    const since = (recipient: string) => (waitDays.get(recipient) ?? []).filter((date) => date > (lastEmail.get(recipient) ?? '')).sort()[0];
    const deferred = (recipient: string) => (waitDays.get(recipient) ?? []).length;
    const order = [...byRecipient.keys()].sort((a, b) => {
      const [sinceA, sinceB] = [since(a), since(b)];
      if (sinceA !== sinceB) return sinceA === undefined ? 1 : sinceB === undefined ? -1 : sinceA < sinceB ? -1 : 1;
      if (deferred(a) !== deferred(b)) return deferred(b) - deferred(a);
      return a < b ? -1 : 1;
    });
    order.forEach((recipient, position) => {
      const reminders = byRecipient.get(recipient) as ExpectedReminder[];
      if (position < quota) {
        emails.push({ date: today, recipient, reminders });
        lastEmail.set(recipient, today);
        for (const reminder of reminders) sent.add(reminderIdentity(reminder));
      } else {
        waits.push({ date: today, recipient });
        waitDays.set(recipient, [...(waitDays.get(recipient) ?? []), today]);
      }
    });
  }
  return { emails, waits };
}
