/**
 * The two reminder sheets: 提醒记录 (one row per reminder recorded: 日期, 收件人, 类型, 行, 姓名, 结果,
 * 工作表, 场合), read once, appended in one call per digest, and the 结果 of just-appended rows set
 * in one call when their send failed; and 邮件模板, read once (its defaults when the sheet is
 * missing). Columns are found by header text, so a person may reorder them; every text is written
 * as text. Writes are made under the caller's document lock.
 */
import type { CalendarDate } from '../domain/calendar-date';
import { REMINDER_LOG_HEADERS } from '../domain/reminders/kinds';
import type { ReminderRecord } from '../domain/reminders/plan';
import { SHEET_NAMES } from '../domain/sheet-layouts';
import { ensureRows, readCells, textCell } from './spreadsheet';

type LogHeader = (typeof REMINDER_LOG_HEADERS)[number];

/** 提醒记录 as read: its records, and where to append. */
export interface ReminderLog {
  records: ReminderRecord[];
  /** 0-based column of each header; null when the sheet is missing (it is created at the first append). */
  columns: Record<LogHeader, number> | null;
  /** Rows of the sheet in use (header included), so appends go below. */
  lastRow: number;
  width: number;
}

/** Reads 提醒记录 with one getValues call; a sheet lacking a header is an error naming it. */
export function readReminderLog(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, timeZone: string): ReminderLog {
  const sheet = spreadsheet.getSheetByName(SHEET_NAMES.reminderLog);
  if (!sheet) return { records: [], columns: null, lastRow: 0, width: REMINDER_LOG_HEADERS.length };
  const cells = readCells(sheet, timeZone);
  const header = (cells[0] ?? []).map((cell) => String(cell ?? '').trim());
  if (cells.length <= 1 && header.every((cell) => cell === '')) return { records: [], columns: null, lastRow: 0, width: REMINDER_LOG_HEADERS.length };
  const columns = {} as Record<LogHeader, number>;
  const missing: string[] = [];
  for (const name of REMINDER_LOG_HEADERS) {
    const index = header.indexOf(name);
    if (index < 0) missing.push(name);
    columns[name] = index;
  }
  if (missing.length > 0) {
    throw new Error(`工作表“${SHEET_NAMES.reminderLog}”第1行缺少表头：${missing.map((name) => `“${name}”`).join('、')}；请运行“初始化表格”补齐后重试（本次没有发送任何提醒）`);
  }
  const records: ReminderRecord[] = [];
  cells.slice(1).forEach((row) => {
    if (row.every((cell) => cell === '' || cell === null)) return;
    const at = (name: LogHeader) => row[columns[name]];
    const rowCell = at('行');
    const date = String(at('日期') ?? '').trim();
    records.push({
      date: date.slice(0, 10) as CalendarDate,
      recipient: String(at('收件人') ?? '').trim().toLowerCase(),
      kindLabel: String(at('类型') ?? '').trim(),
      sheet: String(at('工作表') ?? '').trim(),
      row: typeof rowCell === 'number' ? rowCell : String(rowCell ?? '').trim() === '' ? '' : Number(rowCell),
      name: String(at('姓名') ?? '').trim(),
      occasion: String(at('场合') ?? '').trim(),
      result: String(at('结果') ?? '').trim(),
    });
  });
  return { records, columns, lastRow: cells.length, width: Math.max(header.length, 1) };
}

/**
 * Appends records below the last row in one setValues call (creating 提醒记录 with its header
 * first when missing); returns the 1-based row of the first one. Keeps `log` up to date.
 */
export function appendReminderRecords(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, log: ReminderLog, records: readonly ReminderRecord[]): number {
  let sheet = spreadsheet.getSheetByName(SHEET_NAMES.reminderLog);
  if (!sheet || log.columns === null) {
    sheet = sheet ?? spreadsheet.insertSheet(SHEET_NAMES.reminderLog);
    sheet.getRange(1, 1, 1, REMINDER_LOG_HEADERS.length).setValues([[...REMINDER_LOG_HEADERS]]);
    log.columns = Object.fromEntries(REMINDER_LOG_HEADERS.map((name, index) => [name, index])) as Record<LogHeader, number>;
    log.lastRow = 1;
    log.width = REMINDER_LOG_HEADERS.length;
  }
  const columns = log.columns;
  const first = log.lastRow + 1;
  if (records.length === 0) return first;
  ensureRows(sheet, log.lastRow + records.length);
  const values = records.map((record) => {
    const row: unknown[] = new Array(log.width).fill('');
    const put = (name: LogHeader, value: unknown) => {
      row[columns[name]] = typeof value === 'string' ? textCell(value) : value;
    };
    put('日期', record.date);
    put('收件人', record.recipient);
    put('类型', record.kindLabel);
    put('行', record.row);
    put('姓名', record.name);
    put('结果', record.result);
    put('工作表', record.sheet);
    put('场合', record.occasion);
    return row;
  });
  // Columns of the header a person added are left blank; only the add-on's eight are filled.
  sheet.getRange(first, 1, values.length, log.width).setValues(values);
  log.records.push(...records);
  log.lastRow += records.length;
  return first;
}

/** Sets the 结果 of `count` rows from `firstRow` (just appended) in one setValues call; the caller updates its records. */
export function setReminderResults(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, log: ReminderLog, firstRow: number, count: number, result: string): void {
  const sheet = spreadsheet.getSheetByName(SHEET_NAMES.reminderLog);
  if (!sheet || log.columns === null || count === 0) return;
  sheet.getRange(firstRow, log.columns['结果'] + 1, count, 1).setValues(Array.from({ length: count }, () => [textCell(result)]));
}

/** 邮件模板's cells (header first) with one getValues call; no rows when the sheet is missing (defaults apply). */
export function readMailTemplateCells(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, timeZone: string): (string | number | boolean | null)[][] {
  const sheet = spreadsheet.getSheetByName(SHEET_NAMES.mailTemplates);
  return sheet ? readCells(sheet, timeZone) : [];
}
