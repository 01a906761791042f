/**
 * The 履职情况 sheet (五（二）–（五）, 六（四）5): reads the nomination sheet, 履职记录 and 设置 once
 * each, computes the report (src/domain/duties), and writes the generated sheet in one batched
 * write — cleared and rewritten only when its content changed. The caller holds the document lock
 * (runDutyReport takes it before it touches the spreadsheet at all). readDutyReport computes the
 * same report for the sidebar without writing, its proposals worded for the sidebar.
 */
import { dutyReport, type DutyReport, type ProposalReader } from '../domain/duties/report';
import { dutyReportRows, DUTY_REPORT_HEADER_ROW, DUTY_REPORT_MARKER } from '../domain/duties/report-sheet';
import { readLedger } from '../domain/duties/ledger';
import { semesterStartsOf, type SemesterStarts, type SettingCell } from '../domain/duties/semesters';
import { awardedTeachers } from '../domain/duties/teachers';
import type { Preset } from '../domain/presets';
import { SETTING_KEYS, SHEET_NAMES } from '../domain/sheet-layouts';
import { calendarDateOfInstant, isDateValue } from './cell-dates';
import { generatedSheet } from './generated-sheet';
import { ensureColumns, ensureRows, nominationHeader, readCells, requireSheet, textCell, todayIn } from './spreadsheet';

/** The report, the sheet written and whether anything in it changed. */
export interface DutySheetReport extends DutyReport {
  sheet: string;
  today: string;
  changed: boolean;
}

/** 履职记录 is missing (the workbook was set up before it existed): nothing was written. */
export class MissingLedgerError extends Error {
  override name = 'MissingLedgerError';
  constructor() {
    super(`找不到工作表“${SHEET_NAMES.dutyLedger}”：请先在菜单中运行“初始化表格”（或 banzhuren init）创建它，再按活动逐行填写履职记录`);
  }
}

/** 履职记录 has no usable header row: nothing was written (every duty would seem missed). */
export class LedgerHeaderError extends Error {
  override name = 'LedgerHeaderError';
}

/** Computes the duty report from `nominationSheet` and writes 履职情况; call it under underDocumentLock. */
export function writeDutyReport(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  nominationSheet: string,
  preset: Preset,
  todayOverride?: string,
): DutySheetReport {
  const { report, today } = computeDutyReport(spreadsheet, nominationSheet, preset, 'commands', todayOverride);
  const changed = writeReportSheet(spreadsheet, dutyReportRows(report, today, preset));
  return { ...report, sheet: SHEET_NAMES.dutyReport, today, changed };
}

/** The sidebar's 履职: the duty report computed without writing, its proposals saying what to do in the sidebar. */
export function readDutyReport(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  nominationSheet: string,
  preset: Preset,
  todayOverride?: string,
): { report: DutyReport; today: string } {
  return computeDutyReport(spreadsheet, nominationSheet, preset, 'sidebar', todayOverride);
}

/** The duty report computed from `nominationSheet`, 履职记录 and 设置 (each read once), writing nothing. */
function computeDutyReport(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  nominationSheet: string,
  preset: Preset,
  proposalsFor: ProposalReader,
  todayOverride?: string,
): { report: DutyReport; today: string } {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const today = todayOverride ?? todayIn(timeZone);
  const ledgerSheet = spreadsheet.getSheetByName(SHEET_NAMES.dutyLedger);
  if (!ledgerSheet) throw new MissingLedgerError();
  const starts = readSemesterStarts(spreadsheet, timeZone, preset);
  const source = requireSheet(spreadsheet, nominationSheet);
  const cells = readCells(source, timeZone);
  const { row: headerRow, headers } = nominationHeader(nominationSheet, cells);
  const teachers = awardedTeachers(cells, headerRow, headers);
  const ledger = readLedger(readCells(ledgerSheet, timeZone), starts, today, preset);
  if (ledger.problem !== undefined) throw new LedgerHeaderError(ledger.problem);
  const report = dutyReport({ teachers, entries: ledger.entries, ledgerNotices: ledger.notices, starts, today, preset, nominationSheet, proposalsFor });
  return { report, today };
}

/** 设置's semester starts (defaults from the preset when a row is missing or blank); a bad value is an error naming its row. */
export function readSemesterStarts(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, timeZone: string, preset: Preset): SemesterStarts {
  const sheet = spreadsheet.getSheetByName(SHEET_NAMES.settings);
  const found: Record<string, SettingCell> = {};
  if (sheet) {
    sheet
      .getDataRange()
      .getValues()
      .forEach((row, index) => {
        const key = String(row[0] ?? '').trim();
        if (key !== SETTING_KEYS.firstSemesterStart && key !== SETTING_KEYS.secondSemesterStart) return;
        // A month-day typed into Sheets may have become a date of some year: its month and day are meant.
        const value = row[1];
        const text = isDateValue(value) ? (Number.isNaN(value.getTime()) ? '无效日期' : calendarDateOfInstant(value, timeZone)) : String(value ?? '');
        found[key] = { row: index + 1, text };
      });
  }
  const starts = semesterStartsOf(
    found[SETTING_KEYS.firstSemesterStart],
    found[SETTING_KEYS.secondSemesterStart],
    preset.semesterStarts,
    { first: SETTING_KEYS.firstSemesterStart, second: SETTING_KEYS.secondSemesterStart },
  );
  if ('problem' in starts) throw new Error(starts.problem);
  return starts;
}

/**
 * Writes the rows into 履职情况 (created when missing): one getValues to compare, and when the
 * content differs, clear then one setValues; the title and header rows bold, the header frozen.
 */
function writeReportSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, rows: (string | number)[][]): boolean {
  const { sheet, values: current } = generatedSheet(spreadsheet, SHEET_NAMES.dutyReport, DUTY_REPORT_MARKER);
  const width = rows[0]?.length ?? 1;
  const same =
    current.length === rows.length &&
    current.every((row, index) => row.length === width && row.every((cell, column) => cell === rows[index]?.[column]));
  if (same) return false;
  sheet.clearContents();
  ensureColumns(sheet, width);
  ensureRows(sheet, rows.length);
  const cells = rows.map((row, index) => (index === 0 ? row : row.map((cell) => (typeof cell === 'string' ? textCell(cell) : cell))));
  sheet.getRange(1, 1, rows.length, width).setValues(cells);
  sheet.getRange(1, 1, 1, width).setFontWeight('bold');
  sheet.getRange(DUTY_REPORT_HEADER_ROW, 1, 1, width).setFontWeight('bold');
  if (sheet.getFrozenRows() !== DUTY_REPORT_HEADER_ROW) sheet.setFrozenRows(DUTY_REPORT_HEADER_ROW);
  return true;
}
