/**
 * The studio command: `banzhuren studios BOOK` runs the add-on's 检查工作室 (runStudioReport) over
 * the workbook under its lock — every studio of 工作室 checked against the plan (三（三）, 四（一）10,
 * 一), 工作室情况 written — and prints one line per studio with its findings, or the JSON array.
 * Exit code 3 when any studio (or the 全市 entry) has a finding.
 */
import { OUT_OPTION, type Command } from './command';
import { withWorkbook } from './workbook-commands';

/** Exit code of studios when any studio has a finding. */
export const EXIT_STUDIO_FINDINGS = 3;

const studiosUsage = 'studios <文件.xlsx> [--json] [--out 文件]';

/** One studio as the bundle returns it. */
interface StudioResult {
  name: string;
  stage: string;
  level: string;
  host: string;
  members: number;
  trainees: number;
  ok: boolean;
  findings: { rule: string; message: string }[];
}

interface StudioReport {
  studios: StudioResult[];
  reportSheet: string;
  /** The text output: each studio's line, then its findings indented. */
  lines: string[];
}

/** The studio commands of the CLI. */
export const STUDIO_COMMANDS: Command[] = [
  {
    name: 'studios',
    usage: studiosUsage,
    summary: '检查工作室：按方案三（三）、四（一）10、一 检查“工作室”表的每个工作室，写入“工作室情况”表；有问题时退出码为 3',
    details: [
      '“工作室”表每人一行：工作室名称、学段、级别（市级/县级）、角色（主持人/成员/学员）、姓名、所属成员（学员所跟的成员）。',
      '按工作室名称（去掉首尾空格）分组，每个工作室检查：主持人1人、成员10人、每名成员带学员3人（人数取自培养方案）；',
      '各行学段、级别一致；市级工作室的主持人须是“推荐名单”中申报类别为名班主任、状态为已认定的人（按姓名核对，同名的已认定名班主任有多行时提示核实）；',
      '同一人（按姓名，忽略空格）不在两个工作室、也不在同一工作室出现两次；学员的所属成员是本工作室的成员；',
      '学段、级别、角色无法识别或工作室名称、姓名为空时指出行号和所填内容（“主持”“市”“中等职业学校”等常见写法可以识别）。',
      '最后一项“全市”：各学段市级工作室个数对照方案（幼儿园2、小学3、初中3、高中3、中职3、高职1），少了写“还差N个”，多了也列出；',
      '没有工作室名称的行、找不到“工作室”表等也列在“全市”项下。“全市”项的学段、主持人为空，级别为“市级”，成员数、学员数为全部市级工作室的合计。',
      '结果写入“工作室情况”表（每个工作室一行：工作室名称、学段、级别、主持人、成员数、学员数、结论、问题），每次运行整表刷新；不改“工作室”表本身。',
      '--json 中 host 为主持人姓名（没有主持人为空，多名时用“、”连接），members、trainees 为成员、学员的行数；',
      'findings 的 rule 为：unreadable（无法识别或为空）、consistency（学段/级别不一致）、hosts、members、trainees（人数）、',
      'memberOf（所属成员）、duplicatePerson（同一人重复）、hostTitle（市级工作室主持人）、cityStages（全市各学段数量）、sheet（缺表或缺列）。',
      '输出不含身份证号、联系电话。',
    ],
    exitThree: '有工作室（或“全市”项）存在问题',
    options: {
      json: { type: 'boolean', help: '以 JSON 输出：[{"name","stage","level","host","members","trainees","ok","findings":[{"rule","message"}]}]，“全市”项在最后（见上）' },
      out: OUT_OPTION,
    },
    examples: ['banzhuren studios 工作室名单.xlsx', 'banzhuren studios 工作室名单.xlsx --json --out 工作室检查结果.xlsx'],
    async run(context) {
      const report = await withWorkbook(context, studiosUsage, {}, (runtime) => runtime.bundle.call('runStudioReport_') as StudioReport);
      if (context.options.json) {
        const studios = report.studios.map(({ name, stage, level, host, members, trainees, ok, findings }) => ({
          name, stage, level, host, members, trainees, ok, findings: findings.map(({ rule, message }) => ({ rule, message })),
        }));
        context.out(JSON.stringify(studios, null, 2));
      } else {
        for (const line of report.lines) context.out(line);
      }
      return report.studios.every((studio) => studio.ok) ? 0 : EXIT_STUDIO_FINDINGS;
    },
  },
];
