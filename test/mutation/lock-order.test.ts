/**
 * One writer at a time (ARCHITECTURE: every state change takes the document lock): the ordered
 * call log of the runtime shows every write the bundle makes — cell values and notes, rows and
 * columns, sheets, document properties — between LockService's waitLock/tryLock and releaseLock,
 * for each move of the review workflow, the daily job, 初始化表格, 校验全部资格, 生成公示名单 and 生成统计.
 * The two-process tests cannot see a missing document lock (the workbook's file lock already
 * serializes whole runs); this one can.
 */
import { join } from 'node:path';
import { errorMessage, loadBundle } from '../../local/runtime/bundle';
import { CallCounter, type ServiceCall } from '../../local/runtime/call-counter';
import { openWorkbookRuntime } from '../../local/workbook-runtime';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { temporaryFolder } from '../support/workbooks';

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
  ['runInitialize', [], '', '2024-09-01', fresh],
  ['runEligibilityCheck', [{}], '', '2024-09-01', book],
  ['runAdvance', [{ rows: [2, 3, 4], to: '初审通过' }], HONGTA, '2024-09-02', book],
  ['runAdvance', [{ rows: [2, 3, 4], to: '评审通过' }], CITY, '2024-09-10', book],
  ['runAdvance', [{ rows: [2, 3, 4], to: '公示中', start: '2024-09-27' }], CITY, '2024-09-26', book],
  ['runPublicityList', [], CITY, '2024-09-27', book],
  ['runAdvance', [{ rows: [2, 3, 4], to: '已认定' }], CITY, '2024-10-10', book],
  ['runAdvance', [{ rows: [3], to: '已取消', reason: '六（四）6' }], CITY, '2024-11-01', book],
  ['runDailyJobs', [], '', '2027-10-10', book],
  ['runTermResults', [{ rows: [2, 4], result: '合格' }], CITY, '2027-10-11', book],
  ['runDutyReport', [{}], '', '2027-10-11', book],
  ['runStudioReport', [], '', '2027-10-10', book],
  ['runStatistics', [{}], CITY, '2027-10-11', book],
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
  ['runInitialize', []],
  ['runEligibilityCheck', [{}]],
  ['runPublicityList', []],
  ['runDutyReport', [{}]],
  ['runStudioReport', []],
  ['runStatistics', [{}]],
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
