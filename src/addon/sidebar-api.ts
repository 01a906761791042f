/**
 * The server functions the sidebar calls through google.script.run. Only JSON-safe values cross:
 * dates travel as 'YYYY-MM-DD' texts, times as 'YYYY-MM-DD HH:mm' in the spreadsheet's zone. Every
 * function that changes something checks the caller's role in 权限 itself (the page is never
 * trusted); the views never carry 身份证号 or 联系电话. The sidebar's typed wrapper
 * (sidebar/server.ts) takes its names and types from this file.
 */
import { formatChineseDate, isCalendarDate, partsOf } from '../domain/calendar-date';
import { DEFAULT_PRESET } from '../domain/presets';
import { bundledSource, bundledYears } from '../domain/working-days/working-day-calendar';
import { activeWorkingDayCalendar } from '../gas/holiday-sheet';
import { VERDICTS } from '../domain/nomination/fields';
import { hideLongNumbers } from '../domain/reminders/digest';
import { SETTING_KEYS, SHEET_NAMES } from '../domain/sheet-layouts';
import { countBy, dutyLines, studioFindingLines, targetBars } from '../domain/sidebar/panels';
import { mayDo, visibleProblems } from '../domain/sidebar/permissions';
import { isSettingKey, settingHelp, settingProblem, shownSettingValue } from '../domain/sidebar/settings';
import { ADDON_VERSION } from '../domain/sidebar/version';
import type { Role } from '../domain/workflow/roles';
import { INITIAL_STATE, STATES } from '../domain/workflow/states';
import { appendLog } from '../gas/audit-log';
import type { DocumentRunOptions, DocumentRunResult } from '../gas/document-batch';
import { readJob, rowsOfRanges } from '../gas/document-job';
import { underDocumentLock } from '../gas/document-lock';
import { writeSettingValues } from '../gas/document-settings';
import { readDutyReport } from '../gas/duty-sheet';
import { buildReminderPreview, type ReminderPreview } from '../gas/reminder-job';
import { readRemindersSwitch } from '../gas/reminder-state';
import { auditLines, type AuditLineRead } from '../gas/sidebar-log';
import { readSelection, readSidebarUser, type UserAndRoles } from '../gas/sidebar-selection';
import { activeSpreadsheet, readCells, todayIn } from '../gas/spreadsheet';
import { readStatistics } from '../gas/statistics-sheet';
import { readStudioResults } from '../gas/studio-sheet';
import { createdTemplatesMessage, runCreateTemplates, runDocuments } from './document-actions';
import { runEligibilityCheck } from './eligibility-actions';
import { requireAction } from './role-check';
import { booleanArgument, objectArgument, rowsArgument, textArgument } from './sidebar-arguments';
import { runRemindersOff, runRemindersOn } from './reminder-actions';
import { ArgumentError, nominationSheetName, onNominationSheet } from './sheet-choice';
import { reasonLengthProblem } from '../domain/sidebar/views';
import { runAdvanceLogged, runPublicityList } from './workflow-actions';

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

export type { FindingView, MoveChoice, RowView } from '../domain/sidebar/views';
import type { RowView } from '../domain/sidebar/views';

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

/** One 操作记录 row as the sidebar shows it (time as 'YYYY-MM-DD HH:mm' in the spreadsheet's zone). */
export type AuditLine = AuditLineRead;

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

/** The bundled years and the default publicity length. */
export function sidebarCalendarInfo(): CalendarInfo {
  return { years: bundledYears(), source: bundledSource(), publicityDays: DEFAULT_PRESET.publicityDays };
}

/** The publicity period from a start date, using this spreadsheet's 节假日 sheet. */
export function sidebarPublicityPeriod(start: string, days: number): PublicityPeriod {
  textArgument(start, '公示开始日期');
  if (typeof days !== 'number') throw new ArgumentError(`公示天数应为正整数，收到${typeof days === 'string' ? '文字' : '非数字'}`);
  if (!isCalendarDate(start)) throw new Error(`公示开始日期“${start}”无效，应为 YYYY-MM-DD`);
  if (!Number.isInteger(days) || days < 1) throw new Error(`公示天数应为正整数，收到“${days}”`);
  const calendar = activeWorkingDayCalendar();
  const end = calendar.publicityEnd(start, days);
  const text = `公示期：${formatChineseDate(start)}至${formatChineseDate(end)}（${days}个工作日）`;
  return { start, end, days, text };
}

/** The selection now (the active range list and its sheet, read once; 权限 and 设置 when views are built). */
function currentSelection(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, user: () => UserAndRoles, previousKey?: string): SelectionView | null {
  return readSelection(spreadsheet, { preset: DEFAULT_PRESET, maxViews: MAX_ROW_VIEWS, previousKey, user });
}

