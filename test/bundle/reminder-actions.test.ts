/**
 * 开启每日提醒 / 关闭每日提醒 / 预览提醒 through the real dist/Code.js: the caller's role is checked
 * from 权限 at every call (a blank role, a school role, someone not listed, a user Google does not
 * name: refused in Chinese, nothing installed); the hourly trigger is checked before it is added;
 * turning off keeps it while a document batch is unfinished, and a batch's end keeps it while
 * reminders are on. No 身份证号 or 联系电话 reaches an email, 提醒记录, 操作记录 or the preview, even
 * when 邮件模板 names {身份证号} and {联系电话} or has a number typed into it.
 */
import { join } from 'node:path';
import { runInContext } from 'node:vm';
import { CallCounter } from '../../local/runtime/call-counter';
import { runWithContinuations } from '../../local/runtime/continuations';
import { openWorkbookRuntime, type WorkbookRuntime } from '../../local/workbook-runtime';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { readSheet, temporaryFolder } from '../support/workbooks';
import { awardedRows, CERTIFICATE_TEMPLATE, documentRuntime, documentWorkbook, writeTemplate } from './document-support';
import { installFakeMailApp } from './reminder-mail-fake';

const CITY = 'city@yuxi.cn';
const HONGTA = 'ht@yuxi.cn';
const ID_NUMBERS = ['530402198001011234', '53040219800202123X'];
const PHONES = ['13900000001', '13900000002'];

async function book(): Promise<string> {
  const path = join(temporaryFolder(), 'actions.xlsx');
  await scenarioWorkbook(path, [
    candidate({ 姓名: '甲', 状态: '初审通过', 最后操作: `2024-09-02 ${HONGTA}：学校推荐→初审通过`, 身份证号: ID_NUMBERS[0], 联系电话: PHONES[0] }),
    candidate({ 姓名: '乙', 最后操作: '2024-09-02 （每日定时任务）：首次登记，开始计算等待审核的工作日', 身份证号: ID_NUMBERS[1], 联系电话: PHONES[1] }),
  ], [[CITY, '市级'], [HONGTA, '红塔区'], ['blank@yuxi.cn', ''], ['school@yuxi.cn', '学校', '玉溪第一中学'], ['odd@yuxi.cn', '校长']]);
  return path;
}

async function open(path: string, as: string, today = '2024-09-10'): Promise<WorkbookRuntime> {
  return openWorkbookRuntime({ path, as, today, counter: new CallCounter(), print: () => undefined });
}

function property(runtime: WorkbookRuntime, name: string): string | null {
  return runInContext(`PropertiesService.getDocumentProperties().getProperty(${JSON.stringify(name)})`, runtime.bundle.context) as string | null;
}

test.each([
  ['blank@yuxi.cn', /^邮箱“blank@yuxi\.cn”在“权限”表中的角色未填写或无法识别，没有任何权限.*不能开启每日提醒（本次没有做任何修改）$/],
  ['odd@yuxi.cn', /^邮箱“odd@yuxi\.cn”在“权限”表中的角色未填写或无法识别/],
  ['school@yuxi.cn', /^邮箱“school@yuxi\.cn”在“权限”表中的角色是学校（玉溪第一中学），只有市级或县级审核人可以开启每日提醒（本次没有做任何修改）$/],
  ['nobody@yuxi.cn', /^邮箱“nobody@yuxi\.cn”不在“权限”表中，不能执行任何操作：不能开启每日提醒/],
  ['', /^Google 没有提供您的账号邮箱/],
])('开启每日提醒 as %j is refused in Chinese and installs nothing', async (as, message) => {
  const runtime = await open(await book(), as);
  try {
    expect(() => runtime.bundle.call('runRemindersOn_')).toThrow(message);
    expect(runtime.state.triggers).toEqual([]);
    expect(property(runtime, 'dailyReminders')).toBeNull();
    expect(() => runtime.bundle.call('runRemindersOff_')).toThrow(/关闭每日提醒|Google 没有提供/);
    // The menu says it in the message box instead.
    runtime.bundle.call('turnOnDailyReminders');
    expect(runtime.ui.alerts.pop()).toMatch(/^开启每日提醒\n/);
    expect(runtime.state.triggers).toEqual([]);
  } finally {
    runtime.close();
  }
});

test('开启每日提醒 checks before adding (a second one installs nothing); a county reviewer may; 关闭 removes the trigger', async () => {
  const path = await book();
  const runtime = await open(path, HONGTA);
  try {
    expect(runtime.bundle.call('runRemindersOn_')).toEqual({ on: true, installed: true, by: HONGTA });
    expect(runtime.bundle.call('runRemindersOn_')).toEqual({ on: true, installed: false, by: HONGTA });
    expect((runtime.state.triggers as { handler: string }[]).map((trigger) => trigger.handler)).toEqual(['onHourlyTrigger']);
    expect(JSON.parse(property(runtime, 'dailyReminders') ?? 'null')).toEqual({ by: HONGTA, since: '2024-09-10' });
    expect(runtime.bundle.call('runRemindersOff_')).toEqual({ on: false, removed: true });
    expect(runtime.state.triggers).toEqual([]);
    expect(property(runtime, 'dailyReminders')).toBeNull();
    expect(runtime.bundle.call('runRemindersOff_')).toEqual({ on: false, removed: false });
  } finally {
    runtime.close();
  }
});

