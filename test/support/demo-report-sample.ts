/**
 * A realistic DemoReportData for the report page's tests: the figures of a 2024 season over about
 * 300 synthetic candidates in every county of 玉溪, with the planted mistakes and example reasons
 * as the season would hand them over. sampleReportData() returns a fresh copy each time, so a test
 * may change it (e.g. put markup into a reason) without touching the others.
 */
import type { DemoReportData } from '../../local/demo/report-data';

/** A reason typed into a spreadsheet that tries to close the data <script> and run code. */
export const HOSTILE_REASON = '</script><img src=x onerror=alert(1)>';

const SAMPLE: DemoReportData = {
  generatedAt: '2026-11-29T19:55:50.123Z',
  seasonYear: 2024,
  candidates: 302,
  stages: [
    { name: '生成样表', day: '2024-08-26', summary: '生成 302 名虚构候选人，覆盖 9 个县（市、区）和市直学校，含 6 处故意留下的错误', calls: 0, modelledMs: 0, wallMs: 1430 },
    { name: '初始化模板', day: '2024-08-26', summary: '建立推荐名单、权限、操作记录、设置等 8 张工作表', calls: 214, modelledMs: 9630, wallMs: 310 },
    { name: '资格校验', day: '2024-09-02', summary: '302 行中符合 241 行，不符合 38 行，待核实 23 行', calls: 96, modelledMs: 6120, wallMs: 820 },
    { name: '县级初审', day: '2024-09-10', summary: '红塔区等 9 个县（市、区）初审通过 231 行，退回 38 行', calls: 412, modelledMs: 21840, wallMs: 760 },
    { name: '市级评审', day: '2024-09-20', summary: '市级评审通过 172 行，未通过 59 行', calls: 355, modelledMs: 18200, wallMs: 640 },
    { name: '公示', day: '2024-09-27', summary: '公示 172 人，2024-09-27 至 2024-10-09，跨越国庆节，共 5 个工作日', calls: 88, modelledMs: 5400, wallMs: 390 },
    { name: '认定与编号', day: '2024-10-10', summary: '认定 172 人，编号 YX2024-001 至 YX2024-172', calls: 190, modelledMs: 10100, wallMs: 450 },
    { name: '证书与考核表', day: '2024-10-12', summary: '生成荣誉证书 172 份、任期考核表 172 份', calls: 1032, modelledMs: 412800, wallMs: 5210 },
    { name: '履职记录', day: '2024-10-15', summary: '登记 172 人的履职记录，3 人需补交材料', calls: 140, modelledMs: 7700, wallMs: 280 },
    { name: '工作室', day: '2024-10-16', summary: '12 个名班主任工作室，2 个成员不足', calls: 64, modelledMs: 3900, wallMs: 150 },
    { name: '统计', day: '2024-10-18', summary: '按县、学段、类别统计，写入统计表', calls: 37, modelledMs: 2300, wallMs: 120 },
    { name: '30 天提醒', day: '2024-10-19', summary: '模拟 30 天的每日任务，发出提醒邮件 86 封', calls: 980, modelledMs: 61200, wallMs: 2630 },
  ],
  verdicts: [
    { label: '符合', count: 241 },
    { label: '不符合', count: 38 },
    { label: '待核实', count: 23 },
  ],
  states: [
    { label: '已认定', count: 172 },
    { label: '市级未通过', count: 59 },
    { label: '县级退回', count: 38 },
    { label: '待核实', count: 23 },
    { label: '已撤回', count: 10 },
  ],
  clauses: [
    { clause: '四（一）1', notMet: 4, toVerify: 2, example: '近三年年度考核有“基本合格”' },
    { clause: '四（一）3', notMet: 9, toVerify: 5, example: '班主任年限不足 5 年（2021 年起任）' },
    { clause: '四（一）6', notMet: 7, toVerify: 11, example: '获奖证书未上传，请补交' },
    { clause: '四（一）9（1）', notMet: 12, toVerify: 3, example: '出生日期“一九六八年五月”无法识别，按超龄处理' },
    { clause: '四（二）2', notMet: 6, toVerify: 2, example: '名额超出本县分配数 2 名' },
  ],
  counties: [
    { county: '红塔区', nominated: 58, awarded: 34, target: 100 },
    { county: '江川区', nominated: 31, awarded: 18, target: 100 },
    { county: '澄江市', nominated: 29, awarded: 17, target: 100 },
    { county: '通海县', nominated: 30, awarded: 17, target: 100 },
    { county: '华宁县', nominated: 24, awarded: 14, target: 100 },
    { county: '易门县', nominated: 25, awarded: 14, target: 100 },
    { county: '峨山彝族自治县', nominated: 26, awarded: 15, target: 100 },
    { county: '新平彝族傣族自治县', nominated: 27, awarded: 16, target: 100 },
    { county: '元江哈尼族彝族傣族自治县', nominated: 25, awarded: 14, target: 100 },
    { county: '市直学校', nominated: 27, awarded: 13, target: null },
  ],
  byStage: [
    { label: '小学', count: 68 },
    { label: '初中', count: 52 },
    { label: '高中', count: 31 },
    { label: '中职', count: 13 },
    { label: '特殊教育', count: 8 },
  ],
  byCategory: [
    { label: '骨干班主任', count: 138 },
    { label: '名班主任', count: 34 },
  ],
  yearTarget: { year: 2024, awarded: 172, target: 180 },
  publicity: { start: '2024-09-27', end: '2024-10-09', workingDays: 5, holidaysCrossed: ['2024-09-28', '2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-05', '2024-10-06', '2024-10-07'], holidayNames: ['国庆节'] },
  documents: { certificates: 172, termForms: 172 },
  duties: [
    { label: '合格', count: 161 },
    { label: '需补交材料', count: 3 },
    { label: '不合格', count: 2 },
    { label: '未登记', count: 6 },
  ],
  studios: [
    { label: '正常', count: 10 },
    { label: '成员不足', count: 2 },
  ],
  reminders: {
    days: 30,
    mails: 86,
    byKind: [
      { label: '待县级初审', count: 27 },
      { label: '待市级评审', count: 19 },
      { label: '公示即将结束', count: 12 },
      { label: '履职记录待补', count: 16 },
      { label: '任期即将届满', count: 12 },
    ],
  },
  mistakes: [
    { kind: '标题行', row: 1, column: '（整行）', message: '第 1 行是标题“2024年玉溪市骨干班主任推荐汇总表”，已跳过，表头在第 2 行' },
    { kind: '出生日期写成文字', row: 17, column: '出生日期', message: '出生日期“一九六八年五月”无法识别，按超龄处理' },
    { kind: '“是”写成“符合”', row: 42, column: '师德表现', message: '“是”按“符合”读取' },
    { kind: '身份证号校验位错误', row: 88, column: '身份证号', message: '身份证号校验位不对，请核对' },
    { kind: '县（市、区）为空', row: 131, column: '县（市、区）', message: '县（市、区）为空，无法分配给县级初审' },
    { kind: '日期写成文本', row: 205, column: '任班主任起始时间', message: '“2015.9”按 2015-09-01 读取' },
  ],
  files: [
    { label: '评选名单（整季的工作簿）', path: '评选名单.xlsx' },
    { label: '公示名单', path: '公示名单.xlsx' },
    { label: '证书与任期考核表', path: '文档/' },
    { label: '提醒邮件（.eml）', path: '发件箱/' },
    { label: '报告数据（JSON）', path: 'report-data.json' },
  ],
};

/** A fresh copy of the sample report data. */
export function sampleReportData(): DemoReportData {
  return structuredClone(SAMPLE);
}
