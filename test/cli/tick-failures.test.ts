/**
 * `banzhuren tick` when the daily job cannot do its work (issue 10, round 2): a job that fails (a
 * 节假日 date that does not exist) is said on the day's line with its reason, kept in --json, and
 * ends in exit 3; a job every run of which the time limit cuts off is said to be unfinished (exit
 * 3), not "carried on by the next run" with exit 0; `log` shows the failure without an empty row;
 * and an outbox that cannot be written or a mail server URL that cannot be used stops tick before
 * any execution: exit 2 naming where the value came from, the workbook's bytes unchanged.
 */
import ExcelJS from 'exceljs';
import { simpleParser } from 'mailparser';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UNDELIVERED_FILE } from '../../local/services/mail/outbox';
import { runCli } from '../support/cli';
import { closedPort } from '../support/smtp-server';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { temporaryFolder } from '../support/workbooks';

const CITY = 'city@yuxi.edu.cn';
const folder = temporaryFolder();
/** A workbook with one row waiting for the city and reminders turned on by the city on 2025-09-14. */
const pristine = join(folder, 'pristine.xlsx');

beforeAll(async () => {
  await scenarioWorkbook(pristine, [candidate({ 姓名: '陈静' })], [[CITY, '市级'], ['ht@yuxi.edu.cn', '红塔区']]);
  const moved = runCli(['advance', pristine, '--rows', '2', '--to', '初审通过', '--as', 'ht@yuxi.edu.cn', '--today', '2025-09-01']);
  if (moved.code !== 0) throw new Error(moved.stderr);
  const on = runCli(['reminders', 'on', pristine, '--as', CITY, '--today', '2025-09-14']);
  if (on.code !== 0) throw new Error(on.stderr);
}, 60_000);

let copies = 0;
/** A fresh copy of the workbook in its own folder, changed by `edit` (ExcelJS) when given. */
async function copy(edit?: (workbook: ExcelJS.Workbook) => void): Promise<{ book: string; outbox: string; dir: string }> {
  copies += 1;
  const dir = join(folder, `copy${copies}`);
  mkdirSync(dir);
  const book = join(dir, '名单.xlsx');
  copyFileSync(pristine, book);
  if (edit) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    edit(workbook);
    await workbook.xlsx.writeFile(book);
  }
  return { book, outbox: join(dir, '发件箱'), dir };
}

/** The tick report's days as --json gives them. */
interface JsonDay {
  date: string;
  job: string | null;
  killed: number;
  problems: string[];
}

test('a day whose job completes: exit 0, job "completed" (the control for the failures below)', async () => {
  const { book, outbox } = await copy();
  const result = runCli(['tick', book, '--today', '2025-09-15', '--outbox', outbox, '--json']);
  expect(result.code).toBe(0);
  const report = JSON.parse(result.stdout) as { days: JsonDay[] };
  expect(report.days.map((day) => [day.date, day.job, day.problems])).toEqual([['2025-09-15', 'completed', []]]);
});

test('a failing daily job: said on each day’s line with its reason, kept in --json, exit 3; log shows it without an empty row', async () => {
  const { book, outbox } = await copy((workbook) => {
    workbook.getWorksheet('节假日')!.getRow(2).values = ['2025-13-45', '休', '打错的日期'];
  });
  const text = runCli(['tick', book, '--today', '2025-09-15', '--days', '2', '--outbox', outbox]);
  expect(text.code).toBe(3);
  // The failure is mailed to the city at once (one line: 每日任务失败).
  expect(text.stdout).toMatch(/^2025-09-15（星期一）：发出提醒邮件 1 封（1 项）：city@yuxi\.edu\.cn；每日任务失败（原因见下，已写入“操作记录”）$/mu);
  expect(text.stdout).toMatch(/^ {2}问题：每日任务失败：节假日第2行：日期“2025-13-45”无法识别/mu);
  expect(text.stdout).toMatch(/^2025-09-16（星期二）：.*每日任务失败（原因见下/mu);
  expect(text.stdout).toMatch(/每日任务有 2 天失败或没有完成（2025-09-15、2025-09-16）$/mu);
  expect(text.stdout).not.toContain('没有运行每日任务（当天已运行过');
  const json = runCli(['tick', book, '--today', '2025-09-17', '--outbox', outbox, '--json']);
  expect(json.code).toBe(3);
  const [day] = (JSON.parse(json.stdout) as { days: JsonDay[] }).days;
  expect(day).toMatchObject({ date: '2025-09-17', job: 'failed' });
  expect(day?.problems).toEqual([expect.stringMatching(/^每日任务失败：节假日第2行：日期“2025-13-45”无法识别/u)]);
  const log = runCli(['log', book]);
  const failures = log.stdout.split('\n').filter((line) => line.includes('每日任务失败'));
  expect(failures).toHaveLength(3);
  for (const line of failures) expect(line).toMatch(/^2025-09-1\d \d\d:\d\d:\d\d {2}\S+ {2}每日任务失败：节假日第2行：日期“2025-13-45”无法识别/u);
  expect(log.stdout).not.toContain('第行');
  expect(log.stdout).not.toContain('：→');
}, 60_000);

