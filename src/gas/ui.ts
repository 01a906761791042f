/**
 * The spreadsheet's user interface: the add-on menu and the sidebar. The only place that calls
 * SpreadsheetApp.getUi and HtmlService.
 */

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

/** The sheet row numbers of the current selection (every selected range, each row once). */
export function selectedRowNumbers(): number[] {
  const ranges = SpreadsheetApp.getActiveSpreadsheet().getActiveRangeList()?.getRanges() ?? [];
  const rows = new Set<number>();
  for (const range of ranges) {
    for (let row = range.getRow(); row < range.getRow() + range.getNumRows(); row += 1) rows.add(row);
  }
  return [...rows].sort((a, b) => a - b);
}
