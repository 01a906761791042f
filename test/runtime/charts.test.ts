/**
 * Embedded charts in the offline runtime: Sheet.newChart → EmbeddedChartBuilder → insertChart,
 * getCharts, modify → updateChart, removeChart, the Charts.ChartType enum, the calls counted, the
 * members not provided, charts kept with the workbook across a save and reopen (and across a sheet
 * renamed or deleted), and src/gas/charts.ts placeCharts run against that fake: the add-on's
 * charts replaced by title, a person's chart left alone, no duplicates on a second run.
 */
import { buildSync } from 'esbuild';
import { join } from 'node:path';
import { openWith, readXlsx, tempDir, writeXlsx } from './helpers';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const root = join(__dirname, '..', '..');

/**
 * src/gas/charts.ts built the way scripts/build.mjs builds the add-on (esbuild, one IIFE), with
 * placeCharts made a global, followed by the test's own functions: until a capability of the
 * add-on calls it, this is how the bundle side of placeCharts meets the fake.
 */
function withPlaceCharts(code: string): string {
  const built = buildSync({
    stdin: { contents: "import { placeCharts } from './src/gas/charts';\nglobalThis.placeCharts = placeCharts;", resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'iife',
    target: 'es2020',
    write: false,
  });
  return `${built.outputFiles[0]!.text}\n${code}`;
}

let counter = 0;
async function workbook(): Promise<string> {
  counter += 1;
  return writeXlsx(join(dir, `charts-${counter}.xlsx`), (book) => {
    const stats = book.addWorksheet('统计');
    stats.addRow(['年份', '认定人数', '目标']);
    stats.addRow([2024, 150, 180]);
    stats.addRow([2025, 190, 180]);
    stats.addRow(['县区', '认定人数']);
    stats.addRow(['红塔区', 40]);
    book.addWorksheet('备注');
  });
}

/** Bundle helpers: every chart of a sheet as plain data the test can compare. */
const DESCRIBE = `
function sheet(name) { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name); }
function describe(name) {
  return sheet(name).getCharts().map(function (chart) {
    var at = chart.getContainerInfo();
    return {
      id: chart.getChartId(),
      title: chart.getOptions().get('title'),
      type: String(chart.modify().getChartType()),
      ranges: chart.getRanges().map(function (r) { return r.getSheet().getName() + '!' + r.getA1Notation(); }),
      at: [at.getAnchorRow(), at.getAnchorColumn(), at.getOffsetX(), at.getOffsetY()]
    };
  });
}`;

test('a chart built with newChart is kept by insertChart, listed by getCharts, changed by modify/updateChart, gone after removeChart', async () => {
  const runtime = await openWith(
    await workbook(),
    `${DESCRIBE}
     function insert() {
       var s = sheet('统计');
       var chart = s.newChart().setChartType(Charts.ChartType.COLUMN).addRange(s.getRange('A1:C3'))
         .addRange(s.getRange('A1:C3')).setPosition(2, 5, 0, 0).setOption('title', '各年度认定人数').build();
       var before = chart.getChartId();
       s.insertChart(chart);
       return [before, chart.getChartId()];
     }
     function update() {
       var s = sheet('统计');
       var chart = s.getCharts()[0];
       s.updateChart(chart.modify().clearRanges().addRange(s.getRange('A4:B5')).setChartType(Charts.ChartType.PIE).setPosition(8, 1, 4, 6).build());
     }
     function remove() { var s = sheet('统计'); s.removeChart(s.getCharts()[0]); return s.getCharts().length; }`,
  );
  try {
    const [before, after] = runtime.bundle.call('insert') as [unknown, number];
    expect(before).toBeNull(); // "null if the chart is not in a spreadsheet"
    expect(typeof after).toBe('number');
    expect(runtime.bundle.call('describe', '统计')).toEqual([
      { id: after, title: '各年度认定人数', type: 'COLUMN', ranges: ['统计!A1:C3'], at: [2, 5, 0, 0] }, // the range added twice is kept once
    ]);
    expect(runtime.bundle.call('describe', '备注')).toEqual([]);
    runtime.bundle.call('update');
    expect(runtime.bundle.call('describe', '统计')).toEqual([
      { id: after, title: '各年度认定人数', type: 'PIE', ranges: ['统计!A4:B5'], at: [8, 1, 4, 6] },
    ]);
    expect(runtime.bundle.call('remove')).toBe(0);
    expect(runtime.counter.of('Sheet.newChart')).toBe(1);
    expect(runtime.counter.of('Sheet.insertChart')).toBe(1);
    expect(runtime.counter.of('Sheet.updateChart')).toBe(1);
    expect(runtime.counter.of('Sheet.removeChart')).toBe(1);
    expect(runtime.counter.of('EmbeddedChartBuilder.addRange')).toBe(3);
    expect(runtime.counter.of('EmbeddedChart.modify')).toBe(3); // describe() twice, update() once
    expect(runtime.counter.of('ChartOptions.get')).toBe(2);
    expect(runtime.changed).toBe(true);
  } finally {
    runtime.close();
  }
});

test('what the runtime does not provide says so, naming Interface.method', async () => {
  const runtime = await openWith(
    await workbook(),
    `${DESCRIBE}
     function attempt(body) { try { body(); return 'no error'; } catch (e) { return e.message; } }
     function missing() {
       var s = sheet('统计');
       return [
         attempt(function () { s.newChart().setNumHeaders(1); }),
         attempt(function () { s.newChart().asColumnChart(); }),
         attempt(function () { Charts.newDataTable(); }),
         attempt(function () { return Charts.ChartType.NOT_A_TYPE; }),
         attempt(function () { s.updateChart(s.newChart().setChartType(Charts.ChartType.BAR).addRange(s.getRange('A1:B2')).setPosition(1, 1, 0, 0).build()); }),
         attempt(function () { s.insertChart(s.newChart().addRange(s.getRange('A1:B2')).setPosition(1, 1, 0, 0).build()); }),
         attempt(function () { s.insertChart('chart'); })
       ];
     }`,
  );
  try {
    expect(runtime.bundle.call('missing')).toEqual([
      'not available in the local runtime: EmbeddedChartBuilder.setNumHeaders',
      'not available in the local runtime: EmbeddedChartBuilder.asColumnChart',
      'not available in the local runtime: Charts.newDataTable',
      'not available in the local runtime: ChartType.NOT_A_TYPE',
      'not available in the local runtime: Sheet.updateChart (a chart never inserted)',
      'not available in the local runtime: Sheet.insertChart (a chart without setChartType)',
      "The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.insertChart.",
    ]);
  } finally {
    runtime.close();
  }
});

const PLACE = `${DESCRIBE}
function place(name, plans) { placeCharts(sheet(name), plans); }
function personsChart() {
  var s = sheet('统计');
  s.insertChart(s.newChart().setChartType(Charts.ChartType.BAR).addRange(s.getRange('A1:B3')).setPosition(20, 1, 0, 0).setOption('title', '我自己做的图').build());
}`;

const PLANS = [
  { title: '各年度认定人数', type: 'column', range: 'A1:C3', row: 1, column: 5 },
  { title: '各县区认定人数', type: 'pie', range: 'A4:B5', row: 18, column: 5 },
];

test("placeCharts twice leaves the add-on's charts once each, updated in place, and a person's chart untouched", async () => {
  const runtime = await openWith(await workbook(), withPlaceCharts(PLACE));
  try {
    runtime.bundle.call('personsChart');
    const persons = runtime.bundle.call('describe', '统计') as { id: number }[];
    runtime.bundle.call('place', '统计', PLANS);
    const first = runtime.bundle.call('describe', '统计') as { id: number; title: string }[];
    expect(first.map((chart) => chart.title).sort()).toEqual(['各县区认定人数', '各年度认定人数', '我自己做的图']);
    runtime.bundle.call('place', '统计', PLANS);
    const second = runtime.bundle.call('describe', '统计');
    expect(second).toEqual(first);
    // A new plan for one title changes that chart, keeping its id; the person's chart stays as it was.
    runtime.bundle.call('place', '统计', [{ ...PLANS[0], type: 'bar', range: 'A1:B3', row: 2 }, PLANS[1]]);
    const third = runtime.bundle.call('describe', '统计') as { id: number; title: string; type: string; ranges: string[]; at: number[] }[];
    const yearly = third.find((chart) => chart.title === '各年度认定人数');
    expect(yearly).toEqual({ id: first.find((chart) => chart.title === '各年度认定人数')!.id, title: '各年度认定人数', type: 'BAR', ranges: ['统计!A1:B3'], at: [2, 5, 0, 0] });
    expect(third.find((chart) => chart.title === '我自己做的图')).toEqual(persons[0]);
    expect(third).toHaveLength(3);
    expect(runtime.counter.of('Sheet.insertChart')).toBe(3); // the person's and the add-on's two, once
  } finally {
    runtime.close();
  }
});

test('placeCharts removes a second copy of one of its charts (an earlier run stopped half-way)', async () => {
  const runtime = await openWith(
    await workbook(),
    withPlaceCharts(`${PLACE}
      function copy() {
        var s = sheet('统计');
        s.insertChart(s.newChart().setChartType(Charts.ChartType.PIE).addRange(s.getRange('A4:B5')).setPosition(30, 1, 0, 0).setOption('title', '各县区认定人数').build());
      }`),
  );
  try {
    runtime.bundle.call('place', '统计', PLANS);
    runtime.bundle.call('copy');
    runtime.bundle.call('place', '统计', PLANS);
    const titles = (runtime.bundle.call('describe', '统计') as { title: string }[]).map((chart) => chart.title).sort();
    expect(titles).toEqual(['各县区认定人数', '各年度认定人数']);
  } finally {
    runtime.close();
  }
});

test('charts are kept with the workbook: a save and reopen gives the same getCharts(), Excel sees no extra cells', async () => {
  const path = await workbook();
  const first = await openWith(path, withPlaceCharts(PLACE));
  let before: unknown;
  try {
    first.bundle.call('personsChart');
    first.bundle.call('place', '统计', PLANS);
    before = first.bundle.call('describe', '统计');
    expect(await first.save()).toBe(true);
  } finally {
    first.close();
  }
  const second = await openWith(path, withPlaceCharts(PLACE));
  try {
    expect(second.bundle.call('describe', '统计')).toEqual(before);
    second.bundle.call('place', '统计', PLANS);
    expect(second.bundle.call('describe', '统计')).toEqual(before);
  } finally {
    second.close();
  }
  const saved = await readXlsx(path);
  const visible = saved.worksheets.filter((sheet) => sheet.state === 'visible').map((sheet) => [sheet.name, sheet.actualRowCount, sheet.actualColumnCount]);
  expect(visible).toEqual([
    ['统计', 5, 3],
    ['备注', 0, 0],
  ]);
});

test('a renamed sheet keeps its charts (their ranges follow); a deleted sheet takes its charts along', async () => {
  const path = await workbook();
  const runtime = await openWith(
    path,
    withPlaceCharts(`${PLACE}
      function onNotes() {
        var s = sheet('备注');
        s.insertChart(s.newChart().setChartType(Charts.ChartType.COLUMN).addRange(sheet('统计').getRange('A1:C3')).addRange(s.getRange('A1:B2')).setPosition(1, 1, 0, 0).setOption('title', '引用统计').build());
      }
      function rename() { sheet('统计').setName('统计表'); }
      function drop() { SpreadsheetApp.getActiveSpreadsheet().deleteSheet(sheet('统计表')); }`),
  );
  try {
    runtime.bundle.call('place', '统计', PLANS);
    runtime.bundle.call('onNotes');
    runtime.bundle.call('rename');
    const renamed = runtime.bundle.call('describe', '统计表') as { ranges: string[] }[];
    expect(renamed.map((chart) => chart.ranges)).toEqual([['统计表!A1:C3'], ['统计表!A4:B5']]);
    expect((runtime.bundle.call('describe', '备注') as { ranges: string[] }[])[0]!.ranges).toEqual(['统计表!A1:C3', '备注!A1:B2']);
    runtime.bundle.call('drop');
    expect((runtime.bundle.call('describe', '备注') as { ranges: string[] }[])[0]!.ranges).toEqual(['备注!A1:B2']);
    await runtime.save();
    expect(runtime.state.charts.map((chart) => chart.sheetName)).toEqual(['备注']);
  } finally {
    runtime.close();
  }
});

test("columns inserted left of a chart's range are refused (the chart would not follow); at the grid's end they are not", async () => {
  const runtime = await openWith(
    await workbook(),
    withPlaceCharts(`${PLACE}
      function widen(after) { try { sheet('统计').insertColumnsAfter(after, 1); return 'inserted'; } catch (e) { return e.message; } }`),
  );
  try {
    expect(runtime.bundle.call('widen', 1)).toBe('inserted'); // no chart yet
    runtime.bundle.call('place', '统计', PLANS);
    expect(runtime.bundle.call('widen', 1)).toBe('not available in the local runtime: Sheet.insertColumnsAfter (columns to the right have embedded charts)');
    expect(runtime.bundle.call('widen', 26)).toBe('inserted');
    expect(runtime.bundle.call('describe', '统计')).toHaveLength(2);
  } finally {
    runtime.close();
  }
});
