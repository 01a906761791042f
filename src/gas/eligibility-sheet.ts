/**
 * 校验全部资格 on a nomination sheet: reads the sheet once (values and notes), finds the header row
 * (title rows above it are left alone), collects the 任期考核结果 recorded on its rows by 身份证号
 * (六（二）: a returning teacher's 上届考核结果), evaluates every non-empty row below it, then writes
 * 资格审查, 审查说明 and 优先推荐 in one batch and the cell notes in one batch, each down to the last
 * row it changes. Only the output columns and the add-on's own notes change; a person's notes are
 * kept as they are.
 */
import { evaluateRow, isEmptyRow, type EligibilityResult } from '../domain/nomination/eligibility';
import { HEADER_SEARCH_ROWS } from '../domain/nomination/headers';
import type { HeaderMatch } from '../domain/nomination/headers';
import type { Preset } from '../domain/presets';
import { fieldOf, type OutputColumn } from '../domain/nomination/fields';
import { readCell } from '../domain/nomination/values';
import { SHEET_NAMES } from '../domain/sheet-layouts';
import { collectTermResults, FLAG_SEPARATOR, PRIORITY_COLUMN, PRIORITY_FLAGS, personKey, termResultColumnsOf, TermResultHistory, type TermAssessment } from '../domain/workflow/term-results';
import { addOutputColumns } from './column-layout';
import { adjacentRuns, domainCell, domainCells, nominationHeader, NoHeaderRowError } from './spreadsheet';

/** The prefix of every note the add-on writes, so it can find and replace its own notes. */
export const NOTE_PREFIX = '【资格审查】';

/** One checked row, as `banzhuren check --json` prints it. */
export interface CheckedRow {
  row: number;
  name: string;
  verdict: EligibilityResult['verdict'];
  findings: { rule: string; clause: string; verdict: string; message: string }[];
  /** 六（二）'s flags written to 优先推荐: 优先推荐, 优先推荐省级. */
  flags: string[];
}

/** What a check did. */
export interface CheckReport {
  sheet: string;
  reviewDate: string;
  rows: CheckedRow[];
  counts: Record<string, number>;
  /** Rows given 优先推荐 (六（二）). */
  flagged: number;
  problems: string[];
}