/** The reminders' switch and whether these roles may change it (no preview: it costs). */
function remindersState(roles: readonly Role[]): RemindersView {
  const current = readRemindersSwitch();
  return { on: current !== null, by: current?.by ?? '', mayChange: mayDo(roles, 'reminders') };
}

/** Everything the sidebar shows when it opens (the one call on open). */
export function sidebarOpen(): SidebarStart {
  const spreadsheet = activeSpreadsheet();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const asker = readSidebarUser(spreadsheet, DEFAULT_PRESET);
  const selection = currentSelection(spreadsheet, () => asker) as SelectionView;
  return {
    today: todayIn(timeZone),
    timeZone,
    user: asker.user,
    selection,
    calendar: sidebarCalendarInfo(),
    reminders: remindersState(asker.roles),
    version: ADDON_VERSION,
  };
}

/** The selection now, when it differs from `key` (the sidebar polls this at most every 2 s). */
export function sidebarSelection(key: string): SelectionPoll {
  const spreadsheet = activeSpreadsheet();
  const selection = currentSelection(spreadsheet, () => readSidebarUser(spreadsheet, DEFAULT_PRESET), textArgument(key, '选择的标识（key）', ''));
  return selection === null ? { changed: false } : { changed: true, selection };
}

/** Moves rows as the active user (role checked here, through runAdvance's code), and returns the new views. */
export function sidebarMove(request: MoveRequestView): MoveOutcome {
  // Every argument is checked before anything is read or written (the reason's length included).
  const given = objectArgument(request, '推进请求');
  const rows = rowsArgument(given.rows, '行号（rows）');
  if (rows.length === 0) throw new ArgumentError('没有选中任何行：请先在推荐名单中选中要推进的行');
  const to = textArgument(given.to, '目标状态（to）');
  const reason = textArgument(given.reason, '理由（reason）', '');
  const tooLong = reasonLengthProblem(reason);
  if (tooLong !== '') throw new ArgumentError(`${tooLong}（本次没有做任何修改）`);
  const startText = textArgument(given.start, '公示开始日期（start）', '');
  const sheetName = textArgument(given.sheetName, '工作表（sheetName）', '');
  const { report, logged } = runAdvanceLogged({ rows, to, reason, start: startText === '' ? undefined : startText, sheet: sheetName || undefined });
  const spreadsheet = activeSpreadsheet();
  const asker = readSidebarUser(spreadsheet, DEFAULT_PRESET);
  const selection = currentSelection(spreadsheet, () => asker) as SelectionView;
  const names = new Map<number, string>(selection.sheetName === sheetName ? selection.views.map((view: RowView) => [view.row, view.name]) : []);
  return {
    moved: report.moved.map((move) => ({ row: move.row, name: move.name, from: move.from, to: move.to })),
    refused: report.refused.map((refusal) => {
      const name = names.get(refusal.row);
      return { row: refusal.row, message: hideLongNumbers(`第${refusal.row}行${name ? `（${name}）` : ''}未改：${refusal.message}`) };
    }),
    problems: visibleProblems(report.problems, asker.user.email, asker.user.city).map(hideLongNumbers),
    logged: auditLines(logged, spreadsheet.getSpreadsheetTimeZone()),
    selection,
  };
}

/** Writes the 公示名单 sheets (city only, checked here). */
export function sidebarMakePublicityList(): PublicityListOutcome {
  requireAction(activeSpreadsheet(), 'publicityList');
  const report = runPublicityList();
  const lists = report.lists.map((list) => ({ sheet: list.sheet, people: list.people, period: list.period }));
  const message = report.people === 0
    ? '目前没有处于“公示中”的人选：没有写入，已有的公示名单保持不变'
    : lists.map((list) => `已写入“${list.sheet}”：${list.people} 人（${list.period}）`).join('\n');
  return { people: report.people, lists, message };
}

/** The stored document batch, as the sidebar shows it (absent when none). */
function documentJob(): DocumentsView['job'] {
  const job = readJob();
  if (job === null) return undefined;
  return { kind: job.options.kind, pending: Math.max(rowsOfRanges(job.rows).length - job.position, 0), startedBy: job.by };
}

