/**
 * One writer at a time (ARCHITECTURE: every state change takes the document lock): the ordered
 * call log of the runtime shows every write the bundle makes — cell values and notes, rows and
 * columns, sheets, document properties — between LockService's waitLock/tryLock and releaseLock,
 * for each move of the review workflow, the daily job, 初始化表格, 校验全部资格, 生成公示名单, 生成统计,
 * 初始化模板 and the making of documents (whose locks hold no Drive or Docs call), and the hourly
 * trigger's daily job (the term-expiry move, first-seen stamps, 提醒记录, its properties) with 开启/关闭每日提醒.
 * The two-process tests cannot see a missing document lock (the workbook's file lock already
 * serializes whole runs); this one can.
 */
import { join } from 'node:path';
import { errorMessage, loadBundle } from '../../local/runtime/bundle';
import { CallCounter, type ServiceCall } from '../../local/runtime/call-counter';
import { openWorkbookRuntime } from '../../local/workbook-runtime';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { temporaryFolder } from '../support/workbooks';
import { installFakeDocumentApp } from '../bundle/document-fake';
import { CERTIFICATE_TEMPLATE, filesIn, writeTemplate } from '../bundle/document-support';
import { installFakeMailApp } from '../bundle/reminder-mail-fake';

const CITY = 'city@yuxi.edu.cn';
const HONGTA = 'ht@yuxi.edu.cn';

/** Interfaces whose mutating methods change the document. */
const DOCUMENT_SERVICES = new Set(['Range', 'RangeList', 'Sheet', 'Spreadsheet', 'Properties', 'Protection']);
const WRITE_METHOD = /^(set|clear|insert|delete|append|merge|breakApart|copy|move|protect|remove|add|sort|hide|show|unhide|autoResize|trim|check|uncheck)/;

/** Whether a call changes the document (selection and activation are not changes). */
function isWrite(call: ServiceCall): boolean {
  return DOCUMENT_SERVICES.has(call.service) && WRITE_METHOD.test(call.method) && !/^setActive|^activate/.test(call.method);
}

/** The calls that change the document or flush while no lock is held, as 'n: Service.method'. */
function unlockedWrites(log: readonly ServiceCall[]): string[] {
  let held = false;
  const outside: string[] = [];
  log.forEach((call, index) => {
    if (call.service === 'Lock' && (call.method === 'waitLock' || call.method === 'tryLock')) held = true;
    else if (call.service === 'Lock' && call.method === 'releaseLock') held = false;
    else if (!held && (isWrite(call) || (call.service === 'SpreadsheetApp' && call.method === 'flush'))) outside.push(`${index}: ${call.service}.${call.method}`);
  });
  return outside;
}

const folder = temporaryFolder();
const book = join(folder, 'lock-order.xlsx');
const fresh = join(folder, 'fresh.xlsx');

beforeAll(async () => {
  await scenarioWorkbook(book, [candidate({ 姓名: '甲' }), candidate({ 姓名: '乙' }), candidate({ 姓名: '丙' })], [
    [CITY, '市级'],
    [HONGTA, '红塔区'],
  ]);
});

/** Runs one server function of the real bundle over a workbook as `as` on `today`; returns its result and the call log. */
async function run(path: string, call: string, args: unknown[], as: string, today: string): Promise<{ result: unknown; log: readonly ServiceCall[] }> {
  const counter = new CallCounter();
  const runtime = await openWorkbookRuntime({ path, create: true, today, as, counter, print: () => undefined });
  try {
    const result = runtime.bundle.call(call, ...args);
    await runtime.save();
    return { result, log: counter.log() };
  } finally {
    runtime.close();
  }
}

