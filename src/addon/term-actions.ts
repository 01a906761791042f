/**
 * Menu action and server function of the term-end assessment (六（二）): runTermResults lists the rows
 * due for a 任期考核结果 or, given rows, records one as the active user (JSON-safe, for the CLI and
 * sidebar); the menu item asks with prompts, like 推进所选行…, on the selected rows.
 */
import { parseDateText } from '../domain/date-text';
import { TERM_ASSESSMENTS } from '../domain/nomination/fields';
import { DEFAULT_PRESET } from '../domain/presets';
import { readTermAssessment } from '../domain/workflow/term-results';
import { DocumentBusyError } from '../gas/document-lock';
import { requireActiveUserEmail, UnknownUserError } from '../gas/session';
import { activeSpreadsheet, todayIn } from '../gas/spreadsheet';
import { listTermResults, recordTermResults, type TermResultListing, type TermResultReport } from '../gas/term-results-sheet';
import { askText, selectedRowNumbers, showMessage } from '../gas/ui';
import { ArgumentError, nominationSheetName, onNominationSheet } from './sheet-choice';

/** What runTermResults is asked: nothing but the sheet to list; rows and a result to record. */
export interface TermResultOptions {
  rows?: number[];
  /** 优秀, 合格 or 不合格 (or an obvious spelling such as 优秀等次). */
  result?: string;
  /** 任期考核日期 'YYYY-MM-DD'; today in the spreadsheet's time zone when absent. */
  date?: string;
  reason?: string;
  sheet?: string;
}

/** The listing (no rows given) or what a recording did. */
export type TermResultOutcome = ({ mode: 'list' } & TermResultListing) | ({ mode: 'record' } & TermResultReport);

/** Lists the rows due for a 任期考核结果, or records one on the given rows as the active user. */
export function runTermResults(options: TermResultOptions = {}): TermResultOutcome {
  const spreadsheet = activeSpreadsheet();
  const sheetName = nominationSheetName(spreadsheet, options.sheet);
  if (options.rows === undefined || options.rows.length === 0) {
    if (options.result !== undefined || options.date !== undefined) throw new ArgumentError('记录任期考核结果须指定行号；不指定行号时只列出待考核的行');
    return { mode: 'list', ...onNominationSheet(() => listTermResults(spreadsheet, sheetName, DEFAULT_PRESET)) };
  }
  const read = readTermAssessment(options.result ?? '', '任期考核结果', DEFAULT_PRESET);
  if (!('value' in read)) throw new ArgumentError(`任期考核结果“${options.result ?? ''}”无效，应为${TERM_ASSESSMENTS.join('、')}之一`);
  const today = todayIn(spreadsheet.getSpreadsheetTimeZone());
  const date = options.date === undefined ? undefined : parseDateText(options.date);
  if (date === null) throw new ArgumentError(`任期考核日期“${options.date ?? ''}”无效，应为 YYYY-MM-DD`);
  if (date !== undefined && date > today) throw new ArgumentError(`任期考核日期 ${date} 晚于今天（${today}），考核结束后才能记录结果`);
  const report = onNominationSheet(() =>
    recordTermResults(
      spreadsheet,
      { sheetName, rows: options.rows ?? [], result: read.value, email: requireActiveUserEmail(), date, reason: options.reason ?? '' },
      DEFAULT_PRESET,
    ),
  );
  return { mode: 'record', ...report };
}

/** 菜单：记录任期考核结果…（按提示输入结果、考核日期和说明）, on the rows selected on a nomination sheet. */
export function recordTermResultsForSelectedRows(): void {
  const title = '记录任期考核结果';
  const selection = selectedRowNumbers({ verb: '记录任期考核结果', item: '记录任期考核结果…' });
  if ('problem' in selection) {
    showMessage(title, selection.problem);
    return;
  }
  const result = askText(title, `任期考核结果（${TERM_ASSESSMENTS.join('、')}）：`);
  if (result === null) return;
  const date = askText(title, '考核日期（YYYY-MM-DD，留空为今天）：');
  if (date === null) return;
  const reason = askText(title, '说明（可留空，如考核文件编号）：');
  if (reason === null) return;
  let outcome: TermResultOutcome;
  try {
    outcome = runTermResults({ rows: selection.rows, result: result.trim(), date: date.trim() === '' ? undefined : date.trim(), reason, sheet: selection.sheetName });
  } catch (error) {
    if (!(error instanceof DocumentBusyError || error instanceof UnknownUserError || error instanceof ArgumentError)) throw error;
    showMessage(title, error.message);
    return;
  }
  if (outcome.mode !== 'record') return;
  const lines = [
    `已记录任期考核结果：${outcome.recorded.length} 行`,
    ...outcome.recorded.map((row) => `第${row.row}行 ${row.name}：${row.previous && row.previous !== row.result ? `${row.previous}改为` : ''}${row.result}（${row.date}）`),
    ...outcome.refused.map((refusal) => `第${refusal.row}行未记录：${refusal.message}`),
    ...outcome.problems.map((problem) => `提示：${problem}`),
  ];
  showMessage(title, lines.join('\n'));
}
