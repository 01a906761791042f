/**
 * The daily job through the real dist/Code.js in the offline runtime (MailApp: a stand-in,
 * test/bundle/reminder-mail-fake.ts, and once the runtime's own): one digest per recipient, recorded in 提醒记录 and flushed
 * before each send, never sent twice (not on a second run, not after a send that failed or was
 * cut off), the quota's overflow recorded 等待 and first the next working day, each sheet read once,
 * the hour and the day in the spreadsheet's zone, a busy document, and a failed run named to the city.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInContext } from 'node:vm';
import { CallCounter } from '../../local/runtime/call-counter';
import { instantOfDateAndTime } from '../../local/runtime/time-zones';
import { openWorkbookRuntime, type WorkbookRuntime, type WorkbookRuntimeOptions } from '../../local/workbook-runtime';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { readSheet, temporaryFolder } from '../support/workbooks';
import { installFakeMailApp, type FakeMail } from './reminder-mail-fake';

const CITY = 'city@yuxi.cn';
const HONGTA = 'ht@yuxi.cn';
const ID_NUMBERS = ['530402198001011234', '53040219800202123X', '530402198003031236', '530402198004041238'];
const PHONES = ['13900000001', '13900000002', '13900000003', '13900000004'];

/** 甲 初审通过 since 2024-09-02 (city waits), 乙 公示中 until 2024-09-11, 丙 学校推荐 since 2024-09-02 (红塔区 waits), 丁 学校推荐 never seen. */
async function reminderBook(): Promise<string> {
  const path = join(temporaryFolder(), 'reminders.xlsx');
  const personal = (index: number) => ({ 身份证号: ID_NUMBERS[index], 联系电话: PHONES[index] });
  await scenarioWorkbook(path, [
    candidate({ 姓名: '甲', 状态: '初审通过', 最后操作: `2024-09-02 ${HONGTA}：学校推荐→初审通过`, ...personal(0) }),
    candidate({ 姓名: '乙', 状态: '公示中', 公示开始: new Date('2024-09-04T00:00:00Z'), 公示截止: new Date('2024-09-11T00:00:00Z'), ...personal(1) }),
    candidate({ 姓名: '丙', 最后操作: '2024-09-02 （每日定时任务）：首次登记，开始计算等待审核的工作日', ...personal(2) }),
    candidate({ 姓名: '丁', ...personal(3) }),
  ], [[CITY, '市级'], [HONGTA, '红塔区']]);
  return path;
}

/** Opens the workbook, runs `body` with a fake MailApp, saves, closes. */
async function withRuntime<T>(path: string, options: Partial<WorkbookRuntimeOptions> & { quota?: number }, body: (runtime: WorkbookRuntime, mail: FakeMail, counter: CallCounter) => T): Promise<T> {
  const counter = new CallCounter();
  const runtime = await openWorkbookRuntime({ path, counter, print: () => undefined, ...options });
  try {
    const mail = installFakeMailApp(runtime, options.quota ?? 100);
    const result = body(runtime, mail, counter);
    await runtime.save();
    return result;
  } finally {
    runtime.close();
  }
}

/** Turns reminders on as the city on `today`. */
async function turnOn(path: string, today: string): Promise<void> {
  await withRuntime(path, { as: CITY, today }, (runtime) => runtime.bundle.call('runRemindersOn_'));
}

interface Daily {
  date: string;
  ran: boolean;
  workingDay: boolean;
  sent: { recipient: string; subject: string; reminders: number }[];
  waiting: number;
  failed: number;
  alreadySent: number;
  problems: string[];
}

function daily(result: unknown): Daily | null {
  return (result as { daily: Daily | null } | null)?.daily ?? null;
}

function property(runtime: WorkbookRuntime, name: string): string | null {
  return runInContext(`PropertiesService.getDocumentProperties().getProperty(${JSON.stringify(name)})`, runtime.bundle.context) as string | null;
}

