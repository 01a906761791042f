/**
 * Counting the awarded (plan 一): which nomination rows count as awarded, and how many there are by
 * year of 认定日期 against the yearly target, by county, by stage and by category. Every awarded
 * row lands in exactly one entry of each table — blank or unreadable values get an entry of their
 * own and a problem naming the row — so every table adds up to the same number of rows.
 */
import type { CalendarDate } from '../calendar-date';
import { dateOfCell } from '../date-text';
import { CATEGORIES, fieldOf } from '../nomination/fields';
import { countyOf, isBlankCell, quote, readCell, type Cell } from '../nomination/values';
import type { Preset } from '../presets';
import { readState, type State } from '../workflow/states';
import type { SelectionLevel } from '../selection-level';

/** States that mean the title was awarded: 已认定 and the states only an awarded row reaches (counted in the year of its 认定日期). */
export const AWARDED_STATES: readonly State[] = ['已认定', '任期届满', '已取消'];

/** byYear's entry for awarded rows whose 认定日期 is blank or unreadable. */
export const UNKNOWN_YEAR = '日期不明';
/** The entry of byCounty/byStage/byCategory for a blank cell. */
export const BLANK_VALUE = '未填写';
/** The entry of byCounty/byStage/byCategory for a value that names none of the preset's. */
export const UNREADABLE_VALUE = '无法识别';


/** The cells of one nomination row that the statistics read, as the adapter hands them over. */
export interface StatisticsRow {
  /** 1-based sheet row, for problems. */
  row: number;
  state: Cell;
  awardDate: Cell;
  county: Cell;
  stage: Cell;
  category: Cell;
}

/** Awarded rows of one year; year is UNKNOWN_YEAR when 认定日期 is blank or unreadable (target then null). */
export interface YearCount {
  year: number | typeof UNKNOWN_YEAR;
  awarded: number;
  target: number | null;
}

/** The counts the 统计 sheet and `banzhuren stats` show. */
export interface AwardStatistics {
  level: SelectionLevel;
  /** Whether target is a minimum (a county: 不少于100名) rather than a number to reach (the city: 180名). */
  targetIsMinimum: boolean;
  awarded: number;
  byYear: YearCount[];
  byCounty: { county: string; awarded: number }[];
  /** byCounty split by the year of 认定日期 (rows under 日期不明 left out), for a year's county bars. */
  byCountyByYear: { year: number; county: string; awarded: number }[];
  byStage: { stage: string; awarded: number }[];
  byCategory: { category: string; awarded: number }[];
  /** Rows counted under 日期不明/未填写/无法识别, and 状态 texts that name no state, each naming its row. */
  problems: string[];
}

/** Whether a row's 状态 means the title was awarded. */
export function isAwarded(state: State | null): boolean {
  return state !== null && AWARDED_STATES.includes(state);
}

/** The yearly target for a selection level. */
export function yearlyTarget(level: SelectionLevel, preset: Preset): number {
  return level === '县级' ? preset.countyTargetPerYear : preset.cityTargetPerYear;
}

/** A counter over a fixed list of names, with entries for blank and unreadable cells added when used. */
class Tally {
  private readonly counts = new Map<string, number>();
  constructor(names: readonly string[]) {
    for (const name of names) this.counts.set(name, 0);
  }
  add(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }
  entries(): [string, number][] {
    return [...this.counts.entries()];
  }
}

/**
 * Which entry a cell goes to: the canonical value it names, else 未填写 or 无法识别 with a
 * problem naming the row, the column and the value.
 */
function entryOf(cell: Cell, canonical: string | null, header: string, row: StatisticsRow, state: State, problems: string[]): string {
  if (canonical !== null) return canonical;
  if (isBlankCell(cell)) {
    problems.push(`第${row.row}行（${state}）的${header}为空，计入“${BLANK_VALUE}”`);
    return BLANK_VALUE;
  }
  problems.push(`第${row.row}行（${state}）的${header}“${quote(String(cell))}”无法识别，计入“${UNREADABLE_VALUE}”`);
  return UNREADABLE_VALUE;
}

