/**
 * The report page's own script, as text the page inlines after Chart.js: it reads the embedded
 * DemoReportData and draws one chart per <canvas data-chart>. Written as plain ES2019 in a string
 * (not a function turned into text) so that no compiler or coverage tool can change what the page
 * runs. It never builds markup from text: every label goes to Chart.js, which draws it on canvas.
 */

/** The names of the charts the script knows, in page order (each is a canvas's data-chart). */
export const CHART_NAMES = ['counties', 'year', 'verdicts', 'clauses', 'states', 'byStage', 'byCategory', 'reminders'] as const;

/** One of CHART_NAMES. */
export type ChartName = (typeof CHART_NAMES)[number];

/** The font stack of the page and its charts. */
export const FONT_STACK = '"WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif';

/** The page script's source. */
export const PAGE_SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var COLORS = {
    blue: '#1a73e8', lightBlue: '#8ab4f8', green: '#1e8e3e', red: '#d93025', amber: '#f9ab00',
    grey: '#9aa0a6', lightGrey: '#e8eaed', teal: '#129eaf', purple: '#9334e6', pink: '#e52592', orange: '#e8710a'
  };
  var SERIES = [COLORS.blue, COLORS.teal, COLORS.orange, COLORS.purple, COLORS.green, COLORS.pink, COLORS.amber, COLORS.red, COLORS.grey];
  var VERDICT_COLORS = { '符合': COLORS.green, '不符合': COLORS.red, '待核实': COLORS.amber };

  Chart.defaults.font.family = ${JSON.stringify(FONT_STACK)};
  Chart.defaults.font.size = 12;
  Chart.defaults.color = '#3c4043';
  Chart.defaults.borderColor = '#e0e3e7';
  Chart.defaults.animation = false;
  Chart.defaults.responsive = true;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.plugins.legend.position = 'bottom';
  Chart.defaults.plugins.legend.labels.boxWidth = 14;

  function title(text) {
    return { display: true, text: text, font: { size: 14, weight: 'bold' }, padding: { top: 4, bottom: 12 } };
  }
  function labelsOf(list) { return list.map(function (item) { return item.label; }); }
  function countsOf(list) { return list.map(function (item) { return item.count; }); }
  function sum(list) { return list.reduce(function (total, item) { return total + item.count; }, 0); }
  function axis(text, extra) {
    var scale = { title: { display: true, text: text }, beginAtZero: true, ticks: { precision: 0 } };
    for (var key in extra) scale[key] = extra[key];
    return scale;
  }
  function countBar(list, chartTitle, valueTitle, categoryTitle, horizontal) {
    var scales = {};
    scales[horizontal ? 'x' : 'y'] = axis(valueTitle);
    scales[horizontal ? 'y' : 'x'] = { title: { display: true, text: categoryTitle }, ticks: { autoSkip: false } };
    return {
      type: 'bar',
      data: { labels: labelsOf(list), datasets: [{ label: valueTitle, data: countsOf(list), backgroundColor: list.map(function (item, index) { return SERIES[index % SERIES.length]; }), borderRadius: 3, maxBarThickness: 48 }] },
      options: { indexAxis: horizontal ? 'y' : 'x', plugins: { title: title(chartTitle), legend: { display: false } }, scales: scales }
    };
  }

  var builders = {
    counties: function () {
      var counties = data.counties;
      var hasTarget = counties.some(function (item) { return item.target !== null; });
      return {
        type: 'bar',
        data: {
          labels: counties.map(function (item) { return item.county; }),
          datasets: [
            { label: '推荐人数', data: counties.map(function (item) { return item.nominated; }), backgroundColor: COLORS.lightBlue, borderRadius: 3, maxBarThickness: 22 },
            { label: '评定人数', data: counties.map(function (item) { return item.awarded; }), backgroundColor: COLORS.blue, borderRadius: 3, maxBarThickness: 22 },
            { type: 'line', label: '规划期目标（不少于）', data: counties.map(function (item) { return item.target; }), showLine: false, pointStyle: 'line', rotation: 90, pointRadius: 11, pointHoverRadius: 13, pointBorderWidth: 3, borderColor: COLORS.red, backgroundColor: COLORS.red }
          ].filter(function (dataset) { return dataset.type !== 'line' || hasTarget; })
        },
        options: {
          indexAxis: 'y',
          plugins: { title: title(hasTarget ? '各县（市、区）推荐、评定人数与规划期目标' : '各县（市、区）推荐与评定人数') },
          scales: { x: axis('人数', { grace: '4%' }), y: { title: { display: true, text: '县（市、区）' }, ticks: { autoSkip: false } } }
        }
      };
    },
    year: function () {
      var year = data.yearTarget;
      if (!(year.target > 0)) {
        return {
          type: 'bar',
          data: { labels: [year.year + ' 年'], datasets: [{ label: '已评定', data: [year.awarded], backgroundColor: COLORS.blue }] },
          options: { indexAxis: 'y', plugins: { title: title(year.year + ' 年评定 ' + year.awarded + ' 名（未设年度目标）') }, scales: { x: axis('人数'), y: { title: { display: true, text: '年度' } } } }
        };
      }
      var within = Math.min(year.awarded, year.target);
      var datasets = [{ label: '已评定', data: [within], backgroundColor: COLORS.blue }];
      if (year.awarded < year.target) datasets.push({ label: '距年度目标尚差', data: [year.target - year.awarded], backgroundColor: COLORS.lightGrey });
      if (year.awarded > year.target) datasets.push({ label: '超出年度目标', data: [year.awarded - year.target], backgroundColor: COLORS.green });
      return {
        type: 'bar',
        data: { labels: [year.year + ' 年'], datasets: datasets },
        options: {
          indexAxis: 'y',
          plugins: { title: title(year.year + ' 年评定 ' + year.awarded + ' 名，全市年度目标 ' + year.target + ' 名') },
          scales: { x: axis('人数', { stacked: true, suggestedMax: year.target }), y: { stacked: true, title: { display: true, text: '年度' } } }
        }
      };
    },
    verdicts: function () {
      var list = data.verdicts;
      return {
        type: 'doughnut',
        data: { labels: labelsOf(list), datasets: [{ label: '行数', data: countsOf(list), backgroundColor: list.map(function (item, index) { return VERDICT_COLORS[item.label] || SERIES[index % SERIES.length]; }), borderColor: '#fff', borderWidth: 2 }] },
        options: { cutout: '55%', plugins: { title: title('首轮资格审查结论（共 ' + sum(list) + ' 行）') } }
      };
    },
    clauses: function () {
      var list = data.clauses;
      return {
        type: 'bar',
        data: {
          labels: list.map(function (item) { return item.clause; }),
          datasets: [
            { label: '不符合', data: list.map(function (item) { return item.notMet; }), backgroundColor: COLORS.red, maxBarThickness: 26 },
            { label: '待核实', data: list.map(function (item) { return item.toVerify; }), backgroundColor: COLORS.amber, maxBarThickness: 26 }
          ]
        },
        options: {
          indexAxis: 'y',
          plugins: { title: title('各条款未通过的行数（不符合与待核实）') },
          scales: { x: axis('行数', { stacked: true }), y: { stacked: true, title: { display: true, text: '条款' }, ticks: { autoSkip: false } } }
        }
      };
    },
    states: function () { return countBar(data.states, '赛季结束时各行的状态', '行数', '状态', true); },
    byStage: function () { return countBar(data.byStage, '评定人数（按学段）', '人数', '学段', false); },
    byCategory: function () { return countBar(data.byCategory, '评定人数（按申报类别）', '人数', '申报类别', false); },
    reminders: function () {
      var reminders = data.reminders;
      return countBar(reminders.byKind, reminders.days + ' 天内 ' + reminders.mails + ' 封提醒邮件中的提醒事项（按类型，共 ' + sum(reminders.byKind) + ' 项）', '项数', '提醒类型', true);
    }
  };

  var charts = [];
  var canvases = document.querySelectorAll('canvas[data-chart]');
  for (var index = 0; index < canvases.length; index++) {
    var canvas = canvases[index];
    var build = builders[canvas.getAttribute('data-chart')];
    if (build) charts.push(new Chart(canvas, build()));
  }
  document.documentElement.setAttribute('data-charts', String(charts.length));

  function openAll() {
    var details = document.querySelectorAll('details.data');
    for (var each = 0; each < details.length; each++) details[each].open = true;
  }
  function resizeAll() { charts.forEach(function (chart) { chart.resize(); }); }
  window.addEventListener('beforeprint', function () { openAll(); resizeAll(); });
  window.addEventListener('afterprint', resizeAll);
})();
`;
