/**
 * The term-end assessment of 六（二） as data and pure decisions: reading 任期考核结果 and 任期考核日期
 * (typed by hand or recorded by the program), which rows may get a result and by whom, the texts
 * written to 操作记录, the earlier result of the same person (by 身份证号) that a later nomination
 * row inherits as its 上届考核结果, and the flags 优先推荐 / 优先推荐省级 that result gives.
 */
import { addDays, formatChineseDate, fromSerialNumber, toSerialNumber, type CalendarDate } from '../calendar-date';
import { parseDateText } from '../date-text';
import { TERM_ASSESSMENTS, foldSpelling, spellingMap } from '../nomination/fields';
import type { HeaderMatch } from '../nomination/headers';
import type { Preset } from '../presets';
import { termEnd } from '../term';
import { mayAct, noRoleMessage, type Role } from './roles';
import { readState, type State } from './states';

/** One recorded result of a term-end assessment. */
export type TermAssessment = (typeof TERM_ASSESSMENTS)[number];

/** The headers of the two columns a term-end assessment is recorded in, and of its flags. */
export const TERM_RESULT_COLUMN = '任期考核结果';
export const TERM_DATE_COLUMN = '任期考核日期';
export const PRIORITY_COLUMN = '优先推荐';

/** An 已认定 row may get its result this many days before its term ends (and is listed as upcoming). */
export const UPCOMING_TERM_DAYS = 60;

/**
 * 六（二）'s effects on the next round: 合格以上 → 优先推荐 (to the next city round), 优秀 → also
 * 优先推荐省级 (in provincial and higher selections); 不合格 bars for one term (the lastTerm rule).
 */
export const PRIORITY_FLAGS: Readonly<Record<TermAssessment, readonly string[]>> = {
  优秀: ['优先推荐', '优先推荐省级'],
  合格: ['优先推荐'],
  不合格: [],
};

/** 优先推荐 joins its flags with this. */
export const FLAG_SEPARATOR = '；';

/** Dates a date cell may hold (as values.ts reads dates). */
const DATE_RANGE = { first: toSerialNumber('1950-01-01'), last: toSerialNumber('2100-12-31') };

/** How a cell was read: blank, a value, or why not (naming the column, the row and the value). */
export type CellRead<T> = { blank: true } | { value: T } | { problem: string };

function isBlank(cell: unknown): boolean {
  return cell === null || cell === undefined || cell === false || (typeof cell === 'string' && cell.trim() === '');
}

/** A typed value as messages quote it (line breaks flattened, long texts shortened). */
function shownValue(cell: unknown): string {
  const text = String(cell).replace(/\s+/gu, ' ').trim();
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}

/** Reads a 任期考核结果 cell: 优秀/合格/不合格 or an obvious spelling (优秀等次 …); 无 is not a result. */
export function readTermAssessment(cell: unknown, where: string, preset: Preset): CellRead<TermAssessment> {
  if (isBlank(cell)) return { blank: true };
  const value = typeof cell === 'string' ? spellingMap('termResult', preset).get(foldSpelling(cell)) : undefined;
  if (value !== undefined && (TERM_ASSESSMENTS as readonly string[]).includes(value)) return { value: value as TermAssessment };
  return { problem: `${where}：${TERM_RESULT_COLUMN}“${shownValue(cell)}”无法识别，应为${TERM_ASSESSMENTS.join('、')}之一` };
}

/** Reads a 任期考核日期 cell: a date cell (already 'YYYY-MM-DD'), a date serial number or date text. */
export function readTermAssessmentDate(cell: unknown, where: string): CellRead<CalendarDate> {
  if (isBlank(cell)) return { blank: true };
  let value: CalendarDate | null = null;
  if (typeof cell === 'number' && Number.isFinite(cell) && cell >= DATE_RANGE.first && cell < DATE_RANGE.last + 1) value = fromSerialNumber(cell);
  else if (typeof cell === 'string') value = parseDateText(cell);
  return value === null ? { problem: `${where}：${TERM_DATE_COLUMN}“${shownValue(cell)}”不是日期，应填如 2027-10-09 的日期` } : { value };
}

/** The key under which rows of one person meet: 身份证号 trimmed, full-width folded, x → X; null when blank. */
export function personKey(idCell: unknown): string | null {
  if (isBlank(idCell)) return null;
  const key = foldSpelling(String(idCell));
  return key === '' ? null : key;
}

/** A result recorded on one row of a nomination sheet. */
export interface RecordedTermResult {
  row: number;
  result: TermAssessment;
  /** 任期考核日期; undefined when it is blank or unreadable. */
  date?: CalendarDate;
  /** The sheet the row is on, when it is not the sheet being checked (推荐名单 read for another sheet). */
  sheet?: string;
}

