/**
 * The workflow commands: advance, log, publicity-list, daily. Each runs the add-on's own server
 * function in the loaded bundle over the workbook (under its lock), as the user named by --as.
 * advance exits 3 when any row was refused, with one stderr line per refused row.
 */
import { loadBundle } from '../runtime/bundle';
import { XLSX_MAX_ROWS } from '../services/a1-notation';
import { setListPrintLayout } from '../runtime/print-layout';
import { shown } from './arguments';
import { UsageError, type Command, type CommandContext, OUT_OPTION, SHEET_OPTION } from './command';
import { checkedDate } from './dates';
import { EXIT_REFUSED, refusable, withWorkbook } from './workbook-commands';

/** Exit code of advance when some rows could not move. */
export const EXIT_SOME_REFUSED = 3;

const advanceUsage = 'advance <文件.xlsx> --rows 2,5-7 --to 状态 --as 邮箱 [--reason 理由] [--start 日期] [--sheet 工作表] [--today 日期] [--out 文件]';
const logUsage = 'log <文件.xlsx> [--json]';
const publicityUsage = 'publicity-list <文件.xlsx> [--sheet 工作表] [--as 邮箱] [--out 文件]';
const dailyUsage = 'daily <文件.xlsx> [--today 日期] [--out 文件]';


/** advance's extra help: states, roles and moves, from the bundle's own tables (never a copy). */
interface WorkflowTable {
  states: string[];
  roles: string[];
  moves: { from: string; to: string; who: string; needs: string; cityDirectOnly: boolean }[];
}

/** The workflow's states, roles and moves, from the bundle's own tables. */
function workflowTable(): WorkflowTable {
  return loadBundle().call('workflowTable_') as WorkflowTable;
}

function workflowHelp(): string[] {
  const table = workflowTable();
  return [
    `状态（--to 可取）：${table.states.join('、')}（“状态”为空视为“${table.states[0]}”）`,
    `角色（“权限”表的“角色”列）：${table.roles.join('、')}；县名也可写不带“区”“县”“市”等后缀的简称（只有一个县用这个简称时），留空或无法识别的角色没有任何权限；学校角色只能填报`,
    '',
    '允许的改动（从 → 到：谁；条件）：',
    ...table.moves.map((move) => `  ${move.from}${move.cityDirectOnly ? '（仅市直学校）' : ''} → ${move.to}：${move.who}${move.needs ? `；${move.needs}` : ''}`),
  ];
}

/** Row numbers from `2,5-7` (each from 2 to 1,048,576, at most 100,000 in all). */
export function parseRowList(text: string): number[] {
  const rows: number[] = [];
  for (const part of text.split(/[,，]/)) {
    const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!match) throw new UsageError(`--rows 应形如 2,5-7，无法识别“${shown(part)}”`);
    const first = Number(match[1]);
    const last = Number(match[2] ?? match[1]);
    if (last > XLSX_MAX_ROWS) throw new UsageError(`--rows 中的“${shown(part.trim())}”无效：行号最大为 ${XLSX_MAX_ROWS.toLocaleString('en-US')}`);
    if (first < 2 || last < first) throw new UsageError(`--rows 中的“${shown(part.trim())}”无效：行号从 2 开始（表头所在行及其上方的行不能改动），区间须从小到大`);
    if (rows.length + (last - first + 1) > 100_000) throw new UsageError('--rows 一次最多 100,000 行');
    for (let row = first; row <= last; row += 1) rows.push(row);
  }
  return rows;
}

interface PublicityReport {
  lists: { sheet: string; period: string; people: number }[];
}

/** Row of the 公示名单's header (under the title and the period), repeated on every printed page. */
const PUBLICITY_LIST_HEADER_ROW = 3;

interface AdvanceResult {
  moved: { row: number; name: string; from: string; to: string }[];
  refused: { row: number; message: string }[];
  problems?: string[];
}

function requireOption(context: CommandContext, name: string, usage: string): string {
  const value = context.options[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`缺少 --${name}。用法：banzhuren ${usage}；运行 banzhuren help ${usage.split(' ')[0]} 查看说明`);
  return value;
}

