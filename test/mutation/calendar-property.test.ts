/**
 * The working-day functions as properties over every year the add-on knows (2004–2026), checked
 * against chinese-days' own isWorkday (a separate implementation of the State Council's
 * arrangements): PUBLICITY_END(s, n) is a working day with exactly n working days from the first
 * working day on or after s; CN_WORKDAY and CN_NETWORKDAYS agree with each other and with it.
 * The functions run as a cell calls them: dist/Code.js in the runtime, spreadsheet in Asia/Shanghai.
 */
import { isWorkday as oracleIsWorkday } from 'chinese-days';
import fc from 'fast-check';
import { CallCounter } from '../../local/runtime/call-counter';
import { openWorkbookRuntime, type WorkbookRuntime } from '../../local/workbook-runtime';
import { shanghaiDay } from '../support/time-zones';

let runtime: WorkbookRuntime;
beforeAll(async () => {
  runtime = await openWorkbookRuntime({ today: '2024-09-27', counter: new CallCounter(), print: () => undefined });
});
afterAll(() => runtime.close());

const DAY_MS = 86_400_000;

/** YYYY-MM-DD of a day number (days since 1970-01-01). */
function dateOf(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** The day number of YYYY-MM-DD. */
function dayNumberOf(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

/** Days from `first` to `last` (both included) that chinese-days calls working days. */
function oracleCount(first: string, last: string): number {
  let count = 0;
  for (let day = dayNumberOf(first); day <= dayNumberOf(last); day += 1) if (oracleIsWorkday(dateOf(day))) count += 1;
  return count;
}

/** A function of the bundle; a returned Date is read as the Shanghai calendar day it shows. */
function call(name: string, ...args: unknown[]): unknown {
  const value = runtime.bundle.call(name, ...args);
  return Object.prototype.toString.call(value) === '[object Date]' ? shanghaiDay(value) : value;
}

/** Start days from `from` to `to`, as YYYY-MM-DD. */
function days(from: string, to: string): fc.Arbitrary<string> {
  return fc.integer({ min: dayNumberOf(from), max: dayNumberOf(to) }).map(dateOf);
}

test('PUBLICITY_END(s, n) is a working day with exactly n working days from the first working day on or after s', () => {
  fc.assert(
    fc.property(days('2004-01-01', '2026-11-30'), fc.integer({ min: 1, max: 15 }), (start, n) => {
      const end = call('PUBLICITY_END', start, n) as string;
      expect(end >= start).toBe(true);
      expect(oracleIsWorkday(end)).toBe(true);
      expect(call('IS_WORKDAY', end)).toBe(true);
      let first = dayNumberOf(start);
      while (!oracleIsWorkday(dateOf(first))) first += 1;
      expect(oracleCount(dateOf(first), end)).toBe(n);
      expect(call('CN_NETWORKDAYS', start, end)).toBe(n);
    }),
    { numRuns: 400, examples: [['2004-01-01', 1], ['2026-11-30', 15]] },
  );
});

test('a publicity starting on 1 January needs nothing of the year before (2004, or a year known only from the 节假日 sheet)', () => {
  expect(call('PUBLICITY_END', '2004-01-01', 5)).toBe('2004-01-08');
  // 2028 is known only from these rows (2027 not at all): 2028-01-01 is a Saturday.
  const holidays = [['日期', '类型', '名称'], ['2028-01-01', '休', '元旦'], ['2028-01-02', '休', '元旦']];
  expect(call('PUBLICITY_END', '2028-01-01', 5, holidays)).toBe('2028-01-07');
  expect(call('PUBLICITY_END', '2028-01-03', 1, holidays)).toBe('2028-01-03');
});

test('IS_WORKDAY agrees with chinese-days on every sampled day of 2004–2026', () => {
  fc.assert(
    fc.property(days('2004-01-01', '2026-12-31'), (day) => {
      expect(call('IS_WORKDAY', day)).toBe(oracleIsWorkday(day));
    }),
    { numRuns: 1000 },
  );
});

test('CN_WORKDAY and CN_NETWORKDAYS agree: the k-th working day after (or before) s closes a count of k', () => {
  fc.assert(
    fc.property(days('2004-04-01', '2026-10-15'), fc.integer({ min: -40, max: 40 }).filter((k) => k !== 0), (start, k) => {
      const target = call('CN_WORKDAY', start, k) as string;
      expect(call('IS_WORKDAY', target)).toBe(true);
      expect(k > 0 ? target > start : target < start).toBe(true);
      const startCounts = oracleIsWorkday(start) ? 1 : 0;
      expect(call('CN_NETWORKDAYS', start, target)).toBe(Math.sign(k) * (Math.abs(k) + startCounts));
      expect(call('CN_NETWORKDAYS', target, start)).toBe(-Math.sign(k) * (Math.abs(k) + startCounts));
      if (k > 0) expect(call('PUBLICITY_END', dateOf(dayNumberOf(start) + 1), k)).toBe(target);
      expect(call('CN_WORKDAY', start, 0)).toBe(start);
    }),
    { numRuns: 400 },
  );
});
