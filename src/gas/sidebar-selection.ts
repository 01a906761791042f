/**
 * The sidebar's reads of the spreadsheet: who the user is (权限, read once), and the current
 * selection on a nomination sheet (the active range list, the sheet read once) with a view of each
 * shown row. A poll whose key is unchanged reads nothing else: 权限 and 设置 are read only when the
 * views must be built again. The 统计 panel's verdict counts come from here too, so they agree
 * with 当前行.
 */
import type { CalendarDate } from '../domain/calendar-date';
import { evaluateRow, isEmptyRow } from '../domain/nomination/eligibility';
import type { Cell } from '../domain/nomination/values';
import type { Preset } from '../domain/presets';
import { mayHoldNominations, SHEET_NAMES } from '../domain/sheet-layouts';
import { buildRowView } from '../domain/sidebar/row-view';
import { selectionKey } from '../domain/sidebar/selection-key';
import type { RowView } from '../domain/sidebar/views';
import { describeRoles, listedWithoutRole, noRoleMessage, readPermissions, rolesOf, type Permissions, type Role } from '../domain/workflow/roles';
import { personKey } from '../domain/workflow/term-results';
import { readTermHistory } from './eligibility-sheet';
import { activeUserEmail } from './session';
import { readSettings } from './settings-sheet';
import { nominationHeader, NoHeaderRowError, readCells, todayIn, type NominationHeader } from './spreadsheet';
import { permissionCells } from './workflow-sheet';

/** Who is using the sidebar, as 权限 says (see SidebarUser in src/addon/sidebar-api.ts). */
export interface SidebarUserRead {
  email: string;
  roles: string;
  city: boolean;
  counties: string[];
  problem?: string;
}

/** The user with their roles, and the roles themselves for deciding moves. */
export interface UserAndRoles {
  user: SidebarUserRead;
  roles: Role[];
}

/** The active user and their roles, reading 权限 once. */
export function readSidebarUser(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, preset: Preset): UserAndRoles {
  const email = activeUserEmail();
  const permissions = readPermissions(permissionCells(spreadsheet, spreadsheet.getSpreadsheetTimeZone()), preset);
  return userOf(email, permissions);
}

/** The sidebar's user from the email and 权限. */
export function userOf(email: string, permissions: Permissions): UserAndRoles {
  const roles = email === '' ? [] : rolesOf(permissions, email);
  const user: SidebarUserRead = {
    email,
    roles: describeRoles(roles),
    city: roles.some((role) => role.kind === 'city'),
    counties: roles.flatMap((role) => (role.kind === 'county' ? [role.county] : [])),
  };
  if (email === '') user.problem = 'Google 没有提供您的账号邮箱，无法按“权限”表核对身份：只能查看，不能修改';
  else if (roles.length === 0) user.problem = `${noRoleMessage(email, listedWithoutRole(permissions, email))}：只能查看`;
  return { user, roles };
}

/** The selection as the sidebar shows it (see SelectionView in src/addon/sidebar-api.ts). */
export interface SelectionRead {
  key: string;
  sheetName: string;
  rows: number[];
  views: RowView[];
  problem?: string;
}

/** The selected data rows of the active sheet and what is needed to describe them. */
interface SelectedRows {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  sheetName: string;
  cells: Cell[][];
  header: NominationHeader;
  rows: number[];
  shown: number[];
}

/**
 * The current selection. With `previousKey` equal to the selection's key, returns null having
 * read only the active range list and the nomination sheet. `user` is asked for only when views are built.
 */
