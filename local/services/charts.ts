/**
 * Embedded charts of the offline runtime: the Charts service (its ChartType enum), Sheet.newChart's
 * EmbeddedChartBuilder, the EmbeddedChart it builds, ChartOptions and ContainerInfo, and the
 * Sheet members that insert, list, update and remove charts. exceljs cannot write real charts, so
 * a chart's definition (type, ranges, anchor, options) is kept beside the table in the workbook's
 * hidden state sheet and comes back the same after a save and reopen; Excel shows nothing of it.
 * Behaviour follows Google's reference (spreadsheet/embedded-chart-builder, embedded-chart,
 * container-info, sheet; charts/chart-type, chart-options); what it leaves unsaid is refused as
 * not available locally.
 */
import type ExcelJS from 'exceljs';
import { parseA1, rectA1 } from './a1-notation';
import { internalOf, makeEnum, makeFake, realmArray, unavailable, type FakeContext } from './fake-object';
import { makeRange, rangeRefOf } from './range';
import type { SpreadsheetEnv } from './workbook-model';
import type { StoredChart, StoredChartRange } from './workbook-state';

/** Charts.ChartType, as the reference lists it. */
export const CHART_TYPE_NAMES = [
  'TIMELINE', 'AREA', 'BAR', 'BUBBLE', 'CANDLESTICK', 'COLUMN', 'COMBO', 'GAUGE', 'GEO', 'HISTOGRAM',
  'RADAR', 'LINE', 'ORG', 'PIE', 'SCATTER', 'SPARKLINE', 'STEPPED_AREA', 'TABLE', 'TREEMAP', 'WATERFALL',
] as const;

/** The Charts service: only its ChartType enum (other members are not available locally). */
export function makeChartsService(context: FakeContext): unknown {
  return makeFake(context, 'Charts', () => ({ ChartType: makeEnum(context, 'ChartType', CHART_TYPE_NAMES) }));
}

/**
 * What a builder or a built chart holds: a StoredChart whose id is null until it is inserted, and
 * whose type or position may still be missing.
 */
interface ChartDraft extends Omit<StoredChart, 'id' | 'type' | 'position'> {
  id: number | null;
  type?: string;
  position?: StoredChart['position'];
}

/** A deep copy (charts handed out are snapshots: changing one changes nothing stored). */
function copyOf<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** An option value a chart can keep: a string, number, boolean or null, or a list of them. */
function optionValue(context: FakeContext, option: string, value: unknown): unknown {
  const primitive = (item: unknown) => item === null || ['string', 'number', 'boolean'].includes(typeof item);
  if (primitive(value)) return value;
  if (Array.isArray(value) && value.every(primitive)) return [...value];
  return unavailable(context, 'EmbeddedChartBuilder', 'setOption', `the value of "${option}" (only text, numbers, true/false or lists of them)`);
}

/** A 1-based position or a pixel offset given to setPosition, checked. */
function positionPart(context: FakeContext, value: unknown, least: number, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < least) {
    unavailable(context, 'EmbeddedChartBuilder', 'setPosition', `${name} ${String(value)}`);
  }
  return value;
}

/** The Range fakes of a chart's ranges (a range whose sheet is gone is left out). */
function rangesOf(env: SpreadsheetEnv, ranges: readonly StoredChartRange[]): unknown[] {
  const fakes: unknown[] = [];
  for (const stored of ranges) {
    const sheet = env.model.sheetByName(stored.sheetName);
    const grid = sheet ? env.model.grid(sheet) : undefined;
    const rect = sheet && grid ? parseA1(stored.a1, grid.maxRows, grid.maxColumns) : undefined;
    if (sheet && rect) fakes.push(makeRange(env, { sheet, ...rect }));
  }
  return realmArray(env.context, fakes);
}

/** ContainerInfo: where a chart is anchored. */
function makeContainerInfo(context: FakeContext, position: StoredChart['position']): unknown {
  return makeFake(context, 'ContainerInfo', () => ({
    getAnchorRow: () => position.row,
    getAnchorColumn: () => position.column,
    getOffsetX: () => position.offsetX,
    getOffsetY: () => position.offsetY,
  }));
}

/** The ContainerInfo of a draft; a chart never positioned is not something the runtime can describe. */
function containerOf(context: FakeContext, draft: ChartDraft, interfaceName: string, method: string): unknown {
  if (!draft.position) unavailable(context, interfaceName, method, 'a chart without setPosition');
  return makeContainerInfo(context, { ...draft.position });
}