test('a failure whose reason quotes a phone number typed into 节假日: the number reaches neither the city’s email, 操作记录, nor the output', async () => {
  // The candidate's 联系电话 (test/support/scenario.ts) typed as a 节假日 date: the calendar's error quotes the cell.
  const phone = '13812345678';
  const { book, outbox } = await copy((workbook) => {
    workbook.getWorksheet('节假日')!.getRow(2).values = [phone, '休', '误填'];
  });
  const result = runCli(['tick', book, '--today', '2025-09-15', '--outbox', outbox]);
  expect(result.code).toBe(3);
  expect(result.stdout).toMatch(/^ {2}问题：每日任务失败：节假日第2行：日期“＊＊＊”/mu);
  const mails = readdirSync(outbox).filter((name) => name.endsWith('.eml'));
  expect(mails).toHaveLength(1);
  const mail = await simpleParser(readFileSync(join(outbox, mails[0]!)));
  expect(mail.text).toContain('每日任务未能完成');
  for (const text of [mail.subject ?? '', mail.text ?? '', result.stdout, result.stderr, runCli(['log', book]).stdout]) expect(text.replace(/\D/g, '')).not.toContain(phone);
}, 60_000);

test('every run cut off by the time limit: the day is said unfinished, --json job "unfinished", exit 3', async () => {
  const { book, outbox } = await copy();
  const result = runCli(['tick', book, '--today', '2025-09-15', '--outbox', outbox, '--time-limit', '1']);
  expect(result.code).toBe(3);
  expect(result.stdout).toMatch(/^2025-09-15（星期一）：每日任务当天没有完成（\d+ 次执行被时限中断）：下一次定时运行接着做，已记录的提醒不会重发$/mu);
  expect(result.stdout).toMatch(/每日任务有 1 天失败或没有完成（2025-09-15）$/mu);
  const json = runCli(['tick', book, '--today', '2025-09-16', '--outbox', outbox, '--time-limit', '1', '--json']);
  expect(json.code).toBe(3);
  expect((JSON.parse(json.stdout) as { days: JsonDay[] }).days).toEqual([expect.objectContaining({ date: '2025-09-16', job: 'unfinished', killed: expect.any(Number) })]);
}, 60_000);

/** Runs tick and expects it refused before anything ran: exit 2, one line naming `expected`, the workbook's bytes unchanged. */
function expectRefusedBeforeRunning(book: string, args: string[], expected: string[], env: Record<string, string> = {}): void {
  const before = readFileSync(book);
  const result = runCli(['tick', book, '--today', '2025-09-15', '--days', '2', ...args], { env });
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  for (const text of expected) expect(lines[0]).toContain(text);
  expect(lines[0]).toContain('没有运行定时任务，表格未修改');
  expect(readFileSync(book).equals(before)).toBe(true);
}

test('an outbox under a file: exit 2 naming it, before any execution (nothing recorded, no mail lost)', async () => {
  const { book, dir } = await copy();
  writeFileSync(join(dir, 'afile'), 'x');
  const outbox = join(dir, 'afile', 'sub');
  expectRefusedBeforeRunning(book, ['--outbox', outbox], [outbox, '--outbox']);
  // The same tick with a usable outbox runs and records.
  const fine = runCli(['tick', book, '--today', '2025-09-15', '--outbox', join(dir, 'out')]);
  expect(fine.code).toBe(0);
  expect(fine.stdout).toContain('发出提醒邮件 1 封');
});

