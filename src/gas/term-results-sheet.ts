/**
 * 任期考核 on a nomination sheet (六（二）): lists the rows whose term has ended (or ends within 60
 * days) without a 任期考核结果, reading the sheet once; and records a result on chosen rows under the
 * document lock the way advance moves rows — one read, only the recorded rows' 任期考核结果, 任期考核日期
 * and 最后操作 written (in blocks of adjacent rows), one 操作记录 row per row appended in one call.
 */
import type { CalendarDate } from '../domain/calendar-date';
import type { HeaderMatch } from '../domain/nomination/headers';
import { countyOf } from '../domain/nomination/values';
import type { Preset } from '../domain/presets';
import { outsideDataRows } from '../domain/row-range';
import { lastActionNote } from '../domain/workflow/records';
import { listedWithoutRole, readPermissions, rolesOf } from '../domain/workflow/roles';
import { readState } from '../domain/workflow/states';
import {
  readTermAssessment,
  readTermAssessmentDate,
  termDateRefusal,
  termEndOf,
  termResultDue,
  termResultNote,
  termResultRefusal,
  TERM_DATE_COLUMN,
  TERM_RESULT_COLUMN,
  type TermAssessment,
  type TermRowFacts,
} from '../domain/workflow/term-results';
import { appendLog } from './audit-log';
import { instantOfCalendarDate } from './cell-dates';
import { addOutputColumns } from './column-layout';
import { underDocumentLock } from './document-lock';
import { readSelectionLevelSetting } from './settings-sheet';
import { domainCells, nominationHeader, readCells, requireSheet, textCell, todayIn, type NominationHeader } from './spreadsheet';
import { permissionCells, writeChanges } from './workflow-sheet';
import { dateOfCell } from '../domain/date-text';

/** The output columns a recording writes, in the order they are created when missing. */
const TERM_COLUMNS = [TERM_RESULT_COLUMN, TERM_DATE_COLUMN, '最后操作'] as const;
type TermColumn = (typeof TERM_COLUMNS)[number];

/** One row due for its result, as the listing and `--json` show it (never 身份证号 or 联系电话). */
export interface TermResultEntry {
  row: number;
  name: string;
  certificate: string;
  state: string;
  /** 认定日期, the term's first day ('' when it is not a date). */
  termStart: string;
  termEnd: string;
  /** '' when none is recorded; an unreadable value as typed (it is also reported). */
  result: string;
  resultDate: string;
}

/** Rows without a result: 任期届满 ones (missing) and 已认定 ones ending within 60 days (upcoming). */
export interface TermResultListing {
  sheet: string;
  today: string;
  missing: TermResultEntry[];
  upcoming: TermResultEntry[];
  problems: string[];
}

/** A recording asked for. */
export interface TermResultRequest {
  sheetName: string;
  rows: number[];
  result: TermAssessment;
  email: string;
  /** 任期考核日期; today in the spreadsheet's time zone when absent. */
  date?: CalendarDate;
  reason: string;
}

/** What happened to each row. */
export interface TermResultReport {
  recorded: { row: number; name: string; state: string; result: string; date: string; previous: string }[];
  refused: { row: number; message: string }[];
  /** Rows of 权限 that grant nothing, and columns created, for the official. */
  problems: string[];
}

/** The facts of one row: its state, county and 认定日期. */
function rowFacts(row: readonly unknown[], headers: HeaderMatch, preset: Preset): TermRowFacts {
  const cell = (column: number | undefined) => (column === undefined ? '' : row[column]);
  const stateCell = cell(headers.outputs['状态']);
  const award = cell(headers.outputs['认定日期']);
  const facts: TermRowFacts = {
    state: readState(stateCell),
    stateText: String(stateCell ?? '').trim(),
    county: countyOf(cell(headers.columns.county), preset) ?? '',
  };
  if (award !== '' && award !== null && award !== undefined) facts.awardDate = dateOfCell(award) ?? 'invalid';
  return facts;
}

/** A text cell as the listing shows it. */
function text(row: readonly unknown[], column: number | undefined): string {
  return column === undefined ? '' : String(row[column] ?? '').trim();
}

/** Lists the rows due for a result (reads the sheet once; writes nothing). */
export function listTermResults(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, sheetName: string, preset: Preset): TermResultListing {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const today = todayIn(timeZone);
  const sheet = requireSheet(spreadsheet, sheetName);
  const name = sheet.getName();
  const cells = readCells(sheet, timeZone);
  const { row: headerRow, headers } = nominationHeader(name, cells);
  const listing: TermResultListing = { sheet: name, today, missing: [], upcoming: [], problems: [] };
  const resultColumn = headers.outputs[TERM_RESULT_COLUMN];
  const dateColumn = headers.outputs[TERM_DATE_COLUMN];
  for (let rowNumber = headerRow + 1; rowNumber <= cells.length; rowNumber += 1) {
    const row = cells[rowNumber - 1] ?? [];
    const facts = rowFacts(row, headers, preset);
    const due = termResultDue(facts, today, preset.termYears);
    if (due === null) continue;
    const where = `${name}第${rowNumber}行`;
    const result = readTermAssessment(resultColumn === undefined ? '' : row[resultColumn], where, preset);
    if ('value' in result) {
      const date = readTermAssessmentDate(dateColumn === undefined ? '' : row[dateColumn], where);
      if ('problem' in date) listing.problems.push(date.problem);
      continue;
    }
    if ('problem' in result) listing.problems.push(result.problem);
    const entry: TermResultEntry = {
      row: rowNumber,
      name: text(row, headers.columns.name),
      certificate: text(row, headers.outputs['证书编号']),
      state: facts.state ?? facts.stateText,
      termStart: facts.awardDate === undefined || facts.awardDate === 'invalid' ? '' : facts.awardDate,
      termEnd: termEndOf(facts, preset.termYears) ?? '',
      result: text(row, resultColumn),
      resultDate: text(row, dateColumn),
    };
    (due === 'ended' ? listing.missing : listing.upcoming).push(entry);
  }
  return listing;
}

