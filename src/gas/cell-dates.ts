/**
 * Where dates cross the boundary between cells and the domain. A date cell arrives as an instant
 * (midnight of that day in the spreadsheet's time zone); it becomes a calendar date here, read in
 * that time zone, and a calendar date becomes an instant only when written back. The only service
 * call is reading the spreadsheet's time zone, which custom functions may do (Spreadsheet is
 * read-only for them, and getSpreadsheetTimeZone is a get method).
 */
import { fromDayNumber, fromSerialNumber, partsOf, type CalendarDate } from '../domain/calendar-date';
import { parseDateText } from '../domain/date-text';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
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

/** Wall-clock fields of an instant in a time zone. */
function wallClock(instant: number, timeZone: string): Record<string, number> {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return fields;
}

/** Whether a value is a Date, from this realm or another (a cell value or a test's). */
export function isDateValue(value: unknown): value is Date {
  // The typeof test first: most cells are strings or numbers, and toString on each one is costly.
  return typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Date]';
}

const OFFSET_BUCKET_MS = 15 * 60 * 1000;
const MILLISECONDS_PER_DAY = 86_400_000;
const offsetCaches = new Map<string, Map<number, number>>();

/**
 * Milliseconds a time zone is ahead of UTC at an instant. Offsets change only at quarter-hour
 * boundaries, so each quarter hour is asked of Intl once: a 10,000-row column of dates costs one
 * Intl call per distinct day, not three per row.
 */
function offsetAt(instant: number, timeZone: string): number {
  let cache = offsetCaches.get(timeZone);
  if (!cache) offsetCaches.set(timeZone, (cache = new Map()));
  const bucket = Math.floor(instant / OFFSET_BUCKET_MS);
  let offset = cache.get(bucket);
  if (offset === undefined) {
    const start = bucket * OFFSET_BUCKET_MS;
    const fields = wallClock(start, timeZone);
    offset = Date.UTC(fields.year ?? 0, (fields.month ?? 1) - 1, fields.day, fields.hour, fields.minute, fields.second) - start;
    cache.set(bucket, offset);
  }
  return offset;
}

/** The calendar date of an instant in a time zone. */
export function calendarDateOfInstant(instant: Date, timeZone: string): CalendarDate {
  const time = instant.getTime();
  return fromDayNumber(Math.floor((time + offsetAt(time, timeZone)) / MILLISECONDS_PER_DAY));
}

/** The instant of midnight starting a calendar date in a time zone (a date cell's value). */
export function instantOfCalendarDate(date: CalendarDate, timeZone: string): Date {
  const { year, month, day } = partsOf(date);
  const wallMidnight = Date.UTC(year, month - 1, day);
  let instant = wallMidnight - offsetAt(wallMidnight, timeZone);
  // Across a daylight-saving change the offset at the answer may differ from the first guess.
  instant = wallMidnight - offsetAt(instant, timeZone);
  return new Date(instant);
}

/**
 * The time zone a custom function reads and writes date cells in: the active spreadsheet's
 * (File › Settings), never the script's (Session.getScriptTimeZone is appsscript.json's zone).
 * Where no SpreadsheetApp exists at all (the bundle in a bare V8 context) the runtime's own zone
 * stands for the spreadsheet's.
 */
export function cellTimeZone(): string {
  const spreadsheet = typeof SpreadsheetApp === 'undefined' ? null : SpreadsheetApp.getActive();
  return spreadsheet ? spreadsheet.getSpreadsheetTimeZone() : new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** What a cell holds when it should hold a date. */
export type DateCellReading =
  | { kind: 'blank' }
  | { kind: 'date'; date: CalendarDate }
  | { kind: 'invalid'; shown: string };

/** Reads a date cell: a Date, a serial number, or a typed date text; '' and null are blank. */
export function readDateCell(value: unknown, timeZone: string): DateCellReading {
  if (value === '' || value === null || value === undefined) return { kind: 'blank' };
  if (isDateValue(value)) {
    if (Number.isNaN(value.getTime())) return { kind: 'invalid', shown: '无效日期' };
    return { kind: 'date', date: calendarDateOfInstant(value, timeZone) };
  }
  if (typeof value === 'number' && Number.isFinite(value) && value >= 1 && value < 2_958_466) {
    return { kind: 'date', date: fromSerialNumber(value) };
  }
  if (typeof value === 'string') {
    if (value.trim() === '') return { kind: 'blank' };
    const date = parseDateText(value);
    return date ? { kind: 'date', date } : { kind: 'invalid', shown: value };
  }
  return { kind: 'invalid', shown: String(value) };
}
