/**
 * Reading dates that people type: 2024-09-27, 2024/9/27, 2024.9.27, 2024年9月27日, with full-width
 * digits and stray spaces tolerated. Anything else is not a date; nothing is guessed.
 */
import { calendarDate, isRealDay, type CalendarDate } from './calendar-date';

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
