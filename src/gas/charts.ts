/**
 * The add-on's embedded charts on a generated sheet (统计 and the like): each planned chart is
 * drawn from an A1 range of the same sheet, anchored at a cell, and recognised later by its title.
 * placeCharts updates the add-on's charts in place (EmbeddedChart.modify() → Sheet.updateChart,
 * so a chart keeps its id), inserts those missing, removes a second copy of one of its titles,
 * and leaves every chart with another title — a chart a person made — untouched. Running it
 * again gives the same charts, never duplicates.
 */

/** One chart the add-on keeps on a sheet; its title is how it is found again. */
export interface ChartPlan {
  title: string;
  type: 'column' | 'bar' | 'pie';
  /** A1 range on the same sheet, header row included. */
  range: string;
  /** Anchor cell of the chart's upper left corner (1-based row and column). */
  row: number;
  column: number;
}

/** The Charts.ChartType of each kind of planned chart. */
const CHART_TYPES: Record<ChartPlan['type'], () => GoogleAppsScript.Charts.ChartType> = {
  column: () => Charts.ChartType.COLUMN,
  bar: () => Charts.ChartType.BAR,
  pie: () => Charts.ChartType.PIE,
};

/** The title a chart was given with setOption('title', …), or '' when it has none. */
function titleOf(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): string {
  const title: unknown = chart.getOptions().get('title');
  return typeof title === 'string' ? title : '';
}

/** Gives a builder (new, or over an existing chart) exactly what the plan says. */
function drawn(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  builder: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder,
  plan: ChartPlan,
): GoogleAppsScript.Spreadsheet.EmbeddedChart {
  return builder
    .clearRanges()
    .addRange(sheet.getRange(plan.range))
    .setChartType(CHART_TYPES[plan.type]())
    .setPosition(plan.row, plan.column, 0, 0)
    .setOption('title', plan.title)
    .build();
}

/**
 * Makes the add-on's charts on `sheet` be exactly `charts` (matched by title): updates those
 * present, inserts those missing, removes extra copies; charts with other titles stay as they are.
 */
export function placeCharts(sheet: GoogleAppsScript.Spreadsheet.Sheet, charts: readonly ChartPlan[]): void {
  const plans = new Map(charts.map((plan) => [plan.title, plan]));
  const placed = new Set<string>();
  for (const chart of sheet.getCharts()) {
    const title = titleOf(chart);
    const plan = plans.get(title);
    if (!plan) continue; // a person's chart
    if (placed.has(title)) {
      sheet.removeChart(chart); // a second copy (an earlier run stopped half-way, or a pasted copy)
      continue;
    }
    sheet.updateChart(drawn(sheet, chart.modify(), plan));
    placed.add(title);
  }
  for (const plan of plans.values()) {
    if (!placed.has(plan.title)) sheet.insertChart(drawn(sheet, sheet.newChart(), plan));
  }
}