test('关闭每日提醒 keeps the trigger while a document batch is unfinished (the batch removes it at its end)', async () => {
  const runtime = await open(await book(), CITY);
  try {
    runtime.bundle.call('runRemindersOn_');
    const job = { options: { kind: 'certificate' }, rows: '2-3', position: 1, created: 1, skipped: 0, triggerForBatch: false, by: CITY, executions: 1 };
    runInContext(`PropertiesService.getDocumentProperties().setProperty('documentJob', ${JSON.stringify(JSON.stringify(job))})`, runtime.bundle.context);
    expect(runtime.bundle.call('runRemindersOff_')).toEqual({ on: false, removed: false });
    expect(runtime.state.triggers).toHaveLength(1);
    expect(JSON.parse(property(runtime, 'documentJob') ?? '{}').triggerForBatch).toBe(true);
  } finally {
    runtime.close();
  }
});

test("a document batch's end keeps the hourly trigger while reminders are on", async () => {
  const folder = temporaryFolder();
  const path = await documentWorkbook(folder, awardedRows(8));
  const template = writeTemplate(folder, '证书', CERTIFICATE_TEMPLATE);
  const runtime = await documentRuntime(path, { timeLimitSeconds: 20 });
  try {
    installFakeMailApp(runtime);
    const options = { kind: 'certificate', templateId: runtime.drive.fileIdOf(template), folderId: runtime.drive.folderIdOf(join(folder, 'out')) };
    // The batch installs the trigger for itself, then reminders are turned on (the trigger is there: nothing added).
    expect(() => runtime.bundle.call('runDocuments_', options)).toThrow('Exceeded maximum execution time');
    expect(runtime.state.triggers).toHaveLength(1);
    runtime.clock.startExecution();
    expect(runtime.bundle.call('runRemindersOn_')).toMatchObject({ installed: false });
    const run = await runWithContinuations(runtime, () => runtime.bundle.call('onHourlyTrigger', {}));
    const last = run.results[run.results.length - 1] as { documents: { done: boolean } };
    expect(last.documents.done).toBe(true);
    expect(runtime.state.triggers).toHaveLength(1);
  } finally {
    runtime.close();
  }
});

test('no 身份证号 or 联系电话 in any email, 提醒记录 row, 操作记录 line or preview, even when 邮件模板 names them', async () => {
  const path = await book();
  const personal = [...ID_NUMBERS, ...PHONES];
  const setTemplate = (runtime: WorkbookRuntime, item: string, text: string) =>
    runInContext(`(function () { var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('邮件模板'); var values = sheet.getDataRange().getValues(); for (var i = 0; i < values.length; i++) if (values[i][0] === ${JSON.stringify(item)}) sheet.getRange(i + 1, 2).setValue(${JSON.stringify(text)}); })()`, runtime.bundle.context);
  let runtime = await open(path, CITY, '2024-09-09');
  const texts: string[] = [];
  try {
    runtime.bundle.call('runRemindersOn_');
    setTemplate(runtime, '开头', '{收件人}：身份证号 {身份证号}，电话 {联系电话}');
    setTemplate(runtime, '待审核', '· {姓名} {身份证号} {联系电话} 等待 {等待工作日} 个工作日');
    await runtime.save();
  } finally {
    runtime.close();
  }
  runtime = await open(path, CITY, '2024-09-10');
  try {
    const mail = installFakeMailApp(runtime);
    const preview = runtime.bundle.call('runPreviewReminders_', {}) as { digests: { recipient: string; body: string }[] };
    expect(preview.digests.map((digest) => digest.recipient)).toEqual([CITY, HONGTA]);
    texts.push(JSON.stringify(preview));
    runtime.bundle.call('previewReminders');
    texts.push(runtime.ui.alerts.pop() ?? '');
    runtime.bundle.call('onHourlyTrigger', {});
    expect(mail.sent).toHaveLength(2);
    expect(mail.sent[0]!.body).toContain('{身份证号}'); // an unknown placeholder stays as typed: nothing fills it
    texts.push(...mail.sent.map((each) => `${each.subject}\n${each.body}`));
    await runtime.save();
  } finally {
    runtime.close();
  }
  // A number typed into the template itself: the digest is not sent, and 提醒记录 says why.
  runtime = await open(path, CITY, '2024-09-11');
  try {
    setTemplate(runtime, '结尾', `如有疑问请联系 ${ID_NUMBERS[0]}`);
    runInContext("PropertiesService.getDocumentProperties().deleteProperty('dailyJobDone')", runtime.bundle.context);
    const mail = installFakeMailApp(runtime);
    // Make 乙's reminder due again: another interval of waiting (2024-09-02 + 10 working days).
    runtime.clock.moveTo(Date.parse('2024-09-18T01:00:00Z'));
    runtime.clock.startExecution();
    const preview = runtime.bundle.call('runPreviewReminders_', {});
    texts.push(JSON.stringify(preview));
    const result = runtime.bundle.call('onHourlyTrigger', {}) as { daily: { failed: number; problems: string[] } };
    expect(mail.sent).toEqual([]);
    expect(result.daily.failed).toBeGreaterThan(0);
    texts.push(JSON.stringify(result));
    await runtime.save();
  } finally {
    runtime.close();
  }
  const recordRows = (await readSheet(path, '提醒记录')).rows.slice(1);
  expect(recordRows.some((row) => String(row[5]).startsWith('发送失败：邮件内容含有名单中的身份证号或联系电话'))).toBe(true);
  texts.push(JSON.stringify(recordRows), JSON.stringify((await readSheet(path, '操作记录')).rows));
  for (const text of texts) for (const number of personal) expect(text).not.toContain(number);
});

