/**
 * One nomination row's eligibility (SPEC §3): reads the row by its headers, runs every rule that
 * applies, and gives the row's verdict, all findings, the input cells that need a note, and the
 * text of 审查说明. The =ELIGIBILITY custom function shows the same result as one text.
 */
import type { CalendarDate } from '../calendar-date';
import type { Preset } from '../presets';
import { OUTPUT_COLUMNS, type OutputColumn } from './fields';
import type { HeaderMatch } from './headers';
import { lastTermOf, priorityFlags, type OtherTerms } from '../workflow/term-results';
import { RULE_INPUTS, runRules, type Finding, type Verdict } from './rules';
import { isBlankCell, readRow, type Cell, type CellProblem } from './values';

/** 审查说明 joins its reasons with this: one line, so rows keep their height and =ELIGIBILITY reads the same. */
export const EXPLANATION_SEPARATOR = '；';

/** A row's eligibility. */
export interface EligibilityResult {
  verdict: Verdict;
  /** Every finding, 符合 included, in rule order. */
  findings: Finding[];
  /** Input cells that could not be read (0-based column), for cell notes. */
  problems: CellProblem[];
  /** 审查说明: every finding that is not 符合, 不符合 first, joined by '；'; '' when all are 符合. */
  explanation: string;
  /** 六（二）'s flags from the row's last term (typed or recorded earlier): 优先推荐, 优先推荐省级. */
  flags: string[];
  rowNumber?: number;
}

/** How to evaluate a row. */
export interface EvaluateOptions {
  /** 评审基准日. */
  reviewDate: CalendarDate;
  preset: Preset;
  /** The row's number in the sheet, carried through for the caller. */
  rowNumber?: number;
  /** What the other rows of the same 身份证号 say about the last term (六（二）), if anything. */
  otherTerms?: OtherTerms;
}

/** The row's verdict: 不符合 if any finding is, else 待核实 if any is, else 符合. */
export function rowVerdict(findings: readonly Finding[]): Verdict {
  if (findings.some((finding) => finding.verdict === '不符合')) return '不符合';
  if (findings.some((finding) => finding.verdict === '待核实')) return '待核实';
  return '符合';
}

/** Evaluates one nomination row against every rule that applies to it. */
export function evaluateRow(headers: HeaderMatch, row: readonly Cell[], options: EvaluateOptions): EligibilityResult {
  const { record, states, problems } = readRow(headers, row, options.preset);
  const findings = runRules(record, { reviewDate: options.reviewDate, preset: options.preset, states, otherTerms: options.otherTerms });
  const reasons = [
    ...findings.filter((finding) => finding.verdict === '不符合'),
    ...findings.filter((finding) => finding.verdict === '待核实'),
  ];
  const result: EligibilityResult = {
    verdict: rowVerdict(findings),
    findings,
    problems: offendingCells(headers, problems, reasons),
    explanation: reasons.map((finding) => finding.message).join(EXPLANATION_SEPARATOR),
    flags: flagsOf(record.lastTermResult, record.lastTermDate, options.otherTerms, findings),
  };
  if (options.rowNumber !== undefined) result.rowNumber = options.rowNumber;
  return result;
}

/**
 * 六（二）'s flags: only when the lastTerm rule is 符合 — so never for a last term that is unknown,
 * contradicted or dated after the review date. A result dated on or before the review date counts
 * at any age: the plan gives the flags for "下一届", and which round that is the program cannot
 * know (a teacher may return rounds later), so it does not guess an age limit.
 */
function flagsOf(typed: string | undefined, typedDate: CalendarDate | undefined, otherTerms: OtherTerms | undefined, findings: readonly Finding[]): string[] {
  if (findings.find((finding) => finding.rule === 'lastTerm')?.verdict !== '符合') return [];
  return priorityFlags(lastTermOf(typed, typedDate, otherTerms?.recorded));
}

/**
 * The input cells to mark: every cell that could not be read (its own message), and the other
 * cells each failing rule read (the five 年度考核 columns for the assessments rule).
 */
function offendingCells(headers: HeaderMatch, problems: readonly CellProblem[], reasons: readonly Finding[]): CellProblem[] {
  const messages = new Map<number, string[]>();
  const add = (column: number, message: string) => {
    const list = messages.get(column) ?? [];
    if (!list.includes(message)) list.push(message);
    messages.set(column, list);
  };
  for (const problem of problems) add(problem.column, problem.message);
  const unreadable = new Set(messages.keys());
  const addFinding = (column: number | undefined, message: string) => {
    if (column !== undefined && !unreadable.has(column)) add(column, message);
  };
  for (const finding of reasons) {
    for (const key of RULE_INPUTS[finding.rule]) {
      addFinding(headers.columns[key], finding.message);
      if (key === 'assessments') for (const year of headers.assessmentYears) addFinding(year.column, finding.message);
    }
  }
  return [...messages].sort(([a], [b]) => a - b).map(([column, list]) => ({ column, message: list.join(EXPLANATION_SEPARATOR) }));
}

/**
 * Whether a row has nothing typed in it, to be skipped. With headers, the 序号 and output columns
 * do not count (sheets are often pre-numbered); an unticked checkbox (FALSE) never counts.
 */
export function isEmptyRow(row: readonly unknown[], headers?: HeaderMatch): boolean {
  const ignored = new Set<number>();
  if (headers) {
    if (headers.columns.seq !== undefined) ignored.add(headers.columns.seq);
    for (const output of OUTPUT_COLUMNS as readonly OutputColumn[]) {
      const column = headers.outputs[output];
      if (column !== undefined) ignored.add(column);
    }
  }
  return row.every((cell, column) => ignored.has(column) || cell === false || isBlankCell(cell));
}

/** The text =ELIGIBILITY shows: `符合`, or `不符合：…` / `待核实：…` with the reasons. */
export function eligibilityText(result: Pick<EligibilityResult, 'verdict' | 'explanation'>): string {
  return result.verdict === '符合' ? '符合' : `${result.verdict}：${result.explanation}`;
}
