/**
 * The demo season: makes a sample nomination workbook of about 300 synthetic candidates (with the
 * mistakes real forms have) and runs a whole season through dist/Code.js in the offline runtime,
 * writing the workbook, documents, outbox, 公示名单 and report.html into the output folder.
 * Every stage calls the add-on's own server functions (what its menu items run), as the user the
 * 权限 sheet names for it, on the simulated day of the stage; the report's figures are read back
 * from what those calls answered and what the workbook holds at the end.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { UsageError, type CommandContext } from '../commands/command';
import { CALL_COST_MS, type CallCost } from '../runtime/clock';
import { fileAccessError, FileAccessError } from '../runtime/file-errors';
import { acquireFileLock, type FileLock } from '../runtime/file-lock';
import { TEMPORARY_SUFFIX } from '../runtime/xlsx-file';
import { instantOfDateAndTime } from '../runtime/time-zones';
import { openWorkbookRuntime, type WorkbookRuntime } from '../workbook-runtime';
import { writePublicityListFile } from './publicity-file';
import { renderReport } from './report';
import type { DemoReportData, DemoStage } from './report-data';
import { HEADER_ROW, sampleNominations, type SampleNominations } from './sample-data';
import { demoReviewers, writeSampleWorkbook, type DemoReviewers } from './sample-workbook';
import { readSeason, type SeasonFacts } from './season-facts';
import { SEASON_DAYS, STAGE_NAMES, type StageName } from './season-plan';
import { runStages } from './season-stages';
import { crossingText } from './holiday-names';

/** The marker file that makes a folder the demo's own (a later demo may overwrite it). */
export const DEMO_MARKER = '.banzhuren-demo';

/** The files the demo writes, by name (fixed: the README and the tests name them). */
export const DEMO_FILES = {
  workbook: '评选名单.xlsx',
  publicity: '公示名单.xlsx',
  documents: '文档',
  outbox: '发件箱',
  report: 'report.html',
  data: 'report-data.json',
} as const;

/** The marker's text: a marker file without it is not the demo's. */
export const DEMO_MARKER_TEXT = '此文件夹由 banzhuren demo 生成；再次运行 demo 会删除并重写其中由 demo 写入的文件（其他文件在时拒绝运行）。\n';

/** The lock a running demo holds on its folder (a second demo into the same folder is refused). */
export const DEMO_LOCK = '.banzhuren-demo.lock';

/** The subfolders of 文档/ the demo writes, and what it writes into them (documents, the runtime's index and leftovers). */
const DOCUMENT_FOLDERS = ['荣誉证书', '任期考核表'];

/** Whether `name`, directly in the output folder, is something the demo (or the runtime it drives) writes. */
function isDemoEntry(name: string): boolean {
  const workbook = DEMO_FILES.workbook;
  return (
    (Object.values(DEMO_FILES) as string[]).includes(name) ||
    name === DEMO_MARKER ||
    name === DEMO_LOCK ||
    name === `${workbook}.lock` ||
    (name.startsWith(`${workbook}.`) && name.endsWith(TEMPORARY_SUFFIX)) ||
    (name.startsWith(`${DEMO_FILES.publicity}.`) && name.endsWith(TEMPORARY_SUFFIX))
  );
}

/** Whether `name` inside one of 文档/'s subfolders is the demo's: a document, the runtime's index, a half-written or replaced document. */
function isDocumentEntry(name: string): boolean {
  return /\.(docx|pdf)$/u.test(name) || name === '.banzhuren-properties.json' || name === '.trash' || name.startsWith('~生成中~');
}

/** The entries of a marked folder (relative paths) the demo did not write; the folder's own, one level into 文档/ and 发件箱/. */
function foreignEntries(folder: string): string[] {
  const foreign: string[] = [];
  const list = (path: string) => readdirSync(path, { withFileTypes: true });
  for (const entry of list(folder)) {
    if (!isDemoEntry(entry.name)) foreign.push(entry.name);
    else if (entry.name === DEMO_FILES.documents && entry.isDirectory()) {
      for (const kind of list(join(folder, entry.name))) {
        const path = `${entry.name}/${kind.name}`;
        if (!DOCUMENT_FOLDERS.includes(kind.name) || !kind.isDirectory()) foreign.push(path);
        else for (const file of list(join(folder, path))) if (!isDocumentEntry(file.name)) foreign.push(`${path}/${file.name}`);
      }
    } else if (entry.name === DEMO_FILES.outbox && entry.isDirectory()) {
      for (const file of list(join(folder, entry.name))) if (!file.isFile() || !file.name.endsWith('.eml')) foreign.push(`${entry.name}/${file.name}`);
    }
  }
  return foreign;
}

