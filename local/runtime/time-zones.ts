/**
 * Wall-clock time in a named time zone, for the offline runtime: the wall fields of an instant
 * (what a clock in that zone shows) and the instant of given wall fields. Date cells in an .xlsx
 * hold wall time with no zone; the runtime reads and writes them in the spreadsheet's time zone,
 * whatever the time zone of the Node process.
 */

/** Calendar and clock fields as a clock in some time zone shows them (month 1–12). */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether `timeZone` is a time zone name this Node knows (an IANA name such as Asia/Shanghai). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock of an instant (milliseconds since the epoch) in a time zone. */
export function wallClockAt(instant: number, timeZone: string): WallClock {
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) fields[part.type] = part.value;
  const year = Number(fields.year);
  return {
    year: fields.era === 'BC' ? 1 - year : year,
    month: Number(fields.month),
    day: Number(fields.day),
    hour: Number(fields.hour),
    minute: Number(fields.minute),
    second: Number(fields.second),
    millisecond: ((instant % 1000) + 1000) % 1000,
  };
}

/** Milliseconds since the epoch of wall fields read as if they were UTC. */
export function wallClockAsUtc(wall: WallClock): number {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second, wall.millisecond);
  return date.getTime();
}

/** The wall fields of a UTC-read Date (how exceljs gives a date cell: its wall time as UTC). */
export function wallClockOfUtcDate(date: Date): WallClock {
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    millisecond: date.getUTCMilliseconds(),
  };
}

/** Milliseconds a time zone is ahead of UTC at an instant. */
export function offsetAt(instant: number, timeZone: string): number {
  const wall = wallClockAt(instant, timeZone);
  return wallClockAsUtc({ ...wall, millisecond: 0 }) - Math.floor(instant / 1000) * 1000;
}

/** The instant at which a clock in `timeZone` shows `wall` (the earlier one across a DST overlap). */
export function instantOfWallClock(wall: WallClock, timeZone: string): number {
  const asUtc = wallClockAsUtc(wall);
  const firstOffset = offsetAt(asUtc, timeZone);
  let instant = asUtc - firstOffset;
  const secondOffset = offsetAt(instant, timeZone);
  if (secondOffset !== firstOffset) instant = asUtc - secondOffset;
  return instant;
}

/** The instant of `HH:MM` on a calendar date 'YYYY-MM-DD' in a time zone. */
export function instantOfDateAndTime(date: string, hour: number, minute: number, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return instantOfWallClock(
    { year: year ?? 1970, month: month ?? 1, day: day ?? 1, hour, minute, second: 0, millisecond: 0 },
    timeZone,
  );
}