/** Checks every row below the header row and writes the verdicts, reasons and notes. */
export function checkNominationSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, timeZone: string, reviewDate: string, preset: Preset): CheckReport {
  const dataRange = sheet.getDataRange();
  const values = dataRange.getValues();
  const header = nominationHeader(sheet.getName(), values.slice(0, HEADER_SEARCH_ROWS).map((row) => row.map((cell) => domainCell(cell, timeZone))));
  const { headers } = header;
  const report: CheckReport = { sheet: sheet.getName(), reviewDate, rows: [], counts: { 符合: 0, 不符合: 0, 待核实: 0 }, flagged: 0, problems: [...headers.problems] };

  const width = values[0]?.length ?? 0;
  const firstDataRow = header.row + 1;
  const history = readTermHistory(
    sheet.getParent(),
    { name: report.sheet, firstRow: firstDataRow, lastRow: values.length, headers, cellAt: (row, column) => domainCell(values[row - 1]?.[column], timeZone) },
    timeZone,
    preset,
    report.problems,
  );
  // 优先推荐 is created only on a sheet where a flag can arise (a recorded result, or a typed
  // 上届考核结果 of 合格 or better): an older sheet with no returning teacher keeps its columns.
  const flagsPossible = history.size > 0 || mayFlag(values, firstDataRow, headers, preset);
  const wanted: OutputColumn[] = flagsPossible ? ['资格审查', '审查说明', PRIORITY_COLUMN] : ['资格审查', '审查说明'];
  const missing = wanted.filter((output) => headers.outputs[output] === undefined);
  const added = addOutputColumns(sheet, header, width, missing);
  report.problems.push(...added.notes);
  const outputColumns = {
    verdict: headers.outputs['资格审查'] ?? (added.columns['资格审查'] as number),
    explanation: headers.outputs['审查说明'] ?? (added.columns['审查说明'] as number),
    flags: headers.outputs[PRIORITY_COLUMN] ?? added.columns[PRIORITY_COLUMN],
  };

  // Only the rows below the header row are data; the rows above it (titles) are never touched.
  // The work follows the rows that hold something: a blank row (a stray cell far below the list
  // makes a million of them) is recognised on its raw values, its outputs are blank, and the writes
  // stop at the last row whose outputs or notes change.
  const dataRows = values.length - header.row;
  const notes = dataRows > 0 ? sheet.getRange(firstDataRow, 1, dataRows, width).getNotes() : [];
  const verdicts: string[] = [];
  const explanations: string[] = [];
  const flagTexts: string[] = [];
  let outputRows = 0;
  let noteRows = 0;
  for (let offset = 0; offset < dataRows; offset += 1) {
    const rowNumber = firstDataRow + offset;
    const cells = values[rowNumber - 1] ?? [];
    const noteRow = notes[offset] ?? [];
    const cellNotes = new Map<number, string>();
    // A row of nothing at all needs no closer look; one with only spaces or FALSE is blank as before.
    const row = cells.every((cell) => cell === '') || isEmptyRow(cells, headers) ? undefined : cells.map((cell) => domainCell(cell, timeZone));
    if (!row || isEmptyRow(row, headers)) {
      verdicts.push('');
      explanations.push('');
      flagTexts.push('');
    } else {
      const person = headers.columns.idNumber === undefined ? null : personKey(row[headers.columns.idNumber]);
      const result = evaluateRow(headers, row, { reviewDate, preset, rowNumber, otherTerms: history.otherTerms(person, rowNumber) });
      verdicts.push(result.verdict);
      explanations.push(result.explanation);
      flagTexts.push(result.flags.join(FLAG_SEPARATOR));
      if (result.flags.length > 0) report.flagged += 1;
      report.counts[result.verdict] = (report.counts[result.verdict] ?? 0) + 1;
      report.rows.push({
        row: rowNumber,
        name: typeof row[headers.columns.name ?? -1] === 'string' ? String(row[headers.columns.name ?? -1]).trim() : '',
        verdict: result.verdict,
        findings: result.findings.map(({ rule, clause, verdict, message }) => ({ rule, clause, verdict, message })),
        flags: result.flags,
      });
      for (const problem of result.problems) cellNotes.set(problem.column, `${NOTE_PREFIX}${problem.message}`);
    }
    // A row is written while it gets an output or still shows one (a verdict left in a row that
    // became blank is cleared, as before); below the last such row every output is already blank.
    const flagCell = outputColumns.flags === undefined ? '' : cells[outputColumns.flags];
    if (verdicts[offset] !== '' || explanations[offset] !== '' || flagTexts[offset] !== '' || !isBlankOutput(cells[outputColumns.verdict]) || !isBlankOutput(cells[outputColumns.explanation]) || !isBlankOutput(flagCell)) {
      outputRows = offset + 1;
    }
    for (let column = 0; column < noteRow.length; column += 1) {
      const existing = noteRow[column] ?? '';
      const ours = cellNotes.get(column);
      if (existing === '' && ours === undefined) continue;
      const updated = mergeNote(existing, ours);
      if (updated !== noteRow[column]) {
        noteRow[column] = updated;
        noteRows = offset + 1;
      }
    }
  }

  if (dataRows > 0) {
    // One write of the outputs even when no row needs one, so the calls made do not depend on the data.
    const rows = Math.max(outputRows, 1);
    writeColumns(sheet, firstDataRow, rows, [
      { column: outputColumns.verdict, values: verdicts.slice(0, rows) },
      { column: outputColumns.explanation, values: explanations.slice(0, rows) },
      ...(outputColumns.flags === undefined ? [] : [{ column: outputColumns.flags, values: flagTexts.slice(0, rows) }]),
    ]);
    if (noteRows > 0) sheet.getRange(firstDataRow, 1, noteRows, width).setNotes(notes.slice(0, noteRows));
  }
  return report;
}

