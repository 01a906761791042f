/**
 * Helpers for tests that must hold in every time zone: the zones to run under, switching the
 * process's zone (Node honours a runtime change of process.env.TZ, vm contexts included), and date
 * cells made the way Sheets makes them (midnight of the day in the spreadsheet's zone).
 */
import type { Realm } from '../../local/runtime/bundle';

/** The process time zones every date test runs under. */
export const PROCESS_TIME_ZONES = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles'] as const;

/**
 * Runs `body` with process.env.TZ set, restoring it after. Under Jest this changes nothing (a test
 * sees a copy of process.env, so neither Date nor Intl follows it): code that must run in another
 * zone runs in a child process with TZ set (test/support/bare-bundle.ts, runCli, runChild).
 */
export function inProcessTimeZone<T>(timeZone: string, body: () => T): T {
  const previous = process.env.TZ;
  process.env.TZ = timeZone;
  try {
    return body();
  } finally {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  }
}

/** The date cell Sheets hands a script for a day in an Asia/Shanghai spreadsheet (UTC+8, no DST). */
export function shanghaiDateCell(realm: Realm, date: string): Date {
  return new realm.Date(`${date}T00:00:00+08:00`);
}

/** 'YYYY-MM-DD' of an instant as an Asia/Shanghai spreadsheet shows it. */
export function shanghaiDay(value: unknown): string {
  if (Object.prototype.toString.call(value) !== '[object Date]') throw new Error(`not a Date: ${String(value)}`);
  return new Date((value as Date).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The date cell Sheets hands a script for a day in a spreadsheet set to `timeZone` (midnight there). */
export function zonedDateCell(realm: Realm, date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(year, month - 1, day);
  // The zone's offset at that midnight, found from how the zone shows the UTC midnight.
  const shown = zonedDay(new Date(guess), timeZone, true);
  return new realm.Date(guess - (Date.parse(`${shown}Z`) - guess));
}

/** 'YYYY-MM-DD' of an instant as a spreadsheet set to `timeZone` shows it. */
export function dayIn(value: unknown, timeZone: string): string {
  if (Object.prototype.toString.call(value) !== '[object Date]') throw new Error(`not a Date: ${String(value)}`);
  return zonedDay(value as Date, timeZone, false);
}

/** The process's own time zone (what TZ says, else the system's). */
export function processTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function zonedDay(instant: Date, timeZone: string, withTime: boolean): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  return withTime ? `${day}T${parts.hour}:${parts.minute}:${parts.second}` : day;
}
