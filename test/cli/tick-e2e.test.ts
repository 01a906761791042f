/**
 * Issue 10's "Done when", end to end through the real `banzhuren` command: a workbook built the way
 * officials build it (test/support/reminder-scenario.ts: init, typed rows, 权限, a 节假日 row,
 * check, advance on their own dates), `reminders on`, then `tick` over 30 simulated days from
 * 2025-09-15 across 国庆 with a mail quota of 2 recipients a day. Every .eml is parsed back
 * (mailparser) and compared with the reminders the scenario's facts call for, computed
 * independently: each reaches its recipient exactly once on the right working day, the quota's
 * overflow goes first on the next working day, no email on a weekend, 国庆 or the 节假日 row's day,
 * no 身份证号/联系电话 in any email or record, 提醒记录 holds one 已发送 row per reminder, and a
 * second run over the same days sends nothing. The same run through a real SMTP server on
 * 127.0.0.1 delivers the same messages; --dry-run writes nothing and prints the same digests; a
 * tick cut off (execution time limit) or killed (SIGKILL) and run again sends no reminder twice.
 * The runs use three process time zones: the dates are the spreadsheet's (Asia/Shanghai) in each.
 */
import ExcelJS from 'exceljs';
import { simpleParser } from 'mailparser';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { CellValue } from 'exceljs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli, type CliResult } from '../support/cli';
import {
  buildReminderScenario,
  CITY,
  DAYS,
  expectedEmails,
  FIRST_DAY,
  isWorkingDay,
  LOCAL_HOLIDAY,
  nextDay,
  PERSONAL_NUMBERS,
  SCENARIO_ROWS,
  scenarioDates,
  TEACHER,
  workingDaysBetween,
  type ExpectedEmail,
} from '../support/reminder-scenario';
import { closedPort, startSmtpServer } from '../support/smtp-server';
import { temporaryFolder } from '../support/workbooks';

const QUOTA = 2;
const BOOK_NAME = '全市名单.xlsx';
const bin = join(__dirname, '..', '..', 'bin', 'banzhuren.js');
const folder = temporaryFolder();
/** The scenario with reminders turned on, never ticked: each test ticks its own copy. */
const pristine = join(folder, 'pristine', BOOK_NAME);

/** A reminder as read back from an email's line (or a 提醒记录 row). */
interface ReadReminder {
  kind: string;
  row: number;
  /** For waiting: the working days the line says the row has waited. */
  waited?: number;
}

/** One .eml parsed back. */
interface ReadMail {
  file: string;
  /** The day of its Date header in Asia/Shanghai. */
  date: string;
  to: string;
  subject: string;
  text: string;
  /** Every header line, as written. */
  headers: string;
  raw: string;
  reminders: ReadReminder[];
}

/** The 邮件模板 default lines as an official reads them, each with its kind. */
const LINE_PATTERNS: [string, RegExp][] = [
  ['waiting', /^· 待审核：推荐名单第(\d+)行 .*已等待 (\d+) 个工作日$/u],
  ['publicityEnding', /^· 公示即将截止：推荐名单第(\d+)行 /u],
  ['publicityEnded', /^· 公示已截止，可以认定：推荐名单第(\d+)行 /u],
  ['termEnding', /^· 任期即将届满：推荐名单第(\d+)行 /u],
  ['unreachable', /^· 无法提醒：推荐名单第(\d+)行 /u],
];

/** The reminders of one digest's body; a line of an unknown shape fails the test. */
function remindersOf(text: string, recipient: string): ReadReminder[] {
  const reminders: ReadReminder[] = [];
  for (const line of text.split(/\r?\n/).filter((each) => each.startsWith('· '))) {
    const known = LINE_PATTERNS.map(([kind, pattern]) => [kind, pattern.exec(line)] as const).find(([, match]) => match !== null);
    if (known) {
      const [kind, match] = known as [string, RegExpExecArray];
      reminders.push({ kind, row: Number(match[1]), ...(kind === 'waiting' ? { waited: Number(match[2]) } : {}) });
    } else if (/^· \d{4}-\d{4}学年第[一二]学期履职尚未完成，还缺少：[^：]+$/u.test(line)) {
      const teacher = SCENARIO_ROWS.find((row) => row.email === recipient);
      reminders.push({ kind: 'dutiesMissing', row: teacher?.row ?? 0 });
    } else {
      throw new Error(`a line of unknown shape: ${line}`);
    }
  }
  return reminders;
}

