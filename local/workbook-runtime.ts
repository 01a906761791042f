/**
 * Opens a workbook for one `banzhuren` run: follows symbolic links to the real file, refuses a
 * read-only one before anything is done, takes the real file's lock, removes temporary copies a
 * killed run left, reads the .xlsx and the state kept in it, starts the simulated clock (--today
 * at 09:00 in the spreadsheet's time zone, or at `startTime`), loads dist/Code.js with the fake Apps
 * Script services over that workbook (DriveApp over the workbook's folder, ScriptApp's triggers kept
 * in it, MailApp queueing into an outbox folder), and later saves the workbook (with its state) —
 * only if a call changed it — delivers the queued mail after that save, and releases the lock. A
 * second process on the same workbook waits for the first to close, then reads what it saved.
 */
import type ExcelJS from 'exceljs';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultBundlePath, loadBundle, type LoadedBundle } from './runtime/bundle';
import type { CallCounter } from './runtime/call-counter';
import { SimulatedClock } from './runtime/clock';
import { acquireFileLock, type FileLock } from './runtime/file-lock';
import { instantOfDateAndTime, isKnownTimeZone } from './runtime/time-zones';
import { assertWritable, realPathOf, removeLeftoverTemporaries } from './runtime/workbook-path';
import { newWorkbook, readWorkbook, writeWorkbook, type WriteOptions } from './runtime/xlsx-file';
import { keptParts, type KeptPart } from './runtime/xlsx-preserve';
import { chartSheetNames, keptDrawings, type KeptDrawing } from './runtime/xlsx-drawing-parts';
import { parseA1, splitSheetName } from './services/a1-notation';
import { makeCacheService } from './services/cache-service';
import { makeChartsService } from './services/charts';
import { discardOpenDocuments, makeDocumentApp, saveOpenDocuments } from './services/document/document-app';
import { makeAdvancedDrive } from './services/drive/advanced-drive';
import { makeDriveApp } from './services/drive/drive-app';
import { LocalDrive } from './services/drive/local-drive';
import type { FakeContext } from './services/fake-object';
import { makeHtmlService } from './services/html-service';
import { makeLockService } from './services/lock-service';
import { logSink, makeConsole, makeLogger } from './services/logger';
import { makeMailApp } from './services/mail/mail-app';
import { Outbox, type DeliveryReport } from './services/mail/outbox';
import { configuredSmtpSetting } from './services/mail/smtp-settings';
import { makePropertiesService } from './services/properties-service';
import { makeScriptApp } from './services/script/script-app';
import { makeSession } from './services/session';
import { makeSpreadsheetApp } from './services/spreadsheet-app';
import { makeUtilities } from './services/utilities';
import { WorkbookModel, type SpreadsheetEnv, type UiRecord } from './services/workbook-model';
import { DEFAULT_TIME_ZONE, WorkbookState } from './services/workbook-state';

/** Options of openWorkbookRuntime. */
export interface WorkbookRuntimeOptions {
  /** The .xlsx file; without one the workbook lives in memory and save() needs a path. */
  path?: string;
  /** Make a new workbook (one sheet, 工作表1) when the file does not exist. */
  create?: boolean;
  /** The simulated day, 'YYYY-MM-DD'; the clock starts at 09:00 of it (else at the real now). */
  today?: string;
  /** The time of `today` the clock starts at, 'HH:mm' in the spreadsheet's zone (default 09:00; `banzhuren tick` starts at 00:00). */
  startTime?: string;
  /** The active user's email (Session.getActiveUser), '' when not given. */
  as?: string;
  counter: CallCounter;
  /** The spreadsheet time zone of a workbook that has none recorded yet (default Asia/Shanghai). */
  timeZone?: string;
  /** How a question asked with Ui.alert is answered; without one such a question fails. */
  answer?: 'yes' | 'no';
  /** What is typed at each Ui.prompt, in order; a prompt with nothing left fails. */
  promptAnswers?: string[];
  /** Where alerts and toasts are printed (default: stderr). */
  print?: (line: string) => void;
  /** The bundle's source (default: dist/Code.js). */
  code?: string;
  /** How long to wait for another process's lock on the workbook, in milliseconds (default 30 s). */
  lockWaitMs?: number;
  /**
   * Simulates another execution holding the document lock for the whole run: waitLock times out
   * with Apps Script's message and tryLock answers false. Default: the environment variable
   * BANZHUREN_DOCUMENT_LOCK_BUSY=1 (so a test can run the real command under contention).
   */
  documentLockBusy?: boolean;
  /** Only read the workbook (log, --book): no lock, no check that it may be written; save() refuses. */
  readOnly?: boolean;
  /** Where save() writes when given no path (checked to be writable when the workbook is opened). */
  out?: string;
  /** Runs just before a save replaces the file (tests stop a save there). */
  beforeReplace?: WriteOptions['beforeReplace'];
  /** The execution time limit in seconds (`--time-limit`; default Apps Script's 360). */
  timeLimitSeconds?: number;
  /** Documents that may be created per simulated day (`--doc-quota`; default 250, a consumer account's). */
  docQuota?: number;
  /** The folder .eml files are written to (`--outbox`; default 发件箱 beside the workbook, or in the current directory). */
  outbox?: string;
  /** Email recipients per simulated day (`--mail-quota`; default 100, a consumer account's). */
  mailQuota?: number;
  /** MailApp.sendEmail checks and counts, but deliverMail writes and sends nothing (`--dry-run`). */
  dryRunMail?: boolean;
}