/** 提醒记录's rows under its header, as [日期, 收件人, 类型, 行, 姓名, 结果]. */
async function records(path: string): Promise<string[][]> {
  const { rows } = await readSheet(path, '提醒记录');
  return rows.slice(1).filter((row) => row.some((cell) => cell !== null && cell !== undefined && cell !== '')).map((row) => row.slice(0, 6).map((cell) => String(cell ?? '')));
}

test('one digest per recipient, each recorded in 提醒记录 and flushed before it is sent; a second run that day and the next day send nothing again', async () => {
  const path = await reminderBook();
  await turnOn(path, '2024-09-09');
  const { result, mail, log } = await withRuntime(path, { as: CITY, today: '2024-09-10' }, (runtime, mail, counter) => {
    counter.reset();
    const result = daily(runtime.bundle.call('onHourlyTrigger', {}));
    const log = counter.log().map((call) => `${call.service}.${call.method}`);
    expect(runtime.bundle.call('onHourlyTrigger', {})).toBeNull(); // done today
    expect(property(runtime, 'dailyJobDone')).toBe('2024-09-10');
    return { result, mail, log };
  });
  expect(result!.problems).toEqual([]);
  expect(result).toMatchObject({ date: '2024-09-10', ran: true, workingDay: true, waiting: 0, failed: 0 });
  expect(result!.sent.map((each) => [each.recipient, each.reminders])).toEqual([[CITY, 2], [HONGTA, 1]]);
  expect(mail.sent.map((each) => each.to)).toEqual([CITY, HONGTA]);
  expect(mail.sent[0]!.body).toContain('甲');
  expect(mail.sent[0]!.body).toContain('乙');
  expect(mail.sent[1]!.body).toContain('丙');
  // The wait is counted from a date the mail names; 丙's only from the add-on's first sighting, and the mail says so.
  expect(mail.sent[0]!.body).toMatch(/甲（.*?），状态“初审通过”自2024年9月2日起已等待 6 个工作日/u);
  expect(mail.sent[1]!.body).toMatch(/丙（.*?），状态“学校推荐”自2024年9月2日（插件首次登记该行之日）起已等待 6 个工作日/u);
  expect(mail.sent.every((each) => each.name === '班主任评选助手')).toBe(true);
  // {链接}: Spreadsheet.getUrl (offline the workbook's file:// URL).
  expect(mail.sent[0]!.body).toContain(pathToFileURL(path).href);
  // Before each send: the digest's rows appended (one setValues) and flushed.
  log.forEach((name, index) => {
    if (name !== 'MailApp.sendEmail') return;
    const before = log.slice(0, index);
    const previousSend = before.lastIndexOf('MailApp.sendEmail');
    const since = before.slice(previousSend + 1);
    expect(since.filter((each) => each === 'Range.setValues')).not.toHaveLength(0);
    expect(since.lastIndexOf('SpreadsheetApp.flush')).toBeGreaterThan(since.lastIndexOf('Range.setValues'));
  });
  expect(await records(path)).toEqual([
    ['2024-09-10', CITY, '待审核', '2', '甲', '已发送'],
    ['2024-09-10', CITY, '公示即将截止', '3', '乙', '已发送'],
    ['2024-09-10', HONGTA, '待审核', '4', '丙', '已发送'],
  ]);
  // 丁 was seen for the first time: its 最后操作 says so (the add-on's own column).
  const sheet = (await readSheet(path, '推荐名单')).rows;
  const lastAction = (sheet[0] as string[]).indexOf('最后操作');
  expect(sheet[4]![lastAction]).toBe('2024-09-10 （每日定时任务）：首次登记，开始计算等待审核的工作日');

  const next = await withRuntime(path, { as: CITY, today: '2024-09-11' }, (runtime, mail) => ({ result: daily(runtime.bundle.call('onHourlyTrigger', {})), mail }));
  expect(next.result).toMatchObject({ ran: true, sent: [], alreadySent: 3 });
  expect(next.mail.sent).toEqual([]);
});