/** The calendar day of an instant in Asia/Shanghai (UTC+8, no daylight saving). */
function shanghaiDay(date: Date): string {
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Every .eml of a folder, parsed, in file order. */
async function readOutbox(outbox: string): Promise<ReadMail[]> {
  const files = existsSync(outbox) ? readdirSync(outbox).filter((file) => file.endsWith('.eml')).sort() : [];
  return Promise.all(
    files.map(async (file) => {
      const raw = readFileSync(join(outbox, file));
      const parsed = await simpleParser(raw);
      const to = (Array.isArray(parsed.to) ? parsed.to : [parsed.to]).flatMap((address) => address?.value ?? []).map((entry) => entry.address ?? '').join(',');
      const text = parsed.text ?? '';
      return {
        file,
        date: shanghaiDay(parsed.date as Date),
        to,
        subject: parsed.subject ?? '',
        text,
        headers: parsed.headerLines.map((header) => header.line).join('\n'),
        raw: raw.toString('utf8'),
        reminders: remindersOf(text, to),
      };
    }),
  );
}

/** Emails as comparable lines: `date recipient kind:row …` (sorted). */
function emailLines(mails: readonly { date: string; recipient: string; reminders: readonly { kind: string; row: number }[] }[]): string[] {
  return mails.map((mail) => `${mail.date} ${mail.recipient} ${mail.reminders.map((reminder) => `${reminder.kind}:${reminder.row}`).sort().join(' ')}`).sort();
}

/** The identity of a reminder emailed on `date`: recipient, kind, row and, for a waiting row, its round by then (one nobody reviews is told once). */
function identity(date: string, recipient: string, reminder: { kind: string; row: number }): string {
  const row = SCENARIO_ROWS.find((each) => each.row === reminder.row);
  const since = reminder.kind === 'waiting' ? row?.waiting?.since : undefined;
  return `${recipient}|${reminder.kind}|${reminder.row}|${since === undefined ? '' : Math.floor(workingDaysBetween(since, date) / 5)}`;
}

/** The identities of every emailed reminder. */
function identities(mails: readonly ReadMail[]): string[] {
  return mails.flatMap((mail) => mail.reminders.map((reminder) => identity(mail.date, mail.to, reminder)));
}

/** Whether a text holds any of the scenario's personal numbers, compared without spaces and dashes. */
function holdsPersonalNumber(text: string): boolean {
  const plain = text.replace(/[\s-]/g, '').toUpperCase();
  return PERSONAL_NUMBERS.some((number) => plain.includes(number.toUpperCase()));
}

/** A digest's text with its {链接} (the workbook's file:// URL, which names the test's own folder) replaced by <链接>. */
function withoutLink(text: string): string {
  return text.replace(/file:\/\/\S+/gu, '<链接>');
}

/** 提醒记录's rows (header first), cells as text. */
async function reminderLog(book: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(book);
  const rows: string[][] = [];
  workbook.getWorksheet('提醒记录')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? '')))));
  return rows;
}

const LABELS: Record<string, string> = { waiting: '待审核', publicityEnding: '公示即将截止', publicityEnded: '公示已截止', termEnding: '任期即将届满', unreachable: '无法提醒', dutiesMissing: '履职未完成' };

/** A fresh copy of the scenario in its own folder; returns the workbook and its outbox. */
function fresh(name: string): { book: string; outbox: string } {
  mkdirSync(join(folder, name));
  const book = join(folder, name, BOOK_NAME);
  copyFileSync(pristine, book);
  return { book, outbox: join(folder, name, '发件箱') };
}

