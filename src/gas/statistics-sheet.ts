/**
 * The 统计 sheet (plan 一): reads the nomination sheet, 设置 and 工作室 once each, counts the
 * awarded by year against the yearly target, by county, stage and category and the city studios
 * per stage, and writes the generated sheet — cleared, then every cell in one setValues — with one
 * chart per table (placeCharts: a second run replaces them, never duplicates). Only counts and
 * row numbers are written: never a name or any personal data. readStatistics also serves the
 * sidebar's 统计 panel (it writes nothing).
 */
import { readSelectionLevelSetting } from './settings-sheet';
import { countAwards, type AwardStatistics, type StatisticsRow } from '../domain/statistics/awards';
import { statisticsLayout, STATISTICS_MARKER, type StudioCount, type TableChart } from '../domain/statistics/layout';
import { generatedSheet } from './generated-sheet';
import type { Preset } from '../domain/presets';
import { SHEET_NAMES } from '../domain/sheet-layouts';
import { studiosByStage } from '../domain/studios/studio-rows';
import { placeCharts, type ChartPlan } from './charts';
import { isEmptyRow } from '../domain/nomination/eligibility';
import { countyOf, type Cell } from '../domain/nomination/values';
import { liveVerdicts } from './sidebar-selection';
import { ensureColumns, ensureRows, nominationHeader, readCells, requireSheet, textCell } from './spreadsheet';
import { readStudioSheet } from './studio-sheet';

/** What the statistics found, JSON-safe (the CLI prints it; the menu summarises it). */
export interface StatisticsReport {
  sheet: string;
  today: string;
  level: AwardStatistics['level'];
  targetIsMinimum: boolean;
  awarded: number;
  byYear: AwardStatistics['byYear'];
  byCounty: AwardStatistics['byCounty'];
  byCountyByYear: AwardStatistics['byCountyByYear'];
  /** The county most data rows name ('' when none): a county's own workbook's county. */
  ownCounty: string;
  byStage: AwardStatistics['byStage'];
  byCategory: AwardStatistics['byCategory'];
  studiosByStage: StudioCount[];
  /** Rows counted under 日期不明/未填写/无法识别, unreadable 状态, and 工作室 problems, each naming its sheet and row. */
  problems: string[];
}

/** Counts the nomination sheet `sheetName` and writes the 统计 sheet; see the file's comment. */
export function writeStatistics(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, sheetName: string, today: string, preset: Preset): StatisticsReport {
  const { report, layout } = readStatistics(spreadsheet, sheetName, today, preset);
  const { sheet } = generatedSheet(spreadsheet, SHEET_NAMES.statistics, STATISTICS_MARKER);
  // The sheet is generated: contents and formats of an earlier run go (bold rows move with the tables).
  sheet.clear();
  ensureColumns(sheet, layout.width);
  ensureRows(sheet, layout.rows.length);
  const range = sheet.getRange(1, 1, layout.rows.length, layout.width);
  range.setValues(layout.rows.map((row) => row.map((cell) => (typeof cell === 'string' ? textCell(cell) : cell))));
  const bold = new Set(layout.boldRows);
  range.setFontWeights(layout.rows.map((row, index) => row.map(() => (bold.has(index + 1) ? 'bold' : null))));
  placeCharts(sheet, layout.charts.map(chartPlan));
  return report;
}