/** EmbeddedChartBuilder over a draft: from Sheet.newChart() (id null) or EmbeddedChart.modify(). */
export function makeChartBuilder(env: SpreadsheetEnv, start: ChartDraft): unknown {
  const { context } = env;
  const draft = copyOf(start);
  const rangeOf = (range: unknown, method: string): StoredChartRange => {
    const ref = rangeRefOf(context, range, `EmbeddedChartBuilder.${method}`);
    return { sheetName: ref.sheet.name, a1: rectA1(ref) };
  };
  const same = (a: StoredChartRange, b: StoredChartRange) => a.sheetName === b.sheetName && a.a1 === b.a1;
  return makeFake(context, 'EmbeddedChartBuilder', (self) => ({
    addRange(range: unknown) {
      const added = rangeOf(range, 'addRange');
      // "If the range has already been added to the chart, it is not added again."
      if (!draft.ranges.some((kept) => same(kept, added))) draft.ranges.push(added);
      return self;
    },
    removeRange(range: unknown) {
      const removed = rangeOf(range, 'removeRange');
      draft.ranges = draft.ranges.filter((kept) => !same(kept, removed));
      return self;
    },
    clearRanges() {
      draft.ranges = [];
      return self;
    },
    getRanges: () => rangesOf(env, draft.ranges),
    setChartType(type: unknown) {
      const name = String(type);
      if (!(CHART_TYPE_NAMES as readonly string[]).includes(name)) unavailable(context, 'EmbeddedChartBuilder', 'setChartType', `chart type ${name}`);
      draft.type = name;
      return self;
    },
    getChartType() {
      if (draft.type === undefined) unavailable(context, 'EmbeddedChartBuilder', 'getChartType', 'a chart whose type was never set');
      return draft.type;
    },
    setOption(option: unknown, value: unknown) {
      const name = String(option);
      draft.options[name] = optionValue(context, name, value);
      return self;
    },
    setPosition(anchorRowPos: unknown, anchorColPos: unknown, offsetX: unknown, offsetY: unknown) {
      draft.position = {
        row: positionPart(context, anchorRowPos, 1, 'anchor row'),
        column: positionPart(context, anchorColPos, 1, 'anchor column'),
        offsetX: positionPart(context, offsetX, 0, 'offset x'),
        offsetY: positionPart(context, offsetY, 0, 'offset y'),
      };
      return self;
    },
    getContainer: () => containerOf(context, draft, 'EmbeddedChartBuilder', 'getContainer'),
    // "This method does not automatically draw the chart on top of the spreadsheet."
    build: () => makeEmbeddedChart(env, copyOf(draft)),
  }));
}

/** An EmbeddedChart: a built chart (id null until inserted) or one on a sheet (from getCharts). */
export function makeEmbeddedChart(env: SpreadsheetEnv, draft: ChartDraft): unknown {
  const { context } = env;
  return makeFake(
    context,
    'EmbeddedChart',
    () => ({
      getChartId: () => draft.id,
      getOptions: () =>
        makeFake(context, 'ChartOptions', () => ({
          // "The value currently set for the specified option or null if the option was not set."
          get(option: unknown) {
            const value = draft.options[String(option)];
            if (value === undefined) return null;
            return Array.isArray(value) ? realmArray(context, value) : value;
          },
        })),
      getRanges: () => rangesOf(env, draft.ranges),
      getContainerInfo: () => containerOf(context, draft, 'EmbeddedChart', 'getContainerInfo'),
      modify: () => makeChartBuilder(env, draft),
    }),
    { internal: draft },
  );
}

/** The Sheet members of charts, for the Sheet fake over `sheet`. */
export function sheetChartMembers(env: SpreadsheetEnv, sheet: ExcelJS.Worksheet): Record<string, (...args: unknown[]) => unknown> {
  const { context, model } = env;
  const state = model.state;
  const draftOf = (chart: unknown, method: string) => internalOf<ChartDraft>(context, chart, 'EmbeddedChart', `Sheet.${method}`);
  /** The stored chart of this sheet a chart stands for, else the runtime cannot say what Sheets would do. */
  const storedIndex = (draft: ChartDraft, method: string): number => {
    const index = state.charts.findIndex((stored) => stored.id === draft.id && stored.sheetName === sheet.name);
    if (index < 0) unavailable(context, 'Sheet', method, draft.id === null ? 'a chart never inserted' : 'a chart of another sheet or one already removed');
    return index;
  };
  /** A draft complete enough to keep: it has a type, ranges and a position. */
  const complete = (draft: ChartDraft, method: string): StoredChart => {
    if (draft.type === undefined) unavailable(context, 'Sheet', method, 'a chart without setChartType');
    if (draft.ranges.length === 0) unavailable(context, 'Sheet', method, 'a chart without ranges');
    if (!draft.position) unavailable(context, 'Sheet', method, 'a chart without setPosition');
    return { ...copyOf(draft), id: draft.id ?? 0, type: draft.type, position: { ...draft.position }, sheetName: sheet.name };
  };
  return {
    newChart: () => makeChartBuilder(env, { id: null, sheetName: sheet.name, ranges: [], options: {} }),
    getCharts: () =>
      realmArray(
        context,
        state.charts.filter((stored) => stored.sheetName === sheet.name).map((stored) => makeEmbeddedChart(env, copyOf(stored))),
      ),
    insertChart(chart: unknown) {
      const draft = draftOf(chart, 'insertChart');
      if (draft.id !== null && state.charts.some((stored) => stored.id === draft.id)) {
        unavailable(context, 'Sheet', 'insertChart', 'a chart already on a sheet (use updateChart)');
      }
      const stored = complete(draft, 'insertChart');
      stored.id = state.newChartId();
      state.charts.push(stored);
      draft.id = stored.id; // the chart now stands for the inserted one: getChartId() gives its id
      draft.sheetName = sheet.name;
    },
    updateChart(chart: unknown) {
      const draft = draftOf(chart, 'updateChart');
      const index = storedIndex(draft, 'updateChart');
      state.charts[index] = complete(draft, 'updateChart');
    },
    removeChart(chart: unknown) {
      const draft = draftOf(chart, 'removeChart');
      state.charts.splice(storedIndex(draft, 'removeChart'), 1);
    },
  };
}

/** Charts follow a sheet renamed: those on it, and ranges read from it. */
export function renameChartSheet(charts: StoredChart[], from: string, to: string): void {
  for (const chart of charts) {
    if (chart.sheetName === from) chart.sheetName = to;
    for (const range of chart.ranges) if (range.sheetName === from) range.sheetName = to;
  }
}

/**
 * A sheet deleted takes its charts with it; a chart elsewhere drawing from it loses those ranges
 * (Sheets shows them as #REF!) and keeps the rest.
 */
export function dropChartSheet(charts: StoredChart[], sheetName: string): StoredChart[] {
  return charts
    .filter((chart) => chart.sheetName !== sheetName)
    .map((chart) => ({ ...chart, ranges: chart.ranges.filter((range) => range.sheetName !== sheetName) }));
}
