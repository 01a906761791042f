/**
 * Moving nomination rows through the review workflow (SPEC §4) under the document lock: read the
 * sheet once, decide every row (src/domain/workflow), write only the changed output cells, in blocks,
 * append one 操作记录 row per change in one call, flush, release. Certificate numbers come from a
 * per-year counter in the document properties that only ever goes up.
 */
import { partsOf, type CalendarDate } from '../domain/calendar-date';
import type { HeaderMatch } from '../domain/nomination/headers';
import { disqualificationInReason } from '../domain/nomination/values';
import type { Preset } from '../domain/presets';
import { outsideDataRows } from '../domain/row-range';
import { SHEET_NAMES } from '../domain/sheet-layouts';
import { termEnd } from '../domain/term';
import { decideMove, type MoveRequest } from '../domain/workflow/moves';
import { readRowFacts } from '../domain/workflow/row-facts';
import { certificateSequence, formatCertificateNumber, lastActionText, publicityPeriodText } from '../domain/workflow/records';
import { listedWithoutRole, readPermissions, rolesOf } from '../domain/workflow/roles';
import { readState, type State } from '../domain/workflow/states';
import { personKey } from '../domain/workflow/term-results';
import { appendLog, LOG_HEADERS } from './audit-log';
import { readTermHistory } from './eligibility-sheet';
import { underDocumentLock } from './document-lock';
import { instantOfCalendarDate } from './cell-dates';
import { readWorkingDayCalendar } from './holiday-sheet';
import { readSettings } from './settings-sheet';
import { addOutputColumns } from './column-layout';
import { adjacentRuns, domainCells, nominationHeader, readCells, requireSheet, textCell, todayIn, type NominationHeader } from './spreadsheet';
import { dateOfCell } from '../domain/date-text';

/** The output columns a move may write, in the order they are created when missing. */
const WORKFLOW_COLUMNS = ['状态', '公示开始', '公示截止', '认定日期', '证书编号', '最后操作'] as const;
type WorkflowColumn = (typeof WORKFLOW_COLUMNS)[number];

const COUNTER_PROPERTY = 'banzhuren.certificateSequence.';

/** Which rows to move: listed row numbers, or every row whose term has ended (the daily job). */
export type RowChoice = { rows: number[] } | { termExpired: true };

/** A move to make on some rows. */
export interface AdvanceRequest {
  sheetName: string;
  choice: RowChoice;
  to: State;
  by: 'person' | 'dailyJob';
  email: string;
  reason: string;
  start?: CalendarDate;
}

/** What happened to each row. */
export interface AdvanceReport {
  moved: { row: number; name: string; from: State; to: State }[];
  refused: { row: number; message: string }[];
  /** Rows of 权限 that grant nothing (blank or unknown role, invalid email), each naming its row. */
  problems: string[];
}

/**
 * Moves rows under the document lock; every refused row says why. When the lock cannot be had,
 * throws DocumentBusyError having changed nothing.
 */
export function advanceRows(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, request: AdvanceRequest, preset: Preset): AdvanceReport {
  return advanceRowsLogged(spreadsheet, request, preset).report;
}

/** advanceRows, also giving the 操作记录 rows it appended (时间 as the Date written), for the sidebar. */
export function advanceRowsLogged(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, request: AdvanceRequest, preset: Preset): { report: AdvanceReport; logged: unknown[][] } {
  return underDocumentLock(() => moveUnderLock(spreadsheet, request, preset));
}

