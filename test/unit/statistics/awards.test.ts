/**
 * The statistics domain on its own: which rows count as awarded, the tables by year, county,
 * stage and category with hand-computed answers, the entries for blank and unreadable values, the
 * 评选级别 setting, and the sheet layout (only counts, one chart per table).
 */
import { YUXI_2023_2025 as preset } from '../../../src/domain/presets';
import { dateOfCell } from '../../../src/domain/date-text';
import { countAwards, yearRange, type StatisticsRow } from '../../../src/domain/statistics/awards';
import { statisticsLayout } from '../../../src/domain/statistics/layout';
import { readSelectionLevel } from '../../../src/domain/selection-level';

let nextRow = 2;
const row = (state: string, awardDate: string | number, county = '红塔区', stage = '高中', category = '骨干班主任'): StatisticsRow => ({
  row: nextRow++,
  state,
  awardDate,
  county,
  stage,
  category,
});

const total = (entries: { awarded: number }[]) => entries.reduce((sum, entry) => sum + entry.awarded, 0);
const countOf = <K extends string>(entries: ({ awarded: number } & Record<K, unknown>)[], key: K, value: unknown) =>
  entries.find((entry) => entry[key] === value)?.awarded;

describe('countAwards', () => {
  beforeEach(() => {
    nextRow = 2;
  });

  test('已认定, 任期届满 and 已取消 count in the year of 认定日期; other states do not count', () => {
    const rows = [
      row('已认定', '2023-10-10'),
      row('已认定', '2024-10-10'),
      row('任期届满', '2023-10-10'), // counted in 2023, its award year, not the year its term ended
      row('已取消', '2024-03-01', '江川区'),
      row('公示中', '', '江川区'),
      row('评审通过', ''),
      row('', ''), // blank state is 学校推荐
      row('初审未通过', ''),
    ];
    const result = countAwards(rows, '市级', preset);
    expect(result.awarded).toBe(4);
    expect(result.byYear).toEqual([
      { year: 2023, awarded: 2, target: 180 },
      { year: 2024, awarded: 2, target: 180 },
      { year: 2025, awarded: 0, target: 180 },
    ]);
    expect(countOf(result.byCounty, 'county', '红塔区')).toBe(3);
    expect(countOf(result.byCounty, 'county', '江川区')).toBe(1);
    expect(result.problems).toEqual([]);
  });

  test('every preset county, 市直学校, stage and category is listed in the preset\'s order, zeros included', () => {
    const result = countAwards([row('已认定', '2024-10-10', '市直', '中等职业学校', '名班主任')], '市级', preset);
    expect(result.byCounty.map((entry) => entry.county)).toEqual([...preset.counties, '市直学校']);
    expect(result.byStage.map((entry) => entry.stage)).toEqual(preset.stages);
    expect(result.byCategory.map((entry) => entry.category)).toEqual(['骨干班主任', '名班主任']);
    // Short and long spellings are read as the check reads them.
    expect(countOf(result.byCounty, 'county', '市直学校')).toBe(1);
    expect(countOf(result.byStage, 'stage', '中职')).toBe(1);
    expect(countOf(result.byCategory, 'category', '名班主任')).toBe(1);
  });

  test('short county names count for their county', () => {
    const result = countAwards([row('已认定', '2024-10-10', '红塔'), row('已认定', '2024-10-10', '峨山'), row('已认定', '2024-10-10', ' 江川区 ')], '市级', preset);
    expect(countOf(result.byCounty, 'county', '红塔区')).toBe(1);
    expect(countOf(result.byCounty, 'county', '峨山彝族自治县')).toBe(1);
    expect(countOf(result.byCounty, 'county', '江川区')).toBe(1);
  });

  test('a blank or unreadable 认定日期 is counted under 日期不明, in every other table, and named as a problem', () => {
    const rows = [row('已认定', '2024-10-10'), row('已认定', ''), row('任期届满', '去年'), row('已认定', '2024/9/27', '江川区')];
    const result = countAwards(rows, '市级', preset);
    expect(result.awarded).toBe(4);
    expect(result.byYear).toEqual([
      { year: 2023, awarded: 0, target: 180 },
      { year: 2024, awarded: 2, target: 180 },
      { year: 2025, awarded: 0, target: 180 },
      { year: '日期不明', awarded: 2, target: null },
    ]);
    expect(total(result.byCounty)).toBe(4);
    expect(result.problems).toEqual([
      '第3行（已认定）的认定日期为空，年度计入“日期不明”',
      '第4行（任期届满）的认定日期“去年”无法识别，年度计入“日期不明”',
    ]);
  });

  test('blank and unreadable county, stage and category get entries of their own, so the counts equal the rows', () => {
    const rows = [row('已认定', '2024-10-10', '', '高中', '骨干班主任'), row('已认定', '2024-10-10', '昆明市', '大学', ''), row('已认定', '2024-10-10')];
    const result = countAwards(rows, '市级', preset);
    expect(countOf(result.byCounty, 'county', '未填写')).toBe(1);
    expect(countOf(result.byCounty, 'county', '无法识别')).toBe(1);
    expect(countOf(result.byStage, 'stage', '无法识别')).toBe(1);
    expect(countOf(result.byCategory, 'category', '未填写')).toBe(1);
    expect(result.problems).toEqual([
      '第2行（已认定）的县（市、区）为空，计入“未填写”',
      '第3行（已认定）的县（市、区）“昆明市”无法识别，计入“无法识别”',
      '第3行（已认定）的学段“大学”无法识别，计入“无法识别”',
      '第3行（已认定）的申报类别为空，计入“未填写”',
    ]);
  });

  test('a 状态 that names no state is not counted and is named', () => {
    const result = countAwards([row('认定', '2024-10-10'), row('已认定', '2024-10-10')], '市级', preset);
    expect(result.awarded).toBe(1);
    expect(result.problems).toEqual(['第2行的状态“认定”无法识别，未计入统计']);
  });

  test('a 认定日期 after today or decades before the plan is 日期不明 and named; the years stay the plan years', () => {
    const result = countAwards([row('已认定', '2999-01-01'), row('已认定', '1900-01-01'), row('已认定', '2013-01-01'), row('已认定', '2024-10-10')], '市级', preset, '2025-06-01');
    expect(result.byYear.map((entry) => entry.year)).toEqual([2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, '日期不明']);
    expect(result.byYear[result.byYear.length - 1]).toEqual({ year: '日期不明', awarded: 2, target: null });
    expect(result.problems).toEqual([
      '第2行（已认定）的认定日期2999-01-01晚于今天（2025-06-01），年度计入“日期不明”',
      '第3行（已认定）的认定日期1900-01-01早于2013年，不合常理，年度计入“日期不明”',
    ]);
  });

  test('sum(byYear) = sum(byCounty) = sum(byStage) = sum(byCategory) = awarded rows, on assorted rows', () => {
    const states = ['已认定', '任期届满', '已取消', '公示中', '学校推荐', '', '评审未通过', '公示有异议'];
    const dates = ['2023-10-10', '2024-09-27', '2025年1月3日', '', '不详', 45_000, '2022-12-31', '2026-01-05'];
    const counties = ['红塔区', '江川', '市直学校', '', '大理', '元江哈尼族彝族傣族自治县'];
    const stages = ['高中', '幼儿园', '', '高职院校', '研究生'];
    const categories = ['骨干班主任', '名班主任', '', '骨干', '特级'];
    const rows: StatisticsRow[] = [];
    for (let index = 0; index < 240; index += 1) {
      rows.push(row(states[index % states.length]!, dates[Math.floor(index / states.length) % dates.length]!, counties[index % 6], stages[index % 5], categories[index % 4 === 3 ? 4 : index % 4]));
    }
    const awardedRows = rows.filter((each) => ['已认定', '任期届满', '已取消'].includes(String(each.state))).length;
    expect(awardedRows).toBe(90); // 240 rows, 8 states in turn: 30 of each of the 3 awarded states
    const result = countAwards(rows, '市级', preset);
    expect(result.awarded).toBe(awardedRows);
    expect(total(result.byYear)).toBe(awardedRows);
    expect(total(result.byCounty)).toBe(awardedRows);
    expect(total(result.byStage)).toBe(awardedRows);
    expect(total(result.byCategory)).toBe(awardedRows);
    // 45,000 is the serial number of 2023-03-15; the years run from 2022 (an award before the plan) to 2026.
    expect(result.byYear.map((entry) => entry.year)).toEqual([2022, 2023, 2024, 2025, 2026, '日期不明']);
  });

  test('a county workbook (县级) is measured against the county minimum', () => {
    const result = countAwards([row('已认定', '2024-10-10')], '县级', preset);
    expect(result.targetIsMinimum).toBe(true);
    expect(result.byYear.map((entry) => entry.target)).toEqual([100, 100, 100]);
    expect(countAwards([row('已认定', '2024-10-10')], '市级', preset).targetIsMinimum).toBe(false);
  });
});