export function readSelection(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  options: { preset: Preset; maxViews: number; previousKey?: string; user: () => UserAndRoles },
): SelectionRead | null {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const selected = selectedRows(spreadsheet, timeZone, options.maxViews);
  if ('problem' in selected) {
    const key = selectionKey(['problem', selected.sheetName, selected.problem]);
    return key === options.previousKey ? null : { key, sheetName: selected.sheetName, rows: [], views: [], problem: selected.problem };
  }
  const { sheetName, cells, header, rows, shown } = selected;
  const key = selectionKey([sheetName, rows, cells[header.row - 1] ?? [], shown.map((row) => cells[row - 1] ?? [])]);
  if (key === options.previousKey) return null;
  const selection: SelectionRead = { key, sheetName, rows, views: [] };
  if (rows.length === 0) {
    selection.problem = `请在“${sheetName}”中选中要查看的人选所在的行（第${header.row}行是表头，空行不算）`;
    return selection;
  }
  const { user, roles } = options.user();
  const today = todayIn(timeZone);
  const reviewDate = reviewDateOf(spreadsheet, today);
  const headers = header.headers;
  const history = readTermHistory(spreadsheet, { name: sheetName, firstRow: header.row + 1, lastRow: cells.length, headers, cellAt: (row, column) => cells[row - 1]?.[column] }, timeZone, options.preset, []);
  selection.views = shown.map((rowNumber) => {
    const row = cells[rowNumber - 1] ?? [];
    const person = headers.columns.idNumber === undefined ? null : personKey(row[headers.columns.idNumber]);
    return buildRowView(rowNumber, row, { sheetName, headers, today, reviewDate, preset: options.preset, email: user.email, roles, otherTerms: history.otherTerms(person, rowNumber) });
  });
  return selection;
}

/** 设置's 评审基准日, else today (an unreadable one is reported by 校验全部资格; the sidebar uses today). */
export function reviewDateOf(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, today: CalendarDate): CalendarDate {
  try {
    return readSettings(spreadsheet).reviewDate ?? today;
  } catch {
    return today;
  }
}

/**
 * Each data row's verdict as 当前行 shows it (at 评审基准日, with the other sheets' term results),
 * not the 资格审查 cell, which is only as fresh as the last 校验全部资格.
 */
export function liveVerdicts(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, sheetName: string, cells: Cell[][], header: NominationHeader, preset: Preset): string[] {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const reviewDate = reviewDateOf(spreadsheet, todayIn(timeZone));
  const headers = header.headers;
  const history = readTermHistory(spreadsheet, { name: sheetName, firstRow: header.row + 1, lastRow: cells.length, headers, cellAt: (row, column) => cells[row - 1]?.[column] }, timeZone, preset, []);
  const verdicts: string[] = [];
  for (let rowNumber = header.row + 1; rowNumber <= cells.length; rowNumber += 1) {
    const row = cells[rowNumber - 1] ?? [];
    if (isEmptyRow(row, headers)) continue;
    const person = headers.columns.idNumber === undefined ? null : personKey(row[headers.columns.idNumber]);
    verdicts.push(evaluateRow(headers, row, { reviewDate, preset, otherTerms: history.otherTerms(person, rowNumber) }).verdict);
  }
  return verdicts;
}

/** The active sheet's selected data rows (header and blank rows left out), or why none can be shown. */
function selectedRows(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, timeZone: string, maxViews: number): SelectedRows | { sheetName: string; problem: string } {
  const sheet = spreadsheet.getActiveSheet();
  const sheetName = sheet.getName();
  if (!mayHoldNominations(sheetName)) {
    return { sheetName, problem: `当前选中的是“${sheetName}”表，它不是推荐名单：请在推荐名单（如“${SHEET_NAMES.nominations}”）中选中一行` };
  }
  const ranges = spreadsheet.getActiveRangeList()?.getRanges() ?? [];
  const cells = readCells(sheet, timeZone);
  let header: NominationHeader;
  try {
    header = nominationHeader(sheetName, cells);
  } catch (error) {
    if (error instanceof NoHeaderRowError) return { sheetName, problem: error.message };
    throw error;
  }
  const chosen = new Set<number>();
  for (const range of ranges) {
    const first = Math.max(range.getRow(), header.row + 1);
    const last = Math.min(range.getRow() + range.getNumRows() - 1, cells.length);
    for (let row = first; row <= last; row += 1) {
      if (!isEmptyRow(cells[row - 1] ?? [], header.headers)) chosen.add(row);
    }
  }
  const rows = [...chosen].sort((a, b) => a - b);
  return { sheet, sheetName, cells, header, rows, shown: rows.slice(0, maxViews) };
}