/** The sheet being checked, already read. */
export interface CheckedSheet {
  name: string;
  firstRow: number;
  lastRow: number;
  headers: HeaderMatch;
  /** A domain cell of the sheet (1-based row, 0-based column). */
  cellAt: (row: number, column: number) => unknown;
}

/**
 * The 任期考核结果 a check (and advance's eligibility check) reads for a returning teacher: those on
 * the checked sheet's rows and, when that sheet is not 推荐名单, those on 推荐名单 too. The results
 * are recorded on the awarded teachers' rows, which stay on 推荐名单, while a later round may be
 * kept on a sheet of its own (2026推荐名单): without them a returning 不合格 would pass. That is one
 * more getValues of 推荐名单 whatever its number of rows; a 推荐名单 without a header row adds a
 * problem and nothing else.
 */
export function readTermHistory(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  checked: CheckedSheet,
  timeZone: string,
  preset: Preset,
  problems: string[],
): TermResultHistory {
  const history = new TermResultHistory();
  const main = checked.name === SHEET_NAMES.nominations ? null : spreadsheet.getSheetByName(SHEET_NAMES.nominations);
  if (main) {
    const cells = domainCells(main.getDataRange().getValues(), timeZone);
    try {
      const { row, headers } = nominationHeader(SHEET_NAMES.nominations, cells);
      const cellAt = (rowNumber: number, column: number) => cells[rowNumber - 1]?.[column];
      collectTermResults(row + 1, cells.length, cellAt, termResultColumnsOf(headers), SHEET_NAMES.nominations, preset, problems, { into: history, otherSheet: true });
    } catch (error) {
      if (!(error instanceof NoHeaderRowError)) throw error;
      problems.push(`${error.message}：未读取其中的任期考核结果`);
    }
  }
  collectTermResults(checked.firstRow, checked.lastRow, checked.cellAt, termResultColumnsOf(checked.headers), checked.name, preset, problems, { into: history });
  return history;
}

/** Whether some row's typed 上届考核结果 is 合格 or better (so 优先推荐 may be written). */
function mayFlag(values: readonly (readonly unknown[])[], firstDataRow: number, headers: HeaderMatch, preset: Preset): boolean {
  const column = headers.columns.lastTermResult;
  if (column === undefined) return false;
  const field = fieldOf('lastTermResult');
  for (let rowNumber = firstDataRow; rowNumber <= values.length; rowNumber += 1) {
    const cell = values[rowNumber - 1]?.[column];
    if (cell === '' || cell === null || cell === undefined) continue;
    const read = readCell(field, cell, preset);
    if ('value' in read && (PRIORITY_FLAGS[read.value as TermAssessment]?.length ?? 0) > 0) return true;
  }
  return false;
}

/** Whether an output cell already shows nothing, so writing '' into it changes nothing. */
function isBlankOutput(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

/** A cell's note with the add-on's part replaced: a person's own text stays first, untouched. */
export function mergeNote(existing: string, ours: string | undefined): string {
  const personal = existing.startsWith(NOTE_PREFIX) ? '' : existing.split(`\n${NOTE_PREFIX}`)[0] ?? '';
  if (!ours) return personal;
  return personal ? `${personal}\n${ours}` : ours;
}

/**
 * Writes output columns for the data rows from `firstRow`: adjacent columns go out in one setValues
 * call, so the usual layout (资格审查 then 审查说明) costs one write whatever the number of rows.
 */
function writeColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, firstRow: number, rows: number, columns: { column: number; values: string[] }[]): void {
  const valuesOf = new Map(columns.map((entry) => [entry.column, entry.values]));
  for (const run of adjacentRuns([...valuesOf.keys()].sort((a, b) => a - b))) {
    const matrix = Array.from({ length: rows }, (_, row) => run.map((column) => valuesOf.get(column)?.[row] ?? ''));
    sheet.getRange(firstRow, run[0]! + 1, rows, run.length).setValues(matrix);
  }
}
