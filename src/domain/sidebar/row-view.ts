/**
 * One nomination row as the sidebar shows it (SPEC §3, §4): who, where, the state, the verdict as
 * of the review date with each failing finding and its clause, and the moves this user may make.
 * 身份证号 and 联系电话 are never part of it: every text that could quote a cell has the row's own
 * personal numbers and any long digit run hidden.
 */
import type { CalendarDate } from '../calendar-date';
import { evaluateRow } from '../nomination/eligibility';
import { fieldOf, type FieldKey } from '../nomination/fields';
import type { HeaderMatch } from '../nomination/headers';
import { RULE_INPUTS } from '../nomination/rules';
import type { Cell } from '../nomination/values';
import type { Preset } from '../presets';
import { hideLongNumbers } from '../reminders/digest';
import type { RowFacts } from '../workflow/moves';
import { readRowFacts } from '../workflow/row-facts';
import type { Role } from '../workflow/roles';
import type { OtherTerms } from '../workflow/term-results';
import { moveChoices, noMovesReason } from './moves';
import type { FindingView, RowView } from './views';

/** What a row's view needs besides the row. */
export interface RowViewContext {
  sheetName: string;
  headers: HeaderMatch;
  /** Today: the day moves are decided on. */
  today: CalendarDate;
  /** 评审基准日 (or today): the day the verdict is computed for. */
  reviewDate: CalendarDate;
  preset: Preset;
  email: string;
  roles: readonly Role[];
  otherTerms?: OtherTerms;
}

const PERSONAL_FIELDS: readonly FieldKey[] = ['idNumber', 'phone'];

/** A text fit to show: the row's personal numbers and every run of 11+ digits hidden. */
export function privateText(text: string, personal: readonly string[]): string {
  let shown = text;
  for (const number of personal) if (number.length >= 6) shown = shown.split(number).join('＊＊＊');
  return hideLongNumbers(shown);
}

/** The row's facts as the workflow decides on them (its output columns found by header; a missing one is blank). */
export function rowFactsOf(row: readonly Cell[], context: Pick<RowViewContext, 'headers' | 'preset' | 'reviewDate' | 'otherTerms'>): RowFacts {
  const { outputs } = context.headers;
  return readRowFacts(row, context.headers, { state: outputs['状态'], publicityEnd: outputs['公示截止'], awardDate: outputs['认定日期'] }, context);
}

/** The view of one row (its 1-based number in the sheet). */
export function buildRowView(rowNumber: number, row: readonly Cell[], context: RowViewContext): RowView {
  const { headers } = context;
  const personal = PERSONAL_FIELDS.map((key) => headers.columns[key]).filter((column): column is number => column !== undefined).map((column) => String(row[column] ?? '').trim());
  const text = (value: Cell | undefined) => privateText(String(value ?? '').trim(), personal);
  const input = (key: FieldKey) => text(headers.columns[key] === undefined ? '' : row[headers.columns[key]!]);
  const output = (name: keyof HeaderMatch['outputs']) => text(headers.outputs[name] === undefined ? '' : row[headers.outputs[name]!]);
  const facts = rowFactsOf(row, context);
  // The review's findings at 评审基准日; the moves are decided as of today, like runAdvance.
  const result = evaluateRow(headers, row, { reviewDate: context.reviewDate, preset: context.preset, otherTerms: context.otherTerms });
  const findings: FindingView[] = result.findings
    .filter((finding) => finding.verdict !== '符合')
    .sort((a, b) => (a.verdict === b.verdict ? 0 : a.verdict === '不符合' ? -1 : 1))
    .map((finding) => ({ clause: finding.clause, column: columnOf(RULE_INPUTS[finding.rule]), message: privateText(finding.message, personal), severity: finding.verdict }));
  const moveFacts: RowFacts = { ...facts, eligibility: () => evaluateRow(headers, row, { reviewDate: context.today, preset: context.preset, otherTerms: context.otherTerms }) };
  const asker = { email: context.email, roles: context.roles, today: context.today };
  const moves = moveChoices(moveFacts, asker).map((move) => (move.blockedBy === undefined ? move : { ...move, blockedBy: privateText(move.blockedBy, personal) }));
  const why = noMovesReason(moveFacts, asker, moves);
  const view: RowView = {
    sheetName: context.sheetName,
    row: rowNumber,
    name: input('name'),
    school: input('school'),
    county: facts.county || input('county'),
    category: input('category'),
    stage: input('stage'),
    state: facts.state ?? facts.stateText,
    verdict: result.verdict,
    findings,
    moves,
    publicityStart: output('公示开始'),
    publicityEnd: output('公示截止'),
    awardDate: output('认定日期'),
    certificateNumber: output('证书编号'),
    lastAction: output('最后操作'),
  };
  if (why !== undefined) view.noMovesReason = privateText(why, personal);
  return view;
}

/** The column a rule reads first, by its header ('' when it reads none). */
function columnOf(keys: readonly FieldKey[]): string {
  const key = keys[0];
  return key === undefined ? '' : fieldOf(key).header;
}
