/**
 * The server functions the sidebar calls through google.script.run. Only JSON-safe values cross:
 * dates travel as 'YYYY-MM-DD' texts, times as 'YYYY-MM-DD HH:mm' in the spreadsheet's zone. Every
 * function that changes something checks the caller's role in 权限 itself (the page is never
 * trusted); the views never carry 身份证号 or 联系电话. The sidebar's typed wrapper
 * (sidebar/server.ts) takes its names and types from this file.
 */
import { formatChineseDate, isCalendarDate } from '../domain/calendar-date';
import { DEFAULT_PRESET } from '../domain/presets';
import { bundledSource, bundledYears } from '../domain/working-days/working-day-calendar';
import { activeWorkingDayCalendar } from '../gas/holiday-sheet';
import type { DocumentRunResult } from '../gas/document-batch';
import type { ReminderPreview } from '../gas/reminder-job';

/** What the sidebar shows about the working-day calendar. */
export interface CalendarInfo {
  years: number[];
  source: string;
  publicityDays: number;
}

/** The publicity period the sidebar computed. */
export interface PublicityPeriod {
  start: string;
  end: string;
  days: number;
  text: string;
}

/** Who is using the sidebar, as 权限 says. */
export interface SidebarUser {
  /** '' when Google does not reveal the user (then nothing can be changed). */
  email: string;
  /** The roles in words ('市级', '红塔区审核人', '学校', …); '' when none. */
  roles: string;
  /** Whether the user has the city role. */
  city: boolean;
  /** Counties the user reviews. */
  counties: string[];
  /** Why the user can change nothing (no email, not in 权限, 权限 row invalid); absent when fine. */
  problem?: string;
}

/** One failed rule of a row, with the clause of the plan it comes from. */
export interface FindingView {
  /** The plan's clause, e.g. '三（一）1'. */
  clause: string;
  /** The column the finding is about ('' when none). */
  column: string;
  /** The explanation in Chinese (long digit runs hidden). */
  message: string;
  /** '不符合' or '待核实'. */
  severity: string;
}

/** A move this user may make on a row, as a button. */
export interface MoveChoice {
  to: string;
  /** The button's text, e.g. '初审通过'. */
  label: string;
  /** A reason must be typed (and for 已取消 it must name 六（四）1–6). */
  needsReason: boolean;
  /** What the reason field asks for ('' when none is needed). */
  reasonHint: string;
  /** A publicity start date must be given (moves to 公示中). */
  needsStart: boolean;
  /** Why the move would be refused today (e.g. the row is not 符合); absent when it may go. */
  blockedBy?: string;
}

/** One nomination row as the 当前行 panel shows it. */
export interface RowView {
  sheetName: string;
  row: number;
  name: string;
  school: string;
  county: string;
  category: string;
  stage: string;
  state: string;
  /** '符合', '不符合' or '待核实' as of today (or the 评审基准日). */
  verdict: string;
  findings: FindingView[];
  moves: MoveChoice[];
  /** 公示开始/公示截止 ('YYYY-MM-DD'), 认定日期, 证书编号, 最后操作 when filled ('' otherwise). */
  publicityStart: string;
  publicityEnd: string;
  awardDate: string;
  certificateNumber: string;
  lastAction: string;
}

/** The current selection: a nomination sheet's rows, or why there is nothing to show. */
export interface SelectionView {
  /** Changes whenever the selection (sheet and rows) or a shown row changes; the page sends it back when polling. */
  key: string;
  sheetName: string;
  /** Data rows selected (header and blank rows left out), ascending. */
  rows: number[];
  /** Views of the first rows selected (at most MAX_ROW_VIEWS). */
  views: RowView[];
  /** Why no row can be shown (not a nomination sheet, header selected, …); absent when fine. */
  problem?: string;
}

/** At most this many selected rows are described in one answer (a whole-column selection must stay small). */
export const MAX_ROW_VIEWS = 50;

/** What the sidebar needs when it opens: one server call. */
export interface SidebarStart {
  /** The spreadsheet's today 'YYYY-MM-DD' and its time zone. */
  today: string;
  timeZone: string;
  user: SidebarUser;
  selection: SelectionView;
  calendar: CalendarInfo;
  reminders: RemindersView;
  /** The add-on's version (package.json) for 设置's footer. */
  version: string;
}

/** The answer of a poll: nothing changed, or the new selection. */
export type SelectionPoll = { changed: false } | { changed: true; selection: SelectionView };

/** A move the sidebar asks for (the rows are re-read and re-checked on the server). */
export interface MoveRequestView {
  sheetName: string;
  rows: number[];
  to: string;
  reason: string;
  /** 'YYYY-MM-DD', for moves to 公示中. */
  start?: string;
}

/** What a move did, and the rows as they are now. */
export interface MoveOutcome {
  moved: { row: number; name: string; from: string; to: string }[];
  refused: { row: number; message: string }[];
  problems: string[];
  /** The 操作记录 rows this move appended (time as 'YYYY-MM-DD HH:mm'). */
  logged: AuditLine[];
  selection: SelectionView;
}