/** One 操作记录 entry as a line: time, who, the row and its move; an entry about no row (the daily job's failure, reminders turned on or off) shows its 说明 alone. */
export function logLine(entry: { time: string; email: string; sheet: string; row: number | string; name: string; from: string; to: string; reason: string }): string {
  const row = String(entry.row);
  const where = entry.sheet !== '' || row !== '' ? `${entry.sheet}${row !== '' ? `第${row}行` : ''}${entry.name ? ` ${entry.name}` : ''}：` : entry.name ? `${entry.name}：` : '';
  const move = entry.from !== '' || entry.to !== '' ? `${entry.from}→${entry.to}` : '';
  const reason = entry.reason ? (move ? `（${entry.reason}）` : entry.reason) : '';
  return `${entry.time}  ${entry.email}  ${where}${move}${reason}`;
}

/** The workflow commands of the CLI. */
export const WORKFLOW_COMMANDS: Command[] = [
  {
    name: 'advance',
    usage: advanceUsage,
    summary: '推进所选行的审核状态（初审、评审、公示、认定、异议、取消），写入操作记录；有行被拒绝时退出码为 3',
    details: [
      '按“权限”表核对 --as 邮箱的角色，逐行检查能否从当前状态改为 --to 的状态；能改的行写入 状态、最后操作（公示中另写',
      '公示开始、公示截止；已认定另写认定日期、证书编号），并在“操作记录”追加一行；不能改的行在标准错误输出“第N行：原因”。',
      '理由等文字按输入原样保存（以 - = + @ 开头也不会变成公式或选项）。',
    ],
    uses: ['today', 'as'],
    refusesRows: true,
    options: {
      rows: { type: 'string', value: '行号', help: '要改动的行（表格中的实际行号），如 2,5-7；表头不在第 1 行时从表头下一行算起' },
      to: { type: 'string', value: '状态', help: '目标状态（见下）' },
      reason: { type: 'string', value: '理由', help: '理由或说明；未通过、异议、取消时必填（取消须写六（四）的项号）' },
      start: { type: 'string', value: 'YYYY-MM-DD', help: '公示开始日期（改为“公示中”时必填）' },
      sheet: SHEET_OPTION,
      out: OUT_OPTION,
    },
    moreHelp: workflowHelp,
    examples: [
      'banzhuren advance 名单.xlsx --rows 2,5-7 --to 初审通过 --as ht@yuxi.edu.cn',
      'banzhuren advance 名单.xlsx --rows 2-4 --to 公示中 --start 2024-09-27 --as city@yuxi.edu.cn',
      'banzhuren advance 名单.xlsx --rows 3 --to 已取消 --reason "六（四）6" --as city@yuxi.edu.cn',
    ],
    async run(context) {
      const rows = parseRowList(requireOption(context, 'rows', advanceUsage));
      const to = requireOption(context, 'to', advanceUsage);
      const { states } = workflowTable();
      if (!states.includes(to)) throw new UsageError(`--to 的状态“${shown(to)}”无效，应为：${states.join('、')}`);
      if (!context.as) throw new UsageError(`缺少 --as（操作人的邮箱）。用法：banzhuren ${advanceUsage}`);
      const start = context.options.start === undefined ? undefined : checkedDate('--start', context.options.start);
      if (to === '公示中' && start === undefined) throw new UsageError('改为“公示中”须用 --start YYYY-MM-DD 给出公示开始日期（公示截止按工作日自动算出）');
      const reason = context.options.reason;
      if (typeof reason === 'string' && reason.trim().length > 500) throw new UsageError(`--reason 太长：理由最多 500 个字，现在 ${reason.trim().length} 个字；请写明要点并附文件编号`);
      const options: Record<string, unknown> = { rows, to, reason: typeof reason === 'string' ? reason : '' };
      if (start !== undefined) options.start = start;
      if (typeof context.options.sheet === 'string') options.sheet = context.options.sheet;
      const result = await withWorkbook(context, advanceUsage, { save: (moves: AdvanceResult) => moves.moved.length > 0 }, (runtime) => runtime.bundle.call('runAdvance_', options) as AdvanceResult);
      for (const problem of result.problems ?? []) context.err(`提示：${problem}`);
      for (const moved of result.moved) context.out(`第${moved.row}行 ${moved.name}：${moved.from}→${moved.to}`);
      for (const refused of result.refused) context.err(`第${refused.row}行：${refused.message}`);
      return result.refused.length > 0 ? EXIT_SOME_REFUSED : 0;
    },
  },
  {
    name: 'publicity-list',
    usage: publicityUsage,
    summary: '生成公示名单：每个公示期一张表（“公示名单 开始日至截止日”），只含序号、姓名、性别、学校、县（市、区）、学段、申报类别；A4 横向、一页宽',
    details: [
      '读取推荐名单中状态为“公示中”的行，每个公示期写入一张“公示名单 开始日至截止日”表；不含身份证号、联系电话、电子邮箱。',
      '同一公示期再次生成只刷新该表；没有“公示中”的人选时不写入任何内容，已发布的名单保持不变。',
      '保存的 .xlsx 设为 A4 横向、缩放到一页宽、每页重复表头行（Google 表格请在打印对话框中选择）。',
      '不加 --as 时以文件所有者的身份生成；加 --as 时按“权限”表核对，只有市级账号可以生成（与 Google 表格中的菜单和助手相同）。',
    ],
    uses: ['as'],
    exitThree: '--as 的账号在“权限”表中不是市级账号，没有做任何修改',
    options: { sheet: SHEET_OPTION, out: OUT_OPTION },
    examples: ['banzhuren publicity-list 名单.xlsx'],
    async run(context) {
      const sheet = typeof context.options.sheet === 'string' ? context.options.sheet : undefined;
      // Without --as the file's owner runs it (as before); with --as only a 市级 user of 权限, as in Google.
      const outcome = await withWorkbook(context, publicityUsage, { save: (written: PublicityReport | { refused: string }) => 'lists' in written && written.lists.length > 0 }, (runtime) => {
        const written = refusable(() => runtime.bundle.call('runPublicityList_', sheet, Boolean(context.as)) as PublicityReport);
        if ('refused' in written) return written;
        // Apps Script has no print settings; the saved .xlsx gets them here (A4 landscape, one page wide).
        setListPrintLayout(runtime.workbook, written.lists.map((list) => list.sheet), PUBLICITY_LIST_HEADER_ROW);
        return written;
      });
      if ('refused' in outcome) {
        context.err(outcome.refused);
        return EXIT_REFUSED;
      }
      const report = outcome;
      if (report.lists.length === 0) context.out('目前没有处于“公示中”的人选：没有写入，已有的公示名单保持不变');
      for (const list of report.lists) context.out(`已写入“${list.sheet}”：${list.people} 人（${list.period}）`);
      return 0;
    },
  },
  {
    name: 'daily',
    usage: dailyUsage,
    summary: '每日任务：把任期已届满的“已认定”行改为“任期届满”（与 Google 表格中的定时任务相同）',
    details: ['TERM_END(认定日期) 早于今天（--today）的“已认定”行改为“任期届满”；操作记录的操作人和说明注明“每日定时任务”。'],
    uses: ['today'],
    refusesRows: true,
    options: { out: OUT_OPTION },
    examples: ['banzhuren daily 名单.xlsx --today 2027-10-10'],
    async run(context) {
      const result = await withWorkbook(context, dailyUsage, { save: (moves: AdvanceResult) => moves.moved.length > 0 }, (runtime) => runtime.bundle.call('runDailyJobs_') as AdvanceResult);
      for (const moved of result.moved) context.out(`第${moved.row}行 ${moved.name}：${moved.from}→${moved.to}`);
      for (const refused of result.refused) context.err(`第${refused.row}行：${refused.message}`);
      if (result.moved.length === 0) context.out('没有任期届满的行');
      return result.refused.length > 0 ? EXIT_SOME_REFUSED : 0;
    },
  },
  {
    name: 'log',
    usage: logUsage,
    summary: '查看操作记录（--json 输出 JSON）',
    details: ['按时间顺序列出“操作记录”表的每一行：时间、操作人、工作表、行、姓名、原状态→新状态（说明）。不修改文件。'],
    options: { json: { type: 'boolean', help: '输出 JSON：[{"time","email","sheet","row","name","from","to","reason"}]' } },
    examples: ['banzhuren log 名单.xlsx | head -5', 'banzhuren log 名单.xlsx --json'],
    async run(context) {
      const entries = await withWorkbook(context, logUsage, { save: false }, (runtime) =>
        runtime.bundle.call('readAuditLog_') as { time: string; email: string; sheet: string; row: number; name: string; from: string; to: string; reason: string }[],
      );
      if (context.options.json) {
        context.out(JSON.stringify(entries.map((entry) => ({ ...entry })), null, 2));
      } else {
        // One line per entry: line breaks typed into a reason or name must not make a line that looks like another entry.
        const oneLine = (text: unknown) => String(text).replace(/[\r\n\u2028\u2029]+/g, ' ⏎ ');
        for (const entry of entries) context.out(oneLine(logLine(entry)));
        if (entries.length === 0) context.out('操作记录为空');
      }
      return 0;
    },
  },
];