describe('reading the cells', () => {
  test('认定日期 from a date text, a typed spelling or a serial number; anything else is null', () => {
    expect(dateOfCell('2024-10-10')).toBe('2024-10-10');
    expect(dateOfCell('2024年10月9日')).toBe('2024-10-09');
    expect(dateOfCell(45_000)).toBe('2023-03-15');
    expect(dateOfCell('')).toBeNull();
    expect(dateOfCell('2024-02-30')).toBeNull();
    expect(dateOfCell(2024)).toBeNull(); // a bare year is not a date
    expect(dateOfCell(true)).toBeNull();
  });

  test('the years run from the plan\'s first through the later of its last and the last awarded', () => {
    expect(yearRange([2023, 2024, 2025], [])).toEqual([2023, 2024, 2025]);
    expect(yearRange([2023, 2024, 2025], [2027])).toEqual([2023, 2024, 2025, 2026, 2027]);
    expect(yearRange([2023, 2024, 2025], [2021, 2024])).toEqual([2021, 2022, 2023, 2024, 2025]);
  });

  test('评选级别: 市级 or 县级 (spellings folded), missing or blank is 市级, anything else names the 设置 row and value', () => {
    const settings = (value: unknown) => [['设置项', '值', '说明'], ['评审基准日', '', ''], ['评选级别', value, '']];
    expect(readSelectionLevel(settings('县级'))).toEqual({ level: '县级' });
    expect(readSelectionLevel(settings(' 县 '))).toEqual({ level: '县级' });
    expect(readSelectionLevel(settings('县（市、区）级'))).toEqual({ level: '县级' });
    expect(readSelectionLevel(settings('市级'))).toEqual({ level: '市级' });
    expect(readSelectionLevel(settings(''))).toEqual({ level: '市级' });
    expect(readSelectionLevel([['设置项', '值']])).toEqual({ level: '市级' });
    expect(readSelectionLevel([])).toEqual({ level: '市级' });
    expect(readSelectionLevel(settings('省级'))).toEqual({ problem: '设置第3行：评选级别“省级”无法识别，应填市级或县级' });
    expect(readSelectionLevel(settings(3))).toEqual({ problem: '设置第3行：评选级别“3”无法识别，应填市级或县级' });
  });
});

