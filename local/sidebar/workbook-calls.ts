/**
 * The local page's one way to the workbook: a queue that runs one call at a time, each in a fresh
 * runtime as one Apps Script execution would be — open the workbook (taking its lock, as --as on
 * --today), make the kept selection the nomination sheet's active range list, call the bundle's
 * global, end the execution, save when it changed something, close. Between calls nothing is held,
 * so another program's change to the file is read by the next call; a call gets what the CLI's
 * command adds after the same bundle call (the 公示名单's print layout). Also reads the nomination
 * sheet's display values for the page's table (cached while the file is unchanged; direction
 * controls removed, 身份证号 and 联系电话 masked) with the banner's offline notices, and keeps the
 * rows the table has selected.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import vm from 'node:vm';
import { openWorkbookRuntime, type WorkbookRuntime } from '../workbook-runtime';
import { errorMessage, loadBundle } from '../runtime/bundle';
import { PUBLICITY_LIST_HEADER_ROW, setListPrintLayout } from '../runtime/print-layout';
import type { CallCounter } from '../runtime/call-counter';
import { realPathOf } from '../runtime/workbook-path';

/** The nomination sheet's name (the add-on's default). */
export const NOMINATION_SHEET = '推荐名单';
/** How many rows from the top may hold titles above the header row. */
const HEADER_SEARCH_ROWS = 10;

/** What /api/run answers. */
export type RunAnswer = { ok: true; value?: unknown } | { ok: false; error: { name: string; message: string } };

/** What /api/table answers. */
export interface TableView {
  file: string;
  sheetName: string;
  user: string;
  today: string;
  headerRow: number;
  header: string[];
  rows: { row: number; cells: string[] }[];
  selected: number[];
  /** What the host page's banner says (offline-specific: no --as, the file open in Excel/WPS, reminders on). */
  notices: string[];
}

/** Direction-control characters (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F): a cell cannot reorder the page's words. */
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** Headers of the columns the host table shows masked (身份证号 and 联系电话 and their aliases): the page has no need for them. */
const PERSONAL_HEADERS = new Set(['身份证号', '身份证号码', '身份证', '联系电话', '电话', '手机', '手机号', '手机号码']);

/** A run of 11 or more digits (a 身份证号 or phone number typed in another column). */
const LONG_NUMBER = /\d[\d\s-]{9,}\d/gu;

/** Text for the host table: direction controls removed. */
export function plainText(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** A cell of a personal column as the host table shows it: `尾号0011` (the last four characters), else ＊＊＊. */
export function maskedPersonal(cell: string): string {
  const kept = cell.replace(/[^0-9A-Za-z]/gu, '');
  if (kept === '') return cell.trim() === '' ? '' : '＊＊＊';
  return kept.length > 4 ? `尾号${kept.slice(-4)}` : '＊＊＊';
}

/** Another cell as the host table shows it: runs of 11 or more digits hidden. */
function withoutLongNumbers(cell: string): string {
  return cell.replace(LONG_NUMBER, (run) => (run.replace(/\D/gu, '').length >= 11 ? '＊＊＊' : run));
}

/** Options of WorkbookCalls. */
export interface WorkbookCallsOptions {
  path: string;
  today?: string;
  as?: string;
  counter: CallCounter;
  /** Where the runtime's notices (alerts, toasts, lock waits) are printed. */
  print(line: string): void;
}

/** The sheet and range methods the table reads through the runtime's SpreadsheetApp. */
interface SheetLike {
  getName(): string;
  getMaxRows(): number;
  getDataRange(): { getDisplayValues(): unknown[][] };
}
interface SpreadsheetLike {
  getSheetByName(name: string): SheetLike | null;
  getSheets(): SheetLike[];
}

/** The globals of the bundle a page may call: its top-level functions whose names do not end in `_`. */
export function pageGlobals(code?: string): string[] {
  const bundle = loadBundle(() => ({}), { code });
  return Object.keys(bundle.context)
    .filter((name) => typeof bundle.context[name] === 'function' && !name.endsWith('_'))
    .sort();
}

/** Where in a returned value a Date, function or other value JSON cannot carry sits, or undefined when there is none. */
export function unsafePart(value: unknown, path = '返回值', seen = new Set<object>()): string | undefined {
  if (typeof value === 'function') return `${path} 是函数`;
  if (typeof value === 'bigint' || typeof value === 'symbol') return `${path} 是 ${typeof value}`;
  if (typeof value === 'number' && !Number.isFinite(value)) return `${path} 是 ${String(value)}`;
  if (typeof value !== 'object' || value === null) return undefined;
  if (Object.prototype.toString.call(value) === '[object Date]') return `${path} 是日期（Date），应为 'YYYY-MM-DD' 文本`;
  if (seen.has(value)) return `${path} 引用了自身`;
  seen.add(value);
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      if (value[index] === undefined) return `${path}[${index}] 是 undefined`;
      const found = unsafePart(value[index], `${path}[${index}]`, seen);
      if (found) return found;
    }
  } else {
    for (const [key, item] of Object.entries(value)) {
      const found = unsafePart(item, `${path}.${key}`, seen);
      if (found) return found;
    }
  }
  seen.delete(value);
  return undefined;
}

