/**
 * The 履职情况 sheet's content as data: a title, a line saying what the table means, the table
 * (one row per teacher and semester), then the 履职记录 rows that need a look and the cancellation
 * proposals. No ID number or phone number is ever part of it.
 */
import type { CalendarDate } from '../calendar-date';
import type { Preset } from '../presets';
import { SHEET_NAMES } from '../sheet-layouts';
import type { DutyReport, SemesterStatus } from './report';

/** The table's headers, in order. */
export const DUTY_REPORT_HEADERS = ['姓名', '证书编号', '状态', '学年', '学期', '读书', '讲座', '公开课', '帮带人数', '是否完成', '缺少'] as const;

/** The row (1-based) of the table's header in 履职情况. */
export const DUTY_REPORT_HEADER_ROW = 3;

/** How the sheet's first cell starts, which marks a 履职情况 sheet as the add-on's own. */
export const DUTY_REPORT_MARKER = `${SHEET_NAMES.dutyReport}（截至`;

/** 完成 / 未完成 for a finished semester; the open one says it is still running. */
export function completionText(status: SemesterStatus): string {
  if (status.open) return status.ok ? '已完成（本学期进行中）' : '进行中';
  return status.ok ? '完成' : '未完成';
}

/** The sheet's rows, all of the table's width (blank cells are ''). */
export function dutyReportRows(report: DutyReport, today: CalendarDate, preset: Preset): (string | number)[][] {
  const width = DUTY_REPORT_HEADERS.length;
  const line = (text: string): string[] => [text, ...Array<string>(width - 1).fill('')];
  const needs = Object.entries(preset.dutiesPerSemester).map(([kind, count]) => `${kind}≥${count}`).join('、');
  const rows: (string | number)[][] = [
    line(`${DUTY_REPORT_MARKER} ${today}）`),
    line(
      `列出状态为“已认定”和“任期届满”的人员（任期届满者列到任期届满所在学期，供任期考核）。` +
        `每学期须${needs}（五（二）–（四）），每学年帮带不少于${preset.menteesPerYear}名教师（五（五），第二学期末核算）；` +
        `帮带人数为本学年截至该学期的不同帮带对象数（一格可填多名，用“、”分隔；姓名中的空格不计）。本表由“生成履职情况”生成，重新生成会覆盖本表。`,
    ),
    [...DUTY_REPORT_HEADERS],
  ];
  for (const status of report.semesters) {
    rows.push([
      status.name,
      status.certificate,
      status.state,
      status.schoolYear,
      status.semester,
      status.books,
      status.lectures,
      status.openClasses,
      status.mentees,
      completionText(status),
      status.missing.join('、'),
    ]);
  }
  if (report.semesters.length === 0) rows.push(line('（没有状态为“已认定”或“任期届满”且有认定日期的人员）'));
  if (report.notices.length > 0) {
    rows.push(line(''), line(`需要核对的记录（${report.notices.length} 条，未计入或按说明计入）：`), ...report.notices.map(line));
  }
  if (report.proposals.length > 0) {
    rows.push(line(''), line(`取消资格建议（${report.proposals.length} 条，仅为建议，是否取消由市级决定）：`), ...report.proposals.map(line));
  }
  return rows;
}
