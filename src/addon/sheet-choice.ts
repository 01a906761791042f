/**
 * Which sheet an entry point may check or move: only a sheet that may hold nominations (never the
 * add-on's own 权限, 操作记录, 设置, 节假日, 公示名单 or a `_` sheet) and that has a nomination
 * header row. A wrong choice is an ArgumentError, refused before anything is written; the CLI
 * turns it into exit code 2, the menu shows its message.
 */
import { mayHoldNominations, SHEET_NAMES } from '../domain/sheet-layouts';
import { missingSheetMessage, NoHeaderRowError } from '../gas/spreadsheet';

/** What the caller asked for is wrong (a sheet, a state, a date): nothing was written. */
export class ArgumentError extends Error {
  override name = 'ArgumentError';
}

/** The nomination sheet's name to use: the requested one (checked) or 推荐名单. */
export function nominationSheetName(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, requested: string | undefined): string {
  if (requested === undefined) {
    if (!spreadsheet.getSheetByName(SHEET_NAMES.nominations)) throw new ArgumentError(missingSheetMessage(spreadsheet, SHEET_NAMES.nominations));
    return SHEET_NAMES.nominations;
  }
  const name = requested.trim();
  if (!mayHoldNominations(name)) {
    throw new ArgumentError(`工作表“${name}”是插件自己的表，不是推荐名单，不能审查或改动；请指定推荐名单所在的工作表（默认“${SHEET_NAMES.nominations}”）`);
  }
  if (!spreadsheet.getSheetByName(name)) throw new ArgumentError(missingSheetMessage(spreadsheet, name));
  return name;
}

/** Runs an action on a nomination sheet; a sheet without a nomination header row becomes an ArgumentError. */
export function onNominationSheet<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof NoHeaderRowError) throw new ArgumentError(error.message);
    throw error;
  }
}
