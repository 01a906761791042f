/**
 * Menu actions and server functions of the review workflow (SPEC §4): moving rows, the daily
 * term-expiry job, the 公示名单, and reading 操作记录. The run… functions return JSON-safe data for
 * the CLI and sidebar; the menu versions ask with prompts and show the outcome.
 */
import { isCalendarDate } from '../domain/calendar-date';
import { DEFAULT_PRESET } from '../domain/presets';
import { SHEET_NAMES } from '../domain/sheet-layouts';
import { reasonLengthProblem } from '../domain/sidebar/views';
import { ACTOR_NAMES, GUARD_TEXTS, isState, STATES, TRANSITIONS } from '../domain/workflow/states';
import { writePublicityList, type PublicityListReport } from '../gas/publicity-list';
import { requireActiveUserEmail, UnknownUserError } from '../gas/session';
import { readLogEntries, type AuditEntry } from '../gas/audit-log';
import { DocumentBusyError, underDocumentLock } from '../gas/document-lock';
import { activeSpreadsheet } from '../gas/spreadsheet';
import { askText, selectedRowNumbers, showMessage } from '../gas/ui';
import { advanceRows, advanceRowsLogged, type AdvanceReport } from '../gas/workflow-sheet';
import { RoleRefusedError, requireAction } from './role-check';
import { ArgumentError, nominationSheetName, onNominationSheet } from './sheet-choice';

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
  return runAdvanceLogged(options).report;
}

/** runAdvance, also giving the 操作记录 rows appended (for the sidebar, which shows them). */
export function runAdvanceLogged(options: AdvanceOptions): { report: AdvanceReport; logged: unknown[][] } {
  if (!isState(options.to)) throw new ArgumentError(`目标状态“${options.to}”无效，应为：${STATES.join('、')}`);
  if (options.start !== undefined && !isCalendarDate(options.start)) throw new ArgumentError(`公示开始日期“${options.start}”无效，应为 YYYY-MM-DD`);
  const tooLong = reasonLengthProblem(options.reason ?? '');
  if (tooLong !== '') throw new ArgumentError(`${tooLong}（本次没有做任何修改）`);
  const to = options.to;
  const spreadsheet = activeSpreadsheet();
  const sheetName = nominationSheetName(spreadsheet, options.sheet);
  return onNominationSheet(() => advanceRowsLogged(
    spreadsheet,
    {
      sheetName,
      choice: { rows: options.rows },
      to,
      by: 'person',
      email: requireActiveUserEmail(),
      reason: options.reason ?? '',
      start: options.start,
    },
    DEFAULT_PRESET,
  ));
}

/** Who the daily job is in 操作记录's 操作人 column and 最后操作. */
export const DAILY_JOB_ACTOR = '（每日定时任务）';

/** The daily job: moves 已认定 rows whose term has ended to 任期届满; its log lines name it. */
export function runDailyJobs(): AdvanceReport {
  return advanceRows(
    activeSpreadsheet(),
    { sheetName: SHEET_NAMES.nominations, choice: { termExpired: true }, to: '任期届满', by: 'dailyJob', email: DAILY_JOB_ACTOR, reason: '' },
    DEFAULT_PRESET,
  );
}

/** One move of the workflow as help shows it. */
export interface WorkflowMoveText {
  from: string;
  to: string;
  who: string;
  needs: string;
  cityDirectOnly: boolean;
}

/** The workflow as data for help texts (`banzhuren advance --help`): states, roles of 权限, every move. */
export function workflowTable(): { states: string[]; roles: string[]; moves: WorkflowMoveText[] } {
  return {
    states: [...STATES],
    roles: ['市级', ...DEFAULT_PRESET.counties, '学校'],
    moves: TRANSITIONS.map((move) => ({
      from: move.from,
      to: move.to,
      who: ACTOR_NAMES[move.actor],
      needs: move.guard ? GUARD_TEXTS[move.guard] : '',
      cityDirectOnly: move.cityDirectOnly === true,
    })),
  };
}

/**
 * Writes one 公示名单 sheet per publicity period in 公示中 (nothing when nobody is); with `asCaller`
 * (the menu; the CLI with --as) only for a 市级 user of 权限, as the sidebar.
 */
export function runPublicityList(sheet?: string, asCaller = false): PublicityListReport {
  if (asCaller) requireAction(activeSpreadsheet(), 'publicityList');
  return underDocumentLock(() => {
    const spreadsheet = activeSpreadsheet();
    const sheetName = nominationSheetName(spreadsheet, sheet);
    return onNominationSheet(() => writePublicityList(spreadsheet, sheetName, DEFAULT_PRESET));
  });
}

/** The 操作记录 rows, oldest first. */
export function readAuditLog(): AuditEntry[] {
  return readLogEntries(activeSpreadsheet());
}

/**
 * 菜单：推进所选行（按提示输入目标状态、理由或公示开始日期）. Only rows selected on a nomination
 * sheet are moved, on that sheet; a busy document (another teacher moving rows) or a user Google
 * does not name is said in Chinese.
 */
export function advanceSelectedRows(): void {
  const selection = selectedRowNumbers();
  if ('problem' in selection) {
    showMessage('推进所选行', selection.problem);
    return;
  }
  const to = askText('推进所选行', `目标状态（${STATES.join('、')}）：`);
  if (to === null) return;
  const start = to.trim() === '公示中' ? askText('开始公示', '公示开始日期（YYYY-MM-DD）：') : undefined;
  if (start === null) return;
  const reason = askText('推进所选行', '理由或说明（可留空；取消资格须写六（四）的项号）：');
  if (reason === null) return;
  let report: AdvanceReport;
  try {
    report = runAdvance({ rows: selection.rows, to: to.trim(), reason, start: start?.trim(), sheet: selection.sheetName });
  } catch (error) {
    if (!(error instanceof DocumentBusyError || error instanceof UnknownUserError || error instanceof ArgumentError)) throw error;
    showMessage('推进所选行', error.message);
    return;
  }
  const lines = [
    `已改为“${to.trim()}”：${report.moved.length} 行`,
    ...report.refused.map((refusal) => `第${refusal.row}行未改：${refusal.message}`),
    ...report.problems.map((problem) => `提示：${problem}`),
  ];
  showMessage('推进所选行', lines.join('\n'));
}

/** 菜单：生成公示名单 (市级 in 权限, as in the sidebar); a refusal or a busy document is said in Chinese. */
export function makePublicityList(): void {
  let report: PublicityListReport;
  try {
    report = runPublicityList(undefined, true);
  } catch (error) {
    if (!(error instanceof RoleRefusedError || error instanceof UnknownUserError || error instanceof DocumentBusyError || error instanceof ArgumentError)) throw error;
    showMessage('生成公示名单', error.message);
    return;
  }
  showMessage(
    '生成公示名单',
    report.people === 0
      ? '目前没有处于“公示中”的人选：没有写入，已有的公示名单保持不变'
      : report.lists.map((list) => `已写入“${list.sheet}”：${list.people} 人（${list.period}）`).join('\n'),
  );
}