test('the daily job reads each sheet once and writes each sheet in one call (call counts)', async () => {
  const path = await reminderBook();
  await turnOn(path, '2024-09-09');
  const counts = await withRuntime(path, { as: CITY, today: '2024-09-10' }, (runtime, _mail, counter) => {
    counter.reset();
    runtime.bundle.call('onHourlyTrigger', {});
    return counter.snapshot().calls;
  });
  // 推荐名单 twice (the term-expiry move reads it under its own lock, then the reminders), and once each
  // 设置, 权限, 节假日, 操作记录, 提醒记录, 邮件模板 (履职记录 is read only when a row is 已认定: none here).
  expect(counts['Range.getValues']).toBe(8);
  // 最后操作 of 丁 (one block), then per digest (two) its 发送中 append and its 已发送 (one call each).
  expect(counts['Range.setValues']).toBe(1 + 2 * 2);
  expect(counts['SpreadsheetApp.flush']).toBe(2 + 2); // before each send; after each of the two locks
  expect(counts['MailApp.sendEmail']).toBe(2);
  expect(counts['MailApp.getRemainingDailyQuota']).toBe(2);
});

test('a send that throws (nothing went out) is recorded 发送失败 and tried again on the next working days, at most three times', async () => {
  const path = await reminderBook();
  await turnOn(path, '2024-09-09');
  const day = (today: string, failWith?: string) =>
    withRuntime(path, { as: CITY, today }, (runtime, mail) => {
      mail.failWith = failWith;
      const result = daily(runtime.bundle.call('onHourlyTrigger', {}));
      return { result, sent: mail.sent.map((each) => each.to) };
    });
  const first = await day('2024-09-10', 'Invalid email: x');
  expect(first.result).toMatchObject({ ran: true, sent: [], failed: 3 });
  expect((await records(path)).map((row) => row[5])).toEqual(Array(3).fill('发送失败：Invalid email: x'));
  expect((await day('2024-09-11', 'Invalid email: x')).result).toMatchObject({ failed: 3 });
  expect((await day('2024-09-12', 'Invalid email: x')).result).toMatchObject({ failed: 3 });
  const fourth = await day('2024-09-13');
  // 甲 and 丙 failed three times: not tried again; only 乙's 公示已截止 (due since 2024-09-12, failed once) goes.
  expect(fourth.sent).toEqual([CITY]);
  expect(fourth.result).toMatchObject({ sent: [{ recipient: CITY, reminders: 1 }], failed: 0, alreadySent: 2 });
});

test('a send that failed once goes out the next working day, recorded 发送中 then 已发送', async () => {
  const path = await reminderBook();
  await turnOn(path, '2024-09-09');
  await withRuntime(path, { as: CITY, today: '2024-09-10' }, (runtime, mail) => {
    mail.failWith = 'Invalid email: x';
    runtime.bundle.call('onHourlyTrigger', {});
  });
  const atSend: string[] = [];
  const next = await withRuntime(path, { as: CITY, today: '2024-09-11' }, (runtime, mail) => {
    // What 提醒记录's last row says while MailApp is sending (it was flushed before the call).
    mail.onSend = () => atSend.push(String(runInContext("(function () { var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('提醒记录'); return sheet.getRange(sheet.getLastRow(), 6).getValue(); })()", runtime.bundle.context)));
    return { result: daily(runtime.bundle.call('onHourlyTrigger', {})), sent: mail.sent.map((each) => each.to) };
  });
  expect(next.sent).toEqual([CITY, HONGTA]);
  expect(atSend).toEqual(['发送中', '发送中']);
  expect((await records(path)).map((row) => row[5])).toEqual([...Array(3).fill('发送失败：Invalid email: x'), ...Array(3).fill('已发送')]);
});

