/**
 * out/report.html in headless Chromium, opened from file:// as a user would: no request leaves the
 * page (every one is counted and aborted), Chart.js draws one chart on each canvas with real
 * pixels, nothing is logged as an error, a reason carrying markup stays text, the fallback tables
 * carry the numbers, and the page holds together on a narrow screen and in print. Screenshots go to
 * test-results/demo-report.png (and -narrow.png) to be looked at.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { DemoReportData, LabelCount } from '../../local/demo/report-data';
import { renderReport } from '../../local/demo/report';
import { CHART_NAMES } from '../../local/demo/report-script';
import { HOSTILE_REASON, sampleReportData } from '../support/demo-report-sample';
import { launchBrowser, RESULTS } from './support/harness';

/** What the page did while it was open. */
interface Watched {
  page: Page;
  /** Every request other than the page itself (all aborted). */
  requests: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Alerts and other dialogs (an injected script would open one). */
  dialogs: string[];
}

let browser: Browser;
let data: DemoReportData;
let pageUrl: string;

beforeAll(async () => {
  data = sampleReportData();
  data.clauses[0]!.example = HOSTILE_REASON;
  data.mistakes[1]!.message = `出生日期无法识别 ${HOSTILE_REASON}`;
  const folder = mkdtempSync(join(tmpdir(), 'banzhuren-report-'));
  const file = join(folder, 'report.html');
  writeFileSync(file, renderReport(data));
  pageUrl = pathToFileURL(file).href;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Opens the report at `width` px, watching requests, errors and dialogs. */
async function open(width: number): Promise<Watched> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const watched: Watched = { page, requests: [], errors: [], dialogs: [] };
  page.on('request', (request) => {
    if (request.url() !== pageUrl) watched.requests.push(request.url());
  });
  await page.route('**/*', (route) => (route.request().url() === pageUrl ? route.continue() : route.abort()));
  page.on('console', (message) => {
    if (message.type() === 'error') watched.errors.push(message.text());
  });
  page.on('pageerror', (error) => watched.errors.push(String(error)));
  page.on('dialog', (dialog) => {
    watched.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // The scripts run before the load event goto waits for, so the charts are there when it returns.
  await page.goto(pageUrl);
  return watched;
}

/** The rows of a fallback table's body as text cells. */
function tableRows(page: Page, id: string): Promise<string[][]> {
  return page.locator(`#${id} tbody tr`).evaluateAll((rows) => rows.map((row) => Array.from(row.children, (cell) => (cell.textContent ?? '').trim())));
}

function countRows(list: LabelCount[]): string[][] {
  return list.map((item) => [item.label, String(item.count)]);
}

test('the page draws a Chart.js chart with visible pixels on every canvas, asks for nothing outside itself and logs no error', async () => {
  const { page, requests, errors, dialogs } = await open(1280);

  const canvases = await page.locator('canvas[data-chart]').evaluateAll((elements) =>
    elements.map((element) => {
      const canvas = element as HTMLCanvasElement;
      const chart = (window as unknown as { Chart: { getChart(canvas: HTMLCanvasElement): { canvas: HTMLCanvasElement } | undefined } }).Chart.getChart(canvas);
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let index = 3; index < pixels.length; index += 4) if (pixels[index]! > 0) painted++;
      return { name: canvas.dataset.chart, chart: chart?.canvas === canvas, painted, label: canvas.getAttribute('aria-label') ?? '', width: canvas.width, height: canvas.height };
    }),
  );
  expect(canvases.map((canvas) => canvas.name)).toEqual([...CHART_NAMES]);
  for (const canvas of canvases) {
    expect({ name: canvas.name, chart: canvas.chart }).toEqual({ name: canvas.name, chart: true });
    expect(canvas.width * canvas.height).toBeGreaterThan(0);
    // A chart's axes, bars and Chinese labels paint well over 1% of its canvas.
    expect({ name: canvas.name, enough: canvas.painted > (canvas.width * canvas.height) / 100 }).toEqual({ name: canvas.name, enough: true });
    expect(canvas.label).toMatch(/\d/);
  }
  expect(await page.evaluate(() => document.documentElement.dataset.charts)).toBe(String(CHART_NAMES.length));
  // One chart per canvas and no other: Chart.js keeps every live chart in Chart.instances.
  expect(await page.evaluate(() => Object.keys((window as unknown as { Chart: { instances: object } }).Chart.instances).length)).toBe(CHART_NAMES.length);

  expect(requests).toEqual([]);
  expect(errors).toEqual([]);
  expect(dialogs).toEqual([]);

  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, 'demo-report.png'), fullPage: true });
  await page.close();
});

test('a reason carrying markup shows as text and runs nothing', async () => {
  const { page, dialogs, errors } = await open(1280);
  expect(await page.locator('img').count()).toBe(0);
  expect(await page.locator('script').count()).toBe(3);
  const clauseRows = await tableRows(page, 'table-clauses');
  expect(clauseRows[0]![3]).toBe(HOSTILE_REASON);
  const mistakeRows = await tableRows(page, 'table-mistakes');
  expect(mistakeRows[1]![3]).toBe(`出生日期无法识别 ${HOSTILE_REASON}`);
  const embedded = await page.evaluate(() => JSON.parse(document.getElementById('report-data')!.textContent!) as DemoReportData);
  expect(embedded.clauses[0]!.example).toBe(HOSTILE_REASON);
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});

test('the fallback tables carry the numbers the charts draw', async () => {
  const { page } = await open(1280);
  expect(await tableRows(page, 'table-counties')).toEqual(
    data.counties.map((item) => [item.county, String(item.nominated), String(item.awarded), item.target === null ? '未定' : String(item.target), item.target ? `${((item.awarded / item.target) * 100).toFixed(1)}%` : '—']),
  );
  expect(await tableRows(page, 'table-year')).toEqual([['本年评定', '172'], ['全市年度目标', '180'], ['完成比例', '95.6%']]);
  expect(await tableRows(page, 'table-verdicts')).toEqual(countRows(data.verdicts));
  expect(await tableRows(page, 'table-clauses')).toEqual(data.clauses.map((item) => [item.clause, String(item.notMet), String(item.toVerify), item.example]));
  expect(await tableRows(page, 'table-states')).toEqual(countRows(data.states));
  expect(await tableRows(page, 'table-byStage')).toEqual(countRows(data.byStage));
  expect(await tableRows(page, 'table-byCategory')).toEqual(countRows(data.byCategory));
  expect(await tableRows(page, 'table-reminders')).toEqual(countRows(data.reminders.byKind));
  for (const name of CHART_NAMES) {
    const described = await page.locator(`#chart-${name}`).getAttribute('aria-describedby');
    expect(await page.locator(`#${described}`).count()).toBe(1);
  }
  await page.close();
});

test('on a narrow screen nothing runs off sideways, and print shows the data tables without the navigation', async () => {
  const { page, errors } = await open(390);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: join(RESULTS, 'demo-report-narrow.png'), fullPage: true });

  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('nav.toc').isVisible()).toBe(false);
  expect(await page.locator('#table-counties').isVisible()).toBe(true);
  expect(errors).toEqual([]);
  await page.close();
});