/** Runs a file-system step on `folder`, turning the system's error into the CLI's Chinese one (exit 2 for a wrong path). */
function inFolder<T>(folder: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (error instanceof UsageError || error instanceof FileAccessError) throw error;
    const mapped = fileAccessError(error, folder, 'write');
    if (!mapped) throw error;
    throw new FileAccessError(`${mapped.message.replace(/^无法写入 /u, '无法写入演示文件夹 ')}；请用 --out 另选一个可写的文件夹`, mapped.wrongPath, { cause: error });
  }
}

/**
 * Readies `folder` and locks it: created when missing; in a folder an earlier demo marked, the
 * demo's own files are removed (nothing else: a folder holding anything the demo does not write is
 * refused, naming it); any other non-empty folder, a symlink, or a marker that is not the demo's
 * regular file is refused (exit 2). Returns the folder's lock, held until the demo ends.
 */
export async function prepareDemoFolder(folder: string): Promise<FileLock> {
  const marker = join(folder, DEMO_MARKER);
  const existing = inFolder(folder, () => (existsSync(folder) || isSymlink(folder) ? lstatSync(folder) : undefined));
  if (existing?.isSymbolicLink()) throw new UsageError(`“${folder}”是一个符号链接：为免删改链接所指文件夹中的文件，演示不写入符号链接，请用 --out 直接给出文件夹`);
  if (existing && !existing.isDirectory()) throw new UsageError(`“${folder}”是一个文件，不是文件夹：演示结果须写入文件夹，请用 --out 另选`);
  if (existing) {
    const entries = inFolder(folder, () => readdirSync(folder));
    if (entries.length > 0) {
      const markerStat = inFolder(folder, () => (entries.includes(DEMO_MARKER) ? lstatSync(marker) : undefined));
      if (!markerStat) {
        throw new UsageError(`文件夹“${folder}”不是空的，也不是演示生成的文件夹（其中没有 ${DEMO_MARKER} 标记）：为免覆盖您的文件，没有写入任何内容。请用 --out 指定一个新的或空的文件夹`);
      }
      if (!markerStat.isFile() || !inFolder(folder, () => readFileSync(marker, 'utf8')).startsWith('此文件夹由 banzhuren demo 生成')) {
        throw new UsageError(`文件夹“${folder}”中的 ${DEMO_MARKER} 不是演示写下的标记文件：为免删除您的文件，没有写入任何内容。请用 --out 指定一个新的或空的文件夹`);
      }
    }
  }
  inFolder(folder, () => mkdirSync(folder, { recursive: true }));
  let lock: FileLock;
  try {
    lock = await acquireFileLock(join(folder, DEMO_LOCK), { waitMs: 0 });
  } catch (error) {
    if (error instanceof FileAccessError) {
      const cause = error.cause ?? error;
      inFolder(folder, () => {
        throw cause;
      });
    }
    throw new UsageError(`另一个 banzhuren demo 正在写入文件夹“${folder}”（锁文件 ${DEMO_LOCK}）：请等它结束，或用 --out 另选文件夹`);
  }
  try {
    const foreign = inFolder(folder, () => foreignEntries(folder));
    if (foreign.length > 0) {
      const shown = foreign.slice(0, 5).map((name) => `“${name}”`).join('、') + (foreign.length > 5 ? ` 等 ${foreign.length} 项` : '');
      throw new UsageError(`文件夹“${folder}”中有不是演示写入的内容：${shown}。为免删除您的文件，没有改动任何内容；请把它们移走，或用 --out 另选一个新的或空的文件夹`);
    }
    inFolder(folder, () => {
      for (const entry of readdirSync(folder)) if (entry !== DEMO_LOCK && entry !== DEMO_MARKER) rmSync(join(folder, entry), { recursive: true, force: true });
      writeFileSync(marker, DEMO_MARKER_TEXT);
    });
  } catch (error) {
    lock.release();
    throw error;
  }
  return lock;
}

