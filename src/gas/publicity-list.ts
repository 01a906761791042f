/**
 * The 公示名单 sheets: the nomination sheet's rows in 公示中, one sheet per publicity period named by
 * the period (`公示名单 2024-09-27至2024-10-09`), with only the columns a publicity list may show
 * (src/domain/publicity-list) — never 身份证号, 联系电话 or 电子邮箱. Re-running refreshes only the
 * sheets of the periods now in 公示中; a list already published (its people since awarded) is never
 * replaced, and with nobody in 公示中 nothing is written at all. Print settings (A4 landscape, one
 * page wide, header row repeated) have no Apps Script API: the CLI sets them on the saved .xlsx,
 * and on Google they are chosen in the print dialog (README).
 */
import { isCalendarDate } from '../domain/calendar-date';
import type { Preset } from '../domain/presets';
import { PUBLICITY_COLUMNS, PUBLICITY_HEADER_ROW, publicCellText, publicityLayout, publicitySheetName } from '../domain/publicity-list';
import { publicityPeriodText } from '../domain/workflow/records';
import { readState } from '../domain/workflow/states';
import { readWorkingDayCalendar } from './holiday-sheet';
import { ensureColumns, ensureRows, nominationHeader, readCells, requireSheet, textCell } from './spreadsheet';

/** One list written. */
export interface PublicityListSheet {
  sheet: string;
  period: string;
  people: number;
}

/** What was written (nothing when nobody is in 公示中). */
export interface PublicityListReport {
  people: number;
  periods: string[];
  lists: PublicityListSheet[];
}

/** Writes one 公示名单 sheet per publicity period now in 公示中 on the nomination sheet. */
export function writePublicityList(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, sheetName: string, preset: Preset): PublicityListReport {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const source = requireSheet(spreadsheet, sheetName);
  const cells = readCells(source, timeZone);
  const { row: headerRow, headers } = nominationHeader(sheetName, cells);
  const [state, start, end] = [headers.outputs['状态'], headers.outputs['公示开始'], headers.outputs['公示截止']];
  const groups = new Map<string, string[][]>();
  const problems: string[] = [];
  cells.forEach((row, index) => {
    if (index < headerRow || state === undefined || readState(row[state]) !== '公示中') return;
    const first = start === undefined ? '' : row[start];
    const last = end === undefined ? '' : row[end];
    if (!isCalendarDate(first) || !isCalendarDate(last)) {
      problems.push(`工作表“${sheetName}”第${index + 1}行在“公示中”，但公示开始或公示截止不是日期`);
      return;
    }
    const key = `${first}|${last}`;
    const person = PUBLICITY_COLUMNS.map(({ key: field }) => publicCellText(field, row[headers.columns[field] ?? -1], preset));
    groups.set(key, [...(groups.get(key) ?? []), person]);
  });
  if (problems.length > 0) throw new Error(problems.join('；'));

  const report: PublicityListReport = { people: 0, periods: [], lists: [] };
  if (groups.size === 0) return report;
  const calendar = readWorkingDayCalendar(spreadsheet);
  for (const key of [...groups.keys()].sort()) {
    const [first, last] = key.split('|') as [string, string];
    const period = publicityPeriodText(first, last, calendar.countWorkdays(first, last));
    const people = groups.get(key) ?? [];
    const name = publicitySheetName(first, last);
    writeListSheet(spreadsheet, name, period, people, preset);
    report.lists.push({ sheet: name, period, people: people.length });
    report.periods.push(period);
    report.people += people.length;
  }
  return report;
}

/**
 * Writes one period's list into its own sheet (created, or refreshed in place): values in one
 * call, the title and period rows merged across the table, headers bold, columns widened to fit
 * (a column is never narrowed, so a width a person chose stays), the rows down to the header frozen.
 */
function writeListSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string, period: string, people: string[][], preset: Preset): void {
  const layout = publicityLayout(period, people, preset);
  const width = layout.widths.length;
  const rows = layout.rows.map((row, index) =>
    index < PUBLICITY_HEADER_ROW ? row : row.map((cell) => (typeof cell === 'string' ? textCell(cell) : cell)),
  );
  let sheet = spreadsheet.getSheetByName(name);
  if (!sheet) sheet = spreadsheet.insertSheet(name);
  sheet.clearContents();
  ensureColumns(sheet, width);
  ensureRows(sheet, rows.length);
  sheet.getRange(1, 1, rows.length, width).setValues(rows);
  const heading = sheet.getRange(1, 1, PUBLICITY_HEADER_ROW - 1, width);
  heading.mergeAcross();
  heading.setHorizontalAlignment('center');
  sheet.getRange(1, 1, 1, width).setFontWeight('bold');
  sheet.getRange(PUBLICITY_HEADER_ROW, 1, 1, width).setFontWeight('bold');
  layout.widths.forEach((needed, index) => {
    if (sheet.getColumnWidth(index + 1) < needed) sheet.setColumnWidth(index + 1, needed);
  });
  if (sheet.getFrozenRows() !== PUBLICITY_HEADER_ROW) sheet.setFrozenRows(PUBLICITY_HEADER_ROW);
}