test('a record left 发送中 (an execution cut off between record and send) is never sent again and is named in problems', async () => {
  const path = await reminderBook();
  await turnOn(path, '2024-09-09');
  await withRuntime(path, { as: CITY, today: '2024-09-10' }, (runtime) => {
    runtime.bundle.call('onHourlyTrigger', {});
    // As a killed execution leaves it: 甲's record still says 发送中.
    runInContext("SpreadsheetApp.getActiveSpreadsheet().getSheetByName('提醒记录').getRange(2, 6).setValue('发送中')", runtime.bundle.context);
  });
  const next = await withRuntime(path, { as: CITY, today: '2024-09-11' }, (runtime, mail) => ({ result: daily(runtime.bundle.call('onHourlyTrigger', {})), sent: mail.sent }));
  expect(next.sent).toEqual([]);
  expect(next.result!.problems).toEqual([expect.stringMatching(/^提醒记录：2024-09-10 发给 city@yuxi\.cn 的“待审核”提醒（甲）停在“发送中”/)]);
});

test('what the quota cannot take is recorded 等待 once and goes first on the next working day', async () => {
  const path = await reminderBook();
  await turnOn(path, '2024-09-09');
  const first = await withRuntime(path, { as: CITY, today: '2024-09-10', quota: 1 }, (runtime, mail) => ({ result: daily(runtime.bundle.call('onHourlyTrigger', {})), mail }));
  expect(first.mail.sent.map((each) => each.to)).toEqual([CITY]);
  expect(first.result).toMatchObject({ waiting: 1 });
  expect((await records(path)).map((row) => `${row[1]} ${row[5]}`)).toEqual([`${CITY} 已发送`, `${CITY} 已发送`, `${HONGTA} 等待：今日邮件配额已用完，下一个工作日优先发送`]);
  const next = await withRuntime(path, { as: CITY, today: '2024-09-11', quota: 1 }, (runtime, mail) => ({ result: daily(runtime.bundle.call('onHourlyTrigger', {})), mail }));
  expect(next.mail.sent.map((each) => each.to)).toEqual([HONGTA]);
  expect((await records(path)).map((row) => `${row[1]} ${row[5]}`).slice(3)).toEqual([`${HONGTA} 已发送`]);
});

test.each(['Asia/Shanghai', 'America/Los_Angeles', 'UTC'])('in a spreadsheet set to %s the daily job waits for 08:00 there, then runs once that day', async (timeZone) => {
  const path = await reminderBook();
  await withRuntime(path, { as: CITY, today: '2024-09-09' }, (runtime) => {
    runInContext(`SpreadsheetApp.getActiveSpreadsheet().setSpreadsheetTimeZone(${JSON.stringify(timeZone)})`, runtime.bundle.context);
    runtime.bundle.call('runRemindersOn_');
  });
  await withRuntime(path, { as: CITY, today: '2024-09-09' }, (runtime, mail) => {
    expect(runtime.timeZone).toBe(timeZone);
    const at = (date: string, hour: number, minute: number) => {
      runtime.clock.moveTo(instantOfDateAndTime(date, hour, minute, timeZone));
      runtime.clock.startExecution(); // each firing is a new execution
    };
    at('2024-09-10', 7, 59);
    expect(runtime.bundle.call('onHourlyTrigger', {})).toBeNull();
    expect(mail.sent).toEqual([]);
    at('2024-09-10', 8, 0);
    expect(daily(runtime.bundle.call('onHourlyTrigger', {}))).toMatchObject({ date: '2024-09-10', ran: true });
    expect(mail.sent).toHaveLength(2);
    at('2024-09-10', 23, 0);
    expect(runtime.bundle.call('onHourlyTrigger', {})).toBeNull();
    at('2024-09-11', 8, 30);
    expect(daily(runtime.bundle.call('onHourlyTrigger', {}))).toMatchObject({ date: '2024-09-11', ran: true });
  });
});