/** `banzhuren tick` over the scenario's window. */
function tickArgs(book: string, outbox: string, extra: string[] = []): string[] {
  return ['tick', book, '--today', FIRST_DAY, '--days', String(DAYS), '--outbox', outbox, '--mail-quota', String(QUOTA), ...extra];
}

/** Runs the command without blocking this process (so an in-process SMTP server can answer); `onSpawn` may kill it. */
function runCliAsync(args: string[], env: Record<string, string>, onSpawn?: (child: ReturnType<typeof spawn>) => void): Promise<CliResult & { signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, BANZHUREN_SIMULATED_DATES: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    onSpawn?.(child);
  });
}

let expected: { emails: ExpectedEmail[]; waits: { date: string; recipient: string }[] };
/** 公示截止 of the scenario's 公示中 rows, as the workbook holds them. */
let publicityEnds = new Map<number, string>();
/** The main run: its workbook, outbox, output and emails. */
const main = { book: '', outbox: '', result: undefined as unknown as CliResult, mails: [] as ReadMail[] };

beforeAll(async () => {
  mkdirSync(join(folder, 'pristine'));
  await buildReminderScenario(pristine);
  const on = runCli(['reminders', 'on', pristine, '--as', CITY, '--today', FIRST_DAY]);
  if (on.code !== 0) throw new Error(on.stderr);
  const dates = await scenarioDates(pristine);
  publicityEnds = new Map([...dates].filter(([row, date]) => date.publicityEnd !== '' && SCENARIO_ROWS.find((each) => each.row === row)?.state === '公示中').map(([row, date]) => [row, date.publicityEnd]));
  expected = expectedEmails(publicityEnds, QUOTA);
  Object.assign(main, fresh('main'));
  main.result = runCli(tickArgs(main.book, main.outbox), { timeZone: 'America/Los_Angeles' });
  main.mails = await readOutbox(main.outbox);
}, 240_000);

test('the scenario calls for every kind, waits for the quota, and emails on both make-up working days', () => {
  // A guard on the scenario itself, so the checks below cannot pass on an empty table.
  const kinds = new Set(expected.emails.flatMap((mail) => mail.reminders.map((reminder) => reminder.kind)));
  expect([...kinds].sort()).toEqual(['dutiesMissing', 'publicityEnded', 'publicityEnding', 'termEnding', 'unreachable', 'waiting']);
  expect(expected.waits.length).toBeGreaterThanOrEqual(3);
  expect(expected.emails.map((mail) => mail.date)).toEqual(expect.arrayContaining(['2025-09-28', '2025-10-11']));
});

test('each expected reminder reaches its recipient exactly once, on the right working day', () => {
  expect(main.result.code).toBe(0);
  expect(emailLines(main.mails.map((mail) => ({ date: mail.date, recipient: mail.to, reminders: mail.reminders })))).toEqual(emailLines(expected.emails));
  // One recipient per email, one email per recipient per day.
  expect(main.mails.every((mail) => !mail.to.includes(','))).toBe(true);
  expect(new Set(main.mails.map((mail) => `${mail.date} ${mail.to}`)).size).toBe(main.mails.length);
  // A waiting line says how long the row has waited, in working days (節假日 row and 国庆 skipped).
  for (const mail of main.mails) {
    for (const reminder of mail.reminders.filter((each) => each.kind === 'waiting')) {
      const since = SCENARIO_ROWS.find((row) => row.row === reminder.row)?.waiting?.since as string;
      expect(reminder.waited).toBe(workingDaysBetween(since, mail.date));
    }
  }
  // The day line of each day says what was sent.
  for (const day of new Set(expected.emails.map((mail) => mail.date))) {
    const recipients = expected.emails.filter((mail) => mail.date === day).map((mail) => mail.recipient);
    expect(main.result.stdout).toMatch(new RegExp(`^${day}（星期.，工作日）：发出提醒邮件 ${recipients.length} 封.*：${recipients.map((each) => each.replace(/\./g, '\\.')).join('、')}`, 'mu'));
  }
});

