/**
 * The report page's style sheet: cards on a light background on screen, one column on a narrow
 * screen, and plain black on white for print (no navigation, data tables opened, no card split
 * over two pages).
 */
import { FONT_STACK } from './report-script';

/** The page's CSS. */
export const PAGE_STYLE = `
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #f4f6f9; color: #202124; font-family: ${FONT_STACK}; font-size: 14px; line-height: 1.6; overflow-wrap: anywhere; }
a { color: #1a5fc8; }
a:focus-visible, summary:focus-visible { outline: 2px solid #174ea6; outline-offset: 2px; }
.page { max-width: 1180px; margin: 0 auto; padding: 0 20px 32px; }
header.top { background: #174ea6; color: #fff; padding: 22px 0 18px; }
header.top .page { padding-bottom: 0; }
header.top h1 { margin: 0 0 6px; font-size: 24px; letter-spacing: 0.5px; }
header.top .meta { margin: 0; color: #d2e3fc; display: flex; flex-wrap: wrap; gap: 4px 18px; }
header.top .meta b { color: #fff; font-weight: 600; }
.synthetic { margin: 16px 0 0; padding: 10px 14px; background: #fef7e0; border-left: 4px solid #f9ab00; border-radius: 4px; color: #5f4300; }
nav.toc { margin: 12px 0 0; display: flex; flex-wrap: wrap; gap: 6px; }
nav.toc a { display: inline-block; padding: 2px 10px; border-radius: 12px; background: #fff; border: 1px solid #dadce0; text-decoration: none; font-size: 13px; }
section { margin-top: 26px; }
h2 { font-size: 18px; margin: 0 0 10px; padding-bottom: 4px; border-bottom: 2px solid #d2e3fc; }
h3 { font-size: 15px; margin: 0 0 8px; }
.kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; }
.kpi { background: #fff; border-radius: 8px; padding: 12px 14px; box-shadow: 0 1px 2px rgba(60, 64, 67, 0.15); }
.kpi .value { display: block; font-size: 26px; font-weight: 700; color: #174ea6; line-height: 1.2; }
.kpi .label { display: block; color: #5f6368; font-size: 13px; }
.kpi .note { display: block; color: #5f6368; font-size: 12px; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: 16px; }
.card { background: #fff; border-radius: 8px; padding: 14px 16px; box-shadow: 0 1px 2px rgba(60, 64, 67, 0.15); min-width: 0; margin: 0; }
.card.wide { grid-column: 1 / -1; }
.grid.pair { grid-template-columns: minmax(0, 1fr) minmax(0, 2fr); }
code { font-family: ui-monospace, "DejaVu Sans Mono", Consolas, monospace; font-size: 0.92em; }
.chart-box { position: relative; width: 100%; }
.chart-box canvas { display: block; max-width: 100%; }
.empty { color: #5f6368; padding: 24px 0; text-align: center; }
details.data { margin-top: 8px; font-size: 13px; }
details.data summary { cursor: pointer; color: #1a5fc8; }
.table-wrap { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; font-size: 13px; background: #fff; }
caption { text-align: left; font-weight: 600; padding: 0 0 6px; }
th, td { border-bottom: 1px solid #e8eaed; padding: 6px 8px; text-align: left; vertical-align: top; }
thead th { background: #f1f3f4; font-weight: 600; white-space: nowrap; }
td.nowrap, th.nowrap { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tfoot td, tfoot th { font-weight: 600; border-top: 2px solid #dadce0; }
.reason { color: #3c4043; }
.files { margin: 0; padding-left: 20px; }
.files li { margin: 2px 0; }
.files code { color: #5f6368; font-size: 12px; }
footer.bottom { margin-top: 32px; color: #5f6368; font-size: 12px; border-top: 1px solid #dadce0; padding-top: 10px; }
@media (max-width: 900px) {
  .grid.pair { grid-template-columns: minmax(0, 1fr); }
}
@media (max-width: 640px) {
  .page { padding: 0 12px 24px; }
  header.top h1 { font-size: 20px; }
  .grid, .grid.pair { grid-template-columns: minmax(0, 1fr); }
  .kpis { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .kpi .value { font-size: 22px; }
}
@media print {
  @page { size: A4; margin: 12mm; }
  body { background: #fff; font-size: 11pt; }
  header.top { background: #fff; color: #000; padding: 0 0 6px; border-bottom: 2px solid #000; }
  header.top .meta, header.top .meta b { color: #000; }
  nav.toc, details.data summary { display: none; }
  details.data::details-content { content-visibility: visible; display: contents; }
  .page { max-width: none; padding: 0; }
  .kpi, .card { box-shadow: none; border: 1px solid #bbb; }
  .card, .kpi, tr, figure { break-inside: avoid; }
  h2 { break-after: avoid; border-bottom-color: #000; }
  .grid { display: block; }
  .grid > .card { margin-bottom: 10px; }
  a { color: #000; text-decoration: none; }
  .synthetic { background: #fff; border: 1px solid #000; color: #000; }
}
`;