/** Whether `path` is a symlink (a dangling one included: existsSync follows links). */
function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** One stage being run: its name, day and the one-sentence summary it leaves. */
interface StageRun {
  name: StageName;
  day: string;
  summary: string;
}

/** Runs the whole demo season into `context.options.out` (default ./out); returns the exit code. */
export async function runDemo(context: CommandContext): Promise<number> {
  if (context.positionals.length > 0) throw new UsageError('参数个数不对。用法：banzhuren demo [--out 文件夹]');
  const given = context.options.out;
  if (typeof given === 'string' && given.trim() === '') throw new UsageError('--out 需要一个文件夹：请写出文件夹的名字，或不写 --out（默认为当前目录下的 out）');
  const folder = typeof given === 'string' ? given : 'out';
  const folderLock = await prepareDemoFolder(folder);
  // Ctrl+C or SIGTERM: the exit removes the folder's and the workbook's locks (file-lock registers them); the folder stays the demo's.
  const interrupted = (signal: NodeJS.Signals) => {
    context.err(`已中断：文件夹“${folder}”中的结果不完整；再次运行 banzhuren demo 会重写它`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const workbookPath = join(folder, DEMO_FILES.workbook);
  const started = Date.now();
  const stages: DemoStage[] = [];
  let modelled = 0;
  let runtime: WorkbookRuntime | undefined;
  const total = STAGE_NAMES.length;

  /** Runs one stage on its day: moves the clock there (09:00), times it, saves, prints its progress line. */
  const stage = async (name: StageName, body: (current: StageRun) => Promise<void> | void) => {
    const current: StageRun = { name, day: SEASON_DAYS[name], summary: '' };
    const wallStart = Date.now();
    const callsBefore = context.counter.snapshot().total;
    const modelledBefore = modelled;
    if (runtime) {
      runtime.clock.moveTo(instantOfDateAndTime(current.day, 9, 0, runtime.timeZone));
      runtime.clock.startExecution();
    }
    await body(current);
    if (runtime?.changed) await runtime.save();
    const wallMs = Date.now() - wallStart;
    const entry: DemoStage = { name, day: current.day, summary: current.summary, calls: context.counter.snapshot().total - callsBefore - typedCalls, modelledMs: Math.round(modelled - modelledBefore - typedModelled), wallMs };
    typedCalls = 0;
    typedModelled = 0;
    stages.push(entry);
    context.err(`[${stages.length}/${total}] ${name}（${current.day}）……完成，用时 ${(wallMs / 1000).toFixed(1)} 秒`);
  };
  /** Calls made typing into sheets on the users' behalf (not the add-on's own work): left out of the stage's calls and modelled time. */
  let typedCalls = 0;
  let typedModelled = 0;
  const typing = <T>(body: () => T): T => {
    const before = context.counter.snapshot().total;
    const modelledBefore = modelled;
    try {
      return body();
    } finally {
      typedCalls += context.counter.snapshot().total - before;
      typedModelled += modelled - modelledBefore;
    }
  };

  let sample: SampleNominations | undefined;
  let reviewers: DemoReviewers | undefined;
  const facts: Partial<SeasonFacts> = {};
  try {
    await stage('生成示例名单并初始化表格', async (current) => {
      // The plan's counties come from the add-on's own role table (never a copy of the preset).
      const probe = await openWorkbookRuntime({ counter: context.counter, today: current.day, print: () => undefined });
      let counties: string[];
      try {
        const table = probe.bundle.call('workflowTable_') as { roles: string[] };
        counties = table.roles.filter((role) => role !== '市级' && role !== '学校');
      } finally {
        probe.close();
      }
      sample = sampleNominations(counties);
      reviewers = demoReviewers(counties);
      await writeSampleWorkbook(workbookPath, sample.rows, reviewers);
      // The add-on's own progress lines (one per document) are not shown: each stage says what it did in one line.
      runtime = await openWorkbookRuntime({ path: workbookPath, today: current.day, as: reviewers.city, counter: context.counter, print: () => undefined });
      // Every service call's modelled cost, summed over the season (the clock itself also jumps between days).
      const clock = runtime.clock;
      const advance = clock.advance.bind(clock);
      clock.advance = (cost: CallCost | number) => {
        modelled += typeof cost === 'number' ? cost : CALL_COST_MS[cost];
        advance(cost);
      };
      const result = runtime.bundle.call('runInitialize_') as { summary: string };
      runtime.endExecution();
      current.summary = `${sample.rows.length} 名虚构候选人（${counties.length} 个县（市、区）和市直学校），标题行下第${HEADER_ROW}行为表头；初始化表格：${firstClause(result.summary)}`;
    });
    await runStages({ stage, runtime: () => runtime as WorkbookRuntime, sample: sample as SampleNominations, reviewers: reviewers as DemoReviewers, facts, typing, folder });
    const data: DemoReportData = readSeason(runtime as WorkbookRuntime, {
      facts: facts as SeasonFacts,
      sample: sample as SampleNominations,
      stages,
      counties: Object.keys((reviewers as DemoReviewers).counties),
    });
    (runtime as WorkbookRuntime).close();
    runtime = undefined;
    await writePublicityListFile(workbookPath, join(folder, DEMO_FILES.publicity), facts.publicity?.sheet ?? '');
    data.files = demoFiles(folder);
    writeFileSync(join(folder, DEMO_FILES.data), `${JSON.stringify(data, null, 2)}\n`);
    writeFileSync(join(folder, DEMO_FILES.report), renderReport(data));
    data.files = demoFiles(folder);
    writeFileSync(join(folder, DEMO_FILES.data), `${JSON.stringify(data, null, 2)}\n`);
    for (const line of summaryLines(data, folder, Date.now() - started)) context.out(line);
    return 0;
  } finally {
    runtime?.close();
    folderLock.release();
    process.removeListener('SIGINT', interrupted);
    process.removeListener('SIGTERM', interrupted);
  }
}

/** The first clause of the add-on's summary (up to its first ；), which is long. */
function firstClause(text: string): string {
  return (text.split(/[\n；]/)[0] ?? '').trim();
}

/** The files of the output folder the report lists, relative to it. */
function demoFiles(folder: string): { label: string; path: string }[] {
  const files = [
    { label: '评选名单（工作簿）', path: DEMO_FILES.workbook },
    { label: '公示名单', path: DEMO_FILES.publicity },
    { label: '荣誉证书与任期考核表', path: `${DEMO_FILES.documents}/` },
    { label: '提醒邮件（.eml）', path: `${DEMO_FILES.outbox}/` },
    { label: '报告页', path: DEMO_FILES.report },
    { label: '报告数据', path: DEMO_FILES.data },
  ];
  return files.filter((file) => existsSync(join(folder, file.path)));
}

/** The closing summary on stdout: a few Chinese lines with the paths. */
function summaryLines(data: DemoReportData, folder: string, wallMs: number): string[] {
  // Paths as the user gave the folder: relative to where they ran the command, or absolute.
  const shown = (path: string) => (isAbsolute(folder) ? resolve(folder, path) : relative(process.cwd(), resolve(folder, path)));
  const verdict = (label: string) => data.verdicts.find((entry) => entry.label === label)?.count ?? 0;
  const state = (label: string) => data.states.find((entry) => entry.label === label)?.count ?? 0;
  return [
    `演示完成：${data.seasonYear} 年度，${data.candidates} 名虚构候选人，用时 ${(wallMs / 1000).toFixed(1)} 秒。`,
    `资格审查：符合 ${verdict('符合')}、不符合 ${verdict('不符合')}、待核实 ${verdict('待核实')}；已认定 ${state('已认定')} 人（年度目标 ${data.yearTarget.target} 人）。`,
    `公示 ${data.publicity.start} 至 ${data.publicity.end}（${data.publicity.workingDays} 个工作日，${crossingText(data.publicity.holidayNames)}）；证书 ${data.documents.certificates} 份，任期考核表 ${data.documents.termForms} 份；提醒邮件 ${data.reminders.mails} 封（${data.reminders.days} 天）。`,
    `报告页：${shown(DEMO_FILES.report)}（用浏览器打开）`,
    `工作簿：${shown(DEMO_FILES.workbook)}`,
    `公示名单：${shown(DEMO_FILES.publicity)}`,
    `证书与考核表：${shown(DEMO_FILES.documents)}`,
    `提醒邮件：${shown(DEMO_FILES.outbox)}`,
    `报告数据：${shown(DEMO_FILES.data)}`,
  ];
}