test('no email on a weekend, on 国庆 or on the 节假日 row’s day; the make-up Sunday and Saturday do get mail', () => {
  for (const mail of main.mails) {
    expect(isWorkingDay(mail.date)).toBe(true);
    expect(mail.headers).toMatch(/^Date: \w{3}, \d{2} \w{3} 2025 \d{2}:\d{2}:\d{2} \+0800$/mu);
  }
  const dates = new Set(main.mails.map((mail) => mail.date));
  for (let day = '2025-10-01'; day <= '2025-10-08'; day = nextDay(day)) expect(dates.has(day)).toBe(false);
  expect(dates.has(LOCAL_HOLIDAY)).toBe(false);
  expect(dates.has('2025-09-28') && dates.has('2025-10-11')).toBe(true);
  expect(main.result.stdout).toContain(`${LOCAL_HOLIDAY}（星期三，休息日）：不是工作日，不发送提醒`);
  expect(main.result.stdout).toContain('2025-10-01（星期三，休息日）：不是工作日，不发送提醒');
});

test('who cannot be reminded is said once each: the county nobody reviews, the teacher without 电子邮箱', () => {
  const unaddressed = main.result.stderr.split('\n').filter((line) => line.includes('无法提醒'));
  expect(unaddressed).toEqual([
    expect.stringMatching(/^提示：2025-09-22 起 推荐名单第4行 赵敏：无法提醒：权限表中没有“澄江市”的审核人/u),
    expect.stringMatching(/^提示：2025-09-29 起 推荐名单第9行 郑洁：无法提醒：.*电子邮箱未填写/u),
  ]);
});

test('the quota: at most 2 a day; what did not fit goes first on the next working day, recorded as 等待', async () => {
  const perDay = new Map<string, number>();
  for (const mail of main.mails) perDay.set(mail.date, (perDay.get(mail.date) ?? 0) + 1);
  expect(Math.max(...perDay.values())).toBe(QUOTA);
  const log = await reminderLog(main.book);
  const [header, ...rows] = log;
  const column = (name: string) => (header as string[]).indexOf(name);
  const waitRows = rows.filter((row) => row[column('结果')]?.startsWith('等待'));
  expect([...new Set(waitRows.map((row) => `${row[column('日期')]} ${row[column('收件人')]}`))].sort()).toEqual(expected.waits.map((wait) => `${wait.date} ${wait.recipient}`).sort());
  // First in line: on the working day after a wait, the recipients who waited are sent before anyone else.
  for (const day of new Set(expected.waits.map((wait) => wait.date))) {
    let next = nextDay(day);
    while (!isWorkingDay(next)) next = nextDay(next);
    const waited = expected.waits.filter((wait) => wait.date === day).map((wait) => wait.recipient).sort();
    const recordOrder = [...new Set(rows.filter((row) => row[column('日期')] === next && row[column('结果')] === '已发送').map((row) => row[column('收件人')]))];
    expect(recordOrder.slice(0, waited.length).sort()).toEqual(waited.slice(0, QUOTA));
    const fileOrder = main.mails.filter((mail) => mail.date === next).map((mail) => mail.to);
    expect(fileOrder.slice(0, waited.length).sort()).toEqual(waited.slice(0, QUOTA));
  }
});

test('officials’ digests link to the workbook (its file:// URL offline); a teacher’s digest has no link and its own closing', () => {
  const link = pathToFileURL(main.book).href;
  const teacherMails = main.mails.filter((mail) => mail.to === TEACHER);
  expect(teacherMails.length).toBeGreaterThan(0);
  for (const mail of main.mails) {
    if (mail.to === TEACHER) {
      expect(mail.text).not.toContain('file://');
      expect(mail.text).toContain('请按培养方案第五部分的要求完成本学期履职');
      expect(mail.text).toMatch(/^刘洋老师/mu);
    } else {
      expect(mail.text).toContain(`请打开表格处理：${link}`);
    }
  }
});