/** 操作记录's 说明 column, under its header. */
async function logNotes(path: string): Promise<string[]> {
  const { rows } = await readSheet(path, '操作记录');
  return rows.slice(1).map((row) => `${String(row[1] ?? '')} ${String(row[7] ?? '')}`);
}

test('开启每日提醒 by a second reviewer changes nothing and installs nothing; the menu names who turned them on; on/off each write one 操作记录 line', async () => {
  const path = await book();
  const runtime = await open(path, HONGTA);
  try {
    expect(runtime.bundle.call('runRemindersOn_')).toEqual({ on: true, installed: true, by: HONGTA });
    runtime.setActiveUser(CITY);
    expect(runtime.bundle.call('runRemindersOn_')).toEqual({ on: true, installed: false, by: HONGTA });
    expect(runtime.state.triggers).toHaveLength(1);
    expect(JSON.parse(property(runtime, 'dailyReminders') ?? 'null')).toEqual({ by: HONGTA, since: '2024-09-10' });
    runtime.bundle.call('turnOnDailyReminders');
    expect(runtime.ui.alerts.pop()).toBe(`开启每日提醒\n每日提醒已由 ${HONGTA} 开启，提醒由其定时任务以其账号发出；本次没有做任何修改，也没有安装定时任务。`);
    expect(runtime.state.triggers).toHaveLength(1);
    // The city turns them off: the switch is cleared; 红塔's trigger is not the city's to delete.
    expect(runtime.bundle.call('runRemindersOff_')).toEqual({ on: false, removed: false });
    expect(property(runtime, 'dailyReminders')).toBeNull();
    runtime.bundle.call('turnOffDailyReminders');
    expect(runtime.ui.alerts.pop()).toBe('关闭每日提醒\n已关闭每日提醒，您在本表格没有定时任务；其他用户安装的定时任务将在其下一次运行时自行删除。');
    await runtime.save();
  } finally {
    runtime.close();
  }
  expect(await logNotes(path)).toEqual([`${HONGTA} 开启每日提醒`, `${CITY} 关闭每日提醒`]);
});

test('the hourly trigger deletes itself when reminders are off and no document batch is unfinished', async () => {
  const runtime = await open(await book(), HONGTA);
  try {
    runtime.bundle.call('runRemindersOn_');
    runtime.setActiveUser(CITY);
    runtime.bundle.call('runRemindersOff_');
    expect(runtime.state.triggers).toHaveLength(1);
    runtime.setActiveUser(HONGTA);
    expect(runtime.bundle.call('onHourlyTrigger', {})).toBeNull();
    expect(runtime.state.triggers).toEqual([]);
  } finally {
    runtime.close();
  }
});

test('预览提醒 on a day of a year the calendar does not know says so instead of failing', async () => {
  const runtime = await open(await book(), CITY);
  try {
    const preview = runtime.bundle.call('runPreviewReminders_', { today: '2027-03-01' }) as { workingDay: boolean; problems: string[] };
    expect(preview.workingDay).toBe(false);
    expect(preview.problems).toContainEqual(expect.stringContaining('2027'));
  } finally {
    runtime.close();
  }
});

test("another user's hourly trigger (kept for a document batch) sends no reminders and deletes itself once no batch is left", async () => {
  const path = await book();
  const runtime = await open(path, CITY);
  try {
    const mail = installFakeMailApp(runtime);
    runtime.bundle.call('runRemindersOn_');
    runtime.setActiveUser(HONGTA);
    runInContext("ScriptApp.newTrigger('onHourlyTrigger').timeBased().everyHours(1).create()", runtime.bundle.context);
    expect(runtime.state.triggers).toHaveLength(2);
    expect(runtime.bundle.call('onHourlyTrigger', {})).toBeNull();
    expect(mail.sent).toEqual([]);
    expect(runtime.state.triggers).toHaveLength(1); // 红塔's own, deleted by itself
    runtime.setActiveUser(CITY);
    runtime.clock.startExecution();
    expect((runtime.bundle.call('onHourlyTrigger', {}) as { daily: unknown }).daily).not.toBeNull();
    expect(mail.sent.length).toBeGreaterThan(0);
    expect(runtime.state.triggers).toHaveLength(1);
  } finally {
    runtime.close();
  }
});
