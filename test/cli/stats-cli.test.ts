/**
 * `banzhuren stats` end to end (issue 8, item 6): a workbook of 40 rows in assorted states, award
 * years, counties, stages and categories (状态 and 认定日期 written with exceljs as an official's
 * file holds them), whose expected counts are worked out by hand below; the 统计 sheet with one
 * chart per table, kept across save and reopen and never duplicated; 评选级别 县级 switching the
 * target; service calls flat in the number of rows.
 */
import ExcelJS from 'exceljs';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { CallCounter } from '../../local/runtime/call-counter';
import { openWorkbookRuntime } from '../../local/workbook-runtime';
import { runCli, statsOf, type CliResult } from '../support/cli';
import { candidate, scenarioWorkbook } from '../support/scenario';
import { PROCESS_TIME_ZONES } from '../support/time-zones';
import { excelDate, readSheet, temporaryFolder } from '../support/workbooks';

const folder = temporaryFolder();

/** [rows, 状态, 认定日期, 县（市、区）, 学段, 申报类别]: blocks of identical rows. */
type Block = [number, string, ExcelJS.CellValue, string, string, string];
const BLOCKS: Block[] = [
  [5, '已认定', excelDate('2023-10-10'), '红塔区', '高中', '骨干班主任'], // A
  [4, '已认定', excelDate('2024-10-09'), '江川', '小学', '名班主任'], // B: short county name
  [3, '任期届满', '2023/6/1', '通海县', '初中', '骨干班主任'], // C: typed date; counted in its award year
  [2, '已取消', excelDate('2024-12-31'), '市直', '幼儿园', '名班主任'], // D
  [3, '已认定', excelDate('2025-01-02'), '元江哈尼族彝族傣族自治县', '中等职业学校', '骨干班主任'], // E
  [1, '已认定', null, '红塔区', '高中', '骨干班主任'], // F: no 认定日期
  [1, '已认定', '不详', '', '', ''], // G: unreadable date, blank county, stage and category
  [1, '已认定', excelDate('2024-05-05'), '昆明市', '高职', '名班主任'], // H: a county not of the preset
  [6, '公示中', null, '红塔区', '高中', '骨干班主任'],
  [5, '', null, '江川区', '小学', '骨干班主任'],
  [4, '评审未通过', null, '通海县', '高中', '名班主任'],
  [3, '初审通过', null, '华宁县', '初中', '骨干班主任'],
  [2, '公示有异议', null, '易门县', '高中', '骨干班主任'],
];

/** Hand-computed from BLOCKS (20 awarded rows of 40). */
const EXPECTED = {
  byYear: [
    { year: 2023, awarded: 8, target: 180 }, // A 5 + C 3
    { year: 2024, awarded: 7, target: 180 }, // B 4 + D 2 + H 1
    { year: 2025, awarded: 3, target: 180 }, // E 3
    { year: '日期不明', awarded: 2, target: null }, // F 1 + G 1
  ],
  byCounty: [
    { county: '红塔区', awarded: 6 }, // A 5 + F 1
    { county: '江川区', awarded: 4 },
    { county: '澄江市', awarded: 0 },
    { county: '通海县', awarded: 3 },
    { county: '华宁县', awarded: 0 },
    { county: '易门县', awarded: 0 },
    { county: '峨山彝族自治县', awarded: 0 },
    { county: '新平彝族傣族自治县', awarded: 0 },
    { county: '元江哈尼族彝族傣族自治县', awarded: 3 },
    { county: '市直学校', awarded: 2 },
    { county: '未填写', awarded: 1 }, // G
    { county: '无法识别', awarded: 1 }, // H
  ],
  byStage: [
    { stage: '幼儿园', awarded: 2 },
    { stage: '小学', awarded: 4 },
    { stage: '初中', awarded: 3 },
    { stage: '高中', awarded: 6 }, // A 5 + F 1
    { stage: '中职', awarded: 3 },
    { stage: '高职', awarded: 1 },
    { stage: '特殊教育', awarded: 0 },
    { stage: '未填写', awarded: 1 },
  ],
  byCategory: [
    { category: '骨干班主任', awarded: 12 }, // A 5 + C 3 + E 3 + F 1
    { category: '名班主任', awarded: 7 }, // B 4 + D 2 + H 1
    { category: '未填写', awarded: 1 },
  ],
  studiosByStage: [
    { stage: '幼儿园', studios: 1, target: 2 },
    { stage: '小学', studios: 0, target: 3 }, // its only studio is 县级
    { stage: '初中', studios: 0, target: 3 },
    { stage: '高中', studios: 2, target: 3 },
    { stage: '中职', studios: 0, target: 3 },
    { stage: '高职', studios: 0, target: 1 },
  ],
};

