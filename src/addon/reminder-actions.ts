/**
 * 开启每日提醒, 关闭每日提醒 and 预览提醒 (SPEC §8): the run… functions return JSON-safe data for
 * the CLI and sidebar; the menu versions show the outcome in Chinese. Turning reminders on or off
 * needs the city role or a county role in 权限, checked again at every call; turning them on
 * installs the add-on's one hourly trigger when this user has none for this spreadsheet.
 */
import { isCalendarDate } from '../domain/calendar-date';
import { DEFAULT_PRESET } from '../domain/presets';
import { REMINDER_KINDS } from '../domain/reminders/kinds';
import { describeRoles, listedWithoutRole, noRoleMessage, readPermissions, rolesOf } from '../domain/workflow/roles';
import { appendLog } from '../gas/audit-log';
import { DocumentBusyError, underDocumentLock } from '../gas/document-lock';
import { ensureHourlyTrigger, readJob, removeHourlyTrigger, saveJob } from '../gas/document-job';
import { buildReminderPreview, type ReminderPreview } from '../gas/reminder-job';
import { clearRemindersSwitch, readRemindersSwitch, saveRemindersSwitch } from '../gas/reminder-state';
import { requireActiveUserEmail, UnknownUserError } from '../gas/session';
import { activeSpreadsheet, todayIn } from '../gas/spreadsheet';
import { showMessage } from '../gas/ui';
import { permissionCells } from '../gas/workflow-sheet';
import { HOURLY_TRIGGER_HANDLER } from './hourly-trigger';
import { ArgumentError } from './sheet-choice';

export type { ReminderPreview } from '../gas/reminder-job';

/** The caller may not turn reminders on or off (not a city or county reviewer in 权限): nothing was changed. */
export class RemindersRefusedError extends Error {
  override name = 'RemindersRefusedError';
}

/** The caller's email when 权限 gives them the city role or a county role; else RemindersRefusedError (UnknownUserError when Google names nobody). */
function requireReviewer(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, action: string): string {
  const email = requireActiveUserEmail();
  const permissions = readPermissions(permissionCells(spreadsheet, spreadsheet.getSpreadsheetTimeZone()), DEFAULT_PRESET);
  const roles = rolesOf(permissions, email);
  if (roles.length === 0) throw new RemindersRefusedError(`${noRoleMessage(email, listedWithoutRole(permissions, email))}：不能${action}（本次没有做任何修改）`);
  if (!roles.some((role) => role.kind === 'city' || role.kind === 'county')) {
    throw new RemindersRefusedError(`邮箱“${email}”在“权限”表中的角色是${describeRoles(roles)}，只有市级或县级审核人可以${action}（本次没有做任何修改）`);
  }
  return email;
}

/**
 * Turns the daily reminders on as the caller and installs the caller's hourly trigger (checked
 * before adding). When another user already turned them on, nothing changes: their trigger sends.
 */
export function runRemindersOn(): { on: true; installed: boolean; by: string } {
  const spreadsheet = activeSpreadsheet();
  const email = requireReviewer(spreadsheet, '开启每日提醒');
  const today = todayIn(spreadsheet.getSpreadsheetTimeZone());
  const by = underDocumentLock(() => {
    const current = readRemindersSwitch();
    if (current !== null) return current.by;
    saveRemindersSwitch({ by: email, since: today });
    appendLog(spreadsheet, [[new Date(), email, '', '', '', '', '', '开启每日提醒']]);
    return email;
  });
  const installed = by.toLowerCase() === email.toLowerCase() && ensureHourlyTrigger(spreadsheet, HOURLY_TRIGGER_HANDLER);
  return { on: true, installed, by };
}

/**
 * Turns the daily reminders off and removes the caller's hourly trigger, unless a document batch
 * is unfinished (the batch removes it at its end). Another user's trigger cannot be seen or deleted
 * from here: it deletes itself at its next run (onHourlyTrigger).
 */
export function runRemindersOff(): { on: false; removed: boolean } {
  const spreadsheet = activeSpreadsheet();
  const email = requireReviewer(spreadsheet, '关闭每日提醒');
  const batchUnfinished = underDocumentLock(() => {
    if (readRemindersSwitch() !== null) appendLog(spreadsheet, [[new Date(), email, '', '', '', '', '', '关闭每日提醒']]);
    clearRemindersSwitch();
    const job = readJob();
    if (job === null) return false;
    if (!job.triggerForBatch) saveJob({ ...job, triggerForBatch: true });
    return true;
  });
  if (batchUnfinished) return { on: false, removed: false };
  return { on: false, removed: removeHourlyTrigger(spreadsheet, HOURLY_TRIGGER_HANDLER) };
}

