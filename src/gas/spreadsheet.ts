/**
 * The active spreadsheet and its sheets, read the way the rest of the add-on needs them: a whole
 * sheet in one getValues call, date cells turned into 'YYYY-MM-DD' text in the spreadsheet's time
 * zone, so the domain never sees an instant.
 */
import { calendarDateOfInstant, isDateValue } from './cell-dates';

/** A sheet's cells as read once: header row first. */
export interface SheetTable {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  /** Cell values with date cells as 'YYYY-MM-DD' text. */
  rows: (string | number | boolean | null)[][];
  timeZone: string;
}

/** The spreadsheet the add-on runs in. */
export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** A cell value for the domain: Dates become calendar-date text in the spreadsheet's time zone. */
export function domainCell(value: unknown, timeZone: string): string | number | boolean | null {
  if (isDateValue(value)) return Number.isNaN(value.getTime()) ? '' : calendarDateOfInstant(value, timeZone);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return value === null || value === undefined ? '' : String(value);
}

/** Reads a whole sheet with one getValues call. */
export function readSheetTable(sheet: GoogleAppsScript.Spreadsheet.Sheet, timeZone: string): SheetTable {
  const values = sheet.getDataRange().getValues();
  return { sheet, rows: values.map((row) => row.map((value) => domainCell(value, timeZone))), timeZone };
}

/** The sheet of that name, or an error telling the official to initialise the spreadsheet. */
export function requireSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`找不到工作表“${name}”：请先在菜单中运行“初始化表格”（或 banzhuren init）`);
  return sheet;
}

/** Today's calendar date in a time zone. */
export function todayIn(timeZone: string): string {
  return calendarDateOfInstant(new Date(), timeZone);
}

/** Adds columns at the right end when a sheet has fewer than `columns` (Sheets refuses ranges beyond). */
export function ensureColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, columns: number): void {
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/** Adds rows at the bottom when a sheet has fewer than `rows`. */
export function ensureRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
}

/**
 * Text to write exactly as it is: Sheets reads a written string the way it reads typing (=… a
 * formula, 001 a number, 2024-09-27 a date), and a leading apostrophe stops that without showing.
 * Used for every text the add-on writes that came from a person or a pattern.
 */
export function textCell(text: string): string {
  return text === '' ? '' : `'${text}`;
}
