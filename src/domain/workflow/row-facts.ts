/**
 * The facts a move is decided on, read from one nomination row: its state, county (and whether it
 * is 市直学校), 公示截止, the term's end from 认定日期, and its eligibility, computed only when a move
 * needs it. One reader for the moves themselves (src/gas/workflow-sheet.ts) and for the sidebar's
 * buttons (src/domain/sidebar/row-view.ts), so the buttons offered are the moves the server allows.
 */
import type { CalendarDate } from '../calendar-date';
import { dateOfCell } from '../date-text';
import { evaluateRow } from '../nomination/eligibility';
import type { HeaderMatch } from '../nomination/headers';
import { countyOf, quote, type Cell } from '../nomination/values';
import type { Preset } from '../presets';
import { termEnd } from '../term';
import type { RowFacts } from './moves';
import { readState } from './states';
import type { OtherTerms } from './term-results';

/** Where the workflow's own columns are (0-based); a missing one reads as blank. */
export interface RowFactColumns {
  state?: number;
  publicityEnd?: number;
  awardDate?: number;
}

/** What the facts are judged against: the review date for eligibility, the preset, and the person's other terms. */
export interface RowFactOptions {
  reviewDate: CalendarDate;
  preset: Preset;
  otherTerms?: OtherTerms;
}

/** The row's facts as the workflow decides on them. */
export function readRowFacts(row: readonly Cell[], headers: HeaderMatch, columns: RowFactColumns, options: RowFactOptions): RowFacts {
  const { preset } = options;
  const at = (column: number | undefined): Cell => (column === undefined ? '' : (row[column] ?? ''));
  const stateText = String(at(columns.state) ?? '').trim();
  const countyCell = at(headers.columns.county);
  const county = countyOf(countyCell, preset) ?? '';
  const dateFact = (column: number | undefined): CalendarDate | 'invalid' | undefined => {
    const value = at(column);
    if (value === '' || value === null) return undefined;
    return dateOfCell(value) ?? 'invalid';
  };
  const award = dateFact(columns.awardDate);
  return {
    stateText,
    state: readState(stateText),
    county,
    countyText: quote(String(countyCell ?? '')),
    cityDirect: county === preset.cityDirect,
    eligibility: () => evaluateRow(headers, row, { reviewDate: options.reviewDate, preset, otherTerms: options.otherTerms }),
    publicityEnd: dateFact(columns.publicityEnd),
    termEnd: award && award !== 'invalid' ? termEnd(award, preset.termYears) : award,
  };
}
