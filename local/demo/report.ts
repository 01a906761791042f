/**
 * The demo's out/report.html: one self-contained page (Chart.js inlined, no network) with charts
 * of the targets, the verdicts, the final states, the awards and the reminders, and a table per
 * stage, mistake, publicity, document, duty, studio and file, drawn from DemoReportData. Every
 * text is escaped here: the tables are drawn in Node, not by the page's script, so the page reads
 * without it too; the charts take their labels from the embedded JSON. A Content-Security-Policy
 * allows only this page's own scripts (by hash) and inline style, and no address at all.
 */
import { createHash } from 'node:crypto';
import { chartLibrary } from './report-chart-library';
import type { ClauseFailures, CountyFigures, DemoFile, DemoReportData, LabelCount } from './report-data';
import { escapeHtml, jsonForScript, maskPersonalDeep } from './report-escape';
import { PAGE_SCRIPT, type ChartName } from './report-script';
import { PAGE_STYLE } from './report-style';

/** The page's title (its <h1>). */
export const REPORT_TITLE = '班主任评选助手 · 演示报告';

type Cell = string | number;
interface Column {
  header: string;
  numeric?: boolean;
  /** Kept on one line (dates, short names). */
  nowrap?: boolean;
}

/** A number as shown: '—' when it is not finite or is negative (the data has only counts and durations). */
function num(value: Cell): Cell {
  return typeof value === 'number' && (!Number.isFinite(value) || value < 0) ? '—' : value;
}

function columnClass(column: Column | undefined): string {
  const classes = [column?.numeric ? 'num' : '', column?.nowrap ? 'nowrap' : ''].filter(Boolean);
  return classes.length ? ` class="${classes.join(' ')}"` : '';
}

/** A table; cells are text (escaped here) unless given as { html }. */
function table(caption: string, columns: Column[], rows: (Cell | { html: string })[][], options: { id?: string; foot?: Cell[] } = {}): string {
  const cell = (value: Cell | { html: string }, column: Column | undefined, tag: 'td' | 'th') => {
    const content = typeof value === 'object' ? value.html : escapeHtml(num(value));
    return `<${tag}${columnClass(column)}>${content}</${tag}>`;
  };
  const head = `<thead><tr>${columns.map((column) => `<th scope="col"${columnClass(column)}>${escapeHtml(column.header)}</th>`).join('')}</tr></thead>`;
  const body = rows.length
    ? rows.map((row) => `<tr>${row.map((value, index) => cell(value, columns[index], index === 0 ? 'th' : 'td').replace(/^<th/, '<th scope="row"')).join('')}</tr>`).join('\n')
    : `<tr><td colspan="${columns.length}">无</td></tr>`;
  const foot = options.foot ? `<tfoot><tr>${options.foot.map((value, index) => cell(value, columns[index], index === 0 ? 'th' : 'td')).join('')}</tr></tfoot>` : '';
  return `<div class="table-wrap"><table${options.id ? ` id="${escapeHtml(options.id)}"` : ''}><caption>${escapeHtml(caption)}</caption>${head}<tbody>\n${body}\n</tbody>${foot}</table></div>`;
}

function total(list: LabelCount[]): number {
  return list.reduce((sum, item) => sum + item.count, 0);
}

/** A LabelCount list as a two-column table. */
function countTable(caption: string, labelHeader: string, countHeader: string, list: LabelCount[], id?: string): string {
  return table(caption, [{ header: labelHeader }, { header: countHeader, numeric: true }], list.map((item) => [item.label, item.count]), { id, foot: list.length ? ['合计', total(list)] : undefined });
}

/** A LabelCount list read out in one sentence, for a canvas's aria-label. */
function countSentence(list: LabelCount[], unit: string): string {
  return list.map((item) => `${item.label} ${num(item.count)} ${unit}`).join('，');
}

/** One chart: its canvas (with aria-label and text fallback) and its numbers as a table. */
interface Figure {
  name: ChartName;
  /** What the chart shows, in one sentence with every number. */
  label: string;
  /** The fallback table (its id must be `table-<name>`). */
  table: string;
  height: number;
  empty: boolean;
  wide?: boolean;
}

