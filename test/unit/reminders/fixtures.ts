/**
 * Shared builders for the reminder unit tests: a row, 权限 read from sheet-like rows, the input of
 * dueReminders around one day, and records of 提醒记录.
 */
import { YUXI_2023_2025 as preset } from '../../../src/domain/presets';
import { readPermissions, type Permissions } from '../../../src/domain/workflow/roles';
import { WorkingDayCalendar } from '../../../src/domain/working-days/working-day-calendar';
import type { ReminderInput, ReminderRow } from '../../../src/domain/reminders/due';
import type { ReminderRecord } from '../../../src/domain/reminders/plan';
import { REMINDER_KINDS, type ReminderKind } from '../../../src/domain/reminders/kinds';

export { preset };

/** The bundled official calendar (2025: 国庆 10-01..08 off, 09-28 and 10-11 worked). */
export const calendar = new WorkingDayCalendar();

/** 权限 with a city reviewer, the 红塔区 reviewer and a school. */
export const CITY = 'city@yuxi.cn';
export const HONGTA = 'ht@yuxi.cn';
export const standardPermissions: Permissions = permissionsOf([
  [CITY, '市级'],
  [HONGTA, '红塔区'],
  ['school@yuxi.cn', '学校'],
]);

/** 权限 read from (邮箱, 角色) pairs. */
export function permissionsOf(rows: readonly (readonly [string, string])[]): Permissions {
  return readPermissions([['邮箱', '角色', '学校'], ...rows.map(([email, role]) => [email, role, role === '学校' ? '玉溪一中' : ''])], preset);
}

/** A 学校推荐 row of 红塔区 with no dates; changes on top. */
export function row(changes: Partial<ReminderRow> = {}): ReminderRow {
  return {
    sheet: '推荐名单',
    row: 5,
    name: '张三',
    school: '玉溪一中',
    county: '红塔区',
    state: '学校推荐',
    cityDirect: false,
    enteredOn: null,
    publicityEnd: null,
    termEnd: null,
    email: '',
    duties: null,
    ...changes,
  };
}

/** The input of dueReminders for rows on a day, with 权限 as above and interval 5. */
export function input(today: string, rows: readonly ReminderRow[], changes: Partial<ReminderInput> = {}): ReminderInput {
  return { rows, permissions: standardPermissions, today, calendar, interval: 5, preset, failures: [], ...changes };
}

/** A 提醒记录 row for a reminder. */
export function record(
  reminder: { recipient: string; kind: ReminderKind; sheet: string; row: number | ''; name?: string; occasion: string },
  date: string,
  result: string,
): ReminderRecord {
  return {
    date,
    recipient: reminder.recipient,
    kindLabel: REMINDER_KINDS[reminder.kind].label,
    sheet: reminder.sheet,
    row: reminder.row,
    name: reminder.name ?? '',
    occasion: reminder.occasion,
    result,
  };
}