test('a bad SMTP URL, from BANZHUREN_SMTP or from 设置 邮件服务器: exit 2 naming where it came from, before any execution', async () => {
  const fromEnvironment = await copy();
  expectRefusedBeforeRunning(fromEnvironment.book, ['--outbox', fromEnvironment.outbox], ['环境变量 BANZHUREN_SMTP', '邮件服务器地址无效'], { BANZHUREN_SMTP: 'http://mail.example.com' });
  expect(existsSync(fromEnvironment.outbox)).toBe(false);
  let settingsRow = 0;
  const fromSettings = await copy((workbook) => {
    workbook.getWorksheet('设置')!.eachRow((row, rowNumber) => {
      if (row.getCell(1).value === '邮件服务器') {
        row.getCell(2).value = 'smtp://';
        settingsRow = rowNumber;
      }
    });
  });
  expect(settingsRow).toBeGreaterThan(1);
  expectRefusedBeforeRunning(fromSettings.book, ['--outbox', fromSettings.outbox], [`设置第${settingsRow}行（邮件服务器）`, '邮件服务器地址无效']);
});

test('a year the calendar does not know (2027): the failure is told to the city on its first weekday, said on the day’s line, exit 3', async () => {
  const { book, outbox } = await copy();
  const result = runCli(['tick', book, '--today', '2026-12-31', '--days', '2', '--outbox', outbox, '--json']);
  expect(result.code).toBe(3);
  const report = JSON.parse(result.stdout) as { days: (JsonDay & { emails: { recipient: string; subject: string }[] })[] };
  const newYear = report.days.find((day) => day.date === '2027-01-01');
  expect(newYear?.job).toBe('failed');
  expect(newYear?.problems.join('\n')).toContain('2027年的法定节假日和调休安排尚未收录');
  // 2027-01-01 is a Friday: the city is told that day, not at some later digest.
  expect(newYear?.emails.map((mail) => mail.recipient)).toEqual([CITY]);
  const text = runCli(['tick', book, '--today', '2027-01-02', '--outbox', outbox]);
  expect(text.code).toBe(3);
  expect(text.stdout).toMatch(/^2027-01-02（星期六）：每日任务失败（原因见下，已写入“操作记录”）$/mu);
  expect(text.stdout).toMatch(/^ {2}问题：.*2027年的法定节假日和调休安排尚未收录/mu);
}, 60_000);

test('a message an earlier run died handing to the SMTP server: listed as uncertain (never resent), counted by file, exit 3', async () => {
  const { book, outbox } = await copy();
  mkdirSync(outbox);
  const file = '20250915-080002-001-city@yuxi.edu.cn.eml';
  writeFileSync(join(outbox, file), 'Subject: x\r\n\r\nx\r\n');
  writeFileSync(join(outbox, UNDELIVERED_FILE), JSON.stringify([{ file, from: CITY, to: [CITY], message: '', attempts: 0, sending: true }]));
  const port = await closedPort();
  const json = runCli(['tick', book, '--today', '2025-09-16', '--outbox', outbox, '--json'], { env: { BANZHUREN_SMTP: `smtp://127.0.0.1:${port}` } });
  expect(json.code).toBe(3);
  const report = JSON.parse(json.stdout) as { days: { mail: { uncertain: string[] } }[]; mail: { uncertain: string[]; undelivered: string[] } };
  expect(report.mail.uncertain).toEqual([file]);
  // Not retried: only the day's new message (the server is down) waits for the next run.
  expect(report.mail.undelivered).not.toContain(file);
  expect(report.days[0]?.mail.uncertain).toEqual([join(outbox, file)]);
  // Reported once: the next run does not list (or send) it again.
  const text = runCli(['tick', book, '--today', '2025-09-17', '--outbox', outbox], { env: { BANZHUREN_SMTP: `smtp://127.0.0.1:${port}` } });
  expect(text.stderr).not.toContain(file);
  const fresh = await copy();
  mkdirSync(fresh.outbox);
  writeFileSync(join(fresh.outbox, file), 'Subject: x\r\n\r\nx\r\n');
  writeFileSync(join(fresh.outbox, UNDELIVERED_FILE), JSON.stringify([{ file, from: CITY, to: [CITY], message: '', attempts: 0, sending: true }]));
  const said = runCli(['tick', fresh.book, '--today', '2025-09-16', '--outbox', fresh.outbox], { env: { BANZHUREN_SMTP: `smtp://127.0.0.1:${port}` } });
  expect(said.code).toBe(3);
  expect(said.stdout).toMatch(/^2025-09-16（星期二，工作日）：.*1 封在上次投递时中断，不确定是否已发出（不会自动重发，见下）$/mu);
  expect(said.stdout).toMatch(/1 封不确定是否已发出（见上）$/mu);
  expect(said.stderr).toContain(`提示：${file}：上次投递到邮件服务器时进程中断，不确定对方是否已收到；不会自动重发`);
}, 60_000);
