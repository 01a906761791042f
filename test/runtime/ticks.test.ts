/**
 * runTicks over small bundles: an hourly trigger fires every hour of each simulated day (00:00 to
 * 24:00 in the spreadsheet's zone, 25 times on the day daylight saving ends), as the user who
 * installed it whoever opened the workbook; runs missed before the window are not caught up; the
 * workbook is saved only after executions that changed it or sent mail, and the mail is delivered
 * after that save; a one-off trigger fires once; no trigger means an empty report.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { runTicks, type TickExecution } from '../../local/runtime/ticks';
import { instantOfDateAndTime } from '../../local/runtime/time-zones';
import type { StoredTrigger } from '../../local/services/script/script-app';
import { SMTP_VARIABLE } from '../../local/services/mail/smtp-settings';
import { closedPort, startSmtpServer } from '../support/smtp-server';
import { openWith, readXlsx, tempDir, writeXlsx } from './helpers';
import { DAILY } from './ticks-daily-bundle';

const { dir, cleanup } = tempDir();
afterAll(cleanup);


let count = 0;
/** A workbook with a 记录 sheet in its own folder, the trigger installed by `installer` on `day` at 09:00. */
async function installed(installer: string, day: string, timeZone: string): Promise<{ path: string; folder: string }> {
  count += 1;
  const folder = join(dir, `ticks-${count}`);
  mkdirSync(folder);
  const path = await writeXlsx(join(folder, '推荐.xlsx'), (workbook) => workbook.addWorksheet('记录'));
  const runtime = await openWith(path, DAILY, { as: installer, today: day, timeZone });
  try {
    runtime.bundle.call('install');
    runtime.bundle.call('remember');
    await runtime.save();
  } finally {
    runtime.close();
  }
  return { path, folder };
}

const hourIn = (instant: number, timeZone: string) =>
  Number(new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(new Date(instant)));

test.each([
  ['Asia/Shanghai', '2024-10-01', [24, 24, 24]],
  ['America/Los_Angeles', '2024-11-02', [24, 25, 24]],
  ['UTC', '2024-12-31', [24, 24, 24]],
])('an hourly trigger fires every hour of each day in %s, as its installer, once a day doing the job, saved and mailed only then', async (timeZone, from, perDay) => {
  const { path, folder } = await installed('city@yx.cn', '2024-09-20', timeZone);
  // Opened by somebody else at 00:00 of the first day: the trigger still runs as the one who installed it.
  const runtime = await openWith(path, DAILY, { as: 'other@school.cn', today: from, startTime: '00:00' });
  const executions: TickExecution[] = [];
  const days: string[] = [];
  const installedFiring = (runtime.state.triggers as StoredTrigger[])[0]?.nextFiring ?? NaN;
  try {
    const report = await runTicks(runtime, { from, days: 3, afterExecution: (execution) => void executions.push(execution), afterDay: (day) => void days.push(day.date) });
    expect(report.days.map((day) => day.executions)).toEqual(perDay);
    expect(report.executions).toBe(perDay.reduce((sum, value) => sum + value, 0));
    expect(report.killed).toBe(0);
    expect(days).toEqual(report.days.map((day) => day.date));
    // The first firing is at 00:00 of the first day (runs missed since 2024-09-20 are not caught up), then hourly.
    expect(hourIn(executions[0]?.firing ?? 0, timeZone)).toBe(0);
    // Hourly from when it was installed (09:00 and the milliseconds the install's calls took): the skipped runs keep its phase.
    expect(((executions[0]?.firing ?? 0) - installedFiring) % (60 * 60 * 1000)).toBe(0);
    expect((executions[0]?.firing ?? 0) - instantOfDateAndTime(from, 0, 0, timeZone)).toBeGreaterThanOrEqual(0);
    expect((executions[0]?.firing ?? 0) - instantOfDateAndTime(from, 0, 0, timeZone)).toBeLessThan(1000);
    expect(executions.every((execution) => execution.user === 'city@yx.cn')).toBe(true);
    const done = report.days.map((day) => day.results.filter((result) => result !== null));
    expect(done.map((results) => results.length)).toEqual([1, 1, 1]);
    const dates = report.days.map((day) => day.date);
    expect(done.flat()).toEqual(dates.map((date) => ({ date, hour: 8, user: 'city@yx.cn', triggers: 1, mine: 'city@yx.cn' })));
    // Saved (and mailed) only after the executions that did something: one a day.
    expect(executions.filter((execution) => execution.saved).map((execution) => hourIn(execution.firing, timeZone))).toEqual([8, 8, 8]);
    expect(executions.filter((execution) => execution.delivery !== null)).toHaveLength(3);
    expect(runtime.activeUser).toBe('city@yx.cn');
  } finally {
    runtime.close();
  }
  const outbox = join(folder, '发件箱');
  const files = readdirSync(outbox).sort();
  expect(files).toHaveLength(3);
  const subjects = await Promise.all(files.map(async (file) => (await simpleParser(readFileSync(join(outbox, file)))).subject));
  expect(subjects).toEqual(dateList(from, 3).map((date) => `每日提醒 ${date}`));
  expect(files.map((file) => file.slice(9, 11))).toEqual(['08', '08', '08']);
  const saved = await readXlsx(path);
  const rows = saved.getWorksheet('记录')?.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
  expect(rows).toEqual(dateList(from, 3).map((date) => [`日期 ${date}`, 8, 'city@yx.cn']));
});

