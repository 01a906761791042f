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
