/**
 * The yes/no question 生成证书 / 生成考核表 ask when the pre-flight lists problems (Ui.alert with
 * the YES_NO button set).
 */

/** Asks a yes/no question; true for 是. */
export function askYesNo(title: string, message: string): boolean {
  const ui = SpreadsheetApp.getUi();
  return ui.alert(title, message, ui.ButtonSet.YES_NO) === ui.Button.YES;
}