/**
 * Records a term-end result on the chosen rows under the document lock; every refused row says
 * why. When the lock cannot be had, throws DocumentBusyError having changed nothing.
 */
export function recordTermResults(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, request: TermResultRequest, preset: Preset): TermResultReport {
  return underDocumentLock(() => recordUnderLock(spreadsheet, request, preset));
}

function recordUnderLock(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, request: TermResultRequest, preset: Preset): TermResultReport {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const today = todayIn(timeZone);
  const date = request.date ?? today;
  const sheet = requireSheet(spreadsheet, request.sheetName);
  const sheetName = sheet.getName();
  const cells = domainCells(sheet.getDataRange().getValues(), timeZone);
  const header = nominationHeader(sheetName, cells);
  const { headers } = header;
  const countyWorkbook = readSelectionLevelSetting(spreadsheet) === '县级';
  const permissions = readPermissions(permissionCells(spreadsheet, timeZone), preset);
  const termRequest = {
    roles: rolesOf(permissions, request.email),
    email: request.email,
    listedWithoutRole: listedWithoutRole(permissions, request.email),
    countyWorkbook,
    today,
    termYears: preset.termYears,
  };
  const report: TermResultReport = { recorded: [], refused: [], problems: [...permissions.problems] };
  const columns = termColumns(sheet, header, cells[0]?.length ?? 0, report.problems);

  const changes = new Map<number, Partial<Record<TermColumn, unknown>>>();
  const logRows: unknown[][] = [];
  for (const rowNumber of [...new Set(request.rows)]) {
    const row = cells[rowNumber - 1];
    if (!row || rowNumber <= header.row) {
      report.refused.push({ row: rowNumber, message: outsideDataRows(header.row + 1, cells.length) });
      continue;
    }
    const facts = rowFacts(row, headers, preset);
    const refusal = termResultRefusal(facts, termRequest) ?? termDateRefusal(facts, date, preset.termYears);
    if (refusal !== null) {
      report.refused.push({ row: rowNumber, message: refusal });
      continue;
    }
    const where = `${sheetName}第${rowNumber}行`;
    const previousResult = readTermAssessment(row[columns[TERM_RESULT_COLUMN]], where, preset);
    const previous = 'value' in previousResult ? previousResult.value : text(row, columns[TERM_RESULT_COLUMN]);
    // Replacing a result already recorded changes what the next round reads (a 不合格 bars it): say why.
    if (previous !== '' && previous !== request.result && request.reason.trim() === '') {
      report.refused.push({ row: rowNumber, message: `已记录任期考核结果“${previous}”，改为“${request.result}”须写明理由（--reason，或菜单中的“说明”）` });
      continue;
    }
    const note = termResultNote(previous, request.result, date, '');
    // The three cells of every recorded row (as advance writes 状态 and 最后操作 of every moved row),
    // so adjacent rows make one block whatever they held; rows not recorded are never written.
    changes.set(rowNumber, {
      [TERM_RESULT_COLUMN]: request.result,
      [TERM_DATE_COLUMN]: instantOfCalendarDate(date, timeZone),
      最后操作: textCell(lastActionNote(today, request.email, note)),
    });
    const state = facts.state ?? facts.stateText;
    const name = text(row, headers.columns.name);
    logRows.push([new Date(), request.email, sheetName, rowNumber, name, state, state, termResultNote(previous, request.result, date, request.reason)]);
    report.recorded.push({ row: rowNumber, name, state, result: request.result, date, previous });
  }

  if (changes.size > 0) {
    writeChanges(sheet, columns, changes);
    appendLog(spreadsheet, logRows);
  }
  return report;
}

/** The 0-based column of each output a recording writes, creating missing ones at the right end. */
function termColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, header: NominationHeader, width: number, notes: string[]): Record<TermColumn, number> {
  const missing = TERM_COLUMNS.filter((column) => header.headers.outputs[column] === undefined);
  const added = addOutputColumns(sheet, header, width, missing).columns;
  const result = {} as Record<TermColumn, number>;
  for (const column of TERM_COLUMNS) {
    result[column] = header.headers.outputs[column] ?? (added[column] as number);
    if (column in added) notes.push(`已在第${(added[column] as number) + 1}列新建输出列“${column}”`);
  }
  return result;
}