test.each([
  ['runInitialize_', [], '', '2024-09-01', fresh],
  ['runEligibilityCheck_', [{}], '', '2024-09-01', book],
  ['runAdvance_', [{ rows: [2, 3, 4], to: '初审通过' }], HONGTA, '2024-09-02', book],
  ['runAdvance_', [{ rows: [2, 3, 4], to: '评审通过' }], CITY, '2024-09-10', book],
  ['runAdvance_', [{ rows: [2, 3, 4], to: '公示中', start: '2024-09-27' }], CITY, '2024-09-26', book],
  ['runPublicityList_', [], CITY, '2024-09-27', book],
  ['runAdvance_', [{ rows: [2, 3, 4], to: '已认定' }], CITY, '2024-10-10', book],
  ['runAdvance_', [{ rows: [3], to: '已取消', reason: '六（四）6' }], CITY, '2024-11-01', book],
  ['runDailyJobs_', [], '', '2027-10-10', book],
  ['runTermResults_', [{ rows: [2, 4], result: '合格' }], CITY, '2027-10-11', book],
  ['runDutyReport_', [{}], '', '2027-10-11', book],
  ['runStudioReport_', [], '', '2027-10-10', book],
  ['runStatistics_', [{}], CITY, '2027-10-11', book],
] as [string, unknown[], string, string, string][])('%s %j writes only under the document lock', async (call, args, as, today, path) => {
  const { result, log } = await run(path, call, args, as, today);
  expect((result as { refused?: unknown[] }).refused ?? []).toEqual([]);
  const names = log.map((entry) => `${entry.service}.${entry.method}`);
  expect(log.filter(isWrite).length).toBeGreaterThan(0);
  expect(unlockedWrites(log)).toEqual([]);
  // The document lock is asked for, taken, and released after the last flush.
  expect(names).toContain('LockService.getDocumentLock');
  expect(names.indexOf('LockService.getDocumentLock')).toBeLessThan(names.findIndex((name) => name === 'Lock.waitLock' || name === 'Lock.tryLock'));
  expect(names.lastIndexOf('Lock.releaseLock')).toBeGreaterThan(names.lastIndexOf('SpreadsheetApp.flush'));
});

test.each([
  ['runInitialize_', []],
  ['runEligibilityCheck_', [{}]],
  ['runPublicityList_', []],
  ['runDutyReport_', [{}]],
  ['runStudioReport_', []],
  ['runStatistics_', [{}]],
] as [string, unknown[]][])('%s: a document lock not free in time is one Chinese message, and the spreadsheet is never touched', (call, args) => {
  const asked: number[] = [];
  const bundle = loadBundle((realm) => ({
    LockService: {
      getDocumentLock: () => ({
        waitLock(timeout: number) {
          asked.push(timeout);
          throw new realm.Error('Lock timeout: another process was holding the lock for too long.');
        },
        releaseLock() {
          throw new realm.Error('releaseLock without the lock');
        },
      }),
    },
  }));
  let message = '';
  try {
    bundle.call(call, ...args);
  } catch (error) {
    message = errorMessage(error);
  }
  // SpreadsheetApp is absent here: any touch would have failed with "not available in the local runtime".
  expect(message).toBe('另一位老师正在操作，请稍后重试（等了 30 秒仍未轮到，本次没有做任何修改）');
  expect(asked).toEqual([30_000]);
});

test.each(['runCreateTemplates_', 'runDocuments_'])('%s: every sheet and property write is under the document lock, and no lock holds a Drive or Docs call', async (call) => {
  const folder = temporaryFolder();
  const path = join(folder, 'documents.xlsx');
  await scenarioWorkbook(path, [1, 2, 3].map((index) => candidate({ 姓名: `甲${index}`, 状态: '已认定', 认定日期: new Date('2024-10-10T00:00:00Z'), 证书编号: `玉教班〔2024〕00${index}号` })), [[CITY, '市级']]);
  const template = writeTemplate(folder, '证书', CERTIFICATE_TEMPLATE);
  const counter = new CallCounter();
  const runtime = await openWorkbookRuntime({ path, today: '2025-03-05', as: CITY, counter, print: () => undefined });
  try {
    installFakeDocumentApp(runtime);
    const args = call === 'runCreateTemplates_' ? [{}] : [{ kind: 'certificate', templateId: runtime.drive.fileIdOf(template), folderId: runtime.drive.folderIdOf(join(folder, 'out')) }];
    const result = runtime.bundle.call(call, ...args) as { created?: unknown[] };
    if (call === 'runDocuments_') expect(result.created).toHaveLength(3);
    await runtime.save();
  } finally {
    runtime.close();
  }
  const log = counter.log();
  expect(log.filter(isWrite).length).toBeGreaterThan(0);
  expect(unlockedWrites(log)).toEqual([]);
  // Never a Drive or Docs call while the lock is held: documents are made outside it.
  let held = false;
  const slowUnderLock: string[] = [];
  for (const entry of log) {
    if (entry.service === 'Lock') held = entry.method === 'waitLock' || entry.method === 'tryLock' ? true : entry.method === 'releaseLock' ? false : held;
    else if (held && /^(DriveApp|File|Folder|DocumentApp|Document|Body|ScriptApp)$/.test(entry.service)) slowUnderLock.push(`${entry.service}.${entry.method}`);
  }
  expect(slowUnderLock).toEqual([]);
});

