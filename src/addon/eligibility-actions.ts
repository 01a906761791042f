/**
 * Menu actions and server functions of issue 3: 初始化表格 and 校验全部资格. The menu versions show
 * the outcome in a message box; the run… versions return it as JSON-safe data (the CLI and the
 * sidebar call those). Each is parse → domain → adapter, nothing more.
 */
import { isCalendarDate } from '../domain/calendar-date';
import { DEFAULT_PRESET } from '../domain/presets';
import { sheetLayouts } from '../domain/sheet-layouts';
import { DocumentBusyError, underDocumentLock } from '../gas/document-lock';
import { checkNominationSheet, type CheckReport } from '../gas/eligibility-sheet';
import { UnknownUserError } from '../gas/session';
import { readSettings } from '../gas/settings-sheet';
import { setUpSheets, type SheetSetupReport } from '../gas/sheet-setup';
import { activeSpreadsheet, requireSheet, todayIn } from '../gas/spreadsheet';
import { showMessage } from '../gas/ui';
import { RoleRefusedError, requireAction } from './role-check';
import { ArgumentError, nominationSheetName, onNominationSheet } from './sheet-choice';

/** Options of a check. */
export interface CheckOptions {
  sheet?: string;
  /** 评审基准日 'YYYY-MM-DD'; else 设置's 评审基准日; else today in the spreadsheet's time zone. */
  reviewDate?: string;
  /** Check the active user's role in 权限 first (the menu; the CLI with --as): only 市级 or 县级审核人 may check. */
  asCaller?: boolean;
}

/**
 * Creates or completes the add-on's sheets; returns what changed per sheet and a summary, which
 * also says when the spreadsheet's time zone is not the preset's (dates would be read in it).
 */
export function runInitialize(): { sheets: SheetSetupReport[]; summary: string } {
  // The spreadsheet is touched only under the lock: a busy document is said before anything is read.
  const sheets = underDocumentLock(() => setUpSheets(activeSpreadsheet(), sheetLayouts(DEFAULT_PRESET)));
  const zone = activeSpreadsheet().getSpreadsheetTimeZone();
  const zoneNote = zone === DEFAULT_PRESET.timeZone ? '' : `\n提示：表格的时区是 ${zone}，不是本方案所在城市的 ${DEFAULT_PRESET.timeZone}；日期按表格的时区读写，如有误请在“文件 > 设置”中改为 ${DEFAULT_PRESET.timeZone}`;
  return { sheets, summary: describeSetup(sheets) + zoneNote };
}

/** Checks every row of the nomination sheet, writes 资格审查 and 审查说明; returns the rows and a summary. */
export function runEligibilityCheck(options: CheckOptions = {}): CheckReport & { summary: string } {
  if (options.asCaller === true) requireAction(activeSpreadsheet(), 'checkAll');
  const report = underDocumentLock(() => checkRows(options));
  return { ...report, summary: describeCheck(report) };
}

function checkRows(options: CheckOptions): CheckReport {
  const spreadsheet = activeSpreadsheet();
  if (options.reviewDate !== undefined && !isCalendarDate(options.reviewDate)) {
    throw new ArgumentError(`评审基准日“${options.reviewDate}”无效，应为 YYYY-MM-DD`);
  }
  const sheet = requireSheet(spreadsheet, nominationSheetName(spreadsheet, options.sheet));
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const reviewDate = options.reviewDate ?? readSettings(spreadsheet).reviewDate ?? todayIn(timeZone);
  return onNominationSheet(() => checkNominationSheet(sheet, timeZone, reviewDate, DEFAULT_PRESET));
}

/** 菜单：初始化表格. */
export function initializeSpreadsheet(): void {
  showMessage('初始化表格', runInitialize().summary);
}

/** 菜单：校验全部资格 (市级 or 县级审核人 in 权限, as in the sidebar); a refusal or a busy document is said in Chinese. */
export function checkAllEligibility(): void {
  let summary: string;
  try {
    summary = runEligibilityCheck({ asCaller: true }).summary;
  } catch (error) {
    if (!(error instanceof RoleRefusedError || error instanceof UnknownUserError || error instanceof DocumentBusyError || error instanceof ArgumentError)) throw error;
    summary = error.message;
  }
  showMessage('校验全部资格', summary);
}

/** The outcome of initialising, in Chinese, one line per sheet. */
function describeSetup(reports: SheetSetupReport[]): string {
  return reports
    .map((report) => {
      const parts = [
        report.created ? '新建' : '',
        report.addedHeaders.length > 0 ? `补充列：${report.addedHeaders.join('、')}` : '',
        ...report.changes,
        ...report.problems,
      ].filter(Boolean);
      return `${report.sheet}：${parts.length > 0 ? parts.join('；') : '无需修改'}`;
    })
    .join('\n');
}

/** The outcome of a check, in Chinese. */
function describeCheck(report: CheckReport): string {
  const total = report.rows.length;
  const lines = [
    `${report.sheet}：已审查 ${total} 行（评审基准日 ${report.reviewDate}）：符合 ${report.counts['符合']}，不符合 ${report.counts['不符合']}，待核实 ${report.counts['待核实']}` +
      `${report.flagged > 0 ? `；优先推荐 ${report.flagged} 行（上届任期考核合格以上，六（二））` : ''}。`,
    ...report.problems,
  ];
  return lines.join('\n');
}
