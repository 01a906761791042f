/**
 * China's working-day calendar (SPEC §5): Monday–Friday unless an official holiday, plus the
 * weekend days made working days (调休上班). The State Council's arrangements are bundled per year;
 * a 节假日 sheet adds or overrides days. A day in a year with no known arrangement is an error
 * naming the year, never a silent guess from weekends alone.
 */
import {
  dayNumberOf,
  fromDayNumber,
  toDayNumber,
  weekdayOfDayNumber,
  yearOfDayNumber,
  type CalendarDate,
  type DayNumber,
} from '../calendar-date';
import officialArrangements from './official-arrangements.json';

/** One day that the 节假日 sheet declares off (休) or working (班). */
export interface DayOverride {
  date: CalendarDate;
  kind: 'rest' | 'work';
  name: string;
}

/** A date outside every year whose arrangement is known. */
export class UnknownYearError extends Error {
  constructor(readonly year: number) {
    super(
      `${year}年的法定节假日和调休安排尚未收录，无法计算工作日：请在“节假日”表中录入${year}年国务院办公厅通知的放假和调休日期，或升级本插件。`,
    );
    this.name = 'UnknownYearError';
  }
}

interface YearArrangement {
  rest: Record<string, string>;
  work: Record<string, string>;
}

const OFFICIAL_YEARS = officialArrangements.years as Record<string, YearArrangement>;

/** The years whose official arrangement is bundled, in order. */
export function bundledYears(): number[] {
  return Object.keys(OFFICIAL_YEARS).map(Number).sort((a, b) => a - b);
}

/** The source of the bundled arrangements (the package and version they came from). */
export function bundledSource(): string {
  return officialArrangements.source;
}

let officialCache: { exceptions: Map<DayNumber, boolean>; years: number[] } | undefined;

/** The bundled days off (false) and make-up working days (true) by day number, built once. */
function officialExceptions(): { exceptions: Map<DayNumber, boolean>; years: number[] } {
  if (officialCache) return officialCache;
  const exceptions = new Map<DayNumber, boolean>();
  for (const arrangement of Object.values(OFFICIAL_YEARS)) {
    for (const date of Object.keys(arrangement.rest)) exceptions.set(toDayNumber(date), false);
    for (const date of Object.keys(arrangement.work)) exceptions.set(toDayNumber(date), true);
  }
  officialCache = { exceptions, years: bundledYears() };
  return officialCache;
}

/** Working-day questions over the bundled arrangements and a sheet's overrides. */
export class WorkingDayCalendar {
  private readonly exceptions: Map<DayNumber, boolean>;
  private readonly knownYears: Set<number>;

  /** A calendar of the bundled arrangements with the given overrides on top. */
  constructor(overrides: readonly DayOverride[] = []) {
    const official = officialExceptions();
    this.exceptions = new Map(official.exceptions);
    this.knownYears = new Set(official.years);
    for (const override of overrides) {
      const dayNumber = toDayNumber(override.date);
      this.knownYears.add(yearOfDayNumber(dayNumber));
      this.exceptions.set(dayNumber, override.kind === 'work');
    }
  }

  /** Whether the arrangement of a year is known (bundled or entered in the 节假日 sheet). */
  knowsYear(year: number): boolean {
    return this.knownYears.has(year);
  }

  /** Whether a day is a working day. */
  isWorkday(date: CalendarDate): boolean {
    return this.isWorkdayNumber(toDayNumber(date));
  }

  /** Like Sheets' WORKDAY: the n-th working day after start (before it when n is negative). */
  addWorkdays(start: CalendarDate, workdays: number): CalendarDate {
    return fromDayNumber(this.addWorkdaysToDayNumber(toDayNumber(start), workdays));
  }

  /** Like Sheets' NETWORKDAYS: working days from start to end, both included (negative if end < start). */
  countWorkdays(start: CalendarDate, end: CalendarDate): number {
    const first = toDayNumber(start);
    const last = toDayNumber(end);
    const [low, high] = first <= last ? [first, last] : [last, first];
    this.requireKnownYear(low);
    this.requireKnownYear(high);
    let count = 0;
    for (let dayNumber = low; dayNumber <= high; dayNumber += 1) {
      if (this.isWorkdayNumber(dayNumber)) count += 1;
    }
    return first <= last ? count : -count;
  }

  /**
   * Last day of a publicity of `days` working days from start (start is day 1 when it is a working
   * day). Only days from start on are looked at: a start on 1 January needs nothing of the year before.
   */
  publicityEnd(start: CalendarDate, days: number): CalendarDate {
    const first = toDayNumber(start);
    this.requireKnownYear(first);
    return fromDayNumber(this.addWorkdaysToDayNumber(first, this.isWorkdayNumber(first) ? days - 1 : days));
  }

  private addWorkdaysToDayNumber(start: DayNumber, workdays: number): DayNumber {
    const step = workdays < 0 ? -1 : 1;
    let dayNumber = start;
    this.requireKnownYear(dayNumber);
    for (let left = Math.abs(workdays); left > 0; ) {
      dayNumber += step;
      if (this.isWorkdayNumber(dayNumber)) left -= 1;
    }
    return dayNumber;
  }

  private isWorkdayNumber(dayNumber: DayNumber): boolean {
    const exception = this.exceptions.get(dayNumber);
    if (exception !== undefined) return exception;
    this.requireKnownYear(dayNumber);
    const weekday = weekdayOfDayNumber(dayNumber);
    return weekday !== 0 && weekday !== 6;
  }

  /** Day numbers of the last year found known, so a loop over days asks once per year. */
  private checkedYear = { first: 0, last: -1 };

  private requireKnownYear(dayNumber: DayNumber): void {
    if (dayNumber >= this.checkedYear.first && dayNumber <= this.checkedYear.last) return;
    const year = yearOfDayNumber(dayNumber);
    if (!this.knownYears.has(year)) throw new UnknownYearError(year);
    this.checkedYear = { first: dayNumberOf(year, 1, 1), last: dayNumberOf(year, 12, 31) };
  }
}
