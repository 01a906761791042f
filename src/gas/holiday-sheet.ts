/**
 * The spreadsheet's 节假日 sheet as a working-day calendar: read once, in the spreadsheet's time
 * zone, on top of the bundled official arrangements. A spreadsheet without the sheet gets the
 * bundled arrangements alone.
 */
import { WorkingDayCalendar } from '../domain/working-days/working-day-calendar';
import { readHolidayRows } from './holiday-rows';

/** Name of the sheet that adds or overrides days. */
export const HOLIDAY_SHEET_NAME = '节假日';

/** The working-day calendar of a spreadsheet (its 节假日 sheet over the bundled arrangements). */
export function readWorkingDayCalendar(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): WorkingDayCalendar {
  const sheet = spreadsheet.getSheetByName(HOLIDAY_SHEET_NAME);
  if (!sheet) return new WorkingDayCalendar();
  const values = sheet.getDataRange().getValues();
  return new WorkingDayCalendar(readHolidayRows(values, spreadsheet.getSpreadsheetTimeZone()));
}

/** The working-day calendar of the spreadsheet the script is bound to or opened from. */
export function activeWorkingDayCalendar(): WorkingDayCalendar {
  return readWorkingDayCalendar(SpreadsheetApp.getActiveSpreadsheet());
}
