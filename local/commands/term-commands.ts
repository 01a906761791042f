/**
 * The term-end assessment command (六（二）): `term-results` lists the rows due for a 任期考核结果
 * (exit 3 when a 任期届满 row has none), or with --rows records one as the user named by --as,
 * running the add-on's own runTermResults in the loaded bundle (under the workbook's lock).
 */
import { shown } from './arguments';
import { UsageError, type Command, OUT_OPTION, SHEET_OPTION } from './command';
import { checkedDate } from './dates';
import { EXIT_SOME_REFUSED, parseRowList } from './workflow-commands';
import { withWorkbook } from './workbook-commands';

const usage =
  'term-results <文件.xlsx> [--rows 2,5-7 --result 优秀|合格|不合格 --as 邮箱 [--date YYYY-MM-DD] [--reason 说明]] [--sheet 工作表] [--today 日期] [--json] [--out 文件]';

/** The results --result accepts (the bundle also takes 优秀等次 …). */
const RESULTS = ['优秀', '合格', '不合格'];

interface Entry {
  row: number;
  name: string;
  certificate: string;
  state: string;
  termStart: string;
  termEnd: string;
  result: string;
  resultDate: string;
}

type Outcome =
  | { mode: 'list'; missing: Entry[]; upcoming: Entry[]; problems: string[] }
  | {
      mode: 'record';
      recorded: { row: number; name: string; state: string; result: string; date: string; previous: string }[];
      refused: { row: number; message: string }[];
      problems: string[];
    };

/** One listed row: row, 姓名, 证书编号 and term (never 身份证号 or 联系电话). */
function entryLine(entry: Entry): string {
  const unreadable = entry.result === '' ? '' : `；任期考核结果“${entry.result}”无法识别`;
  const term = entry.termEnd === '' ? '任期（认定日期无效）' : `任期 ${entry.termStart}至${entry.termEnd}`;
  return `第${entry.row}行 ${entry.name} 证书编号 ${entry.certificate || '（无）'} ${term}${unreadable}`;
}