/** `days` calendar dates from `from`. */
function dateList(from: string, days: number): string[] {
  return Array.from({ length: days }, (_, index) => new Date(Date.parse(`${from}T00:00:00Z`) + index * 86_400_000).toISOString().slice(0, 10));
}

test('a clock starting at 09:00 (no startTime) counts the earlier hours of the first day as missed', async () => {
  const { path } = await installed('city@yx.cn', '2024-10-08', 'Asia/Shanghai');
  const runtime = await openWith(path, DAILY, { today: '2024-10-09' });
  try {
    const report = await runTicks(runtime, { from: '2024-10-09', days: 2 });
    expect(report.days.map((day) => day.executions)).toEqual([15, 24]);
    // The first day's job runs at its first firing after 08:00: 09:00.
    expect(report.days.map((day) => day.results.findIndex((result) => result !== null))).toEqual([0, 8]);
  } finally {
    runtime.close();
  }
});

test('a one-off trigger fires once, in its day, and is saved as used up', async () => {
  count += 1;
  const path = await writeXlsx(join(dir, `once-${count}.xlsx`), (workbook) => workbook.addWorksheet('记录'));
  const first = await openWith(path, DAILY, { as: 'city@yx.cn', today: '2024-10-09', startTime: '00:00' });
  try {
    first.bundle.call('installOnce', 10 * 60 * 60 * 1000);
    const report = await runTicks(first, { from: '2024-10-09', days: 2 });
    expect(report.days.map((day) => day.executions)).toEqual([1, 0]);
    expect(report.days[0]?.results).toEqual([expect.objectContaining({ date: '2024-10-09', hour: 10 })]);
    expect(first.state.triggers).toEqual([]);
  } finally {
    first.close();
  }
  const again = await openWith(path, DAILY, { today: '2024-10-11', startTime: '00:00' });
  try {
    expect(again.state.triggers).toEqual([]);
    expect(await runTicks(again, { from: '2024-10-11', days: 1 })).toEqual({ days: [], executions: 0, killed: 0 });
  } finally {
    again.close();
  }
});

test('no trigger installed: an empty report, nothing saved or written', async () => {
  count += 1;
  const folder = join(dir, `none-${count}`);
  mkdirSync(folder);
  const path = await writeXlsx(join(folder, '推荐.xlsx'), (workbook) => workbook.addWorksheet('记录'));
  const before = statSync(path).mtimeMs;
  const runtime = await openWith(path, DAILY, { today: '2024-10-09', startTime: '00:00' });
  try {
    expect(await runTicks(runtime, { from: '2024-10-09', days: 30 })).toEqual({ days: [], executions: 0, killed: 0 });
  } finally {
    runtime.close();
  }
  expect(statSync(path).mtimeMs).toBe(before);
  expect(existsSync(join(folder, '发件箱'))).toBe(false);
});

test('the trigger kept in the workbook moves on as it fires', async () => {
  const { path } = await installed('city@yx.cn', '2024-10-08', 'Asia/Shanghai');
  const runtime = await openWith(path, DAILY, { today: '2024-10-09', startTime: '00:00' });
  try {
    await runTicks(runtime, { from: '2024-10-09', days: 1 });
    const [trigger] = runtime.state.triggers as StoredTrigger[];
    const early = (trigger?.nextFiring ?? 0) - instantOfDateAndTime('2024-10-10', 0, 0, 'Asia/Shanghai');
    expect(early >= 0 && early < 1000).toBe(true);
  } finally {
    runtime.close();
  }
});

