/**
 * The sidebar's read-only panels as data: the 统计 progress bars (a year's awards against the
 * city's 180, each county's awards of that year against its ≥100, the studios of each stage
 * against the plan), the 履职 and 工作室 findings as lines, and counts by a column. Pure: the
 * adapters read the sheets.
 */
import type { Preset } from '../presets';
import type { SelectionLevel } from '../selection-level';
import { hideLongNumbers } from '../reminders/digest';
import type { SemesterStatus } from '../duties/report';
import type { StudioCount } from '../statistics/layout';
import type { StudioResult } from '../studios/studio-checks';

/** One progress bar. */
export interface Bar {
  label: string;
  value: number;
  target: number;
  status: string;
}

/** A bar against a target: 达标 when reached (a minimum or a number to reach alike). */
export function bar(label: string, value: number, target: number | null): Bar {
  return { label, value, target: target ?? 0, status: target === null || target <= 0 ? '' : value >= target ? '达标' : '未达标' };
}

/** What the bars are drawn from (a StatisticsReport's fields). */
export interface BarInput {
  level: SelectionLevel;
  byYear: { year: number | string; awarded: number; target: number | null }[];
  byCountyByYear: { year: number; county: string; awarded: number }[];
  studiosByStage: StudioCount[];
  /** The county most of the rows name (a county's own workbook, 评选级别 县级); '' when none. */
  ownCounty: string;
}

/**
 * The 统计 bars of `year`. 市级: the city's awards of the year against its yearly 180, and each
 * county of the preset against its yearly minimum (≥100) with the county's awards of that same
 * year. 县级 (a county's own workbook, as `banzhuren stats` counts it): `city` holds the workbook's
 * own county's awards of the year against the minimum and there are no county bars. Studios per
 * stage against the plan; a stage the plan sets no number for has target 0 and no status.
 */
export function targetBars(input: BarInput, year: number, preset: Preset): { city: Bar; counties: Bar[]; studios: Bar[] } {
  const thisYear = input.byYear.find((entry) => entry.year === year);
  const studios = input.studiosByStage.map((entry) => bar(`${entry.stage}工作室`, entry.studios, entry.target));
  if (input.level === '县级') {
    return { city: bar(`${year}年${input.ownCounty || '本县'}认定（县级评选）`, thisYear?.awarded ?? 0, preset.countyTargetPerYear), counties: [], studios };
  }
  const city = bar(`${year}年认定`, thisYear?.awarded ?? 0, preset.cityTargetPerYear);
  const countyOfYear = (county: string) => input.byCountyByYear.find((entry) => entry.year === year && entry.county === county)?.awarded ?? 0;
  const counties = preset.counties.map((county) => bar(`${county}（${year}年）`, countyOfYear(county), preset.countyTargetPerYear));
  return { city, counties, studios };
}

/** How many rows hold each value (blank as `blankLabel`), in `order` first, then others as they come. */
export function countBy(values: readonly string[], order: readonly string[], blankLabel: string): { label: string; count: number }[] {
  const counts = new Map<string, number>(order.map((label) => [label, 0]));
  for (const value of values) {
    const label = value.trim() === '' ? blankLabel : value.trim();
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].filter(([label, count]) => count > 0 || order.includes(label)).map(([label, count]) => ({ label, count }));
}

/** One line of a findings panel. */
export interface FindingLine {
  name: string;
  text: string;
  severity: string;
}

/** 履职: one line per semester not complete (closed ones 未完成, the open one 进行中), then the 履职记录 notices and the proposals. */
export function dutyLines(semesters: readonly SemesterStatus[], notices: readonly string[], proposals: readonly string[]): FindingLine[] {
  const lines: FindingLine[] = semesters
    .filter((status) => !status.ok)
    .map((status) => ({
      name: status.name,
      text: hideLongNumbers(`${status.schoolYear}${status.semester}：缺 ${status.missing.join('、')}`),
      severity: status.open ? '进行中' : '未完成',
    }));
  return [
    ...lines,
    ...notices.map((notice) => ({ name: '', text: hideLongNumbers(notice), severity: '待核实' })),
    ...proposals.map((proposal) => ({ name: '', text: hideLongNumbers(proposal), severity: '建议' })),
  ];
}

/** 工作室: one line per finding of each studio (the 全市 entry's too). */
export function studioFindingLines(results: readonly StudioResult[]): FindingLine[] {
  return results.flatMap((result) => result.findings.map((finding) => ({ name: result.name, text: hideLongNumbers(finding.message), severity: '不符合' })));
}
