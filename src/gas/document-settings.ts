/**
 * The 设置 rows documents use (SPEC §7): each kind's template id and file name pattern, the output
 * folder and the daily quota of documents created — read in one call — and recording the ids
 * 初始化模板 made, found by the 设置项 header and key, writing only the 值 cell of those rows (a
 * missing row is appended), never another row.
 */
import { DEFAULT_DAILY_DOCUMENT_QUOTA, DEFAULT_FILE_NAME_PATTERNS, DOCUMENT_KINDS, type DocumentKind } from '../domain/documents/kinds';
import { readSelectionLevel, type SelectionLevel } from '../domain/selection-level';
import { SETTING_KEYS, SHEET_NAMES } from '../domain/sheet-layouts';
import { readCells, textCell } from './spreadsheet';

/** One setting as read: its value and where it is (for messages). */
export interface SettingValue {
  value: string;
  /** `设置第12行：证书文件名` (or `设置：证书文件名` when the row is missing). */
  where: string;
}

/** What documents read from 设置. */
export interface DocumentSettings {
  templates: Record<DocumentKind, SettingValue>;
  fileNames: Record<DocumentKind, SettingValue>;
  folder: SettingValue;
  dailyQuota: number;
  level: SelectionLevel;
}

/** 设置 cannot be used as it is: nothing was written. */
export class DocumentSettingError extends Error {
  override name = 'DocumentSettingError';
}

/** Reads the document settings in one call (defaults for missing or blank rows); an unreadable quota or level is an error naming its row. */
export function readDocumentSettings(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): DocumentSettings {
  const sheet = spreadsheet.getSheetByName(SHEET_NAMES.settings);
  const rows = sheet ? readCells(sheet, spreadsheet.getSpreadsheetTimeZone()) : [];
  const find = (key: string): SettingValue => {
    const index = rows.findIndex((row) => String(row[0] ?? '').trim() === key);
    if (index < 0) return { value: '', where: `${SHEET_NAMES.settings}：${key}` };
    return { value: String(rows[index]?.[1] ?? '').trim(), where: `${SHEET_NAMES.settings}第${index + 1}行：${key}` };
  };
  const quota = find(SETTING_KEYS.dailyDocumentQuota);
  let dailyQuota = DEFAULT_DAILY_DOCUMENT_QUOTA;
  if (quota.value !== '') {
    dailyQuota = Number(quota.value);
    if (!Number.isSafeInteger(dailyQuota) || dailyQuota < 1) throw new DocumentSettingError(`${quota.where}“${quota.value}”无效，应为正整数（Google 个人账号 250，Workspace 账号 1500）`);
  }
  const level = readSelectionLevel(rows);
  if ('problem' in level) throw new DocumentSettingError(level.problem);
  return {
    templates: { certificate: find(DOCUMENT_KINDS.certificate.templateSetting), form: find(DOCUMENT_KINDS.form.templateSetting) },
    fileNames: {
      certificate: withDefault(find(DOCUMENT_KINDS.certificate.fileNameSetting), DEFAULT_FILE_NAME_PATTERNS.certificate),
      form: withDefault(find(DOCUMENT_KINDS.form.fileNameSetting), DEFAULT_FILE_NAME_PATTERNS.form),
    },
    folder: find(SETTING_KEYS.documentFolder),
    dailyQuota,
    level: level.level,
  };
}

function withDefault(setting: SettingValue, value: string): SettingValue {
  return setting.value === '' ? { value, where: setting.where } : setting;
}

/**
 * Writes values into the 值 column of the 设置 rows of these keys (found under the 设置项 header;
 * a missing row appended at the end); other rows and columns are never written. Call under the
 * document lock.
 */
export function writeSettingValues(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, values: Record<string, string>): void {
  const sheet = spreadsheet.getSheetByName(SHEET_NAMES.settings) ?? spreadsheet.insertSheet(SHEET_NAMES.settings);
  const rows = sheet.getDataRange().getValues();
  const headerIndex = rows.findIndex((row) => row.some((cell) => String(cell).trim() === '设置项'));
  const header = headerIndex < 0 ? ['设置项', '值'] : (rows[headerIndex] ?? []).map((cell) => String(cell).trim());
  const keyColumn = Math.max(header.indexOf('设置项'), 0);
  const valueColumn = header.indexOf('值') < 0 ? keyColumn + 1 : header.indexOf('值');
  if (headerIndex < 0 && rows.every((row) => row.every((cell) => cell === ''))) {
    sheet.getRange(1, 1, 1, 2).setValues([['设置项', '值']]);
    rows.splice(0, rows.length, ['设置项', '值']);
  }
  let appended = rows.length;
  for (const [key, value] of Object.entries(values)) {
    const index = rows.findIndex((row, at) => at > headerIndex && String(row[keyColumn] ?? '').trim() === key);
    if (index >= 0) {
      sheet.getRange(index + 1, valueColumn + 1).setValue(textCell(value));
      continue;
    }
    appended += 1;
    const row: string[] = [];
    row[keyColumn] = key;
    row[valueColumn] = textCell(value);
    const width = Math.max(keyColumn, valueColumn) + 1;
    sheet.getRange(appended, 1, 1, width).setValues([Array.from({ length: width }, (_, column) => row[column] ?? '')]);
  }
}