/** One 操作记录 row as the sidebar shows it. */
export interface AuditLine {
  time: string;
  email: string;
  sheet: string;
  row: number | '';
  name: string;
  from: string;
  to: string;
  note: string;
}

/** The 公示 panel's answer to 生成公示名单. */
export interface PublicityListOutcome {
  people: number;
  lists: { sheet: string; people: number; period: string }[];
  message: string;
}

/** The 证书与考核表 panel: a pre-flight or a batch's progress (DocumentRunResult plus the job). */
export interface DocumentsView {
  result?: DocumentRunResult;
  /** A batch left for the hourly trigger: kind and rows still to make; absent when none. */
  job?: { kind: string; pending: number; startedBy: string };
  message: string;
}

/** 履职 or 工作室 findings, one line per finding, with a summary. */
export interface FindingsView {
  summary: string;
  lines: { name: string; text: string; severity: string }[];
  /** The sheet the report was written to, if any. */
  sheet?: string;
}

/** One progress bar of 统计. */
export interface TargetBar {
  label: string;
  value: number;
  target: number;
  /** '达标' / '未达标' / '' */
  status: string;
}

/** The 统计 panel. */
export interface StatisticsView {
  year: number;
  city: TargetBar;
  counties: TargetBar[];
  studios: TargetBar[];
  verdicts: { label: string; count: number }[];
  states: { label: string; count: number }[];
  summary: string;
}

/** The 提醒 panel. */
export interface RemindersView {
  on: boolean;
  /** Who turned them on ('' when off). */
  by: string;
  /** Whether this user may turn them on or off (city or county reviewer). */
  mayChange: boolean;
  preview?: ReminderPreview;
}

/** One row of 设置 as the sidebar shows and edits it. */
export interface SettingView {
  key: string;
  value: string;
  /** What the setting means and its default. */
  help: string;
  /** Why the value cannot be used ('' when fine). */
  problem: string;
}

/** The 设置 panel. */
export interface SettingsView {
  settings: SettingView[];
  /** Only the city may change settings. */
  mayEdit: boolean;
}

const notYet = (name: string): never => {
  throw new Error(`${name} 尚未实现`);
};

/** The bundled years and the default publicity length. */
export function sidebarCalendarInfo(): CalendarInfo {
  return { years: bundledYears(), source: bundledSource(), publicityDays: DEFAULT_PRESET.publicityDays };
}

/** The publicity period from a start date, using this spreadsheet's 节假日 sheet. */
export function sidebarPublicityPeriod(start: string, days: number): PublicityPeriod {
  if (!isCalendarDate(start)) throw new Error(`公示开始日期“${start}”无效，应为 YYYY-MM-DD`);
  if (!Number.isInteger(days) || days < 1) throw new Error(`公示天数应为正整数，收到“${days}”`);
  const calendar = activeWorkingDayCalendar();
  const end = calendar.publicityEnd(start, days);
  const text = `公示期：${formatChineseDate(start)}至${formatChineseDate(end)}（${days}个工作日）`;
  return { start, end, days, text };
}

/** Everything the sidebar shows when it opens (the one call on open). */
export function sidebarOpen(): SidebarStart {
  return notYet('sidebarOpen');
}

/** The selection now, when it differs from `key` (the sidebar polls this at most every 2 s). */
export function sidebarSelection(key: string): SelectionPoll {
  return notYet(`sidebarSelection(${key})`);
}

/** Moves rows as the active user (role checked here), and returns the new views. */
export function sidebarMove(request: MoveRequestView): MoveOutcome {
  return notYet(`sidebarMove(${JSON.stringify(request)})`);
}

/** Writes the 公示名单 sheets (city only). */
export function sidebarMakePublicityList(): PublicityListOutcome {
  return notYet('sidebarMakePublicityList');
}

/** Pre-flight (check true) or start of a certificate/form batch; rows default to all eligible. */
export function sidebarDocuments(kind: string, check: boolean, rows?: number[]): DocumentsView {
  return notYet(`sidebarDocuments(${kind}, ${check}, ${String(rows)})`);
}

/** The running document batch, if any. */
export function sidebarDocumentProgress(): DocumentsView {
  return notYet('sidebarDocumentProgress');
}

/** The duty findings (履职). */
export function sidebarDuties(): FindingsView {
  return notYet('sidebarDuties');
}

/** The studio findings (工作室). */
export function sidebarStudios(): FindingsView {
  return notYet('sidebarStudios');
}

/** The targets and counts (统计). */
export function sidebarStatistics(): StatisticsView {
  return notYet('sidebarStatistics');
}

/** The reminders' state and today's preview (提醒). */
export function sidebarReminders(): RemindersView {
  return notYet('sidebarReminders');
}

/** Turns the daily reminders on or off (city or county reviewer). */
export function sidebarSetReminders(on: boolean): RemindersView {
  return notYet(`sidebarSetReminders(${on})`);
}

/** The 设置 rows (设置). */
export function sidebarSettings(): SettingsView {
  return notYet('sidebarSettings');
}

/** Changes one setting (city only); text starting with = + - @ is stored as text. */
export function sidebarSaveSetting(key: string, value: string): SettingsView {
  return notYet(`sidebarSaveSetting(${key}, ${value})`);
}