/** A 任期考核结果 typed on a row that cannot be read (良好, 不合格（已公示）…). */
export interface UnreadableTermResult {
  row: number;
  /** The value as typed, shortened for messages. */
  value: string;
  /** Why the result cannot be used, when not because the value is unreadable (a date outside its term). */
  why?: string;
  sheet?: string;
}

/** A row in 任期届满 whose 任期考核结果 is still blank: that term's result is not known yet. */
export interface PendingTermResult {
  row: number;
  sheet?: string;
}

/**
 * What the other rows of the same person say about a row's last term: the latest readable result,
 * and (each makes the last term unknown) an unreadable result or an ended term without a result.
 */
export interface OtherTerms {
  recorded?: RecordedTermResult;
  unreadable?: UnreadableTermResult;
  pending?: PendingTermResult;
}

type HistoryEntry = ({ kind: 'recorded' } & RecordedTermResult) | ({ kind: 'unreadable' } & UnreadableTermResult) | ({ kind: 'pending' } & PendingTermResult);

/**
 * The term results of a person's rows (personKey), collected in one pass over each sheet read. A
 * row on the sheet being checked whose own 任期考核结果 is filled in is the source of that result,
 * never a returning row; every other row of the same person inherits, whatever the sort order.
 */
export class TermResultHistory {
  private readonly byPerson = new Map<string, HistoryEntry[]>();
  /** Rows of the checked sheet whose 任期考核结果 is filled in (readable or not). */
  private readonly sourceRows = new Set<number>();
  private count = 0;

  /** How many readable results were added. */
  get size(): number {
    return this.count;
  }

  /** Adds one row's readable result. */
  add(person: string, recorded: RecordedTermResult): void {
    this.push(person, { kind: 'recorded', ...recorded });
    this.count += 1;
  }

  /** Adds one row's unreadable result. */
  addUnreadable(person: string, unreadable: UnreadableTermResult): void {
    this.push(person, { kind: 'unreadable', ...unreadable });
  }

  /** Adds a 任期届满 row with no result. */
  addPending(person: string, pending: PendingTermResult): void {
    this.push(person, { kind: 'pending', ...pending });
  }

  /** Marks a row of the checked sheet as holding a 任期考核结果 of its own. */
  markSource(row: number): void {
    this.sourceRows.add(row);
  }

  private push(person: string, entry: HistoryEntry): void {
    const list = this.byPerson.get(person) ?? [];
    list.push(entry);
    this.byPerson.set(person, list);
  }

  /**
   * What the rows of the same person other than `row` (of the checked sheet) say: the latest
   * readable result by 任期考核日期 (an undated one counts as oldest; on equal dates the one added
   * last, i.e. the lower row), the first unreadable result and the first ended term without one.
   * A row holding a result of its own gets nothing: it is the source, not a returning row.
   */
  otherTerms(person: string | null, row: number): OtherTerms {
    const others: OtherTerms = {};
    if (person === null || this.sourceRows.has(row)) return others;
    for (const entry of this.byPerson.get(person) ?? []) {
      if (entry.sheet === undefined && entry.row === row) continue;
      if (entry.kind === 'unreadable') others.unreadable ??= withoutKind(entry);
      else if (entry.kind === 'pending') others.pending ??= withoutKind(entry);
      else if (!others.recorded || (entry.date ?? '') >= (others.recorded.date ?? '')) others.recorded = withoutKind(entry);
    }
    return others;
  }
}

/** An entry as the rule reads it, without the history's own tag. */
function withoutKind<T extends { kind: string }>(entry: T): Omit<T, 'kind'> {
  const rest: Partial<T> = { ...entry };
  delete rest.kind;
  return rest as Omit<T, 'kind'>;
}

/** The columns the recorded results are read from (0-based; undefined when the sheet lacks one). */
export interface TermResultColumns {
  idNumber?: number;
  result?: number;
  date?: number;
  state?: number;
  awardDate?: number;
}

/** Where a nomination sheet holds 身份证号, 状态 and the recorded 任期考核结果/任期考核日期. */
export function termResultColumnsOf(headers: HeaderMatch): TermResultColumns {
  return {
    idNumber: headers.columns.idNumber,
    result: headers.outputs[TERM_RESULT_COLUMN],
    date: headers.outputs[TERM_DATE_COLUMN],
    state: headers.outputs['状态'],
    awardDate: headers.outputs['认定日期'],
  };
}

/** Where collectTermResults puts what it reads. */
export interface CollectOptions {
  /** Adds to this history (one per check, fed by every sheet read); a new one when absent. */
  into?: TermResultHistory;
  /** The rows are on another sheet than the one checked: they are named with their sheet and are never a source row. */
  otherSheet?: boolean;
}