function moveUnderLock(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, request: AdvanceRequest, preset: Preset): { report: AdvanceReport; logged: unknown[][] } {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const today = todayIn(timeZone);
  const sheet = requireSheet(spreadsheet, request.sheetName);
  const sheetName = sheet.getName();
  const values = sheet.getDataRange().getValues();
  const cells = domainCells(values, timeZone);
  const header = nominationHeader(sheetName, cells);
  const headers = header.headers;
  // Everything that can stop the move is checked before the first write (output headers included).
  const pattern = request.to === '已认定' ? certificatePattern(spreadsheet, preset) : undefined;
  const certificates = pattern !== undefined ? certificateCounter(pattern, today, cells, headers) : undefined;
  const columns = outputColumns(sheet, header, cells[0]?.length ?? 0);

  const permissions = request.by === 'person' ? readPermissions(permissionCells(spreadsheet, timeZone), preset) : undefined;
  const roles = permissions ? rolesOf(permissions, request.email) : [];
  const calendar = request.to === '公示中' ? readWorkingDayCalendar(spreadsheet) : undefined;

  const report: AdvanceReport = { moved: [], refused: [], problems: permissions?.problems ?? [] };
  const changes = new Map<number, Partial<Record<WorkflowColumn, unknown>>>();
  const logRows: unknown[][] = [];
  const disqualificationItem = disqualificationInReason(request.reason);
  // 六（二）: a returning teacher's 上届考核结果 may be a result recorded on another row, or on 推荐名单 (as check reads it).
  const history = readTermHistory(spreadsheet, { name: sheetName, firstRow: header.row + 1, lastRow: cells.length, headers, cellAt: (row, column) => cells[row - 1]?.[column] }, timeZone, preset, []);
  for (const rowNumber of chosenRows(request.choice, cells, header, today, preset.termYears)) {
    const row = cells[rowNumber - 1];
    if (!row || rowNumber <= header.row) {
      report.refused.push({ row: rowNumber, message: outsideDataRows(header.row + 1, cells.length) });
      continue;
    }
    const person = headers.columns.idNumber === undefined ? null : personKey(row[headers.columns.idNumber]);
    const facts = readRowFacts(row, headers, { state: columns['状态'], publicityEnd: columns['公示截止'], awardDate: columns['认定日期'] }, { reviewDate: today, preset, otherTerms: history.otherTerms(person, rowNumber) });
    const moveRequest: MoveRequest = { to: request.to, by: request.by, roles, email: request.email, listedWithoutRole: permissions ? listedWithoutRole(permissions, request.email) : false, reason: request.reason, start: request.start, disqualificationItem, today };
    const decision = decideMove(facts, moveRequest);
    if (!decision.ok) {
      report.refused.push({ row: rowNumber, message: decision.message });
      continue;
    }
    const from = facts.state as State;
    const name = String(row[headers.columns.name ?? -1] ?? '').trim();
    const change: Partial<Record<WorkflowColumn, unknown>> = { 状态: request.to, 最后操作: textCell(lastActionText(today, request.email, from, request.to)) };
    let note = request.reason.trim();
    if (request.by === 'dailyJob' && facts.termEnd !== undefined && facts.termEnd !== 'invalid') {
      note = [`每日定时任务：任期至 ${facts.termEnd}，已届满`, note].filter(Boolean).join('；');
    }
    if (decision.move.effect === 'publicityPeriod' && request.start && calendar) {
      const end = calendar.publicityEnd(request.start, preset.publicityDays);
      change['公示开始'] = instantOfCalendarDate(request.start, timeZone);
      change['公示截止'] = instantOfCalendarDate(end, timeZone);
      note = [publicityPeriodText(request.start, end, preset.publicityDays), note].filter(Boolean).join('；');
    }
    if (decision.move.effect === 'award' && certificates) {
      change['认定日期'] = instantOfCalendarDate(today, timeZone);
      const number = certificates.next();
      change['证书编号'] = textCell(number);
      note = [`证书编号 ${number}`, note].filter(Boolean).join('；');
    }
    changes.set(rowNumber, change);
    logRows.push([new Date(), request.email, sheetName, rowNumber, name, from, request.to, note]);
    report.moved.push({ row: rowNumber, name, from, to: request.to });
  }

  if (changes.size > 0) {
    // Nothing below may fail on the data: a text too long for a cell stops the move before the first write.
    const tooLong = tooLongText(changes, logRows);
    if (tooLong !== '') throw new Error(`${tooLong}（本次没有做任何修改）`);
    try {
      writeChanges(sheet, columns, changes);
      certificates?.save();
    } finally {
      // Once a cell may have changed, 操作记录 gets its lines whatever happened.
      appendLog(spreadsheet, logRows);
    }
  }
  return { report, logged: logRows };
}

/** The most characters one cell may hold in both homes of the workbook (Sheets 50,000; .xlsx 32,767). */
export const CELL_TEXT_LIMIT = 32767;

/** Which text of a move would not fit in its cell ('' when all fit), naming the row and column. */
function tooLongText(changes: Map<number, Partial<Record<WorkflowColumn, unknown>>>, logRows: unknown[][]): string {
  const over = (value: unknown) => typeof value === 'string' && value.replace(/^'/, '').length > CELL_TEXT_LIMIT;
  for (const [row, change] of changes) {
    for (const [column, value] of Object.entries(change)) {
      if (over(value)) return `第${row}行的“${column}”将有 ${String(value).replace(/^'/, '').length} 个字符，超过一个单元格最多的 ${CELL_TEXT_LIMIT} 个`;
    }
  }
  for (const logRow of logRows) {
    const index = logRow.findIndex(over);
    if (index >= 0) return `第${String(logRow[3])}行的操作记录“${LOG_HEADERS[index]}”将有 ${String(logRow[index]).length} 个字符，超过一个单元格最多的 ${CELL_TEXT_LIMIT} 个`;
  }
  return '';
}

/** The rows a choice names: listed ones (each once, in order), or those whose term has ended. */
function chosenRows(choice: RowChoice, cells: unknown[][], { row: headerRow, headers }: NominationHeader, today: CalendarDate, termYears: number): number[] {
  if ('rows' in choice) return [...new Set(choice.rows)];
  const stateColumn = headers.outputs['状态'];
  const awardColumn = headers.outputs['认定日期'];
  if (stateColumn === undefined || awardColumn === undefined) return [];
  const rows: number[] = [];
  cells.forEach((row, index) => {
    const award = dateOfCell(row[awardColumn]);
    if (index >= headerRow && readState(row[stateColumn]) === '已认定' && award !== null && termEnd(award, termYears) < today) rows.push(index + 1);
  });
  return rows;
}

/** The 0-based column of each workflow output, creating missing ones at the right end of the header row. */
function outputColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, header: NominationHeader, width: number): Record<WorkflowColumn, number> {
  const missing = WORKFLOW_COLUMNS.filter((column) => header.headers.outputs[column] === undefined);
  const added = addOutputColumns(sheet, header, width, missing).columns;
  const result = {} as Record<WorkflowColumn, number>;
  for (const column of WORKFLOW_COLUMNS) {
    result[column] = header.headers.outputs[column] ?? (added[column] as number);
  }
  return result;
}