/** 工作室 rows: two city studios of 高中, one of 幼儿园, one county studio of 小学. */
const STUDIOS = [
  ['红塔高中工作室', '高中', '市级', '主持人', '王一', ''],
  ['红塔高中工作室', '高中', '市级', '成员', '王二', ''],
  ['江川高中工作室', '高中', '市级', '主持人', '李一', ''],
  ['市直幼儿园工作室', '幼儿园', '市级', '主持人', '赵一', ''],
  ['江川小学工作室', '小学', '县级', '主持人', '钱一', ''],
  ['江川小学工作室', '', '县级', '成员', '孙一', ''], // 学段 left blank: a row problem quoting the name
];

/** A workbook: init, the candidates of BLOCKS (or `rows` plain ones), their 状态 and 认定日期, the studios, and 设置 changes. */
async function statisticsWorkbook(name: string, options: { blocks?: Block[]; level?: string } = {}): Promise<string> {
  const path = join(folder, name);
  const rows = (options.blocks ?? BLOCKS).flatMap(([count, state, date, county, stage, category]) =>
    Array.from({ length: count }, () => ({ state, date, county, stage, category })),
  );
  await scenarioWorkbook(path, rows.map((row, index) => candidate({ 姓名: `教师${index + 1}`, '县（市、区）': row.county, 学段: row.stage, 申报类别: row.category })), [['city@yuxi.cn', '市级']]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet('推荐名单')!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const [stateColumn, dateColumn] = [headers.indexOf('状态') + 1, headers.indexOf('认定日期') + 1];
  rows.forEach((row, index) => {
    sheet.getCell(index + 2, stateColumn).value = row.state;
    sheet.getCell(index + 2, dateColumn).value = row.date;
  });
  const studios = workbook.getWorksheet('工作室')!;
  STUDIOS.forEach((values, index) => {
    studios.getRow(index + 2).values = values;
  });
  if (options.level !== undefined) {
    const settings = workbook.getWorksheet('设置')!;
    settings.eachRow((row) => {
      if (row.getCell(1).value === '评选级别') row.getCell(2).value = options.level!;
    });
  }
  await workbook.xlsx.writeFile(path);
  return path;
}

const total = (entries: { awarded: number }[]) => entries.reduce((sum, entry) => sum + entry.awarded, 0);

let book: string;
beforeAll(async () => {
  book = await statisticsWorkbook('forty.xlsx');
});

/** The JSON of `stats --json`, after checking the command succeeded. */
function statsJson(result: CliResult): Record<string, unknown> & typeof EXPECTED {
  expect(result.stderr).not.toContain('banzhuren：');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

test.each(PROCESS_TIME_ZONES)('stats --json counts the 40 rows as worked out by hand (process time zone %s)', (timeZone) => {
  const copy = join(folder, `forty-${timeZone.replace('/', '-')}.xlsx`);
  copyFileSync(book, copy);
  const result = runCli(['stats', copy, '--json', '--today', '2025-06-30'], { timeZone });
  const json = statsJson(result);
  expect({ byYear: json.byYear, byCounty: json.byCounty, byStage: json.byStage, byCategory: json.byCategory, studiosByStage: json.studiosByStage }).toEqual(EXPECTED);
  // Every table adds up to the 20 awarded rows.
  for (const table of [json.byYear, json.byCounty, json.byStage, json.byCategory]) expect(total(table)).toBe(20);
  // The rows counted under 日期不明/未填写/无法识别 are named on stderr (rows start at 2: A 2–6, B 7–10, C 11–13, D 14–15, E 16–18, F 19, G 20, H 21).
  const hints = result.stderr.split('\n').filter((line) => line.startsWith('提示：工作表“推荐名单”'));
  expect(hints).toEqual([
    '提示：工作表“推荐名单”第19行（已认定）的认定日期为空，年度计入“日期不明”',
    '提示：工作表“推荐名单”第20行（已认定）的认定日期“不详”无法识别，年度计入“日期不明”',
    '提示：工作表“推荐名单”第20行（已认定）的县（市、区）为空，计入“未填写”',
    '提示：工作表“推荐名单”第20行（已认定）的学段为空，计入“未填写”',
    '提示：工作表“推荐名单”第20行（已认定）的申报类别为空，计入“未填写”',
    '提示：工作表“推荐名单”第21行（已认定）的县（市、区）“昆明市”无法识别，计入“无法识别”',
  ]);
});

test('the 统计 sheet holds the title with the date and the tables, never a name or personal data; the summary is in Chinese', async () => {
  const copy = join(folder, 'sheet.xlsx');
  copyFileSync(book, copy);
  const result = runCli(['stats', copy, '--today', '2025-06-30']);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('已写入“统计”（截至2025-06-30）：共认定 20 人');
  expect(result.stdout).toContain('年度：2023年 8/180（4.4%），2024年 7/180（3.9%），2025年 3/180（1.7%），日期不明 2');
  expect(result.stdout).toContain('县（市、区）：红塔区 6，江川区 4，');
  expect(result.stdout).toContain('市级工作室：幼儿园 1/2，小学 0/3，初中 0/3，高中 2/3');
  const { rows } = await readSheet(copy, '统计');
  expect(String(rows[0]?.[0])).toContain('2025-06-30');
  const at = (label: string) => rows.findIndex((row) => row[0] === label);
  expect(rows.slice(at('年度') + 1, at('年度') + 5).map((row) => row.slice(0, 4))).toEqual([
    ['2023年', 8, 180, '4.4%'],
    ['2024年', 7, 180, '3.9%'],
    ['2025年', 3, 180, '1.7%'],
    ['日期不明', 2, '', ''],
  ]);
  const text = rows.flat().map(String).join('\n');
  for (const personal of ['教师1', '11010519491231002X', '13812345678', 'zhangli@example.com', '王一', '孙一']) expect(text).not.toContain(personal);
  // The 工作室 row problems are only counted on the sheet (they may quote a name); the CLI names them on stderr.
  expect(text).toMatch(/工作表“工作室”有 \d+ 处内容为空或无法识别/u);
  expect(result.stderr).toContain('孙一');
});

test('the saved workbook reopened has one chart per table; a second run replaces them, never duplicates', async () => {
  const copy = join(folder, 'charts.xlsx');
  copyFileSync(book, copy);
  const describe = async () => {
    const runtime = await openWorkbookRuntime({
      path: copy,
      code: `function charts() {
        return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('统计').getCharts().map(function (chart) {
          return { title: chart.getOptions().get('title'), type: String(chart.modify().getChartType()),
            ranges: chart.getRanges().map(function (range) { return range.getA1Notation(); }) };
        });
      }`,
      counter: new CallCounter(),
      print: () => undefined,
      readOnly: true,
    });
    try {
      return runtime.bundle.call('charts') as { title: string; type: string; ranges: string[] }[];
    } finally {
      runtime.close();
    }
  };
  expect(runCli(['stats', copy, '--today', '2025-06-30']).code).toBe(0);
  const first = await describe();
  expect(first.map((chart) => [chart.title, chart.type])).toEqual([
    ['年度认定', 'COLUMN'],
    ['县（市、区）', 'COLUMN'],
    ['学段', 'COLUMN'],
    ['申报类别', 'PIE'],
    ['市级工作室', 'COLUMN'],
  ]);
  // Each chart draws its own table: the year table is header + 3 years + 日期不明, three columns.
  const { rows } = await readSheet(copy, '统计');
  const header = rows.findIndex((row) => row[0] === '年度') + 1;
  expect(first[0]?.ranges).toEqual([`A${header}:C${header + 4}`]);
  expect(runCli(['stats', copy, '--today', '2025-07-01']).code).toBe(0);
  expect(await describe()).toEqual(first);
});

test('评选级别 县级 measures each year against the county minimum of 100; an unreadable level names the 设置 row', async () => {
  const county = await statisticsWorkbook('county.xlsx', { level: '县级' });
  const json = statsJson(runCli(['stats', county, '--json', '--today', '2025-06-30']));
  expect(json.byYear).toEqual(EXPECTED.byYear.map((entry) => ({ ...entry, target: entry.target === null ? null : 100 })));
  expect(json.level).toBe('县级');
  expect(json.targetIsMinimum).toBe(true);
  // A county counts its own 县级 studios; the plan sets no number of them per stage.
  expect(json.studiosByStage).toEqual([{ stage: '小学', studios: 1, target: null }]);
  const summary = runCli(['stats', county, '--today', '2025-06-30']).stdout;
  expect(summary).toContain('目标每年不少于100名');
  expect(summary).toContain('2023年 8/100（8.0%）');

  const wrong = await statisticsWorkbook('wrong-level.xlsx', { level: '省级' });
  const refused = runCli(['stats', wrong, '--json']);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/^banzhuren：设置第\d+行：评选级别“省级”无法识别，应填市级或县级/mu);
});

test('service calls are the same for 10 and 2,000 nomination rows', async () => {
  const awarded = (count: number): Block[] => [[count, '已认定', excelDate('2024-10-09'), '红塔区', '高中', '骨干班主任']];
  const small = await statisticsWorkbook('ten.xlsx', { blocks: awarded(10) });
  const large = await statisticsWorkbook('two-thousand.xlsx', { blocks: awarded(2000) });
  const few = runCli(['stats', small, '--json', '--today', '2025-06-30', '--stats']);
  const many = runCli(['stats', large, '--json', '--today', '2025-06-30', '--stats']);
  expect(statsJson(few).byYear[1]).toEqual({ year: 2024, awarded: 10, target: 180 });
  expect(statsJson(many).byYear[1]).toEqual({ year: 2024, awarded: 2000, target: 180 });
  expect(statsOf(many)).toEqual(statsOf(few));
  // 推荐名单, 设置 and 工作室 read once each; the 统计 sheet written in one setValues.
  expect(statsOf(few).calls['Range.getValues']).toBe(3);
  expect(statsOf(few).calls['Range.setValues']).toBe(1);
});

test('stats refuses an add-on sheet as the nomination sheet (exit 2) and has Chinese help', () => {
  const refused = runCli(['stats', book, '--sheet', '统计']);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain('是插件自己的表');
  const help = runCli(['stats', '--help']);
  expect(help.code).toBe(0);
  expect(help.stdout).toContain('用法：banzhuren stats');
  expect(help.stdout).toContain('示例：');
});

test('生成统计 from the menu writes the 统计 sheet and shows the counts and the first problems in a message box', async () => {
  const copy = join(folder, 'menu.xlsx');
  copyFileSync(book, copy);
  const runtime = await openWorkbookRuntime({ path: copy, today: '2025-06-30', counter: new CallCounter(), print: () => undefined });
  try {
    runtime.bundle.call('makeStatistics');
    const alert = runtime.ui.alerts.pop() ?? '';
    expect(alert.split('\n').slice(0, 3)).toEqual([
      '生成统计',
      '已写入“统计”（截至2025-06-30）：共认定 20 人（含任期届满、已取消），评选级别 市级，目标每年180名。',
      '年度：2023年 8/180（4.4%），2024年 7/180（3.9%），2025年 3/180（1.7%），日期不明 2',
    ]);
    expect(alert).toContain('提示：工作表“推荐名单”第19行（已认定）的认定日期为空，年度计入“日期不明”');
  } finally {
    runtime.close();
  }
});

test('a nomination sheet without 状态 counts nobody and says why; a workbook without 工作室 says so too', async () => {
  const path = join(folder, 'no-state.xlsx');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('推荐名单');
  sheet.addRow(['姓名', '学校', '县（市、区）', '学段', '申报类别', '认定日期']);
  sheet.addRow(['甲', '玉溪一中', '红塔区', '高中', '骨干班主任', excelDate('2024-10-09')]);
  await workbook.xlsx.writeFile(path);
  const result = runCli(['stats', path, '--json', '--today', '2025-06-30']);
  const json = statsJson(result);
  expect(json.awarded).toBe(0);
  expect(json.byYear.map((entry) => entry.awarded)).toEqual([0, 0, 0]);
  expect(result.stderr).toContain('提示：工作表“推荐名单”没有“状态”列：没有任何行计为已认定');
  expect(result.stderr).toContain('提示：找不到工作表“工作室”');
});
