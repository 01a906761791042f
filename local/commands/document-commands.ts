/**
 * The document commands (SPEC §7): `certificates` and `forms` make one .docx (with --pdf, a PDF
 * instead) per row from a template into a document folder, running the add-on's own runDocuments in the
 * loaded bundle and then its hourly-trigger continuations, as Google would, until the batch is done;
 * the links go into the workbook, saved in place. `templates` writes the default templates, made by
 * the add-on's own runCreateTemplates. Unlike the other commands, --out names the document folder.
 */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { errorMessage } from '../runtime/bundle';
import { runWithContinuations } from '../runtime/continuations';
import { chineseFontInstalled, libreOfficeInstalled, missingLibreOfficeMessage, MISSING_CHINESE_FONT_MESSAGE } from '../services/drive/pdf';
import type { WorkbookRuntime } from '../workbook-runtime';
import { shown } from './arguments';
import { loadWorkbookParts, UsageError, type Command, type CommandContext, SHEET_OPTION } from './command';
import type { TemplateInspection } from './template-inspection';
import { recordExecutionTime } from './workbook-commands';
import { parseRowList } from './workflow-commands';

/** Which document a command makes. */
type DocumentKind = 'certificate' | 'form';

/** What runDocuments is given (common-9.md §3). */
interface DocumentRunOptions {
  kind: DocumentKind;
  rows?: number[];
  regenerate?: boolean;
  pdf?: boolean;
  check?: boolean;
  templateId?: string;
  folderId?: string;
  dailyQuota?: number;
  sheet?: string;
}

/** What runDocuments (and onHourlyTrigger) returns for one execution (common-9.md §3). */
interface DocumentRunResult {
  mode: 'check' | 'generate';
  kind: DocumentKind;
  placeholders: string[];
  unknownPlaceholders: string[];
  missing: { row: number; name: string; placeholders: string[] }[];
  created: { row: number; name: string; file: string; link: string }[];
  skipped: { row: number; name: string; link: string }[];
  refused: { row: number; message: string }[];
  pending: number;
  done: boolean;
  messages: string[];
}

/** The file names of the default templates, in the repository's templates/ folder. */
export const DEFAULT_TEMPLATE_FILES: Readonly<Record<DocumentKind, string>> = { certificate: '荣誉证书.docx', form: '任期考核表.docx' };

/** The repository's templates/ folder (beside dist/, found from this file like the bundle is). */
export function defaultTemplateFolder(): string {
  return join(__dirname, '..', '..', 'templates');
}

/** Exit code when pre-flight found problems, or rows were refused or left undone. */
const EXIT_PROBLEMS = 3;

/** What each kind's command says. */
const KINDS: Record<DocumentKind, { command: string; label: string; linkColumn: string; rowsByDefault: string }> = {
  certificate: { command: 'certificates', label: '荣誉证书', linkColumn: '证书链接', rowsByDefault: '状态为“已认定”的行' },
  form: { command: 'forms', label: '任期考核表', linkColumn: '考核表链接', rowsByDefault: '任期在60天内届满的“已认定”行和“任期届满”的行' },
};

function generationUsage(kind: DocumentKind): string {
  return `${KINDS[kind].command} <文件.xlsx> --out 文件夹（--check 时可省） [--template 模板.docx] [--rows 2,5-7] [--regenerate] [--pdf] [--check] [--time-limit 秒] [--doc-quota 份数] [--sheet 工作表] [--today 日期] [--as 邮箱] [--json]`;
}

const templatesUsage = 'templates --out 文件夹 [--force]';

/** The shortest --time-limit accepted: one document costs about 5 simulated seconds (copy, open, save; more with --pdf). */
const MINIMUM_TIME_LIMIT_SECONDS = 10;