/** The counts of the nomination sheet `sheetName` (it, 设置 and 工作室 read once each) and the 统计 sheet's layout, writing nothing. */
export function readStatistics(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, sheetName: string, today: string, preset: Preset): { report: StatisticsReport; layout: ReturnType<typeof statisticsLayout>; column: (output: '状态' | '资格审查') => string[] } {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const cells = readCells(requireSheet(spreadsheet, sheetName), timeZone);
  const { row: headerRow, headers } = nominationHeader(sheetName, cells);
  const level = readSelectionLevelSetting(spreadsheet);

  const column = (index: number | undefined) => (row: readonly (string | number | boolean | null)[]) => (index === undefined ? '' : (row[index] ?? ''));
  const [state, awardDate, county, stage, category] = [
    column(headers.outputs['状态']),
    column(headers.outputs['认定日期']),
    column(headers.columns.county),
    column(headers.columns.stage),
    column(headers.columns.category),
  ];
  const rows: StatisticsRow[] = [];
  for (let index = headerRow; index < cells.length; index += 1) {
    const row = cells[index] ?? [];
    // A blank 状态 is 学校推荐, never awarded: such rows (a whole empty grid below a stray cell) are not collected.
    if (state(row) === '') continue;
    rows.push({ row: index + 1, state: state(row), awardDate: awardDate(row), county: county(row), stage: stage(row), category: category(row) });
  }
  const statistics = countAwards(rows, level, preset, today);
  const studios = readStudioSheet(spreadsheet, preset);
  // A county's own workbook counts its 县级 studios, for which the plan sets no number per stage.
  const studioCounts = studiosByStage(studios.rows, preset, level === '县级' ? '县级' : '市级');
  const nominationProblems = [
    ...(headers.outputs['状态'] === undefined ? [`工作表“${sheetName}”没有“状态”列：没有任何行计为已认定`] : []),
    ...statistics.problems.map((problem) => `工作表“${sheetName}”${problem}`),
  ];
  const problems = [...nominationProblems, ...studios.sheetProblems, ...studios.rowProblems];
  // A 工作室 row problem may quote a person's name: the sheet only counts them.
  const studioRowsLine = studios.rowProblems.length > 0
    ? [`工作表“${SHEET_NAMES.studios}”有 ${studios.rowProblems.length} 处内容为空或无法识别（市级工作室数只计能读出的行），详见菜单“检查工作室”（或 banzhuren studios）`]
    : [];
  const layout = statisticsLayout(statistics, studioCounts, [...nominationProblems, ...studios.sheetProblems, ...studioRowsLine], today, preset);
  const report: StatisticsReport = {
    sheet: SHEET_NAMES.statistics,
    today,
    level: statistics.level,
    targetIsMinimum: statistics.targetIsMinimum,
    awarded: statistics.awarded,
    byYear: statistics.byYear,
    byCounty: statistics.byCounty,
    byCountyByYear: statistics.byCountyByYear,
    byStage: statistics.byStage,
    byCategory: statistics.byCategory,
    studiosByStage: studioCounts,
    ownCounty: mostNamedCounty(cells.slice(headerRow).map(county), preset),
    problems,
  };
  // For the sidebar's counts: every data row's 状态, and its verdict as 当前行 computes it (the
  // 资格审查 cell is only as fresh as the last 校验全部资格; computed only when asked for).
  const dataRows = cells.slice(headerRow).filter((row) => !isEmptyRow(row, headers));
  const outputColumn = (output: '状态' | '资格审查'): string[] =>
    output === '资格审查'
      ? liveVerdicts(spreadsheet, sheetName, cells, { row: headerRow, headers }, preset)
      : dataRows.map((row) => String(headers.outputs[output] === undefined ? '' : (row[headers.outputs[output]!] ?? '')));
  return { report, layout, column: outputColumn };
}

/** The county named by most of these cells ('' when none names one). */
function mostNamedCounty(cells: readonly Cell[], preset: Preset): string {
  const counts = new Map<string, number>();
  for (const cell of cells) {
    const name = countyOf(cell, preset);
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

/** A table's chart as placeCharts takes it: the table's cells as an A1 range (the tables are at most a few columns wide). */
function chartPlan(chart: TableChart): ChartPlan {
  const letter = (column: number) => String.fromCharCode(64 + column);
  return {
    title: chart.title,
    type: chart.type,
    range: `${letter(chart.firstColumn)}${chart.firstRow}:${letter(chart.lastColumn)}${chart.lastRow}`,
    row: chart.anchorRow,
    column: chart.anchorColumn,
  };
}