describe('statisticsLayout', () => {
  beforeEach(() => {
    nextRow = 2;
  });
  const studios = [{ stage: '幼儿园', studios: 1, target: 2 }, { stage: '小学', studios: 3, target: 3 }];

  test('a title with the date, one table per measure, each with a chart over its own cells', () => {
    const result = countAwards([row('已认定', '2024-10-10'), row('已认定', '')], '市级', preset);
    const layout = statisticsLayout(result, studios, ['推荐名单第3行…'], '2025-06-01', preset);
    expect(layout.rows[0]?.[0]).toContain('2025-06-01');
    expect(layout.rows.every((cells) => cells.length === layout.width)).toBe(true);
    expect(layout.charts.map((chart) => chart.title)).toEqual(['年度认定', '县（市、区）', '学段', '申报类别', '市级工作室']);
    const cell = (rowNumber: number, column: number) => layout.rows[rowNumber - 1]?.[column - 1];
    const year = layout.charts[0]!;
    expect([cell(year.firstRow, 1), cell(year.firstRow, 2), cell(year.firstRow, 3), cell(year.firstRow, 4)]).toEqual(['年度', '认定人数', '目标', '完成率']);
    expect(layout.rows.slice(year.firstRow, year.lastRow)).toEqual([
      ['2023年', 0, 180, '0.0%'],
      ['2024年', 1, 180, '0.6%'],
      ['2025年', 0, 180, '0.0%'],
      ['日期不明', 1, '', ''],
    ]);
    const county = layout.charts[1]!;
    expect(county.lastRow - county.firstRow).toBe(preset.counties.length + 1);
    const studio = layout.charts[4]!;
    expect(layout.rows.slice(studio.firstRow, studio.lastRow)).toEqual([['幼儿园', 1, 2, ''], ['小学', 3, 3, '']]);
    expect(layout.rows.flat()).toContain('推荐名单第3行…');
    // No two charts share an anchor.
    expect(new Set(layout.charts.map((chart) => `${chart.anchorRow},${chart.anchorColumn}`)).size).toBe(layout.charts.length);
  });

  test('a county workbook says its target is a minimum', () => {
    const layout = statisticsLayout(countAwards([row('已认定', '2024-10-10')], '县级', preset), studios, [], '2025-06-01', preset);
    expect(layout.rows.flat()).toContain('目标（不少于）');
    expect(layout.rows[1]?.[0]).toContain('每年不少于100名');
    expect(layout.rows.flat()).toContain('1.0%');
  });
});
