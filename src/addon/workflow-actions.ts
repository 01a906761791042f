/**
 * Menu actions and server functions of the review workflow (SPEC §4): moving rows, the daily
 * term-expiry job, the 公示名单, and reading 操作记录. The run… functions return JSON-safe data for
 * the CLI and sidebar; the menu versions ask with prompts and show the outcome.
 */
import { isCalendarDate } from '../domain/calendar-date';
import { DEFAULT_PRESET } from '../domain/presets';
import { SHEET_NAMES } from '../domain/sheet-layouts';
import { isState, STATES } from '../domain/workflow/states';
import { writePublicityList, type PublicityListReport } from '../gas/publicity-list';
import { activeUserEmail } from '../gas/session';
import { readLogEntries, type AuditEntry } from '../gas/audit-log';
import { underDocumentLock } from '../gas/document-lock';
import { activeSpreadsheet } from '../gas/spreadsheet';
import { askText, selectedRowNumbers, showMessage } from '../gas/ui';
import { advanceRows, type AdvanceReport } from '../gas/workflow-sheet';

/** What a move asks for. */
export interface AdvanceOptions {
  rows: number[];
  to: string;
  reason?: string;
  /** 公示开始 'YYYY-MM-DD', for moves to 公示中. */
  start?: string;
  sheet?: string;
}

/** Moves the listed rows of the nomination sheet to a state, as the active user. */
export function runAdvance(options: AdvanceOptions): AdvanceReport {
  if (!isState(options.to)) throw new Error(`目标状态“${options.to}”无效，应为：${STATES.join('、')}`);
  if (options.start !== undefined && !isCalendarDate(options.start)) throw new Error(`公示开始日期“${options.start}”无效，应为 YYYY-MM-DD`);
  return advanceRows(
    activeSpreadsheet(),
    {
      sheetName: options.sheet ?? SHEET_NAMES.nominations,
      choice: { rows: options.rows },
      to: options.to,
      by: 'person',
      email: activeUserEmail(),
      reason: options.reason ?? '',
      start: options.start,
    },
    DEFAULT_PRESET,
  );
}

/** The daily job: moves 已认定 rows whose term has ended to 任期届满. */
export function runDailyJobs(): AdvanceReport {
  return advanceRows(
    activeSpreadsheet(),
    { sheetName: SHEET_NAMES.nominations, choice: { termExpired: true }, to: '任期届满', by: 'dailyJob', email: '（每日定时任务）', reason: '' },
    DEFAULT_PRESET,
  );
}

/** Writes the 公示名单 sheet. */
export function runPublicityList(sheet?: string): PublicityListReport {
  return underDocumentLock(() => writePublicityList(activeSpreadsheet(), sheet ?? SHEET_NAMES.nominations));
}

/** The 操作记录 rows, oldest first. */
export function readAuditLog(): AuditEntry[] {
  return readLogEntries(activeSpreadsheet());
}

/** 菜单：推进所选行（按提示输入目标状态、理由或公示开始日期）. */
export function advanceSelectedRows(): void {
  const rows = selectedRowNumbers();
  const to = askText('推进所选行', `目标状态（${STATES.join('、')}）：`);
  if (to === null) return;
  const start = to.trim() === '公示中' ? askText('开始公示', '公示开始日期（YYYY-MM-DD）：') : undefined;
  if (start === null) return;
  const reason = askText('推进所选行', '理由或说明（可留空；取消资格须写六（四）的项号）：');
  if (reason === null) return;
  const report = runAdvance({ rows, to: to.trim(), reason, start: start?.trim() });
  const lines = [
    `已改为“${to.trim()}”：${report.moved.length} 行`,
    ...report.refused.map((refusal) => `第${refusal.row}行未改：${refusal.message}`),
  ];
  showMessage('推进所选行', lines.join('\n'));
}

/** 菜单：生成公示名单. */
export function makePublicityList(): void {
  const report = runPublicityList();
  showMessage('生成公示名单', report.people === 0 ? '目前没有处于“公示中”的人选' : `已写入“公示名单”：${report.people} 人\n${report.periods.join('\n')}`);
}
