/**
 * Menu action and server function of the statistics (plan 一): 生成统计 writes the 统计 sheet and
 * shows its summary; runStatistics returns the counts as JSON-safe data for the CLI and sidebar.
 */
import { isCalendarDate } from '../domain/calendar-date';
import { DEFAULT_PRESET } from '../domain/presets';
import { UNKNOWN_YEAR } from '../domain/statistics/awards';
import { completionText, targetText } from '../domain/statistics/layout';
import { DocumentBusyError, underDocumentLock } from '../gas/document-lock';
import { GeneratedSheetTakenError } from '../gas/generated-sheet';
import { writeStatistics, type StatisticsReport } from '../gas/statistics-sheet';
import { activeSpreadsheet, todayIn } from '../gas/spreadsheet';
import { showMessage } from '../gas/ui';
import { ArgumentError, nominationSheetName, onNominationSheet } from './sheet-choice';

/** Options of a statistics run. */
export interface StatisticsOptions {
  /** The nomination sheet (default 推荐名单). */
  sheet?: string;
  /** The date in the title, 'YYYY-MM-DD'; default today in the spreadsheet's time zone. */
  today?: string;
}

/** Counts the awarded and writes the 统计 sheet; returns the counts and a Chinese summary. */
export function runStatistics(options: StatisticsOptions = {}): StatisticsReport & { summary: string } {
  if (options.today !== undefined && !isCalendarDate(options.today)) throw new ArgumentError(`日期“${options.today}”无效，应为 YYYY-MM-DD`);
  const report = underDocumentLock(() => {
    const spreadsheet = activeSpreadsheet();
    const sheetName = nominationSheetName(spreadsheet, options.sheet);
    const today = options.today ?? todayIn(spreadsheet.getSpreadsheetTimeZone());
    return onNominationSheet(() => writeStatistics(spreadsheet, sheetName, today, DEFAULT_PRESET));
  });
  return { ...report, summary: describeStatistics(report) };
}

/** Problems a message box lists; the rest are on the 统计 sheet. */
const PROBLEMS_SHOWN = 10;

/** 菜单：生成统计. */
export function makeStatistics(): void {
  let report: ReturnType<typeof runStatistics>;
  try {
    report = runStatistics();
  } catch (error) {
    if (!(error instanceof DocumentBusyError || error instanceof GeneratedSheetTakenError || error instanceof ArgumentError)) throw error;
    showMessage('生成统计', error.message);
    return;
  }
  const more = report.problems.length - PROBLEMS_SHOWN;
  const problems = [
    ...report.problems.slice(0, PROBLEMS_SHOWN).map((problem) => `提示：${problem}`),
    ...(more > 0 ? [`另有 ${more} 条提示，见“${report.sheet}”表末尾`] : []),
  ];
  showMessage('生成统计', [report.summary, ...problems].join('\n'));
}

/** The counts in Chinese, one line per table (the problems are listed apart). */
export function describeStatistics(report: StatisticsReport): string {
  const listed = (entries: { name: string; count: number }[]) => entries.map((entry) => `${entry.name} ${entry.count}`).join('，');
  const years = report.byYear.map((entry) =>
    entry.year === UNKNOWN_YEAR ? `${UNKNOWN_YEAR} ${entry.awarded}` : `${entry.year}年 ${entry.awarded}/${entry.target ?? ''}（${completionText(entry.awarded, entry.target)}）`,
  );
  const lines = [
    `已写入“${report.sheet}”（截至${report.today}）：共认定 ${report.awarded} 人（含任期届满、已取消），评选级别 ${report.level}，目标${targetText(report, DEFAULT_PRESET)}。`,
    `年度：${years.join('，')}`,
    `县（市、区）：${listed(report.byCounty.map((entry) => ({ name: entry.county, count: entry.awarded })))}`,
    `学段：${listed(report.byStage.map((entry) => ({ name: entry.stage, count: entry.awarded })))}`,
    `申报类别：${listed(report.byCategory.map((entry) => ({ name: entry.category, count: entry.awarded })))}`,
    `${report.level === '县级' ? '县级' : '市级'}工作室：${report.studiosByStage.map((entry) => (entry.target === null ? `${entry.stage} ${entry.studios}` : `${entry.stage} ${entry.studios}/${entry.target}`)).join('，') || '无'}`,
  ];
  return lines.join('\n');
}