/** The outbox folder's name beside the workbook. */
export const DEFAULT_OUTBOX_NAME = '发件箱';

/** One opened workbook with the bundle loaded over it. */
export interface WorkbookRuntime {
  bundle: LoadedBundle;
  /** The workbook itself, for what Apps Script has no API for (print settings of the 公示名单). */
  readonly workbook: ExcelJS.Workbook;
  counter: CallCounter;
  clock: SimulatedClock;
  /** The spreadsheet's time zone (as it is now: the bundle may change it). */
  readonly timeZone: string;
  /** The workbook file, if any. */
  readonly path?: string;
  /** Properties, triggers and protections kept with the workbook. */
  state: WorkbookState;
  /** Menus, alerts and toasts the bundle produced. */
  ui: UiRecord;
  /** The local Drive: the workbook's folder (an in-memory workbook's: the current directory). */
  drive: LocalDrive;
  /** Whether save() without a path has somewhere to write (a file was read or --out given). */
  readonly canSave: boolean;
  /** Marks the workbook as changed (e.g. a trigger's next firing moved on), so save() writes it. */
  markChanged(): void;
  /** How many changes were marked so far (a call that writes, a state change): an execution changed something when it grew. */
  readonly changeCount: number;
  /** Mail MailApp accepted: `queued` until deliverMail, `sent` for the whole run. */
  readonly outbox: Outbox;
  /**
   * Delivers the queued mail (.eml files in the outbox, and the SMTP server when one is configured:
   * BANZHUREN_SMTP, else 设置 邮件服务器); call it after save(), so nothing unrecorded is sent.
   */
  deliverMail(): Promise<DeliveryReport>;
  /** The user later executions run as (Session, ScriptApp's user triggers, user properties, MailApp's sender). */
  readonly activeUser: string;
  /** Makes `email` the active and effective user of later executions (a trigger runs as the user who installed it). */
  setActiveUser(email: string): void;
  /**
   * Ends an execution as Apps Script does: documents it left open and changed are saved and closed.
   * runWithContinuations calls it after each execution that was not killed; a command calling the
   * bundle once calls it before save().
   */
  endExecution(): void;
  /**
   * Ends an execution the time limit killed: the documents it left open are closed unsaved (their
   * changes lost), so a later execution's end never writes them over files that moved on since.
   */
  abandonExecution(): void;
  /** Makes `sheetName` the active sheet and selects `a1` on it (default A1). */
  select(sheetName: string, a1?: string): void;
  /** Makes `sheetName` active and selects several ranges (A1 notations), as Ctrl-click does; the last is the active range. */
  selectRanges(sheetName: string, a1s: string[]): void;
  /** Makes `sheetName` active and selects whole rows `firstRow`…`lastRow`, as clicking row headers does. */
  selectRows(sheetName: string, firstRow: number, lastRow?: number): void;
  /** Whether a call of the bundle changed the workbook (a write to a sheet, a range or the properties). */
  readonly changed: boolean;
  /** How many console.info lines the bundle wrote (its progress lines: one per document made); continuations read it as progress. */
  readonly infoLines: number;
  /**
   * Writes the workbook (and its state) to `outPath`, by default to `out` or where it was read
   * from; writes nothing, and returns false, when nothing changed a workbook read from that file.
   */
  save(outPath?: string): Promise<boolean>;
  /** Releases the workbook's lock (and the lock of `out`). */
  close(): void;
}

