/**
 * The demo's out/report.html: one self-contained page (Chart.js inlined, no network) with charts
 * of the targets and the verdicts and a table per stage, drawn from DemoReportData.
 */
import type { DemoReportData } from './report-data';

/** The whole report page as HTML text. */
export function renderReport(data: DemoReportData): string {
  throw new Error(`报告页尚未实现（${data.candidates} 行）`);
}
