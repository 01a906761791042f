/**
 * The sidebar's read-only panels as data: the 统计 progress bars (a year's awards against the
 * city's 180, each county against its ≥100, the studios of each stage against the plan), the
 * 履职 and 工作室 findings as lines, and counts by a column. Pure: the adapters read the sheets.
 */
import type { Preset } from '../presets';
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
  byYear: { year: number | string; awarded: number; target: number | null }[];
  byCounty: { county: string; awarded: number }[];
  studiosByStage: StudioCount[];
}

/** The 统计 bars of `year`: the city's yearly target, each county of the preset (≥ its yearly minimum, counted over the plan), the studios per stage. */
export function targetBars(input: BarInput, year: number, preset: Preset): { city: Bar; counties: Bar[]; studios: Bar[] } {
  const thisYear = input.byYear.find((entry) => entry.year === year);
  const city = bar(`${year}年认定`, thisYear?.awarded ?? 0, preset.cityTargetPerYear);
  const counties = preset.counties.map((county) => bar(county, input.byCounty.find((entry) => entry.county === county)?.awarded ?? 0, preset.countyTargetPerYear));
  const studios = input.studiosByStage.map((entry) => bar(`${entry.stage}工作室`, entry.studios, entry.target));
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
