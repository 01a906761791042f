/**
 * The 设置 sheet: one setting per row (设置项, 值). Read once; dates become calendar dates in the
 * spreadsheet's time zone. A setting that cannot be read is an error naming the row and value
 * (a certificate number pattern only when numbers are issued: a check does not need it).
 */
import { isCalendarDate } from '../domain/calendar-date';
import { readSelectionLevel, type SelectionLevel } from '../domain/selection-level';
import { SETTING_KEYS, SHEET_NAMES } from '../domain/sheet-layouts';
import { certificatePatternProblem } from '../domain/workflow/records';
import { domainCell, readCells } from './spreadsheet';

/** The settings the add-on reads. */
export interface Settings {
  reviewDate?: string;
  certificatePattern?: string;
  /** Why 证书编号格式 cannot be used, naming the row and the value; checked by whoever issues numbers. */
  certificatePatternProblem?: string;
  /** 评选级别 as typed (市级 or 县级); absent in an older workbook. */
}

/** Reads the 设置 sheet, if there is one. */
export function readSettings(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Settings {
  const sheet = spreadsheet.getSheetByName(SHEET_NAMES.settings);
  if (!sheet) return {};
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const settings: Settings = {};
  sheet
    .getDataRange()
    .getValues()
    .forEach((row, index) => {
      const key = String(row[0] ?? '').trim();
      const value = domainCell(row[1], timeZone);
      if (value === '' || value === null) return;
      if (key === SETTING_KEYS.reviewDate) {
        if (typeof value !== 'string' || !isCalendarDate(value)) {
          throw new Error(`设置第${index + 1}行：评审基准日“${String(row[1])}”不是日期，请填写如 2025-09-01 的日期或留空`);
        }
        settings.reviewDate = value;
      }
      if (key === SETTING_KEYS.certificatePattern) {
        settings.certificatePattern = String(value);
        const problem = certificatePatternProblem(settings.certificatePattern);
        if (problem !== null) settings.certificatePatternProblem = `设置第${index + 1}行：证书编号格式“${settings.certificatePattern.replace(/\s+/g, ' ')}”${problem}；请改正后重试`;
      }
    });
  return settings;
}

/**
 * The 评选级别 of the spreadsheet (市级 by default, 县级 for a county's own workbook), read from 设置
 * in one call; an unreadable value is an error naming the 设置 row and the value.
 */
export function readSelectionLevelSetting(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): SelectionLevel {
  const sheet = spreadsheet.getSheetByName(SHEET_NAMES.settings);
  const level = readSelectionLevel(sheet ? readCells(sheet, spreadsheet.getSpreadsheetTimeZone()) : []);
  if ('problem' in level) throw new Error(level.problem);
  return level.level;
}
