/**
 * The 操作记录 sheet: one row per change (时间, 操作人, 工作表, 行, 姓名, 原状态, 新状态, 说明),
 * appended in one call per action under the caller's document lock, and read back for
 * `banzhuren log`. Every text is written as text (a reason typed as =… never becomes a formula);
 * a sheet it creates gets widths that show the whole time (never `###`).
 */
import { SHEET_NAMES } from '../domain/sheet-layouts';
import { applyColumnLooks } from './column-layout';
import { domainCell, ensureRows, textCell } from './spreadsheet';

/** Header of the audit log, in order. */
export const LOG_HEADERS = ['时间', '操作人', '工作表', '行', '姓名', '原状态', '新状态', '说明'] as const;

/** Appends the log rows to 操作记录 in one call (creating the sheet and header if missing). */
export function appendLog(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, rows: unknown[][]): void {
  let sheet = spreadsheet.getSheetByName(SHEET_NAMES.log);
  if (!sheet) {
    sheet = spreadsheet.insertSheet(SHEET_NAMES.log);
    sheet.getRange(1, 1, 1, LOG_HEADERS.length).setValues([[...LOG_HEADERS]]);
    applyColumnLooks(sheet, 1, LOG_HEADERS.map((header, index) => ({ header, column: index + 1 })));
  }
  const lastRow = Math.max(sheet.getLastRow(), 1);
  ensureRows(sheet, lastRow + rows.length);
  const cells = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? textCell(cell) : cell)));
  sheet.getRange(lastRow + 1, 1, rows.length, LOG_HEADERS.length).setValues(cells);
}

/** One 操作记录 row, JSON-safe. */
export interface AuditEntry {
  time: string;
  email: string;
  sheet: string;
  row: number | string;
  name: string;
  from: string;
  to: string;
  reason: string;
}

/** The 操作记录 rows, oldest first; times as 'YYYY-MM-DD HH:mm:ss' in the spreadsheet's time zone. */
export function readLogEntries(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): AuditEntry[] {
  const sheet = spreadsheet.getSheetByName(SHEET_NAMES.log);
  if (!sheet) return [];
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const [header, ...rows] = sheet.getDataRange().getValues();
  const index = (name: string) => (header ?? []).findIndex((cell) => String(cell).trim() === name);
  const columns = LOG_HEADERS.map(index);
  return rows
    .filter((row) => row.some((cell) => cell !== ''))
    .map((row) => {
      const at = (position: number) => (columns[position]! >= 0 ? row[columns[position]!] : '');
      const time = at(0);
      return {
        time: Object.prototype.toString.call(time) === '[object Date]' ? Utilities.formatDate(time as Date, timeZone, 'yyyy-MM-dd HH:mm:ss') : String(domainCell(time, timeZone)),
        email: String(at(1)),
        sheet: String(at(2)),
        row: typeof at(3) === 'number' ? (at(3) as number) : String(at(3)),
        name: String(at(4)),
        from: String(at(5)),
        to: String(at(6)),
        reason: String(at(7)),
      };
    });
}

