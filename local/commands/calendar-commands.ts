/**
 * The calendar commands: publicity-end, workday, networkdays, is-workday, term-end. Each evaluates
 * the add-on's own custom function (PUBLICITY_END, CN_WORKDAY, …) in the loaded bundle, exactly as
 * a cell formula would, and prints the answer as a calendar date in the spreadsheet's time zone.
 * Without --book they load only the bundle (calendar-bundle.ts), not the workbook runtime, so they
 * start quickly; with --book the runtime is loaded to read the workbook.
 */
import { existsSync } from 'node:fs';
import { errorMessage, type LoadedBundle } from '../runtime/bundle';
import { wallClockAt } from '../runtime/time-zones';
import { loadCalendarBundle } from './calendar-bundle';
import { loadWorkbookParts, UsageError, type Command, type CommandContext } from './command';

const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
const HOLIDAY_SHEET = '节假日';

/**
 * Evaluates a custom function of the bundle and prints its single answer. With --book, the
 * workbook's 节假日 sheet is passed as the holidays range, as `=PUBLICITY_END(F2, 5, 节假日!A:C)`
 * would, and dates print in the workbook's time zone.
 */
async function evaluate(context: CommandContext, functionName: string, args: unknown[], holidaysPosition: number): Promise<number> {
  const book = context.options.book;
  if (typeof book !== 'string') return evaluateWithoutBook(context, functionName, args);
  if (!existsSync(book)) throw new UsageError(`找不到文件：${book}`);
  const { openWorkbookRuntime } = await loadWorkbookParts();
  const runtime = await openWorkbookRuntime({ path: book, today: context.today, as: context.as, counter: context.counter, readOnly: true });
  try {
    const spreadsheet = (runtime.bundle.context.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet();
    const sheet = spreadsheet.getSheetByName(HOLIDAY_SHEET);
    const holidays = sheet ? sheet.getDataRange().getValues() : '';
    const padded = [...args];
    while (padded.length < holidaysPosition) padded.push('');
    padded[holidaysPosition] = holidays;
    return print(context, runtime.bundle, functionName, padded, runtime.timeZone);
  } finally {
    runtime.close();
  }
}

/**
 * Evaluates a custom function in a new, empty spreadsheet whose time zone is Asia/Shanghai (the
 * functions read dates in the spreadsheet's zone, so there must be one).
 */
async function evaluateWithoutBook(context: CommandContext, functionName: string, args: unknown[]): Promise<number> {
  const { bundle, timeZone } = loadCalendarBundle({ today: context.today, as: context.as, counter: context.counter, timeZone: DEFAULT_TIME_ZONE });
  return print(context, bundle, functionName, args, timeZone);
}

function print(context: CommandContext, bundle: LoadedBundle, functionName: string, args: unknown[], timeZone: string): number {
  let value: unknown;
  try {
    value = bundle.call(functionName, ...args);
  } catch (error) {
    // The function refused the input (a date it cannot read, a year with no known arrangement).
    throw new UsageError(errorMessage(error));
  }
  context.out(showAnswer(value, timeZone));
  return 0;
}

/** How an answer is printed: dates as YYYY-MM-DD, booleans as 是/否. */
function showAnswer(value: unknown, timeZone: string): string {
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const { year, month, day } = wallClockAt((value as Date).getTime(), timeZone);
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}

/** The positional arguments, exactly `count` of them, or a usage error naming the usage line. */
function positionals(context: CommandContext, usage: string, count: number, optional = 0): string[] {
  const given = context.positionals;
  if (given.length < count - optional || given.length > count) {
    throw new UsageError(`参数个数不对。用法：banzhuren ${usage}`);
  }
  return given;
}

/** The date argument, else --today, else today in the default spreadsheet time zone: a date shown as optional is optional. */
function dateOrToday(value: string | undefined, context: CommandContext): string {
  if (value !== undefined) return value;
  if (context.today) return context.today;
  const { year, month, day } = wallClockAt(Date.now(), DEFAULT_TIME_ZONE);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const publicityEndUsage = 'publicity-end [开始日期] [--days N] [--book 文件]';
const workdayUsage = 'workday <开始日期> <N> [--book 文件]';
const networkdaysUsage = 'networkdays <开始日期> <结束日期> [--book 文件]';
const isWorkdayUsage = 'is-workday [日期] [--book 文件]';
const book = { type: 'string', value: '文件', help: '同时使用该 .xlsx 文件“节假日”表的补充安排（日期按其时区）' } as const;
const DATE_FORMS = '日期可写作 2024-09-27、2024/9/27、2024.9.27 或 2024年9月27日；按国务院办公厅每年的放假与调休安排计算。';
const termEndUsage = 'term-end <认定日期>';

/** The calendar commands of the CLI. */
export const CALENDAR_COMMANDS: Command[] = [
  {
    name: 'publicity-end',
    usage: publicityEndUsage,
    summary: '公示截止日期：从开始日期起 N 个工作日（默认 5）的最后一天',
    details: ['开始日期是工作日则算第 1 天，否则从下一个工作日起算；省略开始日期时用 --today 或今天。', DATE_FORMS],
    uses: ['today'],
    options: { days: { type: 'string', value: 'N', help: '公示的工作日数（默认 5）' }, book },
    examples: ['banzhuren publicity-end 2024-09-27          → 2024-10-09', 'banzhuren publicity-end 2024-09-27 --days 7'],
    async run(context) {
      const [start] = positionals(context, publicityEndUsage, 1, 1);
      const days = context.options.days;
      if (days !== undefined && !/^\d+$/.test(String(days))) throw new UsageError(`--days 应为正整数，收到“${String(days)}”`);
      return evaluate(context, 'PUBLICITY_END', [dateOrToday(start, context), days === undefined ? '' : Number(days)], 2);
    },
  },
  {
    name: 'workday',
    usage: workdayUsage,
    summary: '开始日期之后第 N 个工作日（N 可为负数），同 CN_WORKDAY',
    details: [DATE_FORMS],
    options: { book },
    examples: ['banzhuren workday 2024-09-30 1    → 2024-10-08', 'banzhuren workday 2024-10-08 -1   → 2024-09-30'],
    async run(context) {
      const [start, count] = positionals(context, workdayUsage, 2);
      if (!/^-?\d+$/.test(String(count))) throw new UsageError(`N 应为整数，收到“${String(count)}”`);
      return evaluate(context, 'CN_WORKDAY', [start, Number(count)], 2);
    },
  },
  {
    name: 'networkdays',
    usage: networkdaysUsage,
    summary: '两个日期之间（含首尾）的工作日数，同 CN_NETWORKDAYS',
    details: [DATE_FORMS],
    options: { book },
    examples: ['banzhuren networkdays 2024-10-01 2024-10-31   → 19'],
    async run(context) {
      const [start, end] = positionals(context, networkdaysUsage, 2);
      return evaluate(context, 'CN_NETWORKDAYS', [start, end], 2);
    },
  },
  {
    name: 'is-workday',
    usage: isWorkdayUsage,
    summary: '是否为工作日（含调休上班日），打印 是/否',
    details: ['省略日期时用 --today 或今天。', DATE_FORMS],
    uses: ['today'],
    options: { book },
    examples: ['banzhuren is-workday 2024-09-29   → 是（周日调休上班）'],
    async run(context) {
      const [date] = positionals(context, isWorkdayUsage, 1, 1);
      return evaluate(context, 'IS_WORKDAY', [dateOrToday(date, context)], 1);
    },
  },
  {
    name: 'term-end',
    usage: termEndUsage,
    summary: '任期最后一天：认定日期 3 年后同月同日的前一天，同 TERM_END',
    details: ['2月29日认定的，任期至3年后的2月28日。', DATE_FORMS],
    examples: ['banzhuren term-end 2024-02-29   → 2027-02-28'],
    async run(context) {
      const [date] = positionals(context, termEndUsage, 1);
      return evaluateWithoutBook(context, 'TERM_END', [date]);
    },
  },
];