/**
 * Writes only the cells that change, so a formula, a link or a typed value in a row between two
 * moved rows is never rewritten: one setValues per block of adjacent moved rows × adjacent output
 * columns they change. Moving rows 3–502 to one state costs as many calls as moving row 3 (one per
 * run of adjacent columns, two for most moves); moving rows 2, 4 and 6 costs three times that.
 */
export function writeChanges<Column extends string>(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  columns: Record<Column, number>,
  changes: Map<number, Partial<Record<Column, unknown>>>,
): void {
  interface Block {
    firstRow: number;
    lastRow: number;
    run: number[];
    values: unknown[][];
  }
  const blocks: Block[] = [];
  const open = new Map<string, Block>();
  for (const rowNumber of [...changes.keys()].sort((a, b) => a - b)) {
    const change = changes.get(rowNumber)!;
    const columnAt = new Map((Object.keys(change) as Column[]).map((column) => [columns[column], column]));
    for (const run of adjacentRuns([...columnAt.keys()].sort((a, b) => a - b))) {
      const key = run.join(',');
      const row = run.map((index) => change[columnAt.get(index)!]);
      const block = open.get(key);
      if (block && block.lastRow === rowNumber - 1) {
        block.lastRow = rowNumber;
        block.values.push(row);
      } else {
        const next = { firstRow: rowNumber, lastRow: rowNumber, run, values: [row] };
        blocks.push(next);
        open.set(key, next);
      }
    }
  }
  for (const { firstRow, run, values } of blocks) {
    sheet.getRange(firstRow, run[0]! + 1, values.length, run.length).setValues(values);
  }
}

/** The 权限 sheet for the domain, or no rows when it is missing. */
export function permissionCells(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, timeZone: string): unknown[][] {
  const sheet = spreadsheet.getSheetByName(SHEET_NAMES.permissions);
  return sheet ? readCells(sheet, timeZone) : [];
}

/** 设置's 证书编号格式 (else the preset's); an unusable one stops the move with a message naming it. */
function certificatePattern(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, preset: Preset): string {
  const settings = readSettings(spreadsheet);
  if (settings.certificatePatternProblem !== undefined) throw new Error(settings.certificatePatternProblem);
  return settings.certificatePattern ?? preset.certificatePattern;
}

/**
 * The next certificate numbers of this year: after the larger of the stored counter and any
 * number of this year already in the sheet, so a number once given is never given again.
 */
function certificateCounter(pattern: string, today: CalendarDate, cells: unknown[][], headers: HeaderMatch) {
  const year = partsOf(today).year;
  const properties = PropertiesService.getDocumentProperties();
  const key = `${COUNTER_PROPERTY}${year}`;
  const stored = properties.getProperty(key) ?? '0';
  let last = Number(stored);
  if (!Number.isSafeInteger(last) || last < 0) {
    throw new Error(`文档属性中${year}年的证书流水号“${stored}”无效，无法继续编号；本次没有做任何修改，请联系管理员`);
  }
  const column = headers.outputs['证书编号'];
  if (column !== undefined) {
    cells.forEach((row, index) => {
      const text = String(row[column] ?? '');
      const sequence = certificateSequence(pattern, year, text);
      if (sequence === null) return;
      if (!Number.isSafeInteger(sequence + 1)) {
        throw new Error(`第${index + 1}行的证书编号“${text}”流水号过大，无法接着编号；请更正该证书编号后重试（本次没有做任何修改）`);
      }
      if (sequence > last) last = sequence;
    });
  }
  return {
    next(): string {
      last += 1;
      return formatCertificateNumber(pattern, year, last);
    },
    save(): void {
      properties.setProperty(key, String(last));
    },
  };
}
