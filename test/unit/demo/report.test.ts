/**
 * renderReport as text: what people typed stays text (no tag, no early end of a script), the page
 * names no address outside Chart.js's own comments, adds nothing shaped like a 身份证号, carries a
 * CSP whose hashes are its own scripts, keeps Chart.js's license, finds Chart.js from the built CLI
 * and is the same for the same data.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { renderReport, REPORT_TITLE } from '../../../local/demo/report';
import { chartLibrary, chartLibraryPath } from '../../../local/demo/report-chart-library';
import { escapeHtml, jsonForScript, maskPersonal, scriptForInline } from '../../../local/demo/report-escape';
import { CHART_NAMES } from '../../../local/demo/report-script';
import { HOSTILE_REASON, sampleReportData } from '../../support/demo-report-sample';

const root = join(__dirname, '..', '..', '..');

/** The page's <script> elements: their attributes and their text. */
function scripts(html: string): { attributes: string; text: string }[] {
  return [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((match) => ({ attributes: match[1]!, text: match[2]! }));
}

/** The embedded data, read the way the page reads it. */
function embedded(html: string): unknown {
  const data = scripts(html).find((script) => script.attributes.includes('id="report-data"'));
  if (!data) throw new Error('no data script');
  return JSON.parse(data.text);
}

/** The page without Chart.js's source. */
function withoutLibrary(html: string): string {
  const { source } = chartLibrary();
  expect(html.split(source)).toHaveLength(2);
  return html.replace(source, '');
}

const ADDRESS = /\bhttps?:\/\/|\b(?:src|href|action|srcset|poster|data)\s*=\s*["']?\s*\/\/|url\(\s*["']?\s*\/\/|@import|<link\b|<script[^>]*\bsrc=/gi;

describe('escaping', () => {
  test('a reason that tries to close the script and add an image is text in the table and in the data', () => {
    const data = sampleReportData();
    data.clauses[0]!.example = HOSTILE_REASON;
    data.mistakes[0]!.message = `检查：${HOSTILE_REASON}`;
    data.counties[0]!.county = '<b>红塔区</b>';
    const html = renderReport(data);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>红塔区');
    expect(html).toContain(escapeHtml(HOSTILE_REASON));
    expect(html).toContain('&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    // Three scripts, each closed by its own tag: the data, Chart.js and the page's script.
    expect(html.match(/<script\b/gi)).toHaveLength(3);
    expect(html.match(/<\/script/gi)).toHaveLength(3);
    const [data0, library, page] = scripts(html);
    expect(data0!.attributes).toBe(' type="application/json" id="report-data"');
    expect(data0!.text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(library!.attributes).toBe('');
    expect(page!.attributes).toBe('');
    expect((embedded(html) as typeof data).clauses[0]!.example).toBe(HOSTILE_REASON);
  });

  test('the data round-trips through the page, line and paragraph separators included', () => {
    const data = sampleReportData();
    data.stages[0]!.summary = '甲\u2028乙\u2029丙 & <丁> "戊"';
    const html = renderReport(data);
    expect(embedded(html)).toEqual(data);
    expect(html).toContain('甲\u2028乙\u2029丙 &amp; &lt;丁&gt; &quot;戊&quot;');
  });

  test('jsonForScript, scriptForInline and escapeHtml leave nothing that ends an element', () => {
    expect(jsonForScript({ a: '</script><!-- & \u2028' })).toBe('{"a":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028"}');
    expect(scriptForInline('x = "</script>"; y = "</SCRIPT >"; z = "<!--";')).toBe('x = "<\\/script>"; y = "<\\/SCRIPT >"; z = "<\\!--";');
    expect(escapeHtml(`<a href='x'>"&"</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;');
  });

  test('a file path that is not a plain relative one is shown as text, never as a link', () => {
    const data = sampleReportData();
    data.files = [
      { label: '样例', path: '文档/证书 #1.docx' },
      { label: '远处', path: '//example.org/x' },
      { label: '上级', path: '../secret.txt' },
      { label: '绝对', path: '/etc/passwd' },
      { label: '脚本', path: 'javascript:alert(1)' },
    ];
    const html = renderReport(data);
    const links = [...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].filter((match) => !match[1]!.startsWith('#')).map((match) => [match[1], match[2]]);
    expect(links).toEqual([
      ['%E6%96%87%E6%A1%A3/%E8%AF%81%E4%B9%A6%20%231.docx', '样例'],
      ['javascript%3Aalert(1)', '脚本'],
    ]);
    expect(html).toContain('远处 <code>//example.org/x</code>');
  });
});

describe('no network and no personal information', () => {
  test('outside Chart.js the page names no address; inside it, only in its license comments', () => {
    const html = renderReport(sampleReportData());
    expect(withoutLibrary(html).match(ADDRESS)).toBeNull();
    const { source } = chartLibrary();
    const comments = [...source.matchAll(/\/\*[\s\S]*?\*\//g)].map((match) => [match.index, match.index + match[0].length] as const);
    const found = [...source.matchAll(ADDRESS)];
    expect(found.map((match) => match[0])).toEqual(['https://', 'https://']);
    for (const match of found) expect(comments.some(([start, end]) => match.index > start && match.index < end)).toBe(true);
  });

  test("the CSP forbids every address and allows exactly the page's two scripts, by hash", () => {
    const html = renderReport(sampleReportData());
    const head = html.slice(0, html.indexOf('</head>'));
    const csp = head.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
    expect(csp).toBeDefined();
    expect(head.indexOf('Content-Security-Policy')).toBeLessThan(head.indexOf('<style>'));
    const directives = Object.fromEntries(csp!.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]));
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['style-src']).toEqual(["'unsafe-inline'"]);
    expect(directives['img-src']).toEqual(['data:']);
    expect(directives['base-uri']).toEqual(["'none'"]);
    const executable = scripts(html).filter((script) => !script.attributes.includes('application/json'));
    expect(directives['script-src']).toEqual(executable.map((script) => `'sha256-${createHash('sha256').update(script.text, 'utf8').digest('base64')}'`));
  });

  test('the page adds nothing shaped like a 身份证号 or a mobile number, and masks any the data carries', () => {
    const clean = renderReport(sampleReportData());
    expect(clean).not.toMatch(/(?<!\d)\d{17}[\dXx](?![\dA-Za-z])/);
    expect(clean).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);

    const data = sampleReportData();
    data.mistakes[3]!.message = '身份证号 53040219800101123X 校验位不对';
    data.clauses[1]!.example = '请联系 13987654321 核实';
    const html = renderReport(data);
    expect(html).not.toContain('53040219800101123X');
    expect(html).not.toContain('13987654321');
    expect(html).toContain('身份证号 （身份证号已隐去） 校验位不对');
    expect(html).toContain('请联系 （电话已隐去） 核实');
    expect(maskPersonal('编号 YX2024-001，2024-09-27，共 302 行')).toBe('编号 YX2024-001，2024-09-27，共 302 行');
  });

  test('the usual other spellings of a phone or 身份证号 are masked too: full-width, spaced, dashed, +86', () => {
    const spellings = ['１３８１２３４５６７８', '138 1234 5678', '138-1234-5678', '+8613812345678', '86-13812345678', '+86 138 1234 5678', '5304021980 0101 123X', '５３０４０２１９８００１０１１２３Ｘ', '530402-19800101-123x'];
    for (const spelling of spellings) expect([spelling, maskPersonal(`号码 ${spelling} 请核实`)]).toEqual([spelling, expect.stringMatching(/^号码 （(电话|身份证号)已隐去） 请核实$/u)]);
    const untouched = '公示 2024-09-27 至 2024-10-09，证书 184 份，第 12 行，2024 年 180 名，玉教班〔2024〕078号';
    expect(maskPersonal(untouched)).toBe(untouched);
  });

  test('without any county target the county chart and table promise none; the reminder chart counts items (项), not mails', () => {
    const data = sampleReportData();
    data.counties = data.counties.map((county) => ({ ...county, target: null }));
    const html = renderReport(data);
    expect(html.replace(/<script[\s\S]*?<\/script>/gu, '')).not.toContain('规划期目标');
    expect(html).toContain('<caption>各县（市、区）推荐与评定人数</caption>');
    expect(html).toContain('提醒邮件中的提醒事项（按类型；一封邮件可含多项）');
    expect(html).toMatch(/<th scope="col" class="num">项数<\/th>/u);
    expect(html).toContain("'项数', '提醒类型'");
    expect(renderReport(sampleReportData())).toContain('规划期目标');
  });

  test('numbers that are not finite or are negative show as — (never NaN, Infinity or a minus)', () => {
    const data = sampleReportData();
    data.stages[0]!.calls = Number.NaN;
    data.stages[0]!.modelledMs = Number.POSITIVE_INFINITY;
    data.stages[0]!.wallMs = -5;
    data.yearTarget = { year: Number.NaN, awarded: Number.POSITIVE_INFINITY, target: -1 };
    data.verdicts[1]!.count = -3;
    const html = renderReport(data).replace(/<script[\s\S]*?<\/script>/gu, '');
    expect(html).not.toMatch(/NaN|Infinity|-5 毫秒|>-3<| -3 |-1 名/u);
    expect(html).toContain('—');
  });
});

describe('the page', () => {
  test('has the Chinese header, the synthetic-data note, a canvas per chart with its label and table, and Chart.js with its license', () => {
    const data = sampleReportData();
    const html = renderReport(data);
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain(`<h1>${REPORT_TITLE}</h1>`);
    expect(html).toContain('评选年度 <b>2024</b>');
    expect(html).toContain('候选人 <b>302</b> 行');
    expect(html).toContain('生成时间 <b>2026-11-30 03:55（北京时间）</b>');
    expect(html).toContain('合成数据');
    for (const name of CHART_NAMES) {
      const canvas = html.match(new RegExp(`<canvas id="chart-${name}" data-chart="${name}" role="img" aria-label="([^"]+)" aria-describedby="table-${name}">`));
      expect({ name, found: canvas !== null }).toEqual({ name, found: true });
      expect(canvas![1]).toMatch(/\d/);
      expect(html).toContain(`<table id="table-${name}">`);
    }
    expect(html.match(/<canvas\b/g)).toHaveLength(CHART_NAMES.length);
    expect(html).toContain('aria-label="首轮资格审查结论：符合 241 行，不符合 38 行，待核实 23 行"');
    expect(html).toContain('/*!\n * Chart.js v4.6.1');
    expect(html).toContain('Released under the MIT License');
    expect(html).toContain('Chart.js 4.6.1（MIT 许可');
    expect(html).toMatch(/@media print/);
  });

  test('the tables carry the stages, the publicity, the documents, duties, studios and files', () => {
    const html = renderReport(sampleReportData());
    expect(html).toContain('<th scope="row" class="nowrap">证书与考核表</th><td class="nowrap">2024-10-12（周六）</td><td>生成荣誉证书 172 份、任期考核表 172 份</td><td class="num">1032</td><td class="num">6 分 53 秒</td><td class="num">5.2 秒</td>');
    expect(html).toContain('<tfoot><tr><th class="nowrap">合计</th><td class="nowrap"></td><td></td><td class="num">3608</td><td class="num">9 分 19 秒</td><td class="num">13.2 秒</td></tr></tfoot>');
    expect(html).toContain('<th scope="row" class="nowrap">2024-09-27（周五）</th><td class="nowrap">2024-10-09（周三）</td><td class="num">5</td><td>2024-09-28、2024-10-01 至 2024-10-07（其中有国庆节）</td>');
    expect(html).toContain('<th scope="row">任期考核表</th><td class="num">172</td>');
    expect(html).toContain('<th scope="row">需补交材料</th><td class="num">3</td>');
    expect(html).toContain('<th scope="row">成员不足</th><td class="num">2</td>');
    expect(html).toContain('<a href="%E8%AF%84%E9%80%89%E5%90%8D%E5%8D%95.xlsx">评选名单（整季的工作簿）</a>');
    expect(html).toContain('<a href="%E5%8F%91%E4%BB%B6%E7%AE%B1/">提醒邮件（.eml）</a>');
    expect(html).toContain('<th scope="row">身份证号校验位错误</th><td class="num">88</td><td>身份证号</td>');
  });

  test('durations read as 毫秒, 秒, 分 and 小时', () => {
    const data = sampleReportData();
    data.stages = [
      { ...data.stages[0]!, modelledMs: 7_384_000, wallMs: 999.6 },
      { ...data.stages[1]!, modelledMs: 59_940, wallMs: 59_960 },
    ];
    const html = renderReport(data);
    expect(html).toContain('<td class="num">2 小时 3 分 4 秒</td><td class="num">1.0 秒</td>');
    expect(html).toContain('<td class="num">59.9 秒</td><td class="num">1 分 0 秒</td>');
  });

  test('a long stage summary is cut in the table (whole in the data), and runs of holiday dates read as ranges', () => {
    const data = sampleReportData();
    data.stages[1]!.summary = `初始化表格：${'“审查说明”列宽360像素；'.repeat(20)}`;
    data.publicity.holidaysCrossed = ['2024-09-28', '2024-10-01', '2024-10-02', '2024-10-03', '2024-10-07', '中秋节'];
    data.publicity.holidayNames = [];
    const html = renderReport(data);
    const cut = `${Array.from(data.stages[1]!.summary).slice(0, 160).join('')}……`;
    expect(html).toContain(`<td>${escapeHtml(cut)}</td>`);
    expect((embedded(html) as typeof data).stages[1]!.summary).toBe(data.stages[1]!.summary);
    expect(html).toContain('<td>2024-09-28、2024-10-01 至 2024-10-03、2024-10-07、中秋节</td>');
  });

  test('a season without a yearly target or county targets says so', () => {
    const data = sampleReportData();
    data.yearTarget.target = 0;
    const html = renderReport(data);
    expect(html).toContain('aria-label="2024 年评定 172 名，未设年度目标"');
    expect(html).toContain('<th scope="row">全市年度目标</th><td class="num">未设</td>');
  });

  test('a chart without data says so instead of drawing an empty canvas', () => {
    const data = sampleReportData();
    data.byCategory = [];
    data.clauses = [];
    const html = renderReport(data);
    expect(html).not.toContain('data-chart="byCategory"');
    expect(html).not.toContain('data-chart="clauses"');
    expect(html.match(/本项没有数据。/g)).toHaveLength(2);
    expect(html.match(/<canvas\b/g)).toHaveLength(CHART_NAMES.length - 2);
  });

  test('is the same for the same data, and only the generated time moves with the clock', () => {
    const first = renderReport(sampleReportData());
    expect(renderReport(sampleReportData())).toBe(first);
    const later = sampleReportData();
    later.generatedAt = '2026-11-30T01:02:03.000Z';
    const second = renderReport(later);
    const differing = first.split('\n').filter((line, index) => line !== second.split('\n')[index]);
    expect(differing).toHaveLength(2);
    expect(differing[0]).toContain('生成时间');
    expect(differing[1]).toContain('id="report-data"');
  });
});

describe('Chart.js', () => {
  test('is found next to the entry its package exports, also from the built CLI', () => {
    expect(chartLibraryPath()).toBe(join(root, 'node_modules', 'chart.js', 'dist', 'chart.umd.js'));
    const fromCli = createRequire(join(root, 'build', 'local', 'cli.js'));
    const umd = join(dirname(fromCli.resolve('chart.js')), 'chart.umd.js');
    expect(existsSync(umd)).toBe(true);
    expect(umd).toBe(chartLibraryPath());
    expect(chartLibrary().version).toBe('4.6.1');
  });
});
