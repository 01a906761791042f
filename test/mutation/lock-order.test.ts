/**
 * One writer at a time (ARCHITECTURE: every state change takes the document lock): the ordered
 * call log of the runtime shows every write the bundle makes — cell values and notes, rows and
 * columns, sheets, document properties — between LockService's waitLock/tryLock and releaseLock,
 * for each move of the review workflow and for the daily job. The two-process tests cannot see a
 * missing document lock (the workbook's file lock already serializes whole runs); this one can.
 */
import { join } from 'node:path';
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

beforeAll(async () => {
  await scenarioWorkbook(book, [candidate({ 姓名: '甲' }), candidate({ 姓名: '乙' }), candidate({ 姓名: '丙' })], [
    [CITY, '市级'],
    [HONGTA, '红塔区'],
  ]);
});

/** Runs one server function of the real bundle over the book as `as` on `today`; returns its result and the call log. */
async function run(call: string, args: unknown[], as: string, today: string): Promise<{ result: unknown; log: readonly ServiceCall[] }> {
  const counter = new CallCounter();
  const runtime = await openWorkbookRuntime({ path: book, today, as, counter, print: () => undefined });
  try {
    const result = runtime.bundle.call(call, ...args);
    await runtime.save();
    return { result, log: counter.log() };
  } finally {
    runtime.close();
  }
}

test.each([
  ['runAdvance', [{ rows: [2, 3, 4], to: '初审通过' }], HONGTA, '2024-09-02'],
  ['runAdvance', [{ rows: [2, 3, 4], to: '评审通过' }], CITY, '2024-09-10'],
  ['runAdvance', [{ rows: [2, 3, 4], to: '公示中', start: '2024-09-27' }], CITY, '2024-09-26'],
  ['runAdvance', [{ rows: [2, 3, 4], to: '已认定' }], CITY, '2024-10-10'],
  ['runAdvance', [{ rows: [3], to: '已取消', reason: '六（四）6' }], CITY, '2024-11-01'],
  ['runDailyJobs', [], '', '2027-10-10'],
] as [string, unknown[], string, string][])('%s %j writes only under the document lock', async (call, args, as, today) => {
  const { result, log } = await run(call, args, as, today);
  const moved = (result as { moved: unknown[]; refused: unknown[] }).moved;
  expect((result as { refused: unknown[] }).refused).toEqual([]);
  expect(moved.length).toBeGreaterThan(0);
  const names = log.map((entry) => `${entry.service}.${entry.method}`);
  expect(names).toContain('LockService.getDocumentLock');
  expect(names.filter((name) => name === 'Range.setValues' || name === 'Sheet.appendRow' || name === 'Range.setValue').length).toBeGreaterThan(0);
  expect(unlockedWrites(log)).toEqual([]);
  // The lock is taken after it is asked for, and released last.
  expect(names.indexOf('LockService.getDocumentLock')).toBeLessThan(names.findIndex((name) => name === 'Lock.waitLock' || name === 'Lock.tryLock'));
  expect(names.lastIndexOf('Lock.releaseLock')).toBeGreaterThan(names.lastIndexOf('SpreadsheetApp.flush'));
});