function figure(item: Figure): string {
  const tableId = `table-${item.name}`;
  const drawing = item.empty
    ? `<p class="empty">本项没有数据。</p>`
    : `<div class="chart-box" style="height:${item.height}px"><canvas id="chart-${item.name}" data-chart="${item.name}" role="img" aria-label="${escapeHtml(item.label)}" aria-describedby="${tableId}"><p>${escapeHtml(item.label)}</p></canvas></div>`;
  return `<figure class="card${item.wide ? ' wide' : ''}" id="figure-${item.name}">
${drawing}
<details class="data"><summary>查看数据表</summary>
${item.table}
</details>
</figure>`;
}

function countiesFigure(counties: CountyFigures[]): Figure {
  // The city season sets no per-county target (the plan's 不少于100名 is each county's own county-level target): no target column then.
  const hasTarget = counties.some((item) => item.target !== null);
  const what = hasTarget ? '推荐人数、评定人数与规划期目标' : '推荐人数与评定人数';
  const label = `各县（市、区）${what}：${counties.map((item) => `${item.county} 推荐 ${num(item.nominated)} 名、评定 ${num(item.awarded)} 名${hasTarget ? `、目标${item.target === null ? '未定' : ` ${num(item.target)} 名`}` : ''}`).join('；')}`;
  const share = (awarded: number, target: number | null) => (target && target > 0 && Number.isFinite(awarded / target) ? `${((awarded / target) * 100).toFixed(1)}%` : '—');
  const rows = counties.map((item) => [item.county, item.nominated, item.awarded, ...(hasTarget ? [item.target ?? '未定', share(item.awarded, item.target)] : [])]);
  const sums = counties.reduce((sum, item) => ({ nominated: sum.nominated + item.nominated, awarded: sum.awarded + item.awarded, target: sum.target + (item.target ?? 0) }), { nominated: 0, awarded: 0, target: 0 });
  const columns = [{ header: '县（市、区）' }, { header: '推荐人数', numeric: true }, { header: '评定人数', numeric: true }, ...(hasTarget ? [{ header: '规划期目标', numeric: true }, { header: '完成比例', numeric: true }] : [])];
  return {
    name: 'counties',
    label,
    table: table(hasTarget ? '各县（市、区）推荐、评定与规划期目标（不少于）' : '各县（市、区）推荐与评定人数', columns, rows, {
      id: 'table-counties',
      foot: ['合计', sums.nominated, sums.awarded, ...(hasTarget ? [sums.target, share(sums.awarded, sums.target)] : [])],
    }),
    height: Math.max(260, 70 + counties.length * 44),
    empty: counties.length === 0,
    wide: true,
  };
}

function yearFigure(given: DemoReportData['yearTarget']): Figure {
  const year = { year: num(given.year), awarded: num(given.awarded), target: num(given.target) };
  const hasTarget = typeof year.target === 'number' && year.target > 0 && typeof year.awarded === 'number';
  const share = hasTarget ? `${(((year.awarded as number) / (year.target as number)) * 100).toFixed(1)}%` : '—';
  return {
    name: 'year',
    label: hasTarget ? `${year.year} 年评定 ${year.awarded} 名，全市年度目标 ${year.target} 名，完成 ${share}` : `${year.year} 年评定 ${year.awarded} 名，未设年度目标`,
    table: table(`${year.year} 年评定与全市年度目标`, [{ header: '项目' }, { header: '人数', numeric: true }], [['本年评定', year.awarded], ['全市年度目标', hasTarget ? year.target : '未设'], ['完成比例', share]], { id: 'table-year' }),
    height: 170,
    empty: false,
    wide: true,
  };
}