test('no 身份证号 or 联系电话 in any email (subject, body, headers, raw bytes), in 提醒记录 or in the output', async () => {
  expect(main.mails.length).toBeGreaterThan(0);
  for (const mail of main.mails) {
    for (const text of [mail.subject, mail.text, mail.headers, mail.raw, mail.file]) expect(holdsPersonalNumber(text)).toBe(false);
  }
  // The check itself finds a number when there is one.
  expect(holdsPersonalNumber(`电话 ${PERSONAL_NUMBERS[1]}`)).toBe(true);
  const log = await reminderLog(main.book);
  expect(log.some((row) => row.some(holdsPersonalNumber))).toBe(false);
  expect(holdsPersonalNumber(main.result.stdout + main.result.stderr)).toBe(false);
});

test('提醒记录 holds one 已发送 row per reminder sent, naming its date, recipient, kind and row', async () => {
  const [header, ...rows] = await reminderLog(main.book);
  const column = (name: string) => (header as string[]).indexOf(name);
  const sent = rows.filter((row) => row[column('结果')] === '已发送').map((row) => `${row[column('日期')]} ${row[column('收件人')]} ${row[column('类型')]} ${row[column('行')]}`);
  const wanted = expected.emails.flatMap((mail) => mail.reminders.map((reminder) => `${mail.date} ${mail.recipient} ${LABELS[reminder.kind]} ${reminder.row}`));
  expect(sent.sort()).toEqual(wanted.sort());
  expect(rows.every((row) => row[column('结果')] === '已发送' || row[column('结果')]?.startsWith('等待'))).toBe(true);
});

test('turned off and on again and ticked again over the same days: every daily job runs again and sends nothing new', async () => {
  const before = await reminderLog(main.book);
  const files = readdirSync(main.outbox).sort();
  // A new trigger from the first day on: the 30 days' daily jobs all run a second time.
  expect(runCli(['reminders', 'off', main.book, '--as', CITY, '--today', FIRST_DAY]).code).toBe(0);
  expect(runCli(['reminders', 'on', main.book, '--as', CITY, '--today', FIRST_DAY]).code).toBe(0);
  const again = runCli(tickArgs(main.book, main.outbox, ['--json']), { timeZone: 'Asia/Shanghai' });
  expect(again.code).toBe(0);
  const report = JSON.parse(again.stdout) as { emails: number; days: { date: string; dailyJob: boolean; alreadySent: number }[] };
  expect(report.emails).toBe(0);
  expect(report.days.filter((day) => day.dailyJob).map((day) => day.date)).toHaveLength(DAYS);
  expect(report.days.reduce((total, day) => total + day.alreadySent, 0)).toBeGreaterThan(0);
  expect(readdirSync(main.outbox).sort()).toEqual(files);
  const after = await reminderLog(main.book);
  expect(after).toEqual(before);
});