/** A number of seconds from --time-limit: positive, and at least MINIMUM_TIME_LIMIT_SECONDS. */
function checkedTimeLimit(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  const seconds = /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--time-limit 应为正数（秒，如 360），收到“${shown(String(value))}”`);
  if (seconds < MINIMUM_TIME_LIMIT_SECONDS) {
    throw new UsageError(`一份文档约需 5 秒模拟时间，--time-limit 至少 ${MINIMUM_TIME_LIMIT_SECONDS}（秒），收到“${shown(String(value))}”`);
  }
  return seconds;
}

/** A positive whole number of documents from --doc-quota. */
function checkedQuota(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  const quota = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(quota) || quota <= 0) throw new UsageError(`--doc-quota 应为正整数（每天最多新建的文档份数，如 250），收到“${shown(String(value))}”`);
  return quota;
}

/** The --out folder: required; an existing file is refused. */
function checkedFolder(value: string | boolean | undefined, usage: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`缺少 --out（存放文档的文件夹）。用法：banzhuren ${usage}`);
  if (existsSync(value) && !statSync(value).isDirectory()) throw new UsageError(`--out 应为文件夹，而“${shown(value)}”是一个文件`);
  return value;
}

/** The --template file: an existing .docx. */
function checkedTemplate(value: string | boolean | undefined): string | undefined {
  if (value === undefined) return undefined;
  const path = String(value);
  if (!/\.docx$/i.test(path)) throw new UsageError(`--template 应为 Word 文档（.docx），收到“${shown(path)}”`);
  if (!existsSync(path)) throw new UsageError(`找不到模板文件：${shown(path)}`);
  if (!statSync(path).isFile()) throw new UsageError(`--template 应为 .docx 文件，而“${shown(path)}”是一个文件夹`);
  return path;
}

/** The document folder can take the drive's trash (`trashName`, .trash): a file of that name in it is refused before anything is made. */
function checkedDriveFolder(folder: string, trashName: string): void {
  const trash = join(folder, trashName);
  if (existsSync(trash) && !statSync(trash).isDirectory()) {
    throw new UsageError(`--out 文件夹“${shown(folder)}”中有一个名为 ${trashName} 的文件，而程序要用这个名字存放被替换的旧文档：请改名或移走它`);
  }
}

/** --pdf needs LibreOffice: said before anything is made (not after the first copy). */
function requireLibreOffice(): void {
  if (!libreOfficeInstalled()) throw new Error(missingLibreOfficeMessage());
}

/** The bundle refused what was asked (ArgumentError: a sheet that holds no nominations …): exit 2; anything else, exit 1. */
function bundleError(error: unknown): Error {
  if (error instanceof UsageError) return error;
  if ((error as { name?: unknown } | null)?.name === 'ArgumentError') return new UsageError(errorMessage(error));
  return new Error(errorMessage(error));
}

/** Says which of the drive's index files were unreadable (read as empty: the files there keep the names on disk). */
function reportUnreadableIndexes(context: CommandContext, runtime: WorkbookRuntime): void {
  for (const path of runtime.drive.unreadableIndexes) {
    context.err(`提示：程序记录文件名的索引 ${basename(path)}（在 ${shown(dirname(path))}）已损坏，无法读取，已忽略；该文件夹中的文件按磁盘上的文件名看待（如“某某 (1)”），请核对是否有同一行的两份文档`);
  }
}

/** One row's problem as a line: `第N行 姓名：缺少 {{学校}}`. */
function missingLine(entry: DocumentRunResult['missing'][number]): string {
  return `第${entry.row}行 ${entry.name}：没有 ${entry.placeholders.map((name) => `{{${name}}}`).join('、')} 的值`;
}

/** The problem of a template without any placeholder: every row would get the same document. */
const NO_PLACEHOLDER_PROBLEM = '模板中没有任何占位符（如 {{姓名}}）：每一行都会得到一模一样的文档。请在模板中写入占位符';

/**
 * Prints the pre-flight problems (stderr, or nothing when --json prints them); returns how many.
 * Placeholders the inspection found where replaceText does not reach are problems with --check
 * and a 提示 when generating.
 */
function reportPreflight(context: CommandContext, result: DocumentRunResult, inspection: TemplateInspection, check: boolean): number {
  const empty = result.placeholders.length === 0 ? 1 : 0;
  if (empty) context.err(NO_PLACEHOLDER_PROBLEM);
  for (const line of inspection.unreachable) context.err(check ? line : `提示：${line}`);
  const unreachable = check ? inspection.unreachable.length : 0;
  if (!context.options.json) {
    if (result.unknownPlaceholders.length > 0) {
      context.err(`模板中有表格里没有对应列或字段的占位符：${result.unknownPlaceholders.map((name) => `{{${name}}}`).join('、')}`);
    }
    for (const entry of result.missing) context.err(missingLine(entry));
  }
  return result.unknownPlaceholders.length + result.missing.length + empty + unreachable;
}

/** A refused row as one line: `第N行：原因`, the row named once (the bundle's message may already start with it). */
function refusalLine(entry: { row: number; message: string }): string {
  return entry.message.startsWith(`第${entry.row}行`) ? entry.message : `第${entry.row}行：${entry.message}`;
}

/** Rows by number, the first entry of each row kept. */
function uniqueByRow<T extends { row: number }>(entries: T[]): T[] {
  const seen = new Set<number>();
  return entries.filter((entry) => (seen.has(entry.row) ? false : (seen.add(entry.row), true)));
}

/** The certificates / forms command of one kind. */
function generationCommand(kind: DocumentKind): Command {
  const { command: name, label, linkColumn, rowsByDefault } = KINDS[kind];
  const usage = generationUsage(kind);
  return {
    name,
    usage,
    summary: `按模板为${rowsByDefault}（或 --rows 所选的行）各生成一份${label}（.docx，或用 --pdf 生成 PDF），链接写入“${linkColumn}”列`,
    details: [
      `默认行：${rowsByDefault}。每行一个文件，存入 --out 文件夹（不存在则新建），文件名按“设置”表的${kind === 'certificate' ? '“证书文件名”（默认 {证书编号}-{姓名}-荣誉证书）' : '“考核表文件名”（默认 {姓名}-任期考核表）'}，`,
      `并去掉 Windows 文件名中不允许的字符；文件相对表格所在文件夹的路径写入“${linkColumn}”列，表格原地保存（--out 不是另存表格）。`,
      `模板：--template 给出的 .docx，否则为程序自带的 templates/${DEFAULT_TEMPLATE_FILES[kind]}（可用 banzhuren templates 导出后修改）。`,
      '占位符 {{列名}} 取该行该列的值（推荐名单的任一表头），另有 {{称号}} {{任期}} {{认定日期}} {{证书编号}} {{今天}}' + (kind === 'form' ? ' {{履职记录}}（按学期列出的表格）' : '') + '；',
      '正文、表格、页眉、页脚中的占位符都会替换（Word 把一个占位符拆成几段格式也可以）；身份证号、联系电话只在模板写了 {{身份证号}}、{{联系电话}} 时才出现。',
      '生成前先预检：模板中没有对应列或字段的占位符、缺少某个占位符所需值的行，逐条列在标准错误输出；有问题的占位符在文档中原样保留，不会留空。',
      '已有链接且文件仍在的行跳过（--regenerate 重新生成）；运行中断后再次运行，每行仍只有一个文件。',
      '与 Google 上相同：一次执行接近时限前停下，由插件每小时一次的定时任务接着做，直到全部完成；每日新建文档份数有上限，超出的第二天继续。',
      '每生成一份，在标准错误输出一行进度；结束时在标准输出给出汇总（--json 输出 JSON），被拒绝的行在标准错误输出“第N行：原因”。',
    ],
    uses: ['today', 'as'],
    exitThree: '预检发现问题（带 --check 时不写入任何内容），或有行被拒绝、未能生成',
    options: {
      out: { type: 'string', value: '文件夹', help: '存放生成文档的文件夹（生成时必填，不存在则新建；--check 时可省）' },
      template: { type: 'string', value: '模板.docx', help: `模板文件（.docx）；默认为程序自带的 templates/${DEFAULT_TEMPLATE_FILES[kind]}` },
      rows: { type: 'string', value: '行号', help: `只为这些行生成（表格中的实际行号），如 2,5-7；默认为${rowsByDefault}` },
      regenerate: { type: 'boolean', help: '已有文档的行也重新生成（旧文件移入 .trash 文件夹）' },
      pdf: { type: 'boolean', help: '生成 PDF 而不是 .docx（在本机需要安装 LibreOffice：apt-get install libreoffice-writer-nogui）' },
      check: { type: 'boolean', help: '只做预检（可不给 --out）：列出模板中无法识别的占位符和缺值的行，不生成、不写入任何文件；有问题时退出码为 3' },
      'time-limit': { type: 'string', value: '秒', help: '模拟 Apps Script 单次执行的时限（默认 360 秒，至少 10 秒）；到时由定时任务接着做' },
      'doc-quota': { type: 'string', value: '份数', help: '模拟每天最多新建的文档份数（默认 250，即个人账号的限额；Workspace 为 1500）' },
      sheet: SHEET_OPTION,
      json: {
        type: 'boolean',
        help: '以 JSON 输出汇总：{"made":[{"row","name","file","link"}],"skipped","refused","unknownPlaceholders","missing","pending","done","executions","messages"}；带 --check 时为 {"mode":"check","placeholders","unknownPlaceholders","missing","refused","rows","messages"}',
      },
    },
    examples: [
      `banzhuren ${name} 名单.xlsx --out ${label} --as city@example.edu.cn`,
      `banzhuren ${name} 名单.xlsx --check`,
      `banzhuren ${name} 名单.xlsx --out ${label} --template 我的${label}模板.docx --rows 2,5-7 --regenerate --pdf --as city@example.edu.cn`,
      `banzhuren ${name} 名单.xlsx --out ${label} --time-limit 20 --doc-quota 25 --stats --as city@example.edu.cn`,
    ],
    async run(context) {
      const [path, ...extra] = context.positionals;
      if (!path || extra.length > 0) throw new UsageError(`参数个数不对。用法：banzhuren ${usage}`);
      const check = context.options.check === true;
      // --check reads the template and the workbook only: the folder is not needed.
      const folder = check && context.options.out === undefined ? undefined : checkedFolder(context.options.out, usage);
      const chosenTemplate = checkedTemplate(context.options.template);
      const timeLimitSeconds = checkedTimeLimit(context.options['time-limit']);
      const docQuota = checkedQuota(context.options['doc-quota']);
      const rows = typeof context.options.rows === 'string' ? parseRowList(context.options.rows) : undefined;
      if (context.options.rows !== undefined && (rows === undefined || rows.length === 0)) throw new UsageError('--rows 须给出行号，如 2,5-7');
      if (!existsSync(path)) throw new UsageError(`找不到文件：${path}`);
      const template = chosenTemplate ?? join(defaultTemplateFolder(), DEFAULT_TEMPLATE_FILES[kind]);
      if (!existsSync(template)) throw new Error(`找不到程序自带的模板 ${template}：请重新安装，或用 --template 指定模板`);
      const insideOut = folder === undefined ? '..' : relative(resolve(folder), resolve(template));
      if (chosenTemplate && folder !== undefined && insideOut !== '' && !insideOut.startsWith('..') && !isAbsolute(insideOut)) {
        throw new UsageError(`--template 不能放在 --out 文件夹“${shown(folder)}”中：生成和重新生成会在那里新建、移走文件。请把模板放到别处`);
      }
      const { inspectTemplate, openWorkbookRuntime, TRASH_FOLDER_NAME } = await loadWorkbookParts();
      const inspection = await inspectTemplate(template, shown(template));
      if (inspection.refusal) throw new UsageError(inspection.refusal);
      // Offline there is no signed-in account: generation needs a role (city, or the county's in a 县级 workbook).
      if (!check && !context.as) throw new UsageError('缺少 --as（须为“权限”表中的市级账号；县级表格中也可为该县账号）');
      if (!check && folder !== undefined) checkedDriveFolder(folder, TRASH_FOLDER_NAME);
      if (!check && context.options.pdf) requireLibreOffice();
      const options: DocumentRunOptions = { kind };
      if (rows) options.rows = rows;
      if (context.options.regenerate) options.regenerate = true;
      if (context.options.pdf) options.pdf = true;
      if (check) options.check = true;
      if (typeof context.options.sheet === 'string') options.sheet = context.options.sheet;
      if (docQuota !== undefined) options.dailyQuota = docQuota;

      if (!check && context.options.pdf && chineseFontInstalled() === false) context.err(`提示：${MISSING_CHINESE_FONT_MESSAGE}`);
      // --check writes nothing: the workbook is only read, and the folder is not created.
      const folderExisted = folder !== undefined && existsSync(folder);
      const progress = new ProgressRows();
      const runtime = await openWorkbookRuntime({ path, today: context.today, as: context.as, counter: context.counter, print: progress.printer(context.err), readOnly: check, timeLimitSeconds, docQuota });
      try {
        options.templateId = runtime.drive.fileIdOf(resolve(template));
        if (folder !== undefined && (!check || existsSync(folder))) options.folderId = runtime.drive.folderIdOf(resolve(folder));
        if (check) {
          let result: DocumentRunResult;
          try {
            result = runtime.bundle.call('runDocuments_', options) as DocumentRunResult;
          } catch (error) {
            throw bundleError(error);
          }
          context.stats.executions = 1;
          recordExecutionTime(context, runtime);
          reportUnreadableIndexes(context, runtime);
          const refused = uniqueByRow(result.refused);
          if (!context.options.json) for (const entry of refused) context.err(refusalLine(entry));
          const problems = reportPreflight(context, result, inspection, true) + refused.length;
          for (const message of result.messages) context.err(`提示：${message}`);
          if (context.options.json) {
            const { placeholders, unknownPlaceholders, missing, messages } = result;
            context.out(JSON.stringify({ mode: 'check', placeholders, unknownPlaceholders, missing, refused, rows: result.pending, messages }, null, 2));
          } else {
            context.out(problems === 0 ? `预检通过：模板中的占位符 ${result.placeholders.map((name) => `{{${name}}}`).join('、') || '（无）'} 都能取到值` : `预检发现 ${problems} 个问题（见上），没有生成任何文件`);
          }
          return problems > 0 ? EXIT_PROBLEMS : 0;
        }
        return await generate(context, runtime, options, label, progress, inspection);
      } finally {
        runtime.close();
        // A run that made nothing leaves no empty folder behind.
        if (folder !== undefined && !folderExisted && existsSync(folder) && readdirSync(folder).length === 0) rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}

/** A progress line of the bundle (console.info, one per document made): `[3/60] 第5行 张三 → 0012-张三-荣誉证书`. */
const PROGRESS_LINE = /^\[\d+\/\d+\] 第(\d+)行 (.*) → (.+)$/u;

/** The rows documents were made for, from the progress lines seen (also those of killed executions). */
class ProgressRows {
  readonly made = new Map<number, { name: string; file: string }>();

  /** Forwards `line` to `print`, noting the row when it is a progress line. */
  printer(print: (line: string) => void): (line: string) => void {
    return (line) => {
      const match = PROGRESS_LINE.exec(line);
      if (match) this.made.set(Number(match[1]), { name: match[2] as string, file: match[3] as string });
      print(line);
    };
  }
}

/**
 * Runs the pre-flight (the bundle's check mode) and prints what it found, then the batch and its
 * continuations (execution 1 and the hourly trigger's), then the summary; returns the exit code.
 */
async function generate(context: CommandContext, runtime: WorkbookRuntime, options: DocumentRunOptions, label: string, progress: ProgressRows, inspection: TemplateInspection): Promise<number> {
  let preflight: DocumentRunResult;
  try {
    preflight = runtime.bundle.call('runDocuments_', { ...options, check: true }) as DocumentRunResult;
  } catch (error) {
    throw bundleError(error);
  }
  // Said before anything is made: problems of the template and rows, and what the quota allows.
  const problems = reportPreflight(context, preflight, inspection, false);
  const printed = new Set(preflight.messages);
  for (const message of preflight.messages) context.err(`提示：${message}`);
  let outcome: Awaited<ReturnType<typeof runWithContinuations<DocumentRunResult>>>;
  try {
    outcome = await runWithContinuations(runtime, () => runtime.bundle.call('runDocuments_', options) as DocumentRunResult, { afterExecution: () => recordExecutionTime(context, runtime) });
  } catch (error) {
    // What was done is kept: the links of the documents already made.
    if (runtime.changed) await runtime.save();
    throw bundleError(error);
  }
  context.stats.executions = outcome.executions;
  context.stats.killed = outcome.killed;
  // The hourly trigger answers `{ daily, documents }` (issue 10): its document part is the batch's result.
  const batchResults = outcome.results.map((result) => (result !== null && typeof result === 'object' && 'documents' in result ? (result as { documents: DocumentRunResult | null }).documents : result));
  const results = batchResults.filter((result): result is DocumentRunResult => result !== null && typeof result === 'object');
  const last = batchResults[batchResults.length - 1];
  const created = new Map(results.flatMap((result) => result.created).map((entry) => [entry.row, entry]));
  const skippedEntries = results.flatMap((result) => result.skipped);
  // Made in this run: what the bundle's executions list as created, and — for an execution the time
  // limit killed before it returned — the rows of its progress lines (the next execution finds those
  // documents by name and lists them as skipped). Never from files found on disk: a link to a file
  // made by someone else, elsewhere, is not a document made now.
  const made = [...new Set([...created.keys(), ...progress.made.keys()])]
    .sort((a, b) => a - b)
    .map((row) => {
      const found = skippedEntries.filter((entry) => entry.row === row).pop();
      const seen = progress.made.get(row);
      return created.get(row) ?? { row, name: seen?.name ?? found?.name ?? '', file: seen?.file ?? basename(found?.link ?? ''), link: found?.link ?? '' };
    });
  const madeRows = new Set(made.map((entry) => entry.row));
  const skipped = uniqueByRow(skippedEntries).filter((entry) => !madeRows.has(entry.row));
  const refused = uniqueByRow(results.flatMap((result) => result.refused));
  // Every execution's messages go to --json; the text output keeps those of the first and the last
  // (the hourly executions between them repeat "今天还能新建 0 份…" while waiting for the next day).
  const allMessages = [...new Set(results.flatMap((result) => result.messages))].filter((message) => !printed.has(message));
  const shownResults = results.length > 1 ? [results[0] as DocumentRunResult, results[results.length - 1] as DocumentRunResult] : results;
  const messages = [...new Set(shownResults.flatMap((result) => result.messages))].filter((message) => !printed.has(message));
  const { unknownPlaceholders, missing } = preflight;
  const pending = last?.pending ?? results[results.length - 1]?.pending ?? 0;
  const done = last?.done === true;
  for (const message of messages) context.err(`提示：${message}`);
  reportUnreadableIndexes(context, runtime);
  for (const entry of refused) context.err(refusalLine(entry));
  if (context.options.json) {
    context.out(JSON.stringify({ made, skipped, refused, unknownPlaceholders, missing, pending, done, executions: outcome.executions, messages: [...printed, ...allMessages] }, null, 2));
  } else {
    const parts = [`生成${label} ${made.length} 份`, `已有而跳过 ${skipped.length} 份`];
    if (refused.length > 0) parts.push(`被拒绝 ${refused.length} 行`);
    if (!done) parts.push(`尚有 ${pending} 份未生成`);
    if (problems > 0) parts.push('预检问题见上，相应占位符在文档中原样保留');
    context.out(`${parts.join('；')}（共执行 ${outcome.executions} 次）`);
  }
  return problems > 0 || refused.length > 0 || !done ? EXIT_PROBLEMS : 0;
}

/**
 * Where runCreateTemplates put a template: the file its id names, or — as offline an id is a path
 * and the template was moved into the folder after its id was taken — the one .docx in `folder`
 * whose name starts with the kind's label (荣誉证书模板, 任期考核表模板).
 */
function madeTemplate(runtime: WorkbookRuntime, id: string, folder: string, kind: DocumentKind): string {
  const path = runtime.drive.pathOf(id);
  if (existsSync(path)) return path;
  const label = KINDS[kind].label;
  const found = readdirSync(folder).filter((file) => file.startsWith(label) && file.endsWith('.docx'));
  if (found.length !== 1) throw new Error(`runCreateTemplates 没有在 ${folder} 中生成唯一的${label}模板（找到：${found.join('、') || '无'}）`);
  return join(folder, found[0] as string);
}

/** The lstat of a path (a symbolic link itself, not what it points to), or undefined when there is nothing there. */
function lstatSafe(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** `banzhuren templates --out DIR`: the default templates, made by the add-on's own code. */
const TEMPLATES_COMMAND: Command = {
  name: 'templates',
  usage: templatesUsage,
  summary: '导出默认模板：荣誉证书.docx（横向）和 任期考核表.docx（教师信息及 {{履职记录}} 表格），由插件“初始化模板”的同一段程序生成',
  details: [
    '导出的模板可以用 Word 或 WPS 修改（保留 {{姓名}} 之类的占位符），再用 banzhuren certificates/forms --template 指定。',
    '文件夹中已有同名文件时不覆盖（退出码 2），加 --force 才覆盖。',
  ],
  options: {
    out: { type: 'string', value: '文件夹', help: '导出到该文件夹（必填；不存在则新建）' },
    force: { type: 'boolean', help: '覆盖文件夹中已有的同名模板' },
  },
  examples: ['banzhuren templates --out 我的模板', 'banzhuren templates --out templates --force'],
  async run(context) {
    if (context.positionals.length > 0) throw new UsageError(`参数个数不对。用法：banzhuren ${templatesUsage}`);
    const folder = checkedFolder(context.options.out, templatesUsage);
    const files = Object.values(DEFAULT_TEMPLATE_FILES);
    // A symbolic link where a template goes (even a dangling one) is refused: writing through it would change a file elsewhere.
    const links = files.filter((file) => lstatSafe(join(folder, file))?.isSymbolicLink() === true);
    if (links.length > 0) throw new UsageError(`${shown(folder)} 中的 ${links.join('、')} 是符号链接，不会写入（以免改动链接指向的其他文件）：请先删除这个链接`);
    const existing = files.filter((file) => lstatSafe(join(folder, file)) !== undefined);
    if (existing.length > 0 && context.options.force !== true) {
      throw new UsageError(`${shown(folder)} 中已有 ${existing.join('、')}，没有覆盖；要覆盖请加 --force`);
    }
    // Made in a scratch folder first, so a failure leaves the folder as it was.
    const scratch = mkdtempSync(join(tmpdir(), 'banzhuren-templates-'));
    try {
      const made: Record<DocumentKind, string> = { certificate: '', form: '' };
      const { openWorkbookRuntime, writeFileAtomically } = await loadWorkbookParts();
      const runtime = await openWorkbookRuntime({ today: context.today, as: context.as, counter: context.counter, print: context.err });
      try {
        let created: { certificateTemplateId: string; formTemplateId: string };
        try {
          created = runtime.bundle.call('runCreateTemplates_', { folderId: runtime.drive.folderIdOf(scratch), record: false }) as typeof created;
        } catch (error) {
          throw bundleError(error);
        }
        made.certificate = madeTemplate(runtime, created.certificateTemplateId, scratch, 'certificate');
        made.form = madeTemplate(runtime, created.formTemplateId, scratch, 'form');
      } finally {
        recordExecutionTime(context, runtime);
        runtime.close();
      }
      mkdirSync(folder, { recursive: true });
      for (const kind of ['certificate', 'form'] as const) {
        const target = join(folder, DEFAULT_TEMPLATE_FILES[kind]);
        // Through a temporary file renamed into place: the target is replaced, never written through.
        writeFileAtomically(target, readFileSync(made[kind]));
        context.out(`已写入 ${target}`);
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    context.stats.executions = 1;
    return 0;
  },
};

/** The document commands of the CLI. */
export const DOCUMENT_COMMANDS: Command[] = [generationCommand('certificate'), generationCommand('form'), TEMPLATES_COMMAND];