function clausesFigure(clauses: ClauseFailures[]): Figure {
  return {
    name: 'clauses',
    label: `各条款未通过的行数：${clauses.map((item) => `${item.clause} 不符合 ${num(item.notMet)} 行、待核实 ${num(item.toVerify)} 行`).join('；')}`,
    table: table(
      '各条款未通过的行数与审查说明示例',
      [{ header: '条款' }, { header: '不符合', numeric: true }, { header: '待核实', numeric: true }, { header: '审查说明示例' }],
      clauses.map((item) => [item.clause, item.notMet, item.toVerify, { html: `<span class="reason">${escapeHtml(item.example)}</span>` }]),
      { id: 'table-clauses' },
    ),
    height: Math.max(300, 90 + clauses.length * 34),
    empty: clauses.length === 0,
  };
}

function countFigure(name: ChartName, caption: string, labelHeader: string, unit: string, list: LabelCount[], height = 280): Figure {
  return {
    name,
    label: `${caption}：${countSentence(list, unit)}`,
    table: countTable(caption, labelHeader, `${unit}数`, list, `table-${name}`),
    height: Math.max(height, 80 + list.length * 30),
    empty: list.length === 0 || total(list) === 0,
  };
}

/** 'YYYY-MM-DD' with its weekday, e.g. '2024-09-27（周五）'; anything else unchanged. */
function dayWithWeekday(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const weekday = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).getUTCDay();
  return `${day}（周${'日一二三四五六'[weekday]}）`;
}

/** How many characters of a stage's summary the table shows (the whole text stays in the data). */
const SUMMARY_LIMIT = 160;

/** The text cut to `limit` characters (not code units) with '……' when longer. */
function shortened(text: string, limit: number): string {
  const characters = Array.from(text);
  return characters.length > limit ? `${characters.slice(0, limit).join('')}……` : text;
}

/** The holidays a publicity crossed: names as given; runs of consecutive dates as 'A 至 B'; none as '无'. */
function holidayText(holidays: string[]): string {
  if (holidays.length === 0) return '无';
  const parts: string[] = [];
  let run: { first: string; last: string; time: number } | undefined;
  const flush = () => {
    if (run) parts.push(run.first === run.last ? run.first : `${run.first} 至 ${run.last}`);
    run = undefined;
  };
  for (const holiday of holidays) {
    const time = /^\d{4}-\d{2}-\d{2}$/.test(holiday) ? Date.parse(`${holiday}T00:00:00Z`) : Number.NaN;
    if (Number.isNaN(time)) {
      flush();
      parts.push(holiday);
    } else if (run && time === run.time + 86_400_000) {
      run = { first: run.first, last: holiday, time };
    } else {
      flush();
      run = { first: holiday, last: holiday, time };
    }
  }
  flush();
  return parts.join('、');
}

/** An ISO time as Beijing time, e.g. '2026-11-30 03:55（北京时间）'; unreadable text unchanged. */
function beijingTime(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return `${new Date(time + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')}（北京时间）`;
}

/** Milliseconds as Chinese text: 毫秒 under a second, 秒 with one decimal, then 分 and 秒, then 小时 too. */
function duration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  // The bounds are where rounding would otherwise print '1000 毫秒' or '60.0 秒'.
  if (ms < 999.5) return `${Math.round(ms)} 毫秒`;
  if (ms < 59_950) return `${(ms / 1000).toFixed(1)} 秒`;
  const seconds = Math.round(ms / 1000);
  const minutes = `${Math.floor(seconds / 60) % 60} 分 ${seconds % 60} 秒`;
  return seconds < 3600 ? minutes : `${Math.floor(seconds / 3600)} 小时 ${minutes}`;
}

/** A relative link to a file the demo wrote, or plain text when the path is not a plain relative one. */
function fileLink(file: DemoFile): string {
  const folder = /[\\/]$/.test(file.path);
  const segments = file.path.replace(/[\\/]$/, '').split(/[\\/]/);
  const plain = file.path !== '' && !/^[\\/]/.test(file.path) && segments.every((segment) => segment !== '' && segment !== '.' && segment !== '..');
  const text = `${escapeHtml(file.label)} <code>${escapeHtml(file.path)}</code>`;
  if (!plain) return text;
  const href = segments.map((segment) => encodeURIComponent(segment)).join('/') + (folder ? '/' : '');
  return `<a href="${escapeHtml(href)}">${escapeHtml(file.label)}</a> <code>${escapeHtml(file.path)}</code>`;
}