/** Pre-flight (check true; anyone) or start of a certificate/form batch (role checked by runDocuments); rows default to all due. */
export function sidebarDocuments(kind: string, check: boolean, rows?: number[]): DocumentsView {
  const kindText = textArgument(kind, '文档种类');
  if (kindText !== 'certificate' && kindText !== 'form') throw new ArgumentError('文档种类无效，应为 certificate（荣誉证书）或 form（任期考核表）');
  const options: DocumentRunOptions = { kind: kindText, check: booleanArgument(check, '是否只预检（check）') };
  const chosen = rows === undefined || rows === null ? [] : rowsArgument(rows, '行号（rows）');
  if (chosen.length > 0) options.rows = chosen;
  let result: DocumentRunResult;
  try {
    result = runDocuments(options);
  } catch (error) {
    // The pre-flight's answer to a missing template or setting is what it found, not a failure.
    if (options.check && error instanceof ArgumentError) return { message: hideLongNumbers(error.message) };
    throw error;
  }
  const shown: DocumentRunResult = { ...result, refused: result.refused.map((each) => ({ row: each.row, message: hideLongNumbers(each.message) })), messages: result.messages.map(hideLongNumbers) };
  const view: DocumentsView = { result: shown, message: shown.messages.join('\n') };
  const job = documentJob();
  if (job) view.job = job;
  return view;
}

/** The running document batch, if any. */
export function sidebarDocumentProgress(): DocumentsView {
  const job = documentJob();
  if (!job) return { message: '没有正在进行的生成任务' };
  return { job, message: `${job.kind === 'certificate' ? '荣誉证书' : '任期考核表'}：还有 ${job.pending} 行待生成，每小时自动继续（由 ${job.startedBy} 发起）` };
}

/** The duty findings (履职), computed without writing 履职情况. */
export function sidebarDuties(): FindingsView {
  const spreadsheet = activeSpreadsheet();
  const sheetName = nominationSheetName(spreadsheet, undefined);
  const { report, today } = onNominationSheet(() => readDutyReport(spreadsheet, sheetName, DEFAULT_PRESET));
  const teachers = new Set(report.semesters.map((status) => `${status.name}\u0000${status.certificate}`)).size;
  const missed = report.semesters.filter((status) => !status.ok && !status.open).length;
  return {
    summary: `截至 ${today}：${teachers} 位已认定人员，${report.semesters.length} 个学期，已结束而未完成的 ${missed} 个；需核对的履职记录 ${report.notices.length} 条，取消资格建议 ${report.proposals.length} 条。`,
    lines: dutyLines(report.semesters, report.notices, report.proposals),
  };
}

/** The studio findings (工作室), computed without writing 工作室情况. */
export function sidebarStudios(): FindingsView {
  const studios = readStudioResults(activeSpreadsheet(), DEFAULT_PRESET);
  const checked = studios.slice(0, -1);
  const bad = checked.filter((result) => !result.ok).length;
  return { summary: `共 ${checked.length} 个工作室，其中 ${bad} 个有问题。`, lines: studioFindingLines(studios) };
}

/** The targets and counts (统计), computed without writing 统计. */
export function sidebarStatistics(): StatisticsView {
  const spreadsheet = activeSpreadsheet();
  const sheetName = nominationSheetName(spreadsheet, undefined);
  const today = todayIn(spreadsheet.getSpreadsheetTimeZone());
  const { report, column } = onNominationSheet(() => readStatistics(spreadsheet, sheetName, today, DEFAULT_PRESET));
  const year = partsOf(today).year;
  const bars = targetBars(report, year, DEFAULT_PRESET);
  return {
    year,
    ...bars,
    verdicts: countBy(column('资格审查'), VERDICTS, '未审查'),
    states: countBy(column('状态').map((state) => (state.trim() === '' ? INITIAL_STATE : state)), STATES, INITIAL_STATE),
    summary: `截至 ${today}：共认定 ${report.awarded} 人（含任期届满、已取消），${year}年 ${bars.city.value}/${bars.city.target}。`,
  };
}

/** The reminders' state and today's preview (提醒). */
export function sidebarReminders(): RemindersView {
  const spreadsheet = activeSpreadsheet();
  const { roles, user } = readSidebarUser(spreadsheet, DEFAULT_PRESET);
  const preview = buildReminderPreview(spreadsheet, todayIn(spreadsheet.getSpreadsheetTimeZone()), DEFAULT_PRESET);
  const digests = preview.digests.map((digest) => ({ ...digest, subject: hideLongNumbers(digest.subject), body: hideLongNumbers(digest.body) }));
  // As for moves: other people's 权限 rows are the city's business, not every viewer's.
  const problems = visibleProblems(preview.problems, user.email, user.city).map(hideLongNumbers);
  return { ...remindersState(roles), preview: { ...preview, digests, problems } };
}

/** Turns the daily reminders on or off (city or county reviewer, checked here and by the menu's code). */
export function sidebarSetReminders(on: boolean): RemindersView {
  const turnOn = booleanArgument(on, '提醒开关（on）');
  const spreadsheet = activeSpreadsheet();
  const { roles } = requireAction(spreadsheet, 'reminders');
  if (turnOn) runRemindersOn();
  else runRemindersOff();
  return remindersState(roles);
}

