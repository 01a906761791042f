/**
 * Calendar dates as plain values. A CalendarDate is the text 'YYYY-MM-DD' of a day in the
 * spreadsheet's time zone; arithmetic runs on day numbers (days since 1970-01-01), never on
 * instants, so no answer depends on the time zone the code happens to run in.
 */

/** A calendar day written 'YYYY-MM-DD'. */
export type CalendarDate = string;

/** Days since 1970-01-01 of a calendar date. */
export type DayNumber = number;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether year/month/day name a real day of the Gregorian calendar. */
export function isRealDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** The number of days of a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether a year has a 29 February. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The calendar date of year/month/day; throws when that day does not exist. */
export function calendarDate(year: number, month: number, day: number): CalendarDate {
  if (!isRealDay(year, month, day)) throw new RangeError(`不存在的日期：${year}年${month}月${day}日`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whether a value is a well-formed 'YYYY-MM-DD' text of a real day. */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const { year, month, day } = partsOf(value);
  return isRealDay(year, month, day);
}

/** Year, month (1–12) and day of a calendar date. */
export function partsOf(date: CalendarDate): { year: number; month: number; day: number } {
  const year = digitsAt(date, 0, 4);
  const month = digitsAt(date, 5, 2);
  const day = digitsAt(date, 8, 2);
  if (date.length !== 10 || date[4] !== '-' || date[7] !== '-' || year < 0 || month < 0 || day < 0) {
    throw new RangeError(`不是日期：${date}`);
  }
  return { year, month, day };
}

/** The number written by `length` ASCII digits at `start`, or -1 if any is not a digit. */
function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let index = start; index < start + length; index += 1) {
    const digit = text.charCodeAt(index) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** The day number of a calendar date. */
export function toDayNumber(date: CalendarDate): DayNumber {
  const { year, month, day } = partsOf(date);
  return dayNumberOf(year, month, day);
}

/** The day number of year/month/day (no validation; month 1–12). */
export function dayNumberOf(year: number, month: number, day: number): DayNumber {
  // Howard Hinnant's days_from_civil: integer arithmetic, no Date.
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Year, month and day of a day number (Howard Hinnant's civil_from_days). */
export function partsOfDayNumber(dayNumber: DayNumber): { year: number; month: number; day: number } {
  const shifted = dayNumber + 719468;
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The calendar date of a day number. */
export function fromDayNumber(dayNumber: DayNumber): CalendarDate {
  const { year, month, day } = partsOfDayNumber(dayNumber);
  return `${year < 1000 ? String(year).padStart(4, '0') : year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** The year of a day number. */
export function yearOfDayNumber(dayNumber: DayNumber): number {
  return partsOfDayNumber(dayNumber).year;
}

/** Day of the week of a day number: 0 Sunday … 6 Saturday. */
export function weekdayOfDayNumber(dayNumber: DayNumber): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** A calendar date moved by a number of days. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** The same month and day some years later; 29 February becomes 1 March in a common year. */
export function sameDayYearsLater(date: CalendarDate, years: number): CalendarDate {
  const { year, month, day } = partsOf(date);
  const target = year + years;
  if (isRealDay(target, month, day)) return calendarDate(target, month, day);
  return calendarDate(target, 3, 1);
}

/** Chinese long form of a date: 2024年9月27日. */
export function formatChineseDate(date: CalendarDate): string {
  const { year, month, day } = partsOf(date);
  return `${year}年${month}月${day}日`;
}

/** Spreadsheet serial number (days since 1899-12-30, as Sheets and Excel count) of a date. */
export function toSerialNumber(date: CalendarDate): number {
  return toDayNumber(date) + SERIAL_OF_1970;
}

/** The calendar date of a spreadsheet serial number; fractions (times of day) are dropped. */
export function fromSerialNumber(serial: number): CalendarDate {
  return fromDayNumber(Math.floor(serial) - SERIAL_OF_1970);
}

/** Serial number of 1970-01-01 in the 1899-12-30 epoch. */
const SERIAL_OF_1970 = 25_569;
