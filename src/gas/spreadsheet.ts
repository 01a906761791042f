/**
 * The active spreadsheet and its sheets, read the way the rest of the add-on needs them: a whole
 * sheet in one getValues call, date cells turned into 'YYYY-MM-DD' text in the spreadsheet's time
 * zone, so the domain never sees an instant.
 */
import { findHeaderRow, NO_HEADER_ROW_IN_SHEET, type HeaderMatch } from '../domain/nomination/headers';
import { calendarDateOfInstant, isDateValue } from './cell-dates';

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

/** Cell values for the domain (see domainCell), row by row. */
export function domainCells(values: unknown[][], timeZone: string): (string | number | boolean | null)[][] {
  return values.map((row) => row.map((value) => domainCell(value, timeZone)));
}

/** A whole sheet for the domain, read with one getValues call. */
export function readCells(sheet: GoogleAppsScript.Spreadsheet.Sheet, timeZone: string): (string | number | boolean | null)[][] {
  return domainCells(sheet.getDataRange().getValues(), timeZone);
}

/** A nomination sheet's header row: its 1-based row number (rows above it are titles) and columns. */
export interface NominationHeader {
  row: number;
  headers: HeaderMatch;
}

/** A sheet has no nomination header row in its first rows: nothing was read further or written. */
export class NoHeaderRowError extends Error {
  override name = 'NoHeaderRowError';
}

/**
 * The header row of a nomination sheet read as `cells` (SPEC §2: the first of the first 10 rows
 * holding 姓名 and three other known headers), or a Chinese error naming the sheet.
 */
export function nominationHeader(sheetName: string, cells: readonly (readonly unknown[])[]): NominationHeader {
  const found = findHeaderRow(cells);
  if (!found) throw new NoHeaderRowError(`工作表“${sheetName}”：${NO_HEADER_ROW_IN_SHEET}`);
  return { row: found.index + 1, headers: found.match };
}

/**
 * Sorted column indexes grouped into runs of adjacent columns: each run is one setValues call,
 * so writing output columns costs a fixed number of calls whatever the number of rows.
 */
export function adjacentRuns(sortedColumns: readonly number[]): number[][] {
  const runs: number[][] = [];
  for (const column of sortedColumns) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === column - 1) run.push(column);
    else runs.push([column]);
  }
  return runs;
}

/** Why a sheet is missing, naming the sheets there are and the two ways on (init, or --sheet). */
export function missingSheetMessage(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string): string {
  const names = spreadsheet.getSheets().map((each) => `“${each.getName()}”`).join('、');
  return (
    `找不到工作表“${name}”（本表格中的工作表：${names}）：名单在别的工作表上时，请用 --sheet 指定该工作表；` +
    '否则请先在菜单中运行“初始化表格”（或 banzhuren init）'
  );
}

/** The sheet of that name, or an error saying which sheets there are (missingSheetMessage). */
export function requireSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(missingSheetMessage(spreadsheet, name));
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
