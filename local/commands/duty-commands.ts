/**
 * The duty command: `banzhuren duties` runs the add-on's own runDutyReport in the loaded bundle
 * over the workbook (under its lock), writes the 履职情况 sheet, and prints every teacher's
 * semesters (or the JSON array with --json). Listed 履职记录 rows go to stderr as 提示 lines;
 * cancellation proposals go to stdout, or to stderr as 建议 lines with --json so stdout stays JSON.
 */
import { UsageError, type Command, OUT_OPTION, SHEET_OPTION } from './command';
import { withWorkbook } from './workbook-commands';

const dutiesUsage = 'duties <文件.xlsx> [--today 日期] [--json] [--sheet 工作表] [--out 文件]';

/** One teacher's one semester, as runDutyReport returns it. */
interface SemesterStatus {
  name: string;
  certificate: string;
  schoolYear: string;
  semester: string;
  books: number;
  lectures: number;
  openClasses: number;
  mentees: number;
  ok: boolean;
  missing: string[];
  open: boolean;
  state: string;
}

interface DutyReportResult {
  semesters: SemesterStatus[];
  notices: string[];
  proposals: string[];
  sheet: string;
  changed: boolean;
  summary: string;
}

/** 完成 / 未完成 / 进行中, as the 履职情况 sheet says it. */
function completion(status: SemesterStatus): string {
  if (status.open) return status.ok ? '已完成（本学期进行中）' : '进行中';
  return status.ok ? '完成' : '未完成';
}

/** A proposal's command with the workbook's own path in place of 文件.xlsx, quoted when the shell needs it. */
function withBookPath(proposal: string, path: string): string {
  const shown = /^[\w./\-\u4e00-\u9fff（）〔〕]+$/u.test(path) ? path : `"${path.replace(/(["\\$`])/g, '\\$1')}"`;
  return proposal.replace('banzhuren advance 文件.xlsx ', () => `banzhuren advance ${shown} `);
}

/** The duty commands of the CLI. */
export const DUTY_COMMANDS: Command[] = [
  {
    name: 'duties',
    usage: dutiesUsage,
    summary: '生成履职情况：按履职记录统计每位已认定、任期届满人员每学期的读书、讲座、公开课和每学年的帮带人数，写入“履职情况”表',
    details: [
      '对状态为“已认定”或“任期届满”的每位人员（“已取消”的不列），从认定日期所在学期到今天（--today）所在学期、',
      '最多到任期届满所在学期，逐学期统计（任期届满者的学期都已结束，供任期考核）：',
      '读书、讲座、公开课各不少于 1 次（五（二）–（四）），每学年帮带不少于 5 名不同的教师（五（五），第二学期核算）；',
      '一格“帮带对象”可填多名，用“、”（或，；/ 换行）分隔，姓名中的空格不计。',
      '履职记录按 证书编号 → 身份证号 → 姓名（仅当可能是的人中只有一人叫此名）对应到人，证书编号、身份证号中的全角数字',
      '和括号按半角比较；表头也认“活动类型”“活动日期”“活动内容”“证明材料”“帮带教师”“结对对象”“学期”等写法。学年学期留空时按日期和“设置”',
      '中的第一学期开始、第二学期开始（默认 9-1、2-1）推算。对应不上、类型或日期无法识别、日期晚于今天的行不计入，',
      '在标准错误输出“提示：履职记录第N行…”并列在“履职情况”表下方；学年学期与日期不一致的行按学年学期计入并提示。',
      '状态为“已认定”、某学年（第二学期已结束）有学期未完成的人员，给出按六（四）5 取消资格的建议（只是建议，不改动状态；',
      '取消请用 advance）；任期届满者不再给取消建议。',
      '“履职情况”表不含身份证号、联系电话。内容与上次相同时不改动文件。',
    ],
    uses: ['today'],
    options: {
      json: {
        type: 'boolean',
        help: '标准输出只打印 JSON 数组：[{"name","certificate","schoolYear","semester","books","lectures","openClasses","mentees","ok","missing","open","state"}]；建议改到标准错误输出（“建议：…”）',
      },
      sheet: SHEET_OPTION,
      out: OUT_OPTION,
    },
    examples: [
      'banzhuren duties 全市名单.xlsx',
      'banzhuren duties 全市名单.xlsx --today 2025-09-01 --json > 履职情况.json',
      'banzhuren duties 全市名单.xlsx --sheet 2024年推荐名单 --out 履职情况.xlsx',
    ],
    async run(context) {
      const options: Record<string, string> = {};
      if (typeof context.options.sheet === 'string') options.sheet = context.options.sheet;
      if (typeof context.options.sheet === 'string' && context.options.sheet.trim() === '') throw new UsageError('--sheet 不能为空');
      const report = await withWorkbook(context, dutiesUsage, { save: (result: DutyReportResult) => result.changed }, (runtime) =>
        runtime.bundle.call('runDutyReport_', options) as DutyReportResult,
      );
      for (const notice of report.notices) context.err(`提示：${notice}`);
      if (context.options.json) {
        const semesters = report.semesters.map((status) => ({
          name: status.name,
          certificate: status.certificate,
          schoolYear: status.schoolYear,
          semester: status.semester,
          books: status.books,
          lectures: status.lectures,
          openClasses: status.openClasses,
          mentees: status.mentees,
          ok: status.ok,
          missing: [...status.missing],
          open: status.open,
          state: status.state,
        }));
        context.out(JSON.stringify(semesters, null, 2));
        for (const proposal of report.proposals) context.err(`建议：${withBookPath(proposal, context.positionals[0] ?? '')}`);
        return 0;
      }
      context.out(report.summary);
      for (const status of report.semesters) {
        const counts = `读书${status.books} 讲座${status.lectures} 公开课${status.openClasses} 帮带${status.mentees}人`;
        const missing = status.missing.length > 0 ? `；缺少${status.missing.join('、')}` : '';
        context.out(`${status.name}（${status.certificate || '无证书编号'}，${status.state}）${status.schoolYear}学年${status.semester}：${counts}；${completion(status)}${missing}`);
      }
      for (const proposal of report.proposals) context.out(`建议：${withBookPath(proposal, context.positionals[0] ?? '')}`);
      return 0;
    },
  },
];