test('through a real SMTP server on 127.0.0.1 (BANZHUREN_SMTP): the same messages, to the same recipients', async () => {
  const server = await startSmtpServer({ user: 'city@yuxi.edu.cn', password: 'p@ss word' });
  try {
    const { book, outbox } = fresh('smtp');
    const result = await runCliAsync(tickArgs(book, outbox), { BANZHUREN_SMTP: server.url('city@yuxi.edu.cn', 'p@ss word'), TZ: 'UTC' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`经 SMTP 服务器投递 ${expected.emails.length} 封`);
    expect(result.stdout + result.stderr).not.toContain('p@ss word');
    const delivered = await server.parsed();
    const shape = (mail: { to: string; date: string; subject: string; text: string }) => `${mail.date}|${mail.to}|${mail.subject}|${withoutLink(mail.text.trimEnd())}`;
    const received = delivered.map((mail) =>
      shape({ to: (Array.isArray(mail.to) ? mail.to : [mail.to]).flatMap((address) => address?.value ?? []).map((entry) => entry.address ?? '').join(','), date: shanghaiDay(mail.date as Date), subject: mail.subject ?? '', text: mail.text ?? '' }),
    );
    expect(received.sort()).toEqual(main.mails.map(shape).sort());
    expect(server.received.map((mail) => mail.to.join(',')).sort()).toEqual(expected.emails.map((mail) => mail.recipient).sort());
    expect(server.logins.every((login) => login === 'city@yuxi.edu.cn')).toBe(true);
    // The outbox of that run holds the same files as the run without SMTP.
    expect((await readOutbox(outbox)).map(shape).sort()).toEqual(main.mails.map(shape).sort());
  } finally {
    await server.stop();
  }
}, 120_000);

test('an SMTP server that is down: exit 3, the .eml files kept and named; the next tick delivers them first, once', async () => {
  const port = await closedPort();
  const { book, outbox } = fresh('smtp-down');
  const firstWeek = expected.emails.filter((mail) => mail.date <= '2025-09-19');
  const down = await runCliAsync(['tick', book, '--today', FIRST_DAY, '--days', '5', '--outbox', outbox, '--mail-quota', String(QUOTA)], { BANZHUREN_SMTP: `smtp://127.0.0.1:${port}` });
  expect(down.code).toBe(3);
  const kept = (await readOutbox(outbox)).map((mail) => mail.file);
  expect(kept).toHaveLength(firstWeek.length);
  for (const file of kept) expect(down.stderr).toMatch(new RegExp(`^提示：${file.replace(/\./g, '\\.')}：投递到邮件服务器 .*（已留在发件箱，下次运行 tick 时重试）$`, 'mu'));
  // Counted by file, not by attempt: each kept file named once, the summary's count the number of files.
  for (const file of kept) expect(down.stderr.split(file).length - 1).toBe(1);
  expect(down.stdout).toMatch(new RegExp(`经 SMTP 服务器投递 0 封，${kept.length} 封未能投递（留在发件箱，下次重试）`, 'u'));
  const server = await startSmtpServer({ port });
  try {
    const up = await runCliAsync(['tick', book, '--today', '2025-09-20', '--days', '3', '--outbox', outbox, '--mail-quota', String(QUOTA)], { BANZHUREN_SMTP: server.url() });
    expect(up.code).toBe(0);
    const throughMonday = expected.emails.filter((mail) => mail.date <= '2025-09-22');
    expect(server.received.map((mail) => mail.to.join(',')).sort()).toEqual(throughMonday.map((mail) => mail.recipient).sort());
    expect(readdirSync(outbox).filter((file) => file.endsWith('.eml'))).toHaveLength(throughMonday.length);
    // The ones left undelivered went first.
    expect((await server.parsed()).slice(0, firstWeek.length).map((mail) => shanghaiDay(mail.date as Date) <= '2025-09-19')).toEqual(firstWeek.map(() => true));
  } finally {
    await server.stop();
  }
}, 120_000);

test('--dry-run writes nothing (workbook bytes, no outbox, no 发件箱) and prints the same digests', () => {
  const { book, outbox } = fresh('dry');
  const before = readFileSync(book);
  const modified = statSync(book).mtimeMs;
  const text = runCli(tickArgs(book, outbox, ['--dry-run']), { timeZone: 'UTC' });
  expect(text.code).toBe(0);
  const json = runCli(tickArgs(book, outbox, ['--dry-run', '--json']), { timeZone: 'Asia/Shanghai' });
  expect(json.code).toBe(0);
  expect(readFileSync(book).equals(before)).toBe(true);
  expect(statSync(book).mtimeMs).toBe(modified);
  expect(existsSync(outbox)).toBe(false);
  expect(readdirSync(join(folder, 'dry'))).toEqual([BOOK_NAME]);
  const report = JSON.parse(json.stdout) as { dryRun: boolean; digests: { date: string; recipient: string; subject: string; body: string }[] };
  expect(report.dryRun).toBe(true);
  const shape = (mail: { date: string; to: string; subject: string; text: string }) => `${mail.date}|${mail.to}|${mail.subject}|${withoutLink(mail.text.trimEnd())}`;
  expect(report.digests.map((digest) => shape({ date: digest.date, to: digest.recipient, subject: digest.subject, text: digest.body })).sort()).toEqual(main.mails.map(shape).sort());
  for (const mail of main.mails) {
    expect(text.stdout).toContain(`  收件人：${mail.to}\n  主题：${mail.subject}\n`);
  }
  expect(text.stdout).toMatch(new RegExp(`将发出提醒邮件 ${main.mails.length} 封；未保存表格，未写发件箱，未发送$`, 'mu'));
});

/** After a cut-off run and a rerun: no reminder emailed twice, every emailed reminder recorded 已发送 once, nothing unexpected. */
async function expectAtMostOnce(book: string, outbox: string): Promise<ReadMail[]> {
  const mails = await readOutbox(outbox);
  const emailed = identities(mails);
  expect(new Set(emailed).size).toBe(emailed.length);
  const wanted = new Set(expected.emails.flatMap((mail) => mail.reminders.map((reminder) => identity(mail.date, mail.recipient, reminder))));
  for (const identity of emailed) expect(wanted.has(identity)).toBe(true);
  const [header, ...rows] = await reminderLog(book);
  const column = (name: string) => (header as string[]).indexOf(name);
  const keys = rows.filter((row) => row[column('结果')] === '已发送').map((row) => `${row[column('收件人')]}|${row[column('类型')]}|${row[column('工作表')]}|${row[column('场合')]}`);
  expect(new Set(keys).size).toBe(keys.length);
  // Each email's reminders were recorded before it was sent.
  for (const mail of mails) {
    for (const reminder of mail.reminders) {
      expect(rows.some((row) => row[column('收件人')] === mail.to && row[column('类型')] === LABELS[reminder.kind] && row[column('行')] === String(reminder.row) && row[column('结果')] === '已发送')).toBe(true);
    }
  }
  for (const mail of mails) expect(isWorkingDay(mail.date)).toBe(true);
  return mails;
}

test('cut off by the execution time limit, then run again: no reminder twice', async () => {
  const { book, outbox } = fresh('limit');
  const cut = runCli(tickArgs(book, outbox, ['--time-limit', '2', '--json']));
  const report = JSON.parse(cut.stdout) as { killed: number; emails: number; days: { problems: string[] }[] };
  expect(report.killed).toBeGreaterThan(0);
  // A run cut off between recording 发送中 and sending: each such reminder is named (never resent), and the tick ends in exit 3.
  const [header, ...rows] = await reminderLog(book);
  const column = (name: string) => (header as string[]).indexOf(name);
  const interrupted = rows.filter((row) => row[column('结果')] === '发送中');
  expect(interrupted.length).toBeGreaterThan(0);
  const problems = report.days.flatMap((day) => day.problems);
  for (const row of interrupted) {
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`${row[column('日期')]} 发给 ${(row[column('收件人')] as string).replace(/\./g, '\\.')} 的“${row[column('类型')]}”提醒（${row[column('姓名')]}）停在“发送中”`, 'u')));
  }
  expect(cut.code).toBe(3);
  const again = runCli(tickArgs(book, outbox));
  expect(again.code).toBe(0);
  const mails = await expectAtMostOnce(book, outbox);
  expect(mails.length).toBeGreaterThan(0);
});

