/**
 * 校验全部资格 on a nomination sheet: reads the sheet once (values and notes), evaluates every
 * non-empty row, then writes 资格审查 and 审查说明 in one batch and the cell notes in one batch. Only
 * the output columns and the add-on's own notes change; a person's notes are kept as they are.
 */
import { evaluateRow, isEmptyRow, type EligibilityResult } from '../domain/nomination/eligibility';
import { matchHeaders, NO_HEADER_ROW } from '../domain/nomination/headers';
import type { Preset } from '../domain/presets';
import { adjacentRuns, domainCell, ensureColumns } from './spreadsheet';

/** The prefix of every note the add-on writes, so it can find and replace its own notes. */
export const NOTE_PREFIX = '【资格审查】';

/** One checked row, as `banzhuren check --json` prints it. */
export interface CheckedRow {
  row: number;
  name: string;
  verdict: EligibilityResult['verdict'];
  findings: { rule: string; clause: string; verdict: string; message: string }[];
}

/** What a check did. */
export interface CheckReport {
  sheet: string;
  reviewDate: string;
  rows: CheckedRow[];
  counts: Record<string, number>;
  problems: string[];
}

/** Checks every row of a nomination sheet and writes the verdicts, reasons and notes. */
export function checkNominationSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, timeZone: string, reviewDate: string, preset: Preset): CheckReport {
  const dataRange = sheet.getDataRange();
  const values = dataRange.getValues();
  const headerRow = (values[0] ?? []).map((cell) => domainCell(cell, timeZone));
  const headers = matchHeaders(headerRow);
  if (!headers.found) throw new Error(`工作表“${sheet.getName()}”：${NO_HEADER_ROW}`);
  const report: CheckReport = { sheet: sheet.getName(), reviewDate, rows: [], counts: { 符合: 0, 不符合: 0, 待核实: 0 }, problems: [...headers.problems] };

  let width = headerRow.length;
  const outputColumns = { verdict: headers.outputs['资格审查'], explanation: headers.outputs['审查说明'] };
  const newHeaders: string[] = [];
  if (outputColumns.verdict === undefined) {
    outputColumns.verdict = width + newHeaders.length;
    newHeaders.push('资格审查');
  }
  if (outputColumns.explanation === undefined) {
    outputColumns.explanation = width + newHeaders.length;
    newHeaders.push('审查说明');
  }
  if (newHeaders.length > 0) {
    ensureColumns(sheet, width + newHeaders.length);
    sheet.getRange(1, width + 1, 1, newHeaders.length).setValues([newHeaders]);
    width += newHeaders.length;
  }

  const dataRows = values.length - 1;
  const notes = dataRows > 0 ? dataRange.getNotes() : [];
  const verdicts: string[] = [];
  const explanations: string[] = [];
  const newNotes = notes.map((row) => [...row]);
  let notesChanged = false;
  for (let index = 1; index < values.length; index += 1) {
    const row = (values[index] ?? []).map((cell) => domainCell(cell, timeZone));
    const noteRow = newNotes[index] ?? [];
    const cellNotes = new Map<number, string>();
    if (isEmptyRow(row, headers)) {
      verdicts.push('');
      explanations.push('');
    } else {
      const result = evaluateRow(headers, row, { reviewDate, preset, rowNumber: index + 1 });
      verdicts.push(result.verdict);
      explanations.push(result.explanation);
      report.counts[result.verdict] = (report.counts[result.verdict] ?? 0) + 1;
      report.rows.push({
        row: index + 1,
        name: typeof row[headers.columns.name ?? -1] === 'string' ? String(row[headers.columns.name ?? -1]).trim() : '',
        verdict: result.verdict,
        findings: result.findings.map(({ rule, clause, verdict, message }) => ({ rule, clause, verdict, message })),
      });
      for (const problem of result.problems) cellNotes.set(problem.column, `${NOTE_PREFIX}${problem.message}`);
    }
    for (let column = 0; column < noteRow.length; column += 1) {
      const updated = mergeNote(noteRow[column] ?? '', cellNotes.get(column));
      if (updated !== noteRow[column]) {
        noteRow[column] = updated;
        notesChanged = true;
      }
    }
  }

  if (dataRows > 0) {
    writeColumns(sheet, dataRows, [
      { column: outputColumns.verdict, values: verdicts },
      { column: outputColumns.explanation, values: explanations },
    ]);
    if (notesChanged) dataRange.setNotes(newNotes);
  }
  return report;
}

/** A cell's note with the add-on's part replaced: a person's own text stays first, untouched. */
export function mergeNote(existing: string, ours: string | undefined): string {
  const personal = existing.startsWith(NOTE_PREFIX) ? '' : existing.split(`\n${NOTE_PREFIX}`)[0] ?? '';
  if (!ours) return personal;
  return personal ? `${personal}\n${ours}` : ours;
}

/**
 * Writes output columns for rows 2…: adjacent columns go out in one setValues call, so the usual
 * layout (资格审查 then 审查说明) costs one write whatever the number of rows.
 */
function writeColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number, columns: { column: number; values: string[] }[]): void {
  const valuesOf = new Map(columns.map((entry) => [entry.column, entry.values]));
  for (const run of adjacentRuns([...valuesOf.keys()].sort((a, b) => a - b))) {
    const matrix = Array.from({ length: rows }, (_, row) => run.map((column) => valuesOf.get(column)?.[row] ?? ''));
    sheet.getRange(2, run[0]! + 1, rows, run.length).setValues(matrix);
  }
}
