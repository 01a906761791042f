/**
 * Reading dates that people type: 2024-09-27, 2024/9/27, 2024.9.27, 2024年9月27日, with full-width
 * digits and stray spaces tolerated. Anything else is not a date; nothing is guessed.
 */
import { calendarDate, fromSerialNumber, isCalendarDate, isRealDay, toSerialNumber, type CalendarDate } from './calendar-date';

const DATE_TEXT = /^(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?)$/;

/** Text with full-width letters, digits and punctuation folded to their half-width forms. */
export function foldWidth(text: string): string {
  return text.normalize('NFKC');
}

/** The calendar date a typed text names, or null when it is not one of the accepted forms. */
export function parseDateText(text: string): CalendarDate | null {
  const match = DATE_TEXT.exec(foldWidth(text).trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2] ?? match[4]);
  const day = Number(match[3] ?? match[5]);
  return isRealDay(year, month, day) ? calendarDate(year, month, day) : null;
}

/** Serial numbers read as dates in date cells (1950-01-01 … 2100-12-31); other numbers are not dates. */
const DATE_SERIALS = { first: toSerialNumber('1950-01-01'), last: toSerialNumber('2100-12-31') };

/**
 * The calendar date a date cell of the workflow's own columns (认定日期, 公示截止) holds, as the
 * adapters hand cells over: a date ('YYYY-MM-DD'), a spreadsheet serial number, or text a person
 * typed (2023年10月16日, 2023/10/16 …); null when blank or unreadable. The one reader of these
 * cells, so 任期, the term forms, the reminders and the statistics agree on a row's date.
 */
export function dateOfCell(cell: unknown): CalendarDate | null {
  if (typeof cell === 'number') {
    return Number.isFinite(cell) && cell >= DATE_SERIALS.first && cell < DATE_SERIALS.last + 1 ? fromSerialNumber(cell) : null;
  }
  if (typeof cell !== 'string') return null;
  const text = cell.trim();
  return isCalendarDate(text) ? text : parseDateText(text);
}