/** The header row of display values: the first of the first rows holding a cell 姓名, else row 1. */
function headerRowOf(values: string[][]): number {
  const limit = Math.min(values.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < limit; index += 1) {
    if ((values[index] ?? []).some((cell) => cell.trim() === '姓名')) return index + 1;
  }
  return 1;
}

/** Row numbers as runs of adjacent rows, in A1 row notation (`2:4`). */
function rowRanges(rows: readonly number[]): string[] {
  const ranges: string[] = [];
  let first: number | undefined;
  let last = 0;
  for (const row of [...rows].sort((a, b) => a - b)) {
    if (first !== undefined && row === last + 1) {
      last = row;
      continue;
    }
    if (first !== undefined) ranges.push(`${first}:${last}`);
    first = row;
    last = row;
  }
  if (first !== undefined) ranges.push(`${first}:${last}`);
  return ranges;
}

/** A calendar date 'YYYY-MM-DD' of an instant in a time zone. */
function dateIn(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

/** The queue of calls on one workbook; see the file's comment. */
export class WorkbookCalls {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private selected: number[] = [];
  private cached?: { key: string; table: Omit<TableView, 'selected' | 'notices'> };
  /** Whether the daily reminders are on, as the last sidebar answer that said so (sidebarOpen, sidebarReminders, sidebarSetReminders) told. */
  private remindersOn = false;
  /** The document batch left unfinished, as the last 证书与考核表 answer (sidebarDocuments, sidebarDocumentProgress) told. */
  private pendingJob?: { kind: string; pending: number };
  /** The Excel/WPS owner file last seen beside the workbook (said once on the console per appearance). */
  private ownerFileSeen?: string;
  private readonly globals: Set<string>;

  constructor(private readonly options: WorkbookCallsOptions) {
    this.globals = new Set(pageGlobals());
  }

  /** The names the page's google.script.run offers. */
  get globalNames(): string[] {
    return [...this.globals];
  }

  /** Runs `task` after every task queued before it. */
  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    this.pending += 1;
    const result = this.tail.then(task);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    ).finally(() => {
      this.pending -= 1;
    });
    return result;
  }

  /** Resolves when no call is queued or running. */
  async idle(): Promise<void> {
    while (this.pending > 0) await this.tail;
  }

  /** Opens the workbook once with its lock and closes it: the file is readable and may be written. */
  async checkOpens(): Promise<void> {
    await this.enqueue(async () => {
      const runtime = await this.open(false);
      runtime.close();
    });
  }

  private async open(readOnly: boolean): Promise<WorkbookRuntime> {
    const { path, today, as, counter, print } = this.options;
    if (!existsSync(path)) throw new Error(`找不到文件：${path}`);
    if (!readOnly && existsSync(`${realPathOf(path)}.lock`)) print(`正在等待 ${path}：另一个 banzhuren 进程正在使用该文件……`);
    return openWorkbookRuntime({ path, today, as, counter, print, readOnly });
  }

  /** Calls the global `name` with `args` (plain JSON) as one execution; see the file's comment. */
  run(name: unknown, args: unknown): Promise<RunAnswer> {
    if (typeof name !== 'string' || name === '') return Promise.resolve(failure('TypeError', '请求中缺少要调用的函数名（name）'));
    if (!Array.isArray(args)) return Promise.resolve(failure('TypeError', '请求中的参数（args）应为数组'));
    if (name.endsWith('_')) return Promise.resolve(failure('TypeError', `“${name}”是私有函数（名称以 _ 结尾），页面不能调用`));
    if (!this.globals.has(name)) return Promise.resolve(failure('TypeError', `服务器上没有名为“${name}”的函数`));
    const argsText = JSON.stringify(args);
    return this.enqueue(async () => {
      let runtime: WorkbookRuntime;
      try {
        runtime = await this.open(false);
      } catch (error) {
        return failure('Error', errorMessage(error));
      }
      try {
        let answer: RunAnswer;
        try {
          this.applySelection(runtime);
          // Arguments are made in the bundle's realm, as Apps Script hands them over: its Array, its Object.
          const realmJson = vm.runInContext('JSON', runtime.bundle.context) as JSON;
          const value = runtime.bundle.call(name, ...(realmJson.parse(argsText) as unknown[]));
          const unsafe = unsafePart(value);
          answer = unsafe
            ? failure('Error', `服务器函数 ${name} 的返回值无法传给页面：${unsafe}（程序错误，请报告）`)
            : value === undefined
              ? { ok: true }
              : { ok: true, value: JSON.parse(JSON.stringify(value)) as unknown };
        } catch (error) {
          answer = failure(errorName(error), errorMessage(error));
        }
        if (answer.ok) {
          afterCall(runtime, name, answer.value);
          this.noteReminders(name, answer.value);
          this.noteJob(name, answer.value);
        }
        // Changes made before a throw stay, as in Google Sheets: the execution ends and saves either way.
        runtime.endExecution();
        if (runtime.changed) {
          try {
            await runtime.save();
            await runtime.deliverMail();
          } catch (error) {
            return failure('Error', `未能保存 ${this.options.path}：${errorMessage(error)}`);
          }
        }
        return answer;
      } finally {
        runtime.close();
      }
    });
  }

  /** Makes the kept rows (A1 when none) the active range list of the nomination sheet. */
  private applySelection(runtime: WorkbookRuntime): void {
    const spreadsheet = (runtime.bundle.context.SpreadsheetApp as { getActiveSpreadsheet(): SpreadsheetLike }).getActiveSpreadsheet();
    const sheet = nominationSheetOf(spreadsheet);
    if (!sheet) return;
    const maxRows = sheet.getMaxRows();
    const rows = this.selected.filter((row) => row <= maxRows);
    if (rows.length === 0) runtime.select(sheet.getName(), 'A1');
    else runtime.selectRanges(sheet.getName(), rowRanges(rows));
  }

  /** The nomination sheet's display values for the page's table, and the kept selection. */
  table(): Promise<TableView> {
    return this.enqueue(async () => {
      const table = await this.readTable();
      const shown = new Set(table.rows.map((row) => row.row));
      this.selected = this.selected.filter((row) => shown.has(row));
      return { ...table, selected: [...this.selected], notices: this.notices() };
    });
  }

  /** Keeps `rows` (only data rows of the table) as the selection; answers what was kept. */
  select(rows: unknown): Promise<{ selected: number[] }> {
    return this.enqueue(async () => {
      const table = await this.readTable();
      const shown = new Set(table.rows.map((row) => row.row));
      const wanted = Array.isArray(rows) ? rows : [];
      this.selected = [...new Set(wanted.filter((row): row is number => typeof row === 'number' && shown.has(row)))].sort((a, b) => a - b);
      return { selected: [...this.selected] };
    });
  }

  /** The banner's lines; the console hears once when Excel/WPS opens the file. */
  private notices(): string[] {
    const { path, as, print } = this.options;
    const notices: string[] = [];
    if (!as) notices.push('未指定 --as：只能查看；用 --as 邮箱 重新启动后才能修改');
    const owner = ownerFileOf(path);
    if (owner !== undefined) {
      const line = `${basename(path)} 正在被 Excel/WPS 打开（旁边有 ${basename(owner)}）：这里的操作仍会执行并保存到文件，但在 Excel/WPS 中保存会覆盖这些改动；请先在 Excel/WPS 中关闭该文件`;
      notices.push(line);
      if (this.ownerFileSeen !== owner) print(`提示：${line}`);
    }
    this.ownerFileSeen = owner;
    if (this.pendingJob) {
      const { kind, pending } = this.pendingJob;
      notices.push(`${kind === 'form' ? '任期考核表' : '荣誉证书'}还有 ${pending} 行未生成：在 Google 上由每小时的定时任务继续，本机页面不会自动继续；请运行 banzhuren tick ${basename(path)} 接着生成（它也会执行当天到期的每日任务），或 banzhuren ${kind === 'form' ? 'forms' : 'certificates'} ${basename(path)} --as 邮箱 重新生成（已生成的跳过）`);
    }
    if (this.remindersOn) notices.push(`每日提醒已开启：本机没有 Google 的定时任务，提醒只在运行 banzhuren tick ${basename(path)} 时发出；请用 cron 或 Windows 任务计划程序每天运行一次`);
    return notices.map(plainText);
  }

  /** Notes what a 证书与考核表 answer says about the unfinished document batch. */
  private noteJob(name: string, value: unknown): void {
    if (name !== 'sidebarDocuments' && name !== 'sidebarDocumentProgress') return;
    const job = (value as { job?: { kind?: unknown; pending?: unknown } } | undefined)?.job;
    this.pendingJob = job && typeof job.pending === 'number' && job.pending > 0 ? { kind: String(job.kind), pending: job.pending } : undefined;
  }

  /** Notes what a sidebar answer says about the daily reminders. */
  private noteReminders(name: string, value: unknown): void {
    const view = name === 'sidebarOpen' ? (value as { reminders?: unknown } | undefined)?.reminders : name === 'sidebarReminders' || name === 'sidebarSetReminders' ? value : undefined;
    const on = (view as { on?: unknown } | undefined)?.on;
    if (typeof on === 'boolean') this.remindersOn = on;
  }

  private async readTable(): Promise<Omit<TableView, 'selected' | 'notices'>> {
    const { path, today, as } = this.options;
    if (!existsSync(path)) throw new Error(`找不到文件：${path}`);
    const stat = statSync(realPathOf(path));
    const key = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
    if (this.cached?.key === key) return this.cached.table;
    const runtime = await this.open(true);
    try {
      const spreadsheet = (runtime.bundle.context.SpreadsheetApp as { getActiveSpreadsheet(): SpreadsheetLike }).getActiveSpreadsheet();
      const sheet = nominationSheetOf(spreadsheet);
      const values = sheet ? sheet.getDataRange().getDisplayValues().map((row) => Array.from(row, (cell) => plainText(String(cell)))) : [];
      const headerRow = headerRowOf(values);
      const header = values[headerRow - 1] ?? [];
      const personal = header.map((text) => PERSONAL_HEADERS.has(text.replace(/[\s*＊]/gu, '')));
      const rows = values
        .map((cells, index) => ({ row: index + 1, cells }))
        .filter((row) => row.row > headerRow && row.cells.some((cell) => cell.trim() !== ''))
        .map((row) => ({ row: row.row, cells: row.cells.map((cell, column) => (personal[column] ? maskedPersonal(cell) : withoutLongNumbers(cell))) }));
      const table = {
        file: plainText(basename(path)),
        sheetName: plainText(sheet?.getName() ?? ''),
        user: as ?? '',
        today: today ?? dateIn(runtime.clock.now(), runtime.timeZone),
        headerRow,
        header,
        rows,
      };
      this.cached = { key, table };
      return table;
    } finally {
      runtime.close();
    }
  }
}