test('with reminders off the hourly trigger runs no daily job', async () => {
  const path = await reminderBook();
  await withRuntime(path, { as: CITY, today: '2024-09-10' }, (runtime, mail) => {
    expect(runtime.bundle.call('onHourlyTrigger', {})).toBeNull();
    expect(mail.sent).toEqual([]);
  });
});

test('a busy document: nothing recorded, not done, tried again the next hour', async () => {
  const path = await reminderBook();
  await turnOn(path, '2024-09-09');
  await withRuntime(path, { as: CITY, today: '2024-09-10', documentLockBusy: true }, (runtime, mail) => {
    const result = daily(runtime.bundle.call('onHourlyTrigger', {}));
    expect(result).toMatchObject({ ran: false, sent: [] });
    expect(result!.problems[0]).toMatch(/^另一位老师正在操作/);
    expect(mail.sent).toEqual([]);
    expect(property(runtime, 'dailyJobDone')).toBeNull();
    expect(property(runtime, 'dailyJobFailures')).toBeNull();
  });
  expect((await readSheet(path, '操作记录')).rows.slice(1).filter((row) => row.length > 0 && row[7] !== '开启每日提醒')).toEqual([]);
  const retry = await withRuntime(path, { as: CITY, today: '2024-09-10' }, (runtime) => daily(runtime.bundle.call('onHourlyTrigger', {})));
  expect(retry).toMatchObject({ ran: true });
});

test('a failed daily run: one 操作记录 line, kept until the next digest to the city names it, then cleared', async () => {
  const path = await reminderBook();
  await turnOn(path, '2024-09-09');
  const setFirstSemester = (runtime: WorkbookRuntime, value: string) =>
    runInContext(`(function () { var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('设置'); var values = sheet.getDataRange().getValues(); for (var i = 0; i < values.length; i++) if (values[i][0] === '第一学期开始') sheet.getRange(i + 1, 2).setValue(${JSON.stringify(value)}); })()`, runtime.bundle.context);
  await withRuntime(path, { as: CITY, today: '2024-09-10' }, (runtime, mail) => {
    setFirstSemester(runtime, '十三月');
    const result = daily(runtime.bundle.call('onHourlyTrigger', {}));
    expect(result!.ran).toBe(false);
    expect(result!.problems[0]).toMatch(/^每日任务失败：.*第一学期开始/);
    // Told to the city at once (权限, 邮件模板, 提醒记录 read on their own).
    expect(mail.sent.map((each) => each.to)).toEqual([CITY]);
    expect(mail.sent[0]!.body).toMatch(/每日任务未能完成（2024-09-10 \d\d:\d\d）：.*第一学期开始/);
    expect(property(runtime, 'dailyJobFailures')).toBeNull();
    expect(property(runtime, 'dailyJobDone')).toBe('2024-09-10');
    expect(runtime.bundle.call('onHourlyTrigger', {})).toBeNull(); // no retry storm
    setFirstSemester(runtime, '9-1');
  });
  const logRows = (await readSheet(path, '操作记录')).rows.slice(1).filter((row) => row.length > 0 && row[7] !== '开启每日提醒');
  expect(logRows).toHaveLength(1);
  expect(String(logRows[0]![1])).toBe('（每日定时任务）');
  expect(String(logRows[0]![7])).toMatch(/^每日任务失败：/);
  await withRuntime(path, { as: CITY, today: '2024-09-11' }, (runtime, mail) => {
    daily(runtime.bundle.call('onHourlyTrigger', {}));
    const city = mail.sent.find((each) => each.to === CITY);
    expect(city?.body).not.toContain('每日任务未能完成'); // named once
  });
});