/** The term-end assessment commands of the CLI. */
export const TERM_COMMANDS: Command[] = [
  {
    name: 'term-results',
    usage,
    summary: '任期考核（方案六（二））：列出任期届满尚未记录考核结果的人选；或用 --rows 记录 优秀/合格/不合格，写入操作记录',
    details: [
      '不带 --rows：列出状态为“任期届满”而“任期考核结果”为空的行，另列出任期在60天内届满的“已认定”行；不修改文件。',
      '有任期届满而未记录结果的行时退出码为 3，没有则为 0。',
      '带 --rows：以 --as 邮箱的身份记录任期考核结果（市级账号；“设置”表评选级别为“县级”的表格中，该行所在县的账号也可记录），',
      '写入 任期考核结果、任期考核日期（默认今天）和 最后操作，并在“操作记录”每行追加一条（说明如“任期考核：优秀（2027-10-09）”）；',
      '只能记录“任期届满”的行，或任期在60天内届满的“已认定”行；--date 不能早于任期届满前60天（也就不能早于认定日期）；',
      '不能记录的行在标准错误输出“第N行：原因”（--json 时列在 "refused" 中），退出码为 3。',
      '效果：下一轮 check 时，同一身份证号的其他行（上方或下方，另表审查时也读“推荐名单”）“上届考核结果”留空时取最近的结果；不合格者一届任期内不得申报，',
      '合格以上写入“优先推荐”，优秀另写“优先推荐省级”。',
    ],
    uses: ['today', 'as'],
    refusesRows: true,
    exitThree: '部分行被拒绝（记录时），或有任期届满而尚未记录考核结果的行（列出时）',
    options: {
      rows: { type: 'string', value: '行号', help: '要记录考核结果的行（表格中的实际行号），如 2,5-7' },
      result: { type: 'string', value: '结果', help: '任期考核结果：优秀、合格或不合格（带 --rows 时必填）' },
      date: { type: 'string', value: 'YYYY-MM-DD', help: '任期考核日期（默认今天，不能晚于今天，也不能早于该行任期届满前60天）' },
      reason: { type: 'string', value: '说明', help: '写入操作记录的说明，如考核文件编号；改动已记录的结果时必填' },
      sheet: SHEET_OPTION,
      json: { type: 'boolean', help: '输出 JSON：列出时为 [{"row","name","certificate","state","termEnd","result","resultDate"}]；带 --rows 时为 {"recorded":[{"row","name","result","date"}],"refused":[{"row","message"}]}' },
      out: OUT_OPTION,
    },
    examples: [
      'banzhuren term-results 名单.xlsx --today 2027-10-10',
      'banzhuren term-results 名单.xlsx --rows 2,5-7 --result 优秀 --as city@yuxi.edu.cn',
      'banzhuren term-results 名单.xlsx --rows 3 --result 不合格 --date 2027-10-09 --reason "玉教体〔2027〕12号" --as city@yuxi.edu.cn',
    ],
    async run(context) {
      const { rows: rowsText, result, date: dateText, reason, sheet } = context.options;
      const options: Record<string, unknown> = {};
      if (typeof sheet === 'string') options.sheet = sheet;
      if (rowsText === undefined) {
        if (result !== undefined || dateText !== undefined || reason !== undefined) throw new UsageError(`--result、--date、--reason 须与 --rows 一起使用。用法：banzhuren ${usage}`);
        const outcome = await withWorkbook(context, usage, { save: false }, (runtime) => runtime.bundle.call('runTermResults_', options) as Outcome);
        if (outcome.mode !== 'list') throw new Error('runTermResults did not list');
        for (const problem of outcome.problems) context.err(`提示：${problem}`);
        if (context.options.json) {
          context.out(JSON.stringify([...outcome.missing, ...outcome.upcoming].map(({ row, name, certificate, state, termEnd, result: typed, resultDate }) => ({ row, name, certificate, state, termEnd, result: typed, resultDate })), null, 2));
        } else {
          context.out(outcome.missing.length === 0 ? '没有任期届满而未记录任期考核结果的行' : `任期届满、未记录任期考核结果：${outcome.missing.length} 行`);
          for (const entry of outcome.missing) context.out(`  ${entryLine(entry)}`);
          if (outcome.upcoming.length > 0) context.out(`任期在60天内届满（已认定）：${outcome.upcoming.length} 行`);
          for (const entry of outcome.upcoming) context.out(`  ${entryLine(entry)}`);
        }
        return outcome.missing.length > 0 ? EXIT_SOME_REFUSED : 0;
      }
      if (typeof rowsText !== 'string' || rowsText.trim() === '') throw new UsageError(`--rows 须给出行号，如 2,5-7。用法：banzhuren ${usage}`);
      options.rows = parseRowList(rowsText);
      if (typeof result !== 'string' || result.trim() === '') throw new UsageError(`缺少 --result（${RESULTS.join('、')}）。用法：banzhuren ${usage}`);
      if (!RESULTS.includes(result.trim())) throw new UsageError(`--result 的“${shown(result)}”无效，应为：${RESULTS.join('、')}`);
      options.result = result.trim();
      if (!context.as) throw new UsageError(`缺少 --as（操作人的邮箱）。用法：banzhuren ${usage}`);
      if (dateText !== undefined) options.date = checkedDate('--date', dateText);
      if (typeof reason === 'string') {
        if (reason.length > 30_000) throw new UsageError(`--reason 太长（${reason.length} 个字符）：最多 30,000 个字符`);
        options.reason = reason;
      }
      const outcome = await withWorkbook(context, usage, { save: (done: Outcome) => done.mode === 'record' && done.recorded.length > 0 }, (runtime) => runtime.bundle.call('runTermResults_', options) as Outcome);
      if (outcome.mode !== 'record') throw new Error('runTermResults did not record');
      for (const problem of outcome.problems) context.err(`提示：${problem}`);
      if (context.options.json) {
        const recorded = outcome.recorded.map(({ row, name, result: recordedResult, date }) => ({ row, name, result: recordedResult, date }));
        context.out(JSON.stringify({ recorded, refused: outcome.refused.map(({ row, message }) => ({ row, message })) }, null, 2));
      } else {
        for (const row of outcome.recorded) {
          context.out(`第${row.row}行 ${row.name}：任期考核结果${row.previous && row.previous !== row.result ? `由“${row.previous}”改为` : '为'}“${row.result}”（${row.date}）`);
        }
        for (const refused of outcome.refused) context.err(`第${refused.row}行：${refused.message}`);
      }
      return outcome.refused.length > 0 ? EXIT_SOME_REFUSED : 0;
    },
  },
];
