/**
 * The 设置 rows as the sidebar shows and edits them: each key's help (the 说明 that 初始化表格
 * writes) and default, the check of a value with the same readers the add-on uses (a rule per key,
 * as data), and the 邮件服务器 URL with its password masked.
 */
import { isCalendarDate } from '../calendar-date';
import { semesterStartsOf } from '../duties/semesters';
import type { Preset } from '../presets';
import { readReminderInterval } from '../reminders/due';
import { readSelectionLevel } from '../selection-level';
import { SETTING_KEYS, SHEET_NAMES, sheetLayouts } from '../sheet-layouts';
import { certificatePatternProblem } from '../workflow/records';

/** Each key's help text and default, from the 设置 rows 初始化表格 writes. */
export function settingHelp(preset: Preset): Map<string, { help: string; fallback: string }> {
  const layout = sheetLayouts(preset).find((sheet) => sheet.name === SHEET_NAMES.settings);
  return new Map((layout?.initialRows ?? []).map((row) => [String(row[0]), { help: String(row[2] ?? ''), fallback: String(row[1] ?? '') }]));
}

type Check = (value: string, preset: Preset) => string | null;

const positiveInteger: Check = (value) => (/^\d+$/.test(value) && Number(value) >= 1 && Number.isSafeInteger(Number(value)) ? null : '应为正整数');

/** How each key's value is checked ('' is always allowed: the default applies). */
const CHECKS: Readonly<Partial<Record<string, Check>>> = {
  [SETTING_KEYS.reviewDate]: (value) => (isCalendarDate(value) ? null : '不是日期，请填写如 2025-09-01 的日期或留空'),
  [SETTING_KEYS.certificatePattern]: (value) => certificatePatternProblem(value),
  [SETTING_KEYS.level]: (value) => {
    const level = readSelectionLevel([[SETTING_KEYS.level, value]]);
    return 'problem' in level ? level.problem : null;
  },
  [SETTING_KEYS.firstSemesterStart]: (value, preset) => semesterProblem(SETTING_KEYS.firstSemesterStart, value, preset),
  [SETTING_KEYS.secondSemesterStart]: (value, preset) => semesterProblem(SETTING_KEYS.secondSemesterStart, value, preset),
  [SETTING_KEYS.dailyDocumentQuota]: positiveInteger,
  [SETTING_KEYS.reminderInterval]: (value) => readReminderInterval(value).problem,
  [SETTING_KEYS.mailServer]: (value) => (/^smtps?:\/\/[^\s/]+/.test(value) ? null : '应为 smtp://用户名:密码@服务器:端口 或 smtps://…'),
};

function semesterProblem(key: string, value: string, preset: Preset): string | null {
  const keys = { first: SETTING_KEYS.firstSemesterStart, second: SETTING_KEYS.secondSemesterStart };
  const cell = { row: 0, text: value };
  const starts = semesterStartsOf(key === keys.first ? cell : undefined, key === keys.second ? cell : undefined, preset.semesterStarts, keys);
  return 'problem' in starts ? starts.problem : null;
}

/** Why a value cannot be used for a key ('' when fine or blank). */
export function settingProblem(key: string, value: string, preset: Preset): string {
  const text = value.trim();
  if (text === '') return '';
  return CHECKS[key]?.(text, preset) ?? '';
}

/** Whether the sidebar knows the key (one of SETTING_KEYS). */
export function isSettingKey(key: string): boolean {
  return (Object.values(SETTING_KEYS) as string[]).includes(key);
}

/** A value as shown: the 邮件服务器 URL's password replaced by ***. */
export function shownSettingValue(key: string, value: string): string {
  if (key !== SETTING_KEYS.mailServer) return value;
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/\s]*):[^@/\s]*@/i, '$1:***@');
}