/** Opens a workbook for one run; see WorkbookRuntime. Holds the workbook's lock (and --out's) until close(). */
export async function openWorkbookRuntime(options: WorkbookRuntimeOptions): Promise<WorkbookRuntime> {
  if (options.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.today)) {
    throw new Error(`日期应为 YYYY-MM-DD，收到“${options.today}”`);
  }
  if (options.timeZone !== undefined && !isKnownTimeZone(options.timeZone)) {
    throw new Error(`不认识的时区：${options.timeZone}`);
  }
  if (options.timeLimitSeconds !== undefined && !(Number.isFinite(options.timeLimitSeconds) && options.timeLimitSeconds > 0)) {
    throw new Error(`执行时间上限（--time-limit）应为正数（秒），收到“${String(options.timeLimitSeconds)}”`);
  }
  if (options.docQuota !== undefined && !(Number.isInteger(options.docQuota) && options.docQuota >= 0)) {
    throw new Error(`每日文档上限（--doc-quota）应为非负整数，收到“${String(options.docQuota)}”`);
  }
  if (options.mailQuota !== undefined && !(Number.isInteger(options.mailQuota) && options.mailQuota >= 0)) {
    throw new Error(`每日邮件收件人上限（--mail-quota）应为非负整数，收到“${String(options.mailQuota)}”`);
  }
  const startTime = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(options.startTime ?? '09:00');
  if (!startTime) throw new Error(`开始时刻应为 HH:mm，收到“${String(options.startTime)}”`);
  const path = options.path;
  const realPath = path ? realPathOf(path) : undefined;
  const writable = options.readOnly !== true;
  const realOut = options.out !== undefined ? realPathOf(options.out) : undefined;
  if (writable && path && realPath) assertWritable(realOut ?? realPath, options.out ?? path);
  // The file read and, with --out, the file written: each locked (in one order for all processes,
  // so two runs reading each other's output cannot wait for each other forever) and cleaned of leftovers.
  const lockedFiles = writable ? [...new Set([realPath, realOut])].filter((file): file is string => file !== undefined).sort() : [];
  const locks: FileLock[] = [];
  const releaseLocks = () => {
    for (const held of locks.reverse()) held.release();
    locks.length = 0;
  };
  try {
    for (const file of lockedFiles) {
      locks.push(await acquireFileLock(`${file}.lock`, { waitMs: options.lockWaitMs, workbookPath: file === realPath ? path : options.out }));
      removeLeftoverTemporaries(file);
    }
    const existed = realPath !== undefined && existsSync(realPath);
    const workbook = path && realPath ? await readOrCreate(realPath, path, options.create === true) : newWorkbook();
    const bytesRead = existed && writable ? readFileSync(realPath) : undefined;
    const kept: KeptPart[] = bytesRead ? await keptParts(bytesRead) : [];
    const drawings: KeptDrawing[] = bytesRead ? await keptDrawings(bytesRead) : [];
    const chartSheets = bytesRead ? await chartSheetNames(bytesRead) : [];
    let changed = false;
    let changeCount = 0;
    const onCall = (interfaceName: string, method: string, cost: string) => {
      if (changesWorkbook(interfaceName, method, cost)) {
        changed = true;
        changeCount += 1;
      }
    };
    const state = WorkbookState.read(workbook, { timeZone: options.timeZone ?? DEFAULT_TIME_ZONE });
    const start = options.today ? instantOfDateAndTime(options.today, Number(startTime[1]), Number(startTime[2]), state.timeZone) : Date.now();
    const clock = new SimulatedClock(start, options.timeLimitSeconds !== undefined ? options.timeLimitSeconds * 1000 : undefined);
    const markChanged = () => {
      changed = true;
      changeCount += 1;
    };
    const drive = new LocalDrive({
      root: path ? dirname(resolve(path)) : process.cwd(),
      state,
      clock,
      documentQuota: options.docQuota,
      onStateChange: markChanged,
    });
    const name = path ? basename(path, extname(path)) : '工作簿';
    // Spreadsheet.getUrl: the workbook's absolute file:// URL; an in-memory workbook's as if saved in the current directory.
    const url = pathToFileURL(path ? resolve(path) : join(process.cwd(), `${name}.xlsx`)).href;
    const model = new WorkbookModel(workbook, state, name, url);
    if (options.answer) model.ui.answer = options.answer;
    if (options.promptAnswers) model.ui.promptAnswers = [...options.promptAnswers];
    const print = options.print ?? ((line: string) => process.stderr.write(`${line}\n`));
    let infoLines = 0;
    for (const notice of state.notices) print(notice);
    let email = options.as ?? '';
    const sink = logSink();
    let fakeContext: FakeContext | undefined;
    let documentApp: unknown;
    const outbox = new Outbox(options.outbox ?? join(path ? dirname(resolve(path)) : process.cwd(), DEFAULT_OUTBOX_NAME), {
      dryRun: options.dryRunMail,
      smtp: () => configuredSmtpSetting(process.env, workbook),
    });
    /** The services that answer for the active user; replaced in the bundle's globals when the user changes. */
    const userServices = (context: FakeContext) => ({
      PropertiesService: makePropertiesService(context, state, email),
      CacheService: makeCacheService(context, email),
      Session: makeSession(context, email, state.spreadsheetId),
      ScriptApp: makeScriptApp(context, { state, user: email, onStateChange: markChanged }),
    });
    const bundle = loadBundle(
      (realm) => {
        const context: FakeContext = { realm, counter: options.counter, clock, onCall, activeUser: email };
        fakeContext = context;
        const env: SpreadsheetEnv = { context, model, print };
        return {
          ...userServices(context),
          SpreadsheetApp: makeSpreadsheetApp(env),
          LockService: makeLockService(context, { documentBusy: options.documentLockBusy ?? process.env.BANZHUREN_DOCUMENT_LOCK_BUSY === '1' }),
          HtmlService: makeHtmlService(context, dirname(defaultBundlePath())),
          MailApp: makeMailApp(context, { outbox, state, quota: options.mailQuota, user: () => email, onStateChange: markChanged }),
          Utilities: makeUtilities(context),
          Logger: makeLogger(context, sink),
          Charts: makeChartsService(context),
          DriveApp: makeDriveApp(context, drive),
          Drive: makeAdvancedDrive(context, drive),
          DocumentApp: (documentApp = makeDocumentApp(context, drive)),
        };
      },
      { code: options.code, now: () => clock.now(), console: makeConsole(() => fakeContext as FakeContext, sink, (line) => {
          infoLines += 1;
          print(line);
        }) },
    );

    let closed = false;
    const selectRect = (sheetName: string, rect: { row: number; column: number; numRows: number; numColumns: number }) => {
      const sheet = model.sheetByName(sheetName);
      if (!sheet) throw new Error(`找不到工作表：${sheetName}`);
      const grid = model.grid(sheet);
      if (rect.row < 1 || rect.column < 1 || rect.row + rect.numRows - 1 > grid.maxRows || rect.column + rect.numColumns - 1 > grid.maxColumns) {
        throw new Error(`所选范围超出工作表“${sheetName}”`);
      }
      model.activate(sheet);
      model.selection = { sheet, ...rect };
      model.selectedRanges = undefined;
    };
    const rectOf = (sheetName: string, a1: string) => {
      const sheet = model.sheetByName(sheetName);
      const grid = sheet ? model.grid(sheet) : { maxRows: 0, maxColumns: 0 };
      const rect = parseA1(splitSheetName(a1).a1, grid.maxRows, grid.maxColumns);
      if (!rect) throw new Error(`无法识别的范围：${a1}`);
      return rect;
    };
    return {
      bundle,
      workbook,
      counter: options.counter,
      clock,
      get timeZone() {
        return state.timeZone;
      },
      path,
      state,
      ui: model.ui,
      drive,
      get infoLines() {
        return infoLines;
      },
      canSave: writable && (options.out ?? path) !== undefined,
      markChanged,
      get changeCount() {
        return changeCount;
      },
      outbox,
      deliverMail: () => outbox.deliver(),
      get activeUser() {
        return email;
      },
      setActiveUser(user) {
        const context = fakeContext as FakeContext;
        email = user;
        context.activeUser = user;
        Object.assign(bundle.context, userServices(context));
      },
      endExecution() {
        if (documentApp !== undefined) saveOpenDocuments(documentApp);
      },
      abandonExecution() {
        if (documentApp !== undefined) discardOpenDocuments(documentApp);
      },
      select(sheetName, a1 = 'A1') {
        selectRect(sheetName, rectOf(sheetName, a1));
      },
      selectRanges(sheetName, a1s) {
        const rects = a1s.map((a1) => rectOf(sheetName, a1));
        for (const rect of rects) selectRect(sheetName, rect);
        const sheet = model.sheetByName(sheetName);
        if (sheet) model.selectedRanges = rects.map((rect) => ({ sheet, ...rect }));
      },
      selectRows(sheetName, firstRow, lastRow = firstRow) {
        const sheet = model.sheetByName(sheetName);
        const columns = sheet ? model.grid(sheet).maxColumns : 1;
        selectRect(sheetName, { row: firstRow, column: 1, numRows: lastRow - firstRow + 1, numColumns: columns });
      },
      get changed() {
        return changed;
      },
      async save(outPath) {
        if (closed) throw new Error('工作簿已关闭，无法保存');
        if (!writable) throw new Error('以只读方式打开的工作簿不能保存');
        const shown = outPath ?? options.out ?? path;
        if (!shown) throw new Error('没有指定保存位置');
        const target = realPathOf(shown);
        if (!changed && existed && target === realPath) return false;
        assertWritable(target, shown);
        if (chartSheets.length > 0) {
          const named = chartSheets.map((sheet) => `“${sheet}”`).join('、');
          if (target === realPath) {
            throw new Error(`无法保存 ${shown}：其中的图表工作表${named}（整张表是一个图表）无法保留，原地保存会丢失它们；请加 --out 另存一份，原文件不变`);
          }
          print(`提示：${shown} 中没有原文件的图表工作表${named}（整张表是一个图表，无法保留）；原文件中它们仍在`);
        }
        state.write(workbook);
        await writeWorkbook(workbook, target, { keptParts: kept, keptDrawings: drawings, beforeReplace: options.beforeReplace, shownPath: shown });
        return true;
      },
      close() {
        if (!closed) {
          const hint = model.uncalculatedHint();
          if (hint) print(hint);
        }
        closed = true;
        releaseLocks();
      },
    };
  } catch (error) {
    releaseLocks();
    throw error;
  }
}