test('runDocuments with the document lock busy makes no document and says so in Chinese', async () => {
  const folder = temporaryFolder();
  const path = join(folder, 'busy.xlsx');
  await scenarioWorkbook(path, [candidate({ 姓名: '甲', 状态: '已认定', 认定日期: new Date('2024-10-10T00:00:00Z'), 证书编号: '玉教班〔2024〕001号' })], [[CITY, '市级']]);
  const template = writeTemplate(folder, '证书', CERTIFICATE_TEMPLATE);
  const runtime = await openWorkbookRuntime({ path, today: '2025-03-05', as: CITY, counter: new CallCounter(), print: () => undefined, documentLockBusy: true, lockWaitMs: 0 });
  let message = '';
  try {
    installFakeDocumentApp(runtime);
    runtime.bundle.call('runDocuments_', { kind: 'certificate', templateId: runtime.drive.fileIdOf(template), folderId: runtime.drive.folderIdOf(join(folder, 'out')) });
  } catch (error) {
    message = errorMessage(error);
  } finally {
    runtime.close();
  }
  expect(message).toBe('另一位老师正在操作，请稍后重试（等了 30 秒仍未轮到，本次没有做任何修改）');
  expect(filesIn(join(folder, 'out'))).toEqual([]);
});

test('the daily job (onHourlyTrigger) and 开启/关闭每日提醒 write only under the document lock; each send follows a flush under it', async () => {
  const path = join(temporaryFolder(), 'daily.xlsx');
  await scenarioWorkbook(path, [
    candidate({ 姓名: '甲', 状态: '初审通过', 最后操作: `2025-09-24 ${HONGTA}：学校推荐→初审通过` }),
    candidate({ 姓名: '乙', 状态: '已认定', 认定日期: new Date('2022-10-10T00:00:00Z'), 证书编号: '玉教班〔2022〕001号' }),
    candidate({ 姓名: '丙' }),
  ], [[CITY, '市级'], [HONGTA, '红塔区']]);
  const counter = new CallCounter();
  const runtime = await openWorkbookRuntime({ path, today: '2025-10-13', as: CITY, counter, print: () => undefined });
  let result: { daily: { moved: number; sent: unknown[] } };
  try {
    installFakeMailApp(runtime);
    runtime.bundle.call('runRemindersOn_');
    result = runtime.bundle.call('onHourlyTrigger', {}) as typeof result;
    runtime.bundle.call('runRemindersOff_');
    await runtime.save();
  } finally {
    runtime.close();
  }
  expect(result.daily).toMatchObject({ ran: true, problems: [] });
  expect(result.daily.moved).toBe(1); // 乙's term ended on 2025-10-09
  expect(result.daily.sent).toHaveLength(1); // 甲 has waited at least 5 working days (since 2025-09-24, over 国庆): to the city
  const log = counter.log();
  expect(unlockedWrites(log)).toEqual([]);
  let held = false;
  const sendsOutsideLock: number[] = [];
  log.forEach((entry, index) => {
    if (entry.service === 'Lock') held = entry.method === 'waitLock' || entry.method === 'tryLock' ? true : entry.method === 'releaseLock' ? false : held;
    else if (entry.service === 'MailApp' && entry.method === 'sendEmail' && !held) sendsOutsideLock.push(index);
  });
  expect(sendsOutsideLock).toEqual([]);
  const names = log.map((entry) => `${entry.service}.${entry.method}`);
  const send = names.indexOf('MailApp.sendEmail');
  expect(names.lastIndexOf('SpreadsheetApp.flush', send)).toBeGreaterThan(names.lastIndexOf('Range.setValues', send));
});