/** The owner file Excel/WPS (`~$…`) or LibreOffice (`.~lock.…#`) keeps beside a workbook it has open, if there is one. */
export function ownerFileOf(path: string): string | undefined {
  const name = basename(path);
  const folder = dirname(path);
  // Excel writes ~$ + the name, replacing its first one or two characters when the name is long.
  const candidates = [`~$${name}`, `~$${name.slice(1)}`, `~$${name.slice(2)}`, `.~lock.${name}#`];
  return candidates.map((candidate) => join(folder, candidate)).find((candidate) => existsSync(candidate));
}

/**
 * What the CLI's command adds after the same bundle call, for what Apps Script has no API for: the
 * 公示名单 sheets 生成公示名单 wrote get the print layout `banzhuren publicity-list` gives them.
 */
function afterCall(runtime: WorkbookRuntime, name: string, value: unknown): void {
  if (name !== 'sidebarMakePublicityList') return;
  const lists = (value as { lists?: unknown } | undefined)?.lists;
  if (!Array.isArray(lists)) return;
  const sheets = lists.map((list) => (list as { sheet?: unknown } | null)?.sheet).filter((sheet): sheet is string => typeof sheet === 'string');
  if (sheets.length > 0) setListPrintLayout(runtime.workbook, sheets, PUBLICITY_LIST_HEADER_ROW);
}

/** The nomination sheet: 推荐名单, else the first sheet whose first rows hold 姓名. */
function nominationSheetOf(spreadsheet: SpreadsheetLike): SheetLike | undefined {
  const named = spreadsheet.getSheetByName(NOMINATION_SHEET);
  if (named) return named;
  return spreadsheet.getSheets().find((sheet) => {
    const values = sheet.getDataRange().getDisplayValues().slice(0, HEADER_SEARCH_ROWS);
    return values.some((row) => Array.from(row).some((cell) => String(cell).trim() === '姓名'));
  });
}

function failure(name: string, message: string): RunAnswer {
  return { ok: false, error: { name, message } };
}

/** An error's name (an error of the bundle's realm is not `instanceof Error` here). */
function errorName(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name !== '' ? name : 'Error';
}
