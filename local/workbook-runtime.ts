/**
 * Opens a workbook for one `banzhuren` run: takes the workbook's lock file, reads the .xlsx and the
 * state kept in it, starts the simulated clock (--today at 09:00 in the spreadsheet's time zone),
 * loads dist/Code.js with the fake Apps Script services over that workbook, and later saves the
 * workbook (with its state) and releases the lock. A second process on the same workbook waits
 * for the first to close, then reads what it saved.
 */
import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { loadBundle, type LoadedBundle } from './runtime/bundle';
import type { CallCounter } from './runtime/call-counter';
import { SimulatedClock } from './runtime/clock';
import { acquireFileLock, type FileLock } from './runtime/file-lock';
import { instantOfDateAndTime, isKnownTimeZone } from './runtime/time-zones';
import { newWorkbook, readWorkbook, writeWorkbook } from './runtime/xlsx-file';
import { parseA1, splitSheetName } from './services/a1-notation';
import { makeCacheService } from './services/cache-service';
import type { FakeContext } from './services/fake-object';
import { makeLockService } from './services/lock-service';
import { logSink, makeConsole, makeLogger } from './services/logger';
import { makePropertiesService } from './services/properties-service';
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
}

/** One opened workbook with the bundle loaded over it. */
export interface WorkbookRuntime {
  bundle: LoadedBundle;
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
  /** Makes `sheetName` the active sheet and selects `a1` on it (default A1). */
  select(sheetName: string, a1?: string): void;
  /** Makes `sheetName` active and selects whole rows `firstRow`…`lastRow`, as clicking row headers does. */
  selectRows(sheetName: string, firstRow: number, lastRow?: number): void;
  /** Writes the workbook (and its state) to `outPath`, by default where it was read from. */
  save(outPath?: string): Promise<void>;
  /** Releases the workbook's lock. */
  close(): void;
}

/** Opens a workbook for one run; see WorkbookRuntime. Holds the workbook's lock until close(). */
export async function openWorkbookRuntime(options: WorkbookRuntimeOptions): Promise<WorkbookRuntime> {
  if (options.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.today)) {
    throw new Error(`日期应为 YYYY-MM-DD，收到“${options.today}”`);
  }
  if (options.timeZone !== undefined && !isKnownTimeZone(options.timeZone)) {
    throw new Error(`不认识的时区：${options.timeZone}`);
  }
  const path = options.path;
  const lock: FileLock | undefined = path
    ? await acquireFileLock(`${path}.lock`, { waitMs: options.lockWaitMs, workbookPath: path })
    : undefined;
  try {
    const workbook = path ? await readOrCreate(path, options.create === true) : newWorkbook();
    const state = WorkbookState.read(workbook, { timeZone: options.timeZone ?? DEFAULT_TIME_ZONE });
    const start = options.today ? instantOfDateAndTime(options.today, 9, 0, state.timeZone) : Date.now();
    const clock = new SimulatedClock(start);
    const name = path ? basename(path, extname(path)) : '工作簿';
    const model = new WorkbookModel(workbook, state, name);
    if (options.answer) model.ui.answer = options.answer;
    if (options.promptAnswers) model.ui.promptAnswers = [...options.promptAnswers];
    const print = options.print ?? ((line: string) => process.stderr.write(`${line}\n`));
    const email = options.as ?? '';
    const sink = logSink();
    let fakeContext: FakeContext | undefined;
    const bundle = loadBundle(
      (realm) => {
        const context: FakeContext = { realm, counter: options.counter, clock };
        fakeContext = context;
        const env: SpreadsheetEnv = { context, model, print };
        return {
          SpreadsheetApp: makeSpreadsheetApp(env),
          PropertiesService: makePropertiesService(context, state, email),
          CacheService: makeCacheService(context, email),
          LockService: makeLockService(context),
          Session: makeSession(context, email, state.spreadsheetId),
          Utilities: makeUtilities(context),
          Logger: makeLogger(context, sink),
        };
      },
      { code: options.code, now: () => clock.now(), console: makeConsole(() => fakeContext as FakeContext, sink) },
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
    };
    return {
      bundle,
      counter: options.counter,
      clock,
      get timeZone() {
        return state.timeZone;
      },
      path,
      state,
      ui: model.ui,
      select(sheetName, a1 = 'A1') {
        const sheet = model.sheetByName(sheetName);
        const grid = sheet ? model.grid(sheet) : { maxRows: 0, maxColumns: 0 };
        const rect = parseA1(splitSheetName(a1).a1, grid.maxRows, grid.maxColumns);
        if (!rect) throw new Error(`无法识别的范围：${a1}`);
        selectRect(sheetName, rect);
      },
      selectRows(sheetName, firstRow, lastRow = firstRow) {
        const sheet = model.sheetByName(sheetName);
        const columns = sheet ? model.grid(sheet).maxColumns : 1;
        selectRect(sheetName, { row: firstRow, column: 1, numRows: lastRow - firstRow + 1, numColumns: columns });
      },
      async save(outPath) {
        if (closed) throw new Error('工作簿已关闭，无法保存');
        const target = outPath ?? path;
        if (!target) throw new Error('没有指定保存位置');
        state.write(workbook);
        await writeWorkbook(workbook, target);
      },
      close() {
        if (!closed) {
          const hint = model.uncalculatedHint();
          if (hint) print(hint);
        }
        closed = true;
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** The workbook at `path`, or a new one when it does not exist and `create` is set. */
async function readOrCreate(path: string, create: boolean) {
  if (create && !existsSync(path)) return newWorkbook();
  return readWorkbook(path);
}
