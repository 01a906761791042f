/**
 * The spreadsheet's user interface: the add-on menu, the sidebar, message boxes and prompts, and
 * the rows an official selected. The only place that calls SpreadsheetApp.getUi and HtmlService.
 */
import { findHeaderRow, HEADER_SEARCH_ROWS } from '../domain/nomination/headers';
import { mayHoldNominations } from '../domain/sheet-layouts';
import { domainCells } from './spreadsheet';

/** One entry of the add-on menu: its Chinese label and the global function it runs. */
export interface MenuItem {
  label: string;
  functionName: string;
}

/** Adds the add-on menu with the given items. */
export function addAddonMenu(items: readonly MenuItem[]): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of items) menu.addItem(item.label, item.functionName);
  menu.addToUi();
}

/** Shows an HTML file of the project (built by npm run build) as the sidebar. */
export function showSidebarPage(fileName: string, title: string): void {
  const page = HtmlService.createHtmlOutputFromFile(fileName).setTitle(title);
  SpreadsheetApp.getUi().showSidebar(page);
}

/** Shows a message box with an OK button (菜单操作的结果). */
export function showMessage(title: string, message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}

/** Asks for a line of text; null when the official cancels. */
export function askText(title: string, prompt: string): string | null {
  const ui = SpreadsheetApp.getUi();
  const response = ui.prompt(title, prompt, ui.ButtonSet.OK_CANCEL);
  return response.getSelectedButton() === ui.Button.OK ? response.getResponseText() : null;
}

/** The selected rows of a nomination sheet, or why the selection cannot be moved. */
export type SelectedRows = { sheetName: string; rows: number[] } | { problem: string };

/**
 * The sheet row numbers of the current selection (every selected range, each row once), when the
 * selection is on a sheet that may hold nominations and has the nomination header row near its top;
 * `purpose` names what the menu item does to them in its messages (推进, 推进所选行… by default).
 */
export function selectedRowNumbers(purpose: { verb: string; item: string } = { verb: '推进', item: '推进所选行…' }): SelectedRows {
  const { verb, item } = purpose;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getActiveSheet();
  const sheetName = sheet.getName();
  if (!mayHoldNominations(sheetName)) {
    return { problem: `当前选中的是“${sheetName}”表，它不是推荐名单，不能${verb}。请在推荐名单中选中要${verb}的行，再点“${item}”。` };
  }
  const lastRow = Math.min(sheet.getLastRow(), HEADER_SEARCH_ROWS);
  const lastColumn = sheet.getLastColumn();
  const top = lastRow > 0 && lastColumn > 0 ? domainCells(sheet.getRange(1, 1, lastRow, lastColumn).getValues(), spreadsheet.getSpreadsheetTimeZone()) : [];
  if (!findHeaderRow(top)) {
    return { problem: `工作表“${sheetName}”的前 ${HEADER_SEARCH_ROWS} 行里没有推荐名单的表头（如“姓名”“学校”“申报类别”），不能${verb}。请在推荐名单中选中要${verb}的行。` };
  }
  const ranges = spreadsheet.getActiveRangeList()?.getRanges() ?? [];
  const rows = new Set<number>();
  for (const range of ranges) {
    for (let row = range.getRow(); row < range.getRow() + range.getNumRows(); row += 1) rows.add(row);
  }
  return { sheetName, rows: [...rows].sort((a, b) => a - b) };
}
