/**
 * Menu action and server function of the duty report (五（二）–（五）, 六（四）5): 生成履职情况 reads
 * 推荐名单 (or the chosen nomination sheet), 履职记录 and 设置, writes 履职情况, and returns the
 * per-semester statuses, the listed 履职记录 rows and the cancellation proposals as JSON-safe data
 * for the CLI; the menu shows a Chinese summary.
 */
import { isCalendarDate } from '../domain/calendar-date';
import type { SemesterStatus } from '../domain/duties/report';
import { DEFAULT_PRESET } from '../domain/presets';
import { SHEET_NAMES } from '../domain/sheet-layouts';
import { LedgerHeaderError, MissingLedgerError, writeDutyReport } from '../gas/duty-sheet';
import { DocumentBusyError, underDocumentLock } from '../gas/document-lock';
import { GeneratedSheetTakenError } from '../gas/generated-sheet';
import { activeSpreadsheet } from '../gas/spreadsheet';
import { showMessage } from '../gas/ui';
import { ArgumentError, nominationSheetName, onNominationSheet } from './sheet-choice';

/** What a duty report asks for. */
export interface DutyReportOptions {
  /** The day to report up to, 'YYYY-MM-DD'; else today in the spreadsheet's time zone. */
  today?: string;
  /** The nomination sheet (default 推荐名单). */
  sheet?: string;
}

/** The duty report as the CLI and the menu use it. */
export interface DutyReportResult {
  semesters: SemesterStatus[];
  /** The 履职记录 rows listed (and teachers that cannot be reported), one line each. */
  notices: string[];
  proposals: string[];
  sheet: string;
  changed: boolean;
  summary: string;
}

/** Writes 履职情况 and returns every teacher's semesters, the listed rows and the proposals. */
export function runDutyReport(options: DutyReportOptions = {}): DutyReportResult {
  if (options.today !== undefined && !isCalendarDate(options.today)) throw new ArgumentError(`日期“${options.today}”无效，应为 YYYY-MM-DD`);
  const report = underDocumentLock(() => {
    const spreadsheet = activeSpreadsheet();
    const sheetName = nominationSheetName(spreadsheet, options.sheet);
    return onNominationSheet(() => writeDutyReport(spreadsheet, sheetName, DEFAULT_PRESET, options.today));
  });
  return {
    semesters: report.semesters,
    notices: report.notices,
    proposals: report.proposals,
    sheet: report.sheet,
    changed: report.changed,
    summary: describeDuties(report.semesters, report.notices.length, report.proposals.length, report.changed ? `已写入“${report.sheet}”` : `“${report.sheet}”内容与上次相同，未改动`, report.today),
  };
}

/** 菜单：生成履职情况. */
export function makeDutyReport(): void {
  let result: DutyReportResult;
  try {
    result = runDutyReport();
  } catch (error) {
    if (!(error instanceof ArgumentError || error instanceof MissingLedgerError || error instanceof LedgerHeaderError || error instanceof DocumentBusyError || error instanceof GeneratedSheetTakenError)) throw error;
    showMessage('生成履职情况', error.message);
    return;
  }
  showMessage('生成履职情况', result.summary);
}

/** The outcome in Chinese: teachers, semesters by completion, rows to check, proposals. */
function describeDuties(semesters: readonly SemesterStatus[], notices: number, proposals: number, written: string, today: string): string {
  const teachers = new Map(semesters.map((status) => [`${status.name}\u0000${status.certificate}`, status.state]));
  const byState = [...new Set(teachers.values())].map((state) => `${state} ${[...teachers.values()].filter((each) => each === state).length}`).join('、');
  const closed = semesters.filter((status) => !status.open);
  const open = semesters.filter((status) => status.open);
  const counts = [
    `已结束的学期完成 ${closed.filter((status) => status.ok).length}、未完成 ${closed.filter((status) => !status.ok).length}`,
    open.length > 0 ? `本学期进行中 ${open.length}（已完成 ${open.filter((status) => status.ok).length}）` : '',
  ].filter(Boolean).join('；');
  return [
    `${written}（截至 ${today}）：${teachers.size} 位人员${byState === '' ? '' : `（${byState}）`}，${semesters.length} 个学期（${counts}）。`,
    notices > 0 ? `需要核对的履职记录 ${notices} 条，见“${SHEET_NAMES.dutyReport}”表下方。` : '履职记录没有需要核对的行。',
    proposals > 0 ? `取消资格建议 ${proposals} 条（六（四）5，仅为建议，由市级决定）。` : '',
  ]
    .filter(Boolean)
    .join('\n');
}
