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
  // The plan is the program's preset, not chosen here: another title would only mislead.
  [SETTING_KEYS.plan]: (value, preset) => (value === preset.title ? null : `本程序按“${preset.title}”审查和统计，不能在此更换培养方案（其他城市的方案须改程序的预设 src/domain/presets.ts 后重新构建）`),
  [SETTING_KEYS.certificatePattern]: (value) => certificatePatternProblem(value),
  [SETTING_KEYS.level]: (value) => {
    const level = readSelectionLevel([[SETTING_KEYS.level, value]]);
    return 'problem' in level ? level.problem : null;
  },
  [SETTING_KEYS.firstSemesterStart]: (value, preset) => semesterProblem(SETTING_KEYS.firstSemesterStart, value, preset),
  [SETTING_KEYS.secondSemesterStart]: (value, preset) => semesterProblem(SETTING_KEYS.secondSemesterStart, value, preset),
  [SETTING_KEYS.dailyDocumentQuota]: positiveInteger,
  [SETTING_KEYS.reminderInterval]: (value) => readReminderInterval(value).problem,
  [SETTING_KEYS.mailServer]: (value) => mailServerProblem(value),
};

/**
 * Why an SMTP URL would be refused by the offline mail reader (local/services/mail/smtp-settings.ts
 * parseSmtpUrl, which uses the WHATWG URL rules), or null: smtp or smtps, a host, an optional port,
 * nothing after them (no path, query or fragment), a password only with a user, valid % escapes;
 * spaces, newlines and control characters are refused (they are never part of a usable address).
 */
export function mailServerProblem(value: string): string | null {
  const why = mailServerReason(value);
  return why === null ? null : `${why}；应为 smtp://用户名:密码@服务器:端口 或 smtps://…（用户名或密码中的 / @ : ? # 空格 须写成 %2F %40 %3A %3F %23 %20）`;
}

function mailServerReason(value: string): string | null {
  // eslint-disable-next-line no-control-regex -- control characters are what is refused here
  if (/[\s\u0000-\u001f\u007f]/u.test(value)) return '不能含有空格、换行或控制字符';
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value);
  if (!scheme) return '缺少 smtp:// 或 smtps://';
  if (!/^smtps?$/i.test(scheme[1]!)) return `协议应为 smtp 或 smtps，收到“${scheme[1]}”`;
  const rest = value.slice(scheme[0].length);
  if (rest.includes('?')) return '不应有查询字符串（?…）';
  if (rest.includes('#')) return '不应有 #…';
  const slash = rest.indexOf('/');
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  if (slash >= 0 && rest.slice(slash) !== '/') return '主机和端口之后不应有路径';
  const at = authority.lastIndexOf('@');
  const userinfo = at < 0 ? '' : authority.slice(0, at);
  const hostPort = authority.slice(at + 1);
  const host = /^(\[[0-9a-f:.]+\]|[^:[\]<>\\^|]+)(?::(\d*))?$/i.exec(hostPort);
  if (!host) return '缺少主机名，或主机名、端口无效';
  if (host[2] !== undefined && host[2] !== '' && Number(host[2]) > 65535) return `端口“${host[2]}”无效，应为 1–65535`;
  const colon = userinfo.indexOf(':');
  const [user, password] = colon < 0 ? [userinfo, ''] : [userinfo.slice(0, colon), userinfo.slice(colon + 1)];
  if (password !== '' && user === '') return '有密码却没有用户名';
  try {
    decodeURIComponent(userinfo);
  } catch {
    return '用户名或密码中的 % 编码无效';
  }
  return null;
}

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

/** A value as shown: for 邮件服务器, everything up to the last @ (user and password) and any query or fragment replaced by ***. */
export function shownSettingValue(key: string, value: string): string {
  if (key !== SETTING_KEYS.mailServer) return value;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(value)?.[0] ?? '';
  const rest = value.slice(scheme.length);
  const at = rest.lastIndexOf('@');
  const tail = rest.slice(at + 1);
  const query = tail.search(/[?#]/);
  return `${scheme}${at < 0 ? '' : '***@'}${query < 0 ? tail : `${tail.slice(0, query + 1)}***`}`;
}