test("through the runtime's own MailApp (quota 1 a day): one digest queued, the other waits and goes first the next working day", async () => {
  const path = await reminderBook();
  await turnOn(path, '2024-09-09');
  const outbox = join(temporaryFolder(), 'outbox');
  const day = async (today: string) => {
    const runtime = await openWorkbookRuntime({ path, as: CITY, today, counter: new CallCounter(), print: () => undefined, mailQuota: 1, outbox, dryRunMail: true });
    try {
      const result = daily(runtime.bundle.call('onHourlyTrigger', {}));
      const queued = runtime.outbox.queued.map((mail) => ({ to: mail.to, from: mail.from.name }));
      await runtime.save();
      await runtime.deliverMail();
      return { result, queued };
    } finally {
      runtime.close();
    }
  };
  const first = await day('2024-09-10');
  expect(first.queued).toEqual([{ to: [CITY], from: '班主任评选助手' }]);
  expect(first.result).toMatchObject({ waiting: 1 });
  const second = await day('2024-09-11');
  expect(second.queued).toEqual([{ to: [HONGTA], from: '班主任评选助手' }]);
  expect((await records(path)).map((row) => `${row[0]} ${row[1]} ${row[5]}`)).toEqual([
    `2024-09-10 ${CITY} 已发送`,
    `2024-09-10 ${CITY} 已发送`,
    `2024-09-10 ${HONGTA} 等待：今日邮件配额已用完，下一个工作日优先发送`,
    `2024-09-11 ${HONGTA} 已发送`,
  ]);
});

test('on a non-working day (a 节假日 row, or 中秋) the term-expiry move still runs and nothing is sent; the next working day sends', async () => {
  const path = join(temporaryFolder(), 'holiday.xlsx');
  await scenarioWorkbook(path, [
    candidate({ 姓名: '甲', 状态: '初审通过', 最后操作: `2024-09-02 ${HONGTA}：学校推荐→初审通过` }),
    candidate({ 姓名: '戊', 状态: '已认定', 认定日期: new Date('2021-09-01T00:00:00Z'), 证书编号: '玉教班〔2021〕001号' }),
  ], [[CITY, '市级'], [HONGTA, '红塔区']]);
  await withRuntime(path, { as: CITY, today: '2024-09-09' }, (runtime) => {
    runtime.bundle.call('runRemindersOn_');
    // 2024-09-10 made a rest day by the spreadsheet's own 节假日 sheet.
    runInContext("SpreadsheetApp.getActiveSpreadsheet().getSheetByName('节假日').appendRow(['2024-09-10', '休', '校庆'])", runtime.bundle.context);
  });
  for (const today of ['2024-09-10', '2024-09-16']) {
    const { result, mail } = await withRuntime(path, { as: CITY, today }, (runtime, mail) => ({ result: daily(runtime.bundle.call('onHourlyTrigger', {})), mail }));
    expect(result).toMatchObject({ date: today, ran: true, workingDay: false, sent: [] });
    expect(mail.sent).toEqual([]);
    if (today === '2024-09-10') expect((result as unknown as { moved: number }).moved).toBe(1); // 戊's term ended on 2024-08-31
  }
  const { mail } = await withRuntime(path, { as: CITY, today: '2024-09-18' }, (runtime, mail) => ({ result: daily(runtime.bundle.call('onHourlyTrigger', {})), mail }));
  expect(mail.sent.map((each) => each.to)).toEqual([CITY]);
  const state = (await readSheet(path, '推荐名单')).rows;
  expect(state[2]![(state[0] as string[]).indexOf('状态')]).toBe('任期届满');
});