test('killed (SIGKILL) as soon as its first email is in the outbox, then run again: no reminder twice', async () => {
  const { book, outbox } = fresh('killed');
  const killed = await runCliAsync(tickArgs(book, outbox), {}, (child) => {
    const watch = setInterval(() => {
      if (existsSync(outbox) && readdirSync(outbox).some((file) => file.endsWith('.eml'))) {
        clearInterval(watch);
        child.kill('SIGKILL');
      }
    }, 5);
    child.on('close', () => clearInterval(watch));
  });
  expect(killed.signal).toBe('SIGKILL');
  const rerun = await runCliAsync(tickArgs(book, outbox), {});
  expect(rerun.code).toBe(0);
  const mails = await expectAtMostOnce(book, outbox);
  // The rerun finished the window: at most the digests lost to the kill are missing.
  expect(mails.length).toBeGreaterThanOrEqual(expected.emails.length - 2);
}, 120_000);

/** Changes the workbook with ExcelJS, as a person editing it in Excel would. */
async function edit(book: string, change: (workbook: ExcelJS.Workbook) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(book);
  change(workbook);
  await workbook.xlsx.writeFile(book);
}

/** Emails as comparable lines without row numbers: `date recipient kind kind …` (rows move when a sheet is sorted). */
function emailKinds(mails: readonly { date: string; recipient: string; reminders: readonly { kind: string }[] }[]): string[] {
  return mails.map((mail) => `${mail.date} ${mail.recipient} ${mail.reminders.map((reminder) => reminder.kind).sort().join(' ')}`).sort();
}