/**
 * The results recorded on a sheet's rows `firstRow`..`lastRow`, by person, in one pass over the
 * cells the caller already read (`cellAt` gives a domain cell, dates as 'YYYY-MM-DD'). A result or
 * date that cannot be read is added to `problems` naming the sheet, row, column and value; an
 * unreadable result makes the person's other rows 待核实, a result with an unreadable date is used
 * without a date, and a 任期届满 row without a result is kept as a term whose result is pending.
 */
export function collectTermResults(
  firstRow: number,
  lastRow: number,
  cellAt: (row: number, column: number) => unknown,
  columns: TermResultColumns,
  sheetName: string,
  preset: Preset,
  problems: string[],
  options: CollectOptions = {},
): TermResultHistory {
  const history = options.into ?? new TermResultHistory();
  const sheet = options.otherSheet ? { sheet: sheetName } : {};
  const { idNumber, result: resultColumn, date: dateColumn, state: stateColumn } = columns;
  for (let row = firstRow; row <= lastRow; row += 1) {
    const resultCell = resultColumn === undefined ? '' : cellAt(row, resultColumn);
    const person = idNumber === undefined ? null : personKey(cellAt(row, idNumber));
    if (isBlank(resultCell)) {
      if (person !== null && stateColumn !== undefined && readState(cellAt(row, stateColumn)) === '任期届满') history.addPending(person, { row, ...sheet });
      continue;
    }
    if (!options.otherSheet) history.markSource(row);
    const where = `${sheetName}第${row}行`;
    const result = readTermAssessment(resultCell, where, preset);
    if ('problem' in result) {
      problems.push(result.problem);
      if (person !== null) history.addUnreadable(person, { row, value: shownValue(resultCell), ...sheet });
      continue;
    }
    if (!('value' in result)) continue;
    const date = dateColumn === undefined ? ({ blank: true } as const) : readTermAssessmentDate(cellAt(row, dateColumn), where);
    if ('problem' in date) problems.push(date.problem);
    // A date before the row's own term could end (typed by hand, or a slip) would shorten a 不合格's
    // bar or grant 优先推荐 early: the result is not used, and a returning row is 待核实.
    const outside = 'value' in date && columns.awardDate !== undefined ? dateOutsideTerm(cellAt(row, columns.awardDate), date.value, where, preset.termYears) : null;
    if (outside !== null) {
      problems.push(`${where}：${outside}`);
      if (person !== null) history.addUnreadable(person, { row, value: shownValue(resultCell), why: outside, ...sheet });
      continue;
    }
    if (person === null) continue;
    history.add(person, 'value' in date ? { row, result: result.value, date: date.value, ...sheet } : { row, result: result.value, ...sheet });
  }
  return history;
}

/** Why a recorded 任期考核日期 cannot belong to the term of its row's 认定日期, or null (also when that is unreadable). */
function dateOutsideTerm(awardCell: unknown, date: CalendarDate, where: string, termYears: number): string | null {
  const award = readTermAssessmentDate(awardCell, where);
  if (!('value' in award)) return null;
  return termDateRefusal({ awardDate: award.value }, date, termYears);
}

/** A row as messages name it: `第3行`, or `推荐名单第3行` on another sheet. */
export function rowName(entry: { row: number; sheet?: string }): string {
  return `${entry.sheet ?? ''}第${entry.row}行`;
}

/** Where a recorded result came from, as the lastTerm rule's message says it. */
export function recordedSource(recorded: RecordedTermResult): string {
  const date = recorded.date === undefined ? `，无有效的${TERM_DATE_COLUMN}` : `（${formatChineseDate(recorded.date)}）`;
  return `${rowName(recorded)}的${TERM_RESULT_COLUMN}“${recorded.result}”${date}`;
}

/**
 * The 上届考核结果 a check uses: typed in the row, else recorded on an earlier row of the same
 * person. A typed value that differs from the recorded one is a conflict for a person to settle.
 */
export type LastTerm =
  | { kind: 'none' }
  | { kind: 'typed'; result: string; date?: CalendarDate }
  | { kind: 'recorded'; result: TermAssessment; date?: CalendarDate; recorded: RecordedTermResult }
  | { kind: 'conflict'; typed: string; recorded: RecordedTermResult };

/** Combines the typed 上届考核结果/日期 (either may be undefined) with an earlier recorded result. */
export function lastTermOf(typed: string | undefined, typedDate: CalendarDate | undefined, recorded: RecordedTermResult | undefined): LastTerm {
  if (recorded === undefined) return typed === undefined ? { kind: 'none' } : { kind: 'typed', result: typed, date: typedDate };
  if (typed === undefined) return { kind: 'recorded', result: recorded.result, date: recorded.date, recorded };
  if (typed !== recorded.result) return { kind: 'conflict', typed, recorded };
  return { kind: 'typed', result: typed, date: typedDate ?? recorded.date };
}