/** What today's daily job would send (or on `today`, 'YYYY-MM-DD'): read-only, no mail, no record. */
export function runPreviewReminders(options: { today?: string } = {}): ReminderPreview {
  if (options.today !== undefined && !isCalendarDate(options.today)) throw new ArgumentError(`日期“${options.today}”无效，应为 YYYY-MM-DD`);
  const spreadsheet = activeSpreadsheet();
  return buildReminderPreview(spreadsheet, options.today ?? todayIn(spreadsheet.getSpreadsheetTimeZone()), DEFAULT_PRESET);
}

/** A refusal or busy document said in the message box instead of thrown. */
function said<T>(title: string, action: () => T): T | null {
  try {
    return action();
  } catch (error) {
    if (!(error instanceof RemindersRefusedError || error instanceof UnknownUserError || error instanceof DocumentBusyError || error instanceof ArgumentError)) throw error;
    showMessage(title, error.message);
    return null;
  }
}

/** 菜单：开启每日提醒. */
export function turnOnDailyReminders(): void {
  const result = said('开启每日提醒', runRemindersOn);
  if (result === null) return;
  const mine = result.by.toLowerCase() === requireActiveUserEmail().toLowerCase();
  showMessage(
    '开启每日提醒',
    mine
      ? [
          '每日提醒已开启。',
          result.installed ? '已安装每小时运行的定时任务：每天 8 点后第一次运行时处理任期届满并发送提醒邮件，每位收件人每天最多一封。' : '您的定时任务已经存在，没有重复安装。',
          '提醒以您的账号发出；每条提醒只发送一次，发送情况见“提醒记录”表。',
        ].join('\n')
      : `每日提醒已由 ${result.by} 开启，提醒由其定时任务以其账号发出；本次没有做任何修改，也没有安装定时任务。`,
  );
}

/** 菜单：关闭每日提醒. */
export function turnOffDailyReminders(): void {
  const result = said('关闭每日提醒', runRemindersOff);
  if (result === null) return;
  const trigger = result.removed
    ? '并删除了您的定时任务。'
    : readJob() !== null
      ? '您的定时任务还要续做未完成的文档批次，批次完成后自动删除。'
      : '您在本表格没有定时任务；其他用户安装的定时任务将在其下一次运行时自行删除。';
  showMessage('关闭每日提醒', `已关闭每日提醒，${trigger}`);
}

/** 菜单：预览提醒 — what today's job would send, to whom. */
export function previewReminders(): void {
  const preview = said('预览提醒', () => runPreviewReminders());
  if (preview === null) return;
  showMessage('预览提醒', previewText(preview));
}

/** The preview in Chinese lines (the menu's message box). */
export function previewText(preview: ReminderPreview): string {
  const lines = [
    `日期：${preview.date}（${preview.workingDay ? '工作日' : '非工作日，不发送提醒'}）`,
    `每日提醒：${preview.on ? '已开启' : '未开启（请用“开启每日提醒”）'}；今日邮件配额剩余 ${preview.quota} 位收件人`,
  ];
  if (preview.digests.length === 0) lines.push('今天没有需要发送的提醒。');
  for (const digest of preview.digests) {
    lines.push(`发给 ${digest.recipient}（${digest.reminders.length} 项）：${digest.subject}`);
    for (const reminder of digest.reminders) lines.push(`  · ${reminder.label}${reminder.row === '' ? '' : `：第${reminder.row}行`} ${reminder.name}`);
  }
  for (const each of preview.unaddressed) lines.push(`无人可收：${each.row === 0 ? '' : `第${each.row}行 ${each.name}`}（${REMINDER_KINDS[each.kind].label}）：${each.why}`);
  if (preview.waiting > 0) lines.push(`邮件配额不足，${preview.waiting} 项将等到下一个工作日优先发送`);
  if (preview.alreadySent > 0) lines.push(`已发送过（或发送失败）不再发送：${preview.alreadySent} 项`);
  if (preview.heldForTomorrow > 0) lines.push(`收件人今天已收到过提醒，明天再发：${preview.heldForTomorrow} 项`);
  for (const problem of preview.problems) lines.push(`提示：${problem}`);
  return lines.join('\n');
}