function kpi(value: Cell, label: string, note = ''): string {
  return `<div class="kpi"><span class="value">${escapeHtml(num(value))}</span><span class="label">${escapeHtml(label)}</span>${note ? `<span class="note">${escapeHtml(note)}</span>` : ''}</div>`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

/** The whole report page as HTML text. */
export function renderReport(input: DemoReportData): string {
  const data = maskPersonalDeep(input);
  const library = chartLibrary();
  const year = data.seasonYear;
  const passed = data.verdicts.find((item) => item.label === '符合')?.count ?? 0;
  const stageTotals = data.stages.reduce((sum, stage) => ({ calls: sum.calls + stage.calls, modelledMs: sum.modelledMs + stage.modelledMs, wallMs: sum.wallMs + stage.wallMs }), { calls: 0, modelledMs: 0, wallMs: 0 });

  const figures = {
    counties: countiesFigure(data.counties),
    year: yearFigure(data.yearTarget),
    verdicts: countFigure('verdicts', '首轮资格审查结论', '结论', '行', data.verdicts, 300),
    clauses: clausesFigure(data.clauses),
    states: countFigure('states', '赛季结束时各行的状态', '状态', '行', data.states),
    byStage: countFigure('byStage', '评定人数（按学段）', '学段', '人', data.byStage),
    byCategory: countFigure('byCategory', '评定人数（按申报类别）', '申报类别', '人', data.byCategory),
    reminders: countFigure('reminders', `${num(data.reminders.days)} 天内提醒邮件中的提醒事项（按类型；一封邮件可含多项）`, '提醒类型', '项', data.reminders.byKind),
  } satisfies Record<ChartName, Figure>;

  const publicity = data.publicity;
  const body = `<header class="top"><div class="page">
<h1>${escapeHtml(REPORT_TITLE)}</h1>
<p class="meta"><span>评选年度 <b>${escapeHtml(num(year))}</b></span><span>候选人 <b>${escapeHtml(num(data.candidates))}</b> 行</span><span>生成时间 <b>${escapeHtml(beijingTime(data.generatedAt))}</b></span></p>
</div></header>
<div class="page">
<p class="synthetic" role="note"><strong>说明：</strong>本页的人员、学校与数字全部是 <code>banzhuren demo</code> 随机生成的合成数据，用来演示一整轮评选，与任何真实的人无关；页面不含身份证号、联系电话等个人信息，可以放心转发。</p>
<nav class="toc" aria-label="目录"><a href="#overview">概览</a><a href="#targets">目标完成</a><a href="#verdicts">资格审查</a><a href="#results">评选结果</a><a href="#publicity">公示</a><a href="#reminders">提醒</a><a href="#stages">各阶段用时</a><a href="#mistakes">样表错误</a><a href="#ledgers">证书、履职与工作室</a><a href="#files">生成的文件</a></nav>
<main>
<section id="overview" aria-labelledby="overview-title"><h2 id="overview-title">概览</h2>
<div class="kpis">
${kpi(data.candidates, '候选人（行）')}
${kpi(passed, '首轮审查符合（行）')}
${kpi(data.yearTarget.awarded, '本年评定（名）', `全市年度目标 ${num(data.yearTarget.target)} 名`)}
${kpi(publicity.workingDays, '公示工作日', `${publicity.start} 至 ${publicity.end}`)}
${kpi(data.documents.certificates + data.documents.termForms, '证书与考核表（份）', `证书 ${num(data.documents.certificates)} 份，考核表 ${num(data.documents.termForms)} 份`)}
${kpi(data.reminders.mails, '提醒邮件（封）', `模拟 ${num(data.reminders.days)} 天`)}
</div></section>
<section id="targets" aria-labelledby="targets-title"><h2 id="targets-title">目标完成情况</h2>
<div class="grid">
${figure(figures.counties)}
${figure(figures.year)}
</div></section>
<section id="verdicts" aria-labelledby="verdicts-title"><h2 id="verdicts-title">资格审查</h2>
<div class="grid pair">
${figure(figures.verdicts)}
${figure(figures.clauses)}
</div></section>
<section id="results" aria-labelledby="results-title"><h2 id="results-title">评选结果</h2>
<div class="grid">
${figure(figures.states)}
${figure(figures.byStage)}
${figure(figures.byCategory)}
</div></section>
<section id="publicity" aria-labelledby="publicity-title"><h2 id="publicity-title">公示</h2>
<div class="card">
${table('公示期（跨越节假日时按工作日顺延）', [{ header: '开始', nowrap: true }, { header: '结束', nowrap: true }, { header: '工作日', numeric: true }, { header: '期间的非工作日（周末与节假日）' }], [[dayWithWeekday(publicity.start), dayWithWeekday(publicity.end), publicity.workingDays, publicity.holidayNames.length > 0 ? `${holidayText(publicity.holidaysCrossed)}（其中有${publicity.holidayNames.join('、')}）` : holidayText(publicity.holidaysCrossed)]], { id: 'table-publicity' })}
</div></section>
<section id="reminders" aria-labelledby="reminders-title"><h2 id="reminders-title">提醒</h2>
<div class="grid">
${figure(figures.reminders)}
</div></section>
<section id="stages" aria-labelledby="stages-title"><h2 id="stages-title">各阶段：经过、服务调用与用时</h2>
<div class="card">
${table(
  '各阶段（模拟 Apps Script 用时按运行时的成本表估算；本机用时为这台机器上的实际耗时）',
  [{ header: '阶段', nowrap: true }, { header: '日期', nowrap: true }, { header: '经过' }, { header: '服务调用', numeric: true }, { header: '模拟 Apps Script 用时', numeric: true }, { header: '本机用时', numeric: true }],
  data.stages.map((stage) => [stage.name, dayWithWeekday(stage.day), shortened(stage.summary, SUMMARY_LIMIT), stage.calls, duration(stage.modelledMs), duration(stage.wallMs)]),
  { id: 'table-stages', foot: ['合计', '', '', stageTotals.calls, duration(stageTotals.modelledMs), duration(stageTotals.wallMs)] },
)}
</div></section>
<section id="mistakes" aria-labelledby="mistakes-title"><h2 id="mistakes-title">样表中故意留下的错误与检查结果</h2>
<div class="card">
${table('样表中的错误与检查结果', [{ header: '错误' }, { header: '行', numeric: true }, { header: '列' }, { header: '检查结果' }], data.mistakes.map((item) => [item.kind, item.row, item.column, { html: `<span class="reason">${escapeHtml(item.message)}</span>` }]), { id: 'table-mistakes' })}
</div></section>
<section id="ledgers" aria-labelledby="ledgers-title"><h2 id="ledgers-title">证书、考核表、履职与工作室</h2>
<div class="grid">
<div class="card">${table('生成的文档', [{ header: '文档' }, { header: '份数', numeric: true }], [['荣誉证书', data.documents.certificates], ['任期考核表', data.documents.termForms]], { id: 'table-documents', foot: ['合计', data.documents.certificates + data.documents.termForms] })}</div>
<div class="card">${countTable('履职情况', '结论', '人数', data.duties, 'table-duties')}</div>
<div class="card">${countTable('工作室', '结论', '个数', data.studios, 'table-studios')}</div>
</div></section>
<section id="files" aria-labelledby="files-title"><h2 id="files-title">生成的文件</h2>
<div class="card"><p>以下链接相对于本页所在的文件夹。</p>
<ul class="files">
${data.files.map((file) => `<li>${fileLink(file)}</li>`).join('\n')}
</ul></div></section>
</main>
<footer class="bottom">由 <code>banzhuren demo</code> 生成。图表：Chart.js ${escapeHtml(library.version)}（MIT 许可，已内嵌在本页中，打开时不联网）。</footer>
</div>`;

  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${sha256(library.source)}' 'sha256-${sha256(PAGE_SCRIPT)}'`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  // Keywords, base64 hashes and 'data:' only: nothing in it needs escaping inside the attribute.

  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${REPORT_TITLE}（${year} 年度）`)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
${body}
<script type="application/json" id="report-data">${jsonForScript(data)}</script>
<script>${library.source}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