test("an awarded teacher whose semester's duties are not complete gets one email at the 电子邮箱 of the row, naming what is missing", async () => {
  const path = join(temporaryFolder(), 'duties.xlsx');
  await scenarioWorkbook(path, [
    candidate({ 姓名: '己', 状态: '已认定', 认定日期: new Date('2024-10-10T00:00:00Z'), 证书编号: '玉教班〔2024〕001号', 电子邮箱: 'Ji@Example.com' }),
  ], [[CITY, '市级']]);
  await turnOn(path, '2025-01-17');
  const { result, mail } = await withRuntime(path, { as: CITY, today: '2025-01-20' }, (runtime, mail) => ({ result: daily(runtime.bundle.call('onHourlyTrigger', {})), mail }));
  expect(result!.problems).toEqual([]);
  expect(mail.sent.map((each) => each.to)).toEqual(['ji@example.com']);
  expect(mail.sent[0]!.body).toMatch(/2024-2025学年第一学期履职尚未完成.*读书/);
  expect(mail.sent[0]!.body).not.toContain('进行中'); // 缺少 is only the missing items
  expect(await records(path)).toEqual([['2025-01-20', 'ji@example.com', '履职未完成', '2', '己', '已发送']]);
  const again = await withRuntime(path, { as: CITY, today: '2025-01-21' }, (runtime, mail) => ({ result: daily(runtime.bundle.call('onHourlyTrigger', {})), mail }));
  expect(again.mail.sent).toEqual([]);
});

test('an execution stops starting digests 270 s after it started: not done for the day, the next hourly run sends the rest, nothing twice', async () => {
  const path = await reminderBook();
  await turnOn(path, '2024-09-09');
  const runs = await withRuntime(path, { as: CITY, today: '2024-09-10' }, (runtime, mail) => {
    mail.onSend = () => runtime.clock.advance(280_000); // a slow send: the budget is gone after one digest
    const first = daily(runtime.bundle.call('onHourlyTrigger', {}));
    const done = property(runtime, 'dailyJobDone');
    runtime.clock.startExecution();
    const second = daily(runtime.bundle.call('onHourlyTrigger', {}));
    runtime.clock.startExecution();
    const third = runtime.bundle.call('onHourlyTrigger', {});
    return { first, done, second, third, to: mail.sent.map((each) => each.to) };
  });
  expect(runs.first).toMatchObject({ ran: true, continued: true });
  expect(runs.first!.sent.map((each) => each.recipient)).toEqual([CITY]);
  expect(runs.done).toBeNull();
  expect(runs.second).toMatchObject({ ran: true, continued: false, alreadySent: 2 });
  expect(runs.second!.sent.map((each) => each.recipient)).toEqual([HONGTA]);
  expect(runs.third).toBeNull();
  expect(runs.to).toEqual([CITY, HONGTA]);
});

test('设置 提醒间隔 in full-width digits is read; a bad value is a problem naming the 设置 row', async () => {
  const setInterval = (runtime: WorkbookRuntime, value: string) =>
    runInContext(`(function () { var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('设置'); var values = sheet.getDataRange().getValues(); for (var i = 0; i < values.length; i++) if (values[i][0] === '提醒间隔') { sheet.getRange(i + 1, 2).setValue(${JSON.stringify(value)}); return i + 1; } })()`, runtime.bundle.context) as number;
  const path = await reminderBook();
  await turnOn(path, '2024-09-09');
  // 甲 初审通过 on 2024-09-02: with an interval of 3 it is due on 2024-09-05, with the default 5 only on 2024-09-09.
  const full = await withRuntime(path, { as: CITY, today: '2024-09-05' }, (runtime) => {
    setInterval(runtime, '３');
    return runtime.bundle.call('runPreviewReminders_', {}) as { digests: { recipient: string }[]; problems: string[] };
  });
  expect(full.problems).toEqual([]);
  expect(full.digests.map((digest) => digest.recipient)).toContain(CITY);
  const bad = await withRuntime(path, { as: CITY, today: '2024-09-05' }, (runtime) => {
    const row = setInterval(runtime, '三天');
    return { row, preview: runtime.bundle.call('runPreviewReminders_', {}) as { problems: string[] } };
  });
  expect(bad.preview.problems).toEqual([expect.stringMatching(new RegExp(`^设置第${bad.row}行：.*三天`))]);
});