/** An enumerated cell (学段, 申报类别) read the way the check reads it: its canonical value, or null. */
function enumValue(key: 'stage' | 'category', cell: Cell, preset: Preset): string | null {
  const read = readCell(fieldOf(key), cell, preset);
  return 'value' in read && typeof read.value === 'string' ? read.value : null;
}

/** Counts the awarded rows by year, county, stage and category (see the file's comment). */
/** Award years this far before the plan's first year are taken for a typing slip, not a year to list. */
const EARLIEST_YEARS_BEFORE_PLAN = 10;

/**
 * Counts the awarded rows. A 认定日期 after `today` (when given) or more than
 * EARLIEST_YEARS_BEFORE_PLAN years before the plan is counted under 日期不明 and named, so a slip
 * like 2999 or 1900 neither hides a row nor stretches the yearly table over centuries.
 */
export function countAwards(rows: readonly StatisticsRow[], level: SelectionLevel, preset: Preset, today?: CalendarDate): AwardStatistics {
  const earliest = Math.min(...preset.planYears) - EARLIEST_YEARS_BEFORE_PLAN;
  const problems: string[] = [];
  const years = new Map<number, number>();
  let unknownYear = 0;
  const counties = new Tally([...preset.counties, preset.cityDirect]);
  const stages = new Tally(preset.stages);
  const categories = new Tally(CATEGORIES);
  const countyYears = new Map<string, { year: number; county: string; awarded: number }>();
  let awarded = 0;
  for (const row of rows) {
    const state = readState(row.state);
    if (state === null) {
      problems.push(`第${row.row}行的状态“${quote(String(row.state))}”无法识别，未计入统计`);
      continue;
    }
    if (!isAwarded(state)) continue;
    awarded += 1;
    const date = dateOfCell(row.awardDate);
    const implausible = date === null ? null : today !== undefined && date > today ? `${date}晚于今天（${today}）` : Number(date.slice(0, 4)) < earliest ? `${date}早于${earliest}年，不合常理` : null;
    if (date === null || implausible !== null) {
      unknownYear += 1;
      const shown = implausible !== null ? implausible : isBlankCell(row.awardDate) ? '为空' : `“${quote(String(row.awardDate))}”无法识别`;
      problems.push(`第${row.row}行（${state}）的认定日期${shown}，年度计入“${UNKNOWN_YEAR}”`);
    }
    const county = entryOf(row.county, countyOf(row.county, preset), fieldOf('county').header, row, state, problems);
    counties.add(county);
    if (date !== null && implausible === null) {
      const year = Number(date.slice(0, 4));
      years.set(year, (years.get(year) ?? 0) + 1);
      const entry = countyYears.get(`${year}\u0000${county}`) ?? { year, county, awarded: 0 };
      entry.awarded += 1;
      countyYears.set(`${year}\u0000${county}`, entry);
    }
    stages.add(entryOf(row.stage, enumValue('stage', row.stage, preset), fieldOf('stage').header, row, state, problems));
    categories.add(entryOf(row.category, enumValue('category', row.category, preset), fieldOf('category').header, row, state, problems));
  }
  const target = yearlyTarget(level, preset);
  const byYear: YearCount[] = yearRange(preset.planYears, [...years.keys()]).map((year) => ({ year, awarded: years.get(year) ?? 0, target }));
  if (unknownYear > 0) byYear.push({ year: UNKNOWN_YEAR, awarded: unknownYear, target: null });
  return {
    level,
    targetIsMinimum: level === '县级',
    awarded,
    byYear,
    byCounty: counties.entries().map(([county, count]) => ({ county, awarded: count })),
    byCountyByYear: [...countyYears.values()],
    byStage: stages.entries().map(([stage, count]) => ({ stage, awarded: count })),
    byCategory: categories.entries().map(([category, count]) => ({ category, awarded: count })),
    problems,
  };
}

/**
 * Every year from the plan's first (or an earlier awarded year) through the later of the plan's
 * last year and the last awarded year, so each plan year shows against its target even before
 * anyone is awarded in it.
 */
export function yearRange(planYears: readonly number[], awardedYears: readonly number[]): number[] {
  const all = [...planYears, ...awardedYears];
  if (all.length === 0) return [];
  const first = Math.min(...all);
  const last = Math.max(...all);
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}
