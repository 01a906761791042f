/**
 * The statistics command: `banzhuren stats` runs the add-on's own runStatistics in the loaded
 * bundle (what the menu item 生成统计 runs in Google), which writes the 统计 sheet with its charts,
 * saves the workbook, and prints the counts — a Chinese summary, or with --json the tables as JSON.
 * Rows counted under 日期不明/未填写/无法识别 are named on stderr as 提示 lines.
 */
import { type Command, OUT_OPTION, SHEET_OPTION } from './command';
import { withWorkbook } from './workbook-commands';

const statsUsage = 'stats <文件.xlsx> [--json] [--sheet 工作表] [--today 日期] [--out 文件]';

/** What runStatistics returns (the parts printed here). */
interface StatisticsResult {
  byYear: { year: number | string; awarded: number; target: number | null }[];
  byCounty: { county: string; awarded: number }[];
  byStage: { stage: string; awarded: number }[];
  byCategory: { category: string; awarded: number }[];
  studiosByStage: { stage: string; studios: number; target: number | null }[];
  level: string;
  targetIsMinimum: boolean;
  awarded: number;
  today: string;
  problems: string[];
  summary: string;
}

/** The statistics command of the CLI. */
export const STATISTICS_COMMANDS: Command[] = [
  {
    name: 'stats',
    usage: statsUsage,
    summary: '生成统计：按认定年度（对照每年目标）、县（市、区）、学段、申报类别统计认定人数，并统计市级工作室，写入“统计”表（在 Google 表格中配图表；.xlsx 中图表的定义随文件保存，Excel/WPS 中不显示）',
    details: [
      '“认定”指状态为 已认定、任期届满 或 已取消 的行（后两者计入其认定日期所在的年度）。',
      '年度目标：“设置”表的“评选级别”为 市级（默认）时为每年 180 名；为 县级（本县自己的表格）时为每年不少于 100 名。',
      '年度从培养方案的第一年（2023年）列到方案最后一年与最后一个认定年度中较晚者；认定日期为空或无法识别的行计入“日期不明”。',
      '县（市、区）、学段、申报类别为空或无法识别的行分别计入“未填写”“无法识别”，所以每张表的合计都等于认定的行数；这些行在标准错误输出“提示：”。',
      '市级工作室按“工作室”表中级别为市级的不同工作室名称，逐学段对照目标（幼儿园2、小学3、初中3、高中3、中职3、高职1）；“设置”的评选级别为县级时改为统计县级工作室，方案未定各学段个数，target 为 null。',
      '“统计”表每次重新生成（先清空），每张表配一个图表；只写人数，不写姓名、身份证号、联系电话。',
    ],
    uses: ['today'],
    options: {
      json: {
        type: 'boolean',
        help: '输出 JSON：{"byYear":[{"year","awarded","target"}],"byCounty":[{"county","awarded"}],"byStage":[{"stage","awarded"}],"byCategory":[{"category","awarded"}],"studiosByStage":[{"stage","studios","target"}],"level","awarded","problems"}',
      },
      sheet: SHEET_OPTION,
      out: OUT_OPTION,
    },
    examples: ['banzhuren stats 全市推荐名单.xlsx', 'banzhuren stats 全市推荐名单.xlsx --json --today 2025-12-31', 'banzhuren stats 江川区推荐名单.xlsx --out 江川区统计.xlsx'],
    async run(context) {
      const options: Record<string, string> = {};
      if (typeof context.options.sheet === 'string') options.sheet = context.options.sheet;
      if (context.today) options.today = context.today;
      const report = await withWorkbook(context, statsUsage, {}, (runtime) => runtime.bundle.call('runStatistics_', options) as StatisticsResult);
      for (const problem of report.problems) context.err(`提示：${problem}`);
      if (context.options.json) {
        const { byYear, byCounty, byStage, byCategory, studiosByStage, level, targetIsMinimum, awarded, today, problems } = report;
        context.out(JSON.stringify({ byYear, byCounty, byStage, byCategory, studiosByStage, level, targetIsMinimum, awarded, today, problems }, null, 2));
      } else {
        context.out(report.summary);
      }
      return 0;
    },
  },
];