test('a reminder whose 学校 holds a 身份证号 (with separators) is left out and recorded 发送失败 naming its row and column, never the number; the rest goes', async () => {
  const path = join(temporaryFolder(), 'poisoned.xlsx');
  await scenarioWorkbook(path, [
    candidate({ 姓名: '甲', 状态: '初审通过', 最后操作: `2024-09-02 ${HONGTA}：学校推荐→初审通过`, 身份证号: ID_NUMBERS[0], 联系电话: PHONES[0] }),
    candidate({ 姓名: '丙', 学校: `玉溪第一中学 ${ID_NUMBERS[2]!.replace(/(\d{6})(\d{8})/, '$1.$2\u200b')}`, 最后操作: '2024-09-02 （每日定时任务）：首次登记，开始计算等待审核的工作日', 身份证号: ID_NUMBERS[2], 联系电话: PHONES[2] }),
  ], [[CITY, '市级'], [HONGTA, '红塔区']]);
  await turnOn(path, '2024-09-09');
  const { result, mail } = await withRuntime(path, { as: CITY, today: '2024-09-10' }, (runtime, mail) => ({ result: daily(runtime.bundle.call('onHourlyTrigger', {})), mail }));
  expect(mail.sent.map((each) => each.to)).toEqual([CITY]);
  expect(result).toMatchObject({ failed: 1 });
  expect(result!.problems).toEqual([expect.stringMatching(/^发给 ht@yuxi\.cn 的“待审核”提醒第3行的学校含有名单中的身份证号或联系电话，未发送/)]);
  const rows = await records(path);
  expect(rows.map((row) => [row[1], row[5]])).toEqual([[CITY, '已发送'], [HONGTA, '发送失败：第3行的学校含有名单中的身份证号或联系电话，未发送']]);
  const texts = JSON.stringify([rows, (await readSheet(path, '提醒记录')).rows, result, mail.sent]).replace(/[^0-9X]/g, '');
  expect(texts).not.toContain(ID_NUMBERS[2]);
});

test('a day of a year the calendar does not know (2027): a failure of the day, in 操作记录 and told to the city that day', async () => {
  const path = await reminderBook();
  await turnOn(path, '2026-12-30');
  const { result, mail } = await withRuntime(path, { as: CITY, today: '2027-01-04' }, (runtime, mail) => ({ result: daily(runtime.bundle.call('onHourlyTrigger', {})), mail }));
  expect(result).toMatchObject({ ran: false });
  expect(result!.problems[0]).toMatch(/^每日任务失败：.*2027/);
  expect(mail.sent.map((each) => each.to)).toEqual([CITY]);
  expect(mail.sent[0]!.body).toMatch(/每日任务未能完成（2027-01-04 \d\d:\d\d）：.*2027/);
  const logRows = (await readSheet(path, '操作记录')).rows.slice(1).filter((row) => String(row[7] ?? '').startsWith('每日任务失败'));
  expect(logRows).toHaveLength(1);
});

test('failed daily runs with the same reason are named on one line with their times; each is recorded', async () => {
  const path = await reminderBook();
  await turnOn(path, '2024-09-09');
  const failures = [{ time: '2024-09-06 08:00', reason: '找不到工作表“推荐名单”' }, { time: '2024-09-09 08:00', reason: '找不到工作表“推荐名单”' }];
  const { mail } = await withRuntime(path, { as: CITY, today: '2024-09-10' }, (runtime, mail) => {
    runInContext(`PropertiesService.getDocumentProperties().setProperty('dailyJobFailures', ${JSON.stringify(JSON.stringify(failures))})`, runtime.bundle.context);
    runtime.bundle.call('onHourlyTrigger', {});
    return { mail };
  });
  const body = mail.sent.find((each) => each.to === CITY)!.body;
  expect(body).toContain('每日任务未能完成（2024-09-06 08:00、2024-09-09 08:00）：找不到工作表“推荐名单”');
  expect(body.split('找不到工作表').length).toBe(2);
  expect((await records(path)).filter((row) => row[2] === '每日任务失败').map((row) => row[5])).toEqual(['已发送', '已发送']);
});