/** The 设置 rows (设置): value (邮件服务器's password masked), help, problem; mayEdit for the city. */
export function sidebarSettings(): SettingsView {
  const spreadsheet = activeSpreadsheet();
  const { roles } = readSidebarUser(spreadsheet, DEFAULT_PRESET);
  const sheet = spreadsheet.getSheetByName(SHEET_NAMES.settings);
  const cells = sheet ? readCells(sheet, spreadsheet.getSpreadsheetTimeZone()) : [];
  const help = settingHelp(DEFAULT_PRESET);
  const headerIndex = cells.findIndex((row) => row.some((cell) => String(cell ?? '').trim() === '设置项'));
  const header = (cells[headerIndex] ?? ['设置项', '值', '说明']).map((cell) => String(cell ?? '').trim());
  const at = (name: string, fallback: number) => (header.indexOf(name) < 0 ? fallback : header.indexOf(name));
  const [keyColumn, valueColumn, helpColumn] = [at('设置项', 0), at('值', 1), at('说明', 2)];
  const seen = new Set<string>();
  const settings: SettingView[] = [];
  cells.slice(headerIndex + 1).forEach((row) => {
    const key = String(row[keyColumn] ?? '').trim();
    if (key === '' || seen.has(key)) return;
    seen.add(key);
    const value = String(row[valueColumn] ?? '').trim();
    settings.push({ key, value: shownSettingValue(key, value), help: String(row[helpColumn] ?? '').trim() || help.get(key)?.help || '', problem: settingProblem(key, value, DEFAULT_PRESET) });
  });
  for (const [key, entry] of help) if (!seen.has(key)) settings.push({ key, value: '', help: entry.help, problem: '' });
  return { settings, mayEdit: mayDo(roles, 'saveSetting') };
}

/** No setting needs more (a URL, a pattern, a date, a path); a longer value is a paste gone wrong, and the cell limit (.xlsx 32,767) must never be reached. */
const MAX_SETTING_LENGTH = 1000;

/** Changes one setting (city only, under the document lock, one 操作记录 line); text starting with = + - @ is stored as text. */
export function sidebarSaveSetting(key: string, value: string): SettingsView {
  const spreadsheet = activeSpreadsheet();
  const name = textArgument(key, '设置项').trim();
  const text = textArgument(value, '设置的值').trim();
  const { email } = requireAction(spreadsheet, 'saveSetting');
  if (!isSettingKey(name)) throw new ArgumentError(`设置项“${name}”不存在，没有写入`);
  if (text.length > MAX_SETTING_LENGTH) throw new ArgumentError(`设置项“${name}”的值最多 ${MAX_SETTING_LENGTH} 个字，现在 ${text.length} 个字；没有写入`);
  if (name === SETTING_KEYS.mailServer && text.includes('***')) throw new ArgumentError(`设置项“${name}”的值含有隐藏的部分（***）：请输入完整的地址（含用户名和密码），没有写入`);
  const problem = settingProblem(name, text, DEFAULT_PRESET);
  if (problem !== '') throw new Error(`设置项“${name}”的值“${shownSettingValue(name, text)}”无效：${problem}；没有写入`);
  underDocumentLock(() => {
    writeSettingValues(spreadsheet, { [name]: text });
    appendLog(spreadsheet, [[new Date(), email, SHEET_NAMES.settings, '', '', '', '', `设置项“${name}”改为“${shownSettingValue(name, text)}”`]]);
  });
  return sidebarSettings();
}

/** What 初始化模板 made, for the sidebar. */
export interface CreatedTemplatesView {
  message: string;
  /** The folder holding the templates (its link; offline its path). */
  folder: string;
}

/** 初始化模板 from the sidebar: city only (checked by runCreateTemplates before any file is made), 设置 updated, one 操作记录 line. */
export function sidebarCreateTemplates(): CreatedTemplatesView {
  const made = runCreateTemplates({});
  return { message: createdTemplatesMessage(made), folder: made.folderUrl };
}

/** What 校验全部资格 did, for the sidebar. */
export interface CheckAllView {
  summary: string;
  /** Rows checked. */
  checked: number;
}

/** 校验全部资格 from the sidebar: city or county reviewer (checked here); writes only 资格审查, 审查说明 and their notes, as the menu does. */
export function sidebarCheckAll(): CheckAllView {
  requireAction(activeSpreadsheet(), 'checkAll');
  const report = runEligibilityCheck({});
  return { summary: hideLongNumbers(report.summary), checked: report.rows.length };
}