test('推荐名单 sorted (rows reversed) between two ticks: nothing is sent twice, the same emails as without sorting', async () => {
  const { book, outbox } = fresh('resort');
  const first = runCli(['tick', book, '--today', FIRST_DAY, '--days', '8', '--outbox', outbox, '--mail-quota', String(QUOTA)]);
  expect(first.code).toBe(0);
  await edit(book, (workbook) => {
    const sheet = workbook.getWorksheet('推荐名单')!;
    const last = 1 + SCENARIO_ROWS.length;
    const rows: CellValue[][] = [];
    for (let row = 2; row <= last; row += 1) rows.push((sheet.getRow(row).values as CellValue[]).slice());
    rows.reverse().forEach((values, index) => {
      sheet.getRow(index + 2).values = values;
    });
  });
  const second = runCli(['tick', book, '--today', nextDay(FIRST_DAY, 8), '--days', '8', '--outbox', outbox, '--mail-quota', String(QUOTA)]);
  expect(second.code).toBe(0);
  const mails = await readOutbox(outbox);
  const window = expectedEmails(publicityEnds, QUOTA, { days: 16 });
  // The guard: the second tick had reminders to send (of rows that moved).
  expect(window.emails.filter((mail) => mail.date >= nextDay(FIRST_DAY, 8)).length).toBeGreaterThan(0);
  expect(emailKinds(mails.map((mail) => ({ date: mail.date, recipient: mail.to, reminders: mail.reminders })))).toEqual(emailKinds(window.emails));
}, 120_000);

test('提醒间隔 1 for a week, then 5: the waiting rows are still reminded every 5 working days', async () => {
  const { book, outbox } = fresh('interval');
  const setInterval = (days: number) => (workbook: ExcelJS.Workbook) => {
    workbook.getWorksheet('设置')!.eachRow((row) => {
      if (row.getCell(1).value === '提醒间隔') row.getCell(2).value = days;
    });
  };
  await edit(book, setInterval(1));
  const switchDay = nextDay(FIRST_DAY, 8);
  expect(runCli(['tick', book, '--today', FIRST_DAY, '--days', '8', '--outbox', outbox, '--mail-quota', String(QUOTA)]).code).toBe(0);
  await edit(book, setInterval(5));
  expect(runCli(['tick', book, '--today', switchDay, '--days', '8', '--outbox', outbox, '--mail-quota', String(QUOTA)]).code).toBe(0);
  const mails = await readOutbox(outbox);
  const window = expectedEmails(publicityEnds, QUOTA, { days: 16, interval: (today) => (today < switchDay ? 1 : 5) });
  expect(emailLines(mails.map((mail) => ({ date: mail.date, recipient: mail.to, reminders: mail.reminders })))).toEqual(emailLines(window.emails));
  // The guard: after the change, rows are reminded again (李华, row 2, on her next fifth working day), not silenced for weeks.
  const later = window.emails.filter((mail) => mail.date >= switchDay).flatMap((mail) => mail.reminders.filter((reminder) => reminder.kind === 'waiting').map((reminder) => reminder.row));
  expect(later).toContain(2);
}, 120_000);
