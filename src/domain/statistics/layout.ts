/**
 * The generated 统计 sheet as data: a title with the date and the level, then one table per measure
 * (年度认定 with target and 完成率, 县（市、区）, 学段, 申报类别, 市级工作室), then the problems, which
 * name rows by number. Only counts — never a name or any personal data. Each table also says where its
 * chart goes and which cells it draws (header row included), so the adapter only translates.
 */
import type { Preset } from '../presets';
import { UNKNOWN_YEAR, type AwardStatistics } from './awards';

/** One city studio count per stage (from the 工作室 sheet). */
export interface StudioCount {
  stage: string;
  studios: number;
  /** null in a county's own workbook: the plan sets no number of county studios per stage. */
  target: number | null;
}

/** One table's chart: its title, kind, the cells it draws (1-based, header row included) and its anchor cell. */
export interface TableChart {
  title: string;
  type: 'column' | 'bar' | 'pie';
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
  anchorRow: number;
  anchorColumn: number;
}

/** The sheet's cells (rectangular, one setValues) and the charts over its tables. */
export interface StatisticsLayout {
  rows: (string | number)[][];
  width: number;
  /** 1-based rows of the title and of every table's header, for bold type. */
  boldRows: number[];
  charts: TableChart[];
}

/** Column of the charts (to the right of the tables, after one empty column) and rows between two charts. */
const CHART_COLUMN = 6;
const CHART_ROW_STEP = 20;
/** Columns of the tables. */
const WIDTH = 4;

/** A share as the sheet shows it: `58.3%`; '' without a target. */
export function completionText(awarded: number, target: number | null): string {
  if (target === null || target <= 0) return '';
  return `${(Math.round((awarded / target) * 1000) / 10).toFixed(1)}%`;
}

/** The label of a year in the table and chart (text, so a chart reads it as a category): `2024年`. */
function yearLabel(year: number | typeof UNKNOWN_YEAR): string {
  return year === UNKNOWN_YEAR ? UNKNOWN_YEAR : `${year}年`;
}

/** What the yearly target is, in words: `每年认定180名` or `每年不少于100名`. */
export function targetText(statistics: Pick<AwardStatistics, 'level' | 'targetIsMinimum'>, preset: Preset): string {
  return statistics.targetIsMinimum ? `每年不少于${preset.countyTargetPerYear}名` : `每年${preset.cityTargetPerYear}名`;
}

/** How the 统计 sheet's first cell starts, which marks the sheet as the add-on's own. */
export const STATISTICS_MARKER = '骨干班主任、名班主任认定统计';

/** The 统计 sheet for these counts, as of `today`. */
export function statisticsLayout(statistics: AwardStatistics, studios: readonly StudioCount[], problems: readonly string[], today: string, preset: Preset): StatisticsLayout {
  const rows: (string | number)[][] = [];
  const boldRows: number[] = [];
  const charts: TableChart[] = [];
  const push = (...cells: (string | number)[]): void => {
    rows.push([...cells, ...Array<string>(WIDTH - cells.length).fill('')]);
  };
  push(`${STATISTICS_MARKER}（截至${today}）`);
  boldRows.push(1);
  push(`评选级别：${statistics.level}；目标：${targetText(statistics, preset)}（${preset.title}）；共认定 ${statistics.awarded} 人（含任期届满、已取消）`);

  const table = (title: string, type: TableChart['type'], header: string[], body: (string | number)[][], chartColumns: number): void => {
    push('');
    push(`【${title}】`);
    push(...header);
    const headerRow = rows.length;
    boldRows.push(headerRow - 1, headerRow);
    for (const line of body) push(...line);
    charts.push({
      title,
      type,
      firstRow: headerRow,
      lastRow: Math.max(rows.length, headerRow + 1),
      firstColumn: 1,
      lastColumn: chartColumns,
      anchorRow: 3 + charts.length * CHART_ROW_STEP,
      anchorColumn: CHART_COLUMN,
    });
  };

  const targetHeader = statistics.targetIsMinimum ? '目标（不少于）' : '目标';
  table(
    '年度认定',
    'column',
    ['年度', '认定人数', targetHeader, '完成率'],
    statistics.byYear.map((entry) => [yearLabel(entry.year), entry.awarded, entry.target ?? '', completionText(entry.awarded, entry.target)]),
    3,
  );
  table('县（市、区）', 'column', ['县（市、区）', '认定人数'], statistics.byCounty.map((entry) => [entry.county, entry.awarded]), 2);
  table('学段', 'column', ['学段', '认定人数'], statistics.byStage.map((entry) => [entry.stage, entry.awarded]), 2);
  table('申报类别', 'pie', ['申报类别', '认定人数'], statistics.byCategory.map((entry) => [entry.category, entry.awarded]), 2);
  table(statistics.level === '县级' ? '县级工作室' : '市级工作室', 'column', ['学段', '工作室数', '目标'], studios.map((entry) => [entry.stage, entry.studios, entry.target ?? '']), 3);

  if (problems.length > 0) {
    push('');
    push('【提示】');
    boldRows.push(rows.length);
    for (const problem of problems) push(problem);
  }
  return { rows, width: WIDTH, boldRows, charts };
}
