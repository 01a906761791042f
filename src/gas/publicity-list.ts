/**
 * The 公示名单 sheet: every row in 公示中, grouped by publicity period, with only the columns a
 * publicity list may show (姓名, 性别, 学校, 县（市、区）, 学段, 申报类别) — never 身份证号, 联系电话
 * or 电子邮箱. The sheet is the add-on's own output: it is rewritten whole, in one write.
 */
import { isCalendarDate } from '../domain/calendar-date';
import { matchHeaders, NO_HEADER_ROW } from '../domain/nomination/headers';
import type { FieldKey } from '../domain/nomination/fields';
import { SHEET_NAMES } from '../domain/sheet-layouts';
import { publicityPeriodText } from '../domain/workflow/records';
import { readState } from '../domain/workflow/states';
import { readWorkingDayCalendar } from './holiday-sheet';
import { ensureColumns, ensureRows, readCells, requireSheet, textCell } from './spreadsheet';

/** Name of the sheet written. */
export const PUBLICITY_SHEET_NAME = SHEET_NAMES.publicity;

/** The columns of the list: only these, by design. */
export const PUBLICITY_COLUMNS: readonly { key: FieldKey; header: string }[] = [
  { key: 'name', header: '姓名' },
  { key: 'gender', header: '性别' },
  { key: 'school', header: '学校' },
  { key: 'county', header: '县（市、区）' },
  { key: 'stage', header: '学段' },
  { key: 'category', header: '申报类别' },
];

const TITLE = '玉溪市骨干班主任、名班主任拟认定人选公示名单';

/** What was written. */
export interface PublicityListReport {
  people: number;
  periods: string[];
}

/** Writes the 公示名单 sheet from the nomination sheet's rows in 公示中. */
export function writePublicityList(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, sheetName: string): PublicityListReport {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const source = requireSheet(spreadsheet, sheetName);
  const cells = readCells(source, timeZone);
  const headers = matchHeaders(cells[0] ?? []);
  if (!headers.found) throw new Error(`工作表“${sheetName}”：${NO_HEADER_ROW}`);
  const [state, start, end] = [headers.outputs['状态'], headers.outputs['公示开始'], headers.outputs['公示截止']];
  const groups = new Map<string, unknown[][]>();
  const problems: string[] = [];
  cells.slice(1).forEach((row, index) => {
    if (state === undefined || readState(row[state]) !== '公示中') return;
    const first = start === undefined ? '' : row[start];
    const last = end === undefined ? '' : row[end];
    if (!isCalendarDate(first) || !isCalendarDate(last)) {
      problems.push(`第${index + 2}行在“公示中”，但公示开始或公示截止不是日期`);
      return;
    }
    const key = `${first}|${last}`;
    const listed = PUBLICITY_COLUMNS.map(({ key: field }) => textCell(String(row[headers.columns[field] ?? -1] ?? '')));
    groups.set(key, [...(groups.get(key) ?? []), listed]);
  });
  if (problems.length > 0) throw new Error(problems.join('；'));

  const calendar = groups.size > 0 ? readWorkingDayCalendar(spreadsheet) : undefined;
  const width = PUBLICITY_COLUMNS.length;
  const pad = (row: unknown[]) => [...row, ...Array(width - row.length).fill('')];
  const output: unknown[][] = [pad([TITLE])];
  const periods: string[] = [];
  for (const key of [...groups.keys()].sort()) {
    const [first, last] = key.split('|') as [string, string];
    const period = publicityPeriodText(first, last, calendar!.countWorkdays(first, last));
    periods.push(period);
    output.push(pad([period]), PUBLICITY_COLUMNS.map(({ header }) => header), ...(groups.get(key) ?? []), pad([]));
  }
  if (groups.size === 0) output.push(pad(['目前没有处于“公示中”的人选']));

  let sheet = spreadsheet.getSheetByName(PUBLICITY_SHEET_NAME);
  if (!sheet) sheet = spreadsheet.insertSheet(PUBLICITY_SHEET_NAME);
  sheet.clearContents();
  ensureColumns(sheet, width);
  ensureRows(sheet, output.length);
  sheet.getRange(1, 1, output.length, width).setValues(output);
  return { people: [...groups.values()].reduce((sum, rows) => sum + rows.length, 0), periods };
}