test('a first day already past on the clock is refused in Chinese; bad arguments too', async () => {
  const runtime = await openWith(undefined, DAILY, { today: '2024-10-09' });
  try {
    await expect(runTicks(runtime, { from: '2024-10-08', days: 1 })).rejects.toThrow('起始日期 2024-10-08 已经过去');
    await expect(runTicks(runtime, { from: '2024-10-9', days: 1 })).rejects.toThrow('日期应为 YYYY-MM-DD，收到“2024-10-9”');
    await expect(runTicks(runtime, { from: '2024-10-09', days: 0 })).rejects.toThrow('天数应为正整数，收到“0”');
    expect(await runTicks(runtime, { from: '2024-10-09', days: 1 })).toEqual({ days: [], executions: 0, killed: 0 });
  } finally {
    runtime.close();
  }
});

test('mail an earlier run could not hand to the SMTP server is retried first, counted in the first day', async () => {
  const port = await closedPort();
  process.env[SMTP_VARIABLE] = `smtp://127.0.0.1:${port}`;
  try {
    const { path } = await installed('city@yx.cn', '2024-10-08', 'Asia/Shanghai');
    const down = await openWith(path, DAILY, { today: '2024-10-09', startTime: '00:00' });
    try {
      const report = await runTicks(down, { from: '2024-10-09', days: 1 });
      expect(report.days[0]?.delivery).toEqual({ written: [expect.any(String)], delivered: 0, failed: [expect.objectContaining({ message: expect.stringContaining('投递到邮件服务器') })], uncertain: [] });
    } finally {
      down.close();
    }
    const server = await startSmtpServer({ port });
    try {
      // The same day again: the job is done, no new mail; the earlier message goes all the same.
      const up = await openWith(path, DAILY, { today: '2024-10-09', startTime: '00:00' });
      try {
        const report = await runTicks(up, { from: '2024-10-09', days: 1 });
        expect(report.days[0]?.delivery).toEqual({ written: [], delivered: 1, failed: [], uncertain: [] });
        expect((await server.parsed()).map((mail) => mail.subject)).toEqual(['每日提醒 2024-10-09']);
      } finally {
        up.close();
      }
    } finally {
      await server.stop();
    }
  } finally {
    delete process.env[SMTP_VARIABLE];
  }
});

/** A handler that appends who ran it at which hour: a write per execution, so each takes simulated time. */
const EVERY_USER = `
function install() { ScriptApp.newTrigger('onHourlyTrigger').timeBased().everyHours(1).create(); }
function onHourlyTrigger() {
  var spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  var hour = Number(Utilities.formatDate(new Date(), spreadsheet.getSpreadsheetTimeZone(), 'H'));
  spreadsheet.getSheetByName('记录').appendRow([hour, Session.getEffectiveUser().getEmail()]);
  return hour;
}`;

test.each(['Asia/Shanghai', 'America/Los_Angeles'])('several users\u2019 hourly triggers due in the same hour all fire, each as its own user, in install order (%s)', async (timeZone) => {
  count += 1;
  const path = await writeXlsx(join(dir, `users-${count}.xlsx`), (workbook) => workbook.addWorksheet('记录'));
  const runtime = await openWith(path, EVERY_USER, { as: 'city@yx.cn', today: '2024-10-08', timeZone });
  const users = ['city@yx.cn', 'hongta@yx.cn', 'jiangchuan@yx.cn'];
  try {
    // Installed one after the other within the same second: due in the same hours.
    for (const user of users) {
      runtime.setActiveUser(user);
      runtime.bundle.call('install');
    }
    const installedAt = (runtime.state.triggers as StoredTrigger[]).map((trigger) => trigger.nextFiring);
    const executions: TickExecution[] = [];
    const report = await runTicks(runtime, { from: '2024-10-09', days: 2, afterExecution: (execution) => void executions.push(execution) });
    expect(report.days.map((day) => day.executions)).toEqual([72, 72]);
    const firstDay = executions.slice(0, 72);
    expect(firstDay.map((execution) => execution.user)).toEqual(Array.from({ length: 24 }, () => users).flat());
    expect(firstDay.map((execution) => execution.result)).toEqual(Array.from({ length: 24 }, (_, hour) => [hour, hour, hour]).flat());
    // Firing late behind another user's execution does not shift a trigger's schedule.
    const stored = () => (runtime.state.triggers as StoredTrigger[]).map((trigger) => trigger.nextFiring);
    expect(stored().map((next, index) => (next - installedAt[index]!) % (60 * 60 * 1000))).toEqual([0, 0, 0]);
  } finally {
    runtime.close();
  }
});
