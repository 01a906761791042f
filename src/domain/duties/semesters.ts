/**
 * Semesters of the school year (五（二）–（五）): reading a 学年学期 text such as
 * `2024-2025学年第一学期` in its usual spellings, and finding the semester a calendar date falls in
 * from the two semester starts of 设置 (month-day, default 9-1 and 2-1). 第一学期 of 2024-2025 runs
 * from its start in 2024 to the day before 第二学期 starts in 2025; 第二学期 runs to the day before
 * the next 第一学期. Pure: calendar dates are 'YYYY-MM-DD' texts.
 */
import { calendarDate, isRealDay, partsOf, addDays, type CalendarDate } from '../calendar-date';

/** A day of the year as 设置 writes it ('9-1'). */
export interface MonthDay {
  month: number;
  day: number;
}

/** When each semester starts; 第二学期 comes first in the calendar year (February before September). */
export interface SemesterStarts {
  first: MonthDay;
  second: MonthDay;
}

/** 第一学期 (half 1) or 第二学期 (half 2) of the school year starting in `startYear`. */
export interface Semester {
  startYear: number;
  half: 1 | 2;
}

/** The names of the two semesters, as every message and the 履职情况 sheet write them. */
export const SEMESTER_NAMES = { 1: '第一学期', 2: '第二学期' } as const;

/** Spellings of each semester after the school year, folded (see foldSemesterText). */
const SEMESTER_SPELLINGS: Readonly<Record<string, 1 | 2>> = {
  第一学期: 1,
  第1学期: 1,
  上学期: 1,
  秋季学期: 1,
  第二学期: 2,
  第2学期: 2,
  下学期: 2,
  春季学期: 2,
};

/** Characters accepted between the two years of a school year (2024-2025, 2024—2025, 2024～2025, 2024至2025). */
const YEAR_SEPARATORS = '-‐‑‒–—―~〜～至到';

const SCHOOL_YEAR_TEXT = new RegExp(`^(\\d{4})[${YEAR_SEPARATORS}](\\d{4})(?:学年度?|年度?)?(.*)$`, 'u');

/** A 学年学期 text folded for reading: full-width digits and signs to half-width, no spaces. */
function foldSemesterText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

/** The semester a 学年学期 text names, or null when it is not one of the accepted spellings. */
export function parseSemesterText(text: string): Semester | null {
  const match = SCHOOL_YEAR_TEXT.exec(foldSemesterText(text));
  if (!match) return null;
  const startYear = Number(match[1]);
  if (Number(match[2]) !== startYear + 1) return null;
  const half = SEMESTER_SPELLINGS[match[3] ?? ''];
  return half === undefined ? null : { startYear, half };
}

/** `2024-2025`: the school year of a semester as the report writes it. */
export function schoolYearText(semester: Semester): string {
  return `${semester.startYear}-${semester.startYear + 1}`;
}

/** `2024-2025学年第一学期`. */
export function semesterText(semester: Semester): string {
  return `${schoolYearText(semester)}学年${SEMESTER_NAMES[semester.half]}`;
}

/** A number that orders semesters: consecutive semesters differ by one. */
export function semesterIndex(semester: Semester): number {
  return semester.startYear * 2 + (semester.half - 1);
}

/** The semester of an index (semesterIndex's inverse). */
export function semesterOfIndex(index: number): Semester {
  return { startYear: Math.floor(index / 2), half: index % 2 === 0 ? 1 : 2 };
}

const MONTH_DAY_TEXT = /^(?:(\d{4})[-/.年])?(\d{1,2})(?:[-/.]|月)(\d{1,2})日?$/u;

/**
 * A month-day setting ('9-1', '9月1日', '09/01'; a full date such as 2024-09-01 gives its month
 * and day), or null when unreadable. 29 February is refused: it does not start every year.
 */
export function parseMonthDay(text: string): MonthDay | null {
  const match = MONTH_DAY_TEXT.exec(text.normalize('NFKC').replace(/\s+/gu, ''));
  if (!match) return null;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return isRealDay(2023, month, day) ? { month, day } : null;
}

/** `9-1`: a month-day as 设置 writes it. */
export function monthDayText(monthDay: MonthDay): string {
  return `${monthDay.month}-${monthDay.day}`;
}

/** Whether 第二学期 starts before 第一学期 within a calendar year, as the semester arithmetic needs. */
export function startsInOrder(starts: SemesterStarts): boolean {
  return starts.second.month * 100 + starts.second.day < starts.first.month * 100 + starts.first.day;
}

/** The first day of a semester. */
export function semesterStart(semester: Semester, starts: SemesterStarts): CalendarDate {
  const { month, day } = semester.half === 1 ? starts.first : starts.second;
  return calendarDate(semester.half === 1 ? semester.startYear : semester.startYear + 1, month, day);
}

/** The last day of a semester: the day before the next one starts. */
export function semesterEnd(semester: Semester, starts: SemesterStarts): CalendarDate {
  return addDays(semesterStart(semesterOfIndex(semesterIndex(semester) + 1), starts), -1);
}

/** The semester a calendar date falls in. */
export function semesterOfDate(date: CalendarDate, starts: SemesterStarts): Semester {
  const { year, month, day } = partsOf(date);
  const at = month * 100 + day;
  if (at >= starts.first.month * 100 + starts.first.day) return { startYear: year, half: 1 };
  if (at >= starts.second.month * 100 + starts.second.day) return { startYear: year - 1, half: 2 };
  return { startYear: year - 1, half: 1 };
}

/** A 设置 row as read: its 1-based row number and its value as text ('' when blank). */
export interface SettingCell {
  row: number;
  text: string;
}

/**
 * The semester starts from 设置's 第一学期开始 and 第二学期开始 (the preset's defaults for a blank or
 * missing row), or a Chinese problem naming the 设置 row and value.
 */
export function semesterStartsOf(
  first: SettingCell | undefined,
  second: SettingCell | undefined,
  defaults: { first: string; second: string },
  keys: { first: string; second: string },
): SemesterStarts | { problem: string } {
  const read = (cell: SettingCell | undefined, fallback: string, key: string): MonthDay | string => {
    const text = cell === undefined || cell.text.trim() === '' ? fallback : cell.text;
    const monthDay = parseMonthDay(text);
    if (monthDay) return monthDay;
    return `设置第${cell?.row ?? '?'}行：${key}“${text.trim()}”不是月-日，请填写如 ${fallback} 的月-日（${fallback} 即 ${fallback.replace('-', '月')}日）`;
  };
  const firstStart = read(first, defaults.first, keys.first);
  if (typeof firstStart === 'string') return { problem: firstStart };
  const secondStart = read(second, defaults.second, keys.second);
  if (typeof secondStart === 'string') return { problem: secondStart };
  const starts = { first: firstStart, second: secondStart };
  if (!startsInOrder(starts)) {
    return {
      problem: `设置第${second?.row ?? first?.row ?? '?'}行：${keys.second}（${monthDayText(secondStart)}）须早于${keys.first}（${monthDayText(firstStart)}）：第二学期在春季开始，第一学期在秋季开始`,
    };
  }
  return starts;
}