/** The workbook at `realPath` (named `path` to the user), or a new one when it does not exist and `create` is set. */
async function readOrCreate(realPath: string, path: string, create: boolean) {
  if (!existsSync(realPath)) {
    if (create) return newWorkbook();
    throw new Error(`找不到文件：${path}`);
  }
  return readWorkbook(path); // messages name the file as the user did; reading follows links anyway
}

/** Services whose changes are saved in the file: the spreadsheet and the properties kept in it. */
const SAVED_INTERFACES = new Set(['Spreadsheet', 'Sheet', 'Range', 'RangeList', 'Protection', 'Properties']);
/** Method names that change what they are called on (a net under the cost table, which marks writes). */
const CHANGING_METHOD = /^(set|insert|delete|clear|append|remove|add|merge|unmerge|protect|hide|show|sort|copy|move|apply|update|create|auto|break|trim|randomize|uncheck|check)/;
/** Choosing the active sheet or range is the user's view of the file, not a change to keep. */
const VIEW_METHOD = /^setActive/;

/**
 * Whether a call changes the workbook: a call the cost table marks as a write, or any method of a
 * saved service named like a change, so that a fake added without its cost still makes the save
 * happen (a needless rewrite is harmless; a skipped save would lose work).
 */
function changesWorkbook(interfaceName: string, method: string, cost: string): boolean {
  if (!SAVED_INTERFACES.has(interfaceName)) return false;
  if (cost === 'write') return true;
  return CHANGING_METHOD.test(method) && !VIEW_METHOD.test(method);
}
