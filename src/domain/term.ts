/**
 * Term dates (六（二）): a title runs for a number of years from its award date.
 */
import { addDays, sameDayYearsLater, type CalendarDate } from './calendar-date';

/** Last day of a term: the day before the same date `years` later (29 February → 28 February). */
export function termEnd(awardDate: CalendarDate, years: number): CalendarDate {
  return addDays(sameDayYearsLater(awardDate, years), -1);
}