/** The 优先推荐 flags of a row's last term (none for a conflict, 不合格, 无 or nothing). */
export function priorityFlags(lastTerm: LastTerm): string[] {
  if (lastTerm.kind !== 'typed' && lastTerm.kind !== 'recorded') return [];
  return [...(PRIORITY_FLAGS[lastTerm.result as TermAssessment] ?? [])];
}

/** What deciding a recording needs about one row. */
export interface TermRowFacts {
  state: State | null;
  stateText: string;
  /** The row's county as the preset names it ('' when none). */
  county: string;
  /** 认定日期, or 'invalid' when it is there but not a date. */
  awardDate?: CalendarDate | 'invalid';
}

/** Who asks, and when. */
export interface TermRequest {
  roles: readonly Role[];
  email: string;
  /** The email is in 权限, but only on rows whose 角色 is blank or unknown. */
  listedWithoutRole: boolean;
  /** 设置's 评选级别 is 县级: the county records the results of its own rows too. */
  countyWorkbook: boolean;
  today: CalendarDate;
  termYears: number;
}

/** When a row's term ends, if its 认定日期 is a date. */
export function termEndOf(facts: Pick<TermRowFacts, 'awardDate'>, termYears: number): CalendarDate | undefined {
  return facts.awardDate === undefined || facts.awardDate === 'invalid' ? undefined : termEnd(facts.awardDate, termYears);
}

/**
 * Whether a row is due for its result: ended (任期届满, or 已认定 whose term is over before the daily
 * job has marked it), or upcoming (已认定 with a term ending within UPCOMING_TERM_DAYS days).
 */
export function termResultDue(facts: TermRowFacts, today: CalendarDate, termYears: number): 'ended' | 'upcoming' | null {
  if (facts.state === '任期届满') return 'ended';
  const end = termEndOf(facts, termYears);
  if (facts.state === '已认定' && end !== undefined && end < today) return 'ended';
  if (facts.state === '已认定' && end !== undefined && end <= addDays(today, UPCOMING_TERM_DAYS)) return 'upcoming';
  return null;
}

/** Why a result may not be recorded on a row, or null when it may. */
export function termResultRefusal(facts: TermRowFacts, request: TermRequest): string | null {
  if (request.roles.length === 0) return noRoleMessage(request.email, request.listedWithoutRole);
  const mayRecord = mayAct(request.roles, 'city', facts.county) || (request.countyWorkbook && mayAct(request.roles, 'county', facts.county));
  if (!mayRecord) {
    const who = request.countyWorkbook ? '市级账号或该行所在县的账号' : '市级账号';
    return `记录任期考核结果须由${who}操作（方案六（二）：由市、县（区）教育体育局分别考核）`;
  }
  if (termResultDue(facts, request.today, request.termYears) !== null) return null;
  if (facts.state === null) return `状态“${facts.stateText}”无法识别`;
  const when = `只有“任期届满”的行，或任期在${UPCOMING_TERM_DAYS}天内届满的“已认定”行，才能记录任期考核结果`;
  if (facts.state !== '已认定') return `状态为“${facts.state}”：${when}`;
  const end = termEndOf(facts, request.termYears);
  if (end === undefined) return `该行没有有效的认定日期，算不出任期：${when}`;
  return `任期至 ${end}，${addDays(end, -UPCOMING_TERM_DAYS)} 起才能记录任期考核结果（${when}）`;
}

/**
 * Why a 任期考核日期 cannot be a row's: it is before UPCOMING_TERM_DAYS days ahead of the row's term
 * end — the first day a result may be recorded at all — and so also any date before its 认定日期
 * (such a date would shorten a 不合格's bar). Null when it may be, or the row has no valid 认定日期.
 */
export function termDateRefusal(facts: Pick<TermRowFacts, 'awardDate'>, date: CalendarDate, termYears: number): string | null {
  const end = termEndOf(facts, termYears);
  if (end === undefined || facts.awardDate === undefined || facts.awardDate === 'invalid') return '该行没有有效的认定日期，算不出任期，无法核对任期考核日期；请先填好认定日期';
  const first = addDays(end, -UPCOMING_TERM_DAYS);
  if (date >= first) return null;
  const why = date < facts.awardDate ? `早于认定日期 ${facts.awardDate}` : `早于任期届满前${UPCOMING_TERM_DAYS}天（${first}）`;
  return `任期考核日期 ${date} ${why}：任期 ${facts.awardDate}至${end}，考核日期不能早于 ${first}`;
}

/** 操作记录's 说明 of a recording: `任期考核：优秀（2027-10-09）`, `任期考核：合格改为优秀（…）`, then the reason. */
export function termResultNote(previous: string, result: TermAssessment, date: CalendarDate, reason: string): string {
  const change = previous === '' || previous === result ? result : `${previous}改为${result}`;
  return [`任期考核：${change}（${date}）`, reason.trim()].filter(Boolean).join('；');
}
